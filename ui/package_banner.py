"""The province's banner at the top of the main window, in the style of the day files' banner:
what the last package brought, the online dossiers waiting, a catalog about to take effect.

Its check runs every few minutes off the GUI thread and first applies any catalog whose
effective date has come (models.catalog_releases.promote_due), so a counter left open
overnight uses the new catalog from the morning.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from models.audit import now as clock
from models.catalog_releases import held_releases, promote_due
from models.online import waiting_count

from .i18n import fmt_date
from .intervals import FIVE_MINUTES
from .runner import Op

SOON = timedelta(days=7)  # a held catalog is announced this long before it takes effect


@dataclass
class PackageState:
    waiting: int = 0
    held: list = field(default_factory=list)  # catalogs waiting for a date within SOON
    promoted: list = field(default_factory=list)  # catalogs that took effect in this check


def check(now: datetime) -> PackageState:
    promoted = promote_due(now)
    held = [h for h in held_releases() if h.effective_from <= (now + SOON).date()]
    return PackageState(waiting_count(), held, promoted)


class PackageBanner(QFrame):
    """Hidden while there is nothing to say. ``open_online()`` when the officer asks for the
    waiting dossiers; ``catalog_changed()`` when a held catalog took effect; ``refreshed(state)``."""

    open_online = Signal()
    catalog_changed = Signal()
    refreshed = Signal(object)

    def __init__(self, parent=None, *, now: Callable[[], datetime] = clock, interval_ms: int = FIVE_MINUTES):
        super().__init__(parent)
        self.now = now
        self.state = PackageState()
        self.result: list[str] = []  # what the last import did, until closed
        self.setObjectName("package_banner")
        self.setStyleSheet("#package_banner { background: #fff3cd; border: 1px solid #e0c36c; }")
        self.result_text = QLabel()
        self.result_text.setWordWrap(True)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.online_button = QPushButton(self.tr("Open online dossiers"))
        self.online_button.setToolTip(self.tr("The online dossiers waiting in the dossier desk (F6)"))
        self.online_button.clicked.connect(self.open_online)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Hide what the last package changed"))
        self.close_button.clicked.connect(self.dismiss)
        texts = QVBoxLayout()
        texts.addWidget(self.result_text)
        texts.addWidget(self.text)
        layout = QHBoxLayout(self)
        layout.addLayout(texts, 1)
        layout.addWidget(self.online_button)
        layout.addWidget(self.close_button)
        self.setVisible(False)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.refresh)

    def start(self) -> None:
        self.refresh()
        self.timer.start()

    def refresh(self) -> None:
        moment = self.now()
        Op(self, lambda: check(moment)).success(self.show_state).failure(lambda _e: None).run_in_background()

    def show_state(self, state: PackageState) -> None:
        self.state = state
        lines = []
        for outcome in state.promoted:
            lines.append(self.tr("The catalog of %1 took effect today.").replace("%1", outcome.decision))
        if state.waiting:
            lines.append(self.tr("%1 online dossiers are waiting to be checked and accepted.")
                         .replace("%1", str(state.waiting)))
        for held in state.held:
            lines.append(self.tr("The catalog of %1 takes effect on %2.").replace("%1", held.decision)
                         .replace("%2", fmt_date(held.effective_from)))
        self.text.setText("\n".join(lines))
        self.text.setVisible(bool(lines))
        self.online_button.setVisible(bool(state.waiting))
        self._update()
        if state.promoted:
            self.catalog_changed.emit()
        self.refreshed.emit(state)

    def show_result(self, lines: list[str]) -> None:
        """What an import did, shown until the officer closes it."""
        self.result = list(lines)
        self.result_text.setText("\n".join(self.result))
        self._update()
        self.refresh()

    def dismiss(self) -> None:
        self.result = []
        self.result_text.clear()
        self._update()

    def _update(self) -> None:
        self.result_text.setVisible(bool(self.result))
        self.close_button.setVisible(bool(self.result))
        self.setVisible(bool(self.result) or bool(self.text.text()))
