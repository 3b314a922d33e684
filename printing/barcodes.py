"""The dossier code as a Code 128 barcode (vector bars) and a QR code.

Counter scanners and the test suite read the printed receipt at 200 dpi, so
a module (the narrowest bar) is at least 0.3 mm (2.4 px at 200 dpi) and each
side has a quiet zone of 10 modules. The longest allowed code (a 35-character
agency code, 48 characters in all) needs about 550 modules, 165 mm at
0.3 mm: it fits the A4 text width. On A5 such a code cannot reach 0.3 mm; the
bars then take the printable width of the page and the modules are as wide as
the paper allows (about 0.24 mm, which still scans at 200 dpi in the tests).

Both symbols are drawn as filled rectangles, so they stay sharp at any
printer resolution.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import barcode
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from printing.fonts import SERIF, register_fonts
from printing.qr import qr_matrix

CODE_RE = re.compile(r"^[0-9A-Z]+(\.[0-9A-Z]+)*-\d{6}-\d{4,}$")

MIN_MODULE = 0.3 * mm
PREFERRED_MODULE = 0.33 * mm
QUIET_MODULES = 10
PAGE_EDGE = 5 * mm  # what a laser printer cannot print at the paper's edge
QR_GAP = 6 * mm


def is_dossier_code(code: str) -> bool:
    """True for a well-formed mã hồ sơ such as 000.00.06.H56-231027-0361."""
    return bool(CODE_RE.match(code))


def code128_modules(code: str) -> str:
    """The Code 128 module pattern ("1" = bar) without quiet zones."""
    if not code or not code.isascii():
        raise ValueError(f"Mã hồ sơ không in được thành mã vạch: {code!r}")
    modules: str = barcode.get("code128", code).build()[0]
    return modules


def qr_payload(code: str, lookup_url: str = "") -> str:
    """What the QR code holds: the lookup URL for this code, or the code."""
    return lookup_url.replace("{code}", code) if lookup_url else code


class DossierCodeBlock(Flowable):
    """Barcode with the code written under it, and the QR code beside it.

    When the barcode and the QR code do not fit side by side at the minimum
    module width, the QR code goes under the barcode. A barcode wider than
    the frame is centred on the page and may use the margins (but stays
    ``PAGE_EDGE`` away from the paper's edge, quiet zones included).
    """

    def __init__(
        self,
        code: str,
        qr_value: str | None,
        *,
        font_size: float,
        page_width: float,
        frame_left: float,
        bar_height: float = 12 * mm,
        qr_size: float = 22 * mm,
    ) -> None:
        super().__init__()
        register_fonts()
        self.code = code
        self.qr_value = qr_value
        self.font_size = font_size
        self.page_width = page_width
        self.frame_left = frame_left
        self.bar_height = bar_height
        self.qr_size = qr_size
        self.pattern = code128_modules(code)
        self.module = PREFERRED_MODULE
        self.side_by_side = qr_value is not None
        self._text_gap = font_size * 1.25

    @property
    def _span_modules(self) -> int:
        return len(self.pattern) + 2 * QUIET_MODULES

    def _choose(self, avail: float) -> None:
        """Pick module width and placement for ``avail`` points of frame."""
        span = self._span_modules
        if self.qr_value is not None:
            beside = (avail - self.qr_size - QR_GAP) / span
            if beside >= MIN_MODULE:
                self.side_by_side = True
                self.module = min(PREFERRED_MODULE, beside)
                return
        self.side_by_side = False
        in_frame = avail / len(self.pattern)  # quiet zones may sit in the margins
        on_page = (self.page_width - 2 * PAGE_EDGE) / span
        self.module = min(PREFERRED_MODULE, in_frame, on_page)
        if self.module < MIN_MODULE:
            self.module = min(MIN_MODULE, on_page)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._choose(availWidth)
        self._avail = availWidth
        bars = self.bar_height + self._text_gap
        if self.qr_value is None:
            height = bars
        elif self.side_by_side:
            height = max(bars, self.qr_size)
        else:
            height = bars + 2 * mm + self.qr_size
        self.width, self.height = availWidth, height
        return self.width, self.height

    def draw(self) -> None:
        avail = self._avail
        span = self._span_modules * self.module
        bars_w = len(self.pattern) * self.module
        if self.side_by_side:
            room = avail - self.qr_size - QR_GAP
            x0 = (avail - span) / 2  # centred on the frame if clear of the QR code
            if x0 + span > room:
                x0 = (room - span) / 2
            x_bars = x0 + QUIET_MODULES * self.module
        elif bars_w <= avail:
            x_bars = (avail - bars_w) / 2
        else:  # wider than the frame: centre on the paper
            x_bars = self.page_width / 2 - self.frame_left - bars_w / 2
        top = self.height
        if self.side_by_side and self.qr_size > self.bar_height + self._text_gap:
            top = self.height - (self.qr_size - self.bar_height - self._text_gap) / 2
        y_bars = top - self.bar_height
        self._draw_bars(x_bars, y_bars)
        canv = self.canv
        canv.setFont(SERIF, self.font_size)
        canv.drawCentredString(x_bars + bars_w / 2, y_bars - self.font_size * 1.05, self.code)
        if self.qr_value is not None:
            if self.side_by_side:
                self._draw_qr(avail - self.qr_size, (self.height - self.qr_size) / 2)
            else:
                self._draw_qr((avail - self.qr_size) / 2, 0)

    def _draw_bars(self, x: float, y: float) -> None:
        _fill_runs(self.canv, [self.pattern], x, y, self.module, self.bar_height)

    def _draw_qr(self, x: float, y: float) -> None:
        """The QR modules inside their 4-module quiet zone (ISO/IEC 18004)."""
        matrix = qr_matrix(self.qr_value or "")
        border = 4
        box = self.qr_size / (len(matrix) + 2 * border)
        _fill_runs(self.canv, matrix, x + border * box, y + border * box, box, box)


def _fill_runs(canv: Canvas, rows: Sequence[str], x: float, y: float, cell_w: float, cell_h: float) -> None:
    """Fill the runs of "1" in ``rows`` (first row on top) as rectangles.

    The operators are written in cell units under one transformation, with
    small integers, instead of one canvas.rect() call per run: a receipt has
    about a thousand runs and formatting their float coordinates one by one
    was most of its rendering time.
    """
    height = len(rows)
    ops = []
    for r, row in enumerate(rows):
        for match in re.finditer("1+", row):
            ops.append(f"{match.start()} {height - 1 - r} {match.end() - match.start()} 1 re")
    canv.saveState()
    canv.setFillColorRGB(0, 0, 0)
    canv.transform(cell_w, 0, 0, cell_h, x, y)
    canv.addLiteral("\n".join(ops) + "\nf")
    canv.restoreState()
