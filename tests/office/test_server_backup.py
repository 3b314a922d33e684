"""Backups of the Centre's server: pg_dump under the same schedule and restore rules."""
from __future__ import annotations

from datetime import datetime

import pytest

from models.backup import auto_backup, backup_due, backup_settings, list_backups, save_backup_settings
from models.errors import MotCuaError
from models.intake import receive
from models.restore import restore_backup
from models.session import acting_officer, open_counter, setup_agency
from models.tables import Dossier
from tests.conftest import need
from tests.factories import request

AGENCY = "H12.22.01"
MORNING = datetime(2026, 11, 16, 9, 0)


@pytest.fixture
def server(office_db, machine, tmp_path):
    from models.server_backup import find_tool

    try:
        find_tool("pg_dump"), find_tool("pg_restore")
    except MotCuaError:
        need(False, "pg_dump and pg_restore")
    open_counter(office_db)
    setup_agency(agency_code=AGENCY, governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo")
    save_backup_settings(folder=str(tmp_path / "sao-luu"), by=acting_officer())
    for i in range(3):
        at = datetime(2026, 11, 16, 8, i)
        receive(request(received_at=at, name=f"Người Số {i}"), acting_officer(), now=at)
    return office_db


def test_the_daily_backup_of_the_server_is_made_once_and_checked(server, tmp_path):
    assert backup_due(MORNING)
    result = auto_backup(now=MORNING)
    assert result.path.suffix == ".dump" and result.path.exists() and result.dossiers == 3
    assert result.path.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    # Another counter's timer the same day finds it made.
    assert not backup_due(MORNING.replace(hour=10))
    assert auto_backup(now=MORNING.replace(hour=10)) is None
    found = list_backups([backup_settings().folder])
    assert [(b.path, b.dossiers, b.kind) for b in found] == [(result.path, 3, "daily")]
    # At closing with nothing changed since: nothing new.
    assert auto_backup(now=MORNING.replace(hour=17), kind="closing") is None


def test_a_restore_of_the_server_never_issues_a_code_twice(server, tmp_path):
    made = auto_backup(now=MORNING, kind="manual")
    later = datetime(2026, 11, 16, 10, 0)
    lost = receive(request(received_at=later, name="Người Đến Sau Sao Lưu"), acting_officer(), now=later)
    assert lost.code.endswith("-0004")
    report = restore_backup(made.path, db_path=server, by=acting_officer(), now=later)
    assert [d.code for d in report.lost] == [lost.code]
    assert report.kept_as.exists()  # the safety dump of the replaced data
    assert Dossier.select().count() == 3
    again = receive(request(received_at=later, name="Người Đến Sau Sao Lưu"), acting_officer(), now=later)
    assert again.code.endswith("-0005")  # never -0004 again: it is on a citizen's receipt


def test_only_an_admin_restores_the_server(server):
    from models.accounts import add_officer, get_officer_row

    made = auto_backup(now=MORNING, kind="manual")
    add_officer("lan", "Trần Thị Lan", "officer", "mat-khau-cua-lan", by=acting_officer())
    with pytest.raises(MotCuaError, match="Chỉ quản trị|không được khôi phục"):
        restore_backup(made.path, db_path=server, by=get_officer_row("lan"))
