"""Forward migrations: a database made by the first schema is upgraded with its data kept."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

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
        assert [e.recorded_at for e in a.events] == [None] * len(a.events)  # unknown before schema 3
        november = Period.month(2026, 11)
        admin = acting_officer()
        late = {x.code for x in dossiers_behind(november, "resolved.late", officer=admin)}
        assert late == {a.code, c.code}
        # D: "refused" the day after reception (what schema 3 forbids) was an accepted dossier
        assert d.code in {x.code for x in dossiers_behind(november, "resolved.before_due", officer=admin)}
        report = period_report(november, officer=admin).total
        assert (report.received.total, report.resolved.total, report.resolved.late) == (4, 4, 2)
        assert [x.code for x in search("hoang van cuong")] == [c.code]  # the name index still works
        indexes = {i.name: i for i in db.get_indexes("dossier")}
        assert "late_from" in indexes["dossier_report_scan"].columns
    finally:
        close_database()
