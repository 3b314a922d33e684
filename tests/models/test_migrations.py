"""Forward migrations: a database made at every past schema version is upgraded with its data
kept, and ends up with exactly the schema a new database gets and today's models describe."""
from __future__ import annotations

import sqlite3
from datetime import datetime

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
