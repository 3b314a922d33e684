"""Biểu số 06/VPCP/KSTT (Thông tư 01/2020/TT-VPCP): the period report, A4 landscape.

The statistical form's own header (form code on the left, title and period in the middle,
reporting and receiving units on the right), one ruled table with three heading rows and the
column numbers (repeated on every page), a totals row, the definitions used, then the date
line and the two signatures (người lập biểu, head of the unit).
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from printing.data import FormSettings
from printing.layout import (
    PageSpec,
    Signature,
    build_pdf,
    markup,
    page_spec,
    paragraph,
    signatures,
    styles,
    unit_in_sentence,
    vn_place_date,
)
from printing.period_report_data import (
    BEFORE_HEAD,
    CARRIED_HEAD,
    DEFINITIONS,
    DIRECT_HEAD,
    FORM_BASIS,
    FORM_CODE,
    IN_PERIOD_HEAD,
    IN_PROGRESS_HEAD,
    LATE_HEAD,
    ON_TIME_HEAD,
    ONLINE_HEAD,
    RATE_HEAD,
    RECEIVED_HEAD,
    RESOLVED_HEAD,
    TITLE,
    TOTAL_HEAD,
    TOTAL_LABEL,
    UNIT_OF_COUNT,
    WITHIN_HEAD,
    PeriodReportData,
    ReportLine,
    as_of_text,
    period_text,
    rate_text,
)
from printing.tables import ruled_table

# Column widths in mm: STT, name, eleven counts, rate; they add up to the 267 mm frame.
WIDTHS_MM = (9, 58) + (16,) * 11 + (24,)
HEADING_ROWS = 4  # three heading rows and the row of column numbers


def _heading_rows(data: PeriodReportData, spec: PageSpec) -> tuple[list[list[object]], list[tuple[object, ...]]]:
    st = styles(spec.font_size)

    def head(text: str) -> Paragraph:
        return Paragraph(markup(text, ""), st["cell_head"])

    first = [head("STT"), head(data.name_heading), head(RECEIVED_HEAD), "", "", "",
             head(RESOLVED_HEAD), "", "", "", head(IN_PROGRESS_HEAD), "", "", head(RATE_HEAD)]
    second = ["", "", head(TOTAL_HEAD), head(IN_PERIOD_HEAD), "", head(CARRIED_HEAD),
              head(TOTAL_HEAD), head(BEFORE_HEAD), head(ON_TIME_HEAD), head(LATE_HEAD),
              head(TOTAL_HEAD), head(WITHIN_HEAD), head(LATE_HEAD), ""]
    third = ["", "", "", head(ONLINE_HEAD), head(DIRECT_HEAD)] + [""] * 9
    numbers = [Paragraph(f"({i})", st["cell_center"]) for i in range(1, 15)]
    spans: list[tuple[object, ...]] = [
        ("SPAN", (0, 0), (0, 2)), ("SPAN", (1, 0), (1, 2)), ("SPAN", (13, 0), (13, 2)),
        ("SPAN", (2, 0), (5, 0)), ("SPAN", (6, 0), (9, 0)), ("SPAN", (10, 0), (12, 0)),
        ("SPAN", (2, 1), (2, 2)), ("SPAN", (3, 1), (4, 1)), ("SPAN", (5, 1), (5, 2)),
        *[("SPAN", (c, 1), (c, 2)) for c in range(6, 13)],
        ("VALIGN", (0, 0), (-1, HEADING_ROWS - 1), "MIDDLE"),
    ]
    return [first, second, third, numbers], spans


def _line(index: str, line: ReportLine, spec: PageSpec, *, bold: bool = False) -> list[object]:
    st = styles(spec.font_size)
    center = st["cell_center"]
    wrap = (lambda t: f"<b>{t}</b>") if bold else (lambda t: t)
    return [
        Paragraph(index, center),
        Paragraph(wrap(markup(line.name, "")), st["cell"]),
        *[Paragraph(wrap(str(n)), center) for n in line.counts],
        Paragraph(wrap(rate_text(line.on_time_rate)), center),
    ]


def _table(data: PeriodReportData, spec: PageSpec) -> Table:
    st = styles(spec.font_size)
    heads, extra = _heading_rows(data, spec)
    body = [_line(str(i), line, spec) for i, line in enumerate(data.lines, start=1)]
    if not body:
        body = [[Paragraph("Không có hồ sơ nào trong kỳ báo cáo.", st["cell_center"])] + [""] * 13]
        extra.append(("SPAN", (0, HEADING_ROWS), (-1, HEADING_ROWS)))
    total_row = HEADING_ROWS + len(body)
    total = _line("", data.total, spec, bold=True)
    total[0] = Paragraph(f"<b>{TOTAL_LABEL}</b>", st["cell_center"])  # spans STT and name
    extra += [("SPAN", (0, total_row), (1, total_row)), ("VALIGN", (0, total_row), (-1, total_row), "MIDDLE")]
    return ruled_table(heads + body + [total], [w * mm for w in WIDTHS_MM],
                       header_rows=HEADING_ROWS, extra=extra)


def _top(data: PeriodReportData, settings: FormSettings, spec: PageSpec) -> Table:
    """Form code | title and period | reporting and receiving units."""
    st = styles(spec.font_size)
    left = [
        Paragraph(f"<b>{FORM_CODE}</b>", st["cell"]),
        Paragraph(f"<i>{FORM_BASIS}</i>", st["cell"]),
    ]
    middle = [Paragraph(TITLE, st["subtitle"])]
    if data.period_label.strip():
        middle.append(Paragraph(f"<b>{markup(data.period_label)}</b>", st["center"]))
    middle.append(Paragraph(f"<i>{period_text(data.date_from, data.date_to)}</i>", st["center"]))
    if data.as_of:
        middle.append(Paragraph(f"<i>{as_of_text(data.as_of)}</i>", st["center"]))
    reporting = unit_in_sentence(settings.unit_name, settings.governing_body)
    right = [
        Paragraph(f"- Đơn vị báo cáo: {markup(reporting)}", st["cell"]),
        Paragraph(f"- Đơn vị nhận báo cáo: {markup(data.receiving_unit)}", st["cell"]),
    ]
    widths = [62 * mm, spec.frame_width - 124 * mm, 62 * mm]
    table = Table([[left, middle, right]], colWidths=widths)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def _closing(data: PeriodReportData, settings: FormSettings, spec: PageSpec) -> list[Flowable]:
    st = styles(spec.font_size)
    half = spec.frame_width / 2
    place_date = markup(vn_place_date(settings.place, data.issued_at.date()))
    date_line = Table([["", Paragraph(f"<i>{place_date}</i>", st["center"])]], colWidths=[half, half])
    date_line.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return [
        Spacer(1, spec.font_size * 0.4),
        paragraph(markup(DEFINITIONS), "note", spec),
        *_digitisation(data, spec),  # QĐ 766 group 4, under Biểu 06 and its notes
        Spacer(1, spec.font_size * 0.4),
        date_line,
        signatures([
            Signature("Người lập biểu", data.preparer_name),
            Signature(settings.head_title or "Thủ trưởng đơn vị", settings.head_name,
                      note="(Ký, ghi rõ họ tên và đóng dấu)"),
        ], spec),
    ]


def _digitisation(data: PeriodReportData, spec: PageSpec) -> list[Flowable]:
    if data.digitisation_total is None:
        return []
    from printing.digitisation_table import pdf_flowables

    return pdf_flowables(data.digitisation, data.digitisation_total, spec)


def render_period_report(data: PeriodReportData, settings: FormSettings) -> bytes:
    """Biểu 06 for ``data.date_from`` … ``data.date_to`` as PDF bytes."""
    spec = page_spec("A4", is_landscape=True)
    unit_line = Table([[Paragraph(f"<i>{UNIT_OF_COUNT}</i>", styles(spec.font_size)["right"])]],
                      colWidths=[spec.frame_width])
    story: list[Flowable] = [
        _top(data, settings, spec),
        unit_line,
        Spacer(1, spec.font_size * 0.3),
        _table(data, spec),
        *_closing(data, settings, spec),
    ]
    title = f"Biểu 06 – {period_text(data.date_from, data.date_to)}"
    return build_pdf(story, spec, doc_title=title, always_number=True)
