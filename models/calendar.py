"""The working-day calendar (lịch làm việc) and due times (ngày hẹn trả kết quả). Pure: no DB.

Rules (DOMAIN §3):
- Working days are Monday–Friday minus public holidays (Bộ luật Lao động 2019 Điều 112, with
  days in lieu per Điều 111) and the Government's yearly swaps. Three layers decide a day,
  the highest first: the counter's own table (the admin's entries and the province's
  calendars, ``extra_off`` / ``extra_working``), the official decisions that ship with the app
  (models.calendar_decisions), then the `holidays` package.
- Practice: durations run in working time, one working day being the office's daily hours
  (8 h at 07:00–11:30 + 13:30–17:00). A reception outside office hours counts from the next
  opening; a due time that falls exactly at the end of a session is that end.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from .calendar_decisions import CalendarDecisions, shipped_decisions

if TYPE_CHECKING:
    import holidays

WORKING_DAYS = "working_days"
CALENDAR_DAYS = "calendar_days"
WORKING_HOURS = "working_hours"
SAME_DAY = "same_day"
IMMEDIATE = "immediate"
DURATION_UNITS = (WORKING_DAYS, CALENDAR_DAYS, WORKING_HOURS, SAME_DAY, IMMEDIATE)


@dataclass(frozen=True)
class OfficeHours:
    """Daily sessions, in order, e.g. morning and afternoon (giờ làm việc)."""

    sessions: tuple[tuple[time, time], ...] = (
        (time(7, 0), time(11, 30)),
        (time(13, 30), time(17, 0)),
    )

    def __post_init__(self) -> None:
        previous_end = time(0, 0)
        for start, end in self.sessions:
            if not (previous_end <= start < end):
                raise ValueError("office sessions must be ordered and must not overlap")
            previous_end = end
        if not self.sessions:
            raise ValueError("at least one office session is needed")

    @property
    def day_minutes(self) -> int:
        return sum(_minutes(end) - _minutes(start) for start, end in self.sessions)

    @property
    def opening(self) -> time:
        return self.sessions[0][0]

    @property
    def closing(self) -> time:
        return self.sessions[-1][1]

    @classmethod
    def parse(cls, text: str) -> OfficeHours:
        """'07:00-11:30,13:30-17:00' → OfficeHours."""
        sessions = []
        for part in text.split(","):
            start, end = part.strip().split("-")
            sessions.append((time.fromisoformat(start.strip()), time.fromisoformat(end.strip())))
        return cls(tuple(sessions))

    def format(self) -> str:
        return ",".join(f"{s:%H:%M}-{e:%H:%M}" for s, e in self.sessions)


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute


@lru_cache(maxsize=1)
def _national_holidays() -> holidays.HolidayBase:
    # Imported on first use: the package is large and the window should open first.
    import holidays

    return holidays.country_holidays("VN", language="vi")


@dataclass
class WorkingCalendar:
    """Which days the counter works and how working time adds up.

    ``extra_off`` / ``extra_working`` map a date to its legal basis; they win over the shipped
    ``decisions`` (default: those of this release), which win over the package.
    """

    hours: OfficeHours = field(default_factory=OfficeHours)
    extra_off: dict[date, str] = field(default_factory=dict)
    extra_working: dict[date, str] = field(default_factory=dict)
    decisions: CalendarDecisions | None = None

    def __post_init__(self) -> None:
        self._cache: dict[date, bool] = {}
        if self.decisions is None:
            self.decisions = shipped_decisions()

    @property
    def official(self) -> CalendarDecisions:
        """The decisions in force (set by __post_init__)."""
        assert self.decisions is not None
        return self.decisions

    # -- days -------------------------------------------------------------------------------
    def is_working_day(self, day: date) -> bool:
        cached = self._cache.get(day)
        if cached is None:
            cached = self._cache[day] = self._compute_working(day)
        return cached

    def _compute_working(self, day: date) -> bool:
        if day in self.extra_working:
            return True
        if day in self.extra_off:
            return False
        if day in self.official.working_days:
            return True
        if day in self.official.days_off:
            return False
        national = _national_holidays()
        # `in` makes the package populate the year (and its swapped Saturdays) first.
        if day in national and self.official.ignored_reason(day, national.get(day)) is None:
            return False
        return day in getattr(national, "weekend_workdays", ()) or day.weekday() < 5

    def day_off_reason(self, day: date) -> str | None:
        """Why a weekday is not worked, or why a weekend day is (None for ordinary days)."""
        for layer in (self.extra_working, self.extra_off, self.official.working_days,
                      self.official.days_off):
            if day in layer:
                return layer[day]
        names = _national_holidays().get(day)
        return self.official.ignored_reason(day, names) or names

    def layered_days(self, year: int) -> list[tuple[date, str, bool, str]]:
        """Days of the year that differ from an ordinary Mon–Fri week: (day, reason, working,
        layer), the layer being "holidays" (the package), "official" (shipped decisions) or
        "counter" (the counter's own table)."""
        national = _national_holidays()
        national.get(date(year, 1, 1))  # populates the year, its swapped Saturdays included
        days: dict[date, tuple[str, bool, str]] = {}
        for day, name in national.items():
            if day.year != year:
                continue
            ignored = self.official.ignored_reason(day, name)
            if ignored is None:
                days[day] = (name, False, "holidays")
            elif day.weekday() < 5:  # a weekday the package wrongly takes off
                days[day] = (ignored, True, "official")
        for day in getattr(national, "weekend_workdays", set()):
            if day.year == year:
                days[day] = ("Ngày làm việc bù", True, "holidays")
        layers = ((self.official.days_off, False, "official"), (self.official.working_days, True, "official"),
                  (self.extra_off, False, "counter"), (self.extra_working, True, "counter"))
        for mapping, working, layer in layers:
            for day, reason in mapping.items():
                if day.year == year:
                    days[day] = (reason, working, layer)
        return sorted((day, reason, working, layer) for day, (reason, working, layer) in days.items())

    def holidays_in(self, year: int) -> list[tuple[date, str, bool]]:
        """Days of the year that differ from Mon–Fri: (day, reason, working)."""
        return [(day, reason, working) for day, reason, working, _layer in self.layered_days(year)]

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        day += timedelta(days=1)
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def closing_of(self, day: date) -> datetime:
        return datetime.combine(day, self.hours.closing)

    # -- working time -----------------------------------------------------------------------
    def _sessions_from(self, moment: datetime) -> Iterator[tuple[datetime, datetime]]:
        """Yield (start, end) of the working sessions that end after ``moment``, in order."""
        day = moment.date()
        if not self.is_working_day(day):
            day = self.next_working_day(day)
        while True:
            for start, end in self.hours.sessions:
                s, e = datetime.combine(day, start), datetime.combine(day, end)
                if e > moment:
                    yield max(s, moment), e
            day = self.next_working_day(day)

    def start_of_work(self, moment: datetime) -> datetime:
        """``moment`` if the office is open then, else the next opening."""
        return next(self._sessions_from(moment))[0]

    def add_working_minutes(self, moment: datetime, minutes: int) -> datetime:
        """The moment at which ``minutes`` of working time have elapsed after ``moment``."""
        if minutes < 0:
            raise ValueError("minutes must not be negative")
        for start, end in self._sessions_from(moment):
            available = int((end - start).total_seconds() // 60)
            if minutes <= available:
                return start + timedelta(minutes=minutes)
            minutes -= available
        raise AssertionError("unreachable")  # pragma: no cover

    def working_minutes_between(self, start: datetime, end: datetime) -> int:
        """Working time (whole minutes) inside [start, end)."""
        total = 0.0
        if end <= start:
            return 0
        for s, e in self._sessions_from(start):
            if s >= end:
                break
            total += (min(e, end) - s).total_seconds()
        return int(total // 60)

    # -- appointments -----------------------------------------------------------------------
    def due_at(
        self,
        received_at: datetime,
        value: int,
        unit: str,
        same_day_cutoff: time | None = None,
    ) -> datetime:
        """The appointment for a procedure's time limit, counted from reception."""
        received_at = received_at.replace(second=0, microsecond=0)
        if unit == WORKING_DAYS:
            return self.add_working_minutes(received_at, value * self.hours.day_minutes)
        if unit == WORKING_HOURS:
            return self.add_working_minutes(received_at, value * 60)
        if unit == IMMEDIATE:
            return self.start_of_work(received_at)
        if unit == SAME_DAY:
            start = self.start_of_work(received_at)
            # Luật Hộ tịch 2014 Điều 5 k.3 / Nghị định 23/2015 Điều 7: a same-day request
            # received after the cut-off (15:00) is answered the next working day.
            if same_day_cutoff is not None and start.time() > same_day_cutoff:
                return self.closing_of(self.next_working_day(start.date()))
            return self.closing_of(start.date())
        if unit == CALENDAR_DAYS:
            # Bộ luật Dân sự 2015 Điều 147–148: the period starts the day after reception;
            # if its last day is a day off it ends at the end of the next working day.
            last = received_at.date() + timedelta(days=value)
            if not self.is_working_day(last):
                last = self.next_working_day(last)
            return self.closing_of(last)
        raise ValueError(f"unknown duration unit: {unit}")

    def shift_for_pause(self, due_at: datetime, paused_at: datetime, resumed_at: datetime) -> datetime:
        """Move a due time by the working time a supplement request kept the clock stopped."""
        paused = self.working_minutes_between(paused_at, resumed_at)
        return self.add_working_minutes(due_at, paused) if paused else due_at


def duration_text(value: int, unit: str) -> str:
    """Vietnamese wording of a time limit, as printed on the receipt ("05 ngày làm việc")."""
    if unit == WORKING_DAYS:
        return f"{value:02d} ngày làm việc"
    if unit == CALENDAR_DAYS:
        return f"{value:02d} ngày"
    if unit == WORKING_HOURS:
        return f"{value:02d} giờ làm việc"
    if unit == SAME_DAY:
        return "Trong ngày làm việc"
    if unit == IMMEDIATE:
        return "Giải quyết ngay"
    raise ValueError(unit)
