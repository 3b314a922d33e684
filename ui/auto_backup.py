"""The automatic backups: one a day (checked at start and every hour, made in the background
when today's is missing) and one when the app closes (models.backup does the work).

The clock and the interval are injected so that tests can drive them without waiting.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from models.audit import now as clock
from models.backup import auto_backup, backup_due
from models.db import is_sqlite

from .intervals import ONE_HOUR
from .runner import Op

log = logging.getLogger(__name__)


class AutoBackup(QObject):
    """``made(result)`` after a backup; ``failed(message)`` when one could not be made."""

    made = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, *, now: Callable[[], datetime] = clock,
                 interval_ms: int = ONE_HOUR):
        super().__init__(parent)
        self.now = now
        self._busy = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.run)

    def start(self) -> None:
        if not is_sqlite():
            return  # a PostgreSQL server has its own backups
        self.run()
        self.timer.start()

    def run(self) -> None:
        """Make today's backup in the background if it is not made yet."""
        if self._busy:
            return
        self._busy = True
        moment = self.now()
        Op(self, lambda: auto_backup(now=moment) if backup_due(moment) else None) \
            .success(self._done).failure(self._failed).run_in_background()

    def _done(self, result) -> None:
        self._busy = False
        if result is not None:
            self.made.emit(result)

    def _failed(self, exc: Exception) -> None:
        self._busy = False
        log.warning("automatic backup failed: %s", exc)
        self.failed.emit(str(exc))

    def at_close(self, window: QWidget | None = None) -> object | None:
        """The closing backup. Never raises: closing must not be blocked; a failure is logged
        and the next start tries again."""
        self.timer.stop()
        if not is_sqlite():
            return None
        notice = QProgressDialog(QCoreApplication.translate("AutoBackup", "Backing up the data before closing…"),
                                 "", 0, 0, window)
        notice.setCancelButton(None)
        notice.setWindowModality(Qt.WindowModal)
        notice.setMinimumDuration(0)
        notice.show()
        QApplication.processEvents()
        try:
            return auto_backup(now=self.now(), kind="closing")
        except Exception:  # noqa: BLE001 - logged; the daily backup runs at the next start
            log.exception("backup at closing failed")
            return None
        finally:
            notice.close()
            notice.deleteLater()
