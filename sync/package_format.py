"""Constants and checks of the province package (gói dữ liệu của tỉnh), the way back down.

The package reuses the day file's machinery: the same signed zip container (sync.container),
the same member encryption (sync.crypto, here to the commune's key) and the same compiled
JSON Schema checks (sync.schema) over resources/schemas/province-package-v1.schema.json.
docs/sync-format.md describes the format.
"""
from __future__ import annotations

from datetime import datetime
from functools import cache

from .schema import SCHEMAS, Validator, load_schema

PACKAGE_FORMAT = "motcua-province-package"
PACKAGE_ACK_FORMAT = "motcua-package-ack"
PACKAGE_SCHEMA_VERSION = 1
SUPPORTED_PACKAGE_VERSIONS = (1,)
PACKAGE_SCHEMA = SCHEMAS / "province-package-v1.schema.json"
PACKAGE_ACK_SCHEMA = SCHEMAS / "package-ack-v1.schema.json"

CATALOG = "catalog.json"
CALENDAR = "calendar.json"
ONLINE = "online.json"
UPDATES = "updates.json"
# member → (kind, the member document's schema definition); in this order in the zip
MEMBERS = {CATALOG: "catalog", CALENDAR: "calendar", ONLINE: "online", UPDATES: "updates"}
MEMBER_DOCS = {"catalog": "catalogMember", "calendar": "calendarMember", "online": "onlineMember",
               "updates": "updatesMember"}
# Members with personal data are always encrypted to the commune's key.
PERSONAL = frozenset({ONLINE, UPDATES})


def package_file_name(agency_code: str, created_at: datetime) -> str:
    return f"motcua-province_{agency_code}_{created_at:%Y%m%d%H%M%S}.zip"


def package_glob(agency_code: str | None = None) -> str:
    return f"motcua-province_{agency_code or '*'}_*.zip"


def package_ack_file_name(agency_code: str) -> str:
    """One file per agency, replaced at each export: it always holds the whole current state."""
    return f"motcua-package-ack_{agency_code}.json"


def member_header(agency_code: str, sequence: int, member: str) -> dict:
    return {"format": PACKAGE_FORMAT, "schema_version": PACKAGE_SCHEMA_VERSION,
            "agency_code": agency_code, "sequence": sequence, "member": member}


@cache
def package_validator(definition: str) -> Validator:
    return Validator(load_schema(str(PACKAGE_SCHEMA)), definition)


@cache
def package_ack_validator() -> Validator:
    return Validator(load_schema(str(PACKAGE_ACK_SCHEMA)), "ack")
