"""Province packages, province → counter: each kind of content arrives and is applied once; a
package that is tampered with, replayed, older, for another agency or signed by another key is
refused with its own message and changes nothing."""
from __future__ import annotations

import io
import json
import zipfile
from datetime import date, datetime

import pytest

from models.catalog import get_procedure
from models.catalog_releases import promote_due
from models.dossiers import get_dossier
from models.errors import ValidationError
from models.holidays_admin import list_days, load_calendar, set_override
from models.intake import receive
from models.online import accept, waiting
from models.province_state import ProvincePackage
from models.search import search
from models.tables import AuditLog, CalendarOverride, Dossier
from sync.container import write_container
from sync.keys import load_province_private
from sync.package_apply import apply_package_file
from tests.factories import XAC_NHAN_HON_NHAN, request
from tests.package_fixtures import AGENCY, Province, catalog_with, online_dossier, other_counter_key, write_json

NOW = datetime(2026, 3, 2, 10, 0)  # Monday
CALENDAR_2026 = {"year": 2026, "days_off": [{"date": "2026-03-06", "reason": "Nghỉ do bão số 1 (Công văn 15/UBND)"}],
                 "working_days": [{"date": "2026-03-07", "reason": "Làm bù cho thứ Sáu 06/03/2026"}],
                 "source": "Công văn 15/UBND-VX của UBND tỉnh"}


@pytest.fixture
def province(counter, tmp_path):
    p = Province(tmp_path / "province")
    p.install_at_counter()
    return p


def _state() -> dict:
    """What a package can change at the counter, to compare before and after a refusal."""
    return {"calendar": sorted((str(r.day), r.working, r.reason) for r in CalendarOverride.select()),
            "dossiers": Dossier.select().count(), "applied": ProvincePackage.select()
            .where(ProvincePackage.status == "applied").count(),
            "due": get_procedure("1.004873").duration_value}


# -- round trips --------------------------------------------------------------------------------
def test_a_calendar_goes_into_the_counters_table_with_its_source(province, officer, tmp_path):
    made = province.make(now=NOW, calendar=write_json(tmp_path / "lich.json", CALENDAR_2026))
    assert made.path.name == f"motcua-province_{AGENCY}_20260302100000.zip"
    assert made.sequence == 1

    outcome = apply_package_file(made.path, by=officer, now=NOW)

    assert outcome.status == "applied"
    days = {d["date"]: d for d in list_days(2026)}
    assert days["2026-03-06"]["source"] == "province" and not days["2026-03-06"]["working"]
    assert days["2026-03-06"]["basis"] == "Công văn 15/UBND-VX của UBND tỉnh"
    assert days["2026-03-07"]["working"]
    calendar = load_calendar()
    assert not calendar.is_working_day(date(2026, 3, 6)) and calendar.is_working_day(date(2026, 3, 7))
    assert "Lịch làm việc năm 2026: 2 ngày thêm" in "\n".join(outcome.lines())


def test_a_later_calendar_for_the_year_replaces_the_provinces_entries_not_the_admins(province, officer, tmp_path):
    set_override(date(2026, 3, 20), False, "Nghỉ theo quyết định của xã", officer=officer)
    first = province.make(now=NOW, calendar=write_json(tmp_path / "a.json", CALENDAR_2026))
    apply_package_file(first.path, by=officer, now=NOW)
    withdrawn = dict(CALENDAR_2026, days_off=[], working_days=[])
    second = province.make(now=datetime(2026, 3, 3, 9, 0), calendar=write_json(tmp_path / "b.json", withdrawn))

    outcome = apply_package_file(second.path, by=officer, now=datetime(2026, 3, 3, 9, 0))

    assert [d["date"] for d in outcome.calendar.removed] == ["2026-03-06", "2026-03-07"]
    days = {d["date"]: d for d in list_days(2026)}
    assert "2026-03-06" not in days and days["2026-03-20"]["source"] == "admin"


def test_a_catalog_in_force_today_is_applied_and_stored_due_dates_stay(province, officer, tmp_path):
    before = receive(request(procedure=XAC_NHAN_HON_NHAN, received_at=datetime(2026, 3, 2, 8, 0)), officer,
                     now=datetime(2026, 3, 2, 8, 0))
    assert before.due_at == datetime(2026, 3, 5, 8, 0)  # 3 working days

    def five_days(entries):
        entries["1.004873"]["duration"] = {"value": 5, "unit": "working_days"}
    path = catalog_with(tmp_path / "dm.json", decision="Quyết định 123/QĐ-UBND ngày 25/02/2026",
                        effective_from="2026-03-02", change=five_days)
    outcome = apply_package_file(province.make(now=NOW, catalog=path).path, by=officer, now=NOW)

    assert outcome.catalog.applied and outcome.catalog.updated == {"1.004873": ["duration_value"]}
    assert get_procedure("1.004873").duration_value == 5
    assert get_dossier(before.code).due_at == datetime(2026, 3, 5, 8, 0)  # never recomputed
    assert [a["code"] for a in outcome.catalog.affected] == [before.code]
    text = "\n".join(outcome.lines())
    assert "1 hồ sơ đang giải quyết thuộc thủ tục thay đổi; ngày hẹn đã ghi giữ nguyên" in text
    assert f"{before.code} (1.004873, Được tiếp nhận, hẹn 08:00 05/03/2026)" in text
    after = receive(request(procedure=XAC_NHAN_HON_NHAN, received_at=NOW, id_number="001190099999"), officer,
                    now=NOW)
    assert after.due_at == datetime(2026, 3, 9, 10, 0)  # 5 working days


def test_a_catalog_for_a_future_date_waits_for_it(province, officer, tmp_path):
    def five_days(entries):
        entries["1.004873"]["duration"] = {"value": 5, "unit": "working_days"}
    path = catalog_with(tmp_path / "dm.json", decision="Quyết định 200/QĐ-UBND", effective_from="2026-03-04",
                        change=five_days)
    outcome = apply_package_file(province.make(now=NOW, catalog=path).path, by=officer, now=NOW)

    assert not outcome.catalog.applied
    assert "có hiệu lực từ 04/03/2026, sẽ tự áp dụng vào ngày đó" in "\n".join(outcome.lines())
    on_the_eve = receive(request(procedure=XAC_NHAN_HON_NHAN, received_at=datetime(2026, 3, 3, 16, 0)),
                         officer, now=datetime(2026, 3, 3, 16, 0))
    assert on_the_eve.due_at == datetime(2026, 3, 6, 16, 0)  # still 3 days
    # The counter opens on the 4th (the app and every command promote due catalogs at start).
    promoted = promote_due(datetime(2026, 3, 4, 7, 0))
    assert [(p.decision, p.applied) for p in promoted] == [("Quyết định 200/QĐ-UBND", True)]
    assert promote_due(datetime(2026, 3, 4, 7, 5)) == []
    on_the_day = receive(request(procedure=XAC_NHAN_HON_NHAN, received_at=datetime(2026, 3, 4, 8, 0),
                                 id_number="001190099999"), officer, now=datetime(2026, 3, 4, 8, 0))
    assert on_the_day.due_at == datetime(2026, 3, 11, 8, 0)  # 5 days from the effective date
    assert get_dossier(on_the_eve.code).due_at == datetime(2026, 3, 6, 16, 0)


def test_online_dossiers_wait_in_status_1_and_are_accepted_once(province, officer, tmp_path):
    walk_in = receive(request(procedure=XAC_NHAN_HON_NHAN, received_at=datetime(2026, 3, 2, 8, 0)), officer,
                      now=datetime(2026, 3, 2, 8, 0))
    assert walk_in.code == f"{AGENCY}-260302-0001"
    items = [online_dossier("000.00.00.H12-260302-0007"),  # the provincial portal's own numbering
             online_dossier(f"{AGENCY}-260302-0001", name="Phạm Văn Nam", id_number="001090011111")]
    made = province.make(now=NOW, online=write_json(tmp_path / "tt.json", items))
    with zipfile.ZipFile(made.path) as archive:
        names = archive.namelist()
        manifest = archive.read("manifest.json").decode()
        assert b"Mai" not in archive.read("online.json.enc")
    assert names == ["manifest.json", "online.json.enc"]
    assert "Lê Thị Mai" not in manifest and "001190054321" not in manifest

    outcome = apply_package_file(made.path, by=officer, now=NOW)

    registered = {r["portal_code"]: r["code"] for r in outcome.online.registered}
    # Another agency's numbering is kept as the code; this counter's own numbering could collide
    # with its walk-in dossiers, so that dossier gets a code of the counter's sequence.
    assert registered["000.00.00.H12-260302-0007"] == "000.00.00.H12-260302-0007"
    own = registered[f"{AGENCY}-260302-0001"]
    assert own == f"{AGENCY}-260302-0002"  # the walk-in dossier already has 0001
    queue = waiting(now=NOW)
    assert [d.portal_code for d in queue] == ["000.00.00.H12-260302-0007", f"{AGENCY}-260302-0001"]
    assert all(d.status == 1 and d.channel == 2 for d in queue)

    # That portal code is also the walk-in dossier's own code: a lookup asks for the counter's code,
    # a search shows both, and acceptance takes the one waiting.
    with pytest.raises(ValidationError) as ambiguous:
        get_dossier(f"{AGENCY}-260302-0001")
    assert f"vừa là mã tại quầy của hồ sơ {walk_in.code}, vừa là mã trên Cổng của hồ sơ trực tuyến {own}" \
        in str(ambiguous.value)
    assert {d.code for d in search(f"{AGENCY}-260302-0001")} == {walk_in.code, own}
    view = accept(f"{AGENCY}-260302-0001", officer, now=datetime(2026, 3, 2, 14, 0))  # by the portal's code
    assert (view.code, view.status, view.received_at) == (own, 2, datetime(2026, 3, 2, 14, 0))
    assert view.due_at == datetime(2026, 3, 5, 14, 0)  # 3 working days from acceptance
    assert [e.action for e in view.events] == ["register", "receive"]
    assert get_dossier(own).portal_code == f"{AGENCY}-260302-0001"

    again = apply_package_file(made.path, by=officer, now=datetime(2026, 3, 2, 15, 0))
    assert again.status == "already_applied" and again.code == "replayed"
    assert Dossier.select().count() == 3


def test_an_online_dossier_that_fails_the_checks_is_named_and_the_others_go_in(province, officer, tmp_path):
    items = [online_dossier("000.00.00.H12-260302-0008", procedure="9.999999"),
             online_dossier("000.00.00.H12-260302-0009", id_number="12345")]
    items.append(online_dossier("000.00.00.H12-260302-0010"))
    outcome = apply_package_file(province.make(now=NOW, online=write_json(tmp_path / "tt.json", items)).path,
                                 by=officer, now=NOW)
    assert outcome.status == "applied"
    assert [r["portal_code"] for r in outcome.online.rejected] == ["000.00.00.H12-260302-0008",
                                                                  "000.00.00.H12-260302-0009"]
    assert outcome.online.rejected[1]["fields"] == ["id_number"]
    assert [r["portal_code"] for r in outcome.online.registered] == ["000.00.00.H12-260302-0010"]


# -- refusals ---------------------------------------------------------------------------------------
def _calendar_package(province, tmp_path, now=NOW):
    return province.make(now=now, calendar=write_json(tmp_path / f"lich-{now:%H%M%S}.json", CALENDAR_2026))


def test_a_tampered_package_is_refused(province, officer, tmp_path):
    made = _calendar_package(province, tmp_path)
    data = bytearray(made.path.read_bytes())
    at = data.index(b"B\xc3\xa3o") if b"B\xc3\xa3o" in data else len(data) // 2
    data[at] ^= 0x01
    made.path.write_bytes(bytes(data))
    before = _state()
    outcome = apply_package_file(made.path, by=officer, now=NOW)
    assert (outcome.status, outcome.code) == ("refused", "bad_signature")
    assert "gói đã bị sửa sau khi tỉnh ký" in outcome.message
    assert _state() == before


def test_an_older_package_is_refused_after_a_newer_one(province, officer, tmp_path):
    old = _calendar_package(province, tmp_path, NOW)
    new = _calendar_package(province, tmp_path, datetime(2026, 3, 2, 11, 0))
    assert apply_package_file(new.path, by=officer, now=NOW).status == "applied"
    before = _state()
    outcome = apply_package_file(old.path, by=officer, now=NOW)
    assert (outcome.status, outcome.code) == ("refused", "older")
    assert outcome.message.startswith("gói số 1 cũ hơn gói số 2 đã áp dụng")
    assert _state() == before


def test_a_replayed_package_changes_nothing(province, officer, tmp_path):
    made = _calendar_package(province, tmp_path)
    apply_package_file(made.path, by=officer, now=NOW)
    before = _state()
    outcome = apply_package_file(made.path, by=officer, now=datetime(2026, 3, 3, 8, 0))
    assert (outcome.status, outcome.code) == ("already_applied", "replayed")
    assert "đã được áp dụng lúc 10:00 02/03/2026; không áp dụng lại" in outcome.message
    assert _state() == before


def test_another_package_with_a_used_number_is_refused(province, officer, tmp_path):
    first = _calendar_package(province, tmp_path)
    apply_package_file(first.path, by=officer, now=NOW)
    (province.folder / "province-packages.json").unlink()  # the province lost its sequence state
    second = _calendar_package(province, tmp_path, datetime(2026, 3, 2, 12, 0))
    assert second.sequence == 1
    outcome = apply_package_file(second.path, by=officer, now=NOW)
    assert (outcome.status, outcome.code) == ("refused", "sequence_reused")


def test_a_package_for_another_agency_is_refused(province, officer, tmp_path):
    province.counter_key = other_counter_key(tmp_path / "xa-khac.json", "000.00.25.H12")
    made = province.make(now=NOW, agency="000.00.25.H12",
                         calendar=write_json(tmp_path / "lich.json", CALENDAR_2026))
    before = _state()
    outcome = apply_package_file(made.path, by=officer, now=NOW)
    assert (outcome.status, outcome.code) == ("refused", "wrong_agency")
    assert "cho cơ quan 000.00.25.H12, không phải cơ quan này (000.00.24.H12)" in outcome.message
    assert _state() == before


def test_a_package_signed_by_another_key_is_refused(province, officer, tmp_path):
    impostor = Province(tmp_path / "impostor")
    impostor.counter_key.write_text(province.counter_key.read_text(), encoding="utf-8")
    made = impostor.make(now=NOW, calendar=write_json(tmp_path / "lich.json", CALENDAR_2026))
    before = _state()
    outcome = apply_package_file(made.path, by=officer, now=NOW)
    assert (outcome.status, outcome.code) == ("refused", "wrong_signer")
    assert "không phải khóa của tỉnh đã cấu hình" in outcome.message
    assert _state() == before


def test_a_member_swapped_in_from_another_package_is_refused_even_when_re_signed(province, officer, tmp_path):
    """A forger who had the key still cannot mix members: the headers name their package."""
    one = province.make(now=NOW, online=write_json(tmp_path / "a.json", [online_dossier("000.00.00.H12-260302-0001")]))
    two = province.make(now=datetime(2026, 3, 2, 11, 0),
                        online=write_json(tmp_path / "b.json", [online_dossier("000.00.00.H12-260302-0002")]))
    with zipfile.ZipFile(one.path) as a, zipfile.ZipFile(two.path) as b:
        manifest = json.loads(b.read("manifest.json"))
        foreign = a.read("online.json.enc")
    from sync.format import canonical_json, sha256_hex
    manifest["members"]["online.json.enc"].update(sha256=sha256_hex(foreign), size=len(foreign))
    key = load_province_private(province.key)
    two.path.write_bytes(write_container([("manifest.json", canonical_json(manifest)), ("online.json.enc", foreign)],
                                         key.signing.sign, NOW.date(), frozenset({"online.json.enc"})))
    outcome = apply_package_file(two.path, by=officer, now=NOW)
    assert (outcome.status, outcome.code) == ("refused", "foreign_member")


def test_without_the_provinces_key_nothing_is_applied(counter, officer, tmp_path):
    province = Province(tmp_path / "province")
    from sync.keys import agency_public_key_document
    province.counter_key.write_text(json.dumps(agency_public_key_document()), encoding="utf-8")
    made = province.make(now=NOW, calendar=write_json(tmp_path / "lich.json", CALENDAR_2026))
    outcome = apply_package_file(made.path, by=officer, now=NOW)
    assert (outcome.status, outcome.code) == ("refused", "no_province_key")


def test_a_day_file_is_not_a_package(province, officer, tmp_path):
    blob = io.BytesIO()
    with zipfile.ZipFile(blob, "w") as archive:
        archive.writestr("manifest.json", json.dumps({"format": "motcua-sync-day"}))
    path = tmp_path / "motcua-sync_x.zip"
    path.write_bytes(blob.getvalue())
    outcome = apply_package_file(path, by=officer, now=NOW)
    assert outcome.status == "refused" and outcome.code in ("unsigned", "not_a_package")


def test_refusals_and_applications_are_audited(province, officer, tmp_path):
    made = _calendar_package(province, tmp_path)
    apply_package_file(made.path, by=officer, now=NOW)
    province.counter_key = other_counter_key(tmp_path / "xa-khac.json", "000.00.25.H12")
    other = province.make(now=datetime(2026, 3, 2, 11, 0), agency="000.00.25.H12",
                          calendar=write_json(tmp_path / "khac.json", CALENDAR_2026))
    apply_package_file(other.path, by=officer, now=NOW)
    rows = list(AuditLog.select().where(AuditLog.action.startswith("package.")).order_by(AuditLog.id))
    assert [(r.action, r.officer_id) for r in rows] == [("package.apply", officer.id), ("package.refuse", officer.id)]
    assert json.loads(rows[1].details)["problem"] == "wrong_agency"


def test_a_newer_packages_catalog_replaces_an_older_one_still_waiting(province, officer, tmp_path):
    def days(n):
        def change(entries):
            entries["1.004873"]["duration"] = {"value": n, "unit": "working_days"}
        return change
    later = catalog_with(tmp_path / "a.json", decision="QĐ 10/QĐ-UBND", effective_from="2026-03-10", change=days(5))
    apply_package_file(province.make(now=NOW, catalog=later).path, by=officer, now=NOW)
    sooner = catalog_with(tmp_path / "b.json", decision="QĐ 11/QĐ-UBND", effective_from="2026-03-05", change=days(4))
    outcome = apply_package_file(province.make(now=datetime(2026, 3, 2, 11, 0), catalog=sooner).path,
                                 by=officer, now=NOW)
    assert outcome.catalog.superseded == [{"decision": "QĐ 10/QĐ-UBND", "effective_from": "2026-03-10"}]
    assert [p.decision for p in promote_due(datetime(2026, 3, 11, 7, 0))] == ["QĐ 11/QĐ-UBND"]
    assert get_procedure("1.004873").duration_value == 4


def test_a_missing_package_is_noted(province, officer, tmp_path):
    apply_package_file(_calendar_package(province, tmp_path, NOW).path, by=officer, now=NOW)
    _calendar_package(province, tmp_path, datetime(2026, 3, 2, 11, 0))  # lost on the way
    third = _calendar_package(province, tmp_path, datetime(2026, 3, 2, 12, 0))
    outcome = apply_package_file(third.path, by=officer, now=NOW)
    assert outcome.status == "applied" and outcome.sequence == 3
    assert outcome.notes[0].startswith("chưa nhận gói số 2 (có thể thẻ nhớ bị thất lạc)")


def test_a_held_catalog_that_can_no_longer_be_imported_never_stops_the_counter(province, officer, tmp_path):
    from models.province_state import CatalogRelease

    path = catalog_with(tmp_path / "dm.json", decision="QĐ 12/QĐ-UBND", effective_from="2026-03-05")
    apply_package_file(province.make(now=NOW, catalog=path).path, by=officer, now=NOW)
    broken = json.loads(CatalogRelease.get().entries)
    broken[0]["duration"]["unit"] = "fortnights"  # what a later release's checks might refuse
    CatalogRelease.update(entries=json.dumps(broken)).execute()
    assert promote_due(datetime(2026, 3, 5, 7, 0)) == []
    release = CatalogRelease.get()
    assert release.superseded_at is not None and "fortnights" in release.report
    assert AuditLog.get(AuditLog.action == "catalog.release_failed").entity_id == "QĐ 12/QĐ-UBND"
