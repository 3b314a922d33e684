"""Forward migrations: a database made at every past schema version is upgraded with its data
kept, and ends up with exactly the schema a new database gets and today's models describe."""
from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from models import catalog, migrations
from models.attachment_tables import ATTACHMENT_TABLES
from models.citizen_tables import DossierFee, SatisfactionRating
from models.db import SQLITE_PRAGMAS, close_database, open_database
from models.errors import MotCuaError
from models.intake import receive
from models.migrations import SchemaTooOld
from models.province_state import CatalogRelease, ProvincePackage
from models.search import search
from models.session import acting_officer, setup_agency
from models.sync_state import SYNC_TABLES
from models.tables import ALL_TABLES, Dossier, Meta, database
from tests.factories import request
from tests.models.old_schema import build_database

# Every table a migration makes, as today's models describe it.
MODELLED = ALL_TABLES + SYNC_TABLES + [ProvincePackage, CatalogRelease, DossierFee, SatisfactionRating] + ATTACHMENT_TABLES

PAST_VERSIONS = range(1, migrations.SCHEMA_VERSION)


def _schema(path) -> dict:
    """Every table's columns and every index, as SQLite reports them."""
    connection = sqlite3.connect(str(path))
    try:
        tables = [r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'dossier_name_fts%' ORDER BY name")]
        shape = {t: [tuple(c[1:]) for c in connection.execute(f"PRAGMA table_info({t})")] for t in tables}
        shape["indexes"] = sorted(r for r in connection.execute(
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type IN ('index', 'trigger')"))
    finally:
        connection.close()
    return shape


@pytest.mark.parametrize("version", PAST_VERSIONS)
def test_a_database_of_every_past_version_is_upgraded_keeping_its_data(tmp_path, version):
    old, fresh = tmp_path / "old.sqlite3", tmp_path / "fresh.sqlite3"
    build_database(old, version)

    open_database(str(old))
    try:
        assert Meta.get_by_id("schema_version").value == str(migrations.SCHEMA_VERSION)
        assert Dossier.get(Dossier.code == "000.00.24.H12-261118-0001").applicant_name == "Nguyễn Thị Hằng"
        indexes = {i.name for i in database.obj.get_indexes("dossier")}
        assert {"dossier_report_scan", "dossier_report_finished", "dossier_report_open"} <= indexes
        assert "dossier_received_at" not in indexes
    finally:
        close_database()
    open_database(str(fresh))
    close_database()
    assert _schema(old) == _schema(fresh)

    # Opening again changes nothing.
    open_database(str(old))
    try:
        assert Dossier.select().count() == 1
    finally:
        close_database()


def test_a_version_2_database_gains_the_province_package_schema(db_path, monkeypatch):
    """Migration 3 on a database made before it, with dossiers and calendar entries in it."""
    from datetime import date

    from models.holidays_admin import list_days, set_override

    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:2])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
    old = SqliteDatabase(str(db_path), pragmas=SQLITE_PRAGMAS)
    database.initialize(old)
    migrations.migrate(old)
    old.execute_sql(
        "INSERT INTO procedure (code, name, name_folded, field, level, duration_value, duration_unit, fee, "
        "fee_note, source, confirmed, note, active, updated_at) VALUES ('1.004873', 'Xác nhận tình trạng hôn "
        "nhân', 'xac nhan', 'Hộ tịch', 'xã', 3, 'working_days', 0, '', '', 1, '', 1, '2026-11-01 08:00:00')")
    old.execute_sql("INSERT INTO calendar_override (day, working, reason) VALUES ('2026-11-18', 0, 'Nghỉ bão')")
    old.close()
    monkeypatch.undo()

    db = open_database(str(db_path))
    try:
        setup_agency(agency_code="000.00.24.H12", governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo")
        assert Meta.get_by_id("schema_version").value == str(migrations.SCHEMA_VERSION)
        assert {"portal_code"} <= {c.name for c in db.get_columns("dossier")}
        assert "dossier_portal_code" in {i.name for i in db.get_indexes("dossier")}
        assert db.table_exists("province_package") and db.table_exists("catalog_release")
        assert catalog.get_procedure("1.004873").national_code == ""
        days = {d["date"]: d for d in list_days(2026)}
        assert days["2026-11-18"]["source"] == "admin" and days["2026-11-18"]["reason"] == "Nghỉ bão"
        set_override(date(2026, 11, 19), True, "Làm bù", officer=acting_officer("admin"))
        now = datetime(2026, 11, 18, 9, 0)
        assert receive(request(procedure="1.004873", received_at=now), acting_officer("admin"), now=now).code
    finally:
        close_database()
def test_the_migrations_make_the_tables_todays_models_describe(tmp_path):
    migrated, modelled = tmp_path / "migrated.sqlite3", tmp_path / "models.sqlite3"
    open_database(str(migrated))
    close_database()
    db = SqliteDatabase(str(modelled))
    with db.bind_ctx(MODELLED):
        db.create_tables(MODELLED)
    db.close()
    left, right = _schema(migrated), _schema(modelled)

    def columns(table: list[tuple]) -> list[tuple]:
        """(name, type, not null, primary key): a column added later by ALTER TABLE stands last
        and may carry a DEFAULT peewee keeps in Python; neither makes the tables differ."""
        return sorted((name, kind, notnull, pk) for name, kind, notnull, _default, pk in table)
    for model in MODELLED:
        name = model._meta.table_name
        assert columns(left[name]) == columns(right[name]), \
            f"{name}: today's model differs from what the migrations make"


def test_a_database_from_a_newer_release_is_refused(db_path):
    build_database(db_path, 1)
    connection = sqlite3.connect(str(db_path))
    connection.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    connection.commit()
    connection.close()
    with pytest.raises(MotCuaError, match="phiên bản mới hơn"):
        open_database(str(db_path))


def test_a_read_only_open_never_migrates(db_path):
    build_database(db_path, 1)
    before = db_path.read_bytes()
    with pytest.raises(SchemaTooOld, match="cần được nâng cấp"):
        open_database(str(db_path), read_only=True)
    close_database()
    assert db_path.read_bytes() == before


def test_opening_a_current_database_takes_no_write_lock(db_path, monkeypatch):
    open_database(str(db_path))
    close_database()
    monkeypatch.setitem(SQLITE_PRAGMAS, "busy_timeout", 0)  # waiting for a lock would fail at once
    other = sqlite3.connect(str(db_path))
    other.execute("BEGIN IMMEDIATE")  # another process holds the write lock…
    try:
        open_database(str(db_path))  # …yet opening does not need it
        assert Dossier.select().count() == 0
    finally:
        close_database()
        other.rollback()
        other.close()


def _schema_2_database(path) -> None:
    """A counter database exactly as schema 2 left it, with data (tests/models/data/schema_v2.sql,
    dumped from the release before schema 3), and its FTS5 name index built as schema 1 did."""
    import sqlite3

    script = (Path(__file__).parent / "data" / "schema_v2.sql").read_text(encoding="utf-8")
    connection = sqlite3.connect(str(path))
    connection.executescript(script)
    connection.close()
    old = SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS)
    migrations._create_sqlite_name_index(old)
    old.execute_sql("INSERT INTO dossier_name_fts(dossier_name_fts) VALUES ('rebuild')")
    old.close()


def test_a_version_2_database_with_data_is_upgraded_to_accountable_records(db_path):
    from models.accounts import authenticate
    from models.dossiers import get_dossier
    from models.report_period import Period
    from models.reports import dossiers_behind, period_report
    from models.search import search
    from models.session import acting_officer

    _schema_2_database(db_path)
    db = open_database(str(db_path))
    try:
        assert Meta.get_by_id("schema_version").value == str(migrations.SCHEMA_VERSION)
        columns = {c.name for c in db.get_columns("officer")}
        assert "roles" in columns and "role" not in columns
        # nothing an account could do before is taken away: an admin holds all three roles, a
        # leader keeps the officer's work; passwords still work
        assert authenticate("admin", "mat-khau-thu-nghiem").roles == ("officer", "leader", "admin")
        assert authenticate("hung", "mat-khau-hung").roles == ("officer",)
        assert authenticate("lan", "mat-khau-lan").roles == ("officer", "leader")
        assert db.table_exists("sign_in_attempts")
        a, b, c, d = (get_dossier(f"000.00.24.H12-{suffix}") for suffix in
                      ("261116-0001", "261116-0002", "261117-0001", "261118-0001"))
        # A: extended on 20/11, after its due moment (19/11 09:00): marked, and late from then on
        assert a.due_history[-1].overdue and a.late_from == datetime(2026, 11, 19, 9, 0, 1) and a.late
        # B: extended before its due moment: not marked, judged against the new date
        assert not b.due_history[-1].overdue and b.late_from is None and not b.late
        # C: a second supplement request: late from that request
        assert c.late_from == datetime(2026, 11, 18, 10) and c.late
        assert [e.recorded_at for e in a.events] == [None] * len(a.events)  # unknown before schema 6
        november = Period.month(2026, 11)
        admin = acting_officer()
        late = {x.code for x in dossiers_behind(november, "resolved.late", officer=admin)}
        assert late == {a.code, c.code}
        # D: "refused" the day after reception (what schema 6 forbids) was an accepted dossier
        assert d.code in {x.code for x in dossiers_behind(november, "resolved.before_due", officer=admin)}
        report = period_report(november, officer=admin).total
        assert (report.received.total, report.resolved.total, report.resolved.late) == (4, 4, 2)
        assert [x.code for x in search("hoang van cuong")] == [c.code]  # the name index still works
        indexes = {i.name: i for i in db.get_indexes("dossier")}
        assert "late_from" in indexes["dossier_report_scan"].columns
    finally:
        close_database()


def test_version_6_papers_get_kinds_and_old_dossiers_their_tails(db_path):
    """Migration 7 on a schema 6 database with data: the catalog's optional papers become
    situational, received papers count as handed in, and old dossiers are found by their
    code's sequence, the end of the ID number and the end of the phone."""
    from models.tables import DossierDocument, ProcedureDocument

    old = open_database(str(db_path))
    catalog.seed_if_empty()
    setup_agency(agency_code="000.00.24.H12", governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo")
    now = datetime(2026, 11, 18, 9, 0)
    code = receive(request(received_at=now, id_number="001190012345", phone="0912345678"),
                   acting_officer(), now=now).code
    # Back to the schema 6 columns: a required flag for catalog papers, no "shown", no tails.
    old.execute_sql("DROP TABLE IF EXISTS dossier_tail")
    old.execute_sql("ALTER TABLE dossier_document DROP COLUMN shown")
    old.execute_sql("ALTER TABLE procedure_document ADD COLUMN required INTEGER NOT NULL DEFAULT 1")
    old.execute_sql("UPDATE procedure_document SET required = (kind = 'required')")
    old.execute_sql("ALTER TABLE procedure_document DROP COLUMN kind")
    old.execute_sql("UPDATE meta SET value = '6' WHERE key = 'schema_version'")
    situational_before = old.execute_sql(
        "SELECT COUNT(*) FROM procedure_document WHERE NOT required").fetchone()[0]
    close_database()

    db = open_database(str(db_path))
    try:
        assert Meta.get_by_id("schema_version").value == str(migrations.SCHEMA_VERSION)
        columns = {c.name for c in db.get_columns("procedure_document")}
        assert "kind" in columns and "required" not in columns
        kinds = [d.kind for d in ProcedureDocument.select()]
        assert kinds.count("situational") == situational_before > 0
        assert set(kinds) == {"required", "situational"}  # "shown" comes with a new import
        assert [d.shown for d in DossierDocument.select()] == [False, False]
        for typed in (code[-4:], code[-11:], "2345", "5678", "0011900"):
            assert [d.code for d in search(typed)] == [code], typed
    finally:
        close_database()
