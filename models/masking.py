"""Personal data shown in public (the notice board, the lookup kiosk): names shortened, numbers
hidden.

A citizen's name keeps the family name and the initials of the rest, as centres post their
lists ("Nguyễn Thị Hằng" → "Nguyễn T. H."): the person recognises their dossier, a passer-by
learns little. An organisation's name is not personal data and stays whole. ID numbers, phone
numbers and addresses are never shown; free text written by officers (a reason for lateness)
loses any run of digits long enough to be one of those numbers.
"""
from __future__ import annotations

import re

from .text import clean

# 8 or more digits, possibly grouped by spaces, dots or dashes: a phone or an ID number.
_LONG_NUMBER = re.compile(r"(?<!\d)\d(?:[ .\-]?\d){7,}(?!\d)")


def mask_name(name: str, kind: int = 1) -> str:
    """ "Nguyễn Thị Hằng" → "Nguyễn T. H."; an organisation (kind 2) is left as it is."""
    name = clean(name)
    if kind == 2 or not name:
        return name
    words = name.split(" ")
    if len(words) == 1:
        return words[0][:1].upper() + "."
    return " ".join([words[0]] + [w[:1].upper() + "." for w in words[1:]])


def scrub_numbers(text: str) -> str:
    """Free text with every long run of digits (phone, ID number) replaced by "…"."""
    return _LONG_NUMBER.sub("…", clean(text))


__all__ = ["mask_name", "scrub_numbers"]
