"""Backups (sao lưu) that can be trusted: made with SQLite's backup API while the counter works,
checked with ``PRAGMA integrity_check`` before they count, kept N days, optionally copied to a
second folder (a USB drive).

A backup is one SQLite file holding everything a restored counter needs: the dossiers, the
agency's settings, the officers, and the agency's signing key (created before the copy if the
database had none yet, so that a restored counter signs with the key the province knows). A
small ``backup_info`` table in the copy says when and from where it was made. The copy is in
rollback-journal mode, so the one file is the whole backup.

The app makes one automatically each day and when it closes (ui/auto_backup.py); ``backup``
makes one on demand. The electronic copies (số hóa) a backup names go into the folder
``tep-dinh-kem`` beside it, shared by the backups there (models.attachment_backup). SQLite
only: a PostgreSQL server is backed up with its own tools.
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from .agency_key import ensure_agency_key, stored_agency_key
from .attachment_backup import copies_into_backup
from .attachment_store import FOLDER_NAME as COPIES_FOLDER
from .audit import audit
from .audit import now as clock
from .db import SQLITE_HEADER, database_path, is_postgres, is_sqlite, write_transaction
from .errors import MotCuaError, ValidationError
from .migrations import SCHEMA_VERSION
from .permissions import require
from .private_files import create_private_file, make_private, private_dir
from .storage_errors import DatabaseDamaged, classify, os_reason
from .tables import Setting, database

AUTO_PREFIX = "motcua-saoluu_"
SAFETY_PREFIX = "motcua-truoc-khoi-phuc_"
SUFFIX = ".sqlite3"
KEEP_DAYS_DEFAULT = 30
KEEP_DAYS_RANGE = (1, 3650)
SETTING_KEEP_DAYS = "backup.keep_days"
SETTING_FOLDER = "backup.folder"
SETTING_SECOND_FOLDER = "backup.second_folder"
FOLDER_NAME = "sao-luu"
SERVER_FOLDER_NAME = "sao-luu-may-chu"


@dataclass(frozen=True)
class BackupSettings:
    folder: Path
    second_folder: Path | None
    keep_days: int


@dataclass
class BackupResult:
    path: Path
    created_at: datetime
    size: int
    dossiers: int
    key_id: str
    second_path: Path | None = None
    removed: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    copies: int = 0  # electronic copies the backup holds (in the store beside it)

    def to_dict(self) -> dict:
        return {"path": str(self.path), "created_at": self.created_at.isoformat(), "size": self.size,
                "dossiers": self.dossiers, "key_id": self.key_id, "attachments": self.copies,
                "second_path": str(self.second_path) if self.second_path else None,
                "removed": [str(p) for p in self.removed], "warnings": self.warnings}

    def lines(self) -> list[str]:
        out = [f"Đã sao lưu và kiểm tra toàn vẹn: {self.path} ({vn_count(self.dossiers)} hồ sơ, "
               f"{vn_megabytes(self.size)})."]
        if self.copies:
            out.append(f"Kèm {vn_count(self.copies)} bản điện tử (số hóa) trong thư mục "
                       f"{self.path.parent / COPIES_FOLDER}.")
        if self.second_path:
            out.append(f"Bản sao thứ hai: {self.second_path}")
        if self.removed:
            out.append(f"Đã xóa {len(self.removed)} bản sao lưu tự động cũ quá hạn giữ.")
        return out + [f"Lưu ý: {w}" for w in self.warnings]


@dataclass(frozen=True)
class BackupInfo:
    """A backup file found in a folder, with what its ``backup_info`` table says."""

    path: Path
    created_at: datetime | None
    agency_code: str
    dossiers: int
    size: int
    automatic: bool
    kind: str = ""  # daily | closing | manual | before_restore

    def to_dict(self) -> dict:
        return {"path": str(self.path), "created_at": self.created_at.isoformat() if self.created_at else None,
                "agency_code": self.agency_code, "dossiers": self.dossiers, "size": self.size,
                "automatic": self.automatic, "kind": self.kind}


def vn_count(number: int) -> str:
    """1.234.567 as Vietnamese write it."""
    return f"{number:,}".replace(",", ".")


def vn_megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".replace(".", ",") + " MB"


# -- settings --------------------------------------------------------------------------------------
def default_folder(db_path: Path | None = None) -> Path:
    """"sao-luu" beside the database; for the Centre's server, "sao-luu-may-chu" in this
    machine's data folder (the counter that makes the day's backup keeps it)."""
    path = db_path or database_path()
    if path is None:
        if is_postgres():
            from .paths import data_dir

            return data_dir() / SERVER_FOLDER_NAME
        raise MotCuaError("Sao lưu tự động chỉ dùng cho cơ sở dữ liệu SQLite.")
    return Path(path).parent / FOLDER_NAME


def _setting(key: str):
    row = Setting.get_or_none(Setting.key == key)
    return json.loads(row.value) if row else None


def backup_settings() -> BackupSettings:
    folder, second, keep = (_setting(k) for k in (SETTING_FOLDER, SETTING_SECOND_FOLDER, SETTING_KEEP_DAYS))
    return BackupSettings(Path(folder) if folder else default_folder(),
                          Path(second) if second else None,
                          keep if isinstance(keep, int) else KEEP_DAYS_DEFAULT)


def save_backup_settings(*, keep_days: int | None = None, folder: str | None = None,
                         second_folder: str | None = None, by=None) -> BackupSettings:
    """Change the rotation (days kept) and folders; "" clears a folder (back to the default for
    the main one, none for the second) — admin (action "backup.settings")."""
    by = require(by, "backup.settings", entity="backup")
    changes: dict[str, object] = {}
    if keep_days is not None:
        low, high = KEEP_DAYS_RANGE
        if not low <= keep_days <= high:
            raise ValidationError({"keep_days": f"Số ngày giữ bản sao lưu phải từ {low} đến {high}."})
        changes[SETTING_KEEP_DAYS] = keep_days
    for key, value in ((SETTING_FOLDER, folder), (SETTING_SECOND_FOLDER, second_folder)):
        if value is not None:
            changes[key] = str(Path(value).expanduser()) if value else ""
    with write_transaction():
        for key, value in changes.items():
            text = json.dumps(value, ensure_ascii=False)
            Setting.insert(key=key, value=text).on_conflict(
                conflict_target=[Setting.key], update={Setting.value: text}).execute()
        if changes:
            audit("backup.settings", by, "backup", "", changes)
    return backup_settings()


# -- making a backup --------------------------------------------------------------------------------
def _require_sqlite() -> Path:
    path = database_path()
    if not is_sqlite() or path is None:
        raise MotCuaError("Sao lưu và khôi phục bằng MotCua chỉ dùng cho cơ sở dữ liệu SQLite; máy chủ "
                          "PostgreSQL được sao lưu bằng công cụ của PostgreSQL (pg_dump).")
    return path


def integrity_problem(path: Path) -> str | None:
    """None when ``PRAGMA integrity_check`` finds the SQLite file sound, else what it says."""
    try:
        with open(path, "rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return "không phải tệp cơ sở dữ liệu SQLite"
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        # A damaged page can put any bytes into SQLite's findings: read them, never fail on them.
        connection.text_factory = lambda raw: raw.decode("utf-8", "replace")
        try:
            rows = [r[0] for r in connection.execute("PRAGMA integrity_check").fetchall()]
        finally:
            connection.close()
    except OSError as exc:
        return os_reason(exc)
    except (sqlite3.Error, UnicodeDecodeError):  # a damaged page can garble SQLite's own message
        return "tệp bị hỏng, SQLite không đọc được"
    # SQLite's own findings (in English) are kept for the administrator, shortened.
    return None if rows == ["ok"] else f"{len(rows)} lỗi, SQLite báo: " + "; ".join(rows[:2])[:240]


def _fsync_dir(folder: Path) -> None:
    if os.name == "posix":
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def copy_database(target: Path, *, now: datetime, kind: str = "manual") -> tuple[int, str]:
    """Copy the open database to ``target`` (replaced), checked; returns (dossiers, key id).

    The copy is made beside the target under a temporary name, switched to a rollback journal,
    labelled (``backup_info``), checked with ``PRAGMA integrity_check``, flushed to disk, and
    only then given its name: a failed or damaged copy never takes the place of a good one.
    """
    source = _require_sqlite()
    private_dir(target.parent)
    temporary = target.with_name(f".tmp-{target.name}")
    temporary.unlink(missing_ok=True)
    create_private_file(temporary)
    key = stored_agency_key()
    try:
        destination = sqlite3.connect(str(temporary))
        problem = None
        try:
            database.obj.connection().backup(destination)
            destination.execute("PRAGMA journal_mode=DELETE")
            label_copy(destination, now=now, kind=kind, source=source, key_id=key.key_id if key else "")
            dossiers = destination.execute("SELECT count(*) FROM dossier").fetchone()[0]
        except sqlite3.DatabaseError as exc:  # a damaged page met while labelling the copy
            problem = str(exc)
        finally:
            destination.close()
        problem = problem or integrity_problem(temporary)
        if problem is not None:
            raise DatabaseDamaged(
                f"Cơ sở dữ liệu {source} bị hỏng (kiểm tra toàn vẹn: {problem}); bản sao lưu KHÔNG được "
                "tạo. Hãy khôi phục từ bản sao lưu tốt gần nhất (lệnh restore TỆP).", str(source))
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
        make_private(target)
        _fsync_dir(target.parent)
    except BaseException as exc:
        temporary.unlink(missing_ok=True)
        found = classify(exc, str(target))
        if found is not None and found is not exc and not isinstance(exc, DatabaseDamaged):
            raise found from exc
        raise
    return dossiers, key.key_id if key else ""


def label_copy(destination: sqlite3.Connection, *, now: datetime, kind: str, source: Path,
               key_id: str = "") -> None:
    """Write the ``backup_info`` table into a copy: when, what kind, from where, of whom."""
    agency = destination.execute("SELECT value FROM setting WHERE key='agency_code'").fetchone()
    info = {"created_at": now.isoformat(), "kind": kind, "source": str(source),
            "schema_version": SCHEMA_VERSION,
            "dossiers": destination.execute("SELECT count(*) FROM dossier").fetchone()[0],
            "agency_code": json.loads(agency[0]) if agency else "", "key_id": key_id,
            "marker": _marker(destination)}
    destination.execute("DROP TABLE IF EXISTS backup_info")
    destination.execute("CREATE TABLE backup_info (key TEXT PRIMARY KEY, value TEXT)")
    destination.executemany("INSERT INTO backup_info VALUES (?, ?)",
                            [(k, json.dumps(v, ensure_ascii=False)) for k, v in info.items()])
    destination.commit()


def _marker(connection) -> str:
    """What changes with any write worth a backup: the newest audit row, change and export."""
    return ":".join(str(connection.execute(f"SELECT coalesce(max({column}), 0) FROM {table}").fetchone()[0])
                    for table, column in (("audit_log", "id"), ("sync_change", "seq"), ("sync_export", "id")))


def unchanged_since_last_backup() -> bool:
    """True when nothing was written since the newest automatic backup was made."""
    found = _automatic(backup_settings().folder)
    if not found:
        return False
    try:
        made = read_backup_info(found[-1][0]).get("marker")
    except (OSError, sqlite3.Error):
        return False
    return made is not None and made == _marker(database.obj.connection())


def make_backup(target: str | Path, *, force: bool = False, now: datetime | None = None,
                kind: str = "manual") -> BackupResult:
    """A checked backup of the open database at ``target``; an existing file is replaced only
    with ``force``."""
    now = now or clock()
    if is_postgres():
        return _server_backup(Path(target).expanduser(), force=force, now=now, kind=kind)
    _require_sqlite()
    target = Path(target).expanduser()
    if target.exists() and not force:
        raise ValidationError({"out": f"Đã có tệp {target}; không ghi đè (dùng --force nếu chắc chắn "
                                      "muốn thay tệp đó bằng bản sao lưu mới)."})
    if target.is_dir():
        raise ValidationError({"out": f"{target} là một thư mục; hãy ghi tên tệp sao lưu."})
    warnings = []
    if not _read_only():
        ensure_agency_key(now)  # every backup holds the key the province knows
    elif stored_agency_key() is None:
        warnings.append("Cơ sở dữ liệu chưa có khóa ký của cơ quan (đang mở chỉ đọc).")
    dossiers, key_id = copy_database(target, now=now, kind=kind)
    # The electronic copies the backup names, into the store beside it (models.attachment_backup).
    carried = copies_into_backup(_require_sqlite(), target)
    warnings += carried.warnings(str(target.parent))
    return BackupResult(target, now, target.stat().st_size, dossiers, key_id, warnings=warnings,
                        copies=carried.copied + carried.present)


def _server_backup(target: Path, *, force: bool, now: datetime, kind: str) -> BackupResult:
    """The Centre's server: pg_dump, checked by restoring into a scratch database."""
    from .server_backup import dump_server

    if target.exists() and not force:
        raise ValidationError({"out": f"Đã có tệp {target}; không ghi đè (dùng --force nếu chắc chắn "
                                      "muốn thay tệp đó bằng bản sao lưu mới)."})
    info = dump_server(target, now=now, kind=kind)
    return BackupResult(target, now, target.stat().st_size, int(info.get("dossiers") or 0), "")


def _read_only() -> bool:
    try:
        return bool(database.obj.execute_sql("PRAGMA query_only").fetchone()[0])
    except Exception:  # noqa: BLE001
        return False


def auto_backup(*, now: datetime | None = None, kind: str = "daily") -> BackupResult | None:
    """A backup into the backup folder (and the second folder), then the rotation. At closing
    (``kind="closing"``) nothing is made when nothing changed since the newest backup (None)."""
    now = now or clock()
    if is_postgres():
        return _auto_server_backup(now=now, kind=kind)
    if kind == "closing" and unchanged_since_last_backup():
        return None
    return _auto_backup_into_folders(now=now, kind=kind, suffix=SUFFIX)


def _auto_server_backup(*, now: datetime, kind: str) -> BackupResult | None:
    """One counter of the Centre makes the server's backup (models.office_jobs); the others find
    it made. None when nothing was due or another counter is making it."""
    from .office_jobs import JobBusy, office_job
    from .server_backup import record_server_backup, server_backup_due, unchanged_since_server_backup

    try:
        with office_job("backup:server", wait=kind == "manual"):
            if kind == "daily" and not server_backup_due(now):
                return None
            if kind == "closing" and unchanged_since_server_backup():
                return None
            from .server_backup import DUMP_SUFFIX

            result = _auto_backup_into_folders(now=now, kind=kind, suffix=DUMP_SUFFIX)
            record_server_backup(result.path, now)
            return result
    except JobBusy:
        return None


def _auto_backup_into_folders(*, now: datetime, kind: str, suffix: str) -> BackupResult:
    """Into the backup folder (and the second folder), then the rotation; ``suffix`` is the
    file's kind: a SQLite copy or a server dump."""
    settings = backup_settings()
    agency = _setting("agency_code") or "chua-thiet-lap"
    name = f"{AUTO_PREFIX}{agency}_{now:%Y%m%d-%H%M%S}"
    target, copy = settings.folder / f"{name}{suffix}", 1
    while target.exists():  # two backups in one second (start, then closing): keep both
        target, copy = settings.folder / f"{name}-{copy}{suffix}", copy + 1
    name = target.name
    result = make_backup(target, now=now, kind=kind)
    if settings.second_folder is not None:
        try:
            result.second_path = _copy_verified(result.path, settings.second_folder / name)
            result.warnings += copies_into_backup(result.path, result.second_path).warnings(
                str(settings.second_folder))
            info = result.path.with_name(result.path.name + ".json")
            if info.exists():  # a server dump's description goes with it
                _copy_verified(info, settings.second_folder / info.name)
        except OSError as exc:
            result.warnings.append(f"Không chép được sang thư mục thứ hai {settings.second_folder} "
                                   f"({os_reason(exc)}); ổ đĩa có thể chưa được cắm.")
    for folder in filter(None, (settings.folder, settings.second_folder)):
        result.removed += rotate(folder, settings.keep_days, now=now)
    return result


def _copy_verified(source: Path, target: Path) -> Path:
    private_dir(target.parent)
    temporary = target.with_name(f".tmp-{target.name}")
    create_private_file(temporary)
    try:
        shutil.copyfile(source, temporary)
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return target


def rotate(folder: Path, keep_days: int, *, now: datetime) -> list[Path]:
    """Delete automatic backups older than ``keep_days``; the newest one always stays."""
    found = _automatic(folder)
    limit = now - timedelta(days=keep_days)
    removed = []
    for path, made in found[:-1]:
        if made < limit:
            try:
                path.unlink()
                path.with_name(path.name + ".json").unlink(missing_ok=True)
                removed.append(path)
            except OSError:
                pass
    return removed


def _automatic(folder: Path) -> list[tuple[Path, datetime]]:
    """Automatic backups in ``folder`` with when they were made, oldest first (two made in the
    same second, ``…-HHMMSS`` and ``…-HHMMSS-1``, in the order they were made)."""
    out = []
    for path in [*folder.glob(f"{AUTO_PREFIX}*{SUFFIX}"), *folder.glob(f"{AUTO_PREFIX}*.dump")]:
        try:
            out.append((path, datetime.strptime(path.stem.rsplit("_", 1)[1][:15], "%Y%m%d-%H%M%S")))
        except (IndexError, ValueError):
            continue
    return sorted(out, key=lambda item: (item[1], len(item[0].stem), item[0].stem))


def backup_due(now: datetime | None = None) -> bool:
    """True when today's automatic backup has not been made yet."""
    now = now or clock()
    if is_postgres():
        from .server_backup import server_backup_due

        return server_backup_due(now)
    made = [when for _path, when in _automatic(backup_settings().folder)]
    return not made or max(made).date() < now.date()


# -- finding backups ----------------------------------------------------------------------------------
def read_backup_info(path: Path) -> dict:
    """What the backup says of itself ({} for a file without ``backup_info``)."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = connection.execute("SELECT key, value FROM backup_info").fetchall()
        return {k: json.loads(v) for k, v in rows}
    except sqlite3.Error:
        return {}
    finally:
        connection.close()


def list_backups(folders: list[Path]) -> list[BackupInfo]:
    """Backup files in the folders, newest first (without checking them)."""
    found: dict[Path, BackupInfo] = {}
    from .server_backup import DUMP_SUFFIX, read_dump_info

    for folder in folders:
        for path in Path(folder).glob(f"*{DUMP_SUFFIX}"):  # the Centre's server (pg_dump)
            info = read_dump_info(path)
            if path.name.startswith(".tmp-") or not info.get("created_at"):
                continue
            found[path.resolve()] = BackupInfo(path, datetime.fromisoformat(info["created_at"]),
                                               str(info.get("agency_code", "")), int(info.get("dossiers") or 0),
                                               path.stat().st_size, path.name.startswith(AUTO_PREFIX),
                                               str(info.get("kind", "")))
    for folder in folders:
        for path in Path(folder).glob(f"*{SUFFIX}"):
            if path.name.startswith(".tmp-") or path.resolve() in found:
                continue
            try:
                info = read_backup_info(path)
                created = datetime.fromisoformat(info["created_at"]) if info.get("created_at") else None
            except (OSError, sqlite3.Error, ValueError, TypeError):
                continue
            if not info:
                continue
            found[path.resolve()] = BackupInfo(path, created, str(info.get("agency_code", "")),
                                               int(info.get("dossiers") or 0), path.stat().st_size,
                                               path.name.startswith(AUTO_PREFIX), str(info.get("kind", "")))
    return sorted(found.values(), key=lambda b: b.created_at or datetime.min, reverse=True)


def newest_good_backup(folders: list[Path]) -> BackupInfo | None:
    """The newest backup that passes the integrity check (for the damaged-database dialog)."""
    for info in list_backups(folders):
        if integrity_problem(info.path) is None:
            return info
    return None


def backup_folders_for(db_path: Path) -> list[Path]:
    """Where to look for backups of ``db_path`` when its settings cannot be read."""
    return [default_folder(db_path)]

