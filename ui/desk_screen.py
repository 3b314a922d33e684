"""Hồ sơ (dossier desk): every dossier, filtered and searched, opened with Enter.

Keyboard: Ctrl+F to the search box; type a code or its end, an ID or phone (or their first or
last digits), a name; Enter searches at once and Down goes to the list; Enter opens the dossier.
Tab walks the filters one field each (the dates are plain fields, read by models.dates).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.catalog import list_procedures
from models.errors import ValidationError
from models.search import DossierFilter
from models.statuses import STATUS_NAMES

from .date_field import DateField
from .dossier_table_model import DossierTableModel
from .field_errors import ERROR_STYLE
from .i18n import fmt_number
from .online_queue import OnlineQueue
from .runner import Op


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

    def focus_first_row(self) -> None:
        """Put the cursor on the first dossier (or keep the one chosen), with the focus."""
        self.setFocus()
        if self.model().rowCount() and not self.currentIndex().isValid():
            self.setCurrentIndex(self.model().index(0, 0))
            self.selectRow(0)


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
        self.search.setToolTip(self.tr("A code or its end (261201-0003, 0003), an ID number or phone or "
                                       "their first or last digits, a name without accents. Enter "
                                       "searches, Down goes to the list (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), None)
        for code, name in STATUS_NAMES.items():
            self.status.addItem(f"{code}. {name}", code)
        self.procedure = QComboBox()
        self.procedure.addItem(self.tr("All procedures"), "")
        self.procedure.setMinimumContentsLength(24)
        self.procedure.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.date_from = DateField(field="from", label="Ngày bắt đầu")
        self.date_from.setToolTip(self.tr("Received from (empty: any date)"))
        self.date_to = DateField(field="to", label="Ngày kết thúc")
        self.date_to.setToolTip(self.tr("Received until (empty: any date)"))
        for edit in (self.date_from, self.date_to):
            edit.setMaximumWidth(110)
        self.late = QCheckBox(self.tr("&Late"))
        self.due_soon = QCheckBox(self.tr("D&ue soon"))
        self.count = QLabel()
        self.count.setObjectName("desk_count")
        self.problem = QLabel()
        self.problem.setObjectName("desk_problem")
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        self.problem.setMinimumWidth(1)
        self.problem.hide()
        self.table = DossierTable(self.model)
        self.table.open_code.connect(self.open_code)
        self.table.horizontalHeader().setSortIndicator(3, Qt.DescendingOrder)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.status)
        filters.addWidget(self.procedure, 1)
        since = QLabel(self.tr("&From"))
        since.setBuddy(self.date_from)
        filters.addWidget(since)
        filters.addWidget(self.date_from)
        until = QLabel(self.tr("t&o"))
        until.setBuddy(self.date_to)
        filters.addWidget(until)
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
        layout.addWidget(self.problem)
        layout.addWidget(self.table, 1)
        layout.addLayout(legend)

        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.apply)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        for combo in (self.status, self.procedure):
            combo.currentIndexChanged.connect(lambda _i: self.apply())
        for edit in (self.date_from, self.date_to):
            edit.edited_value.connect(lambda _d: self.apply())
        for first, second in zip(
                [self.search, self.status, self.procedure, self.date_from, self.date_to, self.late],
                [self.status, self.procedure, self.date_from, self.date_to, self.late, self.due_soon]):
            QWidget.setTabOrder(first, second)
        QWidget.setTabOrder(self.due_soon, self.table)
        self._focus_list_when_loaded = False
        self.model.page_loaded.connect(self._page_loaded)
        for box in (self.late, self.due_soon):
            box.toggled.connect(lambda _on: self.apply())
        self.model.counted.connect(self._show_count)
        QShortcut(QKeySequence.Find, self, self.focus_search, context=Qt.WidgetWithChildrenShortcut)

    def eventFilter(self, watched, event) -> bool:
        """In the search box: Down goes to the list; Enter searches, then goes to the list."""
        if watched is self.search and event.type() == QEvent.KeyPress:
            if event.key() == Qt.Key_Down:
                self.table.focus_first_row()
                return True
            if event.key() in (Qt.Key_Return, Qt.Key_Enter):
                self._focus_list_when_loaded = True
                self.apply()
                return True
        return False

    def _page_loaded(self) -> None:
        if self._focus_list_when_loaded and self.model.rowCount():
            self._focus_list_when_loaded = False
            self.table.focus_first_row()

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
        """What the filters say; raises ValidationError for a date that does not read."""
        status = self.status.currentData()
        return DossierFilter(
            statuses=[status] if status else [],
            received_from=self.date_from.value(),
            received_to=self.date_to.value(),
            procedure=self.procedure.currentData() or "", late=self.late.isChecked(),
            due_soon=self.due_soon.isChecked(), text=self.search.text(),
        )

    def apply(self) -> None:
        self._debounce.stop()
        try:
            flt = self.current_filter()
        except ValidationError as exc:
            self.problem.setText("\n".join(exc.errors.values()))
            self.problem.show()
            return
        self.problem.hide()
        self.count.setText(self.tr("Counting…"))
        self.table.setCurrentIndex(self.model.index(-1, -1))
        self.model.filter = flt
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

    def focus_first(self) -> None:
        self.focus_search()
