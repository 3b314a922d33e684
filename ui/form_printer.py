"""Show a dossier's form and send it to the printer, both off the GUI thread.

The preview comes first (the officer sees the receipt at once); printing follows in its own
job. A print failure never loses the dossier: it is saved and stays marked for reprint.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from .printers import print_dossier_form
from .runner import Op


class FormPrinter(QObject):
    """One per screen; keeps one preview window that is reused. Prints as the signed-in
    ``officer`` (each print job is in the audit log)."""

    shown = Signal(str, bytes)  # kind, pdf
    printed = Signal(str, str)  # kind, code
    print_failed = Signal(str, str)  # code, message

    def __init__(self, parent: QWidget, officer=None):
        super().__init__(parent)
        self._parent = parent
        self.officer = officer
        self.preview = None  # a PdfPreview, made on first use

    def _preview(self):
        from .pdf_preview import PdfPreview

        if self.preview is None:
            self.preview = PdfPreview(self._parent)
        return self.preview

    def show_pdf(self, kind: str, code: str, pdf: bytes, *, print_now: bool) -> None:
        from models.forms import FORM_NAMES

        preview = self._preview()
        preview.show_pdf(pdf, f"{FORM_NAMES.get(kind, kind)} – {code}",
                         reprint=lambda: self.print(kind, code))
        self.shown.emit(kind, pdf)
        if print_now:
            self.print(kind, code)

    def show(self, kind: str, code: str, *, print_now: bool = False,
             then: Callable[[], None] | None = None) -> None:
        """Render ``kind`` for ``code`` in a worker, show it, optionally print it."""
        def done(pdf: bytes) -> None:
            self.show_pdf(kind, code, pdf, print_now=print_now)
            if then:
                then()
        def work() -> bytes:
            from models.forms import render_form

            return render_form(kind, code)
        Op(self._parent, work).success(done).run_in_background()

    def print(self, kind: str, code: str) -> None:
        preview = self._preview()
        preview.set_status(QCoreApplication.translate("FormPrinter", "Printing…"))

        def done(_result) -> None:
            preview.set_status(QCoreApplication.translate("FormPrinter", "Sent to the printer."))
            self.printed.emit(kind, code)

        def failed(exc: Exception) -> None:
            message = getattr(exc, "message", None) or str(exc)
            preview.set_status(QCoreApplication.translate("FormPrinter", "Not printed: %s The dossier is saved; press Print again.")
                               % message, error=True)
            self.print_failed.emit(code, message)

        officer = self.officer
        Op(self._parent, lambda: print_dossier_form(kind, code, officer)).success(done).failure(failed) \
            .run_in_background()
