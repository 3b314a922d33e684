"""Forward migrations: a database made at every past schema version is upgraded with its data
kept, and ends up with exactly the schema a new database gets and today's models describe."""
from __future__ import annotations

import sqlite3

import pytest
from peewee import SqliteDatabase

from models import migrations
from models.db import SQLITE_PRAGMAS, close_database, open_database
from models.errors import MotCuaError
from models.migrations import SchemaTooOld
from models.sync_state import SYNC_TABLES
from models.tables import ALL_TABLES, Dossier, Meta, database

PAST_VERSIONS = range(1, migrations.SCHEMA_VERSION)


def _build(path, version: int) -> None:
    """A database exactly as schema ``version`` made it, with a dossier in it (raw SQL: the
    services of today may need tables that version did not have)."""
    db = SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS)
    db.connect()
    with db.atomic():
        for step in migrations.MIGRATIONS[:version]:
            step(db)
        run = db.execute_sql
        run("INSERT INTO meta (key, value) VALUES ('schema_version', ?)", (str(version),))
        run("INSERT INTO setting (key, value) VALUES ('agency_code', '\"000.00.24.H12\"')")
        run("INSERT INTO officer (username, full_name, password_hash, role, active, created_at) "
            "VALUES ('admin', 'Quản trị', '', 'admin', 1, '2026-11-18 08:00:00')")
        run("INSERT INTO procedure (code, name, name_folded, field, level, duration_value, duration_unit, "
            "fee, fee_note, source, confirmed, note, active, updated_at) VALUES ('1.004873', "
            "'Cấp giấy xác nhận tình trạng hôn nhân', '', 'Hộ tịch', 'xã', 3, 'working_days', 0, '', '', "
            "1, '', 1, '2026-11-18 08:00:00')")
        run("INSERT INTO dossier (uid, code, agency_code, procedure_id, procedure_code, procedure_name, "
            "duration_value, duration_unit, applicant_kind, applicant_name, applicant_name_folded, "
            "applicant_id_number, applicant_phone, applicant_email, applicant_address, authorised_person, "
            "channel, result_delivery, sets, fee, notes, status, received_at, due_at, returned_to, "
            "processing_unit, officer_id, register_volume, receipt_printed, updated_at) VALUES "
            "('a1b2c3d4e5f6a7b8', '000.00.24.H12-261118-0001', '000.00.24.H12', 1, '1.004873', "
            "'Cấp giấy xác nhận tình trạng hôn nhân', 3, 'working_days', 1, 'Nguyễn Thị Hằng', "
            "'nguyen thi hang', '001190012345', '', '', '', '', 1, 0, 1, 0, '', 2, '2026-11-18 09:00:00', "
            "'2026-11-23 09:00:00', '', '', 1, '', 0, '2026-11-18 09:00:00')")
        run("INSERT INTO status_event (uid, dossier_id, action, to_status, at, officer_id, note, data) "
            "VALUES ('e1e2e3e4e5e6e7e8', 1, 'receive', 2, '2026-11-18 09:00:00', 1, '', '')")
        run("INSERT INTO sync_change (dossier_id, event_id, at) VALUES (1, 1, '2026-11-18 09:00:00')")
        run("INSERT INTO code_counter (agency_code, day, last) VALUES ('000.00.24.H12', '261118', 1)")
        if version >= 2:
            run("INSERT INTO sync_export (agency_code, day, revision, created_at, path, file_sha256, "
                "content_digest, change_count, last_seq, dossiers, events, set_aside, encrypted, "
                "ack_status, ack_message) VALUES ('000.00.24.H12', '2026-11-18', 1, '2026-11-18 17:00:00', "
                "'', 'x', 'y', 1, 1, 1, 1, '[]', 0, 'applied', '')")
    db.close()


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
    _build(old, version)

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


def test_the_migrations_make_the_tables_todays_models_describe(tmp_path):
    migrated, modelled = tmp_path / "migrated.sqlite3", tmp_path / "models.sqlite3"
    open_database(str(migrated))
    close_database()
    db = SqliteDatabase(str(modelled))
    with db.bind_ctx(ALL_TABLES + SYNC_TABLES):
        db.create_tables(ALL_TABLES + SYNC_TABLES)
    db.close()
    left, right = _schema(migrated), _schema(modelled)

    def columns(table: list[tuple]) -> list[tuple]:
        """(name, type, not null, primary key): a column added later by ALTER TABLE stands last
        and may carry a DEFAULT peewee keeps in Python; neither makes the tables differ."""
        return sorted((name, kind, notnull, pk) for name, kind, notnull, _default, pk in table)
    for model in ALL_TABLES + SYNC_TABLES:
        name = model._meta.table_name
        assert columns(left[name]) == columns(right[name]), \
            f"{name}: today's model differs from what the migrations make"


def test_a_database_from_a_newer_release_is_refused(db_path):
    _build(db_path, 1)
    connection = sqlite3.connect(str(db_path))
    connection.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    connection.commit()
    connection.close()
    with pytest.raises(MotCuaError, match="phiên bản mới hơn"):
        open_database(str(db_path))


def test_a_read_only_open_never_migrates(db_path):
    _build(db_path, 1)
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
