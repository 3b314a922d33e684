"""One small background runner for database work and printing (like Anki's CollectionOp).

``Op(parent, work).success(show).run_in_background()`` runs ``work()`` on a QThreadPool
thread and calls ``show(result)`` on the GUI thread. A MotCuaError (a message already in
Vietnamese) goes to ``failure`` or, by default, to a message box; so does a storage failure
(full disk, read-only file, lock held too long, damaged database: models.storage_errors),
turned into its Vietnamese message. Anything else is a bug: its traceback goes to the log and
the officer is told so in a sentence, never shown the traceback.

Database access from a worker thread: the tables are bound to peewee's DatabaseProxy, whose
SqliteDatabase keeps one connection per thread (thread-local state, autoconnect), so a worker's
first query opens its own connection to the same file with the same pragmas (WAL lets the GUI
thread read while a worker writes).
"""
from __future__ import annotations

import logging
import traceback
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from models.errors import MotCuaError
from models.db import database_path
from models.office_server import ServerUnavailable
from models.storage_errors import classify

from . import preload

log = logging.getLogger(__name__)
_running: set["Op"] = set()


class _Relay(QObject):
    """One object for the whole app, living on the GUI thread, that workers emit on.

    It is never deleted, so a worker finishing after its Op was dropped cannot touch a dead
    QObject; results are matched to their Op by number.
    """

    done = Signal(int, object)
    failed = Signal(int, object, str)


_relay: _Relay | None = None
_ops: dict[int, "Op"] = {}
_next_id = 0


def _get_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
        _relay.done.connect(_deliver_done, Qt.QueuedConnection)
        _relay.failed.connect(_deliver_failed, Qt.QueuedConnection)
    return _relay


def _deliver_done(job_id: int, result: Any) -> None:
    op = _ops.pop(job_id, None)
    if op is not None:
        op._done(result)


def _deliver_failed(job_id: int, exc: BaseException, trace: str) -> None:
    op = _ops.pop(job_id, None)
    if op is not None:
        op._failed(exc, trace)


class _Job(QRunnable):
    def __init__(self, job_id: int, work: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.setAutoDelete(True)
        self._id, self._work, self._relay = job_id, work, relay

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as exc:  # reported on the GUI thread
            self._relay.failed.emit(self._id, exc, traceback.format_exc())
        else:
            self._relay.done.emit(self._id, result)
        self._work = None


class Op(QObject):
    """A unit of background work with callbacks run on the GUI thread."""

    def __init__(self, parent: QObject | None, work: Callable[[], Any]):
        """``parent`` owns the callbacks: if it is deleted before the job ends, they are dropped."""
        super().__init__()
        self._parent, self._work = parent, work
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[Exception], None] | None = None
        self._progress_label = ""
        self._progress: QProgressDialog | None = None

    def success(self, callback: Callable[[Any], None]) -> "Op":
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[Exception], None]) -> "Op":
        """Handle MotCuaError yourself (e.g. put a ValidationError next to its fields)."""
        self._on_failure = callback
        return self

    def with_progress(self, label: str) -> "Op":
        """Show a busy dialog if the job takes more than half a second."""
        self._progress_label = label
        return self

    def run_in_background(self) -> "Op":
        global _next_id
        relay = _get_relay()
        _next_id += 1
        _ops[_next_id] = self
        _running.add(self)
        if self._progress_label:
            QTimer.singleShot(500, self._show_progress)
        job = _Job(_next_id, self._work, relay)
        preload.after(lambda: QThreadPool.globalInstance().start(job))
        return self

    def _show_progress(self) -> None:
        if self not in _running:
            return
        if self._owner_gone():
            return
        self._progress = QProgressDialog(self._progress_label, "", 0, 0, self._widget())
        self._progress.setCancelButton(None)
        self._progress.setWindowModality(Qt.WindowModal)
        self._progress.setMinimumDuration(0)
        self._progress.show()

    def _finish(self) -> None:
        _running.discard(self)
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    def _owner_gone(self) -> bool:
        return self._parent is not None and not shiboken6.isValid(self._parent)

    def _widget(self) -> QWidget | None:
        return self._parent if isinstance(self._parent, QWidget) else None

    def _done(self, result: Any) -> None:
        self._finish()
        if self._owner_gone():
            return
        if self._on_success is not None:
            self._on_success(result)

    def _failed(self, exc: BaseException, trace: str) -> None:
        self._finish()
        if self._owner_gone():
            log.error("background job failed after its window closed:\n%s", trace)
            return
        storage = classify(exc, str(database_path() or ""))
        if storage is not None and not isinstance(exc, MotCuaError):
            log.warning("background job failed: %s", exc)
            exc = storage
        if isinstance(exc, ServerUnavailable):
            server_events().lost.emit(str(exc))  # the red banner, on every screen
        if isinstance(exc, MotCuaError):
            if self._on_failure is not None:
                self._on_failure(exc)
            elif isinstance(exc, ServerUnavailable):
                _show_server_away(self._widget(), str(exc))
            else:
                show_error(self._widget(), str(exc))
            return
        log.error("background job failed:\n%s", trace)
        if self._on_failure is not None and isinstance(exc, Exception):
            self._on_failure(exc)
            return
        from .error_dialog import show_unexpected

        show_unexpected(self._widget(), trace)


class ServerEvents(QObject):
    """``lost(message)`` whenever a job finds the office server away (ui.server_banner)."""

    lost = Signal(str)


_server_events: ServerEvents | None = None


def server_events() -> ServerEvents:
    global _server_events
    if _server_events is None:
        _server_events = ServerEvents()
    return _server_events


_server_box_open = False


def _show_server_away(parent: QWidget | None, message: str) -> None:
    """One box at a time while the server is away: the timers' jobs fail too, and the banner
    already says it on every screen; the officer needs the sentence once, not a pile."""
    global _server_box_open
    if _server_box_open:
        return
    _server_box_open = True
    try:
        show_error(parent, message)
    finally:
        _server_box_open = False


def show_error(parent: QWidget | None, message: str) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("Op", "MotCua"), message)


def wait_for_workers(timeout_ms: int = 10000) -> bool:
    """At exit: let running jobs finish before Python tears the modules down."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


def busy() -> bool:
    """True while any background job has not reported back (tests wait on this)."""
    return bool(_running)


def run(parent: QWidget | None, work: Callable[[], Any]) -> Op:
    return Op(parent, work)
