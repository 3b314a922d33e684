"""Opening the database: SQLite file (default) or a PostgreSQL URL, and the write transaction.

SQLite is opened for a counter PC where power cuts happen: WAL, foreign keys on and
synchronous=FULL, so a dossier whose receipt was printed is on disk.
"""
from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Iterator

from peewee import Database, DatabaseError, PostgresqlDatabase, SqliteDatabase

from .errors import MotCuaError
from .migrations import migrate
from .network_drive import on_network_drive
from .tables import database

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": 2,  # FULL
    "busy_timeout": 30000,
    "cache_size": -16000,
}


def is_url(target: str) -> bool:
    return "://" in target


def open_database(target: str, *, create: bool = True) -> Database:
    """Open (and migrate to the current schema) the database at a file path or URL.

    The tables in models.tables are bound to it; services use them through that binding.
    """
    if is_url(target):
        from playhouse.db_url import connect as connect_url

        db = connect_url(target)
    else:
        path = Path(target).expanduser()
        if not create and not path.exists():
            raise MotCuaError(f"Không tìm thấy cơ sở dữ liệu: {path}")
        refuse_network_drive(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        db = SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS)
    database.initialize(db)
    try:
        db.connect(reuse_if_open=True)
        migrate(db)
    except DatabaseError as exc:
        if is_url(target):
            raise
        db.close()
        raise DamagedDatabaseError(
            f"Không mở được cơ sở dữ liệu {target}: tệp bị hỏng hoặc không phải cơ sở dữ liệu "
            f"MotCua ({exc}). Hãy khôi phục bản sao lưu gần nhất hoặc chọn tệp khác (--db)."
        ) from exc
    return db


class DamagedDatabaseError(MotCuaError):
    """The SQLite file cannot be read as a MotCua database."""


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
    """
    db = database.obj
    if is_sqlite(db) and not db.in_transaction():
        with db.atomic("IMMEDIATE"):
            yield
    else:
        with db.atomic():
            yield


def backup_database(target: str | Path) -> Path:
    """A consistent copy of the SQLite database while it is in use (SQLite's backup API)."""
    db = database.obj
    if not is_sqlite(db):
        raise MotCuaError("Sao lưu bằng lệnh này chỉ dùng cho cơ sở dữ liệu SQLite.")
    import sqlite3

    target = Path(target).expanduser()
    target.parent.mkdir(parents=True, exist_ok=True)
    destination = sqlite3.connect(str(target))
    try:
        db.connection().backup(destination)
    finally:
        destination.close()
    return target
