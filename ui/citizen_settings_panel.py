"""Cài đặt › Công dân: the account fees are paid into (VietQR), the 80 mm slip and its printer,
the satisfaction scale and when the citizen is asked. Only an admin saves (the service checks)."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.citizen_settings import RATING_MOMENTS, SLIP_MODES, load_citizen_settings, update_citizen_settings
from models.errors import ValidationError

from .field_errors import FieldErrors
from .printers import available_printers
from .runner import Op


class CitizenSettingsPanel(QWidget):
    def __init__(self, officer, is_admin: bool, parent=None):
        super().__init__(parent)
        self.officer, self.is_admin = officer, is_admin
        self.errors = FieldErrors()
        self.bank = QLineEdit()
        self.bank.setPlaceholderText(self.tr("6 digits, e.g. 970415"))
        self.bank.setMaxLength(6)
        self.account = QLineEdit()
        self.account_name = QLineEdit()
        self.slip_mode = QComboBox()
        for key, name in SLIP_MODES.items():
            self.slip_mode.addItem(name, key)
        self.slip_printer = QComboBox()
        self.levels = QPlainTextEdit()
        self.levels.setTabChangesFocus(True)
        self.levels.setFixedHeight(90)
        self.levels.setToolTip(self.tr("One level per line, the best first"))
        self.satisfied = QSpinBox()
        self.satisfied.setRange(1, 6)
        self.satisfied.setToolTip(self.tr("How many levels, from the top of the scale, count as satisfied"))
        self.ask = QComboBox()
        for key, name in RATING_MOMENTS.items():
            self.ask.addItem(name, key)
        e = self.errors
        form = QFormLayout()
        form.addRow(QLabel(self.tr("<b>Account that receives fees (VietQR)</b>")))
        form.addRow(self.tr("Bank BIN"), e.wrap("vietqr_bank", self.bank))
        form.addRow(self.tr("Account number"), e.wrap("vietqr_account", self.account))
        form.addRow(self.tr("Account name"), e.wrap("vietqr_name", self.account_name))
        form.addRow(QLabel(self.tr("<b>80 mm slip (thermal printer)</b>")))
        form.addRow(self.tr("At intake"), e.wrap("slip_mode", self.slip_mode))
        form.addRow(self.tr("Slip printer"), e.wrap("slip_printer", self.slip_printer))
        form.addRow(QLabel(self.tr("<b>Citizens' satisfaction</b>")))
        form.addRow(self.tr("Levels of the scale"), e.wrap("satisfaction_levels", self.levels))
        form.addRow(self.tr("Levels counted as satisfied"), e.wrap("satisfied_levels", self.satisfied))
        form.addRow(self.tr("Ask the citizen"), e.wrap("ask_rating", self.ask))
        # Saved with the screen's "Save settings" (SettingsScreen.save calls save()).
        self.notice = QLabel("" if is_admin else self.tr("Only an administrator can change the settings."))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.notice)
        layout.addStretch(1)
        for widget in (self.bank, self.account, self.account_name):
            widget.setReadOnly(not is_admin)
        self.levels.setReadOnly(not is_admin)
        for widget in (self.slip_mode, self.slip_printer, self.satisfied, self.ask):
            widget.setEnabled(is_admin)

    def load(self) -> None:
        Op(self, lambda: (load_citizen_settings(), available_printers())).success(self._show).run_in_background()

    def _show(self, loaded) -> None:
        settings, printers = loaded
        self.bank.setText(settings.vietqr_bank)
        self.account.setText(settings.vietqr_account)
        self.account_name.setText(settings.vietqr_name)
        self.slip_mode.setCurrentIndex(max(0, self.slip_mode.findData(settings.slip_mode)))
        self.slip_printer.clear()
        self.slip_printer.addItem(self.tr("The forms' printer"), "")
        for name in printers:
            self.slip_printer.addItem(name, name)
        if settings.slip_printer and self.slip_printer.findData(settings.slip_printer) < 0:
            self.slip_printer.addItem(self.tr("%1 (not found)").replace("%1", settings.slip_printer),
                                      settings.slip_printer)
        self.slip_printer.setCurrentIndex(max(0, self.slip_printer.findData(settings.slip_printer)))
        self.levels.setPlainText("\n".join(settings.satisfaction_levels))
        self.satisfied.setValue(settings.satisfied_levels)
        self.ask.setCurrentIndex(max(0, self.ask.findData(settings.ask_rating)))

    def changes(self) -> dict:
        return {"vietqr_bank": self.bank.text(), "vietqr_account": self.account.text(),
                "vietqr_name": self.account_name.text(), "slip_mode": self.slip_mode.currentData(),
                "slip_printer": self.slip_printer.currentData() or "",
                "satisfaction_levels": self.levels.toPlainText().splitlines(),
                "satisfied_levels": self.satisfied.value(), "ask_rating": self.ask.currentData()}

    def save(self) -> None:
        if not self.is_admin:
            return
        changes, officer = self.changes(), self.officer

        def done(stored) -> None:
            self.errors.clear()
            self.notice.setText(self.tr("Settings saved."))
            self._show((stored, [self.slip_printer.itemData(i) for i in range(1, self.slip_printer.count())]))

        def failed(exc: Exception) -> None:
            self.errors.show(exc.errors if isinstance(exc, ValidationError) else {"": str(exc)})
            self.notice.setText(self.tr("Not saved: correct the fields marked in red."))
        Op(self, lambda: update_citizen_settings(officer, **changes)).success(done).failure(failed) \
            .run_in_background()


__all__ = ["CitizenSettingsPanel"]
