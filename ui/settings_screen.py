"""Cài đặt (settings): the agency, office hours, printer and copies, holidays, officers."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.errors import ValidationError
from models.permissions import can
from models.settings import AgencySettings, load_settings, save_settings

from .backup_panel import BackupPanel
from .citizen_settings_panel import CitizenSettingsPanel
from .digitisation_settings_panel import DigitisationSettingsPanel
from .field_errors import FieldErrors
from .holidays_panel import HolidaysPanel
from .office_panel import OfficePanel
from .officers_panel import OfficersPanel
from .printers import PrinterCombo
from .runner import Op

TEXT_FIELDS = ("agency_code", "governing_body", "unit_name", "place", "head_title", "head_name",
               "contact_phone", "lookup_url", "register_volume", "office_hours")


class SettingsScreen(QWidget):
    """``saved(settings)`` after the agency settings are stored."""

    saved = Signal(object)

    def __init__(self, officer, is_admin: bool, parent=None):
        super().__init__(parent)
        self.officer, self.is_admin = officer, is_admin
        self.errors = FieldErrors()
        self.inputs: dict[str, QLineEdit] = {name: QLineEdit() for name in TEXT_FIELDS}
        self.inputs["office_hours"].setToolTip(self.tr("Sessions in order, e.g. 07:00-11:30,13:30-17:00"))
        self.printer = PrinterCombo()
        self.printer.setToolTip(self.tr("The list is read again each time it is opened"))
        self.copies = QSpinBox()
        self.copies.setRange(1, 5)
        self.page_size = QComboBox()
        self.page_size.addItems(["A4", "A5"])
        labels = {
            "agency_code": self.tr("Agency code"), "governing_body": self.tr("Governing body"),
            "unit_name": self.tr("Unit name"), "place": self.tr("Place (date line)"),
            "head_title": self.tr("Head's title (signs apologies)"), "head_name": self.tr("Head's name"),
            "contact_phone": self.tr("Contact phone"), "lookup_url": self.tr("Dossier lookup address"),
            "register_volume": self.tr("Register volume"), "office_hours": self.tr("Office hours"),
        }
        agency = QWidget()
        form = QFormLayout(agency)
        for name in TEXT_FIELDS:
            if name == "office_hours":
                continue
            form.addRow(labels[name], self.errors.wrap(name, self.inputs[name]))
        hours = QWidget()
        hform = QFormLayout(hours)
        hform.addRow(labels["office_hours"], self.errors.wrap("office_hours", self.inputs["office_hours"]))
        hform.addRow(self.tr("Printer"), self.errors.wrap("printer", self.printer))
        hform.addRow(self.tr("Receipt copies"), self.errors.wrap("receipt_copies", self.copies))
        hform.addRow(self.tr("Paper size"), self.errors.wrap("page_size", self.page_size))
        self.save_button = QPushButton(self.tr("Save settings"))
        self.save_button.setToolTip(self.tr("Store the agency settings (Ctrl+S)"))
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(is_admin)
        self.notice = QLabel()
        if not is_admin:
            self.notice.setText(self.tr("Only an administrator can change the settings."))
        self.tabs = QTabWidget()
        self.tabs.addTab(agency, self.tr("Agency"))
        self.tabs.addTab(hours, self.tr("Office hours and printing"))
        self.holidays = HolidaysPanel(officer, can(officer, "calendar.update"))
        self.tabs.addTab(self.holidays, self.tr("Holidays and working days"))
        self.citizen = CitizenSettingsPanel(officer, is_admin)  # VietQR, 80 mm slip, satisfaction
        self.tabs.addTab(self.citizen, self.tr("Citizens"))
        self.officers = None
        self.backups = None
        self.digitisation = None
        self.office = None
        if can(officer, "officer.add"):
            self.officers = OfficersPanel(officer)
            self.tabs.addTab(self.officers, self.tr("Officers"))
            self.backups = BackupPanel(officer)
            self.tabs.addTab(self.backups, self.tr("Backups"))
            self.digitisation = DigitisationSettingsPanel(officer)
            self.tabs.addTab(self.digitisation, self.tr("Digitisation"))
            self.office = OfficePanel(officer)
            self.tabs.addTab(self.office, self.tr("This machine and the server"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.notice, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.errors.general)
        layout.addLayout(buttons)
        self.settings = AgencySettings()

    def load(self) -> None:
        Op(self, load_settings).success(self._show).run_in_background()
        self.printer.refresh()
        self.holidays.load()
        self.citizen.load()
        if self.officers is not None:
            self.officers.load()
        if self.backups is not None:
            self.backups.load()
        if self.digitisation is not None:
            self.digitisation.load()

    def shown_again(self) -> None:
        """Back on this screen: a printer may have been installed meanwhile."""
        self.printer.refresh()

    def _show(self, settings: AgencySettings) -> None:
        self.settings = settings
        for name, edit in self.inputs.items():
            edit.setText(getattr(settings, name))
            edit.setReadOnly(not self.is_admin)
        self.printer.select(settings.printer)
        self.copies.setValue(settings.receipt_copies)
        self.page_size.setCurrentText(settings.page_size)

    def edited(self) -> AgencySettings:
        values = {name: edit.text() for name, edit in self.inputs.items()}
        return replace(self.settings, printer=self.printer.currentData() or "",
                       receipt_copies=self.copies.value(), page_size=self.page_size.currentText(),
                       **values)

    def save(self) -> None:
        if not self.is_admin:
            return
        self.citizen.save()
        settings = self.edited()

        def done(stored: AgencySettings) -> None:
            self.errors.clear()
            self.settings = stored
            self.notice.setText(self.tr("Settings saved."))
            self.saved.emit(stored)

        def failed(exc: Exception) -> None:
            errors = exc.errors if isinstance(exc, ValidationError) else {"": str(exc)}
            self.errors.show(errors)
            self.notice.setText(self.tr("Not saved: correct the fields marked in red."))
        officer = self.officer
        Op(self, lambda: save_settings(settings, by=officer)).success(done).failure(failed).run_in_background()
