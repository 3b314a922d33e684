"""The automatic export of day files: every few minutes in the background (past days with
changes, and today once the office has closed) and once more, synchronously, when the app closes.

The clock and the interval are injected so that tests can drive them without waiting.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from models.audit import now as clock

from .intervals import FIVE_MINUTES
from .preload import DATA, SYNC
from .runner import Op

log = logging.getLogger(__name__)


class AutoExport(QObject):
    """``exported(results)`` after a run wrote at least one file; ``failed(message)`` when a
    run could not export (the banner keeps showing the day, so the officer still sees it)."""

    exported = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, *, officer=None,
                 now: Callable[[], datetime] = clock, interval_ms: int = FIVE_MINUTES):
        super().__init__(parent)
        self.officer = officer  # the signed-in account the files are exported as
        self.now = now
        self._busy = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.run)

    def start(self) -> None:
        self.timer.start()

    def run(self) -> None:
        """One background run; a run still going when the timer fires again is not doubled."""
        if self._busy:
            return
        self._busy = True
        moment, officer = self.now(), self.officer

        def work() -> list:
            from sync.export import export_if_due

            return export_if_due(moment, by=officer)
        Op(self, work, needs=(DATA, SYNC)).success(self._done).failure(self._failed).run_in_background()

    def _done(self, results: list) -> None:
        self._busy = False
        if results:
            self.exported.emit(results)

    def _failed(self, exc: Exception) -> None:
        self._busy = False
        log.warning("automatic export failed: %s", exc)
        self.failed.emit(str(exc))

    def at_close(self) -> list:
        """Export today's work as the app closes. Never raises: closing must not be blocked;
        a day left unexported shows on the banner at the next start."""
        self.timer.stop()
        try:
            from sync.export import export_if_due

            return export_if_due(self.now(), closing=True, by=self.officer)
        except Exception:  # noqa: BLE001 - logged, and the banner reports the day next time
            log.exception("export at closing failed")
            return []
