"""The admin's table of extra days off and extra working days, and the calendar built from it."""
from __future__ import annotations

from datetime import date, datetime

from .audit import audit
from .calendar import WorkingCalendar
from .dates import as_date
from .db import write_transaction
from .errors import ValidationError
from .permissions import require
from .settings import load_settings
from .tables import CalendarOverride
from .text import clean


def load_calendar() -> WorkingCalendar:
    """The counter's calendar: the agency's office hours plus the admin's overrides."""
    off: dict[date, str] = {}
    working: dict[date, str] = {}
    for row in CalendarOverride.select():
        (working if row.working else off)[as_date(row.day)] = row.reason
    return WorkingCalendar(hours=load_settings().hours, extra_off=off, extra_working=working)


def set_override(day: date, working: bool, reason: str, *, officer, at: datetime | None = None) -> None:
    """Declare ``day`` a day off or a working day, with its legal basis (e.g. a Công văn) — admin."""
    officer = require(officer, "calendar.update", entity="calendar", entity_id=day.isoformat())
    reason = clean(reason)
    if not reason:
        raise ValidationError({"reason": "Cần ghi căn cứ (ví dụ: Công văn 9859/VPCP-KGVX)."})
    with write_transaction():
        CalendarOverride.insert(day=day, working=working, reason=reason).on_conflict(
            conflict_target=[CalendarOverride.day],
            update={CalendarOverride.working: working, CalendarOverride.reason: reason},
        ).execute()
        audit("holiday.set", officer, "calendar", day.isoformat(),
              {"working": working, "reason": reason}, at=at)


def remove_override(day: date, *, officer, at: datetime | None = None) -> bool:
    officer = require(officer, "calendar.update", entity="calendar", entity_id=day.isoformat())
    with write_transaction():
        removed = CalendarOverride.delete().where(CalendarOverride.day == day).execute()
        if removed:
            audit("holiday.remove", officer, "calendar", day.isoformat(), {}, at=at)
    return bool(removed)


def list_days(year: int) -> list[dict]:
    """Every day of the year that is not an ordinary Mon–Fri working day or weekend, with why."""
    calendar = load_calendar()
    overrides = {as_date(r.day) for r in CalendarOverride.select()}
    return [
        {"date": day.isoformat(), "working": working, "reason": reason,
         "source": "admin" if day in overrides else "holidays"}
        for day, reason, working in calendar.holidays_in(year)
    ]
