"""The official decisions that ship with the app (resources/calendar/): the 2026 New Year swap
of Công văn 12729/VPCP-KGVX and 24/11 per the Labour Code in force, between the `holidays`
package and the counter's own entries."""
from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from models.calendar import WORKING_DAYS, WorkingCalendar
from models.calendar_decisions import (
    SHIPPED_CALENDAR,
    CalendarDecisions,
    parse_calendar_document,
    parse_calendar_year,
    shipped_decisions,
)
from models.errors import ValidationError
from models.holidays_admin import apply_province_calendar, list_days, load_calendar, set_override
from sync.package_format import package_validator

D = datetime
SHIPPED = WorkingCalendar()
PACKAGE_ONLY = WorkingCalendar(decisions=CalendarDecisions.empty())


@pytest.mark.parametrize("calendar", [SHIPPED, "counter"])
def test_new_year_2026(calendar, request):
    if calendar == "counter":
        request.getfixturevalue("counter")
        calendar = load_calendar()
    # Wednesday 31/12/2025: 1/1 is Tết Dương lịch, Friday 2/1 swapped off, then the weekend.
    assert calendar.due_at(D(2025, 12, 31, 9, 0), 1, WORKING_DAYS) == D(2026, 1, 5, 9, 0)
    # Friday 9/1/2026: Saturday 10/1 is worked in exchange.
    assert calendar.due_at(D(2026, 1, 9, 14, 0), 1, WORKING_DAYS) == D(2026, 1, 10, 14, 0)


def test_the_package_alone_does_not_know_the_new_year_swap():
    assert PACKAGE_ONLY.due_at(D(2025, 12, 31, 9, 0), 1, WORKING_DAYS) == D(2026, 1, 2, 9, 0)
    assert not PACKAGE_ONLY.is_working_day(date(2026, 1, 10))


def test_24_november_follows_the_labour_code_in_force():
    assert not PACKAGE_ONLY.is_working_day(date(2026, 11, 24))  # the package's view
    assert SHIPPED.is_working_day(date(2026, 11, 24))
    assert "Điều 112 Bộ luật Lao động 2019" in SHIPPED.day_off_reason(date(2026, 11, 24))
    # 24/11/2029 is a Saturday: still a weekend day, and the package's Monday "nghỉ bù" is ignored too.
    assert not SHIPPED.is_working_day(date(2029, 11, 24))
    assert SHIPPED.is_working_day(date(2029, 11, 26))
    assert not PACKAGE_ONLY.is_working_day(date(2029, 11, 26))


def test_the_counters_own_entries_win_over_the_shipped_decisions(counter, officer):
    set_override(date(2026, 11, 24), False, "Luật sửa đổi Bộ luật Lao động: nghỉ Ngày Văn hóa Việt Nam",
                 officer=officer)
    assert not load_calendar().is_working_day(date(2026, 11, 24))
    year = parse_calendar_year({"year": 2026, "days_off": [{"date": "2026-01-10", "reason": "Tỉnh cho nghỉ"}],
                                "working_days": [], "source": "Công văn của UBND tỉnh"})
    apply_province_calendar([year], package_sequence=3, by=officer)
    assert not load_calendar().is_working_day(date(2026, 1, 10))


def test_the_holiday_list_names_each_layer(counter, officer):
    set_override(date(2026, 3, 20), False, "Nghỉ theo quyết định của xã", officer=officer)
    days = {d["date"]: d for d in list_days(2026)}
    assert days["2026-01-01"]["source"] == "holidays"
    assert days["2026-01-02"]["source"] == "official" and "12729/VPCP-KGVX" in days["2026-01-02"]["reason"]
    assert days["2026-01-10"]["working"] and days["2026-01-10"]["source"] == "official"
    assert days["2026-11-24"]["working"] and days["2026-11-24"]["source"] == "official"
    assert days["2026-03-20"]["source"] == "admin"


def test_shipped_files_follow_the_calendar_format_of_province_packages():
    validate = package_validator("calendarYear").errors
    files = sorted(SHIPPED_CALENDAR.glob("[0-9][0-9][0-9][0-9].json"))
    assert [p.stem for p in files] == ["2026", "2027"]
    for path in files:
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert validate(doc) == [], path
        assert doc["source"] and all(d["reason"] for d in doc["days_off"] + doc["working_days"])
    decisions = shipped_decisions()
    assert decisions.days_off == {date(2026, 1, 2): decisions.days_off[date(2026, 1, 2)]}
    assert set(decisions.working_days) == {date(2026, 1, 10)}
    assert [rule.name for rule in decisions.ignored] == ["Ngày Văn hóa Việt Nam"]


@pytest.mark.parametrize("doc, message", [
    ({"year": 2026, "days_off": [{"date": "2027-01-02", "reason": "x"}], "working_days": [], "source": "CV"},
     "không thuộc năm 2026"),
    ({"year": 2026, "days_off": [{"date": "2026-01-02", "reason": ""}], "working_days": [], "source": "CV"},
     "thiếu lý do"),
    ({"year": 2026, "days_off": [{"date": "2026-01-02", "reason": "a"}],
      "working_days": [{"date": "2026-01-02", "reason": "b"}], "source": "CV"}, "vừa là ngày nghỉ vừa là ngày làm việc"),
    ({"year": 2026, "days_off": [], "working_days": [], "source": ""}, "thiếu căn cứ chung"),
    ({"year": 2026, "days_off": [{"date": "31/02/2026", "reason": "a"}], "working_days": [], "source": "CV"},
     "không có thật"),
    ({"year": "2026"}, "“year” phải là một năm"),
])
def test_a_bad_calendar_is_refused_with_a_reason(doc, message):
    with pytest.raises(ValidationError) as error:
        parse_calendar_document(doc)
    assert message in str(error.value)
