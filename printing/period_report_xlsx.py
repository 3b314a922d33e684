"""Biểu số 06/VPCP/KSTT as an .xlsx workbook (openpyxl): the same columns, merged headings and
totals as the PDF, with numbers as numbers so that the province can add sheets up.

Plain data (``printing.period_report_data``) → bytes; no database, no clock.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from printing.data import FormSettings
from printing.period_report_data import (
    BEFORE_HEAD,
    CARRIED_HEAD,
    COLUMN_COUNT,
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
)
from printing.vntext import nfc, unit_in_sentence, vn_place_date

SHEET_TITLE = "Biểu 06"
FONT = "Times New Roman"
HEADING_ROW = 6  # first of the three heading rows; the column numbers follow them
NUMBERS_ROW = HEADING_ROW + 3
FIRST_DATA_ROW = NUMBERS_ROW + 1
WIDTHS = (6, 42) + (11,) * 11 + (12,)

_thin = Side(style="thin", color="000000")
_BORDER = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
_RIGHT = Alignment(horizontal="right", vertical="center")


def _font(bold: bool = False, italic: bool = False, size: int = 11) -> Font:
    return Font(name=FONT, bold=bold, italic=italic, size=size)


def _put(ws: Worksheet, cell: str, value: object, *, merge_to: str = "", bold: bool = False,
         italic: bool = False, align: Alignment = _CENTER, size: int = 11) -> None:
    ws[cell] = value
    ws[cell].font = _font(bold, italic, size)
    ws[cell].alignment = align
    if merge_to:
        ws.merge_cells(f"{cell}:{merge_to}")


def _top(ws: Worksheet, data: PeriodReportData, settings: FormSettings) -> None:
    reporting = unit_in_sentence(settings.unit_name, settings.governing_body)
    _put(ws, "A1", FORM_CODE, merge_to="C1", bold=True, align=_LEFT)
    _put(ws, "A2", FORM_BASIS, merge_to="C3", italic=True, align=_LEFT)
    _put(ws, "D1", TITLE, merge_to="K1", bold=True, size=12)
    ws.row_dimensions[1].height = 36
    lines = [(nfc(data.period_label), True)] if data.period_label.strip() else []
    lines.append((period_text(data.date_from, data.date_to), False))
    if data.as_of:
        lines.append((as_of_text(data.as_of), False))
    for row, (text, bold) in enumerate(lines, start=2):
        _put(ws, f"D{row}", text, merge_to=f"K{row}", bold=bold, italic=not bold)
    _put(ws, "L1", f"- Đơn vị báo cáo: {reporting}",
         merge_to="N1", align=_LEFT)
    _put(ws, "L2", f"- Đơn vị nhận báo cáo: {nfc(data.receiving_unit) or '…………'}",
         merge_to="N2", align=_LEFT)
    _put(ws, "L4", UNIT_OF_COUNT, merge_to="N4", italic=True, align=_RIGHT)


def _headings(ws: Worksheet, data: PeriodReportData) -> None:
    r1, r2, r3 = HEADING_ROW, HEADING_ROW + 1, HEADING_ROW + 2

    def head(col: int, row: int, text: str, to_col: int | None = None, to_row: int | None = None) -> None:
        cell = ws.cell(row=row, column=col, value=text)
        cell.font = _font(bold=True)
        cell.alignment = _CENTER
        if to_col or to_row:
            ws.merge_cells(start_row=row, start_column=col, end_row=to_row or row, end_column=to_col or col)

    head(1, r1, "STT", to_row=r3)
    head(2, r1, data.name_heading, to_row=r3)
    head(3, r1, RECEIVED_HEAD, to_col=6)
    head(7, r1, RESOLVED_HEAD, to_col=10)
    head(11, r1, IN_PROGRESS_HEAD, to_col=13)
    head(14, r1, RATE_HEAD, to_row=r3)
    head(3, r2, TOTAL_HEAD, to_row=r3)
    head(4, r2, IN_PERIOD_HEAD, to_col=5)
    head(4, r3, ONLINE_HEAD)
    head(5, r3, DIRECT_HEAD)
    head(6, r2, CARRIED_HEAD, to_row=r3)
    for col, text in zip(range(7, 14), (TOTAL_HEAD, BEFORE_HEAD, ON_TIME_HEAD, LATE_HEAD,
                                        TOTAL_HEAD, WITHIN_HEAD, LATE_HEAD)):
        head(col, r2, text, to_row=r3)
    for col in range(1, COLUMN_COUNT + 1):
        cell = ws.cell(row=NUMBERS_ROW, column=col, value=f"({col})")
        cell.font = _font(italic=True)
        cell.alignment = _CENTER
    ws.row_dimensions[r3].height = 45


def _line(ws: Worksheet, row: int, index: int | None, line: ReportLine, *, bold: bool = False) -> None:
    values = [index, nfc(line.name), *line.counts, line.on_time_rate]
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=col, value=value)
        cell.font = _font(bold=bold)
        cell.alignment = _LEFT if col == 2 else _CENTER
        if col == COLUMN_COUNT:
            cell.number_format = "0.00%"
        elif col > 2:
            cell.number_format = "0"


def _closing(ws: Worksheet, row: int, data: PeriodReportData, settings: FormSettings) -> None:
    _put(ws, f"A{row}", DEFINITIONS, merge_to=f"N{row}", italic=True, align=_LEFT, size=10)
    ws.row_dimensions[row].height = 42
    row += 2
    _put(ws, f"J{row}", vn_place_date(settings.place, data.issued_at.date()), merge_to=f"N{row}", italic=True)
    row += 1
    _put(ws, f"B{row}", "NGƯỜI LẬP BIỂU", merge_to=f"E{row}", bold=True)
    head_title = nfc(settings.head_title or "Thủ trưởng đơn vị").upper()
    _put(ws, f"J{row}", head_title, merge_to=f"N{row}", bold=True)
    row += 1
    _put(ws, f"B{row}", "(Ký và ghi rõ họ tên)", merge_to=f"E{row}", italic=True)
    _put(ws, f"J{row}", "(Ký, ghi rõ họ tên và đóng dấu)", merge_to=f"N{row}", italic=True)
    row += 5
    _put(ws, f"B{row}", nfc(data.preparer_name), merge_to=f"E{row}", bold=True)
    _put(ws, f"J{row}", nfc(settings.head_name), merge_to=f"N{row}", bold=True)


def _page_setup(ws: Worksheet, last_table_row: int) -> None:
    for col, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    for row in ws.iter_rows(min_row=HEADING_ROW, max_row=last_table_row, max_col=COLUMN_COUNT):
        for cell in row:
            cell.border = _BORDER
    ws.freeze_panes = ws.cell(row=FIRST_DATA_ROW, column=3)
    ws.print_title_rows = f"{HEADING_ROW}:{NUMBERS_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.oddFooter.center.text = "Trang &P/&N"


def render_period_report_xlsx(data: PeriodReportData, settings: FormSettings) -> bytes:
    """The workbook ("Biểu 06", and "Số hóa" when the digitisation figures are given) as bytes."""
    workbook = Workbook()
    ws = workbook.active
    ws.title = SHEET_TITLE
    _top(ws, data, settings)
    _headings(ws, data)
    row = FIRST_DATA_ROW
    for index, line in enumerate(data.lines, start=1):
        _line(ws, row, index, line)
        row += 1
    _line(ws, row, None, data.total, bold=True)
    # The label spans STT and name; a merge keeps the value of its top-left cell only.
    ws.cell(row=row, column=2).value = None
    ws.cell(row=row, column=1).value = TOTAL_LABEL
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
    _page_setup(ws, row)
    _closing(ws, row + 2, data, settings)
    if data.digitisation_total is not None:
        from printing.digitisation_table import add_sheet

        add_sheet(workbook, data.digitisation, data.digitisation_total, period_text(data.date_from, data.date_to))
    workbook.properties.title = f"{FORM_CODE} – {period_text(data.date_from, data.date_to)}"
    workbook.properties.creator = "MotCua"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
