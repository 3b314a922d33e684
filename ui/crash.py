"""Crash reports in the desktop app: Qt's own messages to the log, uncaught errors to a dialog.

A windowed program has no console: without this, a bug in a slot or a worker thread would
leave only a dead button. Every uncaught exception (GUI thread, worker threads) is logged by
models.logs and shown in the Vietnamese ErrorDialog; Qt's warnings go to the "qt" logger.
"""
from __future__ import annotations

import logging
import os
import sys
import threading
import traceback

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, QtMsgType, Signal, qInstallMessageHandler

from models import logs

qt_log = logging.getLogger("qt")
_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
PLATFORM_HINT = (
    "Lỗi: Qt không mở được cửa sổ trên màn hình này ({detail}). Trên Linux hãy cài các thư viện "
    "X11 của Qt (libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0) hoặc chạy "
    "trong phiên đồ họa; các lệnh dòng lệnh vẫn dùng được (motcua --help)."
)


def qt_message(kind: QtMsgType, context, message: str) -> None:
    """Qt's qDebug/qWarning/qFatal, into the log. A fatal one also explains itself and ends
    the process with status 1."""
    qt_log.log(_LEVELS.get(kind, logging.WARNING), "%s", message)
    if kind == QtMsgType.QtFatalMsg:
        if "platform plugin" in message:
            text = PLATFORM_HINT.format(detail=message.splitlines()[0])
            qt_log.critical(text)
            if sys.stderr is not None:
                sys.stderr.write(text + "\n")
        logs.flush()
        os._exit(1)  # Qt would abort() next: a core dump says nothing more than the log


def install_qt_message_handler() -> None:
    """Before the QApplication exists, so a platform plugin that fails to load is logged too."""
    qInstallMessageHandler(qt_message)


class CrashReporter(QObject):
    """Shows uncaught exceptions in an ErrorDialog on the GUI thread (one at a time)."""

    report = Signal(str, str)  # the traceback (for the log's reader), the sentence to show

    def __init__(self) -> None:
        super().__init__()
        self.dialog = None
        # From a worker the signal is queued to the GUI thread by itself; on the GUI thread
        # _report defers the dialog to the next event-loop turn (never inside the hook). No
        # Qt.QueuedConnection: Qt's namespace costs the first window ~25 ms to set up.
        self.report.connect(self._show)

    def _show(self, details: str, summary: str) -> None:
        if self.dialog is not None:  # one dialog; the log has every further error
            return
        from .error_dialog import ErrorDialog

        app = QCoreApplication.instance()
        parent = app.activeWindow() if hasattr(app, "activeWindow") else None
        self.dialog = ErrorDialog(details, parent, summary)
        self.dialog.finished.connect(self._closed)
        self.dialog.open()

    def _closed(self, _result: int) -> None:
        self.dialog.deleteLater()
        self.dialog = None

    # -- hooks ------------------------------------------------------------------------------
    def excepthook(self, exc_type, exc, trace) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, trace)
            return
        logs.log_uncaught(exc_type, exc, trace)  # the log has it: no traceback on the console
        self._report(exc_type, exc, trace)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "?"
        logs.log_uncaught(args.exc_type, args.exc_value, args.exc_traceback, f"thread {name}")
        self._report(args.exc_type, args.exc_value, args.exc_traceback)

    def _report(self, exc_type, exc, trace) -> None:
        """Storage failing (disk full, damaged file, lock held too long) is said as the sentence
        models.storage_errors has for it; anything else is a bug, shown as such."""
        from models.db import database_path  # not loaded yet when the app starts
        from models.storage_errors import classify

        found = classify(exc, str(database_path() or "")) if exc is not None else None
        details = "".join(traceback.format_exception(exc_type, exc, trace))
        summary = str(found) if found is not None else ""
        if QThread.currentThread() is self.thread():
            QTimer.singleShot(0, lambda: self._show(details, summary))
        else:
            self.report.emit(details, summary)


_reporter: CrashReporter | None = None


def install_crash_reporter() -> CrashReporter:
    """On the GUI thread, once the QApplication exists (run_gui)."""
    global _reporter
    if _reporter is None:
        _reporter = CrashReporter()
        sys.excepthook = _reporter.excepthook
        threading.excepthook = _reporter.thread_excepthook
    return _reporter
