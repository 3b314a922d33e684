"""The dossier code printed as Code 128 and QR: decoded back at 200 dpi on
every copy, for both agency-code styles, 4- and 5-digit sequences and the
longest code allowed."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm

from printing import FormSettings, ReceiptData, render_control_sheet, render_receipt
from printing.barcodes import (
    MIN_MODULE,
    PAGE_EDGE,
    QUIET_MODULES,
    DossierCodeBlock,
    code128_modules,
    is_dossier_code,
    qr_payload,
)
from printing.layout import page_spec

LONGEST = f"{'ABCDEFGHIJ.0123456789.KLMNOPQRST.UVW'[:35]}-260213-99999"

CODES = [
    "000.00.06.H56-231027-0361",  # QCVN 102:2016 style, 4-digit sequence
    "000.00.24.H12-260213-12345",  # 5-digit sequence
    "H12.22.01-260213-0001",  # QĐ 20/2020 style
    "H12.22.01-260213-12345",
    LONGEST,  # 35-character agency code
]


def test_longest_code_is_valid_and_48_chars() -> None:
    assert len(LONGEST.split("-")[0]) == 35
    assert len(LONGEST) == 48
    assert all(is_dossier_code(code) for code in CODES)


@pytest.mark.parametrize(
    "code",
    ["H12.22.01-260213-123", "h12.22.01-260213-0001", "H12..22-260213-0001", "H12.22.01-2602131-0001", ""],
)
def test_invalid_codes(code: str) -> None:
    assert not is_dossier_code(code)


def test_non_ascii_code_is_refused() -> None:
    with pytest.raises(ValueError):
        code128_modules("MÃ-260213-0001")


def test_qr_payload() -> None:
    assert qr_payload("H12-260213-0001") == "H12-260213-0001"
    assert (
        qr_payload("H12-260213-0001", "https://x.vn/tra-cuu?ma={code}")
        == "https://x.vn/tra-cuu?ma=H12-260213-0001"
    )


@pytest.mark.parametrize("code", CODES)
def test_receipt_barcodes_scan_on_every_copy(
    code: str, receipt: ReceiptData, settings: FormSettings, probe
) -> None:
    pdf = render_receipt(dataclasses.replace(receipt, code=code), settings)
    pages = probe.barcodes(pdf)
    assert len(pages) == settings.receipt_copies
    for found in pages:
        assert [r.text for r in found["code128"]] == [code]
        assert [r.text for r in found["qr"]] == [qr_payload(code, settings.lookup_url)]


@pytest.mark.parametrize("code", [CODES[0], CODES[3], LONGEST])
def test_a5_receipt_barcodes_scan(code: str, receipt: ReceiptData, settings: FormSettings, probe) -> None:
    a5 = dataclasses.replace(settings, page_size="A5", lookup_url="")
    pdf = render_receipt(dataclasses.replace(receipt, code=code), a5)
    pages = probe.barcodes(pdf)
    # A copy may take two A5 pages; the barcode is on the first page of each.
    first_pages = [found for found in pages if found["code128"]]
    assert len(first_pages) == a5.receipt_copies
    for found in first_pages:
        assert [r.text for r in found["code128"]] == [code]
        assert [r.text for r in found["qr"]] == [code]


def test_control_sheet_barcode_scans(control, settings: FormSettings, probe) -> None:
    pages = probe.barcodes(render_control_sheet(control, settings))
    assert [r.text for r in pages[0]["code128"]] == [control.code]


def _module_width(code: str, page_size: str, with_qr: bool = True) -> DossierCodeBlock:
    spec = page_spec(page_size)
    block = DossierCodeBlock(
        code, code if with_qr else None, font_size=spec.font_size, page_width=spec.width, frame_left=spec.left
    )
    block.wrap(spec.frame_width, 500)
    return block


@pytest.mark.parametrize("code", CODES)
def test_modules_at_least_0_3_mm_on_a4(code: str) -> None:
    block = _module_width(code, "A4")
    assert block.module >= MIN_MODULE - 1e-9
    span = (len(block.pattern) + 2 * QUIET_MODULES) * block.module
    assert span <= A4[0] - 2 * PAGE_EDGE


def test_longest_code_on_a5_uses_the_paper_width() -> None:
    block = _module_width(LONGEST, "A5")
    span = (len(block.pattern) + 2 * QUIET_MODULES) * block.module
    assert span <= A5[0] - 2 * PAGE_EDGE + 1e-6
    assert block.module >= 0.24 * mm


agency_group = st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=6)


@st.composite
def dossier_codes(draw: st.DrawFn) -> str:
    groups = draw(st.lists(agency_group, min_size=1, max_size=6))
    agency = ".".join(groups)[:35].strip(".")
    assert agency
    day = draw(st.integers(min_value=0, max_value=999999))
    seq = draw(st.integers(min_value=0, max_value=99999))
    return f"{agency}-{day:06d}-{seq:04d}"


@given(dossier_codes())
@hyp_settings(max_examples=200, deadline=None)
def test_any_valid_code_fits_a4_at_0_3_mm(code: str) -> None:
    assert is_dossier_code(code)
    block = _module_width(code, "A4")
    assert block.module >= MIN_MODULE - 1e-9
    assert (len(block.pattern) + 2 * QUIET_MODULES) * block.module <= A4[0] - 2 * PAGE_EDGE


def test_quiet_zones_are_white(receipt: ReceiptData, settings: FormSettings, probe) -> None:
    """At least 10 modules of white paper on each side of the bars."""
    import zxingcpp
    from PIL import Image

    pdf = render_receipt(dataclasses.replace(receipt, code=LONGEST), settings)
    page = probe.rasterise(pdf, dpi=200)[0]
    with Image.open(page) as image:
        gray = image.convert("L")
        (hit,) = [r for r in zxingcpp.read_barcodes(gray) if r.format == zxingcpp.BarcodeFormat.Code128]
        pos = hit.position
        y = (pos.top_left.y + pos.bottom_left.y) // 2
        row = [gray.getpixel((x, y)) for x in range(gray.width)]
    dark = [x for x, v in enumerate(row) if v < 128]
    first, last = dark[0], dark[-1]
    quiet_px = int(QUIET_MODULES * MIN_MODULE / 72 * 200)
    assert first >= quiet_px and last + quiet_px < len(row)
    # One pixel either side may be grey: a bar edge rarely falls on a pixel edge.
    assert min(row[first - quiet_px : first - 1]) > 200
    assert min(row[last + 2 : last + 1 + quiet_px]) > 200
