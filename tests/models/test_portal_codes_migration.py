"""Migration 10 (the portal's codes, officers' titles, papers numbered as on the receipt) on a
database made by version 9 with a dossier in it, on SQLite and on PostgreSQL."""
from __future__ import annotations

import pytest
from peewee import SqliteDatabase
from playhouse.db_url import connect as connect_url

from models import attachments, catalog, migrations
from models.accounts import list_officers
from models.db import SQLITE_PRAGMAS, close_database, open_database
from models.tables import Meta, StatusEvent
from tests.conftest import fresh_pg_database

CODE = "000.00.24.H12-261118-0001"
SHA = {2: "a" * 64, 3: "b" * 64}
# Version 9 stored the papers in the checklist's order: the identity card only shown (xuất
# trình) came first, yet the receipt numbered the two papers handed in 1 and 2.
PAPERS = [("Căn cước công dân", True), ("Tờ khai", False), ("Giấy xác nhận cư trú", False)]


def _version_9(db, mark: str) -> None:
    """A database as schema 9 made it: an admin, a procedure, a dossier with three papers, the
    second and third digitised (their copies named by the old position)."""
    def run(sql: str, params: tuple = ()) -> None:
        db.execute_sql(sql.replace("?", mark), params)
    with db.atomic():
        for step in migrations.MIGRATIONS[:9]:
            step(db)
        run("INSERT INTO meta (key, value) VALUES ('schema_version', '9')")
        run("INSERT INTO setting (key, value) VALUES ('agency_code', '\"000.00.24.H12\"')")
        run("INSERT INTO officer (username, full_name, password_hash, roles, active, created_at) "
            "VALUES ('admin', 'Quản trị', '', 'officer,leader,admin', ?, '2026-11-18 08:00:00')", (True,))
        run("INSERT INTO procedure (code, name, name_folded, field, level, duration_value, duration_unit, "
            "fee, fee_note, fee_rule, source, confirmed, note, active, updated_at, national_code) VALUES "
            "('1.004873', 'Cấp giấy xác nhận tình trạng hôn nhân', '', 'Hộ tịch', 'xã', 3, 'working_days', 0, "
            "'', '', '', ?, '', ?, '2026-11-18 08:00:00', '')", (True, True))
        run("INSERT INTO dossier (uid, code, agency_code, procedure_id, procedure_code, procedure_name, "
            "duration_value, duration_unit, applicant_kind, applicant_name, applicant_name_folded, "
            "applicant_id_number, applicant_phone, applicant_email, applicant_address, authorised_person, "
            "channel, result_delivery, sets, fee, notes, status, received_at, due_at, returned_to, "
            "processing_unit, officer_id, register_volume, receipt_printed, updated_at) VALUES "
            "('a1b2c3d4e5f6a7b8', ?, '000.00.24.H12', 1, '1.004873', "
            "'Cấp giấy xác nhận tình trạng hôn nhân', 3, 'working_days', 1, 'Nguyễn Thị Hằng', "
            "'nguyen thi hang', '001190012345', '', '', '', '', 1, 0, 1, 0, '', 2, '2026-11-18 09:00:00', "
            "'2026-11-23 09:00:00', '', '', 1, '', ?, '2026-11-18 09:00:00')", (CODE, False))
        run("INSERT INTO status_event (uid, dossier_id, action, to_status, at, officer_id, note, data, "
            "backdate_reason) VALUES ('e1e2e3e4e5e6e7e8', 1, 'receive', 2, '2026-11-18 09:00:00', 1, '', '', '')")
        for position, (name, shown) in enumerate(PAPERS, start=1):
            run("INSERT INTO document_name (name) VALUES (?)", (name,))
            run("INSERT INTO dossier_document (dossier_id, position, document_name_id, originals, copies, shown) "
                "VALUES (1, ?, ?, 1, 0, ?)", (position, position, shown))
        for paper, sha in SHA.items():
            run("INSERT INTO attachment (dossier_id, kind, paper, name, sha256, pages, bytes, source, reused, "
                "officer_id, attached_at, note) VALUES (1, 'paper', ?, ?, ?, 1, 100, 'file', ?, 1, "
                "'2026-11-18 09:05:00', '')", (paper, PAPERS[paper - 1][0], sha, False))


def _check_upgraded(target: str) -> None:
    db = open_database(target)
    try:
        assert Meta.get_by_id("schema_version").value == str(migrations.SCHEMA_VERSION)
        # The papers handed in come first, as the receipt numbers them; the copies follow.
        assert [(s.number, s.name) for s in attachments.paper_states(CODE)] == \
            [(1, "Tờ khai"), (2, "Giấy xác nhận cư trú"), (3, "Căn cước công dân")]
        assert {s.number: s.copy.sha256 for s in attachments.paper_states(CODE) if s.copy} == \
            {1: SHA[2], 2: SHA[3]}
        assert [o.title for o in list_officers()] == [""]
        assert StatusEvent.get().officer_title == ""
        info = catalog.get_procedure("1.004873")
        assert (info.field_code, info.results) == ("", ())
        assert {"field_code", "results"} <= {c.name for c in db.get_columns("procedure")}
    finally:
        close_database()
    open_database(target)  # opening again changes nothing
    try:
        assert [s.number for s in attachments.paper_states(CODE) if s.copy] == [1, 2]
    finally:
        close_database()


def test_a_version_9_sqlite_database_is_upgraded(db_path):
    old = SqliteDatabase(str(db_path), pragmas=SQLITE_PRAGMAS)
    old.connect()
    _version_9(old, "?")
    old.close()
    _check_upgraded(str(db_path))


def test_a_version_9_postgresql_database_is_upgraded():
    url = fresh_pg_database("motcua_migration10_test")
    old = connect_url(url)
    old.connect()
    _version_9(old, "%s")
    old.close()
    _check_upgraded(url)


@pytest.mark.parametrize("papers, expected", [
    ([True, False], [2, 1]), ([False, True, False, True], [1, 3, 2, 4]), ([False, False], [1, 2])])
def test_receipt_order_puts_the_papers_handed_in_first(papers, expected):
    from models.intake import in_receipt_order

    documents = [(str(i), 1, 0, shown) for i, shown in enumerate(papers, start=1)]
    assert [int(d[0]) for d in in_receipt_order(documents)] == expected
