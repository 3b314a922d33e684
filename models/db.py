"""Opening the database: SQLite file (default) or a PostgreSQL URL, and the write transaction.

SQLite is opened for a counter PC where power cuts happen: WAL, foreign keys on and
synchronous=FULL, so a dossier whose receipt was printed is on disk.
"""
from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Iterator

from peewee import Database, PostgresqlDatabase, SqliteDatabase

from .errors import MotCuaError, PermissionDenied
from .migrations import migrate
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
        path.parent.mkdir(parents=True, exist_ok=True)
        db = SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS)
    database.initialize(db)
    db.connect(reuse_if_open=True)
    migrate(db)
    return db


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
