"""The log file: one rotating ``motcua.log`` in the user's log folder, for the GUI and the CLI.

A windowed program has no console, so everything an IT admin needs to diagnose a problem goes
here: warnings and errors of every module (``logging.getLogger(__name__)``), uncaught
exceptions on any thread, and (installed by ui/crash.py) Qt's own warnings. Each line carries
the process id and the thread, since the app, a command and a second window may all write.
"""
from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import threading
from pathlib import Path
from types import TracebackType

from .paths import log_dir

LOG_NAME = "motcua.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(process)d %(threadName)s %(levelname)s %(name)s: %(message)s"
LEVEL_ENV = "MOTCUA_LOG_LEVEL"  # DEBUG for a fuller log while chasing a problem

log = logging.getLogger("motcua")
_handler: logging.Handler | None = None


class SharedRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Rotates at MAX_BYTES, and keeps writing if another process holds the file open.

    On Windows a file another MotCua process has open cannot be renamed; that rollover is
    skipped (the next one will succeed) instead of printing logging's own error to a console
    that a windowed program does not have.
    """

    def doRollover(self) -> None:
        try:
            super().doRollover()
        except OSError:
            if self.stream is None or self.stream.closed:
                self.stream = self._open()


def log_file() -> Path:
    return log_dir() / LOG_NAME


def configure_logging(*, console: bool = False) -> Path | None:
    """Send the root logger's records to the log file; returns its path (None if unwritable).

    ``console`` also prints warnings to stderr. Safe to call again: installed once.
    """
    global _handler
    root = logging.getLogger()
    level = os.environ.get(LEVEL_ENV, "INFO").upper()
    root.setLevel(level if level in logging._nameToLevel else "INFO")
    path: Path | None = None
    if _handler is None:
        try:
            path = log_file()
            _handler = SharedRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                                 encoding="utf-8", delay=True)
        except OSError:  # a read-only profile: the app still runs, only without a log
            _handler = logging.NullHandler()
            path = None
        _handler.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(_handler)
        if console:
            stderr = logging.StreamHandler()
            stderr.setLevel(logging.WARNING)
            stderr.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
            root.addHandler(stderr)
        install_exception_hooks()
        # The version is written by log_version(), once: reading it (importlib.metadata) costs
        # the desktop app's first window some 20 ms, so it comes when the database opens.
        log.info("MotCua started, Python %s on %s%s", sys.version.split()[0],
                 sys.platform, " (built)" if getattr(sys, "frozen", False) else "")
    elif isinstance(_handler, logging.FileHandler):
        path = Path(_handler.baseFilename)
    return path


def log_version() -> None:
    """The app's version into the log (once per process: a command, the desktop app)."""
    global _version_logged
    if not _version_logged:
        from .version import APP_VERSION

        _version_logged = True
        log.info("MotCua version %s", APP_VERSION)


_version_logged = False


def current_log_file() -> Path | None:
    """The file being written, if logging was configured."""
    if isinstance(_handler, logging.FileHandler):
        return Path(_handler.baseFilename)
    return None


def log_uncaught(exc_type: type[BaseException], exc: BaseException,
                 trace: TracebackType | None, where: str = "") -> None:
    log.critical("uncaught exception%s", f" in {where}" if where else "",
                 exc_info=(exc_type, exc, trace))


def install_exception_hooks() -> None:
    """Uncaught exceptions on any thread reach the log (then whatever hook came before)."""
    previous = sys.excepthook
    previous_thread = threading.excepthook

    def excepthook(exc_type, exc, trace):
        if not issubclass(exc_type, KeyboardInterrupt):
            log_uncaught(exc_type, exc, trace)
        previous(exc_type, exc, trace)

    def thread_excepthook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is not SystemExit:
            name = args.thread.name if args.thread is not None else "?"
            log_uncaught(args.exc_type, args.exc_value, args.exc_traceback, f"thread {name}")
        previous_thread(args)

    sys.excepthook = excepthook
    threading.excepthook = thread_excepthook


def flush() -> None:
    if _handler is not None:
        _handler.flush()
