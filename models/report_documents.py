"""The period report as documents to send: Biểu 06 as PDF and as an .xlsx workbook.

Builds the plain data of ``printing.period_report_data`` from a ``PeriodReport`` and the agency
settings; the layout itself lives in printing/ (no database there).
"""
from __future__ import annotations

from datetime import datetime

from printing.period_report import render_period_report
from printing.period_report_data import PeriodReportData, ReportLine
from printing.period_report_xlsx import render_period_report_xlsx

from .audit import now as clock
from .forms import form_settings
from .reports import GROUPINGS, TOTAL_NAME, Figures, PeriodReport
from .settings import AgencySettings, require_settings


def _line(name: str, f: Figures) -> ReportLine:
    return ReportLine(
        name=name, received_total=f.received.total, online=f.received.online,
        direct_postal=f.received.direct_postal, carried_over=f.received.carried_over,
        resolved_total=f.resolved.total, before_due=f.resolved.before_due,
        on_time=f.resolved.on_time, resolved_late=f.resolved.late,
        in_progress_total=f.in_progress.total, within_time=f.in_progress.within_time,
        in_progress_late=f.in_progress.late, on_time_rate=f.on_time_rate,
    )


def report_data(report: PeriodReport, *, issued_at: datetime | None = None,
                receiving_unit: str = "", preparer_name: str = "") -> PeriodReportData:
    """The printable data of a report; ``issued_at`` is the date line (default: now)."""
    lines = []
    for row in report.rows:
        name = row.name if report.by == "field" else f"{row.name} ({row.key})"
        lines.append(_line(name, row.figures))
    return PeriodReportData(
        date_from=report.period.start, date_to=report.period.end, lines=lines,
        total=_line(TOTAL_NAME, report.total), issued_at=issued_at or clock(),
        name_heading=GROUPINGS[report.by], period_label=report.period.label,
        receiving_unit=receiving_unit, preparer_name=preparer_name,
        as_of=None if report.complete else report.as_of,
    )


def period_report_pdf(report: PeriodReport, *, settings: AgencySettings | None = None,
                      **data_options) -> bytes:
    data = report_data(report, **data_options)
    return render_period_report(data, form_settings(settings or require_settings()))


def period_report_xlsx(report: PeriodReport, *, settings: AgencySettings | None = None,
                       **data_options) -> bytes:
    data = report_data(report, **data_options)
    return render_period_report_xlsx(data, form_settings(settings or require_settings()))
