"""The digitisation figures of QĐ 766 group 4 (số hóa) under Biểu 06, in the PDF and the workbook.

Plain data → flowables / a worksheet; no database, no clock (``models.report_documents``
builds the lines from ``models.digitisation``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from printing.period_report_data import TOTAL_LABEL, rate_text

if TYPE_CHECKING:
    from openpyxl import Workbook
    from reportlab.platypus import Flowable

    from printing.layout import PageSpec

TITLE = "SỐ HÓA HỒ SƠ, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH (QĐ 766/QĐ-TTg, nhóm chỉ tiêu 4)"
HEADINGS = ("STT", "Lĩnh vực", "Hồ sơ đã giải quyết", "Có kết quả điện tử", "Tỷ lệ (4.1)",
            "Hồ sơ tiếp nhận", "Số hóa đủ thành phần", "Tỷ lệ (4.2)", "Giấy tờ đã số hóa",
            "Giấy tờ tái sử dụng", "Tỷ lệ (4.3)")
NOTE = ("Ghi chú: (4.1) hồ sơ giải quyết xong trong kỳ có bản điện tử của kết quả; (4.2) hồ sơ tiếp nhận "
        "trong kỳ có bản điện tử của mọi thành phần hồ sơ (điểm tối đa từ 80%); (4.3) giấy tờ đã số hóa "
        "được tái sử dụng từ hồ sơ trước của cùng chủ hồ sơ.")
WIDTHS_MM = (9, 58) + (22,) * 9 + (2,)  # 267 mm, the landscape frame (the last column is padding)


@dataclass(frozen=True)
class DigitisationLine:
    name: str
    finished: int
    finished_electronic: int
    rate_4_1: float | None
    received: int
    received_digitised: int
    rate_4_2: float | None
    papers_digitised: int
    papers_reused: int
    rate_4_3: float | None

    @property
    def cells(self) -> tuple[object, ...]:
        return (self.finished, self.finished_electronic, rate_text(self.rate_4_1), self.received,
                self.received_digitised, rate_text(self.rate_4_2), self.papers_digitised,
                self.papers_reused, rate_text(self.rate_4_3))


def pdf_flowables(lines: Sequence[DigitisationLine], total: DigitisationLine, spec: PageSpec) -> list[Flowable]:
    """A heading, the table (fields then the total), and the note."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer

    from printing.layout import markup, paragraph, styles
    from printing.tables import ruled_table

    st = styles(spec.font_size)
    center = st["cell_center"]
    head = [Paragraph(f"<b>{markup(h)}</b>", center) for h in HEADINGS]
    body = [[Paragraph(str(i), center), Paragraph(markup(line.name), st["cell"]),
             *[Paragraph(str(c), center) for c in line.cells]] for i, line in enumerate(lines, start=1)]
    total_row = [Paragraph(f"<b>{TOTAL_LABEL}</b>", center), "",
                 *[Paragraph(f"<b>{c}</b>", center) for c in total.cells]]
    widths = [w * mm for w in WIDTHS_MM[:-1]]
    widths[1] += WIDTHS_MM[-1] * mm
    last = 1 + len(body)
    table = ruled_table([head, *body, total_row], widths, header_rows=1,
                        extra=[("SPAN", (0, last), (1, last))])
    return [Spacer(1, spec.font_size * 0.8), paragraph(f"<b>{markup(TITLE)}</b>", "center", spec),
            Spacer(1, spec.font_size * 0.3), table, paragraph(markup(NOTE), "note", spec)]


def add_sheet(workbook: Workbook, lines: Sequence[DigitisationLine], total: DigitisationLine, period: str) -> None:
    """A sheet "Số hóa" with the same table; counts as numbers, rates as fractions (0.00%)."""
    from openpyxl.styles import Alignment, Border, Font, Side

    ws = workbook.create_sheet("Số hóa")
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws.cell(row=1, column=1, value=TITLE).font = Font(name="Times New Roman", bold=True, size=12)
    ws.cell(row=2, column=1, value=period).font = Font(name="Times New Roman", italic=True)
    for col, text in enumerate(HEADINGS, start=1):
        cell = ws.cell(row=4, column=col, value=text)
        cell.font = Font(name="Times New Roman", bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    rows = [(str(i), line) for i, line in enumerate(lines, start=1)] + [("", total)]
    for offset, (index, line) in enumerate(rows):
        row = 5 + offset
        values = [int(index) if index else None, line.name if index else TOTAL_LABEL,
                  line.finished, line.finished_electronic, line.rate_4_1, line.received,
                  line.received_digitised, line.rate_4_2, line.papers_digitised, line.papers_reused,
                  line.rate_4_3]
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=col, value=value)
            cell.font = Font(name="Times New Roman", bold=not index)
            if col in (5, 8, 11):
                cell.number_format = "0.00%"
    for row in ws.iter_rows(min_row=4, max_row=4 + len(rows), max_col=len(HEADINGS)):
        for cell in row:
            cell.border = border
    ws.cell(row=6 + len(rows), column=1, value=NOTE).font = Font(name="Times New Roman", italic=True)
    for col, width in enumerate((6, 40) + (14,) * 9, start=1):
        ws.column_dimensions[chr(64 + col)].width = width
