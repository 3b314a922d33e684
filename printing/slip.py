"""The 80 mm slip (phiếu hẹn khổ 80 mm) for the roll printers many counters have.

A short receipt: the agency, the dossier code as a Code 128 that decodes, the applicant, the
procedure, the appointment, where to collect the result and the fee (with the VietQR to pay
it). The page is 80 mm wide — the print head covers the middle 72 mm (576 dots at 203 dpi), the
text stays inside it — and exactly as long as its content. Liberation Serif is embedded, so
every Vietnamese letter prints; the dispatcher (printing.dispatch) rasterises the page at the
printer's resolution anyway, which suits drivers that only take images.

A thermal head prints whole dots of 0.125 mm (203 dpi). The barcode's modules are two dots
wide and every bar edge falls on the dot grid counted from the paper's edge, so no bar comes
out a dot thinner than its neighbour. A code whose bars would not fit across the 72 mm (the
QCVN 102:2016 style codes are 288 modules or more) is printed along the slip, turned a quarter.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Spacer
from reportlab.platypus.flowables import HRFlowable

from printing.barcodes import _fill_runs, code128_modules
from printing.data import FeeBlock
from printing.fee_lines import QrSymbol
from printing.fonts import SERIF, SERIF_BOLD, register_fonts
from printing.vntext import markup, nfc

DOT = 72 / 203  # one dot of a 203 dpi head, in points
PAPER_WIDTH = 80 * mm
MARGIN_DOTS = 32  # 4 mm each side: the 72 mm the head prints
MARGIN = MARGIN_DOTS * DOT
TOP = 24 * DOT  # 3 mm
MODULE_DOTS = 2
QUIET_MODULES = 10
BAR_HEIGHT = 12 * mm
BODY = 9.0
TITLE = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"


@dataclass(frozen=True)
class SlipData:
    """What the slip prints (plain values; models.slips builds it from a dossier)."""

    code: str
    governing_body: str
    unit_name: str
    applicant_name: str
    procedure_name: str
    received_at: datetime
    due_at: datetime
    time_limit_text: str
    result_place: str
    officer_name: str = ""
    fee: FeeBlock | None = None
    lookup_qr: str = ""  # the lookup address (or the code) as a QR; "" prints none
    contact_phone: str = ""


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("slip", fontName=SERIF, fontSize=BODY, leading=BODY * 1.25, spaceAfter=1.5)
    return {
        "body": base,
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        "head": ParagraphStyle("head", parent=base, fontName=SERIF_BOLD, alignment=TA_CENTER),
        "title": ParagraphStyle("title", parent=base, fontName=SERIF_BOLD, fontSize=BODY + 1.5,
                                leading=(BODY + 1.5) * 1.2, alignment=TA_CENTER, spaceBefore=3, spaceAfter=3),
        "due": ParagraphStyle("due", parent=base, fontName=SERIF_BOLD, fontSize=BODY + 2,
                              leading=(BODY + 2) * 1.25),
        "small": ParagraphStyle("small", parent=base, fontSize=BODY - 1, leading=(BODY - 1) * 1.2,
                                alignment=TA_CENTER),
    }


def _snap(value: float) -> float:
    """``value`` (points) rounded up to a whole dot."""
    return math.ceil(value / DOT - 1e-6) * DOT


class SlipBarcode(Flowable):
    """Code 128 on the 203 dpi dot grid, across the slip or, when too long, along it."""

    def __init__(self, code: str, frame_width: float) -> None:
        super().__init__()
        self.code = code
        self.pattern = code128_modules(code)
        self.module = MODULE_DOTS * DOT
        self.along = len(self.pattern) * self.module > frame_width
        self.text_gap = BODY * 1.3
        span = (len(self.pattern) + 2 * QUIET_MODULES) * self.module
        self.width = frame_width
        self.height = _snap(span if self.along else BAR_HEIGHT + self.text_gap)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return self.width, self.height

    def _grid_offset(self, along_y: bool) -> float:
        """How far to move from this flowable's origin to land on the page's dot grid."""
        a, b, c, d, e, f = self.canv._currentMatrix
        origin = float(f if along_y else e)
        return float(_snap(origin) - origin)

    def draw(self) -> None:
        canv = self.canv
        bars = len(self.pattern) * self.module
        if not self.along:
            x = self._grid_offset(False) + _snap((self.width - bars) / 2)
            y = self.text_gap
            _fill_runs(canv, [self.pattern], x, y, self.module, BAR_HEIGHT)
            canv.setFont(SERIF, BODY)
            canv.drawCentredString(x + bars / 2, y - BODY * 1.05, self.code)
            return
        # Along the slip: the first module at the top, bars running across (x is the bar
        # height, y the code's direction), the quiet zones above and below.
        y0 = self._grid_offset(True) + QUIET_MODULES * self.module
        x0 = (self.width - BAR_HEIGHT) / 2 - BODY
        canv.saveState()
        canv.setFillColorRGB(0, 0, 0)
        # Rows of the rotated symbol: one per module, bottom row = the last module.
        for i, bit in enumerate(reversed(self.pattern)):
            if bit == "1":
                canv.rect(x0, y0 + i * self.module, BAR_HEIGHT, self.module, stroke=0, fill=1)
        canv.restoreState()
        canv.saveState()
        canv.translate(x0 + BAR_HEIGHT + BODY * 1.2, y0 + bars / 2)
        canv.rotate(90)
        canv.setFont(SERIF, BODY)
        canv.drawCentredString(0, 0, self.code)
        canv.restoreState()


def _lines(data: SlipData, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    def line(label: str, value: str, style: str = "body") -> Paragraph:
        return Paragraph(f"{markup(label)}: <b>{markup(value)}</b>" if style == "body"
                         else f"{markup(label)}: {markup(value)}", st[style])

    return [
        Paragraph(markup(f"Mã hồ sơ: {data.code}"), st["center"]),
        Spacer(1, 2),
        line("Người nộp", data.applicant_name),
        Paragraph(f"Thủ tục: {markup(data.procedure_name)}", st["body"]),
        Paragraph(f"Thời hạn giải quyết: {markup(data.time_limit_text)}", st["body"]),
        Paragraph(f"Nhận hồ sơ: {data.received_at:%H:%M} ngày {data.received_at:%d/%m/%Y}", st["body"]),
        Paragraph(f"Hẹn trả: {data.due_at:%H:%M} ngày {data.due_at:%d/%m/%Y}", st["due"]),
        Paragraph(f"Nhận kết quả tại: {markup(data.result_place)}", st["body"]),
    ]


def _fee(fee: FeeBlock | None, st: dict[str, ParagraphStyle], frame_width: float) -> list[Flowable]:
    if fee is None:
        return []
    story: list[Flowable] = [Paragraph(f"Phí, lệ phí: {markup(fee.text)}", st["body"])]
    if fee.payment_qr:
        story += [Spacer(1, 3), _Centred(QrSymbol(fee.payment_qr, 30 * mm), frame_width),
                  Paragraph("Chuyển khoản: quét mã VietQR bằng ứng dụng ngân hàng", st["small"])]
        story += [Paragraph(markup(x), st["small"]) for x in fee.payment_lines]
    return story


class _Centred(Flowable):
    """A fixed-size flowable centred in the frame."""

    def __init__(self, inner: Flowable, frame_width: float) -> None:
        super().__init__()
        self.inner = inner
        self.inner_w, self.inner_h = inner.wrap(frame_width, 10_000)
        self.width, self.height = frame_width, self.inner_h

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return self.width, self.height

    def draw(self) -> None:
        self.inner.drawOn(self.canv, (self.width - self.inner_w) / 2, 0)


def slip_story(data: SlipData) -> list[Flowable]:
    st = _styles()
    frame_width = PAPER_WIDTH - 2 * MARGIN
    story: list[Flowable] = [
        Paragraph(markup(nfc(data.governing_body).upper()), st["center"]),
        Paragraph(markup(nfc(data.unit_name).upper()), st["head"]),
        Paragraph(TITLE, st["title"]),
        SlipBarcode(data.code, frame_width),
        Spacer(1, 3),
        *_lines(data, st),
        *_fee(data.fee, st, frame_width),
    ]
    if data.lookup_qr:
        story += [Spacer(1, 3), _Centred(QrSymbol(data.lookup_qr, 22 * mm), frame_width),
                  Paragraph("Tra cứu hồ sơ: quét mã QR hoặc mã vạch tại máy tra cứu", st["small"])]
    footer = []
    if data.officer_name:
        footer.append(f"Cán bộ tiếp nhận: {markup(data.officer_name)}")
    if data.contact_phone:
        footer.append(f"Điện thoại: {markup(data.contact_phone)}")
    story.append(HRFlowable(width="100%", thickness=0.5, color="black", spaceBefore=4, spaceAfter=3))
    story += [Paragraph(text, st["small"]) for text in footer]
    return story


def _height(story: Sequence[Flowable], width: float) -> float:
    """The height the story takes in a frame of ``width`` (each flowable with its spacing)."""
    total = 0.0
    for i, flowable in enumerate(story):
        _, h = flowable.wrap(width, 100_000)
        total += h + flowable.getSpaceAfter() + (flowable.getSpaceBefore() if i else 0)
    return total


def render_slip(data: SlipData) -> bytes:
    """The slip as a one-page PDF 80 mm wide whose length follows its content."""
    register_fonts()
    frame_width = PAPER_WIDTH - 2 * MARGIN
    story = slip_story(data)
    height = _snap(_height(story, frame_width) + 2 * TOP + 2)  # a little slack for rounding
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=(PAPER_WIDTH, height), leftMargin=MARGIN, rightMargin=MARGIN,
                          topMargin=TOP, bottomMargin=TOP, title=nfc(f"Phiếu hẹn {data.code}"),
                          author="MotCua", creator="MotCua", lang="vi", invariant=1, pageCompression=1,
                          initialFontName=SERIF, initialFontSize=BODY)
    frame = Frame(MARGIN, TOP, frame_width, height - 2 * TOP, 0, 0, 0, 0, id="slip")
    doc.addPageTemplates([PageTemplate(id="slip", frames=[frame])])
    doc.build(story)
    return buf.getvalue()


__all__ = ["PAPER_WIDTH", "SlipData", "render_slip"]
