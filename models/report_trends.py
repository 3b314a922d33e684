"""On-time rates month by month (the Báo cáo screen's trend chart), built on models.reports.

Which months: the twelve months of the calendar year the report period ends in — a month, a
quarter or a half-year is then seen against the rest of its year. A from–to range that spans
more than one calendar year shows the months it covers instead (at most the last
``MAX_MONTHS``).

Each month's rate is exactly the on-time rate of that month's Biểu 06 (``period_report`` of the
month: (before due + on time) / resolved), so the chart never disagrees with the table. One
set-based report query per month; months that have not started yet are not queried and have no
rate, like a month in which nothing was resolved.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .audit import now as clock
from .permissions import require
from .report_period import Period
from .reports import period_report

MAX_MONTHS = 24


@dataclass(frozen=True)
class MonthRate:
    """The resolved dossiers of one month and their on-time rate."""

    month: Period
    resolved: int = 0
    before_due: int = 0
    on_time: int = 0
    late: int = 0

    @property
    def rate(self) -> float | None:
        """(before due + on time) / resolved, 0–1; None when nothing was resolved."""
        if not self.resolved:
            return None
        return (self.before_due + self.on_time) / self.resolved

    @property
    def label(self) -> str:
        """ "03/2026" (chart axes)."""
        return f"{self.month.start:%m/%Y}"


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def trend_months(period: Period) -> list[Period]:
    """The months whose rates are shown for ``period`` (see the module docstring)."""
    if period.start.year == period.end.year:
        return [Period.month(period.end.year, m) for m in range(1, 13)]
    first, last = _month_index(period.start), _month_index(period.end)
    first = max(first, last - MAX_MONTHS + 1)
    return [Period.month(i // 12, i % 12 + 1) for i in range(first, last + 1)]


def monthly_on_time_rates(period: Period, *, officer, now: datetime | None = None) -> list[MonthRate]:
    """The on-time rate of each month of ``trend_months(period)``, oldest first."""
    officer = require(officer, "report.read")
    now = now or clock()
    rates = []
    for month in trend_months(period):
        if month.starts_at > now:
            rates.append(MonthRate(month))
            continue
        resolved = period_report(month, officer=officer, now=now).total.resolved
        rates.append(MonthRate(month, resolved.total, resolved.before_due, resolved.on_time,
                               resolved.late))
    return rates


__all__ = ["MAX_MONTHS", "MonthRate", "monthly_on_time_rates", "trend_months"]
