"""The QR code on a chip ID card (CCCD gắn chip), as a 2D scanner types it.

One line, fields separated by '|': ID number, old ID (CMND, may be empty), full name, birth
date ddmmyyyy, sex, permanent address, issue date ddmmyyyy (newer cards append more fields).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ChipIdentity:
    id_number: str
    old_id_number: str
    name: str
    birth_date: date | None
    sex: str
    address: str
    issued_on: date | None


def _ddmmyyyy(text: str) -> date | None:
    text = text.strip()
    if len(text) != 8 or not text.isdigit():
        return None
    try:
        return date(int(text[4:]), int(text[2:4]), int(text[:2]))
    except ValueError:
        return None


def looks_like_chip_qr(text: str) -> bool:
    return text.count("|") >= 5


def parse_chip_qr(text: str) -> ChipIdentity | None:
    """The card's fields, or None when the line is not a chip ID QR payload."""
    if not looks_like_chip_qr(text):
        return None
    parts = [p.strip() for p in text.strip().split("|")]
    parts += [""] * (7 - len(parts))
    id_number = "".join(ch for ch in parts[0] if ch.isdigit())
    if len(id_number) != 12:
        return None
    return ChipIdentity(id_number, parts[1], " ".join(parts[2].split()), _ddmmyyyy(parts[3]),
                        parts[4], " ".join(parts[5].split()), _ddmmyyyy(parts[6]))
