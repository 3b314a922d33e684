"""Vietnamese text helpers: NFC storage form and the folded search key."""
from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def clean(value: object) -> str:
    """NFC, trimmed, inner runs of white space collapsed to one space."""
    if value is None:
        return ""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", str(value))).strip()


def fold(value: str) -> str:
    """Search key: no diacritics, đ → d, lower case ("Nguyễn Thị Hằng" → "nguyen thi hang")."""
    text = unicodedata.normalize("NFD", clean(value).lower()).replace("đ", "d")
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", text)
