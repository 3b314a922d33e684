"""The period report as documents to send: Biểu 06 as PDF and as an .xlsx workbook.

Builds the plain data of ``printing.period_report_data`` from a ``PeriodReport`` and the agency
settings; the layout itself lives in printing/ (no database there).
"""
from __future__ import annotations

from datetime import datetime

from printing.digitisation_table import DigitisationLine
from printing.period_report import render_period_report
from printing.period_report_data import PeriodReportData, ReportLine
from printing.period_report_xlsx import render_period_report_xlsx

from .audit import now as clock
from .digitisation import DigitisationReport
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


def _digitisation_line(name: str, f) -> DigitisationLine:
    return DigitisationLine(name, f.finished, f.finished_electronic, f.rate_4_1, f.received,
                            f.received_digitised, f.rate_4_2, f.papers_digitised, f.papers_reused, f.rate_4_3)


def report_data(report: PeriodReport, *, issued_at: datetime | None = None,
                receiving_unit: str = "", preparer_name: str = "",
                digitisation: DigitisationReport | None = None) -> PeriodReportData:
    """The printable data of a report; ``issued_at`` is the date line (default: now);
    ``digitisation``: the QĐ 766 group 4 figures to print under the table."""
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
        digitisation=[_digitisation_line(name, f) for name, f in digitisation.rows] if digitisation else (),
        digitisation_total=_digitisation_line(TOTAL_NAME, digitisation.total) if digitisation else None,
    )


def period_report_pdf(report: PeriodReport, *, settings: AgencySettings | None = None,
                      **data_options) -> bytes:
    data = report_data(report, **data_options)
    return render_period_report(data, form_settings(settings or require_settings()))


def period_report_xlsx(report: PeriodReport, *, settings: AgencySettings | None = None,
                       **data_options) -> bytes:
    data = report_data(report, **data_options)
    return render_period_report_xlsx(data, form_settings(settings or require_settings()))
