"""Sổ theo dõi hồ sơ (BM.06): the register, A4 landscape.

Printed for a date range; the column headers repeat on every page and pages
are numbered "Trang x/y".
"""

from __future__ import annotations

from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from printing.data import FormSettings, RegisterData, RegisterRow
from printing.layout import (
    PageSpec,
    build_pdf,
    header,
    markup,
    number_line,
    page_spec,
    paragraph,
    styles,
    title,
    vn_date,
    vn_short_date,
)
from printing.tables import code_markup, ruled_table

TITLE = "SỔ THEO DÕI HỒ SƠ"
NUMBER = "STD-TTPVHCC (BPTNTKQ)"  # BM.06
# Column widths in mm; they add up to the 267 mm of an A4 landscape frame.
# A usual 25-character code fits its column on one line.
WIDTHS_MM = (10, 40, 40, 30, 34, 24, 19, 19, 19, 20, 12)
TOP_HEADS = (
    "STT",
    "Mã hồ sơ",
    "Tên TTHC",
    "Tên tổ chức, cá nhân",
    "Địa chỉ/SĐT",
    "Cơ quan chủ trì giải quyết",
)
GROUP_HEAD = "Nhận và trả kết quả"
SUB_HEADS = ("Nhận hồ sơ", "Hẹn trả kết quả", "Trả kết quả", "Phương thức nhận kết quả", "Ký nhận")


def _when(dt: datetime | None) -> str:
    return f"{dt.hour:02d}:{dt.minute:02d}<br/>{vn_short_date(dt)}" if dt else ""


def _header_rows(spec: PageSpec) -> tuple[list[list[object]], list[tuple[object, ...]]]:
    st = styles(spec.font_size)
    n_top = len(TOP_HEADS)
    first = [Paragraph(h, st["cell_head"]) for h in TOP_HEADS] + [Paragraph(GROUP_HEAD, st["cell_head"])]
    first += [""] * (len(SUB_HEADS) - 1)
    second = [""] * n_top + [Paragraph(h, st["cell_head"]) for h in SUB_HEADS]
    numbers = [Paragraph(f"({i})", st["cell_center"]) for i in range(1, n_top + len(SUB_HEADS) + 1)]
    spans: list[tuple[object, ...]] = [("SPAN", (c, 0), (c, 1)) for c in range(n_top)]
    spans.append(("SPAN", (n_top, 0), (-1, 0)))
    return [first, second, numbers], spans


def _row(index: int, row: RegisterRow, spec: PageSpec) -> list[object]:
    st = styles(spec.font_size)
    cell, center = st["cell"], st["cell_center"]
    code_w = WIDTHS_MM[1] * mm - 6
    return [
        Paragraph(str(index), center),
        Paragraph(code_markup(row.code, code_w, cell.fontSize), cell),
        Paragraph(markup(row.procedure_name, ""), cell),
        Paragraph(markup(row.applicant_name, ""), cell),
        Paragraph(markup(row.address_phone, ""), cell),
        Paragraph(markup(row.resolving_unit, ""), cell),
        Paragraph(_when(row.received_at) + (f"<br/>Quầy {row.counter_no}" if row.counter_no else ""),
                  center),
        Paragraph(_when(row.due_at) + (f"<br/><i>hẹn lại</i><br/>{_when(row.rescheduled_at)}"
                                       if row.rescheduled_at else ""), center),
        Paragraph(_when(row.returned_at), center),
        Paragraph(markup(row.return_method, ""), cell),
        "",
    ]


def render_register(data: RegisterData, settings: FormSettings) -> bytes:
    """The register for ``data.date_from`` … ``data.date_to`` as PDF bytes."""
    spec = page_spec("A4", is_landscape=True)
    st = styles(spec.font_size)
    heads, spans = _header_rows(spec)
    body = [_row(i, row, spec) for i, row in enumerate(data.rows, start=1)]
    extra = list(spans)
    if not body:
        body = [[Paragraph("Không có hồ sơ nào trong khoảng thời gian này.", st["cell_center"])] + [""] * 10]
        extra.append(("SPAN", (0, 3), (-1, 3)))
    table = ruled_table(heads + body, [w * mm for w in WIDTHS_MM], header_rows=len(heads), extra=extra)
    period = f"Từ {vn_date(data.date_from)} đến {vn_date(data.date_to)}"
    if data.volume.strip():
        period += f" – Quyển số: {markup(data.volume)}"
    story: list[Flowable] = [
        header(settings, number_line(data.number, NUMBER), data.issued_at.date(), spec),
        *title(TITLE, spec),
    ]
    if data.fields:
        story.append(paragraph(f"Lĩnh vực: <b>{markup('; '.join(data.fields))}</b>", "center", spec))
    story += [
        paragraph(period, "center", spec),
        Spacer(1, spec.font_size * 0.6),
        table,
        Spacer(1, spec.font_size * 0.6),
        paragraph(f"<b>Tổng số: {len(data.rows)} hồ sơ</b>", "body", spec),
    ]
    return build_pdf(story, spec, doc_title=f"Sổ theo dõi hồ sơ {period}", always_number=True)
