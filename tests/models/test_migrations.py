"""Forward migrations: a database made by the first schema is upgraded with its data kept."""
from __future__ import annotations

from datetime import datetime

from peewee import SqliteDatabase

from models import migrations
from models.db import SQLITE_PRAGMAS, close_database, open_database
from models.intake import receive
from models.session import acting_officer, setup_agency
from models.tables import Dossier, Meta, database
from models import catalog, intake
from models.search import search

from tests.factories import request


def test_a_version_1_database_is_upgraded_keeping_its_dossiers(db_path, monkeypatch):
    # Make the database exactly as the first release did: schema 1 only.
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 1)
    old = SqliteDatabase(str(db_path), pragmas=SQLITE_PRAGMAS)
    database.initialize(old)
    migrations.migrate(old)
    catalog.seed_if_empty()
    setup_agency(agency_code="000.00.24.H12", governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo")
    now = datetime(2026, 11, 18, 9, 0)
    monkeypatch.setattr(intake, "DossierTail", _NoTable)  # schema 1 had no dossier_tail
    code = receive(request(received_at=now), acting_officer(), now=now).code
    assert not old.table_exists("sync_export")
    old.close()
    monkeypatch.undo()

    db = open_database(str(db_path))
    try:
        assert Meta.get_by_id("schema_version").value == str(migrations.SCHEMA_VERSION)
        assert Dossier.get(Dossier.code == code).applicant_name == "Nguyễn Thị Hằng"
        assert db.table_exists("sync_export") and db.table_exists("sync_key")
        indexes = {i.name for i in db.get_indexes("dossier")}
        assert {"dossier_report_scan", "dossier_report_finished"} <= indexes
        assert "dossier_received_at" not in indexes
        # Migration 3 indexed the old dossier's tails: its sequence finds it.
        assert [d.code for d in search(code[-4:])] == [code]
        # Opening again changes nothing.
        close_database()
        open_database(str(db_path))
        assert Dossier.select().count() == 1
    finally:
        close_database()


class _NoTable:
    """Stands for a table the old schema did not have: writing to it does nothing."""

    @staticmethod
    def insert_many(_rows):
        class _Query:
            def on_conflict_ignore(self):
                return self

            def execute(self):
                return None
        return _Query()


def test_version_2_papers_get_kinds_and_old_dossiers_their_tails(db_path, monkeypatch):
    """Migration 3 on a schema 2 database with data: the catalog's optional papers become
    situational, received papers count as handed in, and old dossiers are found by their
    code's sequence, the end of the ID number and the end of the phone."""
    from models.tables import DossierDocument, ProcedureDocument

    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:2])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
    old = SqliteDatabase(str(db_path), pragmas=SQLITE_PRAGMAS)
    database.initialize(old)
    migrations.migrate(old)
    catalog.seed_if_empty()
    setup_agency(agency_code="000.00.24.H12", governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo")
    now = datetime(2026, 11, 18, 9, 0)
    monkeypatch.setattr(intake, "DossierTail", _NoTable)
    code = receive(request(received_at=now, id_number="001190012345", phone="0912345678"),
                   acting_officer(), now=now).code
    # Back to the schema 2 columns: a required flag for catalog papers, no "shown".
    old.execute_sql("DROP TABLE IF EXISTS dossier_tail")
    old.execute_sql("ALTER TABLE dossier_document DROP COLUMN shown")
    old.execute_sql("ALTER TABLE procedure_document ADD COLUMN required INTEGER NOT NULL DEFAULT 1")
    old.execute_sql("UPDATE procedure_document SET required = (kind = 'required')")
    old.execute_sql("ALTER TABLE procedure_document DROP COLUMN kind")
    situational_before = old.execute_sql(
        "SELECT COUNT(*) FROM procedure_document WHERE NOT required").fetchone()[0]
    old.close()
    monkeypatch.undo()

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
