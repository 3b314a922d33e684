"""Constants of the day-file format and the deterministic encodings it relies on.

Byte-identical re-export needs every encoding fixed: JSON with sorted keys and no spaces,
NFC text as UTF-8, zip entries with a fixed date, and dates as the portal writes them.
"""
from __future__ import annotations

import hashlib
import json
from datetime import date, datetime

from models.version import APP_VERSION  # noqa: F401  (written into every manifest)

FORMAT = "motcua-sync-day"
ACK_FORMAT = "motcua-sync-ack"
FILES_FORMAT = "motcua-sync-files"  # the companion file of electronic copies (sync.companion)
SCHEMA_VERSION = 2  # 2: digitisation and the companion file (docs/sync-format.md)
SUPPORTED_VERSIONS = (1, 2)

MANIFEST = "manifest.json"
DOSSIERS = "hoso.json"  # DongBoHoSoMC records
EVENTS = "tiendo.json"  # CapNhatTienDoHoSoMC records
ENCRYPTED_SUFFIX = ".enc"
RECORD_LISTS = {DOSSIERS: "HoSo", EVENTS: "TienDo"}

TIME_ZONE = "Asia/Ho_Chi_Minh"
PORTAL_DATETIME = "%Y%m%d%H%M%S"  # yyyyMMddHHmmss


def canonical_json(value) -> bytes:
    """Deterministic JSON: sorted keys, no spaces, UTF-8 (Vietnamese kept readable)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_SEPARATORS = str.maketrans("", "", "-: T")


def portal_datetime(value: datetime | str | None) -> str:
    """yyyyMMddHHmmss in the counter's local time (Asia/Ho_Chi_Minh); "" for no date.

    Also takes the text SQLite stores ("2026-03-02 09:30:00[.ffffff]"), which the export
    reads raw for speed.
    """
    if not value:
        return ""
    if isinstance(value, str):
        digits = value[:19].translate(_SEPARATORS)
        return digits + "0" * (14 - len(digits)) if digits.isdigit() else value
    return value.strftime(PORTAL_DATETIME)


def parse_portal_datetime(text: str) -> datetime | None:
    return datetime.strptime(text, PORTAL_DATETIME) if text else None


def vn_date(day: date) -> str:
    """Dates in messages as Vietnamese write them in tables: 02/03/2026."""
    return f"{day:%d/%m/%Y}"


def day_file_name(agency_code: str, day: date) -> str:
    """One file per agency per day: a newer revision replaces the older one in a folder."""
    return f"motcua-sync_{agency_code}_{day:%Y%m%d}.zip"


def files_file_name(agency_code: str, day: date, part: int = 1) -> str:
    """The companion file of a day's electronic copies; a second part and later get "-N"."""
    return f"motcua-files_{agency_code}_{day:%Y%m%d}" + (f"-{part}" if part > 1 else "") + ".zip"


def is_files_file(name: str) -> bool:
    return name.startswith("motcua-files_") and name.endswith(".zip")


def copy_path(sha256: str) -> str:
    """Where a copy lives in a content-addressed store, as the records name it."""
    return f"tep-dinh-kem/{sha256[:2]}/{sha256}.pdf"


def zip_date_time(day: date) -> tuple[int, int, int, int, int, int]:
    """The fixed timestamp of every zip entry: the day itself at midnight."""
    return (max(day.year, 1980), day.month, day.day, 0, 0, 0)
