"""Bảng kê thu phí, lệ phí: the fees collected in a day or period, for the accountant.

A4 landscape: one line per payment (time, dossier code, procedure, payer, amount, cash or
transfer, the officer who collected it), the totals by method, and what the period's dossiers
still owe or were exempted from. Signed by the officer who prepared it and the accountant.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from printing.data import FormSettings
from printing.layout import (
    Signature,
    build_pdf,
    header,
    markup,
    number_line,
    page_spec,
    paragraph,
    signatures,
    styles,
    title,
    vn_short_date,
)
from printing.tables import code_markup, ruled_table
from printing.vntext import unit_abbreviation

TITLE = "BẢNG KÊ THU PHÍ, LỆ PHÍ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"
HEADS = ("STT", "Thời điểm thu", "Mã hồ sơ", "Thủ tục hành chính", "Người nộp", "Số tiền (đồng)",
         "Hình thức", "Cán bộ thu")
# Column widths in mm; they add up to the 267 mm of an A4 landscape frame.
WIDTHS_MM = (10, 26, 44, 70, 38, 25, 22, 32)


def amount_text(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


@dataclass(frozen=True)
class FeeListRow:
    paid_at: datetime
    code: str
    procedure_name: str
    payer: str
    amount: int
    method: str  # "Tiền mặt" | "Chuyển khoản"
    officer: str

    def to_dict(self) -> dict[str, object]:
        return {"paid_at": self.paid_at.isoformat(), "code": self.code, "procedure_name": self.procedure_name,
                "payer": self.payer, "amount": self.amount, "method": self.method, "officer": self.officer}


@dataclass(frozen=True)
class FeeListData:
    period_text: str
    rows: Sequence[FeeListRow]
    totals: Sequence[tuple[str, int]]  # (method, amount)
    outstanding: tuple[int, int]  # dossiers received in the period still owing: count, amount
    exempt: tuple[int, int]  # dossiers received in the period exempted: count, amount waived
    issued_at: datetime
    preparer: str = ""
    number: str = ""

    @property
    def total(self) -> int:
        return sum(amount for _, amount in self.totals)


def summary_lines(data: FeeListData) -> list[str]:
    """The totals under the table (also the workbook's last lines)."""
    lines = [f"Tổng số đã thu: {amount_text(data.total)} đồng ({len(data.rows)} hồ sơ)"]
    lines += [f"– {method}: {amount_text(amount)} đồng" for method, amount in data.totals]
    lines.append(f"Hồ sơ tiếp nhận trong kỳ chưa thu phí, lệ phí: {data.outstanding[0]} hồ sơ, "
                 f"{amount_text(data.outstanding[1])} đồng")
    lines.append(f"Hồ sơ tiếp nhận trong kỳ được miễn: {data.exempt[0]} hồ sơ, "
                 f"{amount_text(data.exempt[1])} đồng")
    return lines


def render_fee_list(data: FeeListData, settings: FormSettings) -> bytes:
    spec = page_spec("A4", is_landscape=True)
    st = styles(spec.font_size)
    cell, center, head = st["cell"], st["cell_center"], st["cell_head"]
    right = st["cell"].clone("cell_right", alignment=2)
    rows: list[list[object]] = [[Paragraph(h, head) for h in HEADS]]
    for i, r in enumerate(data.rows, start=1):
        rows.append([
            Paragraph(str(i), center),
            Paragraph(f"{r.paid_at:%H:%M} {vn_short_date(r.paid_at)}", center),
            Paragraph(code_markup(r.code, WIDTHS_MM[2] * mm - 6, cell.fontSize), cell),
            Paragraph(markup(r.procedure_name, ""), cell),
            Paragraph(markup(r.payer, ""), cell),
            Paragraph(amount_text(r.amount), right),
            Paragraph(markup(r.method, ""), center),
            Paragraph(markup(r.officer, ""), cell),
        ])
    extra = []
    if not data.rows:
        rows.append([Paragraph("Không có khoản thu nào trong kỳ.", center)] + [""] * (len(HEADS) - 1))
        extra.append(("SPAN", (0, 1), (-1, 1)))
    story: list[Flowable] = [
        header(settings, number_line(data.number, "BK-" + unit_abbreviation(settings.unit_name)), data.issued_at.date(), spec),
        *title(TITLE, spec, data.period_text),
        ruled_table(rows, [w * mm for w in WIDTHS_MM], header_rows=1, extra=extra),
        Spacer(1, spec.font_size * 0.5),
        *(paragraph(f"<b>{markup(line)}</b>" if i == 0 else markup(line), "body", spec)
          for i, line in enumerate(summary_lines(data))),
        signatures([Signature("Người lập bảng", data.preparer), Signature("Kế toán")], spec),
    ]
    return build_pdf(story, spec, doc_title=f"Bảng kê thu phí, lệ phí – {data.period_text}", always_number=True)


__all__ = ["FeeListData", "FeeListRow", "amount_text", "render_fee_list", "summary_lines"]
