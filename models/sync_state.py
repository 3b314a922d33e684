"""Storage for the day files (đồng bộ dữ liệu), and the services sync/ reads and writes it through:
the sync settings, the exports and their acknowledgements, and the floors a restore sets.

The tables live in the counter's database beside models.tables (same ``database`` proxy) and
are created by schema migrations 2 and 3 (models.migrations). The agency's signing key has its
own module, models.agency_key.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    CompositeKey,
    DateField,
    DateTimeField,
    IntegerField,
    TextField,
    fn,
)

from .audit import audit
from .dates import as_date
from .db import write_transaction
from .tables import BaseModel, Officer, SyncChange


class SyncKey(BaseModel):
    """The agency's Ed25519 signing key (khóa ký của cơ quan); one active row."""

    key_id = CharField(primary_key=True)  # first 16 hex digits of SHA-256(public key)
    algorithm = CharField(default="Ed25519")
    private_key = TextField()  # base64 of the raw 32-byte seed
    public_key = TextField()  # base64 of the raw 32-byte public key
    created_at = DateTimeField()
    active = BooleanField(default=True)


class SyncSetting(BaseModel):
    """Sync settings as JSON values: the province's public keys, the export folder."""

    key = CharField(primary_key=True)
    value = TextField()


class SyncExport(BaseModel):
    """One day file written (lần xuất): what it holds and whether the province received it."""

    id = AutoField()
    agency_code = CharField()
    day = DateField()
    revision = IntegerField()
    created_at = DateTimeField()
    path = TextField(default="")
    file_sha256 = CharField()
    content_digest = CharField()  # digest of everything but the revision (see sync.export)
    change_count = IntegerField()  # SyncChange rows of the day seen by this export
    last_seq = IntegerField(default=0)
    dossiers = IntegerField(default=0)
    events = IntegerField(default=0)
    set_aside = TextField(default="[]")  # JSON list of records left out, by name
    encrypted = BooleanField(default=False)
    acked_at = DateTimeField(null=True)
    ack_status = CharField(default="")  # applied | already_applied | superseded | refused
    ack_message = TextField(default="")
    ack_rejected = TextField(default="[]")  # records the province says it did not receive

    class Meta:
        indexes = ((("agency_code", "day", "revision"), True),)


class SyncRevisionFloor(BaseModel):
    """Set by a restore: the day's revisions already issued before it (the next is above)."""

    agency_code = CharField()
    day = DateField()
    revision = IntegerField()

    class Meta:
        primary_key = CompositeKey("agency_code", "day")


class SyncVersionFloor(BaseModel):
    """Set by a restore: added to a dossier's count of changes to make its PhienBan, so that
    the next change outranks every version the province may already hold."""

    dossier_uid = CharField(primary_key=True)
    version_offset = IntegerField()


SYNC_TABLES = [SyncKey, SyncSetting, SyncExport, SyncRevisionFloor, SyncVersionFloor]


# -- settings ------------------------------------------------------------------------------------
def sync_setting(key: str) -> object | None:
    """A sync setting's JSON value, or None when it is not set."""
    row = SyncSetting.get_or_none(SyncSetting.key == key)
    return json.loads(row.value) if row else None


def set_sync_setting(key: str, value: object) -> None:
    text = json.dumps(value, ensure_ascii=False)
    with write_transaction():
        SyncSetting.insert(key=key, value=text).on_conflict(
            conflict_target=[SyncSetting.key], update={SyncSetting.value: text}).execute()


def clear_sync_setting(key: str) -> None:
    with write_transaction():
        SyncSetting.delete().where(SyncSetting.key == key).execute()


# -- exports -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ExportRow:
    """A stored export (one revision of a day file) as plain data."""

    id: int
    agency_code: str
    day: date
    revision: int
    created_at: datetime
    path: str
    file_sha256: str
    content_digest: str
    change_count: int
    last_seq: int
    dossiers: int
    events: int
    set_aside: tuple[dict, ...]
    encrypted: bool
    acked_at: datetime | None
    ack_status: str
    ack_message: str
    ack_rejected: tuple[dict, ...]


def _row(r: SyncExport) -> ExportRow:
    return ExportRow(r.id, r.agency_code, as_date(r.day), r.revision, r.created_at, r.path,
                     r.file_sha256, r.content_digest, r.change_count, r.last_seq, r.dossiers,
                     r.events, tuple(json.loads(r.set_aside or "[]")), bool(r.encrypted),
                     r.acked_at, r.ack_status, r.ack_message,
                     tuple(json.loads(r.ack_rejected or "[]")))


def latest_export(agency: str, day: date) -> ExportRow | None:
    row = (SyncExport.select().where((SyncExport.agency_code == agency) & (SyncExport.day == day))
           .order_by(SyncExport.revision.desc()).first())
    return _row(row) if row else None


def latest_exports(agency: str) -> dict[date, ExportRow]:
    """The newest export of every day of the agency."""
    latest: dict[date, ExportRow] = {}
    for row in SyncExport.select().where(SyncExport.agency_code == agency) \
            .order_by(SyncExport.day, SyncExport.revision):
        latest[as_date(row.day)] = _row(row)
    return latest


def export_rows(agency: str, limit: int = 100) -> list[ExportRow]:
    """The latest exports first."""
    rows = (SyncExport.select().where(SyncExport.agency_code == agency)
            .order_by(SyncExport.day.desc(), SyncExport.revision.desc()).limit(limit))
    return [_row(r) for r in rows]


def find_export(agency: str, day: date, revision: int) -> ExportRow | None:
    row = SyncExport.get_or_none((SyncExport.agency_code == agency) & (SyncExport.day == day)
                                 & (SyncExport.revision == revision))
    return _row(row) if row else None


def revision_floor(agency: str, day: date) -> int:
    """The highest revision issued for the day before the last restore (0 when none)."""
    return SyncRevisionFloor.select(SyncRevisionFloor.revision).where(
        (SyncRevisionFloor.agency_code == agency) & (SyncRevisionFloor.day == day)).scalar() or 0


class ExportRaced(Exception):
    """Another export of the same day was recorded meanwhile: read the day again."""


def store_export(*, agency: str, day: date, expected_revision: int, revision: int, same: bool,
                 values: dict, write_file: Callable[[], None], actor: Officer) -> None:
    """Record an export in one transaction, and write its file inside it (so a file that
    cannot be written leaves nothing recorded).

    ``expected_revision`` is the latest revision the export read before its snapshot; if
    another export recorded a newer one since, ExportRaced. ``same``: the content equals the
    latest export's, whose row is only brought up to date (path, change count).
    """
    with write_transaction():
        current = latest_export(agency, day)
        if (current.revision if current else 0) != expected_revision:
            raise ExportRaced()
        if same:
            SyncExport.update(path=values["path"],
                              change_count=max(current.change_count, values["change_count"])) \
                .where(SyncExport.id == current.id).execute()
        else:
            SyncExport.create(**{**values, "agency_code": agency, "day": day, "revision": revision,
                                 "set_aside": json.dumps(values["set_aside"], ensure_ascii=False)})
            audit("sync.export", actor, "sync", day.isoformat(),
                  {"revision": revision, "dossiers": values["dossiers"]}, at=values["created_at"])
        write_file()


def mark_acknowledged(export_id: int, *, at: datetime, status: str, message: str,
                      rejected: list[dict]) -> None:
    """What the province's acknowledgement says of one export. Call inside a transaction."""
    SyncExport.update(acked_at=at, ack_status=status, ack_message=message,
                      ack_rejected=json.dumps(rejected, ensure_ascii=False)) \
        .where(SyncExport.id == export_id).execute()


# -- the change log --------------------------------------------------------------------------------
def change_counts() -> dict[date, int]:
    """How many changes each day has (by the time each change was written)."""
    day = fn.DATE(SyncChange.at)
    return {as_date(d): n for d, n in
            SyncChange.select(day, fn.COUNT(SyncChange.seq)).group_by(day).tuples()}
