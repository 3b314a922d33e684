"""Danh mục (catalog): browse the procedures, edit one, set the fields' codes, import a
province's file, export."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.catalog import export_catalog, import_catalog, list_procedures

from .field_codes_dialog import FieldCodesDialog
from .i18n import fmt_number
from .procedure_dialog import ProcedureDialog
from .runner import Op


class CatalogScreen(QWidget):
    changed = Signal()
    listed = Signal(int)

    def __init__(self, officer, is_admin: bool, parent=None):
        super().__init__(parent)
        self.officer, self.is_admin = officer, is_admin
        self.procedures = []
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter by name, field or code (accents optional)"))
        self.search.setClearButtonEnabled(True)
        self.inactive = QCheckBox(self.tr("Show procedures no longer in use"))
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Procedure"), self.tr("Field"), self.tr("Time limit"),
             self.tr("Documents")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.new = QPushButton(self.tr("New procedure"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Edit the selected procedure (Enter or double-click)"))
        self.import_button = QPushButton(self.tr("Import file…"))
        self.import_button.setToolTip(self.tr("A province's catalog as JSON or CSV; checked in full "
                                              "before anything changes"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.codes_button = QPushButton(self.tr("Field codes…"))
        self.codes_button.setToolTip(self.tr("The code of each field (MaLinhVuc) as the province's catalog gives it"))
        self.codes_button.clicked.connect(self.edit_field_codes)
        for button in (self.new, self.edit_button, self.import_button, self.codes_button):
            button.setEnabled(is_admin)
        self.new.clicked.connect(lambda: self.edit(new=True))
        self.edit_button.clicked.connect(self.edit)
        self.import_button.clicked.connect(self.import_file)
        self.export_button.clicked.connect(self.export_file)
        self.summary = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.inactive)
        buttons = QHBoxLayout()
        for button in (self.new, self.edit_button, self.codes_button, self.import_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._debounce = QTimer(self, singleShot=True, interval=200)
        self._debounce.timeout.connect(self.load)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.inactive.toggled.connect(lambda _on: self.load())
        self.dialog: ProcedureDialog | None = None
        self.codes_dialog: FieldCodesDialog | None = None

    def load(self) -> None:
        text, inactive = self.search.text(), self.inactive.isChecked()
        Op(self, lambda: list_procedures(include_inactive=inactive, search=text)) \
            .success(self._show).run_in_background()

    def _show(self, procedures) -> None:
        self.procedures = procedures
        self.table.setRowCount(len(procedures))
        for row, p in enumerate(procedures):
            field = f"{p.field} ({p.field_code})" if p.field_code else p.field
            values = [p.code, p.name, field, p.time_limit_text, str(len(p.documents))]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if not p.active:
                    item.setForeground(Qt.gray)
                self.table.setItem(row, column, item)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)
        self.summary.setText(self.tr("%1 procedures").replace("%1", fmt_number(len(procedures))))
        self.listed.emit(len(procedures))

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and self.table.hasFocus():
            self.edit()
            return
        super().keyPressEvent(event)

    def edit(self, new: bool = False) -> ProcedureDialog | None:
        if not self.is_admin:
            return None
        row = self.table.currentRow()
        if not new and row < 0:
            return None
        procedure = None if new else self.procedures[row]
        self.dialog = ProcedureDialog(procedure, self.officer, self)
        self.dialog.saved.connect(lambda _code: (self.load(), self.changed.emit()))
        self.dialog.show()
        return self.dialog

    def edit_field_codes(self) -> FieldCodesDialog | None:
        if not self.is_admin:
            return None
        self.codes_dialog = FieldCodesDialog(self.officer, self)
        self.codes_dialog.saved.connect(lambda _n: (self.load(), self.changed.emit()))
        self.codes_dialog.show()
        return self.codes_dialog

    def import_file(self, path: str = "") -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import catalog"), "",
                                                  self.tr("Catalog (*.json *.csv)"))
        if not path:
            return
        officer = self.officer
        Op(self, lambda: import_catalog(path, dry_run=True, officer=officer)).with_progress(self.tr("Checking the file…")) \
            .success(lambda report: self._confirm_import(path, report)).run_in_background()

    def _confirm_import(self, path: str, report) -> None:
        if report.errors:
            QMessageBox.warning(self, self.tr("Import catalog"),
                                self.tr("Nothing was imported:") + "\n" + "\n".join(report.errors[:20]))
            return
        text = self.tr("New: %1, changed: %2, unchanged: %3. Import?") \
            .replace("%1", str(len(report.added))).replace("%2", str(len(report.updated))) \
            .replace("%3", str(report.unchanged))
        if QMessageBox.question(self, self.tr("Import catalog"), text) != QMessageBox.Yes:
            return
        officer = self.officer
        Op(self, lambda: import_catalog(path, officer=officer)).with_progress(self.tr("Importing…")) \
            .success(lambda _r: (self.load(), self.changed.emit())).run_in_background()

    def export_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export catalog"), "danh-muc-tthc.json",
                                              self.tr("Catalog (*.json *.csv)"))
        if path:
            Op(self, lambda: export_catalog(path)).success(
                lambda n: self.summary.setText(self.tr("%1 procedures exported").replace("%1", str(n)))
            ).run_in_background()
