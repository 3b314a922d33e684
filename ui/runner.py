"""Background work, shaped like Anki's (qt/aqt/taskman.py, qt/aqt/operations/__init__.py).

- **One database worker.** Every database job runs on one long-lived thread, in the order
  the jobs were submitted, on that thread's one connection (peewee keeps a connection per
  thread): a save is never overtaken by the list that should show it, and SQLite sees one
  writer from this app. Printing has a thread of its own, so that rasterising a receipt at
  the printer's resolution never holds the queue of the next citizen's lookups.
- **Typed operations.** ``Op[T](parent, work)`` runs ``work() -> T`` on the database thread
  and calls ``success(T)`` on the GUI thread; ``PrintOp`` does the same on the printer thread.
  ``needs`` names the ui.preload stages the work imports from; the job waits for them (they
  load on the GUI thread, never on a worker).
- **Errors.** A ``MotCuaError`` (a message already in Vietnamese) goes to ``failure`` or, by
  default, to a message box; so does a storage failure (full disk, read-only file, lock held
  too long, damaged database: models.storage_errors), turned into its Vietnamese message. Any
  other exception is handed to ``failure`` when there is one; otherwise it is re-raised on the
  GUI thread, where the app's handler (ui.crash, installed as ``sys.excepthook``) logs it and
  tells the officer in a sentence, so that a bug is never silent (and a test that meets one
  fails).
"""
from __future__ import annotations

import logging
import threading
import traceback
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from models.errors import MotCuaError

from . import preload
from .preload import DATA, PRINTING

log = logging.getLogger(__name__)
T = TypeVar("T")


class _Relay(QObject):
    """Lives on the GUI thread for the whole run; workers emit on it (queued to the GUI).

    Never deleted, so a worker finishing after its Op was dropped cannot touch a dead
    QObject; results are matched to their Op by number.
    """

    finished = Signal(int, object)  # job number, the Future


_relay: _Relay | None = None


def _get_relay() -> _Relay:
    global _relay
    if _relay is None:
        from PySide6.QtCore import Qt  # its namespace costs ~25 ms: not before the first window

        _relay = _Relay()
        _relay.finished.connect(_deliver, Qt.ConnectionType.QueuedConnection)
    return _relay


class _Lane:
    """One worker thread and the jobs waiting for it, in submission order."""

    def __init__(self, name: str):
        self.name = name
        self._executor: ThreadPoolExecutor | None = None
        self.waiting: deque[Op[Any]] = deque()

    def executor(self) -> ThreadPoolExecutor:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=self.name)
        return self._executor

    def add(self, op: Op[Any]) -> None:
        self.waiting.append(op)
        self.pump()

    def pump(self) -> None:
        """Hand the jobs at the head of the line to the worker, as far as their needs allow."""
        while self.waiting:
            head = self.waiting[0]
            if not preload.ready(head.needs):
                preload.when_ready(head.needs, self.pump)
                return
            self.waiting.popleft()
            head._submit(self.executor())

    def drain(self, timeout: float) -> bool:
        """Wait until the jobs handed to the worker are done (at exit, in tests)."""
        if self._executor is None:
            return True
        try:
            self._executor.submit(lambda: None).result(timeout=timeout)
            return True
        except Exception:  # noqa: BLE001 - a timeout: the caller decides
            return False

    def run_now(self, work: Callable[[], T], timeout: float = 30) -> T:
        """Run ``work`` on this lane's thread and wait for it (tests, closing)."""
        return self.executor().submit(work).result(timeout=timeout)


DATABASE = _Lane("motcua-db")
PRINTER = _Lane("motcua-print")
_ops: dict[int, Op[Any]] = {}
_next_id = 0


def _deliver(job_id: int, future: Future[Any]) -> None:
    op = _ops.pop(job_id, None)
    if op is not None:
        op._finished(future)


class Op(Generic[T]):
    """A database job with callbacks on the GUI thread (Anki's QueryOp / CollectionOp)."""

    lane = DATABASE
    default_needs: tuple[str, ...] = (DATA,)

    def __init__(self, parent: QObject | None, work: Callable[[], T], *,
                 needs: tuple[str, ...] | None = None):
        """``parent`` owns the callbacks: if it is deleted before the job ends, they are dropped.
        ``needs``: the preload stages the work imports from (default: the class's; ``()`` for
        work that only calls modules already imported, so that it runs before any stage)."""
        self._parent = parent
        self._work: Callable[[], T] | None = work  # dropped once submitted (its closure may hold data)
        self.needs = self.default_needs if needs is None else tuple(needs)
        self._on_success: Callable[[T], Any] | None = None
        self._on_failure: Callable[[Exception], Any] | None = None
        self._progress_label = ""
        self._progress: QProgressDialog | None = None
        self._id = 0

    def success(self, callback: Callable[[T], Any]) -> Op[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[Exception], Any]) -> Op[T]:
        """Handle errors yourself (e.g. put a ValidationError next to its fields)."""
        self._on_failure = callback
        return self

    def with_progress(self, label: str) -> Op[T]:
        """Show a busy dialog if the job takes more than half a second."""
        self._progress_label = label
        return self

    def run_in_background(self) -> Op[T]:
        global _next_id
        _next_id += 1
        self._id = _next_id
        _ops[self._id] = self
        if self._progress_label:
            QTimer.singleShot(500, self._show_progress)
        self.lane.add(self)
        return self

    def _submit(self, executor: ThreadPoolExecutor) -> None:
        relay, job_id, work = _get_relay(), self._id, self._work
        assert work is not None, "an Op is submitted once"
        future = executor.submit(work)
        # Runs on the worker (or here, if already done): only a queued signal crosses over.
        future.add_done_callback(lambda f: relay.finished.emit(job_id, f))
        self._work = None

    # -- on the GUI thread ----------------------------------------------------------------------
    def _show_progress(self) -> None:
        if self._id not in _ops or self._owner_gone():
            return
        self._progress = QProgressDialog(self._progress_label, "", 0, 0, self._widget())
        self._progress.setCancelButton(None)
        from PySide6.QtCore import Qt

        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setMinimumDuration(0)
        self._progress.show()

    def _owner_gone(self) -> bool:
        return self._parent is not None and not shiboken6.isValid(self._parent)

    def _widget(self) -> QWidget | None:
        return self._parent if isinstance(self._parent, QWidget) else None

    def _finished(self, future: Future[Any]) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
        exc = future.exception()
        if self._owner_gone():
            if exc is not None and not isinstance(exc, MotCuaError):
                log.error("background job failed after its window closed", exc_info=exc)
            return
        if exc is None:
            if self._on_success is not None:
                self._on_success(future.result())
            return
        if not isinstance(exc, Exception):  # SystemExit, KeyboardInterrupt: not ours to keep
            raise exc
        # Imported here: the database layer (peewee) is not loaded before the sign-in window.
        from models.db import database_path
        from models.office_server import ServerUnavailable
        from models.storage_errors import classify

        storage = classify(exc, str(database_path() or ""))
        if storage is not None and not isinstance(exc, MotCuaError):
            log.warning("background job failed: %s", exc)
            exc = storage
        if isinstance(exc, ServerUnavailable):
            server_events().lost.emit(str(exc))  # the red banner, on every screen
        if self._on_failure is not None:
            if not isinstance(exc, MotCuaError):
                log.error("background job failed:\n%s",
                          "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
            self._on_failure(exc)
        elif isinstance(exc, ServerUnavailable):
            _show_server_away(self._widget(), str(exc))
        elif isinstance(exc, MotCuaError):
            show_error(self._widget(), str(exc))
        else:
            raise exc  # to the app's handler, sys.excepthook (ui.crash)


class PrintOp(Op[T]):
    """A job for the printer thread: it needs Qt's printing and the PDF already rendered,
    never the database."""

    lane = PRINTER
    default_needs = (PRINTING,)


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


_soon: set[int] = set()


def soon(owner: QObject, callback: Callable[[], None]) -> None:
    """Call ``callback`` on the next turn of the event loop (after the window's first paint);
    counted as pending work by ``busy`` until it has run."""
    key = id(callback)
    _soon.add(key)

    def call() -> None:
        _soon.discard(key)
        if shiboken6.isValid(owner):
            callback()
    QTimer.singleShot(0, call)


def busy() -> bool:
    """True while any job has not reported back (tests wait on this)."""
    return bool(_ops) or bool(_soon)


def wait_for_workers(timeout_ms: int = 10000) -> bool:
    """At exit: let the jobs handed to the workers finish before Python tears the modules down."""
    return all(lane.drain(timeout_ms / 1000) for lane in (DATABASE, PRINTER))


def close_database_connection() -> None:
    """Close the database worker's connection (at exit, and in tests between databases)."""
    from models.tables import database

    def close() -> None:
        db = database.obj
        if db is not None and not db.is_closed():
            db.close()
    if DATABASE._executor is not None:
        DATABASE.run_now(close)


def on_database_thread() -> bool:
    return threading.current_thread().name.startswith(DATABASE.name)


def run(parent: QWidget | None, work: Callable[[], T]) -> Op[T]:
    return Op(parent, work)
