"""Official calendar decisions (quyết định về lịch nghỉ) as data, and the per-year calendar format.

The `holidays` package knows the law's holidays and the swaps it has been told about, but it
lags new decisions (the 2026 New Year swap of Công văn 12729/VPCP-KGVX is missing) and may run
ahead of the law (it treats 24/11 "Ngày Văn hóa Việt Nam" as a day off from 2026, while Bộ luật
Lao động 2019 Điều 112 does not list it yet). The decisions known when a release is made ship
in resources/calendar/ (one file per year, plus rules.json for the package's own mistakes), so
a counter that never received a province package is already right. Layers, lowest first:

1. the `holidays` package;
2. these shipped decisions (this module);
3. the counter's own table (models.holidays_admin): the administrator's entries and the
   calendars the province sends in its packages.

A year's calendar, shipped or sent by the province, is one JSON object:
``{"year": Y, "days_off": [{"date", "reason"}], "working_days": [{"date", "reason"}],
"source": "…"}`` — optionally with ``"notes"`` (explanations) and ``"references"``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from .dates import parse_date
from .errors import ValidationError
from .paths import RESOURCES
from .text import clean

SHIPPED_CALENDAR = RESOURCES / "calendar"
RULES_FILE = "rules.json"
MAX_REASON = 1000


@dataclass(frozen=True)
class CalendarDay:
    day: date
    reason: str


@dataclass(frozen=True)
class CalendarYear:
    """One year's decisions: extra days off and extra working days, with their legal source."""

    year: int
    days_off: tuple[CalendarDay, ...] = ()
    working_days: tuple[CalendarDay, ...] = ()
    source: str = ""
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {"year": self.year,
                "days_off": [{"date": d.day.isoformat(), "reason": d.reason} for d in self.days_off],
                "working_days": [{"date": d.day.isoformat(), "reason": d.reason} for d in self.working_days],
                "source": self.source}


@dataclass(frozen=True)
class IgnoredHoliday:
    """A holiday of the `holidays` package that is not a day off under the law in force."""

    name: str  # the package's Vietnamese name; its "(nghỉ bù)" days are ignored with it
    from_year: int
    until_year: int | None
    reason: str

    def covers(self, day: date, names: str) -> bool:
        if day.year < self.from_year or (self.until_year is not None and day.year > self.until_year):
            return False
        parts = [p.strip() for p in names.split(";") if p.strip()]
        return bool(parts) and all(p.startswith(self.name) for p in parts)


@dataclass(frozen=True)
class CalendarDecisions:
    """The shipped layer: days off, working days and package holidays to ignore."""

    days_off: dict[date, str] = field(default_factory=dict)
    working_days: dict[date, str] = field(default_factory=dict)
    ignored: tuple[IgnoredHoliday, ...] = ()
    sources: dict[int, str] = field(default_factory=dict)

    @classmethod
    def empty(cls) -> CalendarDecisions:
        return cls()

    @classmethod
    def from_years(cls, years: list[CalendarYear], ignored: tuple[IgnoredHoliday, ...] = ()) -> CalendarDecisions:
        off, working, sources = {}, {}, {}
        for y in years:
            off.update({d.day: d.reason for d in y.days_off})
            working.update({d.day: d.reason for d in y.working_days})
            sources[y.year] = y.source
        return cls(off, working, tuple(ignored), sources)

    def ignored_reason(self, day: date, names: str | None) -> str | None:
        """Why the package's holiday on ``day`` is not a day off, if it is not."""
        if not names:
            return None
        for rule in self.ignored:
            if rule.covers(day, names):
                return rule.reason
        return None


# -- the per-year format -----------------------------------------------------------------------
def _days(items, key: str, year: int, where: str, errors: list[str]) -> tuple[CalendarDay, ...]:
    if items is None:
        return ()
    if not isinstance(items, list):
        errors.append(f"{where}: “{key}” phải là danh sách.")
        return ()
    result = []
    for i, item in enumerate(items, start=1):
        at = f"{where}, {key} mục {i}"
        if not isinstance(item, dict):
            errors.append(f"{at}: phải có dạng {{\"date\", \"reason\"}}.")
            continue
        try:
            day = parse_date(item.get("date"), "date")
        except ValidationError as exc:
            errors.append(f"{at}: {exc}")
            continue
        reason = clean(item.get("reason"))
        if day.year != year:
            errors.append(f"{at}: ngày {day:%d/%m/%Y} không thuộc năm {year}.")
        if not reason:
            errors.append(f"{at}: thiếu lý do / căn cứ (“reason”).")
        elif len(reason) > MAX_REASON:
            errors.append(f"{at}: lý do dài quá {MAX_REASON} ký tự.")
        result.append(CalendarDay(day, reason))
    return tuple(result)


def parse_calendar_year(doc: object, where: str = "Lịch") -> CalendarYear:
    """One year's calendar object, checked whole; ValidationError lists every problem."""
    errors: list[str] = []
    if not isinstance(doc, dict):
        raise ValidationError({"calendar": f"{where}: phải là một đối tượng JSON cho một năm."})
    year = doc.get("year")
    if isinstance(year, bool) or not isinstance(year, int) or not 2000 <= year <= 2100:
        raise ValidationError({"calendar": f"{where}: “year” phải là một năm từ 2000 đến 2100."})
    where = f"{where} năm {year}"
    off = _days(doc.get("days_off"), "days_off", year, where, errors)
    working = _days(doc.get("working_days"), "working_days", year, where, errors)
    both = {d.day for d in off} & {d.day for d in working}
    for day in sorted(both):
        errors.append(f"{where}: ngày {day:%d/%m/%Y} vừa là ngày nghỉ vừa là ngày làm việc.")
    for kind, days in (("days_off", off), ("working_days", working)):
        seen: set[date] = set()
        for d in days:
            if d.day in seen:
                errors.append(f"{where}: ngày {d.day:%d/%m/%Y} lặp lại trong “{kind}”.")
            seen.add(d.day)
    source = clean(doc.get("source"))
    if not source:
        errors.append(f"{where}: thiếu căn cứ chung (“source”), ví dụ số công văn.")
    notes = doc.get("notes") or []
    if not isinstance(notes, list) or not all(isinstance(n, str) for n in notes):
        errors.append(f"{where}: “notes” phải là danh sách chuỗi.")
        notes = []
    if errors:
        raise ValidationError({"calendar": " ".join(errors)})
    return CalendarYear(year, off, working, source, tuple(clean(n) for n in notes))


def parse_calendar_document(doc: object, where: str = "Lịch") -> list[CalendarYear]:
    """A calendar file: one year's object, a list of them, or ``{"calendars": [...]}``."""
    if isinstance(doc, dict) and "calendars" in doc:
        doc = doc["calendars"]
    items = doc if isinstance(doc, list) else [doc]
    if not items:
        raise ValidationError({"calendar": f"{where}: không có năm nào."})
    years = [parse_calendar_year(item, where) for item in items]
    numbers = [y.year for y in years]
    if len(set(numbers)) != len(numbers):
        raise ValidationError({"calendar": f"{where}: một năm xuất hiện hai lần."})
    return sorted(years, key=lambda y: y.year)


def read_calendar_file(path: str | Path) -> list[CalendarYear]:
    path = Path(path)
    try:
        doc = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ValidationError({"calendar": f"Không tìm thấy tệp lịch: {path}"}) from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ValidationError({"calendar": f"Tệp lịch {path} không đúng định dạng JSON."}) from None
    return parse_calendar_document(doc, f"Tệp lịch {path.name}")


# -- the shipped layer ---------------------------------------------------------------------------
def _read_rules(path: Path) -> tuple[IgnoredHoliday, ...]:
    doc = json.loads(path.read_text(encoding="utf-8"))
    return tuple(IgnoredHoliday(clean(r["holiday_name"]), int(r["from_year"]),
                                int(r["until_year"]) if r.get("until_year") else None, clean(r["reason"]))
                 for r in doc.get("ignore_package_holidays", []))


def load_decisions(folder: Path = SHIPPED_CALENDAR) -> CalendarDecisions:
    """The decisions in ``folder``: ``<year>.json`` files and ``rules.json``."""
    years = [parse_calendar_year(json.loads(p.read_text(encoding="utf-8")), f"Tệp {p.name}")
             for p in sorted(folder.glob("[0-9][0-9][0-9][0-9].json"))]
    rules = folder / RULES_FILE
    return CalendarDecisions.from_years(years, _read_rules(rules) if rules.exists() else ())


@lru_cache(maxsize=1)
def shipped_decisions() -> CalendarDecisions:
    """The decisions that ship with this release (read once)."""
    return load_decisions()
