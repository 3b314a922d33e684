"""Schema version and forward migrations.

Each release that changes the schema appends one function to MIGRATIONS; a database opened by
a newer app is migrated forward in one transaction, never backwards, and its data is kept.
"""
from __future__ import annotations

from typing import Callable

from peewee import (
    AutoField, BooleanField, CharField, Database, DateField, DateTimeField, ForeignKeyField,
    IntegerField, Model, SmallIntegerField, SqliteDatabase, TextField,
)

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


def _v3_province_packages(db: Database) -> None:
    """Province packages: the portal's code of online dossiers, national codes of split catalog
    entries, the origin of calendar entries, the packages applied and catalogs held for later.

    Frozen: the columns and tables are declared here as they were made. Columns are added only
    when missing, because migration 1 creates today's tables on a new database.
    """
    columns = {
        "procedure": [("national_code", "VARCHAR(255) NOT NULL DEFAULT ''")],
        "dossier": [("portal_code", "VARCHAR(255)")],
        "calendar_override": [("origin", "VARCHAR(255) NOT NULL DEFAULT 'admin'"),
                              ("source", "TEXT NOT NULL DEFAULT ''"),
                              ("package_sequence", "INTEGER")],
    }
    for table, wanted in columns.items():
        present = {c.name for c in db.get_columns(table)}
        for name, kind in wanted:
            if name not in present:
                db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "{name}" {kind}')
    db.execute_sql('CREATE INDEX IF NOT EXISTS "dossier_portal_code" ON "dossier" ("portal_code")')

    class Frozen(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Officer(Frozen):
        id = AutoField()

    class ProvincePackage(Frozen):
        id = AutoField()
        agency_code = CharField()
        sequence = IntegerField()
        sha256 = CharField()
        file_name = TextField(default="")
        created_at = DateTimeField(null=True)
        seen_at = DateTimeField()
        officer = ForeignKeyField(Officer, null=True, on_delete="SET NULL", index=False)
        status = CharField()
        problem = CharField(default="")
        message = TextField(default="")
        summary = TextField(default="{}")
        signed = BooleanField(default=False)
        ack_confirmed_at = DateTimeField(null=True)

        class Meta:
            indexes = ((("agency_code", "sequence"), False),)

    class CatalogRelease(Frozen):
        id = AutoField()
        package_sequence = IntegerField(null=True)
        decision = TextField()
        effective_from = DateField(index=True)
        entries = TextField()
        received_at = DateTimeField()
        applied_at = DateTimeField(null=True)
        superseded_at = DateTimeField(null=True)
        report = TextField(default="")

    db.create_tables([ProvincePackage, CatalogRelease], safe=True)


def _v4_citizen_service(db: Database) -> None:
    """Fees and satisfaction: the catalog's fee rules, each dossier's fee and its payment, the
    citizens' ratings (models.citizen_tables).

    Frozen like migration 3: declared here as made; the column is added only when missing.
    """
    if "fee_rule" not in {c.name for c in db.get_columns("procedure")}:
        db.execute_sql('ALTER TABLE "procedure" ADD COLUMN "fee_rule" TEXT NOT NULL DEFAULT \'\'')

    class Frozen(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Officer(Frozen):
        id = AutoField()

    class Dossier(Frozen):
        id = AutoField()

    class DossierFee(Frozen):
        dossier = ForeignKeyField(Dossier, primary_key=True, on_delete="CASCADE")
        amount = IntegerField()
        full_amount = IntegerField()
        exempt_reason = TextField(default="")
        basis = TextField(default="")
        lines = TextField(default="[]")
        explanation = TextField(default="")
        paid_at = DateTimeField(null=True, index=True)
        paid_by = ForeignKeyField(Officer, null=True, on_delete="RESTRICT", index=False)
        paid_amount = IntegerField(null=True)
        method = CharField(default="")

    class SatisfactionRating(Frozen):
        id = AutoField()
        uid = CharField(unique=True)
        dossier = ForeignKeyField(Dossier, on_delete="CASCADE", index=True)
        stage = CharField()
        level = SmallIntegerField()
        level_name = TextField()
        scale_size = SmallIntegerField()
        satisfied = BooleanField()
        comment = TextField(default="")
        at = DateTimeField(index=True)
        officer = ForeignKeyField(Officer, on_delete="RESTRICT", index=False)

    db.create_tables([DossierFee, SatisfactionRating], safe=True)


MIGRATIONS: list[Callable[[Database], None]] = [_v1_initial, _v2_sync_and_reports, _v3_province_packages,
                                                _v4_citizen_service]
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
