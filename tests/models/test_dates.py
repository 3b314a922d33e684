"""The one date reader: the forms officers and scripts write, and its three kinds of refusal."""
from __future__ import annotations

from datetime import date, datetime, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.dates import BIRTH_YEARS, parse_date, parse_datetime
from models.errors import ValidationError


@pytest.mark.parametrize("text", ["2026-02-13", "13/02/2026", "13/2/2026", "13-02-2026", "13.02.2026"])
def test_every_written_form_of_a_day(text):
    assert parse_date(text) == date(2026, 2, 13)


@pytest.mark.parametrize("text, expected", [
    ("2026-02-13T09:30", datetime(2026, 2, 13, 9, 30)),
    ("2026-02-13 09:30:15", datetime(2026, 2, 13, 9, 30, 15)),
    ("13/02/2026 09:30", datetime(2026, 2, 13, 9, 30)),
    ("13/2/2026 9:30", datetime(2026, 2, 13, 9, 30)),
    ("09:30 13/02/2026", datetime(2026, 2, 13, 9, 30)),  # as the screens print it
    ("2026-02-13T02:30:00Z", datetime(2026, 2, 13, 9, 30)),  # converted to the counter's time
    ("2026-02-13T09:30:00+07:00", datetime(2026, 2, 13, 9, 30)),
    ("13/02/2026", datetime(2026, 2, 13)),
])
def test_moments(text, expected):
    assert parse_datetime(text) == expected


def test_a_date_alone_takes_the_default_time():
    assert parse_datetime("13/02/2026", default_time=time(17)) == datetime(2026, 2, 13, 17)


def test_not_a_date_and_not_a_real_date_are_different_messages():
    with pytest.raises(ValidationError, match="không phải là ngày") as wrong:
        parse_date("hôm qua", "from")
    assert wrong.value.field == "from"
    with pytest.raises(ValidationError, match=r"không có thật \(tháng 2/1995 không có ngày 31\)"):
        parse_date("31/02/1995", "birth_date", label="Ngày sinh", years=BIRTH_YEARS)
    with pytest.raises(ValidationError, match="không có tháng 13"):
        parse_date("01/13/2026")
    with pytest.raises(ValidationError, match="giờ không có thật"):
        parse_datetime("13/02/2026 25:10")
    with pytest.raises(ValidationError, match="không phải là ngày"):
        parse_date("13/02/2026 09:30")  # a day was asked for


@pytest.mark.parametrize("text", ["01/01/0001", "9999-12-31", "1999-12-31", "2101-01-01"])
def test_counter_dates_outside_2000_to_2100_are_refused(text):
    with pytest.raises(ValidationError, match="từ năm 2000 đến năm 2100"):
        parse_datetime(text)


def test_birth_dates_reach_back_to_1900():
    assert parse_date("05/06/1950", years=BIRTH_YEARS) == date(1950, 6, 5)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_any_text_is_a_date_or_a_message(text):
    try:
        parse_datetime(text)
    except ValidationError as exc:
        assert exc.field == "at" and str(exc)
