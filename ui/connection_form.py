"""The choice of where this machine's data lives, with "Kiểm tra kết nối": shared by the first-run
wizard and the admin's settings (ui.office_panel)."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.errors import ValidationError
from models.office import COUNTER_MAX, DEFAULT_PORT, OfficeConnection, validate_connection
from models.office_server import test_connection

from .field_errors import FieldErrors
from .runner import Op


class ConnectionForm(QWidget):
    """``tested(ok, message)`` after "Test connection" answered."""

    tested = Signal(bool, str)

    def __init__(self, initial: OfficeConnection | None = None, parent=None):
        super().__init__(parent)
        initial = initial or OfficeConnection()
        self.errors = FieldErrors()
        self.local = QRadioButton(self.tr("This machine works on its own"))
        self.local.setToolTip(self.tr("One counter: the data stays in a file on this PC (SQLite)."))
        self.server = QRadioButton(self.tr("Connect to the Centre's server"))
        self.server.setToolTip(self.tr("Several counters: every counter works on one PostgreSQL server "
                                       "on the office network."))
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.local)
        self.choice.addButton(self.server)
        self.host = QLineEdit(initial.host)
        self.host.setPlaceholderText(self.tr("e.g. 192.168.1.10"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(initial.port or DEFAULT_PORT)
        self.database = QLineEdit(initial.database)
        self.user = QLineEdit(initial.user)
        self.password = QLineEdit(initial.password)
        self.password.setEchoMode(QLineEdit.Password)
        self.counter = QSpinBox()
        self.counter.setRange(0, COUNTER_MAX)
        self.counter.setSpecialValueText(self.tr("none"))
        self.counter.setValue(initial.counter)
        self.counter.setToolTip(self.tr("Printed on receipts and in the register; shown in the status bar."))
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test)
        self.result = QLabel()
        self.result.setWordWrap(True)
        for narrow in (self.port, self.counter):
            narrow.setMaximumWidth(120)
        self.setMaximumWidth(760)  # an address and a name, not a line across a 1366 px screen
        self.server_fields = QWidget()
        form = QFormLayout(self.server_fields)
        form.setContentsMargins(24, 0, 0, 0)
        form.addRow(self.tr("Server address"), self.errors.wrap("host", self.host))
        form.addRow(self.tr("Port"), self.errors.wrap("port", self.port))
        form.addRow(self.tr("Database"), self.errors.wrap("database", self.database))
        form.addRow(self.tr("Account"), self.errors.wrap("user", self.user))
        form.addRow(self.tr("Password"), self.errors.wrap("password", self.password))
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        form.addRow("", test_row)
        form.addRow("", self.result)
        counter_form = QFormLayout()
        counter_form.addRow(self.tr("Counter number"), self.errors.wrap("counter", self.counter))
        layout = QVBoxLayout(self)
        layout.addWidget(self.local)
        layout.addWidget(self.server)
        layout.addWidget(self.server_fields)
        layout.addLayout(counter_form)
        layout.addWidget(self.errors.general)
        layout.addStretch(1)
        (self.server if initial.uses_server else self.local).setChecked(True)
        self.local.toggled.connect(self._mode_changed)
        self._mode_changed()

    def _mode_changed(self) -> None:
        self.server_fields.setEnabled(self.server.isChecked())
        self.result.clear()

    def connection(self) -> OfficeConnection:
        return OfficeConnection(
            mode="server" if self.server.isChecked() else "local", host=self.host.text().strip(),
            port=self.port.value(), database=self.database.text().strip(), user=self.user.text().strip(),
            password=self.password.text(), counter=self.counter.value())

    def checked(self) -> OfficeConnection | None:
        """The connection if every field is right (else the messages are shown, None)."""
        try:
            connection = validate_connection(self.connection())
        except ValidationError as exc:
            widget = self.errors.show(exc.errors)
            if widget is not None:
                widget.setFocus()
            return None
        self.errors.clear()
        return connection

    def test(self) -> None:
        connection = self.checked()
        if connection is None or not connection.uses_server:
            return
        self.test_button.setEnabled(False)
        self.result.setStyleSheet("")
        self.result.setText(self.tr("Connecting…"))
        Op(self, lambda: test_connection(connection.url())).success(lambda text: self._answer(True, text)) \
            .failure(lambda exc: self._answer(False, str(exc))).run_in_background()

    def _answer(self, ok: bool, message: str) -> None:
        self.test_button.setEnabled(True)
        self.result.setStyleSheet("color: #1b5e20;" if ok else "color: #b00020;")
        self.result.setText(message)
        self.tested.emit(ok, message)
