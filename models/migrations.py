"""Schema version and forward migrations, each frozen as it was written.

Each release that changes the schema appends one function to MIGRATIONS. A step declares the
tables, columns and indexes it creates as they were at that step (peewee's own migration
examples do the same, playhouse/migrate.py), never through today's models: a model changed
later must not change what an old step creates, or a database upgraded from version 1 would
differ from one created new. Nothing here imports the services, so opening a database loads
no more than the tables (models.db → migrations → tables).

A database opened by a newer app is migrated forward in one transaction, never backwards, and
its data is kept. tests/models/test_migrations.py builds a database at every past version,
upgrades it, and checks that the result equals a database created from today's models.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from peewee import (
    AutoField,
    BlobField,
    BooleanField,
    CharField,
    CompositeKey,
    Database,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    SmallIntegerField,
    SqliteDatabase,
    TextField,
)

from .errors import MotCuaError
from .tables import Meta


def _frozen_base(db: Database) -> type[Model]:
    class Frozen(Model):
        class Meta:
            database = db
            legacy_table_names = False
    return Frozen


def _migrator(db: Database):
    from playhouse.migrate import PostgresqlMigrator, SqliteMigrator  # only while migrating

    return SqliteMigrator(db) if isinstance(db, SqliteDatabase) else PostgresqlMigrator(db)


def run_operations(*operations) -> None:
    from playhouse.migrate import migrate

    migrate(*operations)


def _v1_initial(db: Database) -> None:
    """The counter's tables as first released, and the FTS5 name index (SQLite)."""
    Base = _frozen_base(db)

    class SchemaMeta(Base):
        key = CharField(primary_key=True)
        value = TextField()

        class Meta:
            table_name = "meta"

    class Setting(Base):
        key = CharField(primary_key=True)
        value = TextField()

    class Officer(Base):
        id = AutoField()
        username = CharField(unique=True)
        full_name = CharField()
        password_hash = CharField(default="")
        role = CharField(default="officer")
        active = BooleanField(default=True)
        created_at = DateTimeField()

    class Procedure(Base):
        id = AutoField()
        code = CharField(unique=True)
        name = TextField()
        name_folded = TextField(default="")
        field = CharField(default="")
        level = CharField(default="xã")
        duration_value = IntegerField()
        duration_unit = CharField()
        same_day_cutoff = CharField(null=True)
        fee = IntegerField(default=0)
        fee_note = TextField(default="")
        source = TextField(default="")
        confirmed = BooleanField(default=False)
        note = TextField(default="")
        active = BooleanField(default=True)
        updated_at = DateTimeField()

    class ProcedureDocument(Base):
        id = AutoField()
        procedure = ForeignKeyField(Procedure, on_delete="CASCADE")
        position = SmallIntegerField()
        name = TextField()
        originals = SmallIntegerField(default=1)
        copies = SmallIntegerField(default=0)
        required = BooleanField(default=True)

    class Applicant(Base):
        id = AutoField()
        kind = SmallIntegerField(default=1)
        id_type = SmallIntegerField(default=1)
        id_number = CharField(unique=True, null=True)
        name = CharField()
        birth_date = DateField(null=True)
        sex = CharField(default="")
        phone = CharField(default="")
        email = CharField(default="")
        address = TextField(default="")
        updated_at = DateTimeField()

    class Dossier(Base):
        id = AutoField()
        uid = CharField(unique=True)
        code = CharField(unique=True)
        agency_code = CharField()
        procedure = ForeignKeyField(Procedure, on_delete="RESTRICT")
        procedure_code = CharField()
        procedure_name = TextField()
        duration_value = IntegerField()
        duration_unit = CharField()
        applicant = ForeignKeyField(Applicant, null=True, on_delete="SET NULL")
        applicant_kind = SmallIntegerField(default=1)
        applicant_name = CharField()
        applicant_name_folded = CharField()
        applicant_id_number = CharField(default="", index=True)
        applicant_phone = CharField(default="", index=True)
        applicant_email = CharField(default="")
        applicant_address = TextField(default="")
        authorised_person = TextField(default="")
        channel = SmallIntegerField(default=1)
        result_delivery = SmallIntegerField(default=0)
        sets = SmallIntegerField(default=1)
        fee = IntegerField(default=0)
        notes = TextField(default="")
        status = SmallIntegerField()
        received_at = DateTimeField()
        due_at = DateTimeField()
        paused_at = DateTimeField(null=True)
        finished_at = DateTimeField(null=True)
        returned_at = DateTimeField(null=True)
        returned_to = CharField(default="")
        processing_unit = CharField(default="")
        officer = ForeignKeyField(Officer, on_delete="RESTRICT", index=False)
        register_volume = CharField(default="")
        register_number = IntegerField(null=True)
        receipt_printed = BooleanField(default=False)
        updated_at = DateTimeField()

        class Meta:
            indexes = ((("status", "due_at"), False),)

    class DocumentName(Base):
        id = AutoField()
        name = TextField(unique=True)

    class DossierDocument(Base):
        dossier = ForeignKeyField(Dossier, on_delete="CASCADE", index=False)
        position = SmallIntegerField()
        document_name = ForeignKeyField(DocumentName, on_delete="RESTRICT", index=False)
        originals = SmallIntegerField(default=1)
        copies = SmallIntegerField(default=0)

        class Meta:
            primary_key = CompositeKey("dossier", "position")

    class StatusEvent(Base):
        id = AutoField()
        uid = CharField(unique=True)
        dossier = ForeignKeyField(Dossier, on_delete="CASCADE")
        action = CharField()
        from_status = SmallIntegerField(null=True)
        to_status = SmallIntegerField()
        at = DateTimeField()
        officer = ForeignKeyField(Officer, on_delete="RESTRICT", index=False)
        note = TextField(default="")
        data = TextField(default="")

    class DueDateChange(Base):
        id = AutoField()
        dossier = ForeignKeyField(Dossier, on_delete="CASCADE")
        at = DateTimeField()
        kind = CharField()
        old_due_at = DateTimeField(null=True)
        new_due_at = DateTimeField()
        reason = TextField(default="")
        officer = ForeignKeyField(Officer, on_delete="RESTRICT", index=False)

    class CalendarOverride(Base):
        day = DateField(primary_key=True)
        working = BooleanField()
        reason = TextField()

    class CodeCounter(Base):
        agency_code = CharField()
        day = CharField()
        last = IntegerField()

        class Meta:
            primary_key = False
            indexes = ((("agency_code", "day"), True),)

    class AuditLog(Base):
        id = AutoField()
        at = DateTimeField()
        officer = ForeignKeyField(Officer, null=True, on_delete="SET NULL", index=False)
        action = CharField()
        entity = CharField(default="")
        entity_id = CharField(default="")
        details = TextField(default="")

    class SyncChange(Base):
        seq = AutoField()
        dossier = ForeignKeyField(Dossier, on_delete="CASCADE", index=False)
        event = ForeignKeyField(StatusEvent, null=True, on_delete="CASCADE", index=False)
        at = DateTimeField(index=True)

    db.create_tables([SchemaMeta, Setting, Officer, Procedure, ProcedureDocument, Applicant, Dossier,
                      DocumentName, DossierDocument, StatusEvent, DueDateChange, CalendarOverride,
                      CodeCounter, AuditLog, SyncChange])
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
    Base = _frozen_base(db)

    class SyncKey(Base):
        key_id = CharField(primary_key=True)
        algorithm = CharField(default="Ed25519")
        private_key = TextField()
        public_key = TextField()
        created_at = DateTimeField()
        active = BooleanField(default=True)

    class SyncSetting(Base):
        key = CharField(primary_key=True)
        value = TextField()

    class SyncExport(Base):
        id = AutoField()
        agency_code = CharField()
        day = DateField()
        revision = IntegerField()
        created_at = DateTimeField()
        path = TextField(default="")
        file_sha256 = CharField()
        content_digest = CharField()
        change_count = IntegerField()
        last_seq = IntegerField(default=0)
        dossiers = IntegerField(default=0)
        events = IntegerField(default=0)
        set_aside = TextField(default="[]")
        encrypted = BooleanField(default=False)
        acked_at = DateTimeField(null=True)
        ack_status = CharField(default="")
        ack_message = TextField(default="")

        class Meta:
            indexes = ((("agency_code", "day", "revision"), True),)

    db.create_tables([SyncKey, SyncSetting, SyncExport])
    for statement in (
        # Counting a dossier's changes (its version in the day file) walks sync_change by dossier.
        "CREATE INDEX IF NOT EXISTS sync_change_dossier_id ON sync_change (dossier_id)",
        # The period report (models.report_query): the period's dossiers from the index alone;
        # those received before it and finished since its start; and, partial, those received
        # before it that are pending or closed by an event (statuses 2 4 5 6 3 7 8).
        "CREATE INDEX IF NOT EXISTS dossier_report_scan ON dossier "
        "(received_at, procedure_id, channel, status, finished_at, due_at, paused_at)",
        "CREATE INDEX IF NOT EXISTS dossier_report_finished ON dossier (finished_at, received_at)",
        "CREATE INDEX IF NOT EXISTS dossier_report_open ON dossier "
        "(received_at, procedure_id, channel, status, finished_at, due_at, paused_at) "
        "WHERE status IN (2, 4, 5, 6, 3, 7, 8)",
    ):
        db.execute_sql(statement)
    # dossier_report_scan starts with received_at: a single-column index would be redundant.
    db.execute_sql("DROP INDEX IF EXISTS dossier_received_at")


def _v3_province_packages(db: Database) -> None:
    """Province packages: the portal's code of online dossiers, national codes of split catalog
    entries, the origin of calendar entries, the packages applied and catalogs held for later.

    Frozen: the columns and tables are declared here as they were made.
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

    Frozen = _frozen_base(db)

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

    Frozen like migration 3: declared here as made.
    """
    if "fee_rule" not in {c.name for c in db.get_columns("procedure")}:
        db.execute_sql('ALTER TABLE "procedure" ADD COLUMN "fee_rule" TEXT NOT NULL DEFAULT \'\'')

    Frozen = _frozen_base(db)

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


def _v5_restore_floors(db: Database) -> None:
    """What a restore from backup needs so that nothing goes back in time (models.restore):
    the lowest next revision of a day file, and how far a dossier's version (PhienBan) must
    stand above its count of changes; and what the province's ack said it did not receive."""
    Base = _frozen_base(db)

    class SyncRevisionFloor(Base):
        agency_code = CharField()
        day = DateField()
        revision = IntegerField()

        class Meta:
            primary_key = CompositeKey("agency_code", "day")

    class SyncVersionFloor(Base):
        dossier_uid = CharField(primary_key=True)
        version_offset = IntegerField()

    db.create_tables([SyncRevisionFloor, SyncVersionFloor])
    run_operations(_migrator(db).add_column("sync_export", "ack_rejected", TextField(default="[]")))


def _v6_accountable_records(db: Database) -> None:
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
    Declared here as it was in schema 6, independent of today's models (columns that a
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
        from playhouse.migrate import PostgresqlMigrator, SqliteMigrator
        from playhouse.migrate import migrate as run

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
    _v6_mark_late_records(db, sqlite)
    for name in ("dossier_report_scan", "dossier_report_finished", "dossier_report_open"):
        db.execute_sql(f"DROP INDEX IF EXISTS {name}")
    scan = "received_at, procedure_id, channel, status, finished_at, due_at, paused_at, late_from"
    db.execute_sql(f"CREATE INDEX dossier_report_scan ON dossier ({scan})")
    db.execute_sql("CREATE INDEX dossier_report_finished ON dossier (finished_at, received_at)")
    db.execute_sql(f"CREATE INDEX dossier_report_open ON dossier ({scan}) "
                   "WHERE status IN (2, 4, 5, 6, 3, 7, 8)")


def _v6_mark_late_records(db: Database, sqlite: bool) -> None:
    """Schema 6's marks on the records made before it (see _v6_accountable_records)."""
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


def _v7_paper_kinds_and_tails(db: Database) -> None:
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


def _v8_attachments(db: Database) -> None:
    """Electronic copies of papers and results (models.attachment_tables): what each copy is,
    and, on a PostgreSQL server, the bytes by SHA-256 (a SQLite counter keeps them as files)."""
    Base = _frozen_base(db)

    class Dossier(Base):
        id = AutoField()

    class Officer(Base):
        id = AutoField()

    class Attachment(Base):
        id = AutoField()
        dossier = ForeignKeyField(Dossier, on_delete="CASCADE", index=False)
        kind = CharField()
        paper = SmallIntegerField(null=True)
        name = TextField(default="")
        sha256 = CharField(index=True)
        pages = IntegerField()
        bytes = IntegerField()
        source = CharField(default="file")
        reused = BooleanField(default=False)
        officer = ForeignKeyField(Officer, on_delete="RESTRICT", index=False)
        attached_at = DateTimeField()
        replaced_by = IntegerField(null=True)
        replaced_at = DateTimeField(null=True)
        note = TextField(default="")

        class Meta:
            indexes = ((("dossier", "kind", "paper"), False),)

    class AttachmentBlob(Base):
        sha256 = CharField(primary_key=True)
        size = IntegerField()
        data = BlobField()

    db.create_tables([Attachment, AttachmentBlob])


def _v9_office_counters(db: Database) -> None:
    """Several counters on one server: the counter (quầy) that received each dossier, and each
    dossier's version for the workflow's optimistic check (models.workflow). Frozen: the
    columns are declared here as made."""
    present = {c.name for c in db.get_columns("dossier")}
    for name, kind in (("counter_no", "INTEGER NOT NULL DEFAULT 0"),
                       ("version", "INTEGER NOT NULL DEFAULT 0")):
        if name not in present:
            db.execute_sql(f'ALTER TABLE "dossier" ADD COLUMN "{name}" {kind}')


def _v10_portal_codes_and_titles(db: Database) -> None:
    """The portal's codes and titles in the day file, and papers numbered as on the receipt.

    Columns (declared here as made): the catalog's field code (procedure.field_code, MaLinhVuc),
    result list (procedure.results, JSON with MaGiayToKetQua) and paper code
    (procedure_document.code, MaThanhPhanHoSo); the officer's title (officer.title, chức danh)
    and the title recorded with each step (status_event.officer_title, ChucDanh).

    Papers: the receipt numbers the papers handed in first and then those only shown (xuất
    trình); a dossier's papers are now stored in that order, so that a paper's position is its
    number on the receipt everywhere (attach --paper, the day file's ThuTu). Dossiers stored
    before with a shown paper ahead of a handed-in one are renumbered, with their copies.
    """
    columns = (("procedure", "field_code", "VARCHAR(255) NOT NULL DEFAULT ''"),
               ("procedure", "results", "TEXT NOT NULL DEFAULT ''"),
               ("procedure_document", "code", "VARCHAR(255) NOT NULL DEFAULT ''"),
               ("officer", "title", "VARCHAR(255) NOT NULL DEFAULT ''"),
               ("status_event", "officer_title", "VARCHAR(255) NOT NULL DEFAULT ''"))
    for table, name, kind in columns:
        if name not in {c.name for c in db.get_columns(table)}:
            db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "{name}" {kind}')
    rows = db.execute_sql(
        'SELECT "dossier_id", "position", "shown" FROM "dossier_document" WHERE "dossier_id" IN '
        '(SELECT s."dossier_id" FROM "dossier_document" s JOIN "dossier_document" h '
        'ON h."dossier_id" = s."dossier_id" AND h."position" > s."position" '
        'WHERE s."shown" AND NOT h."shown") ORDER BY "dossier_id", "position"').fetchall()
    papers: dict[int, list[tuple[int, bool]]] = {}
    for dossier_id, position, shown in rows:
        papers.setdefault(dossier_id, []).append((position, bool(shown)))
    for dossier_id, listed in papers.items():
        order = [p for p, shown in listed if not shown] + [p for p, shown in listed if shown]
        moves = {old: new for new, old in enumerate(order, start=1) if old != new}
        # Through negative numbers first: (dossier, position) is the primary key.
        for old, new in moves.items():
            db.execute_sql(_param(db, 'UPDATE "dossier_document" SET "position" = {} WHERE "dossier_id" = {} '
                                      'AND "position" = {}'), (-new, dossier_id, old))
            db.execute_sql(_param(db, 'UPDATE "attachment" SET "paper" = {} WHERE "dossier_id" = {} '
                                      'AND "kind" = \'paper\' AND "paper" = {}'), (-new, dossier_id, old))
        for table, column in (("dossier_document", "position"), ("attachment", "paper")):
            db.execute_sql(_param(db, f'UPDATE "{table}" SET "{column}" = -"{column}" '
                                      f'WHERE "dossier_id" = {{}} AND "{column}" < 0'), (dossier_id,))


def _param(db: Database, sql: str) -> str:
    """``sql`` with each ``{}`` as the driver's parameter mark."""
    return sql.format(*(["?"] if isinstance(db, SqliteDatabase) else ["%s"]) * sql.count("{}"))


MIGRATIONS: list[Callable[[Database], None]] = [
    _v1_initial, _v2_sync_and_reports, _v3_province_packages, _v4_citizen_service, _v5_restore_floors,
    _v6_accountable_records, _v7_paper_kinds_and_tails, _v8_attachments, _v9_office_counters,
    _v10_portal_codes_and_titles,
]
SCHEMA_VERSION = len(MIGRATIONS)


def current_version(db: Database) -> int:
    if not db.table_exists("meta"):
        return 0
    row = Meta.get_or_none(Meta.key == "schema_version")
    return int(row.value) if row else 0


class SchemaTooOld(MotCuaError):
    """A read-only open found a database that needs upgrading first."""


def _check_not_newer(found: int) -> None:
    if found > SCHEMA_VERSION:
        raise MotCuaError(
            f"Cơ sở dữ liệu thuộc phiên bản mới hơn ({found}) so với phần mềm "
            f"({SCHEMA_VERSION}). Hãy cập nhật MotCua trước khi mở."
        )


def check_version(db: Database) -> int:
    """For a read-only open: the version, or an error when it is not the current one."""
    found = current_version(db)
    _check_not_newer(found)
    if found < SCHEMA_VERSION:
        raise SchemaTooOld(
            f"Cơ sở dữ liệu cần được nâng cấp (phiên bản {found} → {SCHEMA_VERSION}) trước khi "
            "dùng lệnh chỉ đọc này; hãy mở phần mềm hoặc chạy một lệnh ghi (ví dụ sync-status) "
            "với quyền ghi vào thư mục dữ liệu."
        )
    return found


def migrate(db: Database) -> int:
    """Bring the database to SCHEMA_VERSION; returns the version it was at.

    The version is read first without a lock: a database already current (the usual case)
    is opened without taking the write lock.
    """
    found = current_version(db)
    _check_not_newer(found)
    if found == SCHEMA_VERSION:
        return found
    lock = db.atomic("IMMEDIATE") if isinstance(db, SqliteDatabase) else db.atomic()
    with lock:
        found = current_version(db)  # another process may have migrated meanwhile
        _check_not_newer(found)
        for step in MIGRATIONS[found:]:
            step(db)
        if found != SCHEMA_VERSION:
            Meta.insert(key="schema_version", value=str(SCHEMA_VERSION)).on_conflict(
                conflict_target=[Meta.key], update={Meta.value: str(SCHEMA_VERSION)}
            ).execute()
    return found
