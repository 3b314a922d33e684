"""Backups that can be trusted and restores that never go back in time: after any restore no
code, register number, day-file revision or dossier version is issued twice, and the restore
says what must be entered or done again."""
from __future__ import annotations

import os
import sqlite3
from datetime import timedelta

import pytest

from models import highwater
from models.agency_key import stored_agency_key
from models.backup import (
    AUTO_PREFIX,
    auto_backup,
    backup_due,
    integrity_problem,
    list_backups,
    make_backup,
    newest_good_backup,
    save_backup_settings,
)
from models.db import close_database, database_path, open_database
from models.dossiers import get_dossier
from models.errors import MotCuaError, ValidationError
from models.restore import restore_backup
from models.session import acting_officer, open_counter
from models.storage_errors import DatabaseDamaged
from models.tables import Dossier
from sync.export import run_export, set_export_dir
from sync.records import read_day
from sync.witness import issued_in_day_files
from tests.conftest import AGENCY
from tests.sync.sync_fixtures import DAY, act, at, intake

NEXT = DAY + timedelta(days=1)


def _state(path) -> dict:
    """What a database holds, table by table (the audit log and the migration facts aside)."""
    connection = sqlite3.connect(str(path))
    try:
        tables = [r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'dossier_name_fts%' AND name NOT IN ('audit_log') ORDER BY name")]
        return {t: sorted(map(repr, connection.execute(f"SELECT * FROM {t}"))) for t in tables}
    finally:
        connection.close()


def _restore(backup, db_path, *, now, by=None, witness=issued_in_day_files):
    report = restore_backup(backup, db_path=db_path, by=by or acting_officer(), now=now, witness=witness)
    return report


def test_every_backup_holds_the_signing_key_and_the_settings(counter, db_path, tmp_path):
    key = stored_agency_key()
    assert key is not None  # made at setup, before any export
    result = make_backup(tmp_path / "b.sqlite3", now=at(DAY, 8))
    assert integrity_problem(result.path) is None
    copy = sqlite3.connect(str(result.path))
    assert copy.execute("SELECT key_id FROM sync_key").fetchall() == [(key.key_id,)]
    assert copy.execute("SELECT value FROM setting WHERE key='agency_code'").fetchone() == (f'"{AGENCY}"',)
    assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one file is the whole backup
    copy.close()


def test_backup_out_never_replaces_a_file_without_force(counter, tmp_path):
    target = tmp_path / "b.sqlite3"
    target.write_bytes(b"an older, bigger database")
    with pytest.raises(ValidationError, match="không ghi đè"):
        make_backup(target, now=at(DAY, 8))
    assert target.read_bytes() == b"an older, bigger database"
    make_backup(target, force=True, now=at(DAY, 8))
    assert integrity_problem(target) is None


def test_a_restore_after_intakes_continues_the_codes_and_lists_what_to_enter_again(officer, db_path, tmp_path):
    first = intake(officer, at(DAY, 9))
    backup = make_backup(tmp_path / "b.sqlite3", now=at(DAY, 9, 10)).path
    later = [intake(officer, at(DAY, 9, 30), name="Trần Văn Bình", number="001090012345"),
             intake(officer, at(DAY, 10), name="Lê Thị Mai", number="001190054321")]

    report = _restore(backup, db_path, now=at(DAY, 10, 15))

    assert [d.code for d in report.lost] == [v.code for v in later]
    assert [d.applicant_name for d in report.lost] == ["Trần Văn Bình", "Lê Thị Mai"]
    assert any("CẦN NHẬP LẠI 2 hồ sơ" in line for line in report.lines())
    assert report.replaced == "sound" and report.kept_as.exists()
    assert Dossier.select().count() == 1 and get_dossier(first.code)
    again = intake(acting_officer(), at(DAY, 10, 30), name="Trần Văn Bình", number="001090012345")
    assert again.code.endswith("-0004")  # never 0002 or 0003: they are on citizens' receipts
    assert Dossier.get(Dossier.code == again.code).register_number == 4


def test_a_restore_after_exports_continues_revisions_and_versions(officer, db_path, tmp_path):
    a = intake(officer, at(DAY, 9))
    run_export(DAY, tmp_path / "out", by=officer, now=at(DAY, 12))  # revision 1
    backup = make_backup(tmp_path / "b.sqlite3", now=at(DAY, 13)).path
    b = intake(officer, at(DAY, 14), name="Trần Văn Bình", number="001090012345")
    run_export(DAY, tmp_path / "out", by=officer, now=at(DAY, 15))  # revision 2
    act("forward", a.code, officer, at(DAY, 16), unit="Tư pháp")
    sent = run_export(DAY, tmp_path / "out", by=officer, now=at(DAY, 17))  # revision 3: A at PhienBan 2
    assert sent.revision == 3

    report = _restore(backup, db_path, now=at(DAY, 18))

    assert [d.code for d in report.lost] == [b.code]
    assert report.redo == [a.code]
    again = run_export(DAY, tmp_path / "out", by=officer, now=at(DAY, 18, 30))
    assert again.revision == 4 and again.new_revision  # above every revision handed out
    record = next(r for r in read_day(DAY).dossiers if r["MaHoSo"] == a.code)
    assert record["PhienBan"] == 2  # the province's newer state (forwarded) still wins …
    act("forward", a.code, acting_officer(), at(DAY, 19), unit="Tư pháp")
    record = next(r for r in read_day(DAY).dossiers if r["MaHoSo"] == a.code)
    assert record["PhienBan"] == 3  # … until the counter changes the dossier again


def test_restoring_the_same_file_twice_equals_once(officer, db_path, tmp_path):
    intake(officer, at(DAY, 9))
    run_export(DAY, tmp_path / "out", by=officer, now=at(DAY, 9, 5))
    backup = make_backup(tmp_path / "b.sqlite3", now=at(DAY, 9, 10)).path
    intake(officer, at(DAY, 9, 30), name="Trần Văn Bình", number="001090012345")
    run_export(DAY, tmp_path / "out", by=officer, now=at(DAY, 9, 40))

    once = _restore(backup, db_path, now=at(DAY, 10))
    close_database()
    after_once = _state(db_path)
    twice = _restore(backup, db_path, now=at(DAY, 10, 5))
    close_database()

    assert _state(db_path) == after_once
    assert [d.code for d in twice.lost] == [d.code for d in once.lost]
    assert twice.redo == once.redo


def test_a_damaged_backup_is_refused_and_nothing_changes(officer, db_path, tmp_path):
    intake(officer, at(DAY, 9))
    backup = make_backup(tmp_path / "b.sqlite3", now=at(DAY, 9, 10)).path
    data = bytearray(backup.read_bytes())
    for at_byte in range(4096 + 100, len(data), 4096):  # every page after the first
        data[at_byte:at_byte + 16] = os.urandom(16)
    backup.write_bytes(bytes(data))
    close_database()
    before = _state(db_path)

    with pytest.raises(MotCuaError, match="bị hỏng"):
        restore_backup(backup, db_path=db_path, by=None, now=at(DAY, 10))
    assert _state(db_path) == before


def test_a_backup_without_keys_keeps_the_key_the_province_knows(officer, db_path, tmp_path):
    key = stored_agency_key()
    backup = make_backup(tmp_path / "b.sqlite3", now=at(DAY, 8)).path
    old = sqlite3.connect(str(backup))  # as a backup made by an older release before any export
    old.execute("DELETE FROM sync_key")
    old.commit()
    old.close()

    report = _restore(backup, db_path, now=at(DAY, 9))

    assert report.key == "carried" and stored_agency_key().key_id == key.key_id


def test_a_backup_without_keys_over_a_lost_database_says_to_send_the_new_key(officer, db_path, tmp_path):
    backup = make_backup(tmp_path / "b.sqlite3", now=at(DAY, 8)).path
    old = sqlite3.connect(str(backup))
    old.execute("DELETE FROM sync_key")
    old.commit()
    old.close()
    close_database()
    db_path.write_bytes(b"\0" * 8192)  # the database is gone

    report = restore_backup(backup, db_path=db_path, by=None, now=at(DAY, 9))

    assert report.key == "new" and report.replaced == "damaged"
    assert any("sync-key export" in w for w in report.warnings)


def test_a_damaged_database_is_kept_aside_and_restored(officer, db_path, tmp_path):
    done = intake(officer, at(DAY, 9))
    backup = make_backup(tmp_path / "b.sqlite3", now=at(DAY, 9, 10)).path
    lost = intake(officer, at(DAY, 9, 30), name="Trần Văn Bình", number="001090012345")
    close_database()
    data = bytearray(db_path.read_bytes())
    data[100:len(data)] = os.urandom(len(data) - 100)  # the header survives, nothing else
    db_path.write_bytes(bytes(data))
    with pytest.raises(DatabaseDamaged):
        open_database(str(db_path), check=True)
    close_database()

    report = restore_backup(backup, db_path=db_path, by=None, now=at(DAY, 10))

    assert report.replaced == "damaged" and report.kept_as.name.startswith("motcua.sqlite3.hong-")
    assert report.kept_as.read_bytes() == bytes(data)  # never deleted
    assert [d.code for d in report.lost] == [lost.code]  # from the high-water record
    assert get_dossier(done.code)
    assert intake(acting_officer(), at(DAY, 10, 30), number="001090077777").code.endswith("-0003")


def test_without_the_record_the_day_files_still_bound_what_comes_next(officer, db_path, tmp_path):
    set_export_dir(tmp_path / "dong-bo")
    intake(officer, at(DAY, 9))
    backup = make_backup(tmp_path / "b.sqlite3", now=at(DAY, 9, 10)).path
    lost = intake(officer, at(DAY, 9, 30), name="Trần Văn Bình", number="001090012345")
    run_export(DAY, by=officer, now=at(DAY, 9, 40))
    run_export(DAY, by=officer, now=at(DAY, 9, 45))  # unchanged: still revision 1
    intake(officer, at(DAY, 9, 50), name="Lê Thị Mai", number="001190054321")
    run_export(DAY, by=officer, now=at(DAY, 9, 55))  # revision 2, with both later dossiers
    highwater.record_path(db_path).unlink()  # the record is lost too
    close_database()
    db_path.write_bytes(b"")  # and the database: only the day files are left

    report = restore_backup(backup, db_path=db_path, by=None, now=at(DAY, 10),
                            witness=issued_in_day_files)

    assert lost.code in [d.code for d in report.lost]
    assert {d.applicant_name for d in report.lost} == {"Trần Văn Bình", "Lê Thị Mai"}
    assert run_export(DAY, by=officer, now=at(DAY, 10, 5)).revision == 3
    assert intake(acting_officer(), at(DAY, 10, 10), number="001090077777").code.endswith("-0004")


def test_another_agencys_backup_and_a_non_admin_are_refused(officer, db_path, tmp_path):
    from models.accounts import add_officer
    from models.tables import Officer

    backup = make_backup(tmp_path / "b.sqlite3", now=at(DAY, 8)).path
    other = sqlite3.connect(str(backup))
    other.execute("UPDATE setting SET value='\"H12.22.99\"' WHERE key='agency_code'")
    other.commit()
    other.close()
    with pytest.raises(MotCuaError, match="của cơ quan H12.22.99"):
        restore_backup(backup, db_path=db_path, by=officer, now=at(DAY, 9))
    open_counter(str(db_path))
    add_officer("canbo", "Nguyễn Văn Cán", "officer", "mat-khau-123", by=officer)
    own = make_backup(tmp_path / "own.sqlite3", now=at(DAY, 8)).path
    clerk = Officer.get(Officer.username == "canbo")
    with pytest.raises(ValidationError, match="Chỉ quản trị hệ thống"):
        restore_backup(own, db_path=db_path, by=clerk, now=at(DAY, 9))


def test_a_damaged_database_is_never_backed_up(officer, db_path, tmp_path):
    for i in range(300):  # enough pages for an index to be hit
        intake(officer, at(DAY, 9) + timedelta(seconds=i), number=f"0011900{i:05d}")
    close_database()
    connection = sqlite3.connect(str(db_path))
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name='dossier_code'").fetchone()[0]
    connection.close()
    data = bytearray(db_path.read_bytes())
    page = 4096 * (root - 1)
    data[page + 8:page + 4000] = os.urandom(3992)  # the code index's root page is garbage
    db_path.write_bytes(bytes(data))
    open_database(str(db_path))  # opens (no check asked): the damage is inside

    with pytest.raises(DatabaseDamaged, match="bản sao lưu KHÔNG được tạo"):
        make_backup(tmp_path / "b.sqlite3", now=at(DAY, 10))
    assert not (tmp_path / "b.sqlite3").exists()
    assert list(tmp_path.glob(".tmp-*")) == []


def test_automatic_backups_rotate_and_go_to_the_second_folder(counter, db_path, tmp_path):
    second = tmp_path / "usb"
    save_backup_settings(keep_days=3, second_folder=str(second), by=acting_officer())
    for days_ago in (10, 5, 2):
        auto_backup(now=at(DAY, 17) - timedelta(days=days_ago))
    assert not backup_due(at(DAY, 8) - timedelta(days=2))
    assert backup_due(at(DAY, 8))

    result = auto_backup(now=at(DAY, 17))

    kept = sorted(p.name for p in (db_path.parent / "sao-luu").glob(f"{AUTO_PREFIX}*"))
    assert kept == [f"{AUTO_PREFIX}{AGENCY}_{d:%Y%m%d}-170000.sqlite3"
                    for d in (DAY - timedelta(days=2), DAY)]
    assert len(result.removed) == 2  # the one of 5 days ago, in each folder (10 days: gone before)
    assert sorted(p.name for p in second.glob(f"{AUTO_PREFIX}*")) == kept
    assert integrity_problem(result.second_path) is None
    assert [b.created_at for b in list_backups([db_path.parent / "sao-luu"])] == [
        at(DAY, 17), at(DAY, 17) - timedelta(days=2)]
    assert newest_good_backup([db_path.parent / "sao-luu"]).created_at == at(DAY, 17)
    assert database_path() == db_path
