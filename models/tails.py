"""The reversed ends of a dossier's code, ID number and phone (table dossier_tail).

"The last digits" is the natural way to name a dossier at the counter: the receipt's code
ends in its day and sequence ("…-261201-0003"), a citizen remembers the end of a phone
number. A B-tree index finds a prefix quickly but not a suffix, so each value is stored
reversed and a suffix search becomes a prefix search.
"""
from __future__ import annotations


def code_tail(code: str) -> str:
    """The date-and-sequence part of a dossier code ("000.00.24.H12-261201-0003" → "261201-0003").

    Agency codes hold no hyphen (DOMAIN §2), so the tail is everything after the first one.
    """
    return code.split("-", 1)[1] if "-" in code else code


def reversed_tails(code: str, id_number: str, phone: str) -> list[str]:
    """The rows a dossier gets in dossier_tail (empty values are left out, duplicates once)."""
    values = [code_tail(code), id_number, phone]
    return sorted({v[::-1] for v in values if v})
