"""A guard against reference-count bugs of PySide6 6.12.0 with Python 3.11.

Two leaks, each of one reference a call: ``Signal.emit`` releases a reference to ``True`` it
never took, and every call of a Python slot by Qt (a timer's timeout, a button's click…)
releases one to ``None``. Python 3.12 made these objects immortal; on 3.11 their counts fall
with every signal and slot until the interpreter aborts ("Fatal Python error: bool_dealloc" or
"none_dealloc") — after a few thousand actions, a day at the counter. ``leaks()`` is the
reproducer (tests/ui/test_ui_runner.py runs it); while the counts can fall, a timer on the GUI
thread gives the three objects back the references they lost. Remove this module once the
pinned PySide6 no longer has the bugs.
"""
from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, QTimer, Signal

LOW = 1 << 20  # top up below this many references
TOP_UP = 1 << 24  # a day of signals and slots many times over
GUARDED = (True, False, None)

_timer: QTimer | None = None


class _Probe(QObject):
    fired = Signal()


def leaks(times: int = 50) -> dict[str, int]:
    """References lost by ``times`` emits of a signal to a Python slot, per object ({} when
    none are): the bugs this module works around, measured."""
    probe = _Probe()
    probe.fired.connect(lambda: None)
    before = [sys.getrefcount(obj) for obj in GUARDED]
    for _ in range(times):
        probe.fired.emit()
    after = [sys.getrefcount(obj) for obj in GUARDED]
    lost = {repr(obj): b - a for obj, b, a in zip(GUARDED, before, after) if b - a >= times // 2}
    for obj, b, a in zip(GUARDED, before, after):
        _add(obj, b - a)
    return lost


def _add(obj: object, count: int) -> None:
    """Give ``obj`` ``count`` references it will never lose (these objects are never freed).

    Written straight into its count (CPython's first field, ob_refcnt): references held in a
    list would be dropped again while the interpreter shuts down, which is when it aborts.
    """
    if count > 0:
        ctypes.c_ssize_t.from_address(id(obj)).value += count


def _check() -> None:
    for obj in GUARDED:
        if sys.getrefcount(obj) < LOW:
            _add(obj, TOP_UP)


def install() -> None:
    """Call on the GUI thread once the QApplication exists (ui.app.make_application)."""
    global _timer
    if _timer is not None or sys.version_info >= (3, 12) or not leaks():
        return
    _check()
    _timer = QTimer()
    _timer.timeout.connect(_check)
    _timer.start(1000)
