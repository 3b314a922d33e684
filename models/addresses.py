"""Addresses and the 2025 administrative units (34 provinces, 3,321 communes, no districts).

An address typed long ago, read from a chip ID card or kept from a citizen's last dossier is
one line of text, often naming units that the 2025 reorganisation merged away (a district,
"Tỉnh Vĩnh Phúc", a "thị trấn"). ``split_address`` takes what still matches a current unit of
the ``vietnam-provinces`` list into the province and commune pickers and leaves the rest as
text; an address naming a unit that no longer exists is kept whole and flagged, so that the
officer asks the citizen for today's commune instead of guessing (Quyết định 19/2025/QĐ-TTg;
DOMAIN §1, §6).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .identity import PROVINCE_CODES
from .text import fold

# Administrative words before a unit's name, folded, longest first.
_PROVINCE_WORDS = ("thanh pho truc thuoc trung uong", "thanh pho", "tinh", "tp.", "tp")
_COMMUNE_WORDS = ("dac khu", "phuong", "xa")
_GONE_WORDS = ("thi tran", "huyen", "quan", "thi xa")  # no such units since 1/7/2025
_SPACES = re.compile(r"[\s\-–]+")


@dataclass(frozen=True)
class AddressParts:
    """``detail`` is what stays in the free-text line; codes are vietnam-provinces codes."""

    detail: str
    province_code: int | None = None
    province: str = ""
    commune_code: int | None = None
    commune: str = ""
    outdated: str = ""  # the unit named that no longer exists (e.g. "Vĩnh Phúc"), else ""


def _bare(name: str, words: tuple[str, ...]) -> tuple[str, str]:
    """(administrative word, folded name without it): "Tỉnh Phú Thọ" → ("tinh", "phu tho")."""
    folded = _SPACES.sub(" ", fold(name)).strip()
    for word in words:
        if folded.startswith(word + " "):
            return word, folded[len(word) + 1:].strip()
        if word.endswith(".") and folded.startswith(word):
            return word, folded[len(word):].strip()
    return "", folded


@lru_cache(maxsize=1)
def provinces() -> list[tuple[str, int]]:
    """The 34 provinces and cities, (name, code), in folded alphabetical order."""
    from vietnam_provinces import Province

    return sorted(((p.name, int(p.code)) for p in Province.iter_all()), key=lambda x: fold(x[0]))


@lru_cache(maxsize=64)
def communes(province_code: int) -> list[tuple[str, int]]:
    """The communes, wards and special zones of one province, (name, code), alphabetical."""
    from vietnam_provinces import ProvinceCode, Ward

    return sorted(((w.name, int(w.code)) for w in Ward.iter_by_province(ProvinceCode(province_code))),
                  key=lambda x: fold(x[0]))


@lru_cache(maxsize=1)
def _province_index() -> dict[str, tuple[str, int]]:
    index = {_bare(name, _PROVINCE_WORDS)[1]: (name, code) for name, code in provinces()}
    index["hcm"] = index["ho chi minh"]
    return index


@lru_cache(maxsize=1)
def _former_provinces() -> frozenset[str]:
    """The 63 provinces before the merger that are not a province of today."""
    current = _province_index()
    return frozenset(bare for bare in (_bare(n, _PROVINCE_WORDS)[1] for n in PROVINCE_CODES.values())
                     if bare not in current)


@lru_cache(maxsize=64)
def _commune_index(province_code: int) -> dict[str, list[tuple[str, int, str]]]:
    """Folded bare name → [(name, code, administrative word)] (two units may share a name)."""
    index: dict[str, list[tuple[str, int, str]]] = {}
    for name, code in communes(province_code):
        word, bare = _bare(name, _COMMUNE_WORDS)
        index.setdefault(bare, []).append((name, code, word))
    return index


def split_address(text: str) -> AddressParts:
    """Read "<detail>, <commune>, <province>" against today's units.

    - the last part names a current province and the one before it one of its communes:
      both are taken, the rest stays as the detail line;
    - a current province and a part that is no current commune: the province is taken, the
      part stays in the detail, and is flagged when it names a commune-level unit ("Xã …",
      "Thị trấn …") or a district, which no longer exist;
    - a province that was merged away ("Vĩnh Phúc", "Thừa Thiên Huế"): nothing is taken, the
      address stays whole and is flagged;
    - anything else stays whole, unflagged (it may be a foreign or a partial address).
    """
    text = " ".join((text or "").split())
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts:
        return AddressParts("")
    _word, last = _bare(parts[-1], _PROVINCE_WORDS)
    if last in _former_provinces():
        return AddressParts(text, outdated=parts[-1])
    province = _province_index().get(last)
    if province is None:
        return AddressParts(text)
    name, code = province
    rest = parts[:-1]
    for part in rest:  # a district anywhere means the whole address predates the merger
        if _bare(part, _GONE_WORDS)[0] in ("huyen", "quan", "thi xa"):
            return AddressParts(", ".join(rest), code, name, outdated=part)
    if not rest:
        return AddressParts("", code, name)
    typed = rest[-1]
    gone, _ = _bare(typed, _GONE_WORDS)
    if gone:  # "Thị trấn …": towns became communes or wards in 2025
        return AddressParts(", ".join(rest), code, name, outdated=typed)
    word, bare = _bare(typed, _COMMUNE_WORDS)
    matches = _commune_index(code).get(bare, [])
    if word:
        matches = [m for m in matches if m[2] == word] or matches
    if len(matches) != 1:
        # Not a commune of today (or two of the same name): leave it for the officer.
        return AddressParts(", ".join(rest), code, name, outdated=typed if word and not matches else "")
    commune, commune_code, _ = matches[0]
    return AddressParts(", ".join(rest[:-1]), code, name, commune_code, commune)
