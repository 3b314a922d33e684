"""The counter's table of extra days off and extra working days, and the calendar built from it.

Two kinds of entries share the table: the administrator's (origin "admin") and those of the
calendars the province sends in its packages (origin "province", with the year's legal source
and the package's number). Both sit above the decisions that ship with the app and the
`holidays` package (models.calendar explains the layers).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from .audit import audit
from .calendar import WorkingCalendar
from .calendar_decisions import CalendarYear
from .dates import as_date
from .db import write_transaction
from .errors import ValidationError
from .limits import HOLIDAY_REASON_MAX
from .permissions import require
from .settings import load_settings
from .tables import CalendarOverride
from .text import checked_text

ADMIN = "admin"
PROVINCE = "province"


def load_calendar() -> WorkingCalendar:
    """The counter's calendar: the agency's office hours plus the counter's own entries."""
    off: dict[date, str] = {}
    working: dict[date, str] = {}
    for row in CalendarOverride.select():
        (working if row.working else off)[as_date(row.day)] = row.reason
    return WorkingCalendar(hours=load_settings().hours, extra_off=off, extra_working=working)


def set_override(day: date, working: bool, reason: str, *, officer, at: datetime | None = None) -> None:
    """Declare ``day`` a day off or a working day, with its legal basis (e.g. a Công văn) — admin."""
    officer = require(officer, "calendar.update", entity="calendar", entity_id=day.isoformat())
    reason = checked_text(reason, "reason", "Căn cứ", HOLIDAY_REASON_MAX)
    if not reason:
        raise ValidationError({"reason": "Cần ghi căn cứ (ví dụ: Công văn 9859/VPCP-KGVX)."})
    values = {CalendarOverride.working: working, CalendarOverride.reason: reason,
              CalendarOverride.origin: ADMIN, CalendarOverride.source: "",
              CalendarOverride.package_sequence: None}
    with write_transaction():
        CalendarOverride.insert(day=day, working=working, reason=reason, origin=ADMIN).on_conflict(
            conflict_target=[CalendarOverride.day], update=values).execute()
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
    """Every day of the year that is not an ordinary Mon–Fri working day or weekend, with why.

    ``source``: "admin", "province" (a province package), "official" (a decision shipped with
    the app) or "holidays" (the package); ``basis``: the province's legal source, if any.
    """
    calendar = load_calendar()
    rows = {as_date(r.day): r for r in CalendarOverride.select()
            .where((CalendarOverride.day >= date(year, 1, 1)) & (CalendarOverride.day <= date(year, 12, 31)))}
    result = []
    for day, reason, working, layer in calendar.layered_days(year):
        row = rows.get(day) if layer == "counter" else None
        source = (PROVINCE if row.origin == PROVINCE else ADMIN) if row is not None else layer
        result.append({"date": day.isoformat(), "working": working, "reason": reason, "source": source,
                       "basis": row.source if row is not None else "",
                       "package": row.package_sequence if row is not None else None})
    return result


@dataclass
class CalendarChanges:
    """What a province calendar changed in the counter's table."""

    years: list[int] = field(default_factory=list)
    added: list[dict] = field(default_factory=list)  # {date, working, reason}
    changed: list[dict] = field(default_factory=list)  # {date, working, reason, before}
    removed: list[dict] = field(default_factory=list)  # the province withdrew it
    unchanged: int = 0

    @property
    def count(self) -> int:
        return len(self.added) + len(self.changed) + len(self.removed)

    def to_dict(self) -> dict:
        return {"years": self.years, "added": self.added, "changed": self.changed,
                "removed": self.removed, "unchanged": self.unchanged}


def _describe(row: CalendarOverride) -> str:
    kind = "ngày làm việc" if row.working else "ngày nghỉ"
    who = "tỉnh" if row.origin == PROVINCE else "quản trị viên"
    return f"{kind} do {who} ghi: {row.reason}"


def apply_province_calendar(years: list[CalendarYear], *, package_sequence: int | None,
                            by=None, at: datetime | None = None) -> CalendarChanges:
    """Put the province's calendar for each year into the counter's table.

    A year's calendar from the province is complete: an entry an earlier package set for that
    year and this one no longer lists is withdrawn. A date the administrator had set is
    replaced (reported as changed); the administrator's other entries stay. Call inside the
    package's write transaction.
    """
    changes = CalendarChanges(years=[y.year for y in years])
    for year in years:
        wanted = {d.day: (False, d.reason) for d in year.days_off}
        wanted.update({d.day: (True, d.reason) for d in year.working_days})
        rows = {as_date(r.day): r for r in CalendarOverride.select().where(
            (CalendarOverride.day >= date(year.year, 1, 1)) & (CalendarOverride.day <= date(year.year, 12, 31)))}
        for day, row in sorted(rows.items()):
            if row.origin == PROVINCE and day not in wanted:
                CalendarOverride.delete().where(CalendarOverride.day == day).execute()
                changes.removed.append({"date": day.isoformat(), "working": row.working, "reason": row.reason})
        for day, (working, reason) in sorted(wanted.items()):
            row = rows.get(day)
            entry = {"date": day.isoformat(), "working": working, "reason": reason}
            if row is not None and row.origin == PROVINCE and row.working == working \
                    and row.reason == reason and row.source == year.source:
                if row.package_sequence != package_sequence:
                    CalendarOverride.update(package_sequence=package_sequence) \
                        .where(CalendarOverride.day == day).execute()
                changes.unchanged += 1
                continue
            values = dict(working=working, reason=reason, origin=PROVINCE, source=year.source,
                          package_sequence=package_sequence)
            if row is None:
                CalendarOverride.insert(day=day, **values).execute()
                changes.added.append(entry)
            else:
                CalendarOverride.update(**values).where(CalendarOverride.day == day).execute()
                changes.changed.append({**entry, "before": _describe(row)})
    if changes.count:
        audit("calendar.province", by, "calendar", ",".join(map(str, changes.years)),
              {"package": package_sequence, "added": len(changes.added), "changed": len(changes.changed),
               "removed": len(changes.removed)}, at=at)
    return changes
