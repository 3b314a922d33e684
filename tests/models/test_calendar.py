"""Working-day appointments (DOMAIN §3) on real 2026–2027 dates."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.calendar import (
    CALENDAR_DAYS,
    IMMEDIATE,
    SAME_DAY,
    WORKING_DAYS,
    WORKING_HOURS,
    OfficeHours,
    WorkingCalendar,
)

CAL = WorkingCalendar()
D = datetime


@pytest.mark.parametrize("received, days, due", [
    # The example: Monday 12:15 (lunch) + 1 working day → Tuesday 11:30.
    (D(2026, 11, 16, 12, 15), 1, D(2026, 11, 17, 11, 30)),
    # Inside office hours: the same time N working days later.
    (D(2026, 11, 16, 9, 30), 1, D(2026, 11, 17, 9, 30)),
    (D(2026, 11, 16, 14, 0), 3, D(2026, 11, 19, 14, 0)),
    # Before opening counts from 07:00; a due time at the end of a session is that end.
    (D(2026, 11, 17, 6, 0), 1, D(2026, 11, 17, 17, 0)),
    # After closing counts from the next opening.
    (D(2026, 11, 19, 18, 0), 1, D(2026, 11, 20, 17, 0)),
    # Friday afternoon → over the weekend.
    (D(2026, 11, 20, 15, 0), 1, D(2026, 11, 23, 15, 0)),
    # 24/11/2026 Ngày Văn hóa Việt Nam: a day off in the holidays package, but not under
    # Bộ luật Lao động 2019 Điều 112 as in force (resources/calendar/rules.json).
    (D(2026, 11, 23, 10, 0), 1, D(2026, 11, 24, 10, 0)),
    # Tết 2026: 16/2 (Mon) – 20/2 (Fri) off. Friday 13/2 + 3 days → Wed 25/2.
    (D(2026, 2, 13, 9, 30), 3, D(2026, 2, 25, 9, 30)),
    (D(2026, 2, 13, 9, 30), 1, D(2026, 2, 23, 9, 30)),
    # Tết 2027: 4/2 (Thu) – 10/2 (Wed) off.
    (D(2027, 2, 3, 8, 0), 2, D(2027, 2, 12, 8, 0)),
    # 30/4 (Thu) and 1/5 (Fri) 2026 off.
    (D(2026, 4, 29, 10, 0), 1, D(2026, 5, 4, 10, 0)),
    # Giỗ Tổ 2026 falls on Sunday 26/4, observed Monday 27/4.
    (D(2026, 4, 24, 10, 0), 1, D(2026, 4, 28, 10, 0)),
    # Swapped Saturday 22/8/2026 is worked; Monday 31/8, 1/9 and 2/9 are off.
    (D(2026, 8, 21, 9, 30), 1, D(2026, 8, 22, 9, 30)),
    (D(2026, 8, 28, 9, 30), 1, D(2026, 9, 3, 9, 30)),
    # Lunch: 11:30 counts from 13:30.
    (D(2026, 11, 18, 11, 30), 1, D(2026, 11, 19, 11, 30)),
])
def test_working_day_appointments(received, days, due):
    assert CAL.due_at(received, days, WORKING_DAYS) == due


def test_swapped_saturday_and_national_days():
    assert CAL.is_working_day(date(2026, 8, 22))
    assert not CAL.is_working_day(date(2026, 8, 31))
    assert not CAL.is_working_day(date(2026, 9, 1))
    assert not CAL.is_working_day(date(2026, 8, 29))  # an ordinary Saturday


def test_same_day_cutoff_moves_to_next_working_day():
    cutoff = time(15, 0)
    assert CAL.due_at(D(2026, 11, 18, 14, 59), 1, SAME_DAY, cutoff) == D(2026, 11, 18, 17, 0)
    assert CAL.due_at(D(2026, 11, 18, 15, 1), 1, SAME_DAY, cutoff) == D(2026, 11, 19, 17, 0)
    # Friday after 15:00 → Monday.
    assert CAL.due_at(D(2026, 11, 20, 16, 0), 1, SAME_DAY, cutoff) == D(2026, 11, 23, 17, 0)
    # Without a cut-off the same day is the same day.
    assert CAL.due_at(D(2026, 11, 18, 16, 0), 1, SAME_DAY) == D(2026, 11, 18, 17, 0)
    # Received on Sunday: Monday's closing.
    assert CAL.due_at(D(2026, 11, 22, 10, 0), 1, SAME_DAY, cutoff) == D(2026, 11, 23, 17, 0)


def test_hours_immediate_and_calendar_days():
    assert CAL.due_at(D(2026, 11, 18, 10, 0), 4, WORKING_HOURS) == D(2026, 11, 18, 16, 0)
    assert CAL.due_at(D(2026, 11, 18, 10, 0), 0, IMMEDIATE) == D(2026, 11, 18, 10, 0)
    assert CAL.due_at(D(2026, 11, 18, 19, 0), 0, IMMEDIATE) == D(2026, 11, 19, 7, 0)
    # 15 calendar days from Wednesday 18/11 → Thursday 3/12 at closing.
    assert CAL.due_at(D(2026, 11, 18, 10, 0), 15, CALENDAR_DAYS) == D(2026, 12, 3, 17, 0)
    # Last day a Saturday → the next working day (BLDS 2015 Điều 148).
    assert CAL.due_at(D(2026, 11, 18, 10, 0), 10, CALENDAR_DAYS) == D(2026, 11, 30, 17, 0)


def test_admin_overrides_win_over_the_package():
    cal = WorkingCalendar(extra_off={date(2026, 11, 18): "Công văn tỉnh: nghỉ bão"},
                          extra_working={date(2026, 11, 24): "Làm việc bù theo quyết định tỉnh"})
    assert not cal.is_working_day(date(2026, 11, 18))
    assert cal.is_working_day(date(2026, 11, 24))
    assert cal.due_at(D(2026, 11, 17, 10, 0), 1, WORKING_DAYS) == D(2026, 11, 19, 10, 0)


def test_custom_office_hours():
    cal = WorkingCalendar(hours=OfficeHours.parse("07:30-11:30,13:00-17:00"))
    assert cal.hours.day_minutes == 480
    assert cal.due_at(D(2026, 11, 16, 12, 0), 1, WORKING_DAYS) == D(2026, 11, 17, 11, 30)
    with pytest.raises(ValueError):
        OfficeHours.parse("13:00-17:00,07:00-11:00")


def test_supplement_pause_moves_due_by_paused_working_time():
    due = D(2026, 11, 19, 10, 0)
    paused, resumed = D(2026, 11, 17, 9, 0), D(2026, 11, 18, 9, 0)  # one working day
    assert CAL.shift_for_pause(due, paused, resumed) == D(2026, 11, 20, 10, 0)


# -- properties ------------------------------------------------------------------------------
moments = st.datetimes(min_value=D(2025, 12, 1), max_value=D(2027, 11, 30)).map(
    lambda m: m.replace(second=0, microsecond=0))


def _inside_office(moment: datetime) -> bool:
    if not CAL.is_working_day(moment.date()):
        return False
    return any(start <= moment.time() <= end for start, end in CAL.hours.sessions)


@settings(max_examples=300, deadline=None)
@given(moments, st.integers(min_value=0, max_value=30))
def test_due_is_inside_office_hours_and_not_before_reception(received, days):
    due = CAL.due_at(received, days, WORKING_DAYS)
    assert due >= received
    assert _inside_office(due)
    assert CAL.working_minutes_between(received, due) == days * CAL.hours.day_minutes


@settings(max_examples=200, deadline=None)
@given(moments, st.integers(min_value=0, max_value=20), st.integers(min_value=0, max_value=5))
def test_due_is_monotonic_in_days(received, days, more):
    assert CAL.due_at(received, days, WORKING_DAYS) <= CAL.due_at(received, days + more, WORKING_DAYS)


@settings(max_examples=200, deadline=None)
@given(moments, st.integers(min_value=0, max_value=4000), st.integers(min_value=1, max_value=20))
def test_due_is_monotonic_in_reception_time(received, later_minutes, days):
    later = received + timedelta(minutes=later_minutes)
    assert CAL.due_at(received, days, WORKING_DAYS) <= CAL.due_at(later, days, WORKING_DAYS)


@settings(max_examples=200, deadline=None)
@given(moments, st.integers(min_value=1, max_value=10), st.integers(min_value=0, max_value=5000),
       st.integers(min_value=0, max_value=8000))
def test_supplement_pause_adds_exactly_the_paused_working_time(received, days, pause_start, pause_len):
    due = CAL.due_at(received, days, WORKING_DAYS)
    paused = received + timedelta(minutes=pause_start)
    resumed = paused + timedelta(minutes=pause_len)
    new_due = CAL.shift_for_pause(due, paused, resumed)
    assert new_due >= due
    paused_work = CAL.working_minutes_between(paused, resumed)
    assert CAL.working_minutes_between(due, new_due) == paused_work
