"""Báo cáo, Biểu đồ tab: the on-time rate of each month and the resolved dossiers by field, read
back from the charts' series, and a click on a bar listing its dossiers."""
from __future__ import annotations

from datetime import datetime as T

import pytest

from models import workflow
from models.intake import IntakeRequest, PersonInput, receive
from ui.main_window import REPORTS
from ui.reports_screen import CHARTS_TAB, TABLE_TAB

MARRIAGE, CERTIFY, BIRTH = "1.004873", "2.001035", "1.001193"  # Hộ tịch, Chứng thực, Hộ tịch
NOW = T(2026, 4, 20, 12)


def _receive(officer, procedure: str, at: T, name: str = "Nguyễn Văn An") -> str:
    request = IntakeRequest(procedure=procedure, received_at=at,
                            applicant=PersonInput(name=name, id_number="001090012345"))
    return receive(request, officer, now=at).code


@pytest.fixture
def months(officer) -> dict[str, str]:
    """January 100 % (before due + on time), February 50 % (on time + late), March nothing
    resolved, April 100 %; May onwards has not come yet on NOW."""
    c = {}
    c["jan_marriage"] = _receive(officer, MARRIAGE, T(2026, 1, 5, 9))   # due 08/01
    workflow.finish(c["jan_marriage"], officer, now=T(2026, 1, 7, 10))   # before due
    c["jan_certify"] = _receive(officer, CERTIFY, T(2026, 1, 6, 9))     # due 08/01
    workflow.finish(c["jan_certify"], officer, now=T(2026, 1, 8, 8, 30))  # the due day, before 09:00
    c["feb_marriage"] = _receive(officer, MARRIAGE, T(2026, 2, 2, 9), "Trần Thị Bình")  # due 05/02
    workflow.finish(c["feb_marriage"], officer, now=T(2026, 2, 9, 10))   # late
    c["feb_birth"] = _receive(officer, BIRTH, T(2026, 2, 3, 9))         # due 03/02 17:00
    workflow.finish(c["feb_birth"], officer, now=T(2026, 2, 3, 10))      # on the due date
    c["mar_open"] = _receive(officer, MARRIAGE, T(2026, 3, 16, 9))      # still in progress
    c["apr_certify"] = _receive(officer, CERTIFY, T(2026, 4, 6, 9))     # due 08/04
    workflow.finish(c["apr_certify"], officer, now=T(2026, 4, 7, 10))    # before due
    return c


def _show_year(window, qtbot, idle, by: str = "field"):
    screen = window.reports
    screen.now = lambda: NOW
    window.show_tab(REPORTS)
    idle()
    screen.kind.setCurrentIndex(screen.kind.findData("year"))
    screen.year.setValue(2026)
    screen.by.setCurrentIndex(screen.by.findData(by))
    with qtbot.waitSignal(screen.reported, timeout=15000):
        screen.show_button.click()
    # the month chart is computed when the charts tab is shown
    with qtbot.waitSignal(screen.trended, timeout=15000):
        screen.tabs.setCurrentIndex(CHARTS_TAB)
    idle()
    return screen


def test_month_chart_shows_each_months_on_time_rate(window, months, qtbot, idle):
    screen = _show_year(window, qtbot, idle)
    charts = screen.charts
    assert [m.label for m in charts.rates] == [f"{m:02d}/2026" for m in range(1, 13)]
    points = [(p.x(), p.y()) for p in charts.rate_series.points()]
    # no point for March (nothing resolved) nor for the months still to come
    assert points == [(0, 100.0), (1, 50.0), (3, 100.0)]
    # hovering a point tells the exact rate and what it is made of
    assert charts.rate_text(charts.rates[1]) == "Tháng 2 năm 2026: 50,00 % đúng hạn (1/2 hồ sơ đã giải quyết)"
    assert charts.rate_chart.title() == "Tỷ lệ đúng hạn theo tháng, 2026"
    axis = charts.rate_chart.axes()[0]
    assert axis.categoriesLabels()[:3] == ["1", "2", "3"]
    # the month chart agrees with the table's rate for the year: 4 of 5 resolved on time
    total_row = screen.table.rowCount() - 1
    assert screen.table.item(total_row, screen.table.columnCount() - 1).text() == "80,00 %"


@pytest.mark.parametrize("by", ["field", "procedure"])
def test_field_chart_counts_the_resolved_dossiers_of_each_field(window, months, qtbot, idle, by):
    screen = _show_year(window, qtbot, idle, by)
    charts = screen.charts
    assert charts.field_names() == ["Chứng thực", "Hộ tịch"]  # rolled up when by procedure
    expected = {
        "Hộ tịch": {"resolved.before_due": 1, "resolved.on_time": 1, "resolved.late": 1},
        "Chứng thực": {"resolved.before_due": 1, "resolved.on_time": 1, "resolved.late": 0},
    }
    for field, counts in expected.items():
        for figure, count in counts.items():
            assert charts.field_count(figure, field) == count, (field, figure)
    assert [charts.field_sets[f].label() for f in charts.field_sets] == ["Trước hạn", "Đúng hạn", "Quá hạn"]


def test_clicking_a_bar_lists_its_dossiers(window, months, qtbot, idle):
    screen = _show_year(window, qtbot, idle)
    charts = screen.charts
    late = charts.field_sets["resolved.late"]
    index = list(reversed(charts.field_names())).index("Hộ tịch")
    with qtbot.waitSignal(screen.drilled, timeout=10000) as drilled:
        late.clicked.emit(index)  # what a mouse click on the bar segment emits
    assert drilled.args == [1]
    assert screen.tabs.currentIndex() == TABLE_TAB
    assert screen.detail.item(0, 0).text() == months["feb_marriage"]
    assert screen.detail.item(0, 1).text() == "Trần Thị Bình"
    assert screen.detail_title.text() == "Đã giải quyết – Quá hạn – Hộ tịch"


def test_which_months_the_chart_shows():
    from datetime import date

    from models.report_period import Period
    from models.report_trends import MAX_MONTHS, trend_months
    from ui.report_charts import whole_percent

    labels = lambda period: [f"{m.start:%m/%Y}" for m in trend_months(period)]  # noqa: E731
    assert labels(Period.quarter(2026, 2)) == [f"{m:02d}/2026" for m in range(1, 13)]
    assert labels(Period(date(2025, 11, 15), date(2026, 2, 10))) == ["11/2025", "12/2025", "01/2026", "02/2026"]
    long = labels(Period(date(2020, 1, 1), date(2026, 3, 31)))
    assert len(long) == MAX_MONTHS and long[0] == "04/2024" and long[-1] == "03/2026"
    assert [whole_percent(r) for r in (0.875, 2 / 3, 0.5, 1.0)] == [88, 67, 50, 100]
