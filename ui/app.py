"""Starting the desktop app: open the database, first-run wizard or sign-in, then the window."""
from __future__ import annotations

import os
import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from models.accounts import anyone_can_sign_in, get_officer_row
from models.paths import default_database
from models.session import open_counter
from models.settings import load_settings

from .i18n import install_translators
from .prefs import APPLICATION, ORGANISATION


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("MotCua")
    install_translators(app)
    from . import errors, refcount_guard
    from .gc_guard import install

    install()
    refcount_guard.install()
    errors.install()
    return app


class AppController(QObject):
    """Leads from an empty or existing database to the main window (testable without exec())."""

    window_shown = Signal(object)

    def __init__(self, db: str, officer: str | None = None):
        super().__init__()
        self.db_path, self.officer_name = db, officer
        self.wizard = None
        self.sign_in = None
        self.window = None

    def start(self) -> None:
        open_counter(self.db_path)
        settings = load_settings()
        if not settings.configured or not anyone_can_sign_in():
            from .setup_wizard import SetupWizard

            self.wizard = SetupWizard(settings)
            self.wizard.completed.connect(self._signed_in)
            self.wizard.show()
        else:
            self._ask_sign_in()

    def _ask_sign_in(self) -> None:
        from .sign_in_dialog import SignInDialog

        self.sign_in = SignInDialog(self.officer_name or "")
        self.sign_in.signed_in.connect(self._signed_in)
        self.sign_in.show()

    def _signed_in(self, username: str) -> None:
        from .main_window import MainWindow

        self.window = MainWindow(get_officer_row(username), self.db_path)
        self.window.show()
        self.window_shown.emit(self.window)


def _no_screen() -> bool:
    """On Linux without X11 or Wayland Qt aborts with an English message; say it plainly."""
    return (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"))


def run_gui(db: str | None = None, officer: str | None = None) -> int:
    if _no_screen():
        sys.stderr.write("Lỗi: không tìm thấy màn hình để mở giao diện. Hãy chạy MotCua trong "
                         "phiên đồ họa, hoặc dùng các lệnh dòng lệnh (python main.py --help).\n")
        return 1
    app = make_application()
    controller = AppController(db or default_database(), officer)
    controller.start()
    app.setQuitOnLastWindowClosed(True)
    code = app.exec()
    from .runner import close_database_connection, wait_for_workers

    wait_for_workers()  # a job still writing must end before the interpreter does
    close_database_connection()
    return code if controller.window is not None else 0
