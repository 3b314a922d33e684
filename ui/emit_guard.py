"""A guard against a reference-count bug of PySide6 6.12.0: ``Signal.emit`` releases a
reference to ``True`` it never took.

On Python 3.11 (3.12 made ``True`` immortal) every emit from Python lowers ``True``'s count
by one; after some thousands of emits — a day at the counter — the interpreter aborts
("Fatal Python error: bool_dealloc"). ``emit_leaks_true()`` is the reproducer (also run by
tests/ui/test_ui_runner.py): while it says so, a timer on the GUI thread gives ``True`` back the
references it lost. Remove this module once the pinned PySide6 no longer has the bug.
"""
from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, QTimer, Signal

LOW = 1 << 16  # top up below this many references
TOP_UP = 1 << 20

_timer: QTimer | None = None


class _Probe(QObject):
    fired = Signal()


def emit_leaks_true(times: int = 50) -> bool:
    """True when emitting a signal lowers ``True``'s reference count (the bug is present)."""
    if sys.version_info >= (3, 12):
        return False  # immortal: the count is not kept
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(times):
        probe.fired.emit()
    after = sys.getrefcount(True)
    top_up(before - after)
    return after < before - times // 2


def top_up(count: int = TOP_UP) -> None:
    """Give ``True`` ``count`` references it will never lose (it is never freed anyway).

    Written straight into the object's count (CPython's first field, ob_refcnt): references
    held in a list would be dropped again while the interpreter shuts down, which is when the
    abort happens.
    """
    if count > 0:
        ctypes.c_ssize_t.from_address(id(True)).value += count


def _check() -> None:
    if sys.getrefcount(True) < LOW:
        top_up()


def install() -> None:
    """Call on the GUI thread once the QApplication exists (ui.app.make_application)."""
    global _timer
    if _timer is not None or not emit_leaks_true():
        return
    top_up()
    _timer = QTimer()
    _timer.timeout.connect(_check)
    _timer.start(1000)
