"""The red banner "Mất kết nối máy chủ": shown on every screen while the office server is away.

Only a counter connected to the Centre's server has it. A background check runs every
``interval_ms`` (more often while the server is away) and any job that fails for want of the
server shows it at once (ui.runner.server_events); the next check that reaches the server hides
it — the connection is opened again by the database layer itself (models.office_server).
"""
from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from models.office_server import check_reachable, uses_office_server

from .runner import Op, server_events

CHECK_EVERY = 15_000
WHILE_AWAY = 3_000


class ServerBanner(QFrame):
    """``changed(reachable)`` when the server goes away or comes back."""

    changed = Signal(bool)

    def __init__(self, parent=None, *, interval_ms: int = CHECK_EVERY, away_interval_ms: int = WHILE_AWAY):
        super().__init__(parent)
        self.enabled = uses_office_server()
        self.reachable = True
        self.interval_ms, self.away_interval_ms = interval_ms, away_interval_ms
        self._checking = False
        self.setObjectName("server_banner")
        self.setStyleSheet("#server_banner { background: #c62828; } "
                           "#server_banner QLabel { color: white; font-weight: bold; }")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.retry = QPushButton(self.tr("Try again"))
        self.retry.clicked.connect(self.check)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.retry)
        self.setVisible(False)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        server_events().lost.connect(self.show_lost)

    def start(self) -> None:
        if self.enabled:
            self.timer.start()

    def check(self) -> None:
        if not self.enabled or self._checking:
            return
        self._checking = True
        Op(self, check_reachable).success(lambda _r: self._answer(None)) \
            .failure(lambda exc: self._answer(str(exc))).run_in_background()

    def _answer(self, problem: str | None) -> None:
        self._checking = False
        if problem is None:
            self.show_back()
        else:
            self.show_lost(problem)

    def show_lost(self, detail: str = "") -> None:
        if not self.enabled:
            return
        self.text.setText(self.tr("Lost connection to the server") + " – " + self.tr(
            "no dossier can be received or updated until the Centre's server is back; nothing "
            "half-done was saved, the program reconnects by itself."))
        self.text.setToolTip(detail)
        self.setVisible(True)
        self.timer.setInterval(self.away_interval_ms)
        if self.reachable:
            self.reachable = False
            self.changed.emit(False)

    def show_back(self) -> None:
        self.setVisible(False)
        self.timer.setInterval(self.interval_ms)
        if not self.reachable:
            self.reachable = True
            self.changed.emit(True)
