"""Hồ sơ quá hạn và sắp đến hạn: the dossiers still with the agency that are late, or due within
a day, with one click to apologise for a late one.

The apology (Phiếu xin lỗi và đề nghị gia hạn thời gian giải quyết) is what the "extend"
workflow action prints: the click opens that action's dialog (ui/action_dialogs.py) for the
dossier, with the new appointment prefilled (models.workflow.suggested_new_due); confirming
records the extension and shows and prints the apology, as the dossier window does. A late
dossier's new appointment is a leader's act (DOMAIN §7): for other accounts the button is off.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.audit import now as clock
from models.dossiers import DossierView, get_dossier
from models.permissions import can
from models.search import DossierFilter, list_dossiers
from models.statuses import FINANCIAL, PROCESSING, RECEIVED, SUPPLEMENT
from models.workflow import suggested_new_due

from .action_dialogs import ActionDialog
from .form_printer import FormPrinter
from .i18n import fmt_datetime
from .runner import Op

# The statuses in which a dossier is still with the agency and can be given a new appointment
# (the "extend" action's sources): a finished or closed dossier is not listed, late or not.
WITH_THE_AGENCY = [RECEIVED, PROCESSING, SUPPLEMENT, FINANCIAL]
LIMIT = 500  # per list; a commune has a handful, a bench database thousands
LATE = QColor("#f8d7da")
DUE_SOON = QColor("#fff3cd")
APOLOGY_COLUMN = 6


def late_and_due_soon(now: datetime, limit: int = LIMIT) -> tuple[list[DossierView], list[DossierView], bool]:
    """(late, due soon, more than ``limit`` of either): each list by due time, oldest first."""
    late = list_dossiers(DossierFilter(statuses=WITH_THE_AGENCY, late=True), limit=limit,
                         sort="due_at", descending=False, now=now)
    soon = list_dossiers(DossierFilter(due_soon=True), limit=limit, sort="due_at",
                         descending=False, now=now)
    return late.rows, soon.rows, late.cursor is not None or soon.cursor is not None


class LatePanel(QWidget):
    """``open_code(code)`` on Enter / double-click; ``changed(view)`` after an extension."""

    open_code = Signal(str)
    changed = Signal(object)
    loaded = Signal(int)  # rows listed
    dialog_opened = Signal(object)  # the extend ActionDialog

    def __init__(self, officer=None, parent=None, *, now: Callable[[], datetime] = clock):
        super().__init__(parent)
        self.officer = officer
        self.now = now  # the clock (tests set it)
        self.rows: list[DossierView] = []
        self.action_dialog: ActionDialog | None = None
        self.printer = FormPrinter(self, officer)
        self.summary = QLabel()
        self.summary.setObjectName("late_summary")
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("List the late and due-soon dossiers again"))
        self.apology_button = QPushButton(self.tr("Print apology for the selected dossier…"))
        self.apology_button.setToolTip(self.tr("Give a late dossier a new appointment and print the "
                                               "apology (Ctrl+P)"))
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Applicant"), self.tr("Procedure"), self.tr("Due"),
             self.tr("Status"), self.tr("Situation"), self.tr("Apology")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setToolTip(self.tr("Enter or double-click to open the dossier"))
        self.table.activated.connect(lambda index: self._open(index.row()))  # Enter, double-click
        self.table.currentCellChanged.connect(lambda *_a: self._enable())
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.apology_button)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.refresh_button.clicked.connect(self.load)
        self.apology_button.clicked.connect(self.apologise_selected)
        QShortcut(QKeySequence("Ctrl+P"), self, self.apologise_selected,
                  context=Qt.WidgetWithChildrenShortcut)
        self._enable()

    # -- the list -----------------------------------------------------------------------------
    def load(self) -> None:
        now = self.now()
        Op(self, lambda: late_and_due_soon(now)).success(lambda result: self._show(result, now)) \
            .run_in_background()

    def _show(self, result, now: datetime) -> None:
        late, soon, more = result
        self.rows = late + soon
        self.table.setRowCount(len(self.rows))
        for r, view in enumerate(self.rows):
            situation = self._situation(view, now)
            values = [view.code, view.applicant_name, view.procedure_name, fmt_datetime(view.due_at),
                      view.status_name, situation]
            colour = LATE if view.late else DUE_SOON
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setBackground(QBrush(colour))
                self.table.setItem(r, c, item)
            self.table.setItem(r, APOLOGY_COLUMN, QTableWidgetItem())
            if view.late:
                button = QPushButton(self.tr("Print apology…"))
                button.setObjectName(f"apology_{view.code}")
                button.setToolTip(self.tr("Give a new appointment and print the apology form"))
                button.setEnabled(self.may_apologise())
                button.clicked.connect(lambda _checked=False, code=view.code: self.apologise(code))
                self.table.setCellWidget(r, APOLOGY_COLUMN, button)
        text = self.tr("%1 late, %2 due within a day").replace("%1", str(len(late))) \
            .replace("%2", str(len(soon)))
        if more:
            text += " " + self.tr("(the first %1 of each)").replace("%1", str(LIMIT))
        self.summary.setText(text)
        self._enable()
        self.loaded.emit(len(self.rows))

    def _situation(self, view: DossierView, now: datetime) -> str:
        if not view.late:
            return self.tr("Due soon")
        if view.due_at > now:  # given a new appointment after the due moment: still late
            return self.tr("Late (new appointment %1)").replace("%1", fmt_datetime(view.due_at))
        days = (now.date() - view.due_at.date()).days
        if view.paused_at is not None and view.paused_at > view.due_at:
            return self.tr("Late (waiting for papers)")
        if days <= 0:
            return self.tr("Late (today)")
        return self.tr("Late by %1 days").replace("%1", str(days))

    def apology_button_for(self, code: str) -> QPushButton | None:
        for r, view in enumerate(self.rows):
            if view.code == code:
                return self.table.cellWidget(r, APOLOGY_COLUMN)
        return None

    def _current(self) -> DossierView | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def may_apologise(self) -> bool:
        """A late dossier's new appointment is a leader's (the service checks it again)."""
        return can(self.officer, "dossier.extend_late")

    def _enable(self) -> None:
        current = self._current()
        self.apology_button.setEnabled(current is not None and current.late and self.may_apologise())
        if not self.may_apologise():
            self.apology_button.setToolTip(self.tr("Only a leader gives a late dossier a new appointment"))

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.open_code.emit(self.rows[row].code)

    # -- the apology --------------------------------------------------------------------------
    def apologise_selected(self) -> None:
        current = self._current()
        if current is not None and current.late:
            self.apologise(current.code)

    def apologise(self, code: str) -> None:
        """Open the extend dialog for ``code`` with the new appointment prefilled."""
        if not self.may_apologise():
            return
        now = self.now()

        def work() -> tuple[DossierView, datetime]:
            view = get_dossier(code, now=now)
            return view, suggested_new_due(view, now)
        Op(self, work).success(self._open_extend).run_in_background()

    def _open_extend(self, result: tuple[DossierView, datetime]) -> None:
        view, new_due = result
        dialog = ActionDialog("extend", view, self.officer, self, now=self.now)
        dialog.inputs["new_due"].set_value(new_due)
        dialog.done_view.connect(self._extended)
        self.action_dialog = dialog
        dialog.open()
        dialog.inputs["reason"].setFocus()  # the date is prefilled: the reason is what to write
        self.dialog_opened.emit(dialog)

    def _extended(self, view: DossierView, form: str | None) -> None:
        if form:
            self.printer.show(form, view.code, print_now=True)
        self.changed.emit(view)
        self.load()
