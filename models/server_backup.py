"""Backups of the Centre's server (sao lưu máy chủ): ``pg_dump`` in custom format, checked.

The same rules as a counter's own file (models.backup, models.restore): one automatic backup
a day and one at closing when something changed, kept ``keep_days`` days, optionally copied
to a second folder; a backup counts only once it has been checked — here by restoring it into
a scratch database and reading it back; a restore never goes back in time (the codes,
register numbers, day-file revisions and versions the server had issued stay issued).

On the server the daily backup is an office-wide job (models.office_jobs): the first counter
whose timer fires takes it, the day's backup is recorded in the shared settings, and the
others find it done. The counter that makes it needs PostgreSQL's client tools (pg_dump,
pg_restore: on PATH, or in the usual install folders); the server PC itself has them.

The scratch database: ``<database>_kiemtra`` when it exists and the app's role owns it (the
setup script makes it, docs/office-server.md), else a temporary one when the role may create
databases; otherwise the check says what is missing.
"""
from __future__ import annotations

import glob
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import uuid
from datetime import datetime
from pathlib import Path

from .audit import audit
from .audit import now as clock
from .errors import MotCuaError
from .office_server import OfficeServerDatabase
from .private_files import create_private_file, private_dir, write_private
from .tables import AuditLog, Setting, database

log = logging.getLogger(__name__)

DUMP_SUFFIX = ".dump"
INFO_SUFFIX = ".json"
LAST_KEY = "server_backup.last"
SCRATCH_SUFFIX = "_kiemtra"
TIMEOUT = 30 * 60


def _server() -> OfficeServerDatabase:
    db = database.obj
    if not isinstance(db, OfficeServerDatabase):
        raise MotCuaError("Đây không phải máy chủ của Trung tâm.")
    return db


def find_tool(name: str) -> str:
    """pg_dump / pg_restore: on PATH, or the newest in PostgreSQL's usual install folders."""
    found = shutil.which(name)
    if found:
        return found
    exe = name + (".exe" if sys.platform == "win32" else "")
    if sys.platform == "win32":  # the EDB installer's folders
        patterns = [os.path.join(os.environ.get("PROGRAMFILES", r"C:\Program Files"), "PostgreSQL", "*", "bin", exe)]
    else:
        patterns = [f"/usr/lib/postgresql/*/bin/{exe}"]  # posix-only: Debian's versioned folders
    candidates = [p for pattern in patterns for p in glob.glob(pattern)]

    def version(path: str) -> tuple:
        return tuple(int(x) for x in re.findall(r"\d+", Path(path).parent.parent.name)) or (0,)
    if candidates:
        return max(candidates, key=version)
    raise MotCuaError(f"Máy này chưa có công cụ {name} của PostgreSQL để sao lưu máy chủ. Hãy cài "
                      "PostgreSQL client (cùng phiên bản máy chủ trở lên) hoặc sao lưu trên máy chủ "
                      "(docs/office-server.md).")


def _environment(db: OfficeServerDatabase, dbname: str | None = None) -> dict:
    """libpq settings for the tools; the password in the environment, never on a command line."""
    params = db.connect_params
    env = {**os.environ, "PGDATABASE": dbname or db.database, "PGCONNECT_TIMEOUT": str(params.get("connect_timeout", 5))}
    for key, name in (("host", "PGHOST"), ("port", "PGPORT"), ("user", "PGUSER"), ("password", "PGPASSWORD"),
                      ("sslmode", "PGSSLMODE")):
        if params.get(key) not in (None, ""):
            env[name] = str(params[key])
    return env


def _run(args: list[str], env: dict, what: str) -> None:
    try:
        done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        raise MotCuaError(f"{what} quá {TIMEOUT // 60} phút, đã dừng.") from None
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise MotCuaError(f"{what} không thành công: {detail[-1] if detail else done.returncode}")


# -- the check: restore into a scratch database ---------------------------------------------------
def _scratch(db: OfficeServerDatabase) -> tuple[str, bool]:
    """(name, temporary): the scratch database to restore into."""
    kept = db.database + SCRATCH_SUFFIX
    owned = db.execute_sql("SELECT pg_has_role(datdba, 'USAGE') FROM pg_database WHERE datname = %s",
                           (kept,)).fetchone()
    if owned and owned[0]:
        return kept, False
    if db.execute_sql("SELECT rolcreatedb FROM pg_roles WHERE rolname = current_user").fetchone()[0]:
        return f"{db.database}_kiemtra_{uuid.uuid4().hex[:8]}", True
    raise MotCuaError(f"Không kiểm tra được bản sao lưu: thiếu cơ sở dữ liệu nháp {kept} (do tài khoản của "
                      "MotCua làm chủ) hoặc quyền tạo cơ sở dữ liệu. Hãy chạy lại "
                      "scripts/setup_office_server.sh hoặc xem docs/office-server.md.")


def check_dump(path: Path) -> dict:
    """Restore the dump into a scratch database and read it back: {"dossiers", "schema_version",
    "agency_code"}; MotCuaError when it does not restore whole."""
    from .office_server import server_database

    db = _server()
    name, temporary = _scratch(db)
    if temporary:
        db.execute_sql(f'CREATE DATABASE "{name}"')
    try:
        env = _environment(db, name)
        scratch = server_database(_url(db, name))
        try:
            scratch.connect()
            if not temporary:  # empty the kept scratch database first
                scratch.execute_sql("DROP SCHEMA IF EXISTS public CASCADE")
                scratch.execute_sql("CREATE SCHEMA public")
        finally:
            scratch.close()
        _run([find_tool("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error",
              "--single-transaction", "-d", name, str(path)], env, "Kiểm tra bản sao lưu (khôi phục thử)")
        scratch = server_database(_url(db, name))
        try:
            scratch.connect()
            version = scratch.execute_sql("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            dossiers = scratch.execute_sql("SELECT COUNT(*) FROM dossier").fetchone()[0]
            agency = scratch.execute_sql("SELECT value FROM setting WHERE key = 'agency_code'").fetchone()
        finally:
            scratch.close()
        if not version:
            raise MotCuaError("Bản sao lưu khôi phục thử không có phiên bản cơ sở dữ liệu: không dùng được.")
        return {"dossiers": dossiers, "schema_version": int(version[0]),
                "agency_code": json.loads(agency[0]) if agency else ""}
    finally:
        if temporary:
            db.execute_sql(f'DROP DATABASE IF EXISTS "{name}"')


def _url(db: OfficeServerDatabase, name: str) -> str:
    from urllib.parse import quote

    p = db.connect_params
    auth = quote(str(p.get("user", "")), safe="")
    if p.get("password"):
        auth += ":" + quote(str(p["password"]), safe="")
    return f"postgresql://{auth}@{p.get('host', 'localhost')}:{p.get('port', 5432)}/{quote(name, safe='')}"


# -- making one ------------------------------------------------------------------------------------
def dump_server(target: Path, *, now: datetime | None = None, kind: str = "manual") -> dict:
    """``pg_dump -Fc`` of the server into ``target``, checked, with its info beside it
    (``<target>.json``). Returns the info."""
    now = now or clock()
    db = _server()
    target = Path(target)
    private_dir(target.parent)
    temporary = target.with_name(f".tmp-{target.name}")
    create_private_file(temporary)
    try:
        _run([find_tool("pg_dump"), "-Fc", "--no-owner", "--no-privileges", "-f", str(temporary)],
             _environment(db), "Sao lưu máy chủ (pg_dump)")
        checked = check_dump(temporary)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    info = {"created_at": now.isoformat(), "kind": kind, "server": db.where, "format": "pg_dump-custom",
            "checked": "restored into a scratch database", **checked}
    write_private(target.with_name(target.name + INFO_SUFFIX),
                  json.dumps(info, ensure_ascii=False, indent=2).encode("utf-8"))
    return info


def read_dump_info(path: Path) -> dict:
    try:
        return json.loads(path.with_name(path.name + INFO_SUFFIX).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


# -- the office-wide schedule ------------------------------------------------------------------------
def _marker() -> int:
    """Something changed since a backup when the audit log has grown."""
    return AuditLog.select(AuditLog.id).order_by(AuditLog.id.desc()).scalar() or 0


def last_server_backup() -> dict:
    row = Setting.get_or_none(Setting.key == LAST_KEY)
    return json.loads(row.value) if row else {}


def server_backup_due(now: datetime | None = None) -> bool:
    now = now or clock()
    last = last_server_backup().get("at")
    return not last or datetime.fromisoformat(last).date() < now.date()


def unchanged_since_server_backup() -> bool:
    return last_server_backup().get("marker") == _marker()


def record_server_backup(path: Path, now: datetime, by=None) -> None:
    import socket

    with database.obj.atomic():
        audit("backup.server", by, "backup", str(path), at=now)
        value = json.dumps({"at": now.isoformat(), "path": str(path), "marker": _marker(),
                            "machine": socket.gethostname()}, ensure_ascii=False)
        Setting.insert(key=LAST_KEY, value=value).on_conflict(
            conflict_target=[Setting.key], update={Setting.value: value}).execute()


# -- restoring one -----------------------------------------------------------------------------------
SAFETY_PREFIX = "motcua-truoc-khoi-phuc_"


def _issued_now():
    """What the server has issued so far: counters, day-file revisions, dossier versions —
    the restored data must not issue any of them again (models.restore's rule)."""
    from peewee import fn

    from .highwater import Issued
    from .sync_state import SyncExport, SyncRevisionFloor, SyncVersionFloor
    from .tables import CodeCounter, Dossier, SyncChange

    issued = Issued()
    for agency, key, last in CodeCounter.select(CodeCounter.agency_code, CodeCounter.day, CodeCounter.last).tuples():
        issued.raise_counter(agency, key, last)
    for agency, day, revision in SyncExport.select(SyncExport.agency_code, SyncExport.day,
                                                   fn.MAX(SyncExport.revision)).group_by(
            SyncExport.agency_code, SyncExport.day).tuples():
        issued.raise_revision(agency, day, revision)
    for agency, day, revision in SyncRevisionFloor.select(
            SyncRevisionFloor.agency_code, SyncRevisionFloor.day, SyncRevisionFloor.revision).tuples():
        issued.raise_revision(agency, day, revision)
    offsets = dict(SyncVersionFloor.select(SyncVersionFloor.dossier_uid, SyncVersionFloor.version_offset).tuples())
    for uid, code, count in (Dossier.select(Dossier.uid, Dossier.code, fn.COUNT(SyncChange.seq))
                             .join(SyncChange, on=(SyncChange.dossier == Dossier.id))
                             .group_by(Dossier.uid, Dossier.code).tuples()):
        issued.versions[uid] = (code, count + offsets.get(uid, 0))
    return issued


def restore_server_backup(path: str | Path, *, by, now: datetime | None = None):
    """Restore a server dump over the Centre's database (action "backup.restore", admin).

    The same rules as a counter's file: the dump is checked first; a safety dump of the
    database being replaced is made; afterwards the codes, register numbers, revisions and
    versions stand above everything the server had issued, and the dossiers received since
    the dump are listed to be entered again (with new codes). Other counters should be closed
    meanwhile (docs/office-server.md): their next action waits for the restore, then sees it.
    """
    from .backup import backup_settings
    from .permissions import require
    from .restore import LostDossier, RestoreReport, _raise_floors
    from .settings import load_settings
    from .tables import Dossier, Officer

    by = require(by, "backup.restore", entity="backup")
    now = now or clock()
    path = Path(path).expanduser()
    db = _server()
    checked = check_dump(path)
    agency = load_settings().agency_code
    if checked["agency_code"] and agency and checked["agency_code"] != agency:
        raise MotCuaError(f"Bản sao lưu là của cơ quan {checked['agency_code']}, không phải cơ quan đang dùng "
                          f"({agency}). Không khôi phục.")
    info = read_dump_info(path)
    made_at = datetime.fromisoformat(info["created_at"]) if info.get("created_at") else None
    issued = _issued_now()
    current = {code: (received, name, procedure) for code, received, name, procedure in Dossier.select(
        Dossier.code, Dossier.received_at, Dossier.applicant_name, Dossier.procedure_name).tuples()}
    safety = backup_settings().folder / f"{SAFETY_PREFIX}{agency}_{now:%Y%m%d-%H%M%S}{DUMP_SUFFIX}"
    dump_server(safety, now=now, kind="before_restore")
    db.close()
    _run([find_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges",
          "--exit-on-error", "--single-transaction", "-d", db.database, str(path)],
         _environment(db), "Khôi phục máy chủ (pg_restore)")
    db.connect()
    report = RestoreReport(path, made_at, agency, "sound", safety)
    restored = {code for (code,) in Dossier.select(Dossier.code).tuples()}
    report.lost = [LostDossier(code, *current[code]) for code in sorted(set(current) - restored)]
    with db.atomic():
        _raise_floors(issued, report)
        who = Officer.get_or_none(Officer.username == by.username)
        audit("backup.restore", who, "backup", str(path),
              {"made_at": info.get("created_at"), "server": db.where, "lost": len(report.lost)}, at=now)
    return report
