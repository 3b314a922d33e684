"""The fee on a printed form: one labelled line, and the VietQR to pay it by transfer.

The QR is drawn as vector modules like the dossier's QR (printing.barcodes), inside its
4-module quiet zone, beside the lines that say what it asks for (amount, message, account),
so that a citizen without a banking app can still transfer by hand.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from printing.barcodes import _fill_runs
from printing.data import FeeBlock
from printing.document import PageSpec
from printing.fonts import SERIF
from printing.layout import field, markup, paragraph
from printing.qr import qr_matrix

FEE_LABEL = "Phí, lệ phí"


class QrSymbol(Flowable):
    """A QR code of ``size`` points square (quiet zone included)."""

    def __init__(self, value: str, size: float) -> None:
        super().__init__()
        self.value, self.size = value, size
        self.width = self.height = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        matrix = qr_matrix(self.value)
        border = 4
        box = self.size / (len(matrix) + 2 * border)
        _fill_runs(self.canv, matrix, border * box, border * box, box, box)


def fee_flowables(fee: FeeBlock | None, spec: PageSpec, *, qr_size: float = 22 * mm) -> list[Flowable]:
    """The "Phí, lệ phí: …" line and, when there is one, the payment QR at its right with the
    lines that say what it asks for (a compact block: the receipt keeps to its page)."""
    if fee is None:
        return []
    line = field(FEE_LABEL, fee.text, spec)
    if not fee.payment_qr:
        return [line]
    how = "Chuyển khoản: quét mã VietQR bên cạnh bằng ứng dụng ngân hàng"
    note = paragraph(f"<i>{markup(how)}</i> – " + "; ".join(markup(x) for x in fee.payment_lines) + ".",
                     "note", spec)
    gap = 3 * mm
    table = Table([[[line, note], QrSymbol(fee.payment_qr, qr_size)]],
                  colWidths=[spec.frame_width - qr_size - gap, qr_size + gap], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (1, 0), (1, 0), "RIGHT"),
        ("FONTNAME", (0, 0), (-1, -1), SERIF),  # else empty cells pull in Helvetica
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return [table]


__all__ = ["FEE_LABEL", "QrSymbol", "fee_flowables"]
