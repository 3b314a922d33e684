"""Hồ sơ (dossier desk): every dossier, filtered and searched, opened with Enter."""
from __future__ import annotations

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QTableView, QVBoxLayout, QWidget,
)

from models.catalog import list_procedures
from models.search import DossierFilter
from models.statuses import STATUS_NAMES

from .dossier_table_model import DossierTableModel
from .i18n import DATE_FORMAT, fmt_number, to_date
from .online_queue import OnlineQueue
from .runner import Op

NO_DATE = QDate(2000, 1, 1)


class DossierTable(QTableView):
    """The table view shared by the desk and the return screen; Enter opens the dossier."""

    open_code = Signal(str)

    def __init__(self, model: DossierTableModel, parent=None):
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setAlternatingRowColors(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(24)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        for column, width in ((0, 210), (1, 180), (3, 130), (4, 130), (5, 150)):
            self.setColumnWidth(column, width)
        self.doubleClicked.connect(lambda index: self.open_code.emit(model.code_at(index.row())))

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and self.currentIndex().isValid():
            self.open_code.emit(self.model().code_at(self.currentIndex().row()))
            return
        super().keyPressEvent(event)


REFRESH_MS = 10_000  # dossiers received at the other counters show within seconds


class DeskScreen(QWidget):
    open_code = Signal(str)

    def __init__(self, parent=None, *, refresh_ms: int = REFRESH_MS):
        super().__init__(parent)
        self._loaded = False
        self.refresh_timer = QTimer(self, interval=refresh_ms)
        self.refresh_timer.timeout.connect(self.refresh)
        self.model = DossierTableModel(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search: code, ID number, phone or name (Ctrl+F)"))
        self.search.setToolTip(self.tr("Names match without accents: “nguyen thi hang” (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), None)
        for code, name in STATUS_NAMES.items():
            self.status.addItem(f"{code}. {name}", code)
        self.procedure = QComboBox()
        self.procedure.addItem(self.tr("All procedures"), "")
        self.procedure.setMinimumContentsLength(24)
        self.procedure.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.date_from = self._date_edit(self.tr("Received from"))
        self.date_to = self._date_edit(self.tr("Received until"))
        self.late = QCheckBox(self.tr("&Late"))
        self.due_soon = QCheckBox(self.tr("D&ue soon"))
        self.count = QLabel()
        self.count.setObjectName("desk_count")
        self.table = DossierTable(self.model)
        self.table.open_code.connect(self.open_code)
        self.table.horizontalHeader().setSortIndicator(3, Qt.DescendingOrder)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.status)
        filters.addWidget(self.procedure, 1)
        filters.addWidget(QLabel(self.tr("From")))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.date_to)
        filters.addWidget(self.late)
        filters.addWidget(self.due_soon)
        legend = QHBoxLayout()
        for text, colour in ((self.tr("Late"), "#f8d7da"), (self.tr("Due within a day"), "#fff3cd")):
            swatch = QLabel(text)
            swatch.setStyleSheet(f"background: {colour}; padding: 2px 6px;")
            legend.addWidget(swatch)
        legend.addStretch(1)
        legend.addWidget(self.count)
        self.online = OnlineQueue()  # Hồ sơ trực tuyến: shown while online dossiers wait
        layout = QVBoxLayout(self)
        layout.addWidget(self.online)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(legend)

        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.apply)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self.apply)
        for combo in (self.status, self.procedure):
            combo.currentIndexChanged.connect(lambda _i: self.apply())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self.apply())
        for box in (self.late, self.due_soon):
            box.toggled.connect(lambda _on: self.apply())
        self.model.counted.connect(self._show_count)
        QShortcut(QKeySequence.Find, self, self.focus_search, context=Qt.WidgetWithChildrenShortcut)

    def _date_edit(self, tip: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setDisplayFormat(DATE_FORMAT)
        edit.setCalendarPopup(True)
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(NO_DATE)
        edit.setToolTip(tip)
        return edit

    def load(self) -> None:
        self._loaded = True
        Op(self, lambda: list_procedures(include_inactive=True)).success(self._set_procedures) \
            .run_in_background()
        self.online.load()
        self.apply()

    def _set_procedures(self, procedures) -> None:
        self.procedure.blockSignals(True)
        for p in procedures:
            self.procedure.addItem(p.name, p.code)
        self.procedure.blockSignals(False)

    def current_filter(self) -> DossierFilter:
        status = self.status.currentData()
        return DossierFilter(
            statuses=[status] if status else [],
            received_from=None if self.date_from.date() == NO_DATE else to_date(self.date_from.date()),
            received_to=None if self.date_to.date() == NO_DATE else to_date(self.date_to.date()),
            procedure=self.procedure.currentData() or "", late=self.late.isChecked(),
            due_soon=self.due_soon.isChecked(), text=self.search.text(),
        )

    def apply(self) -> None:
        self._debounce.stop()
        self.count.setText(self.tr("Counting…"))
        self.model.filter = self.current_filter()
        if not self.table.isSortingEnabled():
            self.table.setSortingEnabled(True)  # sorts, that is loads, by the indicator
        else:
            self.model.reload()

    def refresh(self) -> None:
        """Up to date without a reload (on a timer while shown, and when the window gets the
        focus back): new dossiers from the other counters, steps taken there."""
        if self._loaded and self.isVisible():
            self.model.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh_timer.start()
        self.refresh()

    def hideEvent(self, event) -> None:
        self.refresh_timer.stop()
        super().hideEvent(event)

    def _show_count(self, total: int) -> None:
        self.count.setText(self.tr("%1 dossiers").replace("%1", fmt_number(total)))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
