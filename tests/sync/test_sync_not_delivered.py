"""A dossier accepted at the counter is either in the province's database or shown as not
delivered: a record the export had to leave out, or one the province did not receive, keeps its
day "not delivered" on the banner, in sync-status and through the acknowledgement."""
from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from datetime import timedelta

import pytest
from sync_fixtures import AGENCY, DAY, at, central_state, intake, own_trust

from cli.app import run
from models.session import open_counter
from models.tables import Dossier
from sync.ack import build_ack, import_ack, write_ack
from sync.apply import NOT_IN_FILE, apply_files
from sync.export import run_export
from sync.history import pending_days

# commands run in-process sign in as scripts do (MOTCUA_PASSWORD)
pytestmark = pytest.mark.usefixtures("signed_in")

DAY2 = DAY + timedelta(days=1)


def _status(db_path) -> str:
    """sync-status as the command line prints it (run in-process; the test's database is opened
    again afterwards, as the command leaves it closed)."""
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(io.StringIO()):
        assert run(["--db", str(db_path), "sync-status"]) == 0
    open_counter(str(db_path))
    return out.getvalue()


def test_a_record_left_out_keeps_its_day_not_delivered_through_the_ack(officer, db_path, tmp_path):
    good = intake(officer, at(DAY, 9))
    broken = intake(officer, at(DAY, 10), name="Trần Văn Bình", number="001090012345")
    # Data written before the limits existed (or damaged): over what the schema allows.
    Dossier.update(notes="x" * 5000).where(Dossier.code == broken.code).execute()

    result = run_export(DAY, tmp_path / "out", by=officer, now=at(DAY, 18))
    assert {(s["kind"], s["MaHoSo"]) for s in result.set_aside} == {("HoSo", broken.code),
                                                                    ("TienDo", broken.code)}
    (pending,) = pending_days(at(DAY2, 9))
    assert pending.state == "incomplete"
    assert pending.message.startswith("Ngày 02/03/2026: CHƯA GIAO ĐỦ cho tỉnh – 2 bản ghi (")
    assert broken.code in pending.message and "không xuất được" in pending.message
    status = _status(db_path)
    assert "Tỉnh đã nhận đủ" not in status and broken.code in status

    summary = apply_files([result.path], str(tmp_path / "central.sqlite3"), trust=own_trust(),
                          now=at(DAY2, 8))
    assert not summary.clean  # the run says something is missing: exit code 1
    (ack_path,) = summary.acks
    assert ack_path.parent == result.path.parent  # beside the applied file, not the current folder
    dossiers, events = central_state(str(tmp_path / "central.sqlite3"))
    assert {r["MaHoSo"] for r in dossiers.values()} == {good.code}
    assert {r["MaHoSo"] for r in events.values()} == {good.code}  # no step of the missing dossier

    imported = import_ack(ack_path, by=officer, now=at(DAY2, 9))
    (entry,) = imported.matched
    assert entry["status"] == "applied"
    assert {r["MaHoSo"] for r in entry["not_received"]} == {broken.code}
    assert all(r["reason"].startswith(NOT_IN_FILE) for r in entry["not_received"])
    assert "CHƯA NHẬN ĐỦ: 2 bản ghi" in imported.lines()[0]
    (pending,) = pending_days(at(DAY2, 9))
    assert pending.state == "incomplete"
    assert "Tỉnh đã nhận đủ" not in _status(db_path)


def test_a_record_the_province_did_not_receive_keeps_the_day_not_delivered(officer, tmp_path):
    view = intake(officer, at(DAY, 9))
    result = run_export(DAY, tmp_path, by=officer, now=at(DAY, 18))
    entry = {"day": "2026-03-02", "revision": 1, "sha256": result.sha256, "status": "applied",
             "message": "", "HoSo": 0, "TienDo": 1,
             "rejected": [{"kind": "HoSo", "uid": "a" * 32, "MaHoSo": view.code,
                           "reason": "Uid đã thuộc hồ sơ của cơ quan khác"}]}
    import_ack(write_ack(build_ack(AGENCY, [entry], now=at(DAY2, 8)), tmp_path, at(DAY2, 8)),
               by=officer, now=at(DAY2, 9))

    (pending,) = pending_days(at(DAY2, 9))
    assert pending.state == "incomplete" and view.code in pending.message
    assert "tỉnh chưa nhận được" in pending.message
    assert [r["MaHoSo"] for r in pending.not_delivered] == [view.code]


def test_a_whole_day_acknowledged_is_delivered(officer, db_path, tmp_path):
    intake(officer, at(DAY, 9))
    result = run_export(DAY, tmp_path / "out", by=officer, now=at(DAY, 18))
    summary = apply_files([result.path], str(tmp_path / "central.sqlite3"), trust=own_trust(),
                          now=at(DAY2, 8))
    assert summary.clean
    import_ack(summary.acks[0], by=officer, now=at(DAY2, 9))
    assert pending_days(at(DAY2, 9)) == []
    assert "Tỉnh đã nhận đủ dữ liệu các ngày." in _status(db_path)
