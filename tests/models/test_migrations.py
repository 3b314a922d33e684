"""Forward migrations: a database made by the first schema is upgraded with its data kept."""
from __future__ import annotations

from datetime import datetime

from peewee import SqliteDatabase

from models import migrations
from models.db import SQLITE_PRAGMAS, close_database, open_database
from models.intake import receive
from models.session import acting_officer, setup_agency
from models.tables import Dossier, Meta, database
from models import catalog

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
        # Opening again changes nothing.
        close_database()
        open_database(str(db_path))
        assert Dossier.select().count() == 1
    finally:
        close_database()
