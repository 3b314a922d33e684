"""The whole way round: online dossiers accepted at the counter go up in the day file with the
portal's code, the package's acknowledgement goes up beside it, and the province's next
package (made from the central database) sends again only what was not acknowledged; progress
of forwarded dossiers comes down and joins their history."""
from __future__ import annotations

import json
from datetime import datetime

import pytest
from sync_fixtures import own_trust

from models import workflow
from models.dossiers import get_dossier
from models.intake import receive
from models.online import accept
from models.province_state import ProvincePackage
from sync.apply import apply_files
from sync.central import close_central, open_central
from sync.export import run_export
from sync.keys import load_province_private
from sync.package_ack import build_package_ack, record_package_acks
from sync.package_apply import apply_package_file
from sync.province_central import CentralOnline, CentralPackageAck, CentralUpdate, ensure_province_tables
from sync.verify import verify_file
from tests.factories import XAC_NHAN_HON_NHAN, request
from tests.package_fixtures import AGENCY, Province, online_dossier, update, write_json

MONDAY = datetime(2026, 3, 2, 10, 0)
TUESDAY = datetime(2026, 3, 3, 9, 0)


@pytest.fixture
def province(counter, tmp_path):
    p = Province(tmp_path / "province")
    p.install_at_counter()
    return p


def _day_records(path, province) -> dict:
    report = verify_file(path, trust=own_trust(), province_key=load_province_private(province.key))
    assert report.ok, report.problems
    return {r["Uid"]: r for r in report.dossiers}, report.events


def test_an_accepted_online_dossier_goes_up_with_the_portals_code(province, officer, tmp_path):
    items = [online_dossier("000.00.00.H12-260302-0007"), online_dossier(f"{AGENCY}-260302-0042",
                                                                         name="Phạm Văn Nam", id_number="001090011111")]
    made = province.make(now=MONDAY, online=write_json(tmp_path / "tt.json", items))
    apply_package_file(made.path, by=officer, now=MONDAY)
    kept = accept("000.00.00.H12-260302-0007", officer, now=datetime(2026, 3, 2, 14, 0))
    own = accept(f"{AGENCY}-260302-0042", officer, now=datetime(2026, 3, 2, 14, 30))

    result = run_export(MONDAY.date(), tmp_path / "usb", by=officer, now=datetime(2026, 3, 2, 17, 30))

    dossiers, events = _day_records(result.path, province)
    assert dossiers[kept.uid]["MaHoSo"] == "000.00.00.H12-260302-0007"
    assert dossiers[own.uid]["MaHoSo"] == own.code != f"{AGENCY}-260302-0042"
    received = {e["HoSoUid"]: e for e in events if e["HanhDong"] == "receive"}
    assert received[own.uid]["DuLieu"]["portal_code"] == f"{AGENCY}-260302-0042"
    record = dossiers[kept.uid]
    assert (record["KenhThucHien"], record["TrangThaiHoSo"], record["NgayTiepNhan"], record["NgayHenTra"]) == \
        ("2", "2", "20260302140000", "20260305140000")
    receive = [e for e in events if e["HoSoUid"] == kept.uid]
    assert [(e["HanhDong"], e["TrangThaiTruoc"], e["TrangThai"]) for e in receive] == [("receive", 1, "2")]
    assert receive[0]["DuLieu"]["portal_code"] == "000.00.00.H12-260302-0007"


def test_a_refused_online_dossier_goes_up_refused_with_the_refusal_form(province, officer, tmp_path):
    made = province.make(now=MONDAY, online=write_json(tmp_path / "tt.json", [online_dossier("000.00.00.H12-260302-0007")]))
    apply_package_file(made.path, by=officer, now=MONDAY)
    view = workflow.refuse("000.00.00.H12-260302-0007", officer, reason="Giấy tờ tải lên không đọc được",
                           now=datetime(2026, 3, 2, 15, 0))
    assert view.status == 3
    from models.forms import render_form
    assert render_form("refusal", view.code).startswith(b"%PDF")
    dossiers, events = _day_records(run_export(MONDAY.date(), tmp_path / "usb", by=officer,
                                               now=datetime(2026, 3, 2, 17, 30)).path, province)
    assert dossiers[view.uid]["TrangThaiHoSo"] == "3" and dossiers[view.uid]["NgayTuChoi"] == "20260302150000"
    refusal = next(e for e in events if e["HoSoUid"] == view.uid)
    assert (refusal["HanhDong"], refusal["TrangThaiTruoc"]) == ("refuse", 1)
    assert refusal["DuLieu"] == {"reason": "Giấy tờ tải lên không đọc được", "portal_code": "000.00.00.H12-260302-0007"}


def test_the_acknowledgement_goes_up_and_the_province_sends_again_what_was_not_acknowledged(
        province, officer, tmp_path):
    central = str(tmp_path / "central.sqlite3")
    first_batch = write_json(tmp_path / "a.json", [online_dossier("000.00.00.H12-260302-0001")])
    lost = province.make(now=MONDAY, online=first_batch, central_db=central)
    assert lost.contents["online"] == 1
    # That stick never reached the commune. The next package carries the dossier again.
    second = province.make(now=TUESDAY, central_db=central,
                           online=write_json(tmp_path / "b.json", [online_dossier("000.00.00.H12-260303-0002")]))
    assert (second.sequence, second.contents["online"]) == (2, 2)

    outcome = apply_package_file(second.path, by=officer, now=TUESDAY)
    assert len(outcome.online.registered) == 2

    # The next day file takes the acknowledgement along, signed by the commune.
    receive(request(procedure=XAC_NHAN_HON_NHAN, received_at=TUESDAY), officer, now=TUESDAY)
    usb = tmp_path / "usb"
    run_export(TUESDAY.date(), usb, by=officer, now=datetime(2026, 3, 3, 17, 30))
    ack_file = usb / f"motcua-package-ack_{AGENCY}.json"
    assert ack_file.exists()
    ack = json.loads(ack_file.read_text(encoding="utf-8"))
    assert [(p["sequence"], p["status"]) for p in ack["packages"]] == [(2, "applied")]
    assert "Lê Thị Mai" not in ack_file.read_text(encoding="utf-8")

    # The province imports the folder: the day file and the acknowledgement.
    summary = apply_files(sorted(str(p) for p in usb.glob("*.zip")), central, trust=own_trust(),
                          province_key=load_province_private(province.key))
    assert summary.clean
    records = record_package_acks([ack_file], central, trust=own_trust())
    assert [(r.agency_code, r.packages, r.error) for r in records] == [(AGENCY, [2], "")]
    open_central(central)
    try:
        ensure_province_tables()
        assert all(row.acknowledged for row in CentralOnline.select())
        assert CentralPackageAck.select().count() == 1
    finally:
        close_central()

    # Nothing is owed any more; a calendar-only package confirms the acknowledgement.
    third = province.make(now=datetime(2026, 3, 4, 9, 0), central_db=central,
                          calendar=write_json(tmp_path / "lich.json", {
                              "year": 2026, "days_off": [], "working_days": [], "source": "Không thay đổi"}))
    assert (third.contents["online"], third.acknowledged) == (0, [2])
    apply_package_file(third.path, by=officer, now=datetime(2026, 3, 4, 9, 0))
    confirmed = ProvincePackage.get(ProvincePackage.sequence == 2)
    assert confirmed.ack_confirmed_at is not None
    assert [p["sequence"] for p in build_package_ack(datetime(2026, 3, 4, 17, 0))["packages"]] == [3]


def test_a_forged_acknowledgement_is_refused_by_the_province(province, officer, tmp_path):
    made = province.make(now=MONDAY, online=write_json(tmp_path / "a.json", [online_dossier("000.00.00.H12-260302-0001")]))
    apply_package_file(made.path, by=officer, now=MONDAY)
    doc = build_package_ack(MONDAY)
    doc["packages"][0]["summary"]["online"][0]["portal_code"] = "000.00.00.H12-260302-9999"
    path = write_json(tmp_path / f"motcua-package-ack_{AGENCY}.json", doc)
    records = record_package_acks([path], str(tmp_path / "central.sqlite3"), trust=own_trust())
    assert "không mang chữ ký của cơ quan 000.00.24.H12, hoặc đã bị sửa" in records[0].error


def test_progress_of_a_forwarded_dossier_comes_down_with_its_history(province, officer, tmp_path):
    received = datetime(2026, 3, 2, 8, 0)
    view = receive(
        request(procedure=XAC_NHAN_HON_NHAN, received_at=received), officer, now=received)
    workflow.forward(view.code, officer, unit="Sở Tư pháp", at=datetime(2026, 3, 2, 9, 0),
                     now=datetime(2026, 3, 2, 9, 0))
    central = str(tmp_path / "central.sqlite3")
    day = run_export(received.date(), tmp_path / "usb", by=officer, now=datetime(2026, 3, 2, 17, 30))
    apply_files([str(day.path)], central, trust=own_trust(), province_key=load_province_private(province.key))

    updates = [update("upd-0001-supplement", view.code, 5, "20260303090000", "Bổ sung giấy xác nhận cư trú",
                      HoSoUid=view.uid),
               update("upd-0002-resume", view.code, 4, "20260304090000", "Đã nhận giấy bổ sung", HoSoUid=view.uid),
               update("upd-0003-finish", view.code, 9, "20260305100000", "Đã có kết quả", HoSoUid=view.uid),
               update("upd-0004-stray", "000.00.24.H12-260101-0001", 9, "20260305100000", "Không có hồ sơ này")]
    made = province.make(now=datetime(2026, 3, 5, 11, 0), central_db=central,
                         updates=write_json(tmp_path / "u.json", {"updates": updates}))
    outcome = apply_package_file(made.path, by=officer, now=datetime(2026, 3, 5, 11, 0))

    assert [u["uid"] for u in outcome.updates.applied] == ["upd-0001-supplement", "upd-0002-resume",
                                                           "upd-0003-finish"]
    assert [s["uid"] for s in outcome.updates.skipped] == ["upd-0004-stray"]
    after = get_dossier(view.code)
    assert after.status == 9 and after.finished_at == datetime(2026, 3, 5, 10, 0)
    assert [e.action for e in after.events] == ["receive", "forward", "supplement", "resume", "finish"]
    assert after.events[2].data["unit"] == "Sở Tư pháp" and after.events[2].data["actor"] == "Nguyễn Văn Sở"
    # The clock stopped upstream for one working day: the appointment moved by it.
    assert after.due_at == datetime(2026, 3, 6, 8, 0)
    assert [c.kind for c in after.due_history] == ["initial", "resume"]

    again = province.make(now=datetime(2026, 3, 5, 11, 30), central_db=central)  # not acknowledged yet
    assert again.contents["updates"] == 4
    second = apply_package_file(again.path, by=officer, now=datetime(2026, 3, 5, 11, 30))
    assert len(second.updates.already) == 3 and get_dossier(view.code).status == 9
    open_central(central)
    try:
        ensure_province_tables()
        assert CentralUpdate.select().count() == 4
    finally:
        close_central()


def test_an_update_for_a_dossier_that_was_not_forwarded_is_skipped(province, officer, tmp_path):
    view = receive(
        request(procedure=XAC_NHAN_HON_NHAN, received_at=MONDAY), officer, now=MONDAY)
    made = province.make(now=TUESDAY, updates=write_json(tmp_path / "u.json", [
        update("upd-0009-finish", view.code, 9, "20260303080000", "Đã có kết quả")]))
    outcome = apply_package_file(made.path, by=officer, now=TUESDAY)
    assert outcome.updates.skipped[0]["reason"].startswith("Hồ sơ chưa được chuyển xử lý")
    assert get_dossier(view.code).status == 2
