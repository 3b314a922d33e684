"""Building blocks shared by every form: page geometry, styles, the national
header, titles, labelled lines and signature blocks (the PDF assembly is in
``printing.document`` and re-exported here).

Forms are built from reportlab platypus flowables so that long names,
addresses and document lists wrap and flow onto a further page instead of
overlapping. Sizes follow Nghị định 30/2020/NĐ-CP, Phụ lục I (Times New Roman
style face, 13–14 pt body on A4, margins 20–25 mm top and bottom, a wider
left margin for binding); A5 scales everything down.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.flowables import HRFlowable

from printing.data import FormSettings
from printing.document import PageSpec, build_pdf
from printing.fonts import SERIF, SERIF_BOLD, SERIF_ITALIC, register_fonts
from printing.vntext import (
    DOTS,
    capitalised,
    markup,
    nfc,
    two_digits,
    unit_in_sentence,
    vn_compact_datetime,
    vn_date,
    vn_datetime,
    vn_place_date,
    vn_short_date,
    vn_short_datetime,
)

__all__ = [
    "DOTS",
    "PageSpec",
    "Signature",
    "build_pdf",
    "capitalised",
    "field",
    "field_pair",
    "header",
    "markup",
    "nfc",
    "number_line",
    "numbered",
    "page_spec",
    "paragraph",
    "signatures",
    "styles",
    "title",
    "two_digits",
    "unit_in_sentence",
    "vn_compact_datetime",
    "vn_date",
    "vn_datetime",
    "vn_place_date",
    "vn_short_date",
    "vn_short_datetime",
]

PAGE_SIZES = {"A4": A4, "A5": A5}


def page_spec(page_size: str = "A4", *, is_landscape: bool = False) -> PageSpec:
    """Geometry for "A4" or "A5", portrait unless asked otherwise."""
    key = (page_size or "A4").strip().upper()
    if key not in PAGE_SIZES:
        raise ValueError(f"Khổ giấy không hỗ trợ: {page_size!r} (chỉ A4 hoặc A5)")
    size = PAGE_SIZES[key]
    if is_landscape:
        size = landscape(size)
    width, height = size
    if key == "A5":
        return PageSpec(width, height, 14 * mm, 12 * mm, 15 * mm, 10 * mm, 10)
    if is_landscape:
        return PageSpec(width, height, 15 * mm, 15 * mm, 15 * mm, 15 * mm, 10)
    return PageSpec(width, height, 20 * mm, 20 * mm, 25 * mm, 15 * mm, 13)


@cache
def styles(size: float, spacing: float = 1.0) -> dict[str, ParagraphStyle]:
    """Paragraph styles scaled from the body size (13 pt on A4); ``spacing`` scales the gaps
    (1 as the forms are usually set, 0 for a form tightened to fit its page)."""
    register_fonts()
    lead = size * (1.15 + 0.15 * spacing)
    gap = size * 0.25 * spacing
    small = size - 1
    base = ParagraphStyle("body", fontName=SERIF, fontSize=size, leading=lead, alignment=TA_LEFT)

    def derive(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "body": derive("body", spaceAfter=gap),
        "text": derive("text", alignment=TA_JUSTIFY, firstLineIndent=size * 2.2, spaceAfter=size * 0.35),
        "item": derive(
            "item",
            leftIndent=size * 2.2,
            bulletIndent=size * 0.4,
            bulletFontName=SERIF,
            bulletFontSize=size,
            spaceAfter=gap,
        ),
        "hdr_left": derive("hdr_left", fontSize=small, leading=small * 1.2, alignment=TA_CENTER),
        "hdr_unit": derive(
            "hdr_unit", fontName=SERIF_BOLD, fontSize=small, leading=small * 1.2, alignment=TA_CENTER
        ),
        "hdr_state": derive(
            "hdr_state", fontName=SERIF_BOLD, fontSize=small, leading=small * 1.2, alignment=TA_CENTER
        ),
        "hdr_motto": derive(
            "hdr_motto", fontName=SERIF_BOLD, fontSize=size, leading=size * 1.2, alignment=TA_CENTER
        ),
        "hdr_number": derive("hdr_number", alignment=TA_CENTER),
        "hdr_date": derive("hdr_date", fontName=SERIF_ITALIC, alignment=TA_CENTER),
        "title": derive(
            "title", fontName=SERIF_BOLD, fontSize=size + 1, leading=(size + 1) * 1.25, alignment=TA_CENTER
        ),
        "subtitle": derive("subtitle", fontName=SERIF_BOLD, alignment=TA_CENTER),
        "sig_title": derive("sig_title", fontName=SERIF_BOLD, alignment=TA_CENTER, leading=size * 1.2),
        "sig_note": derive(
            "sig_note", fontName=SERIF_ITALIC, fontSize=small, leading=small * 1.2, alignment=TA_CENTER
        ),
        "sig_name": derive("sig_name", fontName=SERIF_BOLD, alignment=TA_CENTER),
        "note": derive("note", fontSize=small, leading=small * 1.25, alignment=TA_JUSTIFY),
        "cell": derive("cell", fontSize=small, leading=small * 1.2),
        "cell_center": derive("cell_center", fontSize=small, leading=small * 1.2, alignment=TA_CENTER),
        "cell_head": derive(
            "cell_head", fontName=SERIF_BOLD, fontSize=small, leading=small * 1.2, alignment=TA_CENTER
        ),
        "right": derive("right", alignment=TA_RIGHT),
        "center": derive("center", alignment=TA_CENTER, spaceAfter=size * 0.5),
    }


def paragraph(text: str, style: str, spec: PageSpec) -> Paragraph:
    """A Paragraph of already escaped markup."""
    return Paragraph(text, styles(spec.font_size, spec.spacing)[style])


def _rule(width: float, thickness: float = 0.6) -> HRFlowable:
    return HRFlowable(
        width=width, thickness=thickness, color="black", hAlign="CENTER", spaceBefore=3, spaceAfter=6
    )


def number_line(number: str, template: str) -> str:
    """The "Số:" text: the number as given, or a blank followed by the form's letters exactly as
    the 2025 template prints them, e.g. "PBS-TTPVHCC (BPTNTKQ)" for the supplement request
    ("Số: …/PBS-TTPVHCC (BPTNTKQ)": the centre writes TTPVHCC, a reception unit BPTNTKQ)."""
    if number.strip():
        return f"Số: {markup(number)}"
    return f"Số: {DOTS}/{markup(template)}"


def header(settings: FormSettings, number_text: str, issued: date, spec: PageSpec) -> Table:
    """The two-column national header that opens every form."""
    st = styles(spec.font_size, spec.spacing)
    left_w = spec.frame_width * 0.42
    right_w = spec.frame_width - left_w
    motto = "Độc lập - Tự do - Hạnh phúc"
    motto_w = stringWidth(motto, SERIF_BOLD, spec.font_size)
    left = [
        Paragraph(markup(settings.governing_body.upper(), ""), st["hdr_left"]),
        Paragraph(markup(settings.unit_name.upper(), ""), st["hdr_unit"]),
        _rule(left_w * 0.35),
    ]
    right = [
        Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", st["hdr_state"]),
        Paragraph(motto, st["hdr_motto"]),
        _rule(motto_w),
    ]
    rows = [
        [left, right],
        [
            Paragraph(number_text, st["hdr_number"]),
            Paragraph(markup(vn_place_date(settings.place, issued)), st["hdr_date"]),
        ],
    ]
    table = Table(rows, colWidths=[left_w, right_w], hAlign="CENTER")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), SERIF),  # else empty cells pull in Helvetica
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 1),
                ("RIGHTPADDING", (0, 0), (-1, -1), 1),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def title(text: str, spec: PageSpec, subtitle: str = "", *, space: float = 1.6) -> list[Flowable]:
    """The bold centred form title, with an optional "Về việc …" line; ``space`` is the gap
    above it in body lines (half of it below)."""
    st = styles(spec.font_size, spec.spacing)
    out: list[Flowable] = [Spacer(1, spec.font_size * space), Paragraph(markup(text), st["title"])]
    if subtitle:
        out.append(Paragraph(markup(subtitle), st["subtitle"]))
    out.append(Spacer(1, spec.font_size * space / 2))
    return out


def field(label: str, value: str, spec: PageSpec, *, bold: bool = False, style: str = "body") -> Paragraph:
    """One labelled line, "Nhãn: giá trị", wrapping under itself."""
    shown = markup(value)
    if bold and shown != DOTS:
        shown = f"<b>{shown}</b>"
    return Paragraph(f"{markup(label)}: {shown}", styles(spec.font_size, spec.spacing)[style])


def field_pair(
    first: tuple[str, str],
    second: tuple[str, str],
    spec: PageSpec,
    *,
    split: float = 0.55,
    bold_first: bool = False,
) -> Table:
    """Two labelled values side by side, as the forms print phone and email."""
    w = spec.frame_width
    row = [[field(*first, spec, bold=bold_first), field(*second, spec)]]
    table = Table(row, colWidths=[w * split, w * (1 - split)], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), SERIF),  # else empty cells pull in Helvetica
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, 0), 6),
                ("RIGHTPADDING", (1, 0), (1, 0), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), spec.font_size * 0.25),
            ]
        )
    )
    return table


def numbered(items: Iterable[str], spec: PageSpec, *, start: int = 1) -> list[Paragraph]:
    """A numbered list with a hanging indent ("1. …", "2. …")."""
    st = styles(spec.font_size, spec.spacing)["item"]
    return [Paragraph(text, st, bulletText=f"{i}.") for i, text in enumerate(items, start=start)]


@dataclass(frozen=True)
class Signature:
    """One signature block: title, the "(Ký …)" note and the printed name."""

    title: str
    name: str = ""
    note: str = "(Ký và ghi rõ họ tên)"


def signatures(blocks: Sequence[Signature | None], spec: PageSpec, *, sign_space: float = 5.5) -> Flowable:
    """Signature blocks side by side; ``None`` leaves a column empty; ``sign_space`` is the
    room left to sign, in body lines.

    Kept together so that a title never ends a page without its name.
    """
    st = styles(spec.font_size, spec.spacing)
    cells: list[list[Flowable]] = []
    for block in blocks:
        if block is None:
            cells.append([])
            continue
        cells.append(
            [
                Paragraph(markup(block.title.upper(), ""), st["sig_title"]),
                Paragraph(markup(block.note, ""), st["sig_note"]),
                Spacer(1, spec.font_size * sign_space),
                Paragraph(markup(block.name, ""), st["sig_name"]),
            ]
        )
    width = spec.frame_width / max(len(cells), 1)
    table = Table([cells], colWidths=[width] * len(cells))
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), SERIF),  # else empty cells pull in Helvetica
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return KeepTogether([Spacer(1, spec.font_size * 0.8), table])
