"""Trả kết quả (return): scan the receipt's barcode (code + Enter) or type the code.

A USB scanner types like a keyboard, fast, then Enter; the code is looked up by its exact,
indexed value after removing spaces and upper-casing, so "000.00.24.h12-260213-0001 " works.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from models.codes import normalise_dossier_code
from models.dossiers import get_dossier
from models.errors import NotFoundError
from models.search import DossierFilter
from models.statuses import FINISHED

from .desk_screen import DossierTable
from .dossier_table_model import DossierTableModel
from .field_errors import ERROR_STYLE
from .runner import Op


class ReturnScreen(QWidget):
    """``found(code)`` when a scanned code exists (the window opens it with "return" ready)."""

    found = Signal(str)
    open_code = Signal(str)
    not_found = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.scan = QLineEdit()
        self.scan.setObjectName("scan_field")
        self.scan.setPlaceholderText(self.tr("Scan the receipt barcode or type the dossier code, then Enter"))
        self.scan.setToolTip(self.tr("Reach this field from anywhere with F2"))
        font = QFont()
        font.setPointSize(16)
        self.scan.setFont(font)
        self.go = QPushButton(self.tr("Open"))
        self.go.setToolTip(self.tr("Open the dossier (Enter)"))
        self.message = QLabel()
        self.message.setObjectName("scan_message")
        self.message.setWordWrap(True)
        self.model = DossierTableModel(self)
        self.table = DossierTable(self.model)
        self.table.open_code.connect(self.open_code)
        row = QHBoxLayout()
        row.addWidget(self.scan, 1)
        row.addWidget(self.go)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Dossier code")))
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("Results ready to hand over (processed, not yet returned)")))
        layout.addWidget(self.table, 1)
        self.scan.returnPressed.connect(self.lookup)
        self.go.clicked.connect(self.lookup)

    def load(self) -> None:
        self.model.sort_key, self.model.descending = "due_at", False
        self.model.reload(DossierFilter(statuses=[FINISHED]))

    def focus_scan(self) -> None:
        self.scan.setFocus()
        self.scan.selectAll()

    focus_first = focus_scan

    def lookup(self) -> None:
        typed = self.scan.text()
        code = normalise_dossier_code(typed)
        if not code:
            return
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Looking up %1…").replace("%1", code))

        def done(view) -> None:
            self.message.setText(f"{view.code} – {view.applicant_name} – {view.status_name}")
            self.scan.clear()
            self.found.emit(view.code)

        def failed(exc: Exception) -> None:
            self.message.setStyleSheet(ERROR_STYLE + "font-size: 14px; font-weight: bold;")
            if isinstance(exc, NotFoundError):
                self.message.setText(self.tr("No dossier has the code “%1”. Check the receipt and scan again.")
                                     .replace("%1", code))
            else:
                self.message.setText(str(exc))
            self.scan.selectAll()
            self.not_found.emit(code)

        Op(self, lambda: get_dossier(code)).success(done).failure(failed).run_in_background()
