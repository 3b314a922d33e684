"""Hồ sơ trực tuyến: the queue of dossiers submitted online (status 1) that a province package
brought, at the top of the dossier desk while any wait.

The officer opens one (Enter), checks its papers in the dossier window and accepts it — it is
received at that moment and the receipt prints — or refuses it with the refusal form. The work
is done by models.online and models.workflow through the dossier window's actions.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
)

from models.audit import now as clock
from models.online import waiting

from .i18n import fmt_datetime
from .runner import Op
from .table_items import table_item

PORTAL, CODE, SUBMITTED, APPLICANT, PROCEDURE = range(5)
MAX_ROWS = 5


class OnlineQueueTable(QTableWidget):
    """Enter opens the selected dossier with its acceptance ready."""

    activated_row = Signal(int)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and self.currentRow() >= 0:
            self.activated_row.emit(self.currentRow())
            return
        super().keyPressEvent(event)


class OnlineQueue(QGroupBox):
    """Hidden while nothing waits. ``open_dossier(code, action)`` asks for the dossier window,
    the action ("accept", "refuse" or None) ready; ``counted(n)`` after each load."""

    open_dossier = Signal(str, object)
    counted = Signal(int)

    def __init__(self, parent=None, *, now: Callable[[], datetime] = clock):
        super().__init__(parent)
        self.now = now
        self.views: list = []
        self.setObjectName("online_queue")
        self.table = OnlineQueueTable(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Code on the portal"), self.tr("Code at the counter"),
                                              self.tr("Submitted online"), self.tr("Applicant"),
                                              self.tr("Procedure")])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(PROCEDURE, QHeaderView.Stretch)
        self.table.activated_row.connect(lambda row: self._open(row, "accept"))
        self.table.doubleClicked.connect(lambda index: self._open(index.row(), None))
        self.accept_button = QPushButton(self.tr("Check and accept…"))
        self.accept_button.setToolTip(self.tr("Open the dossier, check its papers, receive it now and "
                                              "print the receipt (Enter)"))
        self.accept_button.clicked.connect(lambda: self._open(self.table.currentRow(), "accept"))
        self.refuse_button = QPushButton(self.tr("Refuse…"))
        self.refuse_button.setToolTip(self.tr("Refuse the dossier and print the refusal form"))
        self.refuse_button.clicked.connect(lambda: self._open(self.table.currentRow(), "refuse"))
        self.hint = QLabel(self.tr("Submitted on the public service portal and brought by the province's "
                                   "package: received only when accepted here."))
        self.hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.refuse_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.setVisible(False)

    def load(self) -> None:
        moment = self.now()
        Op(self, lambda: waiting(now=moment)).success(self.show_views).run_in_background()

    def show_views(self, views: list) -> None:
        self.views = list(views)
        self.setTitle(self.tr("Online dossiers (%1 waiting)").replace("%1", str(len(self.views))))
        self.table.setRowCount(len(self.views))
        for row, view in enumerate(self.views):
            cells = {PORTAL: view.portal_code or "", CODE: view.code, SUBMITTED: fmt_datetime(view.received_at),
                     APPLICANT: view.applicant_name, PROCEDURE: view.procedure_name}
            for column, text in cells.items():
                self.table.setItem(row, column, table_item(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(PROCEDURE, QHeaderView.Stretch)
        # As tall as its rows, up to about five: the desk's list keeps the room.
        rows = self.table.verticalHeader().defaultSectionSize() * min(max(len(self.views), 1), MAX_ROWS)
        self.table.setFixedHeight(self.table.horizontalHeader().height() + rows + 2 * self.table.frameWidth())
        if self.views and self.table.currentRow() < 0:
            self.table.selectRow(0)
        self.setVisible(bool(self.views))
        self.counted.emit(len(self.views))

    def _open(self, row: int, action: str | None) -> None:
        if 0 <= row < len(self.views):
            self.open_dossier.emit(self.views[row].code, action)

    def focus_queue(self) -> None:
        self.table.setFocus()
