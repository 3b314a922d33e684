"""Heavy modules are imported on the GUI thread, one per event-loop turn, after the window is up.

Two reasons. Start-up: reportlab, openpyxl (and numpy), the holiday tables and the province
list cost over a second to import, and nothing needs them before the officer's first action.
Safety: the runner starts no job before these imports are done, so no worker thread imports.
The crashes once blamed on such imports ("none_dealloc") are PySide6 6.12.0 losing a reference
on every Python override Qt calls (scripts/pyside_thread_repro.py); the pinned 6.11.3 passes
the reproducer's worker-import case too. The ordering stays for start-up speed.
"""
from __future__ import annotations

import importlib
from datetime import date
from typing import Callable

from PySide6.QtCore import QTimer

MODULES = (
    "models.forms", "printing.dispatch", "models.reports", "models.report_documents",
    "vietnam_provinces.lookup", "PySide6.QtPdf", "PySide6.QtPdfWidgets",
    "encodings.pdfdoc", "encodings.utf_16_be", "encodings.mac_roman",
)

START_DELAY_MS = 60
_state = {"started": False, "done": False}
_waiting: list[Callable[[], None]] = []


def _warm_calendar() -> None:
    """The holiday package imports its country module on first use."""
    from models.calendar import _national_holidays

    _national_holidays().get(date.today())


def _steps() -> list[Callable[[], None]]:
    steps: list[Callable[[], None]] = [lambda m=m: _import(m) for m in MODULES]
    steps.append(_warm_calendar)
    return steps


def _import(name: str) -> None:
    try:
        importlib.import_module(name)
    except ImportError:  # an optional codec or module missing: the job will say so
        pass


def _run(steps: list[Callable[[], None]]) -> None:
    if steps:
        steps.pop(0)()
        QTimer.singleShot(0, lambda: _run(steps))
        return
    _state["done"] = True
    while _waiting:
        _waiting.pop(0)()


def done() -> bool:
    return _state["done"]


def after(callback: Callable[[], None]) -> None:
    """Call ``callback`` once the heavy modules are loaded (at once if they are)."""
    if _state["done"]:
        callback()
        return
    _waiting.append(callback)
    if not _state["started"]:
        _state["started"] = True
        # Give the window its first paint before the long imports begin.
        QTimer.singleShot(START_DELAY_MS, lambda: _run(_steps()))


def finish_now() -> None:
    """Load everything synchronously (scripts and benchmarks that need it at once)."""
    if not _state["done"]:
        _state["started"] = True
        for step in _steps():
            step()
        _state["done"] = True
        while _waiting:
            _waiting.pop(0)()
