"""Vietnamese text helpers: NFC storage form, the folded search key, and the check every typed
text goes through (length, and no invisible or control characters)."""
from __future__ import annotations

import re
import unicodedata

from .errors import ValidationError

_SPACES = re.compile(r"\s+")
# Control characters, format characters (bidi overrides and isolates, zero-width spaces and
# joiners, the byte-order mark, soft hyphens), lone surrogates and line/paragraph separators:
# invisible on screen and on paper, they make two names that look the same differ, reorder
# what a receipt shows (bidi), or cannot be written as UTF-8 at all (surrogates).
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


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


def has_hidden_characters(text: str) -> bool:
    """True if ``text`` holds a control, format (bidi, zero-width) or surrogate character."""
    if text.isascii():
        return any(ch < " " or ch == "\x7f" for ch in text)
    return any(unicodedata.category(ch) in _HIDDEN_CATEGORIES for ch in text)


def checked_text(value: object, field: str, label: str, max_length: int, *,
                 required: bool = False) -> str:
    """``value`` cleaned (see ``clean``), or ValidationError naming the field: empty when
    required, longer than ``max_length`` characters, or holding hidden characters."""
    if value is not None and not isinstance(value, (str, int)) or isinstance(value, bool):
        raise ValidationError({field: f"{label} phải là văn bản."})
    text = clean(value)
    if required and not text:
        raise ValidationError({field: f"{label} không được để trống."})
    if len(text) > max_length:
        raise ValidationError({field: f"{label} dài quá {max_length} ký tự."})
    if has_hidden_characters(text):
        raise ValidationError({field: f"{label} chứa ký tự điều khiển hoặc ký tự ẩn (như ký tự đảo "
                                      "chiều, ký tự độ rộng 0); hãy gõ lại."})
    return text
