"""Restoring the counter from a backup (khôi phục từ bản sao lưu), never going back in time.

A backup is older than the work done since: codes were printed on receipts, day files went
to the province, dossiers moved on. So a restore:

1. refuses a damaged backup (``PRAGMA integrity_check``), one of another agency or of a newer
   schema, and the database file itself;
2. keeps the database it replaces: a sound one is copied to the backup folder first
   ("motcua-truoc-khoi-phuc_…"), a damaged one is renamed aside (``….hong-<time>``), never
   deleted;
3. gathers everything ever issued: the high-water record beside the database
   (models.highwater), the database being replaced when it can still be read, and the day
   files found in the sync folders (a witness the caller reads, see sync.witness);
4. copies the backup into place (SQLite's backup API: other connections see it at once) and
   raises, in one transaction, the code and register counters, the day-file revisions and the
   dossiers' versions (PhienBan) above everything issued, so nothing is issued twice and the
   province never sees an older state win;
5. says what must be done again: dossiers received after the backup (they are not in it:
   re-enter them; their codes are never reused) and dossiers whose later steps are lost.

Restoring the same file twice equals restoring it once: every step takes a maximum.
Only an administrator restores (action "backup.restore"); when the database cannot be opened
at all, nobody can sign in to it, and the restore is allowed to whoever runs it.
"""
from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from peewee import fn

from . import highwater
from .attachment_backup import copies_from_backup
from .audit import audit
from .audit import now as clock
from .backup import (
    SAFETY_PREFIX,
    SUFFIX,
    default_folder,
    integrity_problem,
    label_copy,
    read_backup_info,
)
from .dates import as_date
from .db import SQLITE_HEADER, close_database, open_database, write_transaction
from .errors import MotCuaError, ValidationError
from .highwater import Issued
from .migrations import SCHEMA_VERSION
from .paths import data_dir
from .permissions import can
from .private_files import make_private, private_dir
from .storage_errors import os_reason
from .sync_state import SyncExport, SyncKey, SyncRevisionFloor, SyncVersionFloor
from .tables import CodeCounter, Dossier, SyncChange

# A witness of what was issued besides the record: reads the day files in these folders, for
# this agency, trusting files signed by these public keys (base64). sync.witness has one.
DayFileWitness = Callable[[list[Path], str, set[str]], Issued]
_CHUNK = 500


@dataclass
class LostDossier:
    """A dossier received after the backup: not in the restored database."""

    code: str
    received_at: datetime | None = None
    applicant_name: str = ""
    procedure_name: str = ""

    def to_dict(self) -> dict:
        return {"code": self.code, "received_at": self.received_at.isoformat() if self.received_at else None,
                "applicant_name": self.applicant_name, "procedure_name": self.procedure_name}

    def line(self) -> str:
        parts = [self.code]
        if self.received_at:
            parts.append(f"tiếp nhận {self.received_at:%H:%M %d/%m/%Y}")
        if self.applicant_name:
            parts.append(self.applicant_name)
        if self.procedure_name:
            parts.append(self.procedure_name)
        return " – ".join(parts)


@dataclass
class RestoreReport:
    backup: Path
    backup_made_at: datetime | None
    agency_code: str
    replaced: str  # "sound" | "damaged" | "missing": the database the backup replaced
    kept_as: Path | None  # where the replaced database was kept
    lost: list[LostDossier] = field(default_factory=list)
    redo: list[str] = field(default_factory=list)  # codes in the backup with later steps lost
    counters_raised: int = 0
    revisions_raised: int = 0
    versions_raised: int = 0
    raised_uids: set[str] = field(default_factory=set, repr=False)
    key: str = "kept"  # kept | carried (from the replaced database) | new (a new key was made)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"backup": str(self.backup),
                "backup_made_at": self.backup_made_at.isoformat() if self.backup_made_at else None,
                "agency_code": self.agency_code, "replaced": self.replaced,
                "kept_as": str(self.kept_as) if self.kept_as else None,
                "lost": [d.to_dict() for d in self.lost], "redo": self.redo,
                "counters_raised": self.counters_raised, "revisions_raised": self.revisions_raised,
                "versions_raised": self.versions_raised, "key": self.key, "warnings": self.warnings}

    def lines(self) -> list[str]:
        made = f" (lập lúc {self.backup_made_at:%H:%M %d/%m/%Y})" if self.backup_made_at else ""
        out = [f"Đã khôi phục từ bản sao lưu {self.backup}{made}."]
        if self.kept_as is not None:
            out.append(("Cơ sở dữ liệu trước khi khôi phục được giữ lại tại: " if self.replaced == "sound"
                        else "Cơ sở dữ liệu bị hỏng được đổi tên và giữ lại tại: ") + str(self.kept_as))
        if self.lost:
            out.append(f"CẦN NHẬP LẠI {len(self.lost)} hồ sơ đã tiếp nhận sau thời điểm sao lưu (mã cũ "
                       "không dùng lại; hồ sơ nhập lại sẽ có mã mới, hãy ghi mã mới lên giấy tiếp nhận "
                       "của công dân):")
            out += [f"  {d.line()}" for d in self.lost]
        if self.redo:
            out.append(f"CẦN LÀM LẠI các bước xử lý sau thời điểm sao lưu của {len(self.redo)} hồ sơ: "
                       + ", ".join(self.redo))
        if not self.lost and not self.redo:
            out.append("Không có hồ sơ nào tiếp nhận hoặc xử lý sau thời điểm sao lưu bị mất.")
        if self.counters_raised or self.revisions_raised or self.versions_raised:
            out.append("Mã hồ sơ, số thứ tự sổ và lần xuất tệp đồng bộ tiếp tục sau các số đã cấp "
                       "(không cấp trùng).")
        if self.key == "carried":
            out.append("Bản sao lưu chưa có khóa ký của cơ quan: đã giữ khóa của cơ sở dữ liệu cũ "
                       "(tỉnh vẫn nhận tệp đồng bộ như trước).")
        out += [f"Lưu ý: {w}" for w in self.warnings]
        return out


@dataclass
class _Facts:
    """What a database file says, read with plain sqlite3 (it may not be the open database)."""

    agency_code: str = ""
    schema_version: int = 0
    keys: list[tuple] = field(default_factory=list)  # sync_key rows
    export_dir: str = ""
    issued: Issued = field(default_factory=Issued)
    details: dict[str, LostDossier] = field(default_factory=dict)


def _connect_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _tables(connection: sqlite3.Connection) -> set[str]:
    return {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def _read_facts(path: Path, *, since: datetime | None = None) -> _Facts:
    """Settings, keys and what was issued; dossiers changed since ``since`` with details."""
    facts = _Facts()
    connection = _connect_read_only(path)
    try:
        tables = _tables(connection)
        if "meta" in tables:
            row = connection.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            facts.schema_version = int(row[0]) if row else 0
        if "setting" in tables:
            row = connection.execute("SELECT value FROM setting WHERE key='agency_code'").fetchone()
            facts.agency_code = json.loads(row[0]) if row else ""
        if "sync_key" in tables:
            facts.keys = connection.execute(
                "SELECT key_id, algorithm, private_key, public_key, created_at, active FROM sync_key").fetchall()
        if "sync_setting" in tables:
            row = connection.execute("SELECT value FROM sync_setting WHERE key='export_dir'").fetchone()
            facts.export_dir = json.loads(row[0]) if row else ""
        if since is None:
            return facts
        issued = facts.issued
        for agency, key, last in connection.execute("SELECT agency_code, day, last FROM code_counter"):
            issued.raise_counter(agency, key, last)
        if "sync_export" in tables:
            for agency, day, revision in connection.execute(
                    "SELECT agency_code, day, max(revision) FROM sync_export GROUP BY agency_code, day"):
                issued.raise_revision(agency, as_date(day), revision)
        if "sync_revision_floor" in tables:
            for agency, day, revision in connection.execute(
                    "SELECT agency_code, day, revision FROM sync_revision_floor"):
                issued.raise_revision(agency, as_date(day), revision)
        offsets = dict(connection.execute("SELECT dossier_uid, version_offset FROM sync_version_floor")
                       .fetchall()) if "sync_version_floor" in tables else {}
        recent = connection.execute(
            "SELECT d.id, d.uid, d.code, d.received_at, d.applicant_name, d.procedure_name, d.updated_at, "
            "(SELECT count(*) FROM sync_change c WHERE c.dossier_id = d.id) "
            "FROM dossier d WHERE d.updated_at >= ?", (since.isoformat(sep=" "),)).fetchall()
        for _id, uid, code, received, name, procedure, updated, changes in recent:
            received_at = _moment(received)
            facts.details[code] = LostDossier(code, received_at, name, procedure)
            issued.raise_version(uid, code, changes + offsets.get(uid, 0))
            if received_at is not None:
                issued.intakes[code] = received_at
            if updated is not None:
                issued.steps[code] = _moment(updated) or since
    finally:
        connection.close()
    return facts


def _moment(value) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value)[:19]) if value else None
    except ValueError:
        return None


def _health(path: Path) -> str:
    """"sound", "damaged" or "missing": the database a restore replaces."""
    if not path.exists():
        return "missing"
    try:
        with open(path, "rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return "damaged"
        connection = _connect_read_only(path)
        try:
            rows = [r[0] for r in connection.execute("PRAGMA quick_check").fetchall()]
        finally:
            connection.close()
    except (OSError, sqlite3.Error):
        return "damaged"
    return "sound" if rows == ["ok"] else "damaged"


def _check_backup(backup: Path, db_path: Path) -> _Facts:
    if not backup.is_file():
        raise MotCuaError(f"Không tìm thấy tệp sao lưu: {backup}")
    if db_path.exists() and backup.resolve() == db_path.resolve():
        raise MotCuaError("Tệp sao lưu chính là cơ sở dữ liệu đang dùng; hãy chọn một bản sao lưu.")
    problem = integrity_problem(backup)
    if problem is not None:
        raise MotCuaError(f"Bản sao lưu {backup} bị hỏng hoặc không phải bản sao lưu MotCua "
                          f"(kiểm tra toàn vẹn: {problem}). Không khôi phục; hãy chọn bản sao lưu khác.")
    facts = _read_facts(backup)
    if facts.schema_version > SCHEMA_VERSION:
        raise MotCuaError(f"Bản sao lưu thuộc phiên bản dữ liệu mới hơn ({facts.schema_version}) so với "
                          f"phần mềm ({SCHEMA_VERSION}). Hãy cập nhật MotCua trước khi khôi phục.")
    if facts.schema_version < 1 or not facts.agency_code:
        raise MotCuaError(f"Tệp {backup} không phải bản sao lưu của một Bộ phận Một cửa đã thiết lập.")
    return facts


def _keep_replaced(db_path: Path, health: str, agency: str, now: datetime) -> Path | None:
    """Keep the database about to be replaced: copy a sound one, rename a damaged one."""
    if health == "missing":
        return None
    if health == "sound":
        folder = private_dir(_backup_folder(db_path))
        target = folder / f"{SAFETY_PREFIX}{agency}_{now:%Y%m%d-%H%M%S}{SUFFIX}"
        source, destination = _connect_read_only(db_path), sqlite3.connect(str(target))
        try:
            source.backup(destination)
            destination.execute("PRAGMA journal_mode=DELETE")
            label_copy(destination, now=now, kind="before_restore", source=db_path)
        finally:
            destination.close()
            source.close()
        make_private(target)
        return target
    kept = db_path.with_name(f"{db_path.name}.hong-{now:%Y%m%d-%H%M%S}")
    os.replace(db_path, kept)
    for suffix in ("-wal", "-shm"):
        part = db_path.with_name(db_path.name + suffix)
        if part.exists():
            os.replace(part, kept.with_name(kept.name + suffix))
    return kept


def _backup_folder(db_path: Path) -> Path:
    return default_folder(db_path)


def _put_in_place(backup: Path, db_path: Path) -> None:
    """The backup's pages into the database file (created if missing), in one step that other
    connections to the file see as a whole."""
    private_dir(db_path.parent)
    source, destination = _connect_read_only(backup), sqlite3.connect(str(db_path), timeout=30)
    try:
        source.backup(destination)
        destination.execute("DROP TABLE IF EXISTS backup_info")
        destination.commit()
    finally:
        destination.close()
        source.close()
    make_private(db_path)


def day_file_folders(db_path: Path, *settings: str) -> list[Path]:
    """Where day files of this counter may be: the configured sync folders and the defaults."""
    folders = [Path(s) for s in settings if s] + [db_path.parent / "dong-bo", data_dir() / "dong-bo"]
    return list(dict.fromkeys(f.expanduser() for f in folders))


def restore_backup(backup: str | Path, *, db_path: str | Path, by=None, now: datetime | None = None,
                   witness: DayFileWitness | None = None) -> RestoreReport:
    """Restore ``backup`` over the database at ``db_path`` and leave it open (see the module
    docstring). ``by``: the acting officer, who must be an admin when the database can be
    opened (action "backup.restore")."""
    now = now or clock()
    if str(backup).endswith(".dump") or "://" in str(db_path):  # the Centre's server (pg_dump)
        from .server_backup import restore_server_backup

        return restore_server_backup(backup, by=by, now=now)
    backup, db_path = Path(backup).expanduser(), Path(db_path).expanduser()
    close_database()
    backup_facts = _check_backup(backup, db_path)
    made = read_backup_info(backup).get("created_at")
    made_at = _moment(made) if made else None
    health = _health(db_path)
    if health == "sound" and by is not None and not can(by, "backup.restore"):
        raise ValidationError({"": "Chỉ quản trị hệ thống được khôi phục dữ liệu từ bản sao lưu."})
    since = (made_at or now) - timedelta(days=1)
    current = _read_facts(db_path, since=since) if health == "sound" else _Facts()
    if current.agency_code and current.agency_code != backup_facts.agency_code:
        raise MotCuaError(f"Bản sao lưu là của cơ quan {backup_facts.agency_code}, không phải cơ quan đang "
                          f"dùng ({current.agency_code}). Không khôi phục.")
    agency = backup_facts.agency_code
    issued = highwater.HighWater(db_path).read()
    issued.merge(current.issued)
    warnings = []
    if witness is not None:
        keys = {row[3] for row in backup_facts.keys + current.keys}
        try:
            issued.merge(witness(day_file_folders(db_path, current.export_dir, backup_facts.export_dir),
                                 agency, keys))
        except OSError as exc:
            warnings.append(f"Không đọc được thư mục tệp đồng bộ ({os_reason(exc)}).")
    kept_as = _keep_replaced(db_path, health, agency, now)
    _put_in_place(backup, db_path)
    # The electronic copies the backup names, back into the counter's store if it lost them.
    warnings += copies_from_backup(backup, db_path).warnings(str(db_path.parent))
    open_database(str(db_path))
    report = RestoreReport(backup, made_at, agency, health, kept_as, warnings=warnings)
    with write_transaction():
        _raise_floors(issued, report)
        report.key = _keys(backup_facts, current, report)
        report.lost, report.redo = _to_do_again(issued, current, made_at, report.raised_uids)
        audit("backup.restore", _officer_here(by), "backup", str(backup),
              {"made_at": made, "replaced": health, "lost": len(report.lost), "redo": len(report.redo)},
              at=now)
    return report


def _officer_here(by):
    """The acting officer's row in the restored database (the audit row refers to it)."""
    if by is None:
        return None
    from .tables import Officer

    return Officer.get_or_none(Officer.username == by.username)


def _raise_floors(issued: Issued, report: RestoreReport) -> None:
    """Counters, revisions and versions above everything issued (call in a transaction)."""
    existing = {(a, k): last for a, k, last in CodeCounter.select(
        CodeCounter.agency_code, CodeCounter.day, CodeCounter.last).tuples()}
    for (agency, key), last in sorted(issued.counters.items()):
        if last > existing.get((agency, key), 0):
            CodeCounter.insert(agency_code=agency, day=key, last=last).on_conflict(
                conflict_target=[CodeCounter.agency_code, CodeCounter.day],
                update={CodeCounter.last: last}).execute()
            report.counters_raised += 1
    exported = {(a, as_date(d)): r for a, d, r in SyncExport.select(
        SyncExport.agency_code, SyncExport.day, fn.MAX(SyncExport.revision))
        .group_by(SyncExport.agency_code, SyncExport.day).tuples()}
    floors = {(a, as_date(d)): r for a, d, r in SyncRevisionFloor.select(
        SyncRevisionFloor.agency_code, SyncRevisionFloor.day, SyncRevisionFloor.revision).tuples()}
    for (agency, day), revision in sorted(issued.revisions.items()):
        if revision > max(exported.get((agency, day), 0), floors.get((agency, day), 0)):
            SyncRevisionFloor.insert(agency_code=agency, day=day, revision=revision).on_conflict(
                conflict_target=[SyncRevisionFloor.agency_code, SyncRevisionFloor.day],
                update={SyncRevisionFloor.revision: revision}).execute()
            report.revisions_raised += 1
    uids = list(issued.versions)
    for start in range(0, len(uids), _CHUNK):
        chunk = uids[start:start + _CHUNK]
        counts = dict(Dossier.select(Dossier.uid, fn.COUNT(SyncChange.seq))
                      .join(SyncChange, on=(SyncChange.dossier == Dossier.id))
                      .where(Dossier.uid.in_(chunk)).group_by(Dossier.uid).tuples())
        offsets = dict(SyncVersionFloor.select(SyncVersionFloor.dossier_uid, SyncVersionFloor.version_offset)
                       .where(SyncVersionFloor.dossier_uid.in_(chunk)).tuples())
        for uid in chunk:
            if uid not in counts:
                continue  # received after the backup: listed to be entered again
            version = counts[uid] + offsets.get(uid, 0)
            wanted = issued.versions[uid][1]
            if wanted > version:
                offset = wanted - counts[uid]
                SyncVersionFloor.insert(dossier_uid=uid, version_offset=offset).on_conflict(
                    conflict_target=[SyncVersionFloor.dossier_uid],
                    update={SyncVersionFloor.version_offset: offset}).execute()
                report.versions_raised += 1
                report.raised_uids.add(uid)


def _keys(backup: _Facts, current: _Facts, report: RestoreReport) -> str:
    """The backup's signing key, or the replaced database's when the backup has none."""
    if SyncKey.select().where(SyncKey.active).exists():
        if current.keys and {r[0] for r in current.keys} - {r[0] for r in backup.keys}:
            report.warnings.append("Khóa ký trong bản sao lưu khác khóa của cơ sở dữ liệu cũ; tệp đồng bộ "
                                   "từ nay ký bằng khóa trong bản sao lưu.")
        return "kept"
    if current.keys:
        for key_id, algorithm, private, public, created, active in current.keys:
            SyncKey.insert(key_id=key_id, algorithm=algorithm, private_key=private, public_key=public,
                           created_at=created, active=active).on_conflict_ignore().execute()
        return "carried"
    from .agency_key import ensure_agency_key

    key = ensure_agency_key()
    report.warnings.append(
        f"Bản sao lưu không có khóa ký của cơ quan và không còn khóa cũ để giữ lại: đã tạo khóa mới "
        f"{key.key_id}. Hãy gửi khóa công khai mới cho tỉnh (lệnh sync-key export) trước khi gửi tệp "
        "đồng bộ, nếu không tỉnh sẽ từ chối các tệp mới.")
    return "new"


def _to_do_again(issued: Issued, current: _Facts, made_at: datetime | None,
                 raised: set[str]) -> tuple[list[LostDossier], list[str]]:
    """Dossiers issued but not in the restored database; dossiers in it with later steps."""
    codes = sorted(set(issued.intakes) | set(current.details))
    present: set[str] = set()
    for start in range(0, len(codes), _CHUNK):
        present |= {c for (c,) in Dossier.select(Dossier.code)
                    .where(Dossier.code.in_(codes[start:start + _CHUNK])).tuples()}
    lost = []
    for code in codes:
        if code in present:
            continue
        detail = current.details.get(code) or LostDossier(code, **issued.details.get(code, {}))
        if detail.received_at is None:
            detail.received_at = issued.intakes.get(code)
        lost.append(detail)
    lost.sort(key=lambda d: (d.received_at or datetime.min, d.code))
    later_steps = {code for code, at in issued.steps.items() if made_at is not None and at > made_at}
    newer_versions = {issued.versions[uid][0] for uid in raised}
    step_codes = sorted(set(issued.steps) | {code for code, _v in issued.versions.values()})
    in_backup: set[str] = set()
    for start in range(0, len(step_codes), _CHUNK):
        in_backup |= {c for (c,) in Dossier.select(Dossier.code)
                      .where(Dossier.code.in_(step_codes[start:start + _CHUNK])).tuples()}
    redo = sorted((later_steps | newer_versions) & in_backup)
    return lost, redo
