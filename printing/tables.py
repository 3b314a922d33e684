"""Ruled tables shared by the control sheet and the register."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Table, TableStyle

from printing.fonts import SERIF, register_fonts
from printing.vntext import markup


def ruled_table(
    rows: list[list[object]],
    widths: Sequence[float],
    *,
    header_rows: int,
    extra: Sequence[tuple[object, ...]] = (),
) -> Table:
    """A fully ruled table whose header rows repeat on every page."""
    table = Table(rows, colWidths=list(widths), repeatRows=header_rows, hAlign="CENTER")
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                ("FONTNAME", (0, 0), (-1, -1), SERIF),  # else empty cells pull in Helvetica
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                *extra,
            ]
        )
    )
    return table


def code_markup(code: str, width: float, size: float) -> str:
    """A dossier code that may be wider than its cell, broken before a hyphen
    or after a dot.

    Paragraph only breaks at spaces, and a code has none. A line never ends
    with the hyphen, so nobody (and no text extractor) takes it for a word
    split in two.
    """
    register_fonts()
    lines: list[str] = []
    current = ""
    for piece in _pieces(code):
        if current and stringWidth(current + piece, SERIF, size) > width:
            lines.append(current)
            current = piece
        else:
            current += piece
    lines.append(current)
    return "<br/>".join(markup(line) for line in lines)


def _pieces(code: str) -> list[str]:
    """ "000.00.06.H56-231027-0361" → ["000.", "00.", "06.", "H56", "-231027", "-0361"]."""
    return [piece for piece in re.split(r"(?<=\.)|(?=-)", code) if piece]
