"""Dates in and out: the one reader for every date an officer types, and reading dates back.

Officers write dates as Vietnamese forms do (13/2/2026, 13/02/2026 09:30); scripts write ISO
(2026-02-13, 2026-02-13T09:30). Every command-line option, JSON field and form field goes
through ``parse_date`` / ``parse_datetime`` so that they all accept the same forms and answer
with the same messages: "not a date" (wrong form) is told apart from "not a real date"
(31/02/1995) and from "a date outside the range this field allows".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from .errors import ValidationError

# Counter dates (reception, actions, reports) outside this range are typing errors, and a year
# like 99999 would otherwise overflow the calendar arithmetic further on.
COUNTER_YEARS = (2000, 2100)
BIRTH_YEARS = (1900, 2100)

_TIME = r"(?P<hour>\d{1,2})(?::|h|g)(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
_VN_DATE = r"(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})[/.-](?P<year>\d{4})"
_ISO_DATE = r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"
_ZONE = r"(?P<zone>Z|[+-]\d{2}:?\d{2})?"
_FORMS = [
    re.compile(rf"^{_ISO_DATE}(?:[T ]{_TIME}(?:\.\d+)?{_ZONE})?$", re.IGNORECASE | re.ASCII),
    re.compile(rf"^{_VN_DATE}(?:\s+{_TIME})?$", re.IGNORECASE | re.ASCII),
    re.compile(rf"^{_TIME}\s+(?:ngày\s+)?{_VN_DATE}$", re.IGNORECASE | re.ASCII),  # 09:30 13/02/2026
    re.compile(r"^(?P<day>\d{2})(?P<month>\d{2})(?P<year>\d{4})$", re.ASCII),  # 13021995, as typed fast
]
_FORM_HELP = "dd/mm/yyyy hoặc YYYY-MM-DD"
_FORM_HELP_TIME = "dd/mm/yyyy hh:mm hoặc YYYY-MM-DDTHH:MM"


@dataclass(frozen=True)
class _Parts:
    year: int
    month: int
    day: int
    hour: int | None
    minute: int | None
    second: int | None
    zone: str | None


def _split(text: str) -> _Parts | None:
    for pattern in _FORMS:
        match = pattern.match(text)
        if match:
            groups = match.groupdict()

            def number(key: str, groups: dict = groups) -> int | None:
                return int(groups[key]) if groups.get(key) else None
            return _Parts(int(groups["year"]), int(groups["month"]), int(groups["day"]),
                          number("hour"), number("minute"), number("second"), groups.get("zone"))
    return None


def _not_a_date(field: str, label: str, text: str, with_time: bool) -> ValidationError:
    shown = text if len(text) <= 40 else text[:40] + "…"
    form = _FORM_HELP_TIME if with_time else _FORM_HELP
    return ValidationError({field: f"{label} “{shown}” không phải là ngày (ghi theo dạng {form})."})


def _real_date(parts: _Parts, field: str, label: str, text: str) -> date:
    try:
        return date(parts.year, parts.month, parts.day)
    except ValueError:
        if not 1 <= parts.month <= 12:
            why = f"không có tháng {parts.month}"
        else:
            why = f"tháng {parts.month}/{parts.year} không có ngày {parts.day}"
        raise ValidationError({field: f"{label} “{text}” không có thật ({why})."}) from None


def _check_years(value: date, field: str, label: str, years: tuple[int, int]) -> None:
    low, high = years
    if not low <= value.year <= high:
        raise ValidationError({field: f"{label} phải trong khoảng từ năm {low} đến năm {high}."})


def parse_date(value: object, field: str = "date", *, label: str = "Ngày",
               years: tuple[int, int] = COUNTER_YEARS) -> date:
    """A calendar date typed by a person or a script (a time part, if any, is refused)."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        _check_years(value, field, label, years)
        return value
    text = str(value if value is not None else "").strip()
    parts = _split(text) if len(text) <= 64 else None
    if parts is None or parts.hour is not None:
        raise _not_a_date(field, label, text, with_time=False)
    result = _real_date(parts, field, label, text)
    _check_years(result, field, label, years)
    return result


def parse_datetime(value: object, field: str = "at", *, label: str = "Thời điểm",
                   years: tuple[int, int] = COUNTER_YEARS, default_time: time | None = None) -> datetime:
    """A moment in the counter's local time (Asia/Ho_Chi_Minh), to the second.

    A date alone means ``default_time`` (midnight when not given); an explicit zone offset is
    converted to the counter's time.
    """
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime.combine(value, default_time or time())
    else:
        text = str(value if value is not None else "").strip()
        parts = _split(text) if len(text) <= 64 else None
        if parts is None:
            raise _not_a_date(field, label, text, with_time=True)
        day = _real_date(parts, field, label, text)
        if parts.hour is None:
            moment = datetime.combine(day, default_time or time())
        else:
            if parts.hour > 23 or (parts.minute or 0) > 59 or (parts.second or 0) > 59:
                raise ValidationError({field: f"{label} “{text}” có giờ không có thật."})
            moment = datetime(day.year, day.month, day.day, parts.hour, parts.minute or 0,
                              parts.second or 0)
        if parts.zone:
            moment = _to_local(moment, parts.zone)
    if moment.tzinfo is not None:
        moment = _to_local(moment, None)
    _check_years(moment.date(), field, label, years)
    return moment.replace(microsecond=0)


def _to_local(moment: datetime, zone: str | None) -> datetime:
    from datetime import timedelta, timezone
    from zoneinfo import ZoneInfo

    if zone is not None:
        if zone.upper() == "Z":
            tz = UTC
        else:
            digits = zone.replace(":", "")
            sign = -1 if digits[0] == "-" else 1
            tz = timezone(sign * timedelta(hours=int(digits[1:3]), minutes=int(digits[3:5])))
        moment = moment.replace(tzinfo=tz)
    return moment.astimezone(ZoneInfo("Asia/Ho_Chi_Minh")).replace(tzinfo=None)


def as_date(value) -> date:
    """A date read back from the database: a date, a datetime, or ISO text (SQLite aggregates)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])
