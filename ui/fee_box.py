"""The fee at intake, live: pages and copies as the procedure's fee rule needs them, an
exemption with its reason, and the amount as the officer types (models.fees computes it; the
intake service computes it again when saving, from the same numbers)."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from models.errors import ValidationError
from models.fees import MAX_COPIES, MAX_PAGES, FeeBasis, money, quote


class FeeBox(QWidget):
    """``basis()`` is what the intake request carries as ``fee_basis``."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rule = None
        self.pages = QSpinBox()
        self.pages.setRange(0, MAX_PAGES)
        self.pages.setSpecialValueText("—")
        self.pages.setToolTip(self.tr("Pages of the original (the fee is counted per page)"))
        self.copies = QSpinBox()
        self.copies.setRange(1, MAX_COPIES)
        self.copies.setToolTip(self.tr("Copies asked for"))
        self.exempt = QCheckBox(self.tr("Exempt"))
        self.exempt.setToolTip(self.tr("The citizen is exempt from the fee; give the reason"))
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.setEnabled(False)
        self.reason.lineEdit().setPlaceholderText(self.tr("Reason for the exemption"))
        self.amount = QLabel()
        self.amount.setObjectName("fee_amount")
        self.amount.setStyleSheet("font-weight: bold; color: #0b5394;")
        self.amount.setWordWrap(True)
        # The amount again, large, for the intake's side column next to the appointment.
        self.total = QLabel()
        self.total.setObjectName("fee_total")
        self.total.setStyleSheet("font-size: 15px; font-weight: bold; color: #0b5394;")
        self.total.setWordWrap(True)
        self.pages_label = QLabel(self.tr("Pages"))
        self.pages_label.setBuddy(self.pages)
        self.copies_label = QLabel(self.tr("Copies"))
        self.copies_label.setBuddy(self.copies)
        numbers = QHBoxLayout()
        for widget in (self.pages_label, self.pages, self.copies_label, self.copies, self.exempt):
            numbers.addWidget(widget)
        numbers.addWidget(self.reason, 1)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addLayout(numbers, 0, 0)
        grid.addWidget(self.amount, 1, 0)
        self.pages.valueChanged.connect(self.refresh)
        self.copies.valueChanged.connect(self.refresh)
        self.exempt.toggled.connect(self._exempt_toggled)
        self.reason.editTextChanged.connect(self.refresh)
        self.set_procedure(None)

    def set_procedure(self, procedure) -> None:
        """A models.catalog.ProcedureInfo, or None."""
        self.rule = procedure.effective_fee_rule if procedure is not None else None
        rule = self.rule
        self.pages_label.setVisible(bool(rule and rule.needs_pages))
        self.pages.setVisible(bool(rule and rule.needs_pages))
        self.copies_label.setVisible(bool(rule and rule.needs_copies))
        self.copies.setVisible(bool(rule and rule.needs_copies))
        charges = bool(rule and rule.charges)
        self.exempt.setVisible(charges)
        self.reason.setVisible(charges)
        self.reason.clear()
        if rule is not None:
            self.reason.addItems(list(rule.exemptions))
        self.reason.setEditText("")
        self.setToolTip(rule.describe() if rule is not None else "")
        self.refresh()

    def _exempt_toggled(self, on: bool) -> None:
        self.reason.setEnabled(on)
        if on:
            self.reason.setFocus()
        self.refresh()

    def basis(self) -> FeeBasis | None:
        rule = self.rule
        if rule is None:
            return None
        reason = self.reason.currentText().strip() if self.exempt.isChecked() else ""
        pages = (self.pages.value() or None) if rule.needs_pages else None
        copies = self.copies.value() if rule.needs_copies else None
        if pages is None and copies is None and not reason:
            return None
        return FeeBasis(pages=pages, copies=copies, exempt_reason=reason)

    def refresh(self) -> None:
        self._refresh()
        total = self.amount.text().split(" – ")[0] if self.rule is not None and self.rule.charges else ""
        self.total.setText(self.tr("Fee: %1").replace("%1", total) if total else "")
        self.changed.emit()

    def _refresh(self) -> None:
        rule = self.rule
        if rule is None:
            self.amount.setText("")
        elif not rule.charges:
            self.amount.setText(self.tr("No fee"))
        elif self.exempt.isChecked() and not self.reason.currentText().strip():
            self.amount.setText(self.tr("Give the reason for the exemption"))
        else:
            try:
                result = quote(rule, self.basis())
            except ValidationError:
                self.amount.setText(self.tr("Enter the number of pages to compute the fee"))
            else:
                text = money(result.amount) if not result.exempt_reason else \
                    self.tr("Exempt (%1)").replace("%1", money(result.full_amount))
                if result.explanation and not result.exempt_reason and rule.basis != "case":
                    text += f" – {result.explanation}"
                self.amount.setText(text)

    def clear(self) -> None:
        self.pages.setValue(0)
        self.copies.setValue(1)
        self.exempt.setChecked(False)
        self.reason.setEditText("")
        self.refresh()


__all__ = ["FeeBox"]
