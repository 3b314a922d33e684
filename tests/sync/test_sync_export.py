"""Exporting day files: content, byte-identical re-export, revisions, set-aside records,
the banner's pending days, the automatic export, and intakes racing an export."""
from __future__ import annotations

import json
import threading
from datetime import date, timedelta

from sync_fixtures import AGENCY, DAY, act, at, busy_day, intake, members_of, own_trust

from models.dossiers import get_dossier
from models.tables import StatusEvent, database
from sync.export import export_day, export_if_due, run_export
from sync.history import export_history, pending_days
from sync.verify import verify_file


def test_a_day_file_holds_every_dossier_and_event_of_the_day(officer, tmp_path):
    views = busy_day(officer)
    intake(officer, at(DAY + timedelta(days=1), 8), number="001090099999")  # another day

    result = run_export(DAY, tmp_path, now=at(DAY, 17, 30), by=officer)

    assert result.path == tmp_path / f"motcua-sync_{AGENCY}_20260302.zip"
    report = verify_file(result.path, trust=own_trust())
    assert report.ok, report.problems
    codes = sorted(r["MaHoSo"] for r in report.dossiers)
    assert codes == sorted(v.code for v in views)
    source_events = StatusEvent.select().count() - 1  # all but the next day's intake
    assert len(report.events) == source_events == result.events
    assert {e["Uid"] for e in report.events} == {
        e.uid for v in views for e in get_dossier(v.code).events}


def test_records_use_the_portal_vocabulary(officer, tmp_path):
    views = busy_day(officer)
    report = verify_file(export_day(DAY, tmp_path, now=at(DAY, 18), by=officer), trust=own_trust())
    by_code = {r["MaHoSo"]: r for r in report.dossiers}

    returned = by_code[views[2].code]
    # Typed as the provincial systems' DongBoHoSoMC clients type them: codes are strings.
    assert returned["TrangThaiHoSo"] == "10" and returned["HinhThuc"] == "0" and returned["LoaiDoiTuong"] == "1"
    assert returned["NgayTiepNhan"] == "20260302080200"
    assert returned["NgayTra"] == "20260302140000"
    assert returned["ThongTinTra"] == "Trần Văn C"
    assert returned["DinhDanhCHS"] == [{"LoaiDinhDanh": "1", "SoDinhDanh": "001090012342"}]
    assert returned["MaTTHC"] == "1.004873" and returned["KenhThucHien"] == "1"
    assert (returned["NoiNopHoSo"], returned["DuocThanhToanTrucTuyen"], returned["HoSoCoThanhPhanSoHoa"]) == \
        ("2", "0", "0")
    assert returned["TaiLieuNop"][0]["TenTepDinhKem"].startswith("Tờ khai")

    supplemented = by_code[views[1].code]
    (round_,) = supplemented["DanhSachHoSoBoSung"]
    assert round_["DanhSachNoiDungBoSung"] == ["Giấy xác nhận cư trú"]
    assert round_["NgayBoSung"] == "20260302093000" and round_["TrangThaiBoSung"] is True
    assert round_["HoSoBoSungId"] == 1
    assert round_["NgayHenTraTruoc"] == "20260305080100"
    assert round_["NgayHenTraMoi"] == supplemented["NgayHenTra"] != round_["NgayHenTraTruoc"]

    extended = by_code[views[4].code]
    (extension,) = extended["DanhSachGiaHan"]
    assert extension["NgayHenTraMoi"] == "20260309160000" == extended["NgayHenTra"]
    assert extension["LyDo"] == "Cần xác minh thêm"
    assert by_code[views[3].code]["NgayTuChoi"] == "20260302143000"

    forward = next(e for e in report.events if e["HanhDong"] == "forward")
    assert forward["TrangThai"] == "4" and forward["TrangThaiTruoc"] == 2
    assert forward["PhongBanXuLy"] == "Tư pháp - Hộ tịch"
    assert forward["ThoiDiemXuLy"] == "20260302090000"


def test_the_manifest_is_readable_and_holds_no_personal_data(officer, tmp_path):
    busy_day(officer)
    path = export_day(DAY, tmp_path, now=at(DAY, 18), by=officer)
    manifest = dict(members_of(path))["manifest.json"].decode()
    data = json.loads(manifest)
    assert data["agency_code"] == AGENCY and data["day"] == "2026-03-02"
    assert data["counts"] == {"HoSo": 5, "TienDo": 12, "set_aside": 0}
    for personal in ("Trần Văn", "001090012340", "0912345678", "Đồng Bùa"):
        assert personal not in manifest


def test_re_exporting_an_unchanged_day_gives_the_same_bytes(officer, tmp_path):
    busy_day(officer)
    first = run_export(DAY, tmp_path / "a", now=at(DAY, 18), by=officer)
    again = run_export(DAY, tmp_path / "b", now=at(DAY + timedelta(days=3), 9), by=officer)

    assert again.revision == first.revision == 1 and not again.new_revision
    assert again.path.read_bytes() == first.path.read_bytes()


def test_a_change_after_export_makes_the_next_revision(officer, tmp_path):
    views = busy_day(officer)
    first = run_export(DAY, tmp_path, now=at(DAY, 16), by=officer)
    act("forward", views[0].code, officer, at(DAY, 16, 30), unit="Địa chính")

    assert [p.state for p in pending_days(at(DAY, 17, 30))] == ["changed"]
    second = run_export(DAY, tmp_path, now=at(DAY, 17, 30), by=officer)

    assert second.revision == 2 and second.events == first.events + 1
    assert second.path == first.path  # one file per agency and day: the newer replaces it
    assert verify_file(second.path, trust=own_trust()).manifest["revision"] == 2
    assert [h.revision for h in export_history()] == [2, 1]


def test_a_broken_record_is_set_aside_and_named_and_the_rest_goes_through(officer, tmp_path):
    views = busy_day(officer)
    broken = get_dossier(views[1].code).events[1]  # the supplement request
    StatusEvent.update(data="{not json").where(StatusEvent.uid == broken.uid).execute()

    result = run_export(DAY, tmp_path, now=at(DAY, 18), by=officer)

    # The dossier goes with its three events of the day (received, supplement, resume): the
    # province must not hold the steps of a dossier it does not have.
    assert result.dossiers == 4 and result.events == 9
    named = {(s["kind"], s["MaHoSo"]) for s in result.set_aside}
    assert named == {("HoSo", views[1].code), ("TienDo", views[1].code)}
    assert len(result.set_aside) == 4
    assert all("{not json" not in s["reason"] for s in result.set_aside)
    reasons = {s["kind"]: s["reason"] for s in result.set_aside}
    assert "hỏng" in reasons["HoSo"]
    assert all(s["reason"].startswith("hồ sơ của bước xử lý này không xuất được")
               for s in result.set_aside if s["kind"] == "TienDo")
    report = verify_file(result.path, trust=own_trust())
    assert report.ok
    assert report.manifest["set_aside"] == list(result.set_aside)


def test_pending_days_for_the_banner(officer, tmp_path):
    day1, day2 = DAY, DAY + timedelta(days=1)
    intake(officer, at(day1, 9))
    intake(officer, at(day2, 9), number="001090099999")

    during_day2 = pending_days(at(day2, 10))
    assert [(p.day, p.state) for p in during_day2] == [(day1, "not_exported")]
    assert during_day2[0].message == "Ngày 02/03/2026: có 1 thay đổi chưa xuất tệp đồng bộ."

    run_export(day1, tmp_path, now=at(day2, 10), by=officer)
    after = pending_days(at(day2, 17, 30))  # the office has closed: today counts too
    assert [(p.day, p.state) for p in after] == [(day1, "not_acknowledged"), (day2, "not_exported")]
    assert "chưa có xác nhận" in after[0].message


def test_export_if_due_exports_past_days_and_today_after_closing(officer, tmp_path):
    day1, day2 = DAY, DAY + timedelta(days=1)
    intake(officer, at(day1, 9))
    intake(officer, at(day2, 9), number="001090099999")

    assert [r.day for r in export_if_due(at(day2, 11), tmp_path, by=officer)] == [day1]
    assert export_if_due(at(day2, 12), tmp_path, by=officer) == []
    assert [r.day for r in export_if_due(at(day2, 17, 5), tmp_path, by=officer)] == [day2]
    assert [r.day for r in export_if_due(at(day2, 17, 6), tmp_path, by=officer)] == []
    intake(officer, at(day2, 17, 10), number="001090088888")
    closing = export_if_due(at(day2, 17, 15), tmp_path, closing=True, by=officer)
    assert [(r.day, r.revision) for r in closing] == [(day2, 2)]


def test_intakes_during_an_export_land_in_that_file_or_the_next_revision(officer, db_path, tmp_path):
    """Threads: one counter receives dossiers while another exports the same day repeatedly.

    Each file is checked at the moment it is written: everything it misses must make the day
    pending again, so that the next export (a new revision) carries it.
    """
    total, received, exported = 40, [], []
    done = threading.Event()

    def counter():
        try:
            for i in range(total):
                received.append(intake(officer, at(DAY, 9, i), number=f"0010900{i:05d}").uid)
        finally:
            done.set()
            database.obj.close()

    worker = threading.Thread(target=counter)
    worker.start()
    while True:
        exported.append(run_export(DAY, tmp_path / str(len(exported)), now=at(DAY, 18), by=officer))
        if done.is_set():
            break
    worker.join()

    last = exported[-1]
    in_last = {r["Uid"] for r in verify_file(last.path, trust=own_trust()).dossiers}
    missing = set(received) - in_last
    states = [p.state for p in pending_days(at(DAY, 18))]
    assert states == (["changed"] if missing else ["not_acknowledged"])
    final = run_export(DAY, tmp_path / "final", now=at(DAY, 18, 5), by=officer)
    assert {r["Uid"] for r in verify_file(final.path, trust=own_trust()).dossiers} == set(received)
    assert final.revision == last.revision + (1 if missing else 0)
    revisions = [r.revision for r in exported]
    assert revisions == sorted(revisions)


def test_an_empty_day_is_a_valid_file(officer, tmp_path):
    result = run_export(date(2026, 3, 8), tmp_path, now=at(date(2026, 3, 8), 18), by=officer)
    report = verify_file(result.path, trust=own_trust())
    assert report.ok and result.dossiers == result.events == 0


def test_two_exports_of_one_day_at_once_never_go_back_in_time(officer, tmp_path):
    """Two exporters (say, the closing-time export and an officer's click) race each other
    while dossiers keep coming: each new revision holds at least what the previous one held."""
    from models.sync_state import SyncExport

    done = threading.Event()
    errors: list[BaseException] = []

    def counter():
        try:
            for i in range(30):
                intake(officer, at(DAY, 9, i), number=f"0010900{i:05d}")
        finally:
            done.set()
            database.obj.close()

    def exporter(name: str):
        try:
            n = 0
            while not done.is_set():
                run_export(DAY, tmp_path / f"{name}-{n}", now=at(DAY, 18), by=officer)
                n += 1
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            database.obj.close()

    threads = [threading.Thread(target=counter)] + [
        threading.Thread(target=exporter, args=(name,)) for name in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert errors == []
    rows = list(SyncExport.select().order_by(SyncExport.revision))
    assert [r.revision for r in rows] == list(range(1, len(rows) + 1))
    counts = [r.change_count for r in rows]
    assert counts == sorted(counts)


def test_an_export_overtaken_by_another_starts_again_from_a_fresh_snapshot(officer, tmp_path,
                                                                           monkeypatch):
    """Deterministic version of the race: another export, with a newer change, is recorded
    between this export's snapshot and its commit."""
    import sync.export as export_module
    from models.sync_state import SyncExport

    intake(officer, at(DAY, 9))
    real_read_day, raced = export_module.read_day, []

    def overtaken(day, **kwargs):
        snapshot = real_read_day(day, **kwargs)
        if not raced:
            raced.append(True)
            intake(officer, at(DAY, 10), number="001090099999")
            run_export(DAY, tmp_path / "other", now=at(DAY, 18), by=officer)
        return snapshot

    monkeypatch.setattr(export_module, "read_day", overtaken)
    result = run_export(DAY, tmp_path / "this", now=at(DAY, 18), by=officer)

    assert result.dossiers == 2
    rows = list(SyncExport.select().order_by(SyncExport.revision))
    assert [(r.revision, r.dossiers) for r in rows] == [(1, 2)]


def test_a_split_catalog_entry_reports_its_national_procedure_code(officer, tmp_path):
    from sync.records import read_day

    view = intake(officer, at(DAY, 9), procedure="1.004859-BS")
    records = {r["Uid"]: r for r in read_day(DAY).dossiers}
    assert records[view.uid]["MaTTHC"] == "1.004859"
