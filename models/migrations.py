"""Schema version and forward migrations.

Each release that changes the schema appends one function to MIGRATIONS; a database opened by
a newer app is migrated forward in one transaction, never backwards, and its data is kept.
"""
from __future__ import annotations

from datetime import datetime, timedelta
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
    from .sync_state import SYNC_INDEXES, SYNC_TABLES

    db.create_tables(SYNC_TABLES)
    for statement in SYNC_INDEXES + _V2_REPORT_INDEXES:
        db.execute_sql(statement)
    # dossier_report_scan starts with received_at: the single-column index is redundant.
    db.execute_sql("DROP INDEX IF EXISTS dossier_received_at")


# The report's indexes as schema 2 made them (frozen here; schema 3 replaces them).
_V2_REPORT_INDEXES = (
    "CREATE INDEX IF NOT EXISTS dossier_report_scan ON dossier "
    "(received_at, procedure_id, channel, status, finished_at, due_at, paused_at)",
    "CREATE INDEX IF NOT EXISTS dossier_report_finished ON dossier (finished_at, received_at)",
    "CREATE INDEX IF NOT EXISTS dossier_report_open ON dossier "
    "(received_at, procedure_id, channel, status, finished_at, due_at, paused_at) "
    "WHERE status IN (2, 4, 5, 6, 3, 7, 8)",
)


def _v3_accountable_records(db: Database) -> None:
    """Roles, sign-in throttling and the lateness marks (DOMAIN §7, §9).

    - officer.role (one of officer/leader/admin) becomes officer.roles, a comma-separated set.
      Nothing an account could do before is taken away from it: an admin gets all three roles
      (the account ``setup`` made did everything), a leader also keeps the officer's work.
    - sign_in_attempts: consecutive failed sign-ins per user name (models.accounts).
    - status_event.recorded_at / backdate_reason: the real moment a step was entered and why
      a leader recorded it earlier; due_date_change.overdue / signer_id: an extension made
      after the due moment, and the leader who signed the apology; dossier.late_from: counted
      late from this moment whatever happens next (models.lateness).
    - Existing extensions recorded after the due moment in force are marked overdue and their
      dossiers counted late from that moment; so are dossiers with a second supplement
      request, from that request.
    - The report's covering indexes gain late_from.
    Declared here as it was in schema 3, independent of today's models (columns that a
    database created by today's models already has are left alone).
    """
    sqlite = isinstance(db, SqliteDatabase)
    timestamp, boolean, false = ("DATETIME", "INTEGER", "0") if sqlite else ("TIMESTAMP", "BOOLEAN", "FALSE")

    def columns(table: str) -> set[str]:
        return {c.name for c in db.get_columns(table)}

    def add(table: str, column: str, definition: str) -> None:
        if column not in columns(table):
            db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "{column}" {definition}')

    add("officer", "roles", "VARCHAR(255) NOT NULL DEFAULT 'officer'")
    if "role" in columns("officer"):
        db.execute_sql("UPDATE officer SET roles = CASE role WHEN 'admin' THEN 'officer,leader,admin' "
                       "WHEN 'leader' THEN 'officer,leader' ELSE 'officer' END")
        from playhouse.migrate import PostgresqlMigrator, SqliteMigrator, migrate as run

        migrator = SqliteMigrator(db) if sqlite else PostgresqlMigrator(db)
        run(migrator.drop_column("officer", "role"))
    db.execute_sql(
        'CREATE TABLE IF NOT EXISTS "sign_in_attempts" ("username" VARCHAR(255) NOT NULL PRIMARY KEY, '
        f'"failures" INTEGER NOT NULL DEFAULT 0, "last_failure_at" {timestamp}, "locked_until" {timestamp})')
    add("dossier", "late_from", timestamp)
    add("status_event", "recorded_at", timestamp)
    add("status_event", "backdate_reason", "TEXT NOT NULL DEFAULT ''")
    add("due_date_change", "overdue", f"{boolean} NOT NULL DEFAULT {false}")
    add("due_date_change", "signer_id", 'INTEGER REFERENCES "officer" ("id") ON DELETE RESTRICT')
    _v3_mark_late_records(db, sqlite)
    for name in ("dossier_report_scan", "dossier_report_finished", "dossier_report_open"):
        db.execute_sql(f"DROP INDEX IF EXISTS {name}")
    scan = "received_at, procedure_id, channel, status, finished_at, due_at, paused_at, late_from"
    db.execute_sql(f"CREATE INDEX dossier_report_scan ON dossier ({scan})")
    db.execute_sql("CREATE INDEX dossier_report_finished ON dossier (finished_at, received_at)")
    db.execute_sql(f"CREATE INDEX dossier_report_open ON dossier ({scan}) "
                   "WHERE status IN (2, 4, 5, 6, 3, 7, 8)")


def _v3_mark_late_records(db: Database, sqlite: bool) -> None:
    """Schema 3's marks on the records made before it (see _v3_accountable_records)."""
    p = db.param

    def moment(value) -> datetime:
        return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))

    def stored(value: datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S") if sqlite else value

    marks: dict[int, datetime] = {}
    extensions = db.execute_sql(
        "SELECT c.id, c.dossier_id, c.at, c.old_due_at, "
        " (SELECT e.from_status FROM status_event e WHERE e.dossier_id = c.dossier_id "
        "  AND e.action = 'extend' AND e.at = c.at ORDER BY e.id LIMIT 1), "
        " (SELECT MAX(e.at) FROM status_event e WHERE e.dossier_id = c.dossier_id "
        "  AND e.action = 'supplement' AND e.at <= c.at) "
        "FROM due_date_change c WHERE c.kind = 'extend' AND c.old_due_at IS NOT NULL").fetchall()
    for change_id, dossier_id, at, old_due, from_status, paused_since in extensions:
        # While a supplement request was outstanding (5) the clock had stopped at the request.
        judged = moment(paused_since) if from_status == 5 and paused_since is not None else moment(at)
        if judged > moment(old_due):
            db.execute_sql(f"UPDATE due_date_change SET overdue = {'1' if sqlite else 'TRUE'} "
                           f"WHERE id = {p}", (change_id,))
            mark = moment(old_due) + timedelta(seconds=1)
            marks[dossier_id] = min(marks.get(dossier_id, mark), mark)
    second_requests = db.execute_sql(
        "SELECT e.dossier_id, e.at FROM status_event e WHERE e.action = 'supplement' AND "
        "(SELECT COUNT(*) FROM status_event f WHERE f.dossier_id = e.dossier_id "
        " AND f.action = 'supplement' AND (f.at < e.at OR (f.at = e.at AND f.id < e.id))) = 1").fetchall()
    for dossier_id, at in second_requests:
        marks[dossier_id] = min(marks.get(dossier_id, moment(at)), moment(at))
    for dossier_id, mark in marks.items():
        db.execute_sql(f"UPDATE dossier SET late_from = {p} WHERE id = {p}", (stored(mark), dossier_id))


MIGRATIONS: list[Callable[[Database], None]] = [_v1_initial, _v2_sync_and_reports, _v3_accountable_records]
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
