"""Moving up (chuyển lên máy chủ): a single counter's SQLite database into the office server.

When a commune's centre grows from one counter to several, the counter that has been working
on its own file moves everything — dossiers, officers, settings, the day files' log and the
agency's signing key, the high-water record — into an empty PostgreSQL database, and the
other counters then connect to it. The move is one transaction on the server: it either
lands whole, with every table's rows counted equal on both sides, or the server database is
left empty as it was. Afterwards:

* the sequences continue above the ids copied, and the code counters stand above every code
  the high-water record says was printed, so the day's numbering goes on (…-0042 → …-0043);
* the old file is marked as moved and made read-only: kept to compare, never worked on again
  (models.db refuses to open it for writing), so no counter forks the agency's numbering;
* this machine is switched to the server (models.office), keeping its counter number.

Every table the models define comes along (models.registry), so one added later (attachments,
for instance) is moved without changing this module; a table in the file that no model knows
stops the move before anything is written.
"""
from __future__ import annotations

import json
import logging
import os
import stat
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from peewee import AutoField, PostgresqlDatabase, SqliteDatabase

from . import highwater
from .audit import now as clock
from .db import MOVED_KEY, database_path, is_sqlite
from .errors import MotCuaError
from .migrations import migrate
from .office import connection_from_url, counter_number, load_connection, save_connection
from .office_server import check_server, server_database
from .permissions import require
from .registry import all_models
from .tables import AuditLog, Meta, Officer, database

log = logging.getLogger(__name__)

BATCH = 500
# SQLite's own tables and the FTS5 name index (SQLite only: PostgreSQL searches names by LIKE).
SQLITE_ONLY_PREFIXES = ("sqlite_", "dossier_name_fts")


@dataclass
class MoveReport:
    """What moved: rows per table (equal on both sides), where to, and the old file."""

    server: str
    counts: dict[str, int] = field(default_factory=dict)
    old_file: Path | None = None
    counters_raised: int = 0
    copies: int = 0  # electronic copies moved from the folder beside the file into the server

    def to_dict(self) -> dict:
        return {"server": self.server, "tables": self.counts, "old_file": str(self.old_file),
                "rows": sum(self.counts.values()), "counters_raised": self.counters_raised,
                "copies": self.copies}

    def lines(self) -> list[str]:
        dossiers = self.counts.get("dossier", 0)
        return [f"Đã chuyển toàn bộ dữ liệu lên máy chủ {self.server}: {len(self.counts)} bảng, "
                f"{sum(self.counts.values())} dòng ({dossiers} hồ sơ); số dòng mỗi bảng đã đối chiếu khớp.",
                *([f"{self.copies} bản điện tử (số hóa) đã được đưa vào máy chủ."] if self.copies else []),
                f"Tệp cũ {self.old_file} được giữ nguyên, chỉ đọc, để đối chiếu.",
                "Máy này từ nay làm việc trên máy chủ của Trung tâm; các quầy khác hãy chọn "
                "“Kết nối máy chủ của Trung tâm” với cùng địa chỉ."]


def _sqlite_tables(source: SqliteDatabase) -> set[str]:
    return {r[0] for r in source.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        if not r[0].startswith(SQLITE_ONLY_PREFIXES)}


def _refuse_unknown_tables(source: SqliteDatabase, models: list) -> None:
    unknown = _sqlite_tables(source) - {m._meta.table_name for m in models}
    if unknown:
        raise MotCuaError(
            "Tệp cơ sở dữ liệu có bảng mà phiên bản phần mềm này không biết "
            f"({', '.join(sorted(unknown))}); không chuyển để khỏi bỏ sót dữ liệu. Hãy cập nhật "
            "MotCua lên phiên bản mới nhất rồi làm lại.")


def _refuse_non_empty(target: PostgresqlDatabase) -> None:
    tables = [r[0] for r in target.execute_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1").fetchall()]
    if tables:
        raise MotCuaError(
            f"Cơ sở dữ liệu trên máy chủ không trống (đã có {len(tables)} bảng, ví dụ {tables[0]}). "
            "Chỉ chuyển vào một cơ sở dữ liệu mới, trống (docs/office-server.md); không có gì được ghi.")


def _columns(model, source: SqliteDatabase) -> list:
    present = {c.name for c in source.get_columns(model._meta.table_name)}
    return [f for f in model._meta.sorted_fields if f.column_name in present]


def _copy_table(model, source: SqliteDatabase, target: PostgresqlDatabase) -> int:
    """Every row of one table, streamed in batches; values pass through the fields (SQLite's
    0/1 become booleans, its text dates become timestamps)."""
    fields = _columns(model, source)
    if not fields:
        return 0
    names = ", ".join(f'"{f.column_name}"' for f in fields)
    cursor = source.execute_sql(f'SELECT {names} FROM "{model._meta.table_name}"')
    copied = 0
    while True:
        batch = cursor.fetchmany(BATCH)
        if not batch:
            return copied
        rows = [tuple(f.python_value(v) if v is not None else None for f, v in zip(fields, row))
                for row in batch]
        model.insert_many(rows, fields=fields).bind(target).execute()
        copied += len(rows)


def _continue_sequences(models: list, target: PostgresqlDatabase) -> None:
    for model in models:
        pk = model._meta.primary_key
        if isinstance(pk, AutoField):
            table, column = model._meta.table_name, pk.column_name
            target.execute_sql(
                f"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), "
                f"COALESCE((SELECT MAX(\"{column}\") FROM \"{table}\"), 1), "
                f"(SELECT MAX(\"{column}\") FROM \"{table}\") IS NOT NULL)")


def _counts(models: list, db) -> dict[str, int]:
    return {m._meta.table_name: db.execute_sql(f'SELECT COUNT(*) FROM "{m._meta.table_name}"').fetchone()[0]
            for m in models}


def _with_proxy(db, work):
    """Run ``work`` with the tables bound to ``db`` (the migrations and the floors of a restore
    use the shared binding), then give the binding back."""
    previous = database.obj
    database.initialize(db)
    try:
        return work()
    finally:
        database.initialize(previous)


def migrate_to(url: str, *, by: Officer, now: datetime | None = None, switch: bool = True) -> MoveReport:
    """Move the open SQLite counter database into the empty server database at ``url``.

    Action "server.migrate" (admin). ``switch``: set this machine to the server afterwards.
    """
    from .restore import RestoreReport, _raise_floors

    by = require(by, "server.migrate", entity="settings", entity_id="server")
    now = now or clock()
    source = database.obj
    path = database_path()
    if not is_sqlite(source) or path is None:
        raise MotCuaError("Máy này đang dùng máy chủ; chỉ chuyển được từ một tệp cơ sở dữ liệu "
                          "riêng của một quầy (--db TỆP).")
    if url.split("://", 1)[0] not in ("postgresql", "postgres"):
        raise MotCuaError("Địa chỉ máy chủ phải có dạng postgresql://tài_khoản:mật_khẩu@máy_chủ:5432/tên_cơ_sở_dữ_liệu.")
    models = all_models()
    _refuse_unknown_tables(source, models)
    issued = highwater.current().read() if highwater.current() else highwater.Issued()
    target = server_database(url)
    report = MoveReport(server=target.where, old_file=path)
    try:
        target.connect()
        _refuse_non_empty(target)
        check_server(target, schema_current=False)
        expected = _counts(models, source)
        with target.atomic():
            _with_proxy(target, lambda: migrate(target))
            Meta.delete().bind(target).execute()  # the source's rows, schema version included
            for model in models:
                _copy_table(model, source, target)
            _continue_sequences(models, target)
            found = _counts(models, target)
            if found != expected:
                differ = [f"{t}: {expected[t]} → {found.get(t)}" for t in expected if expected[t] != found.get(t)]
                raise MotCuaError("Số dòng sau khi chuyển không khớp (" + "; ".join(differ)
                                  + "); đã hủy, máy chủ giữ nguyên như trước.")
            report.copies = _copy_attachment_files(path, target)
            floors = RestoreReport(path, None, "", "sound", None)
            _with_proxy(target, lambda: _raise_floors(issued, floors))
            report.counters_raised = floors.counters_raised
            AuditLog.insert(at=now, officer=by.id, action="server.migrate", entity="server",
                            entity_id=target.where,
                            details=json.dumps({"from": path.name, "rows": sum(found.values())},
                                               ensure_ascii=False)).bind(target).execute()
        report.counts = found
    finally:
        if not target.is_closed():
            target.close()
    _retire(source, path, target.where)
    if switch:
        save_connection(replace(connection_from_url(url), counter=counter_number() or load_connection().counter))
    log.info("moved %s to %s: %s rows", path, target.where, sum(report.counts.values()))
    return report


def _copy_attachment_files(path: Path, target: PostgresqlDatabase) -> int:
    """The electronic copies a SQLite counter keeps as files beside its database go into the
    server's attachment_blob table, where every counter finds them (models.attachment_store).
    Each is checked against its hash as it is read: a missing or damaged copy stops the move,
    and the transaction leaves the server as it was. Returns how many were moved."""
    from .attachment_store import FolderStore, folder_beside
    from .attachment_tables import Attachment, AttachmentBlob

    store = FolderStore(folder_beside(path))
    wanted = sorted({sha for (sha,) in Attachment.select(Attachment.sha256).tuples()})
    for sha in wanted:
        data = store.get(sha)
        AttachmentBlob.insert(sha256=sha, size=len(data), data=data).on_conflict_ignore().bind(target).execute()
    return len(wanted)


def _retire(source: SqliteDatabase, path: Path, where: str) -> None:
    """Mark the old file as moved, fold its WAL in, close it and make it read-only."""
    with source.atomic():
        source.execute_sql("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (MOVED_KEY, where))
    source.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    source.close()
    for part in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if part.exists():
            try:
                os.chmod(part, stat.S_IREAD)  # owner read-only (Windows: the read-only attribute)
            except OSError as exc:  # the move is done; a file left writable is still refused
                log.warning("cannot make %s read-only: %s", part, exc)
