"""Starting the desktop app: open the database, first-run wizard or sign-in, then the window.

The database layer (peewee, the services) is imported inside the functions that open the
database, not here: a counter that signed in before shows its sign-in window first and opens
the database after that window's first paint (AppController.start).
"""
from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from models import postgres_driver
from models.errors import MotCuaError
from models.paths import default_database

from . import instance_lock, preload
from .crash import install_crash_reporter, install_qt_message_handler
from .i18n import install_translators
from .prefs import APPLICATION, ORGANISATION

log = logging.getLogger(__name__)

# How a start goes on after the database would not open (AppController._after_failed_open).
RETRY, RESTORED, STOPPED = "retry", "restored", "stopped"


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


class FirstPaint(QObject):
    """Writes "<what> on screen" to the log at a window's first paint (start-up time in the log;
    bench/bench_bundle.py and the built program's smoke test wait for this line)."""

    def __init__(self, widget, what: str):
        super().__init__(widget)
        self.what = what
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Paint:
            obj.removeEventFilter(self)
            log.info("%s on screen", self.what)
        return False


class AppController(QObject):
    """Leads from an empty or existing database to the main window (testable without exec()),
    and back to the sign-in when the officer signs out to hand the counter over.

    The database is checked as it opens (SQLite's quick_check): a damaged one opens the
    damaged-database dialog, which offers the newest good backup, before anyone signs in.
    """

    window_shown = Signal(object)
    signed_out = Signal()
    database_ready = Signal()  # opened behind a remembered sign-in window

    def __init__(self, db: str, officer: str | None = None):
        super().__init__()
        self.db_path, self.officer_name = db, officer
        self.wizard = None
        self.sign_in = None
        self.window = None
        self.damaged = None
        self.failed = False  # the start could not go on (run_gui returns 1)
        self._prebuilt = None  # the main window built while the password is checked

    def start(self) -> bool:
        """Show the first window; False when the app cannot start (a message was shown, or the
        officer chose to quit).

        A database this user has signed in to before: its sign-in window at once, with the
        heading remembered from then, and the database opened behind it after its first paint
        (the officer types meanwhile; the rare ways out — a damaged file, the server away, a
        database no longer set up — then replace the window as at any start). Otherwise the
        database is opened first.
        """
        from .sign_in_dialog import remembered_heading

        heading = remembered_heading(self.db_path)
        if heading is None:
            return self._open_then_begin()
        self._ask_sign_in(heading=heading)
        if "://" not in self.db_path:
            # A SQLite file: no PostgreSQL driver for this session, until a server is opened
            # (models.postgres_driver.give_peewee_the_driver, ui.preload's server stage).
            postgres_driver.hide_from_peewee()
        # After the paint (never inside it), the database layer loads a module per event-loop
        # turn while the typing goes on, then the database opens.
        self.sign_in.first_painted.connect(lambda: QTimer.singleShot(0, lambda: preload.when_ready(
            (preload.DATABASE,), self._open_behind_sign_in)))
        return True

    def _open_then_begin(self) -> bool:
        from models.session import open_counter

        while True:
            try:
                open_counter(self.db_path, check=True)
            except MotCuaError as exc:
                outcome = self._after_failed_open(exc)
                if outcome == RETRY:
                    continue
                return outcome == RESTORED  # restored: begun again on the backup
            self._begin()
            return True

    def _after_failed_open(self, exc: MotCuaError) -> str:
        """What a start does when the database does not open, whichever thread tried: RETRY
        (the Centre's server away, the officer asks again), RESTORED (a damaged file replaced
        by a backup, and begun again) or STOPPED (said why, or the officer chose to quit)."""
        from models.office_server import ServerUnavailable
        from models.storage_errors import DatabaseDamaged

        if isinstance(exc, ServerUnavailable):
            # Never a database of its own instead: the counter waits for the Centre's server.
            log.warning("office server away at start: %s", exc)
            return RETRY if ask_retry_server(str(exc)) else STOPPED
        if isinstance(exc, DatabaseDamaged):
            return RESTORED if self._offer_restore(exc.reason) else STOPPED
        log.error("cannot start: %s", exc)
        startup_failed(str(exc))
        return STOPPED

    def _open_behind_sign_in(self) -> None:
        """After the remembered sign-in window's first paint, the database layer loaded: the
        database opens on the database thread (SQLite's quick_check takes seconds on a big
        file; the window keeps taking the typing meanwhile)."""
        from models.session import open_counter

        from .runner import Op

        shown = self.sign_in
        if not self._still_asking(shown):
            return

        def open_and_look() -> bool:
            from models.accounts import anyone_can_sign_in
            from models.settings import load_settings

            open_counter(self.db_path, check=True)
            return load_settings().configured and anyone_can_sign_in()

        Op(self, open_and_look, needs=()).success(lambda ready: self._opened_behind(shown, ready)).failure(
            lambda exc: self._not_opened_behind(shown, exc)).run_in_background()

    def _still_asking(self, shown) -> bool:
        return (shown is not None and shiboken6.isValid(shown) and shown.isVisible()
                and shown is self.sign_in and self.window is None)

    def _opened_behind(self, shown, ready: bool) -> None:
        if not self._still_asking(shown):
            return  # the officer quit meanwhile
        if not ready:  # the file was emptied or replaced since: set up, as at any first start
            self._begin()
            shown.close()
            return
        log.info("database open behind the sign-in window")
        shown.database_opened()
        self.database_ready.emit()

    def _not_opened_behind(self, shown, exc: Exception) -> None:
        """The rare ways out, as at a start that opens the database first."""
        if not self._still_asking(shown):
            return
        if not isinstance(exc, MotCuaError):  # a bug (the runner logged it with its traceback)
            start_bug("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
            self._give_up(shown)
            return
        outcome = self._after_failed_open(exc)
        if outcome == RETRY:
            self._open_behind_sign_in()
        elif outcome == RESTORED:  # a new sign-in window is up, on the restored data
            shown.close()
        else:
            self._give_up(shown)

    def _give_up(self, shown) -> None:
        """The start cannot go on: the sign-in window closes and, the last window, takes the
        application with it (run_gui then returns 1)."""
        self.failed = True
        shown.close()

    def _offer_restore(self, reason: str) -> bool:
        from models.db import is_url

        from .backup_panel import restore_from, show_restore_report
        from .damaged_dialog import DamagedDatabaseDialog

        if is_url(self.db_path):
            startup_failed(reason)
            return False
        self.damaged = DamagedDatabaseDialog(Path(self.db_path), reason)
        if self.damaged.exec() != DamagedDatabaseDialog.Accepted or self.damaged.chosen is None:
            return False
        try:
            report = restore_from(self.damaged.chosen, Path(self.db_path))
        except MotCuaError as exc:
            startup_failed(str(exc))
            return False
        show_restore_report(None, report)
        self._begin()
        return True

    def restart(self) -> None:
        """After a restore from the settings: the officer signs in again to the restored data
        and the old window closes (after the sign-in is up, so the app does not quit)."""
        old, self.window = self.window, None
        self._begin()
        if old is not None:
            old.close()

    def _begin(self) -> None:
        from models.accounts import anyone_can_sign_in
        from models.settings import load_settings

        settings = load_settings()
        if not settings.configured or not anyone_can_sign_in():
            from .setup_wizard import SetupWizard

            self.wizard = SetupWizard(settings)
            self.wizard.completed.connect(self._signed_in)
            self.wizard.joined.connect(self._joined)
            FirstPaint(self.wizard, "setup wizard")
            self.wizard.show()
        else:
            self._ask_sign_in()

    def _joined(self, url: str) -> None:
        """This machine joined a Centre's server already set up: its officers sign in there."""
        self.db_path = url
        self._ask_sign_in()

    def _ask_sign_in(self, *, next_officer: bool = False, heading=None) -> None:
        from .sign_in_dialog import SignInDialog

        self.sign_in = SignInDialog(self.officer_name or "", next_officer=next_officer, heading=heading)
        self.sign_in.signed_in.connect(self._signed_in)
        self.sign_in.checking.connect(self._build_while_checking)
        self.sign_in.refused.connect(self._drop_prebuilt)
        FirstPaint(self.sign_in, "sign-in window")
        self.sign_in.show()

    def _build_while_checking(self, username: str) -> None:
        """The password is checked in the worker (scrypt, slow on purpose); meanwhile the main
        window is built for the name typed, held — not shown, nothing of it started — until
        the check passes (``_signed_in``); a refusal drops it."""
        from models.accounts import get_officer_row
        from models.errors import NotFoundError

        from .main_window import MainWindow

        self._drop_prebuilt()
        try:
            officer = get_officer_row(username)
        except NotFoundError:  # the check will say so
            return
        self._prebuilt = MainWindow(officer, self.db_path, held=True)
        preload.forget_sources()  # what building it read into linecache (preload.forget_sources)

    def _drop_prebuilt(self) -> None:
        if self._prebuilt is not None:
            self._prebuilt.deleteLater()
            self._prebuilt = None

    def _signed_in(self, username: str) -> None:
        from models.accounts import get_officer_row

        from .main_window import MainWindow
        from .sign_in_dialog import Heading, remember_heading

        remember_heading(self.db_path, Heading.current())  # the next start's first window
        window, self._prebuilt = self._prebuilt, None
        if window is not None and window.officer.username == username:
            window.release()
        else:
            if window is not None:
                window.deleteLater()
            window = MainWindow(get_officer_row(username), self.db_path)
        self.window = window
        self.window.restart_requested.connect(self.restart)
        self.window.sign_out_requested.connect(self.sign_out)
        self.window.show()
        self.window_shown.emit(self.window)

    def sign_out(self) -> None:
        """The sign-in dialog first (so the app does not quit with its last window), then the
        old window closes — exporting today's work as at any closing."""
        old, self.window = self.window, None
        self._ask_sign_in(next_officer=True)  # the next officer types their own name
        if old is not None:
            old.close()
            old.deleteLater()
        self.signed_out.emit()


def _no_screen() -> bool:
    """On Linux without X11 or Wayland Qt aborts with an English message; say it plainly."""
    return (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"))


NO_SCREEN = ("Lỗi: không tìm thấy màn hình để mở giao diện. Hãy chạy MotCua trong phiên đồ họa, "
             "hoặc dùng các lệnh dòng lệnh (motcua --help).")


def ask_retry_server(message: str) -> bool:
    """The Centre's server did not answer at start: try again, or quit (never work alone)."""
    box = QMessageBox(QMessageBox.Warning, QCoreApplication.translate("AppController", "Lost connection to the server"),
                      message)
    retry = box.addButton(QCoreApplication.translate("AppController", "Try again"), QMessageBox.AcceptRole)
    box.addButton(QCoreApplication.translate("AppController", "Quit"), QMessageBox.RejectRole)
    box.setDefaultButton(retry)
    box.exec()
    return box.clickedButton() is retry


def start_bug(details: str) -> None:
    """A bug stopped the start: the error dialog with its details, for the administrator."""
    from .error_dialog import show_unexpected

    show_unexpected(None, details, QCoreApplication.translate(
        "AppController", "MotCua could not start because of an unexpected error. Please tell "
        "the administrator and send the details below."))


def startup_failed(message: str) -> None:
    """A start that cannot go on (damaged database, database in use …): say why, in a box."""
    QMessageBox.critical(None, QCoreApplication.translate("AppController", "MotCua cannot start"),
                         message)


def run_gui(db: str | None = None, officer: str | None = None) -> int:
    """The desktop app; returns the exit status. Every failure is logged and shown, never a
    bare traceback: a windowed program has no console to print it on."""
    if _no_screen():
        log.error("no screen (DISPLAY/WAYLAND_DISPLAY unset)")
        if sys.stderr is not None:
            sys.stderr.write(NO_SCREEN + "\n")
        return 1
    install_qt_message_handler()  # before the QApplication: a missing platform plugin is logged
    app = make_application()
    install_crash_reporter()
    try:
        target = db or default_database()
    except MotCuaError as exc:  # this machine's connection file cannot be read
        startup_failed(str(exc))
        return 1
    try:
        started = _start(target, officer)
    except Exception:  # a bug before the event loop: the crash reporter's queue would never run
        log.exception("cannot start")
        start_bug(traceback.format_exc())
        return 1
    if started is None:
        return 1
    controller, lock = started
    app.setQuitOnLastWindowClosed(True)
    code = app.exec()
    from .runner import close_database_connection, wait_for_workers

    wait_for_workers()  # a job still writing must end before the interpreter does
    close_database_connection()
    if lock is not None:
        lock.unlock()
    if controller.failed:
        return 1
    return code if controller.window is not None else 0


def _start(db: str, officer: str | None):
    """Lock the database and show the first window; None (after saying why) if it cannot."""
    log.info("desktop app started")
    try:
        lock = instance_lock.acquire(db)
    except instance_lock.DatabaseInUse as exc:
        log.warning("database in use: %s", exc)
        startup_failed(str(exc))
        return None
    controller = AppController(db, officer)
    if not controller.start():  # it said why (or the officer chose not to restore)
        if lock is not None:
            lock.unlock()
        return None
    return controller, lock
