"""Editing one procedure of the catalog (thủ tục hành chính); saved through the catalog import,
so a hand edit obeys exactly the rules of a province's file."""
from __future__ import annotations

from dataclasses import asdict

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from models.calendar import DURATION_UNITS
from models.catalog import REQUIRED, SHOWN, SITUATIONAL, ProcedureInfo, import_entries

from .field_errors import FieldErrors
from .runner import Op

UNIT_NAMES = {
    "working_days": QT_TRANSLATE_NOOP("ProcedureDialog", "working days"),
    "calendar_days": QT_TRANSLATE_NOOP("ProcedureDialog", "calendar days"),
    "working_hours": QT_TRANSLATE_NOOP("ProcedureDialog", "working hours"),
    "same_day": QT_TRANSLATE_NOOP("ProcedureDialog", "same day"),
    "immediate": QT_TRANSLATE_NOOP("ProcedureDialog", "immediately"),
}


class ProcedureDialog(QDialog):
    saved = Signal(str)

    def __init__(self, procedure: ProcedureInfo | None, officer, parent=None):
        super().__init__(parent)
        self.officer = officer
        self.setWindowTitle(self.tr("Procedure") if procedure is None else procedure.name)
        self.errors = FieldErrors()
        self.code = QLineEdit()
        self.name = QLineEdit()
        self.field_name = QLineEdit()
        self.field_code = QLineEdit()
        self.field_code.setPlaceholderText(self.tr("as the province's catalog gives it; one code per field"))
        self.level = QLineEdit("xã")
        self.duration = QSpinBox()
        self.duration.setRange(0, 365)
        self.unit = QComboBox()
        for unit in DURATION_UNITS:
            self.unit.addItem(QCoreApplication.translate("ProcedureDialog", UNIT_NAMES[unit]), unit)
        self.cutoff = QLineEdit()
        self.cutoff.setPlaceholderText(self.tr("HH:MM, only for same-day procedures"))
        self.fee = QSpinBox()
        self.fee.setRange(0, 100_000_000)
        self.fee.setSingleStep(1000)
        self.fee_note = QLineEdit()
        self._fee_rule: dict | None = None  # models.fees rule as catalog JSON (ui/fee_rule_dialog.py)
        self.fee_rule = QLabel()
        self.fee_rule.setWordWrap(True)
        fee_rule_button = QPushButton(self.tr("Fee rule…"))
        fee_rule_button.clicked.connect(self._edit_fee_rule)
        self.source = QLineEdit()
        self.active = QCheckBox(self.tr("In use"))
        self.active.setChecked(True)
        self.documents = QTableWidget(0, 5)
        self.documents.setHorizontalHeaderLabels(
            [self.tr("Document"), self.tr("Originals"), self.tr("Copies"), self.tr("Required"), self.tr("Code")])
        self.documents.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        add = QPushButton(self.tr("Add document"))
        remove = QPushButton(self.tr("Remove document"))
        add.clicked.connect(lambda: self._add_document("", 1, 0, REQUIRED))
        remove.clicked.connect(lambda: self.documents.removeRow(self.documents.currentRow()))

        form = QFormLayout()
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Field"), self.field_name)
        form.addRow(self.tr("Field code"), self.field_code)
        form.addRow(self.tr("Level"), self.level)
        duration = QHBoxLayout()
        duration.addWidget(self.duration)
        duration.addWidget(self.unit, 1)
        form.addRow(self.tr("Time limit"), duration)
        form.addRow(self.tr("Same-day cut-off"), self.cutoff)
        form.addRow(self.tr("Fee (đồng)"), self.fee)
        form.addRow(self.tr("Fee note"), self.fee_note)
        fee_rule_row = QHBoxLayout()
        fee_rule_row.addWidget(self.fee_rule, 1)
        fee_rule_row.addWidget(fee_rule_button)
        form.addRow(self.tr("Fee rule"), fee_rule_row)
        form.addRow(self.tr("Legal basis"), self.source)
        form.addRow("", self.active)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(add)
        buttons_row.addWidget(remove)
        buttons_row.addStretch(1)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(self.tr("Save"), QDialogButtonBox.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Documents")))
        layout.addWidget(self.documents, 1)
        layout.addLayout(buttons_row)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        self.resize(760, 640)
        self._set_fee_rule(None)
        if procedure is not None:
            self._load(procedure)

    def _load(self, p: ProcedureInfo) -> None:
        self.code.setText(p.code)
        self.code.setReadOnly(True)
        self.name.setText(p.name)
        self.field_name.setText(p.field)
        self.field_code.setText(p.field_code)
        # Kept as they are: what this dialog does not edit must not be lost when it saves.
        self._kept = {"national_code": p.national_code, "results": [asdict(r) for r in p.results]}
        self.level.setText(p.level)
        self.duration.setValue(p.duration_value)
        self.unit.setCurrentIndex(self.unit.findData(p.duration_unit))
        self.cutoff.setText(p.same_day_cutoff or "")
        self.fee.setValue(p.fee)
        self.fee_note.setText(p.fee_note)
        self._set_fee_rule(p.fee_rule.to_dict() if p.fee_rule else None)
        self.source.setText(p.source)
        self.active.setChecked(p.active)
        self._note, self._confirmed = p.note, p.confirmed
        for d in p.documents:
            self._add_document(d.name, d.originals, d.copies, d.kind, d.code)

    def _set_fee_rule(self, rule: dict | None) -> None:
        from models.fees import parse_rule

        self._fee_rule = rule
        parsed = parse_rule(rule, "", []) if rule else None
        self.fee_rule.setText(parsed.describe() if parsed else self.tr("The fee above, per dossier"))

    def _edit_fee_rule(self) -> None:
        from .fee_rule_dialog import FeeRuleDialog

        dialog = FeeRuleDialog(self._fee_rule, self)
        if dialog.exec():
            self._set_fee_rule(dialog.rule)

    def _add_document(self, name: str, originals: int, copies: int, kind: str, code: str = "") -> None:
        row = self.documents.rowCount()
        self.documents.insertRow(row)
        item = QTableWidgetItem(name)
        item.setData(Qt.UserRole, kind)
        self.documents.setItem(row, 0, item)
        self.documents.setItem(row, 4, QTableWidgetItem(code))
        for column, value in ((1, originals), (2, copies)):
            spin = QSpinBox()
            spin.setRange(0, 99)
            spin.setValue(value)
            self.documents.setCellWidget(row, column, spin)
        box = QCheckBox()
        box.setChecked(kind == REQUIRED)
        self.documents.setCellWidget(row, 3, box)

    def _kind(self, row: int) -> str:
        """Ticked: required; unticked: situational — a paper only shown stays shown."""
        item = self.documents.item(row, 0)
        if self.documents.cellWidget(row, 3).isChecked():
            return REQUIRED
        return SHOWN if item is not None and item.data(Qt.UserRole) == SHOWN else SITUATIONAL

    def entry(self) -> dict:
        return {
            **getattr(self, "_kept", {}),
            "code": self.code.text(), "name": self.name.text(), "field": self.field_name.text(),
            "field_code": self.field_code.text(),
            "level": self.level.text(),
            "duration": {"value": self.duration.value(), "unit": self.unit.currentData()},
            "same_day_cutoff": self.cutoff.text(), "fee": self.fee.value(),
            "fee_note": self.fee_note.text(), "source": self.source.text(), "fee_rule": self._fee_rule,
            "note": getattr(self, "_note", ""), "confirmed": getattr(self, "_confirmed", False),
            "active": self.active.isChecked(),
            "documents": [
                {"name": (self.documents.item(r, 0).text() if self.documents.item(r, 0) else ""),
                 "originals": self.documents.cellWidget(r, 1).value(),
                 "copies": self.documents.cellWidget(r, 2).value(),
                 "kind": self._kind(r),
                 "code": self.documents.item(r, 4).text() if self.documents.item(r, 4) else ""}
                for r in range(self.documents.rowCount())
            ],
        }

    def submit(self) -> None:
        entry, officer = self.entry(), self.officer

        def done(report) -> None:
            if report.errors:
                self.errors.show({"": "\n".join(report.errors)})
                return
            self.saved.emit(entry["code"])
            self.accept()
        Op(self, lambda: import_entries([entry], officer=officer, origin="ui")).success(done) \
            .run_in_background()
