"""Option types shared by the commands: whole numbers within bounds, in ASCII digits.

argparse's ``type=int`` takes "1_000", " 12 ", Arabic-Indic or full-width digits and numbers
of any size (a --limit of 10**30 overflowed SQLite, a --working-days of 99999999 ran for
seconds); ``whole(low, high)`` takes plain digits within the range and answers anything else
in Vietnamese (exit 2).
"""
from __future__ import annotations

import argparse
import re

_WHOLE = re.compile(r"^-?[0-9]{1,19}$")
INT64_MAX = 2**63 - 1  # SQLite's integers


def whole(low: int, high: int):
    """An argparse type: an integer from ``low`` to ``high``."""
    def parse(text: str) -> int:
        value = text.strip()
        if not _WHOLE.match(value):
            raise argparse.ArgumentTypeError(f"“{text[:40]}” không phải số nguyên (chỉ gồm chữ số 0–9)")
        number = int(value)
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(f"phải từ {low} đến {high} (nhận được {value[:20]})")
        return number
    parse.__name__ = "số nguyên"
    return parse
