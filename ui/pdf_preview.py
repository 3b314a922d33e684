"""Showing a printed form on screen (QPdfView), with "print again".

Window-modal over the screen that printed it: the officer checks the receipt, Esc closes it
and the cursor is back where it was (the ID field, for the next citizen). It is sized to the
screen it opens on (a 1366×768 counter screen has no room for an A4 page at full height), so
its buttons and the print status line are always visible.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from .field_errors import ERROR_STYLE

PREFERRED = (720, 900)  # an A4 page at a readable size, when the screen allows it


def fitting_size(widget, preferred: tuple[int, int], margin: int = 60) -> tuple[int, int]:
    """``preferred`` shrunk to the available area of the widget's screen (minus the window
    frame and a margin)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    return min(preferred[0], area.width() - margin), min(preferred[1], area.height() - margin)


class PdfPreview(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print preview"))
        self.setWindowModality(Qt.WindowModal)
        self.resize(*fitting_size(self, PREFERRED))
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setMinimumWidth(1)
        self.print_button = QPushButton(self.tr("&Print again"))
        self.print_button.setToolTip(self.tr("Send this form to the printer again (Ctrl+P)"))
        self.print_button.setShortcut(QKeySequence.Print)
        self.print_button.setAutoDefault(False)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Close the preview (Esc)"))
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._buffer: QBuffer | None = None
        self._reprint: Callable[[], None] | None = None
        self.print_button.clicked.connect(lambda: self._reprint and self._reprint())
        self.pdf = b""

    def show_pdf(self, pdf: bytes, title: str, reprint: Callable[[], None] | None = None) -> None:
        self.pdf = pdf
        self.setWindowTitle(title)
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        self._reprint = reprint
        self.print_button.setVisible(reprint is not None)
        self.set_status("")
        self.show()
        self.raise_()
        self.activateWindow()
        self.close_button.setFocus()

    def set_status(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)

    def page_count(self) -> int:
        return self.document.pageCount()
