"""The Báo cáo screen's charts (Qt Charts): the on-time rate month by month, and the resolved
dossiers of each field split into before due / on time / late.

The month chart is a line of the on-time rate (0–100 %, whole percents; hovering a point shows
the exact rate) of each month of ``models.report_trends.trend_months`` (the twelve months of
the period's year); a month in which nothing was resolved, or still to come, has no point, since
0 % or 100 % would both mislead. The field chart is
built from the report on screen (rolled up to fields when it is grouped by procedure); clicking
a segment asks for the dossiers behind it (``segment_clicked(figure, field key)``).
"""
from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QPainter
from PySide6.QtWidgets import QSplitter, QToolTip, QVBoxLayout, QWidget

from models.report_trends import MonthRate
from models.reports import FIGURE_NAMES, NO_FIELD, Figures, PeriodReport

# (figure, colour) of the field chart's stacked segments, left to right
SEGMENTS = (
    ("resolved.before_due", QColor("#2e7d32")),
    ("resolved.on_time", QColor("#1565c0")),
    ("resolved.late", QColor("#c62828")),
)


def field_figures(report: PeriodReport) -> list[tuple[str, str, Figures]]:
    """(field key, field name, figures) for each field of the report, in the report's order.

    A report grouped by procedure is rolled up: its rows carry their procedure's field.
    """
    if report.by == "field":
        return [(row.key, row.name, row.figures) for row in report.rows]
    fields: dict[str, Figures] = {}
    for row in report.rows:
        fields[row.field] = fields.get(row.field, Figures()) + row.figures
    return [(key, key or NO_FIELD, figures) for key, figures in fields.items()]


def whole_percent(rate: float) -> int:
    """0–1 → a whole percent, halves rounded up (87,5 % → 88)."""
    return int(rate * 100 + 0.5)


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setLocale(QLocale(QLocale.Vietnamese, QLocale.Vietnam))
    chart.setLocalizeNumbers(True)  # "86,2" as Vietnamese write it
    return chart


def _chart_view(chart: QChart) -> QChartView:
    view = QChartView(chart)
    view.setRenderHint(QPainter.Antialiasing)
    view.setMinimumSize(320, 260)
    return view


class ReportCharts(QWidget):
    """Two charts side by side; ``show_rates`` and ``show_report`` fill them."""

    segment_clicked = Signal(str, str)  # figure, field key

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rates: list[MonthRate] = []
        self.fields: list[tuple[str, str, Figures]] = []
        self.rate_series: QLineSeries | None = None
        self.field_sets: dict[str, QBarSet] = {}
        self.rate_chart = _chart(self.tr("On-time rate by month"))
        self.rate_chart.legend().hide()
        self.field_chart = _chart(self.tr("Resolved dossiers by field"))
        self.field_chart.legend().setAlignment(Qt.AlignBottom)
        self.rate_view = _chart_view(self.rate_chart)
        self.field_view = _chart_view(self.field_chart)
        self.field_view.setToolTip(self.tr("Click a bar to list its dossiers"))
        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(self.rate_view)
        splitter.addWidget(self.field_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    # -- the on-time rate by month ------------------------------------------------------------
    def computing(self) -> None:
        """Shown while the months are computed (seconds on a very large database)."""
        self.rate_chart.setTitle(self.tr("On-time rate by month: computing…"))

    def show_rates(self, rates: list[MonthRate]) -> None:
        self.rates = rates
        chart = self.rate_chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        series = QLineSeries()
        series.setPointsVisible(True)
        series.setPointLabelsVisible(True)
        series.setPointLabelsFormat("@yPoint")
        series.setPointLabelsClipping(False)
        pen = series.pen()
        pen.setWidth(3)
        series.setPen(pen)
        for index, month in enumerate(rates):
            if month.rate is not None:
                # whole percents: a point label would print "87.5", not the Vietnamese "87,5";
                # hovering a point shows the exact rate
                series.append(QPointF(index, whole_percent(month.rate)))
        series.hovered.connect(self._hovered)
        chart.addSeries(series)
        x = QCategoryAxis()
        x.setLabelsPosition(QCategoryAxis.AxisLabelsPositionOnValue)
        one_year = len({m.month.start.year for m in rates}) == 1
        for index, month in enumerate(rates):
            x.append(str(month.month.start.month) if one_year else f"{month.month.start:%m/%y}", index)
        x.setRange(-0.5, max(len(rates) - 0.5, 0.5))
        x.setTitleText(self.tr("Month"))
        y = QValueAxis()
        y.setRange(0, 100)
        y.setTickCount(6)
        y.setLabelFormat("%.0f")
        y.setTitleText(self.tr("On-time rate (%)"))
        chart.addAxis(x, Qt.AlignBottom)
        chart.addAxis(y, Qt.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
        self.rate_series = series
        if rates:
            years = sorted({m.month.start.year for m in rates})
            span = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
            chart.setTitle(self.tr("On-time rate by month, %1").replace("%1", span))

    def _hovered(self, point: QPointF, state: bool) -> None:
        index = round(point.x())
        if not state or not 0 <= index < len(self.rates) or self.rates[index].rate is None:
            QToolTip.hideText()
            return
        QToolTip.showText(QCursor.pos(), self.rate_text(self.rates[index]), self.rate_view)

    def rate_text(self, month: MonthRate) -> str:
        """ "Tháng 3/2026: 66,67 % đúng hạn (4/6 hồ sơ đã giải quyết)" """
        rate = f"{month.rate * 100:.2f}".replace(".", ",")
        return (self.tr("%1: %2 % on time (%3 of %4 resolved)")
                .replace("%1", month.month.label).replace("%2", rate)
                .replace("%3", str(month.before_due + month.on_time)).replace("%4", str(month.resolved)))

    # -- the resolved dossiers by field -------------------------------------------------------
    def show_report(self, report: PeriodReport) -> None:
        self.fields = field_figures(report)
        chart = self.field_chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        series = QHorizontalStackedBarSeries()
        series.setLabelsVisible(True)
        self.field_sets = {}
        # bottom to top reads as the table top to bottom
        shown = list(reversed(self.fields))
        for figure, colour in SEGMENTS:
            bar = QBarSet(FIGURE_NAMES[figure].split("–")[-1].strip())
            bar.setColor(colour)
            bar.setLabelColor(QColor("white"))
            bar.append([float(figures.get(figure)) for _k, _n, figures in shown])
            bar.clicked.connect(lambda index, f=figure: self._clicked(f, index))
            series.append(bar)
            self.field_sets[figure] = bar
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([name for _k, name, _f in shown])
        counts = QValueAxis()
        counts.setLabelFormat("%.0f")
        most = max((f.resolved.total for _k, _n, f in shown), default=0)
        counts.setRange(0, max(most, 1))
        if most <= 10:
            counts.setTickCount(max(most, 1) + 1)  # whole numbers only
        else:
            counts.applyNiceNumbers()
        counts.setTitleText(self.tr("Dossiers resolved"))
        chart.addAxis(categories, Qt.AlignLeft)
        chart.addAxis(counts, Qt.AlignBottom)
        series.attachAxis(categories)
        series.attachAxis(counts)
        label = report.period.label or report.period.range_text
        chart.setTitle(self.tr("Resolved dossiers by field, %1").replace("%1", label))
        chart.setMargins(QMargins(4, 4, 4, 4))

    def field_names(self) -> list[str]:
        """The field names in the report's order (the chart shows them bottom to top)."""
        return [name for _k, name, _f in self.fields]

    def field_count(self, figure: str, field_name: str) -> int:
        """The count a segment shows, read back from the chart's bar set."""
        index = list(reversed(self.field_names())).index(field_name)
        return int(self.field_sets[figure].at(index))

    def _clicked(self, figure: str, index: int) -> None:
        shown = list(reversed(self.fields))
        if 0 <= index < len(shown):
            self.segment_clicked.emit(figure, shown[index][0])
