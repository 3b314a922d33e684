"""The banner at the top of the main window: past days the province does not have yet
(not exported, changed since their export) or has not confirmed (not acknowledged, refused)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from models.audit import now as clock

from .intervals import FIVE_MINUTES
from .preload import DATA, SYNC
from .runner import Op

SHOWN = 3  # messages listed; the rest are counted


class SyncBanner(QFrame):
    """Hidden while nothing is owed. ``open_sync()`` when the officer asks to deal with it;
    ``refreshed(days)`` after each check (the list of PendingDay)."""

    open_sync = Signal()
    refreshed = Signal(object)

    def __init__(self, parent=None, *, now: Callable[[], datetime] = clock, interval_ms: int = FIVE_MINUTES):
        super().__init__(parent)
        self.now = now
        self.days: list = []
        self.setObjectName("sync_banner")
        self.setStyleSheet("#sync_banner { background: #fff3cd; border: 1px solid #e0c36c; }")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.button = QPushButton(self.tr("Open Sync"))
        self.button.setToolTip(self.tr("Export the day files and import the province's acknowledgements"))
        self.button.clicked.connect(self.open_sync)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.setVisible(False)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.refresh)

    def start(self) -> None:
        self.refresh()
        self.timer.start()

    def refresh(self) -> None:
        moment = self.now()

        def work() -> list:
            from sync.history import pending_days  # loaded by ui.preload's SYNC stage

            return pending_days(moment)
        Op(self, work, needs=(DATA, SYNC)).success(self.show_days).failure(lambda _e: None) \
            .run_in_background()

    def show_days(self, days: list) -> None:
        self.days = list(days)
        lines = [d.message for d in self.days[:SHOWN]]
        if len(self.days) > SHOWN:
            lines.append(self.tr("… and %1 more days.").replace("%1", str(len(self.days) - SHOWN)))
        self.text.setText("\n".join(lines))
        self.setVisible(bool(self.days))
        self.refreshed.emit(self.days)
