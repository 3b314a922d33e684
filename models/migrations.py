"""Schema version and forward migrations.

Each release that changes the schema appends one function to MIGRATIONS; a database opened by
a newer app is migrated forward in one transaction, never backwards, and its data is kept.
"""
from __future__ import annotations

from typing import Callable

from peewee import Database, SqliteDatabase

from .errors import MotCuaError
from .tables import ALL_TABLES, Meta


def _v1_initial(db: Database) -> None:
    db.create_tables(ALL_TABLES)
    if isinstance(db, SqliteDatabase):
        _create_sqlite_name_index(db)


def _create_sqlite_name_index(db: Database) -> None:
    """FTS5 index of folded applicant names, kept in step by triggers (external content).

    detail='none' keeps it small (no positions needed for word matching); prefix='2 3'
    answers a name being typed ("nguyen thi ha…") without merging every "ha…" word.
    """
    db.execute_sql(
        "CREATE VIRTUAL TABLE IF NOT EXISTS dossier_name_fts USING fts5("
        "applicant_name_folded, content='dossier', content_rowid='id', "
        "tokenize='unicode61', detail='none', prefix='2 3')"
    )
    db.execute_sql(
        "CREATE TRIGGER IF NOT EXISTS dossier_fts_ai AFTER INSERT ON dossier BEGIN "
        "INSERT INTO dossier_name_fts(rowid, applicant_name_folded) "
        "VALUES (new.id, new.applicant_name_folded); END"
    )
    db.execute_sql(
        "CREATE TRIGGER IF NOT EXISTS dossier_fts_ad AFTER DELETE ON dossier BEGIN "
        "INSERT INTO dossier_name_fts(dossier_name_fts, rowid, applicant_name_folded) "
        "VALUES ('delete', old.id, old.applicant_name_folded); END"
    )
    db.execute_sql(
        "CREATE TRIGGER IF NOT EXISTS dossier_fts_au AFTER UPDATE OF applicant_name_folded "
        "ON dossier BEGIN "
        "INSERT INTO dossier_name_fts(dossier_name_fts, rowid, applicant_name_folded) "
        "VALUES ('delete', old.id, old.applicant_name_folded); "
        "INSERT INTO dossier_name_fts(rowid, applicant_name_folded) "
        "VALUES (new.id, new.applicant_name_folded); END"
    )


def _v2_sync_and_reports(db: Database) -> None:
    """Day-file state (signing key, exports, acks) and the indexes the period report reads."""
    from .report_query import REPORT_INDEXES
    from .sync_state import SYNC_INDEXES, SYNC_TABLES

    db.create_tables(SYNC_TABLES)
    for statement in SYNC_INDEXES + REPORT_INDEXES:
        db.execute_sql(statement)
    # dossier_report_scan starts with received_at: the single-column index is redundant.
    db.execute_sql("DROP INDEX IF EXISTS dossier_received_at")


def _v3_paper_kinds_and_tails(db: Database) -> None:
    """Catalog papers get a kind, a dossier's papers remember being only shown, and the
    reversed ends of codes, ID numbers and phones are indexed ("the last digits" search).

    Frozen: the columns and the table are declared here as they are at this version. Each
    step checks what exists, so a schema 1 created from later models is upgraded as well.
    """
    sqlite = isinstance(db, SqliteDatabase)
    paper_columns = {c.name for c in db.get_columns("procedure_document")}
    if "kind" not in paper_columns:
        # "required" | "situational" (handed in only in the case it names) | "shown" (xuất
        # trình, not handed in). The old flag becomes required / situational; which papers
        # are only shown comes with the catalog (a fresh import sets them).
        db.execute_sql("ALTER TABLE procedure_document ADD COLUMN kind VARCHAR(255) "
                       "NOT NULL DEFAULT 'required'")
        if "required" in paper_columns:
            db.execute_sql("UPDATE procedure_document SET kind = 'situational' WHERE NOT required")
    if "required" in paper_columns:
        db.execute_sql("ALTER TABLE procedure_document DROP COLUMN required")
    if "shown" not in {c.name for c in db.get_columns("dossier_document")}:
        kind = "INTEGER NOT NULL DEFAULT 0" if sqlite else "BOOLEAN NOT NULL DEFAULT false"
        db.execute_sql(f"ALTER TABLE dossier_document ADD COLUMN shown {kind}")
    if db.table_exists("dossier_tail"):
        return
    if sqlite:
        db.execute_sql(
            'CREATE TABLE "dossier_tail" ("tail" VARCHAR(255) NOT NULL, '
            '"dossier_id" INTEGER NOT NULL REFERENCES "dossier" ("id") ON DELETE CASCADE, '
            'PRIMARY KEY ("tail", "dossier_id")) WITHOUT ROWID')
        # SQLite has no reverse(): lend it one for this statement's connection.
        db.connection().create_function("motcua_reverse", 1,
                                        lambda s: s[::-1] if s is not None else None,
                                        deterministic=True)
        reverse, after_hyphen = "motcua_reverse", "substr(code, instr(code, '-') + 1)"
        ignore, conflict = "INSERT OR IGNORE", ""
    else:
        db.execute_sql(
            'CREATE TABLE "dossier_tail" ("tail" VARCHAR(255) COLLATE "C" NOT NULL, '
            '"dossier_id" INTEGER NOT NULL REFERENCES "dossier" ("id") ON DELETE CASCADE, '
            'PRIMARY KEY ("tail", "dossier_id"))')
        reverse, after_hyphen = "reverse", "substr(code, strpos(code, '-') + 1)"
        ignore, conflict = "INSERT", " ON CONFLICT DO NOTHING"
    for value in (after_hyphen, "applicant_id_number", "applicant_phone"):
        db.execute_sql(f'{ignore} INTO "dossier_tail" ("tail", "dossier_id") '
                       f"SELECT {reverse}({value}), id FROM dossier WHERE {value} <> ''{conflict}")


MIGRATIONS: list[Callable[[Database], None]] = [_v1_initial, _v2_sync_and_reports,
                                                _v3_paper_kinds_and_tails]
SCHEMA_VERSION = len(MIGRATIONS)


def current_version(db: Database) -> int:
    if not db.table_exists("meta"):
        return 0
    row = Meta.get_or_none(Meta.key == "schema_version")
    return int(row.value) if row else 0


def migrate(db: Database) -> int:
    """Bring the database to SCHEMA_VERSION; returns the version it was at."""
    lock = db.atomic("IMMEDIATE") if isinstance(db, SqliteDatabase) else db.atomic()
    with lock:
        found = current_version(db)
        if found > SCHEMA_VERSION:
            raise MotCuaError(
                f"Cơ sở dữ liệu thuộc phiên bản mới hơn ({found}) so với phần mềm "
                f"({SCHEMA_VERSION}). Hãy cập nhật MotCua trước khi mở."
            )
        for step in MIGRATIONS[found:]:
            step(db)
        if found != SCHEMA_VERSION:
            Meta.insert(key="schema_version", value=str(SCHEMA_VERSION)).on_conflict(
                conflict_target=[Meta.key], update={Meta.value: str(SCHEMA_VERSION)}
            ).execute()
    return found
