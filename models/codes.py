"""Dossier codes (mã hồ sơ): ``<agency code>-<YYMMDD>-<sequence>`` (DOMAIN §2).

Thông tư 04/2025/TT-VPCP Điều 23 (khoản 3 Điều 13 TT 03/2025): the day's sequence has at
least four digits and grows past 9999. Codes never repeat: the counter row is bumped in the
same transaction that writes the dossier, so a rolled-back intake gives its number back.
"""
from __future__ import annotations

import re
from datetime import datetime

from .errors import ValidationError
from .tables import CodeCounter

AGENCY_CODE_MAX = 35
AGENCY_CODE = re.compile(r"^[0-9A-Z]+(\.[0-9A-Z]+)*$")
DOSSIER_CODE = re.compile(r"^[0-9A-Z]+(\.[0-9A-Z]+)*-\d{6}-\d{4,}$")


def validate_agency_code(raw: str) -> str:
    """Accepts both styles, ``000.00.24.H12`` (QCVN 102:2016) and ``H12.22.01`` (QĐ 20/2020)."""
    code = (raw or "").strip().upper()
    if not code:
        raise ValidationError({"agency_code": "Chưa nhập mã định danh của cơ quan."})
    if len(code) > AGENCY_CODE_MAX or not AGENCY_CODE.match(code):
        raise ValidationError(
            {"agency_code": "Mã định danh cơ quan không hợp lệ: gồm các nhóm chữ in hoa và số "
             f"nối bằng dấu chấm, tối đa {AGENCY_CODE_MAX} ký tự (ví dụ 000.00.24.H12 hoặc H12.22.01)."}
        )
    return code


def normalise_dossier_code(raw: str) -> str:
    """What a scanner or a hurried officer types → the stored form (upper case, no spaces)."""
    return re.sub(r"\s+", "", raw or "").upper()


def is_dossier_code(text: str) -> bool:
    return bool(DOSSIER_CODE.match(normalise_dossier_code(text)))


def format_code(agency_code: str, day: datetime, sequence: int) -> str:
    return f"{agency_code}-{day:%y%m%d}-{sequence:04d}"


def next_in_sequence(agency_code: str, key: str) -> int:
    """Bump and return a counter of the agency (a day "YYMMDD", a register year "Y2026").

    Call inside the writing transaction: the upsert locks the counter row until commit, on
    SQLite and PostgreSQL alike, and a rollback gives the number back.
    """
    CodeCounter.insert(agency_code=agency_code, day=key, last=1).on_conflict(
        conflict_target=[CodeCounter.agency_code, CodeCounter.day],
        update={CodeCounter.last: CodeCounter.last + 1},
    ).execute()
    return CodeCounter.select(CodeCounter.last).where(
        (CodeCounter.agency_code == agency_code) & (CodeCounter.day == key)).scalar()


def allocate_code(agency_code: str, received_at: datetime) -> str:
    """Take the next code of the reception day. Call inside the dossier's write transaction."""
    return format_code(agency_code, received_at, next_in_sequence(agency_code, f"{received_at:%y%m%d}"))
