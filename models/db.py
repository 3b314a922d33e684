"""Opening the database: SQLite file (default) or a PostgreSQL URL, and the write transaction.

SQLite is opened for a counter PC where power cuts happen: WAL, foreign keys on and
synchronous=FULL, so a dossier whose receipt was printed is on disk.

What is refused rather than opened: a file that is empty (a 0-byte file is what a failed copy
or a damaged disk leaves; SQLite would silently make it a new, empty database), a file that is
not a SQLite database, and, when ``check`` is asked (the app does at start), a database that
fails ``PRAGMA quick_check``. Read-only opens (the commands that only look) take no write lock,
work in a read-only folder and never migrate.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from peewee import Database, PostgresqlDatabase, SqliteDatabase

from . import highwater
from .errors import MotCuaError, PermissionDenied
from .migrations import SCHEMA_VERSION, check_version, current_version, migrate
from .network_drive import on_network_drive
from .office_server import check_server, server_database
from .private_files import create_private_file, make_private, private_dir
from .storage_errors import DatabaseDamaged, classify
from .tables import database

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": 2,  # FULL
    "busy_timeout": 30000,
    "cache_size": -16000,
}
READ_ONLY_PRAGMAS = {"foreign_keys": 1, "busy_timeout": 30000, "cache_size": -16000, "query_only": 1}
SQLITE_HEADER = b"SQLite format 3\x00"

_path: Path | None = None  # the open SQLite file (None for PostgreSQL)


def is_url(target: str) -> bool:
    return "://" in target


def database_path() -> Path | None:
    """The SQLite file open now (None for PostgreSQL or nothing open)."""
    return _path


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that cannot be a SQLite database, before SQLite touches it."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except IsADirectoryError:
        raise MotCuaError(f"{path} là một thư mục, không phải tệp cơ sở dữ liệu.") from None
    except PermissionError:
        raise MotCuaError(f"Không có quyền đọc tệp cơ sở dữ liệu {path}.") from None
    if not header:
        raise DatabaseDamaged(
            f"Tệp cơ sở dữ liệu {path} rỗng (0 byte): có thể bị hỏng hoặc chép chưa xong. "
            "Không mở để tránh tạo một cơ sở dữ liệu trống thay thế; hãy khôi phục từ bản sao lưu "
            "(lệnh restore TỆP, hoặc mở phần mềm để chọn bản sao lưu).", str(path),
            "tệp rỗng (0 byte), có thể bị hỏng hoặc chép chưa xong")
    if header != SQLITE_HEADER:
        raise DatabaseDamaged(
            f"Tệp {path} không phải cơ sở dữ liệu MotCua (không phải tệp SQLite), hoặc đã bị hỏng "
            "phần đầu. Hãy kiểm tra đường dẫn, hoặc khôi phục từ bản sao lưu.", str(path),
            "không phải tệp cơ sở dữ liệu (hoặc hỏng phần đầu)")


def quick_check(db: SqliteDatabase, path: Path | str = "") -> None:
    """``PRAGMA quick_check``: DatabaseDamaged unless SQLite finds the file sound."""
    try:
        rows = [r[0] for r in db.execute_sql("PRAGMA quick_check").fetchall()]
    except Exception as exc:  # noqa: BLE001 - a damaged file raises on the check itself
        found = classify(exc, str(path))
        if found is None or found.kind not in ("damaged", "io"):
            raise
        rows = [str(exc)]
    if rows == ["ok"]:
        # The check read every page into this connection's cache (up to cache_size, 16 MB):
        # give that memory back, the pages are not what the counter works on next.
        db.execute_sql("PRAGMA shrink_memory")
    if rows != ["ok"]:
        raise DatabaseDamaged(
            f"Cơ sở dữ liệu {path} bị hỏng (kiểm tra toàn vẹn báo lỗi: {rows[0][:120]}). Hãy khôi "
            "phục từ bản sao lưu mới nhất (lệnh restore TỆP, hoặc mở phần mềm để chọn bản sao lưu).",
            str(path), f"kiểm tra toàn vẹn báo lỗi: {rows[0][:120]}")


def _connect_sqlite(path: Path, read_only: bool) -> SqliteDatabase:
    if not read_only:
        return SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS)
    uri = path.resolve().as_uri()
    db = SqliteDatabase(f"{uri}?mode=ro", uri=True, pragmas=READ_ONLY_PRAGMAS)
    try:
        db.connect()
        db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
        return db
    except Exception:  # noqa: BLE001 - a read-only folder without the WAL's files
        db.close()
    # WAL needs its -shm file; in a folder nobody can write, nothing can change the file either.
    return SqliteDatabase(f"{uri}?mode=ro&immutable=1", uri=True, pragmas=READ_ONLY_PRAGMAS)


def open_database(target: str, *, create: bool = True, read_only: bool = False,
                  check: bool = False) -> Database:
    """Open the database at a file path or URL, migrated to the current schema.

    ``read_only``: no write lock, no migration (an older schema is refused with a message);
    ``check``: run ``PRAGMA quick_check`` first (SQLite). The tables in models.tables are
    bound to it; services use them through that binding.
    """
    global _path
    if is_url(target):
        if target.split("://", 1)[0] in ("postgresql", "postgres"):
            db = server_database(target)
        else:
            from playhouse.db_url import connect as connect_url

            db = connect_url(target)
        _path = None
        highwater.attach(None)
    else:
        path = Path(target).expanduser()
        refuse_network_drive(path)
        if path.exists():
            check_sqlite_file(path)
        elif read_only or not create:
            raise MotCuaError(f"Không tìm thấy cơ sở dữ liệu: {path}. Hãy chạy lệnh setup trước "
                              "(hoặc chỉ đúng tệp bằng --db).")
        else:
            if not path.parent.exists():  # a folder we make is private; one that exists is left as it is
                private_dir(path.parent)
            create_private_file(path)
        if not read_only:
            for part in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                make_private(part)
        db = _connect_sqlite(path, read_only)
        _path = path
        highwater.attach(None if read_only else path)
    database.initialize(db)
    try:
        db.connect(reuse_if_open=True)
        if read_only and isinstance(db, PostgresqlDatabase):
            db.execute_sql("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        if check and isinstance(db, SqliteDatabase):
            quick_check(db, _path or "")
        if isinstance(db, PostgresqlDatabase):
            check_server(db, schema_current=read_only or current_version(db) == SCHEMA_VERSION)
        elif not read_only:
            refuse_moved(db, _path)
        if read_only:
            check_version(db)
        else:
            migrate(db)
    except Exception as exc:
        found = classify(exc, str(_path or ""))
        db.close()
        if found is None:
            raise
        raise found from exc
    if _path is not None and not read_only:
        highwater.current().compact_if_large(_now())
    return db


def _now():
    from .audit import now

    return now()


MOVED_KEY = "moved_to_server"


def refuse_moved(db: Database, path: Path | None) -> None:
    """A counter file whose data went up to the office server (models.migrate_to) is kept
    read-only as it was; working on it again would fork the agency's numbering."""
    if not db.table_exists("meta"):
        return
    row = db.execute_sql("SELECT value FROM meta WHERE key = ?", (MOVED_KEY,)).fetchone()
    if row:
        raise MotCuaError(
            f"Dữ liệu trong tệp {path} đã được chuyển lên máy chủ của Trung tâm ({row[0]}); tệp "
            "được giữ nguyên để đối chiếu, không dùng để tiếp nhận nữa. Hãy kết nối máy chủ "
            "(Cài đặt → Máy này và máy chủ, hoặc lệnh office-connect).")


def refuse_network_drive(path: Path) -> None:
    """SQLite on a network share loses data (WAL needs shared memory): point to PostgreSQL."""
    where = on_network_drive(path)
    if where:
        raise MotCuaError(
            f"Cơ sở dữ liệu {path} nằm trên {where}. SQLite không an toàn trên ổ mạng (có thể "
            f"hỏng dữ liệu khi mất kết nối). Hãy để tệp trên ổ đĩa của máy này, hoặc để nhiều "
            f"máy dùng chung một cơ sở dữ liệu thì dùng máy chủ PostgreSQL "
            f"(--db postgresql://…, xem mục PostgreSQL trong README)."
        )


def close_database() -> None:
    db = database.obj
    if db is not None and not db.is_closed():
        db.close()


def is_sqlite(db: Database | None = None) -> bool:
    return isinstance(db or database.obj, SqliteDatabase)


def is_postgres(db: Database | None = None) -> bool:
    return isinstance(db or database.obj, PostgresqlDatabase)


@contextlib.contextmanager
def write_transaction() -> Iterator[None]:
    """One writing transaction; on SQLite it takes the write lock at BEGIN (IMMEDIATE).

    Taking the lock first means two counters never both read the same last code and
    then one of them fails at commit: the second simply waits (busy_timeout).

    Refused permissions (PermissionDenied) raised inside are audited once the outermost
    transaction has rolled back, in a transaction of their own.
    """
    db = database.obj
    outermost = not db.in_transaction()
    try:
        if is_sqlite(db) and outermost:
            with db.atomic("IMMEDIATE"):
                yield
        else:
            with db.atomic():
                yield
    except PermissionDenied as refusal:
        if outermost:
            refusal.record()
        raise

