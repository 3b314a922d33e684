"""Editing a procedure's fee rule (quy tắc tính phí): per dossier, per copy, or per page in tiers
with a cap per copy; the fee's name and code for the portal; the usual exemptions. Checked by
models.fees.parse_rule, exactly as a catalog file's rule."""
from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
)

from models.fees import parse_rule

from .field_errors import FieldErrors

_TIER = re.compile(r"^\s*(\d+)\s*[-–]\s*(\d*)\s*:\s*([\d.]+)\s*$")


def tiers_text(tiers: list[dict]) -> str:
    """ "1-2: 2000" lines, the last tier open ("3-: 1000")."""
    return "\n".join(f"{t['from']}-{t['to'] or ''}: {t['per_page']}" for t in tiers)


def parse_tiers(text: str) -> list[dict] | None:
    tiers = []
    for line in text.splitlines():
        if not line.strip():
            continue
        match = _TIER.match(line)
        if match is None:
            return None
        first, last, price = match.groups()
        tiers.append({"from": int(first), "to": int(last) if last else None,
                      "per_page": int(price.replace(".", ""))})
    return tiers


class FeeRuleDialog(QDialog):
    """``rule`` is the rule as a catalog dict, or None for the flat fee per dossier."""

    def __init__(self, rule: dict | None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fee rule"))
        self.rule = rule
        self.errors = FieldErrors()
        self.basis = QComboBox()
        self.basis.addItem(self.tr("The flat fee, per dossier"), "")
        self.basis.addItem(self.tr("An amount per dossier"), "case")
        self.basis.addItem(self.tr("An amount per copy"), "copy")
        self.basis.addItem(self.tr("Per page of the original, in tiers"), "page")
        self.amount = QSpinBox()
        self.amount.setRange(0, 100_000_000)
        self.amount.setSingleStep(1000)
        self.tiers = QPlainTextEdit()
        self.tiers.setFixedHeight(70)
        self.tiers.setPlaceholderText("1-2: 2000\n3-: 1000")
        self.tiers.setToolTip(self.tr("One tier per line: first page-last page: price per page; "
                                      "the last tier has no last page"))
        self.cap = QSpinBox()
        self.cap.setRange(0, 100_000_000)
        self.cap.setSingleStep(10_000)
        self.cap.setSpecialValueText(self.tr("no cap"))
        self.name = QLineEdit()
        self.code = QLineEdit()
        self.exemptions = QPlainTextEdit()
        self.exemptions.setFixedHeight(60)
        self.exemptions.setToolTip(self.tr("The usual reasons for exemption, one per line"))
        self.source = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("Computed"), self.basis)
        form.addRow(self.tr("Amount (đồng)"), self.amount)
        form.addRow(self.tr("Tiers (đồng a page)"), self.tiers)
        form.addRow(self.tr("Most a copy can cost"), self.cap)
        form.addRow(self.tr("Fee name (for the portal)"), self.name)
        form.addRow(self.tr("Fee code"), self.code)
        form.addRow(self.tr("Usual exemptions"), self.exemptions)
        form.addRow(self.tr("Legal basis"), self.source)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Use this rule"), QDialogButtonBox.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        self.basis.currentIndexChanged.connect(self._basis_changed)
        if rule:
            self.basis.setCurrentIndex(max(0, self.basis.findData(rule.get("basis", "case"))))
            self.amount.setValue(int(rule.get("amount") or 0))
            self.tiers.setPlainText(tiers_text(rule.get("tiers") or []))
            self.cap.setValue(int(rule.get("cap_per_copy") or 0))
            self.name.setText(rule.get("name", ""))
            self.code.setText(rule.get("code", ""))
            self.exemptions.setPlainText("\n".join(rule.get("exemptions") or []))
            self.source.setText(rule.get("source", ""))
        self._basis_changed()

    def _basis_changed(self) -> None:
        basis = self.basis.currentData()
        for widget in (self.name, self.code, self.exemptions, self.source):
            widget.setEnabled(bool(basis))
        self.amount.setEnabled(basis in ("case", "copy"))
        self.tiers.setEnabled(basis == "page")
        self.cap.setEnabled(basis == "page")

    def edited(self) -> dict | None:
        basis = self.basis.currentData()
        if not basis:
            return None
        rule: dict = {"basis": basis, "name": self.name.text(), "code": self.code.text(),
                      "exemptions": [x for x in self.exemptions.toPlainText().splitlines() if x.strip()],
                      "source": self.source.text()}
        if basis == "page":
            rule["tiers"] = parse_tiers(self.tiers.toPlainText())
            rule["cap_per_copy"] = self.cap.value() or None
        else:
            rule["amount"] = self.amount.value()
        return rule

    def submit(self) -> None:
        rule = self.edited()
        if rule is not None:
            if rule.get("tiers", []) is None:
                self.errors.show({"": self.tr("Write each tier as first-last: price, e.g. 1-2: 2000.")})
                return
            problems: list[str] = []
            if parse_rule(rule, self.tr("Fee rule"), problems) is None:
                self.errors.show({"": "\n".join(problems)})
                return
        self.rule = rule
        self.accept()


__all__ = ["FeeRuleDialog", "parse_tiers", "tiers_text"]
