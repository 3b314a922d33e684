"""Sign-in (đăng nhập): username and password, checked off the GUI thread (scrypt is slow on purpose)."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from models.accounts import authenticate
from models.settings import load_settings

from .field_errors import FieldErrors
from .prefs import qsettings
from .runner import Op


class SignInDialog(QDialog):
    """Emits ``signed_in(username)`` before closing, so the main window is up first."""

    signed_in = Signal(str)

    def __init__(self, username: str = "", parent=None, *, next_officer: bool = False):
        """``next_officer``: after a sign-out, the name is left empty for whoever comes next."""
        super().__init__(parent)
        settings = load_settings()
        self.setWindowTitle(self.tr("MotCua – sign in"))
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>{settings.governing_body}</b><br>{settings.unit_name}")
        layout.addWidget(heading)
        form = QFormLayout()
        self.username = QLineEdit("" if next_officer else
                                  username or qsettings().value("last_username", "") or settings.default_officer)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        form.addRow(self.tr("Username"), self.errors.wrap("username", self.username))
        form.addRow(self.tr("Password"), self.errors.wrap("password", self.password))
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton(self.tr("Sign in"), QDialogButtonBox.AcceptRole)
        self.buttons.addButton(self.tr("Quit"), QDialogButtonBox.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)  # room for a message on two lines rather than a cut one
        (self.password if self.username.text() else self.username).setFocus()

    def submit(self) -> None:
        username, password = self.username.text(), self.password.text()
        self.ok.setEnabled(False)

        def done(info) -> None:
            self.ok.setEnabled(True)
            qsettings().setValue("last_username", info.username)
            self.signed_in.emit(info.username)
            self.accept()

        def failed(exc: Exception) -> None:
            self.ok.setEnabled(True)
            self.errors.show(getattr(exc, "errors", {"": str(exc)}))
            self.adjustSize()  # the message's lines, all of them
            self.password.selectAll()
            self.password.setFocus()

        Op(self, lambda: authenticate(username, password)).success(done).failure(failed).run_in_background()
