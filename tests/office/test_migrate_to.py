"""migrate-to: a counter's realistic SQLite database moved whole into an empty server database."""
from __future__ import annotations

import os
import sqlite3
from datetime import date, datetime

import pytest

from models import workflow
from models.db import close_database, open_database
from models.errors import MotCuaError
from models.holidays_admin import set_override
from models.intake import receive
from models.migrate_to import migrate_to
from models.office import load_connection
from models.satisfaction import rate
from models.session import acting_officer, open_counter, setup_agency
from models.tables import Dossier
from sync.export import run_export
from tests.conftest import AGENCY
from tests.factories import GIAO_DICH, XAC_NHAN_HON_NHAN, request

DAY = datetime(2026, 11, 16, 8, 0)


def _fill_counter(tmp_path) -> tuple[list[str], dict[str, int]]:
    """Two days of a commune counter: intakes, every kind of step, a rating, a calendar entry,
    an officer added, the day files exported (sync log, signing key)."""
    from models.accounts import add_officer

    admin = acting_officer()
    add_officer("lan", "Trần Thị Lan", "officer", "mat-khau-cua-lan", by=admin)
    set_override(date(2026, 12, 24), False, "Nghỉ bù", officer=admin)
    codes = []
    for day in (16, 17):
        for i in range(12):
            at = datetime(2026, 11, day, 8 + i % 8, 5 * i % 60)
            procedure = XAC_NHAN_HON_NHAN if i % 2 else GIAO_DICH
            codes.append(receive(request(procedure=procedure, received_at=at, name=f"Lê Văn Người {day}-{i}",
                                         id_number=f"0011900{day}{i:03d}"), admin, now=at).code)
    first, second, third = codes[0], codes[1], codes[2]
    workflow.forward(first, admin, unit="Tư pháp", at=datetime(2026, 11, 17, 9, 0), now=datetime(2026, 11, 17, 9, 0))
    workflow.finish(first, admin, at=datetime(2026, 11, 17, 10, 0), now=datetime(2026, 11, 17, 10, 0))
    workflow.return_result(first, admin, recipient="Lê Văn Người", at=datetime(2026, 11, 17, 10, 30), now=datetime(2026, 11, 17, 10, 30))
    workflow.request_supplement(second, admin, missing=["Bản sao CCCD"], reason="Thiếu", at=datetime(2026, 11, 17, 9, 0), now=datetime(2026, 11, 17, 9, 0))
    workflow.refuse(third, admin, reason="Không thuộc thẩm quyền", at=datetime(2026, 11, 16, 11, 0),
                    now=datetime(2026, 11, 16, 11, 0))
    rate(first, admin, level=3, comment="Nhanh")
    out = tmp_path / "xuat"
    run_export(date(2026, 11, 16), out, by=admin, now=datetime(2026, 11, 16, 17, 30))
    run_export(date(2026, 11, 17), out, by=admin, now=datetime(2026, 11, 17, 17, 30))
    return codes, {}


def _sqlite_counts(path) -> dict[str, int]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'dossier_name_fts%'")]
        return {t: connection.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        connection.close()


def _rows(table: str, db) -> list[tuple]:
    return sorted(tuple(str(v) for v in row) for row in db.execute_sql(
        f'SELECT code, applicant_name, status, received_at, due_at, officer_id, register_number, '
        f'counter_no, version FROM "{table}"').fetchall())


def test_a_counter_moves_up_whole_and_the_day_sequence_continues(tmp_path, machine, office_db, monkeypatch):
    monkeypatch.setenv("MOTCUA_COUNTER", "2")
    path = tmp_path / "quay.sqlite3"
    open_counter(str(path))
    setup_agency(agency_code=AGENCY, governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo")
    codes, _ = _fill_counter(tmp_path)
    before = _rows("dossier", open_database(str(path)))
    from models import attachments
    from tests.scans import jpeg_bytes

    scan = tmp_path / "to-khai.jpg"
    scan.write_bytes(jpeg_bytes(1))
    copy = attachments.attach(codes[0], [scan], acting_officer(), paper=1)  # a file beside the database
    report = migrate_to(office_db, by=acting_officer())
    close_database()
    assert report.copies == 1

    counts = _sqlite_counts(path)
    counts["meta"] -= 1  # the "moved to the server" mark, written in the old file afterwards
    assert report.counts == counts  # every table, every row
    assert counts["dossier"] == 24 and counts["sync_export"] == 2 and counts["sync_key"] >= 1
    assert counts["officer"] == 2 and counts["satisfaction_rating"] == 1
    # The old file: read-only, marked, refused for work (but still readable to compare).
    assert not os.access(path, os.W_OK) or os.geteuid() == 0
    assert oct(os.stat(path).st_mode & 0o777) == oct(0o400)
    with pytest.raises(MotCuaError, match="đã được chuyển lên máy chủ"):
        open_database(str(path))
    close_database()
    # This machine now works on the server, keeping its counter number.
    connection = load_connection()
    assert connection.uses_server and connection.database == "motcua_office_test"

    db = open_counter(office_db)
    assert _rows("dossier", db) == before
    # The copy kept as a file came along into the server's table, and reads back whole.
    assert attachments.read_copy(codes[0], copy.sha256)[:5] == b"%PDF-"
    assert [d.code for d in Dossier.select().order_by(Dossier.id)] == codes
    # The same day's sequence continues, on the server.
    at = datetime(2026, 11, 17, 16, 0)
    nxt = receive(request(received_at=at, name="Người Đến Sau"), acting_officer(), now=at)
    assert nxt.code == f"{AGENCY}-261117-0013"
    assert Dossier.select().count() == 25 and nxt.counter_no == 2
    # The signing key came along: the next day file is signed and numbered after the two.
    result = run_export(date(2026, 11, 17), tmp_path / "xuat", by=acting_officer(), now=datetime(2026, 11, 17, 18, 0))
    assert result.revision == 2
    # A sign-in with the moved password works on the server.
    from models.accounts import authenticate

    assert authenticate("lan", "mat-khau-cua-lan").username == "lan"


def test_a_server_database_that_is_not_empty_is_refused_and_nothing_changes(tmp_path, machine, office_db):
    open_counter(office_db)
    setup_agency(agency_code="H12.22.01", governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo")
    close_database()
    path = tmp_path / "quay.sqlite3"
    open_counter(str(path))
    setup_agency(agency_code=AGENCY, governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo")
    with pytest.raises(MotCuaError, match="không trống"):
        migrate_to(office_db, by=acting_officer())
    assert os.access(path, os.W_OK)
    assert load_connection().mode == "local"
    close_database()


def test_the_high_water_record_lifts_the_counters_on_the_server(tmp_path, machine, office_db):
    """A code printed after the last backup that a restore lost is never issued again."""
    path = tmp_path / "quay.sqlite3"
    open_counter(str(path))
    setup_agency(agency_code=AGENCY, governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo")
    at = datetime(2026, 11, 16, 9, 0)
    receive(request(received_at=at), acting_officer(), now=at)
    with open(str(path) + ".highwater", "a", encoding="utf-8") as record:
        record.write(f"I\t20261116100000\t{AGENCY}\t{AGENCY}-261116-0007\tY2026\t7\n")
    report = migrate_to(office_db, by=acting_officer())
    assert report.counters_raised >= 1
    close_database()
    open_counter(office_db)
    nxt = receive(request(received_at=at, name="Người Sau"), acting_officer(), now=at)
    assert nxt.code == f"{AGENCY}-261116-0008"


def test_only_an_admin_moves_the_data(tmp_path, machine, office_db):
    from models.accounts import add_officer

    path = tmp_path / "quay.sqlite3"
    open_counter(str(path))
    setup_agency(agency_code=AGENCY, governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo")
    officer = add_officer("lan", "Trần Thị Lan", "officer", "mat-khau-cua-lan", by=acting_officer())
    from models.accounts import get_officer_row

    with pytest.raises(MotCuaError, match="không được chuyển dữ liệu lên máy chủ"):
        migrate_to(office_db, by=get_officer_row("lan"))
    close_database()
    assert officer
