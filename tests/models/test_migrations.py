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
    # The first release read no fee table (migration 4 makes it).
    import models.dossiers
    from models.fee_records import view_of

    monkeypatch.setattr(models.dossiers, "fee_view", lambda _id, flat: view_of(None, flat))
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


def test_a_version_2_database_gains_the_province_package_schema(db_path, monkeypatch):
    """Migration 3 on a database made before it, with dossiers and calendar entries in it."""
    from datetime import date

    from models.holidays_admin import list_days, set_override

    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:2])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
    old = SqliteDatabase(str(db_path), pragmas=SQLITE_PRAGMAS)
    database.initialize(old)
    migrations.migrate(old)
    # Migration 1 creates today's tables: take the columns of migrations 3 and 4 away again, so
    # the database is exactly what version 2 made.
    old.execute_sql('DROP INDEX "dossier_portal_code"')
    for table, column in (("dossier", "portal_code"), ("procedure", "national_code"), ("procedure", "fee_rule"),
                          ("calendar_override", "origin"), ("calendar_override", "source"),
                          ("calendar_override", "package_sequence")):
        old.execute_sql(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
    old.execute_sql(
        "INSERT INTO procedure (code, name, name_folded, field, level, duration_value, duration_unit, fee, "
        "fee_note, source, confirmed, note, active, updated_at) VALUES ('1.004873', 'Xác nhận tình trạng hôn "
        "nhân', 'xac nhan', 'Hộ tịch', 'xã', 3, 'working_days', 0, '', '', 1, '', 1, '2026-11-01 08:00:00')")
    old.execute_sql("INSERT INTO calendar_override (day, working, reason) VALUES ('2026-11-18', 0, 'Nghỉ bão')")
    setup_agency(agency_code="000.00.24.H12", governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo")
    old.close()
    monkeypatch.undo()

    db = open_database(str(db_path))
    try:
        assert Meta.get_by_id("schema_version").value == str(migrations.SCHEMA_VERSION)
        assert {"portal_code"} <= {c.name for c in db.get_columns("dossier")}
        assert "dossier_portal_code" in {i.name for i in db.get_indexes("dossier")}
        assert db.table_exists("province_package") and db.table_exists("catalog_release")
        assert catalog.get_procedure("1.004873").national_code == ""
        days = {d["date"]: d for d in list_days(2026)}
        assert days["2026-11-18"]["source"] == "admin" and days["2026-11-18"]["reason"] == "Nghỉ bão"
        set_override(date(2026, 11, 19), True, "Làm bù")
        now = datetime(2026, 11, 18, 9, 0)
        assert receive(request(procedure="1.004873", received_at=now), acting_officer("admin"), now=now).code
    finally:
        close_database()
