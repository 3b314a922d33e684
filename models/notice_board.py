"""The notice board of late dossiers (niêm yết công khai hồ sơ quá hạn và xin lỗi).

The period's late dossiers are those of the report (models.reports.late_dossiers: resolved late
in the period, or still open and late at its end). Each row names the new appointment given
with the apology (the latest extension), or says one will be announced. Names are masked and
nothing else that identifies a person is printed (models.masking).
"""
from __future__ import annotations

from datetime import datetime

from printing.notice_board import NoticeData, NoticeRow, render_notice

from .audit import now as clock
from .forms import form_settings
from .masking import mask_name, scrub_numbers
from .report_period import Period
from .reports import ReportDossier, late_dossiers
from .settings import require_settings
from .tables import Dossier, DueDateChange


def _state(d: ReportDossier) -> str:
    late = f"quá hạn {d.working_days_late or d.days_late} ngày" + (" làm việc" if d.working_days_late else "")
    if d.stage == "resolved":
        return f"Đã giải quyết ngày {d.closed_at:%d/%m/%Y}, {late}" if d.closed_at else f"Đã giải quyết, {late}"
    return f"Đang giải quyết, {late}"


def notice_rows(period: Period, *, officer, now: datetime | None = None) -> list[NoticeRow]:
    """The period's late dossiers as the report counts them (read as ``officer``: leader or
    admin, "report.read")."""
    late = late_dossiers(period, officer=officer, now=now)
    if not late:
        return []
    rows = {r.code: r for r in Dossier.select(Dossier.id, Dossier.code, Dossier.applicant_kind)
            .where(Dossier.code.in_([d.code for d in late]))}
    extensions: dict[int, DueDateChange] = {}
    for change in (DueDateChange.select().where((DueDateChange.kind == "extend")
                                                & DueDateChange.dossier.in_([r.id for r in rows.values()]))
                   .order_by(DueDateChange.at, DueDateChange.id)):
        extensions[change.dossier_id] = change  # the latest wins
    out = []
    for d in late:
        row = rows[d.code]
        extension = extensions.get(row.id)
        new_due = extension.new_due_at if extension is not None and extension.new_due_at > d.due_at else None
        out.append(NoticeRow(
            code=d.code, procedure_name=d.procedure_name, applicant=mask_name(d.applicant_name, row.applicant_kind),
            due_at=d.due_at, new_due_at=new_due, state=_state(d),
            reason=scrub_numbers(extension.reason) if extension is not None else "",
        ))
    return out


def notice_data(period: Period, *, officer, now: datetime | None = None) -> NoticeData:
    settings = require_settings()
    label = f"{period.label} ({period.range_text})" if period.label else period.range_text.capitalize()
    return NoticeData(period_text=label, rows=tuple(notice_rows(period, officer=officer, now=now)),
                      issued_at=now or clock(), contact_phone=settings.contact_phone)


def render_notice_board(period: Period, *, officer, now: datetime | None = None) -> bytes:
    """The notice for ``period`` as PDF bytes (A4 landscape)."""
    return render_notice(notice_data(period, officer=officer, now=now), form_settings(require_settings()))


__all__ = ["notice_data", "notice_rows", "render_notice_board"]
