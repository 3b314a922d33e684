"""The QR code's own mask choice (printing.qr) against reportlab's encoder."""

from __future__ import annotations

import pytest
import zxingcpp
from PIL import Image

from printing.qr import _bits, _candidates, _new_code, _penalty, qr_matrix

VALUES = [
    "H12.22.01-260213-0001",
    "000.00.24.H12-260213-12345",
    "https://dichvucong.example.gov.vn/tra-cuu?ma=000.00.06.H56-231027-0361",
    "https://dvc.example.vn/hs/" + "ABCDEFGHIJ.0123456789.KLMNOPQRST.UV-260213-99999",
]


@pytest.mark.parametrize("value", VALUES)
def test_derived_candidates_equal_the_encoders_placements(value: str) -> None:
    derived = _candidates(_new_code(value, "M"))
    for mask in range(8):
        qr = _new_code(value, "M")
        qr.makeImpl(True, mask)
        size = qr.moduleCount
        assert derived[mask] == [format(b, f"0{size}b") for b in _bits(qr.modules)], f"mask {mask}"


@pytest.mark.parametrize("value", VALUES)
def test_matrix_decodes_and_uses_the_best_mask(value: str) -> None:
    rows = qr_matrix(value)
    candidates = _candidates(_new_code(value, "M"))
    scores = [_penalty(candidate) for candidate in candidates]
    # The symbol is the lowest-penalty candidate plus its format bits (2 × 15) and dark module.
    diffs = [sum(a != b for ra, rb in zip(rows, cand) for a, b in zip(ra, rb)) for cand in candidates]
    assert diffs.index(min(diffs)) == scores.index(min(scores))
    assert min(diffs) <= 31
    scale, border = 4, 4
    size = len(rows)
    image = Image.new("L", ((size + 2 * border) * scale,) * 2, 255)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if cell == "1":
                x, y = (c + border) * scale, (r + border) * scale
                image.paste(0, (x, y, x + scale, y + scale))
    assert [r.text for r in zxingcpp.read_barcodes(image)] == [value]
