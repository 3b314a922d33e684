"""Python's cyclic garbage collector runs on the GUI thread only.

The collector runs in whichever thread happens to allocate; when that is a worker of the
runner, it can destroy a Qt object (a closed dialog caught in a reference cycle) off the GUI
thread, and Qt crashes. So automatic collection is switched off and a timer on the GUI thread
collects with the same thresholds (the usual recipe for PySide/PyQt apps with threads).
This is Qt's threading rule, not a PySide bug, so it stays whatever the PySide6 version;
scripts/pyside_thread_repro.py's worker_gc case exercises it.
"""
from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

_collector: GuiThreadCollector | None = None


class GuiThreadCollector(QObject):
    def __init__(self, interval_ms: int = 500):
        super().__init__()
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> None:
        counts = gc.get_count()
        generation = -1
        for gen in (0, 1, 2):
            if counts[gen] > self.threshold[gen]:
                generation = gen
        if generation >= 0:
            gc.collect(generation)


def install() -> GuiThreadCollector:
    """Call on the GUI thread once the QApplication exists."""
    global _collector
    if _collector is None:
        _collector = GuiThreadCollector()
    return _collector


def uninstall() -> None:
    """Back to Python's own collection (tests that share the interpreter with non-Qt tests)."""
    global _collector
    if _collector is not None:
        _collector.timer.stop()
        _collector.deleteLater()
        _collector = None
        gc.enable()
