"""Show a dossier's form and send that same PDF to the printer, both off the GUI thread.

The form is rendered once (models.forms.render_for_printing) on the database thread; the
preview shows it at once and the printer thread submits those bytes, so what is printed is what
was shown (a control sheet does not read the clock twice). Then the database thread records the
print (models.forms.record_printed: a receipt is marked printed only once its job was
accepted). A print failure never loses the dossier: it stays saved and marked for a reprint.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from .preload import DATA, PRINTING
from .runner import Op, PrintOp


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

    def show_form(self, form, *, print_now: bool) -> None:
        """``form``: a models.forms.RenderedForm. Shown, and printed at once if asked."""
        from models.form_kinds import FORM_NAMES

        preview = self._preview()
        preview.show_pdf(form.pdf, f"{FORM_NAMES.get(form.kind, form.kind)} – {form.code}",
                         reprint=lambda: self.print(form))
        self.shown.emit(form.kind, form.pdf)
        if print_now:
            self.print(form)

    def show(self, kind: str, code: str, *, print_now: bool = False,
             then: Callable[[], None] | None = None) -> None:
        """Render ``kind`` for ``code`` in the background, show it, optionally print it."""
        def done(form) -> None:
            self.show_form(form, print_now=print_now)
            if then:
                then()

        def work():
            from models.forms import render_for_printing

            return render_for_printing(kind, code)
        Op(self._parent, work, needs=(DATA, PRINTING)).success(done).run_in_background()

    def print(self, form) -> None:
        """Send the rendered form to the printer, then record it as printed."""
        preview = self._preview()
        preview.set_status(QCoreApplication.translate("FormPrinter", "Printing…"))

        def sent(_pages) -> None:
            from models.forms import record_printed

            officer = self.officer
            Op(self._parent, lambda: record_printed(form, by=officer)).success(recorded).run_in_background()

        def recorded(_result) -> None:
            preview.set_status(QCoreApplication.translate("FormPrinter", "Sent to the printer."))
            self.printed.emit(form.kind, form.code)

        def failed(exc: Exception) -> None:
            message = getattr(exc, "message", None) or str(exc)
            preview.set_status(QCoreApplication.translate(
                "FormPrinter", "Not printed: %s The dossier is saved; press Print again.") % message,
                error=True)
            self.print_failed.emit(form.code, message)

        officer = self.officer

        def work():
            from models.forms import send_to_printer
            from models.slips import send_receipt

            return send_receipt(form, by=officer) if form.kind == "receipt" else send_to_printer(form)
        PrintOp(self._parent, work).success(sent).failure(failed).run_in_background()
