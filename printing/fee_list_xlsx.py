"""Bảng kê thu phí, lệ phí as an .xlsx workbook: the same columns as the PDF, amounts as
numbers (the accountant adds them up), the totals under the table. Plain data → bytes."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from printing.data import FormSettings
from printing.fee_list import HEADS, TITLE, FeeListData, summary_lines
from printing.vntext import nfc, unit_in_sentence

WIDTHS = (6, 18, 30, 50, 26, 16, 14, 24)
_thin = Side(style="thin", color="000000")
_BORDER = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
_WRAP = Alignment(vertical="top", wrap_text=True)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
FONT = "Times New Roman"


def render_fee_list_xlsx(data: FeeListData, settings: FormSettings) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Bảng kê thu phí"
    ws["A1"] = nfc(unit_in_sentence(settings.unit_name, settings.governing_body))
    ws["A2"] = TITLE
    ws["A3"] = nfc(data.period_text)
    for cell in ("A1", "A2", "A3"):
        ws[cell].font = Font(name=FONT, bold=cell != "A3", size=12)
    first = 5
    for c, head in enumerate(HEADS, start=1):
        cell = ws.cell(first, c, head)
        cell.font = Font(name=FONT, bold=True)
        cell.alignment, cell.border = _CENTER, _BORDER
    for i, r in enumerate(data.rows, start=1):
        values = [i, r.paid_at, r.code, nfc(r.procedure_name), nfc(r.payer), r.amount, r.method, nfc(r.officer)]
        for c, value in enumerate(values, start=1):
            cell = ws.cell(first + i, c, value)
            cell.font, cell.alignment, cell.border = Font(name=FONT), _WRAP, _BORDER
        ws.cell(first + i, 2).number_format = "HH:MM DD/MM/YYYY"
        ws.cell(first + i, 6).number_format = "#,##0"
    total_row = first + len(data.rows) + 1
    ws.cell(total_row, 5, "Tổng cộng").font = Font(name=FONT, bold=True)
    total = ws.cell(total_row, 6, data.total)
    total.font, total.number_format = Font(name=FONT, bold=True), "#,##0"
    for offset, line in enumerate(summary_lines(data)[1:], start=2):
        ws.cell(total_row + offset, 1, line).font = Font(name=FONT)
    for c, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = ws.cell(first + 1, 1)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


__all__ = ["render_fee_list_xlsx"]
