"""First run (lần đầu sử dụng): the agency, office hours, printer and the first admin account."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from models.errors import MotCuaError, ValidationError
from models.office import OfficeConnection, load_connection, save_connection
from models.session import setup_agency
from models.settings import AgencySettings, validate_settings

from .connection_form import ConnectionForm
from .field_errors import FieldErrors
from .preload import DATA, SERVER
from .printers import PrinterCombo
from .runner import Op


class ConnectionPage(QWizardPage):
    """Where this machine's data lives: its own file, or the Centre's server."""

    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("This machine"))
        self.setSubTitle(self.tr("One counter on its own, or one of several counters sharing the "
                                 "Centre's server."))
        self.errors = FieldErrors()  # the form's own errors are shown inside it
        try:
            initial = load_connection()
        except MotCuaError:
            initial = OfficeConnection()
        self.form = ConnectionForm(initial)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)


class AgencyPage(QWizardPage):
    def __init__(self, initial: AgencySettings):
        super().__init__()
        self.setTitle(self.tr("Agency"))
        self.setSubTitle(self.tr("Who the counter is: printed in the header of every form."))
        self.errors = FieldErrors()
        form = QFormLayout(self)
        self.agency_code = QLineEdit(initial.agency_code)
        self.agency_code.setPlaceholderText(self.tr("e.g. 000.00.24.H12"))
        self.governing_body = QLineEdit(initial.governing_body)
        self.governing_body.setPlaceholderText(self.tr("e.g. UBND XÃ TAM ĐẢO"))
        self.unit_name = QLineEdit(initial.unit_name)
        self.place = QLineEdit(initial.place)
        self.place.setPlaceholderText(self.tr("e.g. Tam Đảo"))
        form.addRow(self.tr("Agency code"), self.errors.wrap("agency_code", self.agency_code))
        form.addRow(self.tr("Governing body"), self.errors.wrap("governing_body", self.governing_body))
        form.addRow(self.tr("Unit name"), self.errors.wrap("unit_name", self.unit_name))
        form.addRow(self.tr("Place (date line)"), self.errors.wrap("place", self.place))
        form.addRow(self.errors.general)


class HoursPage(QWizardPage):
    def __init__(self, initial: AgencySettings):
        super().__init__()
        self.setTitle(self.tr("Office hours and printer"))
        self.setSubTitle(self.tr("Due dates count working hours; receipts go to this printer."))
        self.errors = FieldErrors()
        form = QFormLayout(self)
        self.office_hours = QLineEdit(initial.office_hours)
        self.office_hours.setToolTip(self.tr("Sessions in order, e.g. 07:00-11:30,13:30-17:00"))
        self.printer = PrinterCombo()
        self.printer.select(initial.printer)
        self.printer.refresh()
        self.copies = QSpinBox()
        self.copies.setRange(1, 5)
        self.copies.setValue(initial.receipt_copies)
        form.addRow(self.tr("Office hours"), self.errors.wrap("office_hours", self.office_hours))
        form.addRow(self.tr("Printer"), self.printer)
        form.addRow(self.tr("Receipt copies"), self.errors.wrap("receipt_copies", self.copies))
        form.addRow(self.errors.general)


class AdminPage(QWizardPage):
    def __init__(self, initial: AgencySettings):
        super().__init__()
        self.setTitle(self.tr("Administrator account"))
        self.setSubTitle(self.tr("The first account manages officers and settings."))
        self.errors = FieldErrors()
        form = QFormLayout(self)
        self.username = QLineEdit(initial.default_officer or "admin")
        self.full_name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.Password)
        form.addRow(self.tr("Username"), self.errors.wrap("username", self.username))
        form.addRow(self.tr("Full name"), self.errors.wrap("full_name", self.full_name))
        form.addRow(self.tr("Password"), self.errors.wrap("password", self.password))
        form.addRow(self.tr("Repeat password"), self.errors.wrap("confirm", self.confirm))
        form.addRow(self.errors.general)


class SetupWizard(QWizard):
    """Emits ``completed(username)`` once the agency and its administrator are stored, or
    ``joined(url)`` when this machine joined a Centre's server already set up (the officer
    then signs in)."""

    completed = Signal(str)
    joined = Signal(str)

    def __init__(self, initial: AgencySettings | None = None, parent=None):
        """``initial``: what is already stored (a counter set up from the command line)."""
        super().__init__(parent)
        initial = initial or AgencySettings()
        self.setWindowTitle(self.tr("MotCua – first-time setup"))
        self.setWizardStyle(QWizard.ClassicStyle)
        self.setButtonText(QWizard.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.FinishButton, self.tr("&Finish"))
        self.setButtonText(QWizard.CancelButton, self.tr("Cancel"))
        self.machine = ConnectionPage()
        self.agency, self.hours, self.admin = AgencyPage(initial), HoursPage(initial), AdminPage(initial)
        for page in (self.machine, self.agency, self.hours, self.admin):
            self.addPage(page)
        self._connected = False
        self.status = QLabel()
        self.resize(620, 420)
        self._saving = False
        self._stored = False

    def settings(self) -> AgencySettings:
        return replace(
            AgencySettings(),
            agency_code=self.agency.agency_code.text(),
            governing_body=self.agency.governing_body.text(),
            unit_name=self.agency.unit_name.text(), place=self.agency.place.text(),
            office_hours=self.hours.office_hours.text(), printer=self.hours.printer.currentData(),
            receipt_copies=self.hours.copies.value(),
        )

    def validateCurrentPage(self) -> bool:
        page = self.currentPage()
        if page is None or self._stored:  # QWizard.accept() validates once more
            return True
        if page is self.machine:
            return self._choose_machine()
        if page is self.admin:
            return self._finish()
        try:
            validate_settings(self.settings())
        except ValidationError as exc:
            own = {k: v for k, v in exc.errors.items() if k in page.errors._fields}
            if own:
                widget = page.errors.show(own)
                if widget is not None:
                    widget.setFocus()
                return False
        page.errors.clear()
        return True

    def _choose_machine(self) -> bool:
        """Store this machine's choice; on a server, connect (in a worker) and either go on
        setting up an empty Centre or, when the Centre is set up already, sign in to it."""
        if self._connected:
            return True
        connection = self.machine.form.checked()
        if connection is None or self._saving:
            return False
        if not connection.uses_server:
            save_connection(connection)
            return True
        self._saving = True

        def work():
            from models.accounts import anyone_can_sign_in
            from models.office_server import test_connection
            from models.session import open_counter
            from models.settings import load_settings

            test_connection(connection.url())
            save_connection(connection)
            open_counter(connection.url())
            return load_settings().configured and anyone_can_sign_in()

        def done(set_up: bool) -> None:
            self._saving = False
            self._connected = True
            if set_up:
                self._stored = True
                self.joined.emit(connection.url())
                self.accept()
            else:
                self.next()

        def failed(exc: Exception) -> None:
            self._saving = False
            self.machine.form._answer(False, str(exc))
        Op(self, work, needs=(DATA, SERVER)).success(done).failure(failed).run_in_background()
        return False

    def _finish(self) -> bool:
        """Store everything in a worker; the wizard closes when the account exists."""
        page = self.admin
        if page.password.text() != page.confirm.text():
            page.errors.show({"confirm": self.tr("The two passwords differ.")})
            return False
        if self._saving:
            return False
        self._saving = True
        settings = self.settings()
        username, name, password = page.username.text(), page.full_name.text(), page.password.text()
        fields = {k: getattr(settings, k) for k in (
            "agency_code", "governing_body", "unit_name", "place", "office_hours", "printer",
            "receipt_copies")}

        def work() -> str:
            from models.accounts import get_officer_row, open_admin_account
            from models.settings import update_settings

            # The account first, so that a bad password leaves nothing half set up; it then
            # stores the settings as the admin it is.
            admin = get_officer_row(open_admin_account(username, name, password).username)
            setup_agency(by=admin, **fields)
            update_settings(by=admin, default_officer=admin.username)
            return admin.username

        def failed(exc: Exception) -> None:
            self._saving = False
            errors = getattr(exc, "errors", {"": str(exc)})
            target = next((p for p in (self.agency, self.hours, self.admin)
                           if set(errors) & set(p.errors._fields)), self.admin)
            if target is not self.admin:
                self.restart()
                while self.currentPage() is not target:
                    self.next()
            target.errors.show(errors)

        def done(user: str) -> None:
            self._saving = False
            self._stored = True
            self.completed.emit(user)
            self.accept()

        Op(self, work).success(done).failure(failed).run_in_background()
        return False
