"""The codes and titles the province expects in the day file: the field's code (MaLinhVuc),
each paper's code (MaThanhPhanHoSo), the result's code (MaGiayToKetQua) from the catalog, and
the officer's title (ChucDanh) as it was when the step was recorded; what is missing is named
in the export's notes, never refused."""
from __future__ import annotations

import json
import zipfile
from datetime import datetime

import pytest
from sync_fixtures import DAY, act, at, intake, own_trust

from models import attachments, catalog
from models.accounts import update_officer
from models.errors import PermissionDenied, ValidationError
from models.session import acting_officer
from sync.export import run_export
from sync.keys import load_province_private
from sync.package_apply import apply_package_file
from sync.verify import verify_file
from tests.package_fixtures import Province, catalog_with
from tests.scans import jpeg_bytes

MARRIAGE = "1.004873"  # Hộ tịch; its result on the national portal: KQ.G15.000038
SIGNATURE = "2.000884"  # Chứng thực chữ ký


def _records(path) -> tuple[dict, list[dict]]:
    with zipfile.ZipFile(path) as archive:
        dossiers = {r["MaHoSo"]: r for r in json.loads(archive.read("hoso.json"))["HoSo"]}
        return dossiers, json.loads(archive.read("tiendo.json"))["TienDo"]


def test_a_provinces_catalog_brings_the_codes_into_the_day_file(counter, officer, tmp_path):
    province = Province(tmp_path / "province")
    province.install_at_counter()

    def codes(entries):
        entries[MARRIAGE]["field_code"] = "G09.HT"
        entries[MARRIAGE]["documents"][0]["code"] = "TP.HT.38.01"
    path = catalog_with(tmp_path / "dm.json", decision="Quyết định 123/QĐ-UBND", effective_from="2026-03-02",
                        change=codes)
    outcome = apply_package_file(province.make(now=at(DAY, 7), catalog=path).path, by=officer, now=at(DAY, 7))
    assert outcome.catalog.applied
    # One code per field: it reaches every procedure of Hộ tịch, not only the one that carried it.
    fields = {f.name: f.code for f in catalog.list_fields()}
    assert fields["Hộ tịch"] == "G09.HT" and fields["Chứng thực"] == ""
    assert catalog.get_procedure("1.001193").field_code == "G09.HT"

    marriage = catalog.get_procedure(MARRIAGE)
    dossier = intake(officer, at(DAY, 8))
    act("finish", dossier.code, officer, at(DAY, 10))
    scan = tmp_path / "kq.jpg"
    scan.write_bytes(jpeg_bytes(1))
    attachments.attach(dossier.code, [scan], officer, result=True, now=at(DAY, 10, 5))
    result = run_export(DAY, tmp_path / "usb", by=officer, now=at(DAY, 17))

    report = verify_file(result.path, trust=own_trust(), province_key=load_province_private(province.key))
    assert report.ok, report.problems
    record = {r["MaHoSo"]: r for r in report.dossiers}[dossier.code]
    assert (record["MaLinhVuc"], record["TenLinhVuc"]) == ("G09.HT", "Hộ tịch")
    first = record["TaiLieuNop"][0]
    assert (first["TenTepDinhKem"], first["MaThanhPhanHoSo"]) == (marriage.documents[0].name, "TP.HT.38.01")
    assert all(d["MaThanhPhanHoSo"] == "" for d in record["TaiLieuNop"][1:])  # no code in the catalog
    (issued,) = record["DanhSachGiayToKetQua"]
    assert issued["MaGiayToKetQua"] == "KQ.G15.000038" == marriage.results[0].code
    assert not any("Hộ tịch" in w for w in result.warnings)


def test_a_field_without_a_code_goes_empty_and_is_named(officer, tmp_path):
    catalog.set_field_code("Hộ tịch", "G09.HT", by=officer)
    coded, uncoded = intake(officer, at(DAY, 8)), intake(officer, at(DAY, 9), procedure=SIGNATURE)
    result = run_export(DAY, tmp_path, by=officer, now=at(DAY, 17))
    records = _records(result.path)[0]
    assert records[coded.code]["MaLinhVuc"] == "G09.HT" and records[uncoded.code]["MaLinhVuc"] == ""
    assert [w for w in result.warnings if "Lĩnh vực" in w] == [
        "Lĩnh vực “Chứng thực” chưa có mã lĩnh vực (MaLinhVuc): 1 hồ sơ gửi tỉnh với mã trống. Quản trị "
        "viên nhập mã theo danh mục của tỉnh (lệnh catalog field-code hoặc Danh mục › Mã lĩnh vực…)."]
    assert result.to_dict()["warnings"] == list(result.warnings)


def test_field_codes_are_kept_checked_and_set_by_the_admin_only(officer, account, tmp_path):
    assert catalog.set_field_code("Hộ tịch", "G09.HT", by=officer) > 1
    # A catalog file carrying no codes (an older export, the shipped file) keeps them.
    report = catalog.import_catalog(catalog.SHIPPED_CATALOG, officer=officer)
    assert not report.errors and catalog.get_procedure(MARRIAGE).field_code == "G09.HT"
    # CSV export and import carry every code.
    csv_file = tmp_path / "dm.csv"
    catalog.export_catalog(csv_file)
    catalog.set_field_code("Hộ tịch", "", by=officer)
    report = catalog.import_catalog(csv_file, officer=officer)
    assert MARRIAGE in report.updated and "field_code" in report.updated[MARRIAGE]
    info = catalog.get_procedure(MARRIAGE)
    assert info.field_code == "G09.HT" and info.results[0].code == "KQ.G15.000038"

    def entry(code: str, field_code: str) -> dict:
        data = catalog.get_procedure(code).to_dict()
        data.pop("time_limit")
        return {**data, "field_code": field_code}
    report = catalog.import_entries([entry(MARRIAGE, "A1"), entry("1.001193", "B2")], officer=officer)
    assert report.errors == ["Lĩnh vực “Hộ tịch” có hai mã khác nhau trong tệp: “A1” và “B2”."]
    report = catalog.import_entries([entry(MARRIAGE, "mã có dấu")], officer=officer)
    assert "Mã lĩnh vực phải gồm chữ cái không dấu" in report.errors[0]
    with pytest.raises(ValidationError, match="chữ cái không dấu"):
        catalog.set_field_code("Hộ tịch", "HT 01", by=officer)
    with pytest.raises(PermissionDenied):
        catalog.set_field_code("Hộ tịch", "X1", by=account("hung", "officer"))
    assert catalog.get_procedure(MARRIAGE).field_code == "G09.HT"


def test_chuc_danh_is_the_title_held_when_the_step_was_recorded(officer, account, tmp_path):
    lan, hung = account("lan", "officer"), account("hung", "officer")
    update_officer("lan", title="Công chức Tư pháp - Hộ tịch", by=officer)
    received = intake(lan, at(DAY, 8))
    update_officer("lan", title="Phó Chủ tịch UBND xã", by=officer)  # promoted that morning
    act("forward", received.code, acting_officer("lan"), at(DAY, 9), unit="Tư pháp")
    act("forward", intake(hung, at(DAY, 10), number="001190054321").code, hung, at(DAY, 11), unit="Tư pháp")
    result = run_export(DAY, tmp_path, by=officer, now=at(DAY, 17))

    steps = [(e["TenDangNhap"], e["HanhDong"], e["ChucDanh"]) for e in _records(result.path)[1]]
    assert steps == [("lan", "receive", "Công chức Tư pháp - Hộ tịch"), ("lan", "forward", "Phó Chủ tịch UBND xã"),
                     ("hung", "receive", "Công chức tiếp nhận"), ("hung", "forward", "Công chức tiếp nhận")]
    # Only the account without a title falls back to its role, and the export says so.
    assert [w for w in result.warnings if "chức danh" in w] == [
        "Tài khoản “hung” chưa có chức danh: bước xử lý gửi tỉnh ghi chức danh theo vai trò (ChucDanh). "
        "Quản trị viên nhập chức danh (lệnh officers update --title hoặc Cài đặt › Cán bộ)."]
    with pytest.raises(ValidationError, match="Chức danh dài quá"):
        update_officer("hung", title="x" * 201, by=officer)


def test_a_step_recorded_before_titles_were_kept_takes_the_accounts_title(officer, tmp_path):
    from models.tables import StatusEvent

    received = intake(officer, at(DAY, 8))
    StatusEvent.update(officer_title="").execute()  # as migration 10 leaves older steps
    update_officer(officer.username, title="Chủ tịch UBND xã", by=officer)
    (step,) = _records(run_export(DAY, tmp_path, by=officer, now=at(DAY, 17)).path)[1]
    assert (step["MaHoSo"], step["ChucDanh"]) == (received.code, "Chủ tịch UBND xã")


def test_a_leaders_late_act_keeps_the_leaders_role_title_without_a_title(officer, tmp_path):
    """No title on the account: the role the step was done in, as before titles existed."""
    received = intake(officer, at(DAY, 8))
    act("stop", received.code, officer, at(DAY, 9), reason="Công dân đề nghị dừng")
    steps = {e["HanhDong"]: e["ChucDanh"] for e in _records(run_export(DAY, tmp_path, by=officer,
                                                                           now=datetime(2026, 3, 2, 17)).path)[1]}
    assert steps == {"receive": "Công chức tiếp nhận", "stop": "Lãnh đạo"}
