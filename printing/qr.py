"""QR code modules for the receipt, from reportlab's QR encoder.

reportlab's ``QrCodeWidget`` encoder is used as is, except for choosing the
mask: it places the data eight times and scores each placement in pure
Python, 10–15 ms for a lookup URL, more than laying out the whole receipt.
Here the data is placed once, the eight candidates are derived with integer
XORs, and the same ISO/IEC 18004 penalty rules are scored on rows held as
integers and strings, in about a sixth of the time.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.barcode.qrencoder import QRCode, QRUtil

_RUN = re.compile(r"0{5,}|1{5,}")
_FINDER_LIKE = re.compile(r"(?=00001011101|10111010000)")


def _penalty(rows: list[str]) -> int:
    """ISO/IEC 18004 §7.8.3 mask penalty: N1 = 3, N2 = 3, N3 = 40, N4 = 10."""
    n = len(rows)
    cols = ["".join(col) for col in zip(*rows)]
    score = 0
    for line in rows + cols:
        # N1: a run of 5 + i modules of one colour costs 3 + i.
        score += sum(len(m) - 2 for m in _RUN.findall(line))
        # N3: 1:1:3:1:1 with four light modules on one side (light border assumed).
        score += 40 * len(_FINDER_LIKE.findall("0000" + line + "0000"))
    # N2: each 2×2 block of one colour costs 3.
    bits = [int(row, 2) for row in rows]
    full = (1 << n) - 1
    pair = (1 << (n - 1)) - 1
    same_h = [~(b ^ (b >> 1)) & pair for b in bits]
    for r in range(n - 1):
        score += 3 * (same_h[r] & same_h[r + 1] & ~(bits[r] ^ bits[r + 1]) & full).bit_count()
    # N4: 10 per 5 % that the dark share strays from 50 %.
    dark = sum(b.bit_count() for b in bits)
    score += 10 * (abs(dark * 100 // (n * n) - 50) // 5)
    return score


def _bits(modules: list[list[bool]]) -> list[int]:
    return [int("".join("1" if cell else "0" for cell in row), 2) for row in modules]


@cache
def _mask_bits(size: int, mask: int) -> tuple[int, ...]:
    """Rows of the mask pattern as integers (bit size-1-col set where it flips)."""
    flips = QRUtil.getMask(mask)
    return tuple(sum(1 << (size - 1 - col) for col in range(size) if flips(row, col)) for row in range(size))


def _candidates(qr: QRCode) -> list[list[str]]:
    """The eight masked test placements of the data, as "0"/"1" rows.

    The data is placed once with mask 0; each other candidate is that
    placement with the data modules flipped where the masks differ (format
    bits stay light, as in the encoder's own test placement).
    """
    qr.makeImpl(True, 0)
    size = qr.moduleCount
    base = _bits(qr.modules)
    data = [0] * size
    for col, row in qr.dataPosIterator():
        data[row] |= 1 << (size - 1 - col)
    mask0 = _mask_bits(size, 0)
    return [
        [
            format(b ^ ((m0 ^ m) & d), f"0{size}b")
            for b, m0, m, d in zip(base, mask0, _mask_bits(size, mask), data)
        ]
        for mask in range(8)
    ]


def _new_code(value: str, level: str) -> QRCode:
    qr = QrCodeWidget(value, barLevel=level).qr
    if qr.version is None:
        qr.version = qr.calculate_version()
    return qr


@lru_cache(maxsize=32)
def qr_matrix(value: str, level: str = "M") -> tuple[str, ...]:
    """The QR symbol for ``value`` as rows of "0"/"1" (quiet zone excluded).

    Cached: both copies of a receipt, and a preview followed by a print,
    share one encoding.
    """
    qr = _new_code(value, level)
    scores = [_penalty(rows) for rows in _candidates(qr)]
    qr.makeImpl(False, scores.index(min(scores)))
    size = qr.moduleCount
    return tuple(format(b, f"0{size}b") for b in _bits(qr.modules))
