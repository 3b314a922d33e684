"""Writing a day file (xuất tệp đồng bộ theo ngày).

Nothing missed: the file holds every SyncChange of the day visible when the export's snapshot
was taken, and the export records how many that was. A change committed later (during or
after the export) makes the day's count larger than the recorded one, so the day shows again
in pending_days and the next export writes the next revision: a change lands in this file or
a later revision, never nowhere.

Nothing twice, and byte-identical: the revision number goes up only when the content changes.
Re-exporting an unchanged day finds the same content digest and writes the same revision,
byte for byte (deterministic JSON, zip, signature and encryption).
"""
from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from peewee import IntegrityError

from models.audit import now as clock
from models.errors import MotCuaError
from models.highwater import note_export
from models.office_jobs import JobBusy, office_job
from models.paths import data_dir
from models.permissions import require
from models.private_files import private_dir
from models.settings import require_settings
from models.sync_state import (
    ExportRaced,
    latest_export,
    revision_floor,
    set_sync_setting,
    store_export,
    sync_setting,
)

from .container import write_container
from .crypto import SCHEME, encrypt_member
from .files import write_atomically
from .format import (
    APP_VERSION,
    DOSSIERS,
    ENCRYPTED_SUFFIX,
    EVENTS,
    FORMAT,
    MANIFEST,
    RECORD_LISTS,
    SCHEMA_VERSION,
    TIME_ZONE,
    canonical_json,
    day_file_name,
    sha256_hex,
)
from .history import closing_time, days_needing_export
from .keys import AgencyKey, ProvincePublicKey, agency_signing_key, province_public_key
from .package_ack import write_package_ack
from .records import DaySnapshot, read_day

EXPORT_DIR_SETTING = "export_dir"


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote; ``set_aside`` names records left out (kind, uid, MaHoSo, reason)."""

    path: Path
    day: date
    revision: int
    dossiers: int
    events: int
    set_aside: tuple[dict, ...] = field(default=())
    encrypted: bool = False
    new_revision: bool = True
    sha256: str = ""
    # What the records lack that the province expects (a field's code, an officer's title),
    # in Vietnamese for the officer: sync.records.DaySnapshot.warnings.
    warnings: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict:
        return {"path": str(self.path), "day": self.day.isoformat(), "revision": self.revision,
                "dossiers": self.dossiers, "events": self.events, "set_aside": list(self.set_aside),
                "encrypted": self.encrypted, "new_revision": self.new_revision, "sha256": self.sha256,
                "warnings": list(self.warnings)}


def default_export_dir() -> Path:
    """The configured export folder, else "dong-bo" in the user's data folder."""
    configured = sync_setting(EXPORT_DIR_SETTING)
    return Path(configured) if isinstance(configured, str) and configured else data_dir() / "dong-bo"


def set_export_dir(path: str | Path) -> None:
    set_sync_setting(EXPORT_DIR_SETTING, str(Path(path).expanduser()))


def _header(agency: str, day: date, revision: int, member: str) -> dict:
    return {"format": FORMAT, "schema_version": SCHEMA_VERSION, "agency_code": agency,
            "day": day.isoformat(), "revision": revision, "member": member}


def _content_digest(agency: str, snapshot: DaySnapshot, payloads: dict[str, bytes],
                    key: AgencyKey, province: ProvincePublicKey | None, files: dict | None = None) -> str:
    """Everything the file says except its revision: equal digests mean an unchanged day."""
    return sha256_hex(canonical_json({
        "files": files,
        "schema_version": SCHEMA_VERSION, "agency_code": agency, "day": snapshot.day.isoformat(),
        "app_version": APP_VERSION, "signer": key.key_id,
        "recipient": province.key_id if province else None,
        "payloads": {name: sha256_hex(data) for name, data in payloads.items()},
        "set_aside": snapshot.set_aside,
    }))


def record_payloads(snapshot: DaySnapshot) -> dict[str, bytes]:
    """Each record list as canonical JSON, encoded once (it is most of the export's work)."""
    return {DOSSIERS: canonical_json(snapshot.dossiers), EVENTS: canonical_json(snapshot.events)}


def _member_document(kind: str, header: dict, records_json: bytes) -> bytes:
    """canonical_json({"header": header, kind: records}) without encoding the records again.

    Sorted keys put "HoSo"/"TienDo" before "header" (capitals sort first).
    """
    assert kind < "header"
    return b'{"' + kind.encode() + b'":' + records_json + b',"header":' + canonical_json(header) + b"}"


def build_day_file(agency: str, snapshot: DaySnapshot, revision: int, key: AgencyKey,
                   province: ProvincePublicKey | None, payloads: dict[str, bytes] | None = None,
                   files: dict | None = None) -> bytes:
    """The signed zip: manifest first, then the two record members. ``files``: the companion
    parts of the day's copies ({count, bytes, parts}, sync.companion), or None."""
    payloads = payloads or record_payloads(snapshot)
    members: list[tuple[str, bytes]] = []
    listing: dict[str, dict] = {}
    for logical, records in ((DOSSIERS, snapshot.dossiers), (EVENTS, snapshot.events)):
        kind = RECORD_LISTS[logical]
        header = _header(agency, snapshot.day, revision, logical)
        data = _member_document(kind, header, payloads[logical])
        name = logical
        if province is not None:
            data = encrypt_member(data, header, province.encryption_raw, key.seed)
            name = logical + ENCRYPTED_SUFFIX
        members.append((name, data))
        listing[name] = {"records": kind, "count": len(records), "sha256": sha256_hex(data),
                         "size": len(data), "encrypted": province is not None}
    manifest = {
        "format": FORMAT, "schema_version": SCHEMA_VERSION, "agency_code": agency,
        "day": snapshot.day.isoformat(), "revision": revision, "app_version": APP_VERSION,
        "time_zone": TIME_ZONE,
        "changes": {"count": snapshot.change_count, "last_seq": snapshot.last_seq},
        "counts": {"HoSo": len(snapshot.dossiers), "TienDo": len(snapshot.events),
                   "set_aside": len(snapshot.set_aside)},
        "members": listing,
        "encryption": {"scheme": SCHEME, "recipient_key_id": province.key_id} if province else None,
        "signer": key.signer(), "set_aside": snapshot.set_aside, "files": files,
    }
    stored = frozenset(name for name, _ in members if name.endswith(ENCRYPTED_SUFFIX))
    return write_container([(MANIFEST, canonical_json(manifest))] + members, key.sign, snapshot.day,
                           stored)


def _write_day_file(target: Path, data: bytes) -> None:
    """The day file, whole or not at all, owner-only (an unencrypted day file holds citizens'
    data; mkstemp creates it 0600 and the rename keeps that)."""
    if target.parent == data_dir() / "dong-bo":
        private_dir(target.parent)
    write_atomically(target, data)


def _write_companion(folder: Path, agency: str, snapshot: DaySnapshot, key: AgencyKey,
                     province: ProvincePublicKey | None) -> dict | None:
    """The day's electronic copies into their companion file(s) beside the day file, written
    before it (a day file never names a part that is not there); their listing for the
    manifest, or None when the day attached no copy."""
    if not snapshot.new_copies:
        return None
    from models.attachment_store import current_store

    from .companion import build_parts, write_parts

    parts = build_parts(agency, snapshot.day, snapshot.new_copies, current_store(), key, province)
    if folder == data_dir() / "dong-bo":
        private_dir(folder)
    folder.mkdir(parents=True, exist_ok=True)
    write_parts(folder, parts)
    return {"count": len(snapshot.new_copies), "bytes": sum(snapshot.new_copies.values()),
            "parts": [p.entry() for p in parts]}


# Exports in one app (the closing-time export and an officer's click) take turns; exports
# from several counters sharing a database are reconciled by the retry in run_export.
_EXPORT_LOCK = threading.RLock()
_ATTEMPTS = 8


def run_export(day: date, out_dir: str | Path | None = None, *, by,
               now: datetime | None = None, wait: bool = True) -> ExportResult:
    """Export ``day`` into ``out_dir`` (default: the export folder) and record it, as the
    signed-in ``by`` (any role: carrying the day's work out is everyone's job).

    On the Centre's server the export of an agency's day is an office-wide job
    (models.office_jobs): one counter at a time; ``wait=False`` raises JobBusy at once when
    another counter is exporting that day (the automatic run leaves it to that counter).
    """
    actor = require(by, "sync.export", entity="sync", entity_id=day.isoformat())
    with _EXPORT_LOCK, office_job(_job_name(day), wait=wait):
        return _export_and_ack(day, out_dir, actor=actor, now=now)


def _job_name(day: date) -> str:
    return f"export:{require_settings().agency_code}:{day.isoformat()}"


def _export_and_ack(day: date, out_dir: str | Path | None, *, actor, now: datetime | None) -> ExportResult:
    result = _run_export(day, out_dir, actor=actor, now=now)
    # The province's packages, acknowledged beside the day file (sync.package_ack).
    write_package_ack(result.path.parent, now=now)
    return result


def _run_export(day: date, out_dir: str | Path | None = None, *, actor,
                now: datetime | None = None) -> ExportResult:
    """Export ``day`` into ``out_dir`` (default: the export folder) and record it.

    Two exports of one day at once (two counters, or the closing-time export and a click)
    are serialised by the write transaction: the one that finds a newer revision recorded
    meanwhile starts again from a fresh snapshot, so a revision never goes back in time.
    """
    now = now or clock()
    settings = require_settings()
    agency = settings.agency_code
    key = agency_signing_key(now)
    province = province_public_key()
    target = Path(out_dir if out_dir is not None else default_export_dir()).expanduser() \
        / day_file_name(agency, day)
    for attempt in range(_ATTEMPTS):
        if attempt:  # another counter won the race: let it finish before reading again
            time.sleep(random.uniform(0.01, 0.05) * attempt)
        # The latest export is read before the snapshot: if it is still the latest at commit
        # time, this snapshot is at least as new as the one it holds.
        latest = latest_export(agency, day)
        floor = revision_floor(agency, day)  # revisions issued before a restore (models.restore)
        snapshot = read_day(day, agency_name=settings.governing_body)
        payloads = record_payloads(snapshot)
        files = _write_companion(target.parent, agency, snapshot, key, province)
        digest = _content_digest(agency, snapshot, payloads, key, province, files)
        same = latest is not None and latest.content_digest == digest and latest.revision >= floor
        revision = latest.revision if same else max(latest.revision if latest else 0, floor) + 1
        data = build_day_file(agency, snapshot, revision, key, province, payloads, files)
        file_sha = sha256_hex(data)
        try:
            store_export(
                agency=agency, day=day, expected_revision=latest.revision if latest else 0,
                revision=revision, same=same, write_file=lambda data=data: _write_day_file(target, data),
                values=dict(created_at=now, path=str(target), file_sha256=file_sha,
                            content_digest=digest, change_count=snapshot.change_count,
                            last_seq=snapshot.last_seq, dossiers=len(snapshot.dossiers),
                            events=len(snapshot.events), set_aside=snapshot.set_aside,
                            encrypted=province is not None),
                actor=actor)
        except (ExportRaced, IntegrityError):
            continue  # another export of the same day was recorded meanwhile: start again
        if not same:
            note_export(agency, day, revision, snapshot.versions_since(latest.last_seq if latest else 0), now)
        return ExportResult(target, day, revision, len(snapshot.dossiers), len(snapshot.events),
                            tuple(snapshot.set_aside), province is not None, not same, file_sha,
                            tuple(snapshot.warnings))
    raise MotCuaError(f"Không xuất được tệp ngày {day:%d/%m/%Y}: nhiều lần xuất cùng lúc. Hãy thử lại.")


def export_day(day: date, out_dir: str | Path | None = None, *, by,
               now: datetime | None = None) -> Path:
    """Export one day and return the file's path (see run_export for the details)."""
    return run_export(day, out_dir, by=by, now=now).path


def export_if_due(now: datetime | None = None, out_dir: str | Path | None = None, *, by,
                  closing: bool = False) -> list[ExportResult]:
    """Export what is due: every past day with changes not yet in a file, and today once the
    office has closed (or the app is closing, ``closing=True``). Returns what was written."""
    now = now or clock()
    include_today = closing or now.time() >= closing_time()
    actor = require(by, "sync.export", entity="sync", entity_id=now.date().isoformat())
    results = []
    for day in days_needing_export(now.date(), include_today=include_today):
        try:
            with _EXPORT_LOCK, office_job(_job_name(day), wait=False):
                # Asked again under the lock: another counter may have just exported it.
                if day in days_needing_export(now.date(), include_today=include_today):
                    results.append(_export_and_ack(day, out_dir, actor=actor, now=now))
        except JobBusy:
            continue  # another counter of the Centre is exporting this day right now
    return results
