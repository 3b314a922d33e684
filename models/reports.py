"""Reports for leaders (báo cáo): the period report of Biểu số 06/VPCP/KSTT, on-time rates, the
late list, and the dossiers behind any figure (drill-down).

Definitions (DOMAIN §7, Thông tư 01/2020/TT-VPCP); a period is the days ``start``…``end``
inclusive, i.e. the moments [start 00:00, end + 1 day 00:00):

- Closed (kết thúc): the moment a dossier left the agency's hands — finished (9 Đã xử lý xong,
  also when it was returned later as 10) at ``finished_at``; refused (3), withdrawn (7) or
  stopped (8) at the time of that status event. Statuses never reopen, so that moment never
  changes once it exists.
- Received in the period (nhận trong kỳ): ``received_at`` inside the period. Online = channel 2;
  direct + postal = channels 1 and 3 (every channel but online). A dossier in status 1 (Mới
  đăng ký, an online registration not yet accepted) is not received, nor counted anywhere if it
  is refused from that status.
- Refused (3, không được tiếp nhận) dossiers were not accepted for resolution. A refusal happens
  at reception, on the day of reception (models.workflow enforces it, DOMAIN §7): such a
  dossier counts nowhere — unless it was refused after its due moment or was already marked
  late (then it is judged like a stop: lateness cannot be erased by refusing). A dossier
  "refused" on a later day (recorded before that rule, or imported) was an accepted dossier:
  it counts as resolved in the period of the refusal, judged like a stop, so that past
  reports do not change and the balance below holds.
- Carried over (từ kỳ trước): received before the period start and not closed at the start.
- Received, total = online + direct/postal + carried over (Biểu 06 "Tổng số").
- Resolved (đã giải quyết): closed inside the period — finished (9/10), withdrawn (7) and stopped
  (8) included. Thông tư 01/2020 counts dossiers whose handling has ended; a withdrawal or a stop
  ends it with a written notice (Thông báo dừng giải quyết hồ sơ). Counting them keeps every
  received dossier accounted for (received total = resolved + in progress), and because they
  are judged against the due date like a finish, a late dossier cannot leave the late column by
  being withdrawn.
- Before due / on time / late — moments, not dates (QĐ 766/QĐ-TTg compares NgayKetThucXuLy
  with NgayHenTra to the second; DOMAIN §7): the moment the clock stopped (the closing; for a
  dossier withdrawn or stopped while a supplement request was outstanding, that request)
  against the due moment in force then. Closed on a day before the due day = trước hạn; on
  the due day at or before the due moment = đúng hạn; after it = quá hạn.
- Lateness cannot be erased (models.lateness): a dossier counts late from its ``late_from``
  mark whatever happens next — a new appointment recorded after the due moment (judged
  against the moment that had passed), a second supplement request, any step recorded while
  it was already late, a backdated record entered when it was late, an intake typed in after
  its appointment had passed.
- In progress at the period end (đang giải quyết): received before the period end and not closed
  by it. Within time / late compares the moment the period ends (or now, when the period is not
  over yet) with the due moment in force then — a dossier due at 15:00 on the last day is late
  at the end of that day; for a dossier whose supplement request was outstanding the clock had
  stopped, so the moment of the request is compared instead; the ``late_from`` mark applies
  as above.
- On-time rate (tỷ lệ đúng hạn) = (before due + on time) / resolved; None (shown "–") when
  nothing was resolved: there is no rate to give, and 0 % or 100 % would both mislead.
- Progress rate (tiến độ giải quyết, QĐ 766/QĐ-TTg, DOMAIN §7) = (before due + on time + in
  progress within time) / (resolved + in progress); None when both are 0. Not on Biểu 06.

History, not current columns: "in progress at the end" uses the status the dossier had at that
moment (the from_status of its first status event after it) and the due date it had (the
old_due_at of its first due-date change after it); closing moments never change. So the report
of a past period is the same whatever happens to its dossiers later — unless a leader records a
step at an earlier moment (a backdated record), which changes the history itself.

Reading the reports is a leader's (or an admin's) right: every function takes the acting
``officer`` and checks "report.read" (models.permissions).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime, timedelta

from .audit import now as clock
from .errors import ValidationError
from .holidays_admin import load_calendar
from .permissions import require
from .report_period import Period, parse_period, period_between
from .report_query import (
    FIGURE_CLASSES,
    FIGURES,
    LEAF_FIGURES,
    PENDING_LATE,
    RESOLVED_LATE,
    RESOLVED_OUTCOMES,
    aggregate_sql,
    detail_sql,
    dialect,
    figure_condition,
    query_params,
)
from .statuses import CHANNELS, STATUS_NAMES
from .tables import Procedure, database
from .text import fold

GROUPINGS = {"field": "Lĩnh vực", "procedure": "Thủ tục hành chính"}
NO_FIELD = "Chưa phân lĩnh vực"
TOTAL_NAME = "Tổng cộng"  # the totals row, on screen and on Biểu 06
FIGURE_NAMES = {
    "received.total": "Số hồ sơ nhận giải quyết – Tổng số",
    "received.online": "Nhận trong kỳ – Trực tuyến",
    "received.direct_postal": "Nhận trong kỳ – Trực tiếp, dịch vụ bưu chính",
    "received.carried_over": "Từ kỳ trước chuyển sang",
    "resolved.total": "Số hồ sơ đã giải quyết – Tổng số",
    "resolved.before_due": "Đã giải quyết – Trước hạn",
    "resolved.on_time": "Đã giải quyết – Đúng hạn",
    "resolved.late": "Đã giải quyết – Quá hạn",
    "in_progress.total": "Số hồ sơ đang giải quyết – Tổng số",
    "in_progress.within_time": "Đang giải quyết – Trong hạn",
    "in_progress.late": "Đang giải quyết – Quá hạn",
}


@dataclass(frozen=True)
class Received:
    total: int = 0
    online: int = 0
    direct_postal: int = 0
    carried_over: int = 0


@dataclass(frozen=True)
class Resolved:
    total: int = 0
    before_due: int = 0
    on_time: int = 0
    late: int = 0


@dataclass(frozen=True)
class InProgress:
    total: int = 0
    within_time: int = 0
    late: int = 0


@dataclass(frozen=True)
class Figures:
    """The figures of one report row (or the totals)."""

    received: Received = field(default_factory=Received)
    resolved: Resolved = field(default_factory=Resolved)
    in_progress: InProgress = field(default_factory=InProgress)

    @property
    def on_time_rate(self) -> float | None:
        """(before due + on time) / resolved, 0–1; None when nothing was resolved."""
        if not self.resolved.total:
            return None
        return (self.resolved.before_due + self.resolved.on_time) / self.resolved.total

    @property
    def progress_rate(self) -> float | None:
        """QĐ 766/QĐ-TTg "tiến độ giải quyết": the share of the dossiers handled in the period
        (resolved or in progress) that are not late, 0–1; None when there are none."""
        handled = self.resolved.total + self.in_progress.total
        if not handled:
            return None
        return (self.resolved.before_due + self.resolved.on_time + self.in_progress.within_time) / handled

    def get(self, figure: str) -> int:
        """A figure by its name, e.g. ``get("resolved.late")``."""
        group, _, name = figure.partition(".")
        if figure not in FIGURE_CLASSES:
            raise ValidationError({"figure": unknown_figure_message(figure)})
        return getattr(getattr(self, group), name)

    def is_empty(self) -> bool:
        return not any(self.get(f) for f in FIGURES)

    def __add__(self, other: Figures) -> Figures:
        return Figures.from_values({f: self.get(f) + other.get(f) for f in FIGURES})

    @classmethod
    def from_values(cls, values: dict[str, int]) -> Figures:
        """From {figure name: count}; missing figures are 0, a missing total is the sum of
        its group."""
        groups: dict[str, dict[str, int]] = {"received": {}, "resolved": {}, "in_progress": {}}
        for figure in FIGURES:
            group, _, name = figure.partition(".")
            groups[group][name] = int(values.get(figure) or 0)
        for group, counts in groups.items():
            if f"{group}.total" not in values:
                counts["total"] = sum(n for name, n in counts.items() if name != "total")
        return cls(Received(**groups["received"]), Resolved(**groups["resolved"]),
                   InProgress(**groups["in_progress"]))

    def to_dict(self) -> dict:
        def rounded(rate: float | None) -> float | None:
            return None if rate is None else round(rate, 4)

        return {"received": asdict(self.received), "resolved": asdict(self.resolved),
                "in_progress": asdict(self.in_progress),
                "on_time_rate": rounded(self.on_time_rate),
                "progress_rate": rounded(self.progress_rate)}


@dataclass(frozen=True)
class ReportRow:
    """One line of the report: a field (lĩnh vực) or a procedure, by ``key``."""

    key: str  # the field's name, or the procedure code
    name: str
    figures: Figures
    field: str = ""  # the procedure's field, when grouped by procedure

    def to_dict(self) -> dict:
        data = {"key": self.key, "name": self.name}
        if self.field:
            data["field"] = self.field
        data.update(self.figures.to_dict())
        return data


@dataclass(frozen=True)
class PeriodReport:
    """Biểu số 06/VPCP/KSTT for one period."""

    period: Period
    by: str  # "field" | "procedure"
    as_of: datetime  # the moment "in progress" describes: the period end, or now
    rows: tuple[ReportRow, ...]
    total: Figures

    @property
    def complete(self) -> bool:
        """True when the period is over (the figures are final)."""
        return self.as_of >= self.period.ends_before

    @property
    def as_of_text(self) -> str:
        """ "hết ngày 31/10/2026", or "10:15 23/11/2026" while the period runs."""
        if self.complete:
            return f"hết ngày {self.period.end:%d/%m/%Y}"
        return f"{self.as_of:%H:%M %d/%m/%Y}"

    def row(self, key: str) -> ReportRow:
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(key)

    def to_dict(self) -> dict:
        return {"period": self.period.to_dict(), "by": self.by, "as_of": self.as_of.isoformat(),
                "complete": self.complete, "total": self.total.to_dict(),
                "rows": [r.to_dict() for r in self.rows]}


@dataclass(frozen=True)
class ReportDossier:
    """A dossier behind a figure, with the dates it was judged by."""

    code: str
    procedure_code: str
    procedure_name: str
    field: str
    applicant_name: str
    channel: int
    status: int  # the current status
    received_at: datetime
    due_at: datetime  # the due time in force at the moment judged
    closed_at: datetime | None  # None: not closed by the period end
    checked_at: datetime  # the moment compared with the due moment
    checked_on: date  # its day (the period's last day for "in progress at the end")
    stage: str  # "resolved" | "in_progress" (at the period end)
    late: bool
    late_from: datetime | None  # counted late from this moment whatever came next
    days_late: int  # calendar days from the day it fell late to the day checked (0 if not late)
    working_days_late: int  # working days in the same span (0 if not late)

    @property
    def late_since(self) -> datetime | None:
        """The due moment it passed, or its late_from mark when that came first."""
        if not self.late:
            return None
        if self.late_from is not None and self.late_from < self.due_at:
            return self.late_from
        return self.due_at

    @property
    def status_name(self) -> str:
        return STATUS_NAMES.get(self.status, "")

    def to_dict(self) -> dict:
        data = asdict(self)
        for key in ("received_at", "due_at", "closed_at", "checked_at", "checked_on", "late_from"):
            value = data[key]
            data[key] = value.isoformat() if value is not None else None
        data.update(status_name=self.status_name, channel_name=CHANNELS.get(self.channel, ""))
        return data


def unknown_figure_message(figure: str) -> str:
    return f"Không có chỉ tiêu “{figure}”; các chỉ tiêu: {', '.join(FIGURES)}."


def _check_by(by: str) -> None:
    if by not in GROUPINGS:
        raise ValidationError({"by": "Chỉ tổng hợp theo lĩnh vực (field) hoặc thủ tục (procedure)."})


def _as_of(period: Period, now: datetime | None) -> datetime:
    """The moment the "in progress" figures describe: the period's end, or now."""
    return min(period.ends_before, now or clock())


@dataclass(frozen=True)
class _ProcedureKey:
    id: int
    code: str
    name: str
    field: str

    def key(self, by: str) -> str:
        return self.field if by == "field" else self.code

    def name_for(self, by: str) -> str:
        if by == "field":
            return self.field or NO_FIELD
        return self.name


def _procedures() -> dict[int, _ProcedureKey]:
    return {p.id: _ProcedureKey(p.id, p.code, p.name, (p.field or "").strip())
            for p in Procedure.select(Procedure.id, Procedure.code, Procedure.name, Procedure.field)}


def _execute(sql: str, params: dict) -> list[tuple]:
    return list(database.obj.execute_sql(sql, params).fetchall())


def period_report(period: Period, *, officer, by: str = "field", now: datetime | None = None,
                  include_empty: bool = False) -> PeriodReport:
    """The figures of Biểu 06 per field or procedure, and their totals.

    Rows whose figures are all zero are left out unless ``include_empty``. One set-based query
    sums the figures per procedure; the few procedure rows are then rolled up to fields.
    """
    require(officer, "report.read")
    _check_by(by)
    asof = _as_of(period, now)
    d = dialect()
    result = _execute(aggregate_sql(d), query_params(d, period.starts_at, period.ends_before, asof))
    procedures = _procedures()
    per_key: dict[str, Figures] = {}
    info: dict[str, _ProcedureKey] = {}
    if include_empty:
        for p in procedures.values():
            info.setdefault(p.key(by), p)
            per_key.setdefault(p.key(by), Figures())
    for procedure_id, *counts in result:
        p = procedures[procedure_id]
        figures = Figures.from_values(dict(zip(LEAF_FIGURES, counts)))
        info.setdefault(p.key(by), p)
        per_key[p.key(by)] = per_key.get(p.key(by), Figures()) + figures
    rows = [
        ReportRow(key, info[key].name_for(by), figures, info[key].field if by == "procedure" else "")
        for key, figures in per_key.items() if include_empty or not figures.is_empty()
    ]
    rows.sort(key=_row_order(by))
    total = sum((r.figures for r in rows), Figures())
    return PeriodReport(period, by, asof, tuple(rows), total)


def _row_order(by: str):
    if by == "field":
        return lambda r: (r.key == "", fold(r.name))
    return lambda r: (fold(r.field or NO_FIELD), r.key)


def _procedure_ids(key: str | None, by: str, procedures: dict[int, _ProcedureKey]) -> list[int] | None:
    if key is None:
        return None
    ids = [p.id for p in procedures.values() if p.key(by) == key]
    if not ids:
        what = "lĩnh vực" if by == "field" else "thủ tục"
        raise ValidationError({"key": f"Không có {what} “{key}”."})
    return ids


def dossiers_behind(period: Period, figure: str, *, officer, key: str | None = None, by: str = "field",
                    now: datetime | None = None, limit: int | None = None,
                    offset: int = 0) -> list[ReportDossier]:
    """The dossiers a figure counts (drill-down), oldest received first.

    ``key`` is a row key of ``period_report(period, by=by)`` (a field's name or a procedure
    code); None means the totals row. Without ``limit``, ``len(result)`` equals the figure; a
    screen pages with ``limit``/``offset`` (the figure is the total count).
    """
    require(officer, "report.read")
    _check_by(by)
    if figure not in FIGURE_CLASSES:
        raise ValidationError({"figure": unknown_figure_message(figure)})
    return _list(period, [figure], key, by, now, limit, offset, latest_first=False)


def late_dossiers(period: Period, *, officer, key: str | None = None, by: str = "field",
                  now: datetime | None = None, limit: int | None = None,
                  offset: int = 0) -> list[ReportDossier]:
    """Late dossiers — resolved late in the period, or in progress and late at its end (the
    figures "resolved.late" + "in_progress.late") — the most days late first."""
    require(officer, "report.read")
    _check_by(by)
    return _list(period, ["resolved.late", "in_progress.late"], key, by, now, limit, offset,
                 latest_first=True)


def _list(period: Period, figures: list[str], key: str | None, by: str, now: datetime | None,
          limit: int | None, offset: int, *, latest_first: bool) -> list[ReportDossier]:
    if offset and limit is None:
        raise ValueError("offset needs a limit")
    procedures = _procedures()
    ids = _procedure_ids(key, by, procedures)
    asof = _as_of(period, now)
    d = dialect()
    condition = "(" + " OR ".join(figure_condition(FIGURE_CLASSES[f]) for f in figures) + ")"
    sql = detail_sql(d, condition, procedure_ids=ids, latest_first=latest_first, limit=limit,
                     offset=offset)
    rows = _execute(sql, query_params(d, period.starts_at, period.ends_before, asof, last_day=period.end))
    calendar = load_calendar()
    out = []
    for (code, procedure_id, applicant, channel, status, received_at, outcome, closed_at, due_at,
         checked_at, late_from) in rows:
        p = procedures[procedure_id]
        resolved = outcome in RESOLVED_OUTCOMES
        dossier = ReportDossier(
            code=code, procedure_code=p.code, procedure_name=p.name, field=p.field,
            applicant_name=applicant, channel=channel, status=status,
            received_at=_moment(received_at), due_at=_moment(due_at),
            closed_at=_moment(closed_at) if resolved else None, checked_at=_moment(checked_at),
            checked_on=min(_moment(checked_at).date(), period.end),
            stage="resolved" if resolved else "in_progress",
            late=outcome in (RESOLVED_LATE, PENDING_LATE), late_from=_moment(late_from),
            days_late=0, working_days_late=0,
        )
        since = dossier.late_since
        if since is not None:
            checked, since_day = dossier.checked_on, since.date()
            dossier = replace(dossier, days_late=max((checked - since_day).days, 0),
                              working_days_late=_working_days_after(calendar, since_day, checked))
        out.append(dossier)
    return out


def _working_days_after(calendar, due: date, checked: date) -> int:
    """Working days in (due, checked]."""
    count, day = 0, due + timedelta(days=1)
    while day <= checked:
        count += calendar.is_working_day(day)
        day += timedelta(days=1)
    return count


def _moment(value) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


__all__ = [
    "FIGURES", "FIGURE_NAMES", "GROUPINGS", "TOTAL_NAME", "Figures", "InProgress", "Period",
    "PeriodReport", "Received", "ReportDossier", "ReportRow", "Resolved", "dossiers_behind",
    "late_dossiers", "parse_period", "period_between", "period_report",
]
