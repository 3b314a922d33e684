"""Báo cáo (reports): Biểu số 06/VPCP/KSTT for a period, the dossiers behind any figure, the
late list, and the report as PDF or Excel (models.reports computes; this screen shows).

Three tabs keep it usable on a 1366×768 screen: the table with its drill-down list, the charts
(ui/report_charts.py: on-time rate by month, resolved dossiers by field) and the late and
due-soon dossiers with their apology (ui/late_panel.py).
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.audit import now as clock
from models.report_period import Period
from models.report_trends import monthly_on_time_rates
from models.reports import FIGURE_NAMES, GROUPINGS, TOTAL_NAME, dossiers_behind, late_dossiers, period_report

from .citizen_report_panel import CitizenReportPanel
from .date_field import DateField
from .digitisation_panel import DigitisationPanel
from .i18n import fmt_datetime
from .late_panel import LatePanel
from .preload import DATA, REPORTS
from .report_charts import ReportCharts
from .runner import Op
from .table_items import table_item

CTX = "ReportsScreen"
FIGURES = list(FIGURE_NAMES)
SHORT_HEADERS = {
    "received.total": QT_TRANSLATE_NOOP("ReportsScreen", "Received\ntotal"),
    "received.online": QT_TRANSLATE_NOOP("ReportsScreen", "Online"),
    "received.direct_postal": QT_TRANSLATE_NOOP("ReportsScreen", "Counter\nand post"),
    "received.carried_over": QT_TRANSLATE_NOOP("ReportsScreen", "Carried\nover"),
    "resolved.total": QT_TRANSLATE_NOOP("ReportsScreen", "Resolved\ntotal"),
    "resolved.before_due": QT_TRANSLATE_NOOP("ReportsScreen", "Before\ndue"),
    "resolved.on_time": QT_TRANSLATE_NOOP("ReportsScreen", "On\ntime"),
    "resolved.late": QT_TRANSLATE_NOOP("ReportsScreen", "Resolved\nlate"),
    "in_progress.total": QT_TRANSLATE_NOOP("ReportsScreen", "In progress\ntotal"),
    "in_progress.within_time": QT_TRANSLATE_NOOP("ReportsScreen", "Within\ntime"),
    "in_progress.late": QT_TRANSLATE_NOOP("ReportsScreen", "In progress\nlate"),
}
PERIOD_KINDS = (
    ("month", QT_TRANSLATE_NOOP("ReportsScreen", "Month")),
    ("quarter", QT_TRANSLATE_NOOP("ReportsScreen", "Quarter")),
    ("half", QT_TRANSLATE_NOOP("ReportsScreen", "Half-year")),
    ("year", QT_TRANSLATE_NOOP("ReportsScreen", "Year")),
    ("range", QT_TRANSLATE_NOOP("ReportsScreen", "From – to")),
)
LATE = QColor("#f8d7da")
TABLE_TAB, CHARTS_TAB, LATE_TAB = range(3)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


class ReportsScreen(QWidget):
    """``open_code(code)`` when a dossier of a drill-down list or of the late panel is opened;
    ``changed(view)`` when the late panel recorded an extension."""

    open_code = Signal(str)
    changed = Signal(object)
    reported = Signal(object)
    trended = Signal(object)  # the list of MonthRate shown on the month chart
    drilled = Signal(int)

    def __init__(self, officer=None, parent=None, *, now: Callable[[], datetime] = clock):
        super().__init__(parent)
        self.officer = officer
        self.now = now  # the clock of the report's "as of" and of the late panel (tests set it)
        self.report = None
        self.details: list = []
        self._trend_wanted: tuple[Period, datetime] | None = None  # the month chart, to compute
        self._trend_request = 0
        today = date.today()
        self.kind = QComboBox()
        for key, label in PERIOD_KINDS:
            self.kind.addItem(_tr(label), key)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.number = QSpinBox()
        self.number.setRange(1, 12)
        self.number.setValue(today.month)
        self.date_from = DateField(today.replace(day=1), optional=False, field="from", label="Ngày bắt đầu")
        self.date_to = DateField(today, optional=False, field="to", label="Ngày kết thúc")
        for edit in (self.date_from, self.date_to):
            edit.setMaximumWidth(110)
        self.by = QComboBox()
        for key, name in GROUPINGS.items():
            self.by.addItem(name, key)
        self.show_button = QPushButton(self.tr("Show report"))
        self.show_button.setToolTip(self.tr("Compute the figures for the period (Enter)"))
        self.show_button.setDefault(True)
        self.late_button = QPushButton(self.tr("Late dossiers"))
        self.pdf_button = QPushButton(self.tr("Print (PDF)…"))
        self.xlsx_button = QPushButton(self.tr("Excel file…"))
        self.title = QLabel()
        self.title.setObjectName("report_title")
        self.title.setStyleSheet("font-weight: bold;")
        self.table = QTableWidget(0, len(FIGURES) + 2)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field / procedure")] + [_tr(SHORT_HEADERS[f]) for f in FIGURES]
            + [self.tr("On-time\nrate")])
        for column, figure in enumerate(FIGURES, start=1):
            self.table.horizontalHeaderItem(column).setToolTip(FIGURE_NAMES[figure])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        for column in range(1, len(FIGURES) + 2):
            self.table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeToContents)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setToolTip(self.tr("Enter or double-click a figure to list its dossiers"))
        self.table.cellDoubleClicked.connect(self.drill)
        self.detail_title = QLabel()
        self.detail = QTableWidget(0, 8)
        self.detail.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Applicant"), self.tr("Procedure"), self.tr("Received"),
             self.tr("Due"), self.tr("Closed"), self.tr("Status"), self.tr("Days late")])
        self.detail.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        self.detail.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.detail.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.detail.verticalHeader().setVisible(False)
        self.detail.cellDoubleClicked.connect(lambda row, _c: self.open_code.emit(self.details[row].code))

        self.to_label = QLabel(self.tr("to"))
        controls = QHBoxLayout()
        for widget in (QLabel(self.tr("Period")), self.kind, self.number, self.year, self.date_from,
                       self.to_label, self.date_to, QLabel(self.tr("By")), self.by,
                       self.show_button, self.late_button):
            controls.addWidget(widget)
        controls.addStretch(1)
        controls.addWidget(self.pdf_button)
        controls.addWidget(self.xlsx_button)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.detail_title)
        lower_layout.addWidget(self.detail)
        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setSizes([400, 250])
        self.charts = ReportCharts()
        self.charts.segment_clicked.connect(self.drill_field)
        self.late_panel = LatePanel(officer, now=lambda: self.now())
        self.late_panel.open_code.connect(self.open_code)
        self.late_panel.changed.connect(self.changed)
        self.late_panel.loaded.connect(self._late_loaded)
        self.tabs = QTabWidget()
        self.tabs.addTab(splitter, self.tr("Figures"))
        self.tabs.addTab(self.charts, self.tr("Charts"))
        self.tabs.addTab(self.late_panel, self.tr("Late and due soon"))
        self.citizen_panel = CitizenReportPanel(officer)  # satisfaction, fees, the notice board
        self.tabs.addTab(self.citizen_panel, self.tr("Citizens"))
        self.reported.connect(lambda report: self.citizen_panel.load(report.period))
        self.digitisation_panel = DigitisationPanel()  # QĐ 766 group 4
        self.digitisation_panel.open_code.connect(self.open_code)
        self.tabs.addTab(self.digitisation_panel, self.tr("Digitisation"))
        self.reported.connect(lambda report: self.digitisation_panel.load(report.period))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.show_button.clicked.connect(self.run_report)
        self.late_button.clicked.connect(self.show_late)
        self.pdf_button.clicked.connect(self.show_pdf)
        self.xlsx_button.clicked.connect(lambda: self.save_xlsx())
        self.preview = None  # a PdfPreview, made on first use
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.number.setVisible(kind in ("month", "quarter", "half"))
        self.number.setMaximum({"month": 12, "quarter": 4, "half": 2}.get(kind, 12))
        self.year.setVisible(kind != "range")
        for widget in (self.date_from, self.to_label, self.date_to):
            widget.setVisible(kind == "range")

    def period(self) -> Period:
        kind, year, number = self.kind.currentData(), self.year.value(), self.number.value()
        if kind == "month":
            return Period.month(year, number)
        if kind == "quarter":
            return Period.quarter(year, number)
        if kind == "half":
            return Period.half(year, number)
        if kind == "year":
            return Period.year(year)
        return Period(self.date_from.value(), self.date_to.value(), "range")

    def load(self) -> None:
        self.run_report()
        self.late_panel.load()

    def _tab_changed(self, index: int) -> None:
        if index == LATE_TAB:
            self.late_panel.load()  # "late" and "due soon" change with the clock
        elif index == CHARTS_TAB and self._trend_wanted is not None:
            self._load_trend()

    def _late_loaded(self, count: int) -> None:
        self.tabs.setTabText(LATE_TAB, self.tr("Late and due soon (%1)").replace("%1", str(count)))

    def run_report(self) -> None:
        try:
            period = self.period()
        except Exception as exc:  # ValidationError: end before start
            self.title.setText(str(exc))
            return
        by, now = self.by.currentData(), self.now()
        self.title.setText(self.tr("Computing…"))
        officer = self.officer
        Op(self, lambda: period_report(period, by=by, now=now, officer=officer)) \
            .with_progress(self.tr("Computing the report…")).success(self._show).run_in_background()
        self._trend_wanted = (period, now)
        if self.tabs.currentIndex() == CHARTS_TAB:
            self._load_trend()

    def _load_trend(self) -> None:
        """The month chart: one report per month (models.report_trends), so it is computed
        only when the charts are looked at, and only the latest request is shown."""
        period, now = self._trend_wanted
        self._trend_wanted = None
        self._trend_request += 1
        request = self._trend_request
        self.charts.computing()
        officer = self.officer
        Op(self, lambda: monthly_on_time_rates(period, now=now, officer=officer)) \
            .success(lambda rates: self._show_rates(rates, request)).run_in_background()

    def _show_rates(self, rates, request: int) -> None:
        if request != self._trend_request:
            return  # a later period was asked for meanwhile
        self.charts.show_rates(rates)
        self.trended.emit(rates)

    def _show(self, report) -> None:
        self.report = report
        label = report.period.label or report.period.range_text
        self.title.setText(self.tr("%1 (%2) – figures as of %3").replace("%1", label)
                           .replace("%2", report.period.range_text).replace("%3", report.as_of_text))
        rows = list(report.rows) + [None]
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            figures = report.total if row is None else row.figures
            name = TOTAL_NAME if row is None else row.name
            first = table_item(name)
            if row is None:
                font = first.font()
                font.setBold(True)
                first.setFont(font)
            self.table.setItem(r, 0, first)
            for c, figure in enumerate(FIGURES, start=1):
                item = table_item(str(figures.get(figure)), number=True)
                if figure.endswith(".late") and figures.get(figure):
                    item.setBackground(QBrush(LATE))
                self.table.setItem(r, c, item)
            rate = figures.on_time_rate
            self.table.setItem(r, len(FIGURES) + 1,
                               table_item("–" if rate is None else f"{rate * 100:.2f} %".replace(".", ","), True))
        self.charts.show_report(report)
        self.reported.emit(report)

    def drill(self, row: int, column: int) -> None:
        if self.report is None or not 1 <= column <= len(FIGURES):
            return
        figure = FIGURES[column - 1]
        key = self.report.rows[row].key if row < len(self.report.rows) else None
        period, by = self.report.period, self.report.by
        name = self.table.item(row, 0).text()
        self.detail_title.setText(f"{FIGURE_NAMES[figure]} – {name}")
        now = self.now()
        officer = self.officer
        Op(self, lambda: dossiers_behind(period, figure, key=key, by=by, now=now, officer=officer)) \
            .success(self._details) \
            .run_in_background()

    def drill_field(self, figure: str, key: str) -> None:
        """A segment of the field chart: its dossiers, in the table tab's list."""
        if self.report is None:
            return
        from models.reports import NO_FIELD

        period, now = self.report.period, self.now()
        self.detail_title.setText(f"{FIGURE_NAMES[figure]} – {key or NO_FIELD}")
        self.tabs.setCurrentIndex(TABLE_TAB)
        officer = self.officer
        Op(self, lambda: dossiers_behind(period, figure, key=key, by="field", now=now, officer=officer)) \
            .success(self._details).run_in_background()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            if self.table.hasFocus() and self.table.currentItem():
                self.drill(self.table.currentRow(), self.table.currentColumn())
                return
            if self.detail.hasFocus() and self.detail.currentRow() >= 0:
                self.open_code.emit(self.details[self.detail.currentRow()].code)
                return
        super().keyPressEvent(event)

    def show_late(self) -> None:
        try:
            period = self.period()
        except Exception as exc:
            self.title.setText(str(exc))
            return
        by, now = self.by.currentData(), self.now()
        self.detail_title.setText(self.tr("Late dossiers, %1").replace("%1", period.range_text))
        self.tabs.setCurrentIndex(TABLE_TAB)
        officer = self.officer
        Op(self, lambda: late_dossiers(period, by=by, now=now, officer=officer)).success(self._details) \
            .run_in_background()

    def _details(self, dossiers) -> None:
        self.details = dossiers
        self.detail.setRowCount(len(dossiers))
        for r, d in enumerate(dossiers):
            values = [d.code, d.applicant_name, d.procedure_name, fmt_datetime(d.received_at),
                      fmt_datetime(d.due_at), fmt_datetime(d.closed_at), d.status_name,
                      str(d.days_late) if d.days_late else ""]
            for c, value in enumerate(values):
                item = table_item(value, number=(c == 7))
                if d.late:
                    item.setBackground(QBrush(LATE))
                self.detail.setItem(r, c, item)
        self.drilled.emit(len(dossiers))

    def show_pdf(self) -> None:
        if self.report is None:
            return
        report = self.report

        def show(pdf: bytes) -> None:
            from .pdf_preview import PdfPreview

            if self.preview is None:
                self.preview = PdfPreview(self)
            self.preview.show_pdf(pdf, self.tr("Report %1").replace("%1", report.period.range_text))
        def work() -> bytes:
            from models.digitisation import digitisation_report
            from models.report_documents import period_report_pdf

            return period_report_pdf(report, preparer_name=getattr(self.officer, "full_name", ""),
                                     digitisation=digitisation_report(report.period))
        Op(self, work, needs=(DATA, REPORTS)).success(show).run_in_background()

    def save_xlsx(self, path: str = "") -> None:
        if self.report is None:
            return
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report"), "bao-cao.xlsx",
                                                  self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        report = self.report

        def work() -> str:
            from models.digitisation import digitisation_report
            from models.report_documents import period_report_xlsx

            data = period_report_xlsx(report, preparer_name=getattr(self.officer, "full_name", ""),
                                      digitisation=digitisation_report(report.period))
            with open(path, "wb") as handle:
                handle.write(data)
            return path
        Op(self, work, needs=(DATA, REPORTS)) \
            .success(lambda p: self.detail_title.setText(self.tr("Saved: %1").replace("%1", p))) \
            .run_in_background()
