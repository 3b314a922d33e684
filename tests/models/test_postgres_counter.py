"""Several counters sharing one PostgreSQL database: the same services, no duplicate code.

Needs MOTCUA_TEST_PG_URL (CI starts PostgreSQL); a developer machine without it skips.
"""
from __future__ import annotations

import threading
from datetime import datetime

import pytest

from models import workflow
from models.db import close_database
from models.dossiers import get_dossier
from models.intake import receive
from models.search import search
from models.session import acting_officer, open_counter, setup_agency
from tests.conftest import fresh_pg_database
from tests.factories import XAC_NHAN_HON_NHAN, request

DB_NAME = "motcua_counter_test"


@pytest.fixture
def pg_url():
    yield fresh_pg_database(DB_NAME)
    close_database()


def test_counters_share_a_postgresql_database(pg_url):
    open_counter(pg_url)
    setup_agency(agency_code="H12.22.01", governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo")
    now = datetime(2026, 11, 16, 9, 30)
    codes: list[str] = []
    errors: list[BaseException] = []

    def counter_desk(names: list[str]) -> None:
        # Each thread is one counter PC: its own connection to the shared server.
        try:
            officer = acting_officer()
            for name in names:
                codes.append(receive(request(procedure=XAC_NHAN_HON_NHAN, received_at=now, name=name),
                                     officer, now=now).code)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    desks = [threading.Thread(target=counter_desk, args=([f"Nguyễn Văn Số {d}{i}" for i in range(15)],))
             for d in range(4)]
    for desk in desks:
        desk.start()
    for desk in desks:
        desk.join()
    assert errors == []
    assert len(codes) == len(set(codes)) == 60
    assert sorted(int(c.rsplit("-", 1)[1]) for c in codes) == list(range(1, 61))

    code = codes[0]
    officer = acting_officer()
    workflow.request_supplement(code, officer, missing=["Giấy xác nhận cư trú"], reason="Thiếu",
                                now=datetime(2026, 11, 17, 9, 30))
    d = workflow.resume(code, officer, now=datetime(2026, 11, 18, 9, 30))
    assert d.due_at == datetime(2026, 11, 20, 9, 30)
    assert get_dossier(code).status == 4
    assert [x.code for x in search("nguyen van so 07")] == [
        c for c in codes if get_dossier(c).applicant_name == "Nguyễn Văn Số 07"]
    # The end of a code, and the first or last digits of an ID number or phone.
    last = max(codes)
    assert [x.code for x in search(last.split("-", 1)[1])] == [last]
    assert [x.code for x in search(last[-4:])] == [last]
    assert len(search("0011", limit=100)) == 60  # every test ID starts 00119…
    assert len(search("5678", limit=100)) == 60  # every test phone ends …5678


def test_a_province_package_on_a_postgresql_counter(pg_url, tmp_path):
    """Migration 3's columns and tables, an online dossier accepted and a calendar entry, on PostgreSQL."""
    from models.holidays_admin import list_days
    from models.online import accept
    from sync.package_apply import apply_package_file
    from tests.package_fixtures import Province, online_dossier, write_json

    open_counter(pg_url)
    setup_agency(agency_code="H12.22.01", governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo")
    officer = acting_officer()
    province = Province(tmp_path / "province")
    province.install_at_counter()
    now = datetime(2026, 3, 2, 10, 0)
    made = province.make(now=now, agency="H12.22.01",
                         online=write_json(tmp_path / "tt.json", [online_dossier("G22.39-260302-0001")]),
                         calendar=write_json(tmp_path / "lich.json", {
                             "year": 2026, "days_off": [{"date": "2026-03-06", "reason": "Nghỉ do bão"}],
                             "working_days": [], "source": "Công văn 15/UBND-VX"}))
    assert apply_package_file(made.path, by=officer, now=now).status == "applied"
    assert apply_package_file(made.path, by=officer, now=now).status == "already_applied"
    view = accept("G22.39-260302-0001", officer, now=datetime(2026, 3, 2, 14, 0))
    assert (view.status, view.due_at) == (2, datetime(2026, 3, 5, 14, 0))
    assert {d["date"]: d["source"] for d in list_days(2026)}["2026-03-06"] == "province"
    assert search("G22.39-260302-0001")[0].code == view.code
def test_a_schema_5_postgresql_database_is_upgraded(pg_url):
    """Schema 6's migration (accountable records) on PostgreSQL: a database brought back to
    schema 5's shape (one `role` per account, none of schema 6's columns, tables or marks),
    with data in it."""
    from models.accounts import add_officer, authenticate, get_officer_row
    from models.db import open_database
    from models.tables import database

    open_counter(pg_url)
    setup_agency(agency_code="H12.22.01", governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo",
                 admin_password="mat-khau-thu-nghiem")
    admin = acting_officer()
    add_officer("lan", "Nguyễn Thị Lan", "leader", "mat-khau-lan", by=admin)
    t0 = datetime(2026, 11, 16, 9)
    late = receive(request(procedure=XAC_NHAN_HON_NHAN, received_at=t0), admin, now=t0).code
    workflow.extend(late, admin, new_due=datetime(2026, 11, 26, 9), reason="Chờ", now=datetime(2026, 11, 20, 9))
    db = database.obj
    for statement in (
        "ALTER TABLE officer ADD COLUMN role VARCHAR(255) NOT NULL DEFAULT 'officer'",
        "UPDATE officer SET role = CASE WHEN strpos(roles, 'admin') > 0 THEN 'admin' "
        "WHEN strpos(roles, 'leader') > 0 THEN 'leader' ELSE 'officer' END",
        "ALTER TABLE officer DROP COLUMN roles",
        "DROP TABLE sign_in_attempts",
        "DROP INDEX dossier_report_scan", "DROP INDEX dossier_report_open",
        "ALTER TABLE dossier DROP COLUMN late_from",
        "ALTER TABLE status_event DROP COLUMN recorded_at",
        "ALTER TABLE status_event DROP COLUMN backdate_reason",
        "ALTER TABLE due_date_change DROP COLUMN overdue",
        "ALTER TABLE due_date_change DROP COLUMN signer_id",
        "UPDATE meta SET value = '5' WHERE key = 'schema_version'",
    ):
        db.execute_sql(statement)
    close_database()

    open_database(pg_url)
    assert authenticate("admin", "mat-khau-thu-nghiem").roles == ("officer", "leader", "admin")
    assert get_officer_row("lan").roles == "officer,leader"
    d = get_dossier(late)
    assert d.due_history[-1].overdue and d.late_from == datetime(2026, 11, 19, 9, 0, 1) and d.late
    assert "late_from" in {i.name: i for i in database.obj.get_indexes("dossier")}["dossier_report_scan"].columns


def test_copies_on_a_postgresql_server_live_in_the_database_and_are_checked(pg_url, tmp_path):
    from models import attachments as att
    from models.attachment_tables import AttachmentBlob
    from models.tables import database
    from tests.scans import jpeg_bytes

    open_counter(pg_url)
    setup_agency(agency_code="H12.22.01", governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo")
    officer = acting_officer()
    dossier = receive(request(procedure=XAC_NHAN_HON_NHAN), officer)
    scan = tmp_path / "a.jpg"
    scan.write_bytes(jpeg_bytes(1))
    copy = att.attach(dossier.code, [scan], officer, paper=1)
    assert AttachmentBlob.get_by_id(copy.sha256).size == copy.bytes
    assert att.read_copy(dossier.code, copy.sha256)[:5] == b"%PDF-"
    database.obj.execute_sql("UPDATE attachment_blob SET data = %s", (b"%PDF-broken",))
    with pytest.raises(att.MotCuaError, match="bị hỏng"):
        att.read_copy(dossier.code, copy.sha256)
