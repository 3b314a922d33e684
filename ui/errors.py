"""The one handler for unexpected errors (Anki's aqt/errors.py in spirit).

Installed as ``sys.excepthook`` (and ``threading.excepthook``) when the app starts: an error
no code expected — in a slot, or re-raised by ui.runner from a background job — is logged
with its traceback and shown to the officer in Vietnamese with the details folded away, for
the administrator. The app keeps running: the data is safe in the database.
"""
from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QThread, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger("motcua")
_showing = {"now": False}


def _show(trace: str) -> None:
    if _showing["now"]:  # one box at a time; the rest are in the log
        return
    _showing["now"] = True
    try:
        box = QMessageBox(QMessageBox.Critical,
                          QCoreApplication.translate("Errors", "Unexpected error"),
                          QCoreApplication.translate(
                              "Errors", "Something went wrong. What you saved is kept. "
                              "Please tell the administrator."),
                          QMessageBox.Ok, QApplication.activeWindow())
        box.setDetailedText(trace)
        box.exec()
    finally:
        _showing["now"] = False


def handle(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    trace = "".join(traceback.format_exception(kind, value, tb))
    log.error("unexpected error:\n%s", trace)
    if issubclass(kind, KeyboardInterrupt) or QApplication.instance() is None:
        sys.__excepthook__(kind, value, tb)
        return
    if QThread.currentThread() is QApplication.instance().thread():
        _show(trace)
    else:  # from a worker: show it on the GUI thread
        QTimer.singleShot(0, QApplication.instance(), lambda: _show(trace))


def install() -> None:
    sys.excepthook = handle
    threading.excepthook = lambda args: handle(args.exc_type, args.exc_value, args.exc_traceback)
