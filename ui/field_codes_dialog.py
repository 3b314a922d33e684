"""Field codes (mã lĩnh vực, MaLinhVuc): the admin types each field's code as the province's
catalog gives it; the day files carry it with every dossier of the field."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from models.catalog import list_fields, set_field_code

from .field_errors import FieldErrors
from .runner import Op

NAME, CODE, PROCEDURES = range(3)


class FieldCodesDialog(QDialog):
    """``saved(count)`` once the changed codes are stored (count: procedures changed)."""

    saved = Signal(int)
    loaded = Signal()

    def __init__(self, officer, parent=None):
        super().__init__(parent)
        self.officer = officer
        self.fields = []
        self.setWindowTitle(self.tr("Field codes"))
        self.errors = FieldErrors()
        hint = QLabel(self.tr("Type each field's code as the province's catalog gives it. The day file "
                              "sends it with every dossier of the field (MaLinhVuc); a field without a "
                              "code is sent empty and named in the export's notes."))
        hint.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Code"), self.tr("Procedures")])
        self.table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().setVisible(False)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(self.tr("Save"), QDialogButtonBox.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        self.resize(680, 480)
        Op(self, list_fields).success(self._show).run_in_background()

    def _show(self, fields) -> None:
        self.fields = fields
        self.table.setRowCount(len(fields))
        for row, f in enumerate(fields):
            for column, value in ((NAME, f.name), (CODE, f.code), (PROCEDURES, str(f.procedures))):
                item = QTableWidgetItem(value)
                if column != CODE:
                    item.setFlags(item.flags() & ~Qt.ItemIsEditable)
                self.table.setItem(row, column, item)
        self.table.resizeColumnToContents(CODE)
        self.table.setColumnWidth(CODE, max(self.table.columnWidth(CODE), 160))  # room to type a code
        self.loaded.emit()

    def set_code(self, field_name: str, code: str) -> None:
        for row, f in enumerate(self.fields):
            if f.name == field_name:
                self.table.item(row, CODE).setText(code)

    def changes(self) -> list[tuple[str, str]]:
        """(field, new code) of the rows whose code was changed."""
        return [(f.name, self.table.item(row, CODE).text().strip()) for row, f in enumerate(self.fields)
                if self.table.item(row, CODE).text().strip() != f.code]

    def submit(self) -> None:
        changes, officer = self.changes(), self.officer

        def work() -> int:
            return sum(set_field_code(name, code, by=officer) for name, code in changes)

        def done(count: int) -> None:
            self.saved.emit(count)
            self.accept()
        Op(self, work).success(done).failure(lambda exc: self.errors.show(
            getattr(exc, "errors", None) or {"": str(exc)})).run_in_background()
