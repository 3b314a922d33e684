"""Vietnamese wording of dates, counts and free text on the forms.

Administrative practice (Nghị định 30/2020/NĐ-CP, Phụ lục I): a day below 10
and the months January and February carry a leading zero, so that nobody can
add a digit by hand ("ngày 05 tháng 02"); months 3 to 12 are written as they
are ("tháng 3", "tháng 11").
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from xml.sax.saxutils import escape

DOTS = "…………"  # a blank to fill in by hand


def two_digits(n: int) -> str:
    """Counts on forms: 1 → "01", 12 → "12"."""
    return f"{n:02d}"


def _month(month: int) -> str:
    return f"{month:02d}" if month <= 2 else str(month)


def vn_date(d: date) -> str:
    """ "ngày 13 tháng 02 năm 2026", "ngày 05 tháng 3 năm 2026"."""
    return f"ngày {d.day:02d} tháng {_month(d.month)} năm {d.year}"


def capitalised(text: str) -> str:
    """First letter upper case, to open a sentence with a date."""
    return text[:1].upper() + text[1:]


def vn_datetime(dt: datetime) -> str:
    """ "09 giờ 30 phút, ngày 13 tháng 02 năm 2026"."""
    return f"{dt.hour:02d} giờ {dt.minute:02d} phút, {vn_date(dt)}"


def vn_place_date(place: str, d: date) -> str:
    """The date line under the motto: "Tam Đảo, ngày 13 tháng 02 năm 2026"."""
    place = nfc(place).strip()
    return f"{place}, {vn_date(d)}" if place else vn_date(d).capitalize()


def vn_short_date(d: date) -> str:
    """ "13/02/2026", for table cells."""
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def vn_short_datetime(dt: datetime) -> str:
    """ "09 giờ 30 phút, ngày 13/02/2026" (control sheet cells)."""
    return f"{dt.hour:02d} giờ {dt.minute:02d} phút, ngày {vn_short_date(dt)}"


def vn_compact_datetime(dt: datetime) -> str:
    """ "09:30 13/02/2026" (register cells, where space is short)."""
    return f"{dt.hour:02d}:{dt.minute:02d} {vn_short_date(dt)}"


def nfc(text: str) -> str:
    """Compose diacritics: input methods sometimes send decomposed text."""
    return unicodedata.normalize("NFC", text or "")


def markup(text: str, blank: str = DOTS) -> str:
    """Free text made safe for Paragraph markup; empty text becomes a blank."""
    text = nfc(text).strip()
    if not text:
        return blank
    return escape(text).replace("\n", "<br/>")


_UNIT_NAMES = {
    "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG": "Trung tâm Phục vụ hành chính công",
    "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ": "Bộ phận Tiếp nhận và Trả kết quả",
    "BỘ PHẬN MỘT CỬA": "Bộ phận Một cửa",
}


_LOWER_WORDS = {"xã", "phường", "đặc", "khu", "tỉnh", "thành", "phố"}
_PEOPLES_COMMITTEE = ("UBND ", "ỦY BAN NHÂN DÂN ", "UỶ BAN NHÂN DÂN ")


def _place_words(upper: str) -> str:
    """ "XÃ TAM ĐẢO" → "xã Tam Đảo"."""
    words = upper.title().split()
    return " ".join(w.lower() if w.lower() in _LOWER_WORDS else w for w in words)


def unit_in_sentence(unit_name: str, governing_body: str = "") -> str:
    """The unit's upper-case header name written inside a sentence.

    "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG" under "UBND XÃ TAM ĐẢO" becomes
    "Trung tâm Phục vụ hành chính công xã Tam Đảo".
    """
    name = " ".join(nfc(unit_name).split())
    body = " ".join(nfc(governing_body).split()).upper()
    for upper, sentence in _UNIT_NAMES.items():
        if name.upper().startswith(upper):
            rest = name[len(upper) :].strip()
            if not rest:
                for prefix in _PEOPLES_COMMITTEE:
                    if body.startswith(prefix):
                        rest = body[len(prefix) :]
            if rest.isupper():
                rest = _place_words(rest)
            return f"{sentence} {rest}".strip()
    if name.isupper():
        return name[:1] + name[1:].lower()
    return name


def unit_abbreviation(unit_name: str) -> str:
    """TTPVHCC for a service centre, BPTNTKQ for a reception unit."""
    return "TTPVHCC" if "TRUNG TÂM" in nfc(unit_name).upper() else "BPTNTKQ"
