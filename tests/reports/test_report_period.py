"""Report periods: the named periods and the from–to range."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from models.errors import ValidationError
from models.report_period import Period, parse_period, period_between


@pytest.mark.parametrize("spec, start, end, label", [
    ("day:2026-11-23", date(2026, 11, 23), date(2026, 11, 23), "Ngày 23/11/2026"),
    ("month:2026-11", date(2026, 11, 1), date(2026, 11, 30), "Tháng 11 năm 2026"),
    ("month:2028-2", date(2028, 2, 1), date(2028, 2, 29), "Tháng 2 năm 2028"),
    ("quarter:2026-Q4", date(2026, 10, 1), date(2026, 12, 31), "Quý IV năm 2026"),
    ("quarter:2026-q1", date(2026, 1, 1), date(2026, 3, 31), "Quý I năm 2026"),
    ("half:2026-H1", date(2026, 1, 1), date(2026, 6, 30), "6 tháng đầu năm 2026"),
    ("half:2026-H2", date(2026, 7, 1), date(2026, 12, 31), "6 tháng cuối năm 2026"),
    ("year:2026", date(2026, 1, 1), date(2026, 12, 31), "Năm 2026"),
])
def test_named_periods(spec, start, end, label):
    period = parse_period(spec)
    assert (period.start, period.end, period.label) == (start, end, label)


def test_a_period_covers_its_last_day_to_midnight():
    period = period_between("2026-10-01", "2026-10-31")
    assert period.starts_at == datetime(2026, 10, 1)
    assert period.ends_before == datetime(2026, 11, 1)
    assert period.label == ""
    assert period.range_text == "từ ngày 01/10/2026 đến ngày 31/10/2026"


@pytest.mark.parametrize("spec", ["month:2026-13", "quarter:2026-Q5", "week:2026-40", "2026", "year:26"])
def test_bad_period_specs_are_explained(spec):
    with pytest.raises(ValidationError, match="month:2026-11"):
        parse_period(spec)


def test_bad_ranges_are_explained():
    # Officers write dates as the forms do; both forms mean the same period.
    assert period_between("01/10/2026", "31/10/2026") == period_between("2026-10-01", "2026-10-31")
    with pytest.raises(ValidationError, match="không phải là ngày"):
        period_between("1 tháng 10", "2026-10-31")
    with pytest.raises(ValidationError, match="không có thật"):
        period_between("2026-10-01", "31/09/2026")
    with pytest.raises(ValidationError, match="không được trước ngày bắt đầu"):
        period_between("2026-10-31", "2026-10-01")
    assert Period.day(date(2026, 10, 5)).kind == "day"
