"""Report periods (kỳ báo cáo): a day, month, quarter, six months, year, or any from–to range.

A period is a closed range of calendar days; the reports turn it into the half-open range of
moments [start 00:00, day after the end 00:00) so that everything done on the last day counts.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from .dates import parse_date
from .errors import ValidationError

PERIOD_KINDS = ("day", "month", "quarter", "half", "year", "range")
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass(frozen=True)
class Period:
    """A report period: ``start`` and ``end`` are both included."""

    start: date
    end: date
    kind: str = "range"

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError({"period": "Ngày kết thúc kỳ báo cáo không được trước ngày bắt đầu "
                                             f"({self.start:%d/%m/%Y})."})
        if self.kind not in PERIOD_KINDS:
            raise ValueError(f"unknown period kind: {self.kind}")

    # -- constructors -------------------------------------------------------------------------
    @classmethod
    def day(cls, day: date) -> Period:
        return cls(day, day, "day")

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month")

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        first = 3 * (quarter - 1) + 1
        return cls(date(year, first, 1), Period.month(year, first + 2).end, "quarter")

    @classmethod
    def half(cls, year: int, half: int) -> Period:
        return cls(date(year, 1, 1), date(year, 6, 30), "half") if half == 1 else \
            cls(date(year, 7, 1), date(year, 12, 31), "half")

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31), "year")

    # -- moments ------------------------------------------------------------------------------
    @property
    def starts_at(self) -> datetime:
        """The first moment of the period (00:00 of the first day)."""
        return datetime.combine(self.start, time())

    @property
    def ends_before(self) -> datetime:
        """The first moment after the period (00:00 of the day after the last day)."""
        return datetime.combine(self.end + timedelta(days=1), time())

    # -- wording ------------------------------------------------------------------------------
    @property
    def label(self) -> str:
        """The period's name as a report title says it ("Quý IV năm 2026"); "" for a range."""
        if self.kind == "day":
            return f"Ngày {self.start:%d/%m/%Y}"
        if self.kind == "month":
            return f"Tháng {self.start.month} năm {self.start.year}"
        if self.kind == "quarter":
            return f"Quý {_ROMAN[(self.start.month - 1) // 3 + 1]} năm {self.start.year}"
        if self.kind == "half":
            which = "đầu" if self.start.month == 1 else "cuối"
            return f"6 tháng {which} năm {self.start.year}"
        if self.kind == "year":
            return f"Năm {self.start.year}"
        return ""

    @property
    def range_text(self) -> str:
        """ "từ ngày 01/10/2026 đến ngày 31/12/2026" (screens and the command line)."""
        return f"từ ngày {self.start:%d/%m/%Y} đến ngày {self.end:%d/%m/%Y}"

    def to_dict(self) -> dict:
        return {"from": self.start.isoformat(), "to": self.end.isoformat(), "kind": self.kind,
                "label": self.label}


_SPECS = {
    "day": re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"),
    "month": re.compile(r"^(\d{4})-(\d{1,2})$"),
    "quarter": re.compile(r"^(\d{4})-Q([1-4])$", re.IGNORECASE),
    "half": re.compile(r"^(\d{4})-H([12])$", re.IGNORECASE),
    "year": re.compile(r"^(\d{4})$"),
}
_SPEC_HELP = ("Kỳ báo cáo phải có dạng day:2026-11-23, month:2026-11, quarter:2026-Q4, "
              "half:2026-H2 hoặc year:2026.")


def parse_period(spec: str) -> Period:
    """ "month:2026-11", "quarter:2026-Q4", "half:2026-H2", "year:2026", "day:2026-11-23"."""
    kind, _, value = str(spec).strip().partition(":")
    pattern = _SPECS.get(kind.strip().lower())
    match = pattern.match(value.strip()) if pattern else None
    if match is None:
        raise ValidationError({"period": _SPEC_HELP})
    kind = kind.strip().lower()
    numbers = [int(g) for g in match.groups()]
    try:
        if kind == "day":
            return Period.day(date(*numbers))
        if kind == "month":
            return Period.month(*numbers)
        if kind == "quarter":
            return Period.quarter(*numbers)
        if kind == "half":
            return Period.half(*numbers)
        return Period.year(numbers[0])
    except ValueError:
        raise ValidationError({"period": _SPEC_HELP}) from None


def period_between(date_from: str | date, date_to: str | date) -> Period:
    """A from–to period from dates or YYYY-MM-DD text."""
    start = date_from if isinstance(date_from, date) else parse_date(date_from, "from")
    end = date_to if isinstance(date_to, date) else parse_date(date_to, "to")
    return Period(start, end, "range")
