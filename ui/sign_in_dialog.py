"""Sign-in (đăng nhập): username and password, checked off the GUI thread (scrypt is slow on purpose).

At a start the window can come up before the database is open (ui.app): it shows the agency's
name as remembered from the last sign-in on this database (``remembered_heading``) and takes
the typing at once; Sign in waits for ``database_opened``.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from . import preload
from .field_errors import FieldErrors
from .prefs import qsettings
from .runner import Op


@dataclass(frozen=True)
class Heading:
    """What the sign-in window shows before the database is open."""

    governing_body: str
    unit_name: str
    default_officer: str

    @classmethod
    def current(cls) -> Heading:
        """From the open database's agency settings."""
        from models.settings import load_settings

        settings = load_settings()
        return cls(settings.governing_body, settings.unit_name, settings.default_officer)


def _key(db: str) -> str:
    return "sign_in_heading/" + hashlib.sha256(db.encode("utf-8")).hexdigest()[:16]


def remembered_heading(db: str) -> Heading | None:
    """The heading this user saw at the last sign-in on ``db`` (None: never signed in here)."""
    raw = qsettings().value(_key(db), "")
    try:
        return Heading(**json.loads(raw)) if raw else None
    except (TypeError, ValueError):  # a settings file edited by hand, or from another version
        return None


def remember_heading(db: str, heading: Heading) -> None:
    qsettings().setValue(_key(db), json.dumps(asdict(heading), ensure_ascii=False))


class SignInDialog(QDialog):
    """Emits ``signed_in(username)`` before closing, so the main window is up first."""

    signed_in = Signal(str)
    first_painted = Signal()
    checking = Signal(str)  # the name typed, while its password is checked
    refused = Signal()  # the check failed

    def __init__(self, username: str = "", parent=None, *, next_officer: bool = False,
                 heading: Heading | None = None):
        """``next_officer``: after a sign-out, the name is left empty for whoever comes next.
        ``heading``: the remembered one, the database not open yet (``database_opened``)."""
        super().__init__(parent)
        self._database_open = heading is None
        self._asked = False
        heading = heading or Heading.current()
        self._painted = False
        self.setWindowTitle(self.tr("MotCua – sign in"))
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        layout.addWidget(self.heading)
        form = QFormLayout()
        self.username = QLineEdit("" if next_officer else
                                  username or qsettings().value("last_username", "") or heading.default_officer)
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
        self._show_heading(heading)
        (self.password if self.username.text() else self.username).setFocus()

    def _show_heading(self, heading: Heading) -> None:
        self.heading.setText(f"<b>{heading.governing_body}</b><br>{heading.unit_name}")

    def database_opened(self) -> None:
        """The database behind a remembered heading is open: today's heading, Sign in works."""
        heading = Heading.current()
        self._show_heading(heading)
        if not self.username.text() and heading.default_officer:
            self.username.setText(heading.default_officer)
        self._database_open = True
        if self._asked:  # Enter was pressed while the database was opening
            self.submit()

    def submit(self) -> None:
        if not self._database_open:  # Enter while the database opens: signed in once it is
            self._asked = True
            return
        self._asked = False
        from models.accounts import authenticate

        username, password = self.username.text(), self.password.text()
        self.ok.setEnabled(False)

        def done(info) -> None:
            self.ok.setEnabled(True)
            qsettings().setValue("last_username", info.username)
            self.signed_in.emit(info.username)
            self.accept()

        def failed(exc: Exception) -> None:
            self.refused.emit()
            self.ok.setEnabled(True)
            self.errors.show(getattr(exc, "errors", {"": str(exc)}))
            self.adjustSize()  # the message's lines, all of them
            self.password.selectAll()
            self.password.setFocus()

        # The check imports nothing new (hashlib's scrypt, the accounts table): it needs no
        # preload stage, so Enter never waits for the data stage to load.
        Op(self, lambda: authenticate(username, password), needs=()).success(done).failure(
            failed).run_in_background()
        self.checking.emit(username)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        preload.prepare(preload.WINDOW)  # the main window's modules, while the officer types

    def event(self, event) -> bool:
        if event.type() == QEvent.Paint and not self._painted:
            self._painted = True
            self.first_painted.emit()
        return super().event(event)
