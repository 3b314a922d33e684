"""Showing a printed form on screen (QPdfView), with "print again"."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from .field_errors import ERROR_STYLE
from .screen_fit import fit_to_screen


class PdfPreview(QDialog):
    """A non-modal window: the queue goes on while the receipt is on screen."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print preview"))
        fit_to_screen(self, 720, 900)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.print_button = QPushButton(self.tr("&Print again"))
        self.print_button.setToolTip(self.tr("Send this form to the printer again (Ctrl+P)"))
        self.print_button.setShortcut(QKeySequence.Print)
        close = QPushButton(self.tr("Close"))
        close.setToolTip(self.tr("Close the preview (Esc)"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)
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

    def set_status(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)

    def page_count(self) -> int:
        return self.document.pageCount()
