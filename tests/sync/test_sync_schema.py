"""The compiled schema checks agree with the reference JSON Schema validator."""
from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sync.schema import DAY_SCHEMA, SchemaError, Validator, day_validator, load_schema

DOSSIER = {
    "Uid": "f80647cec09047fea73b2543273f20cd", "PhienBan": 3, "MaCoQuan": "000.00.24.H12",
    "MaHoSo": "000.00.24.H12-260302-0001", "MaTTHC": "1.004873",
    "TenTTHC": "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân", "MaLinhVuc": "", "TenLinhVuc": "Hộ tịch",
    "ThoiHanGiaiQuyet": {"GiaTri": 3, "DonVi": "working_days"}, "KenhThucHien": 1,
    "ChuHoSo": "Nguyễn Thị Hằng", "LoaiDoiTuong": 1,
    "DinhDanhCHS": [{"LoaiDinhDanh": 1, "SoDinhDanh": "001190012345"}], "SoDienThoai": "0912345678",
    "Email": "", "DiaChiChuHoSo": "Thôn Đồng Bùa", "NguoiUyQuyen": None,
    "TrichYeuHoSo": "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân", "NgayTiepNhan": "20260302090000",
    "NgayHenTra": "20260305090000", "TrangThaiHoSo": 5, "NgayTra": "", "ThongTinTra": "", "HinhThuc": 0,
    "NgayKetThucXuLy": "", "NgayTuChoi": "", "DonViXuLy": "Tư pháp", "GhiChu": "", "SoBoHoSo": 1,
    "CanBoTiepNhan": "Quản trị hệ thống", "QuyenSo": "", "SoThuTuSo": 1, "NgayCapNhat": "20260302100000",
    "TaiLieuNop": [{"ThuTu": 1, "TenTepDinhKem": "Tờ khai theo mẫu", "SoBanChinh": 1, "SoBanSao": 0}],
    "DanhSachLePhi": [{"TenPhiLePhi": "Phí, lệ phí", "MaPhiLePhi": "", "HinhThucThu": "", "Gia": 8000,
                       "LoaiPhiLePhi": "1"}],
    "DanhSachHoSoBoSung": [{
        "HoSoBoSungId": "22c1ec2760c24710a1e194c5cdc9dcc0", "NguoiYeuCauBoSung": "Quản trị hệ thống",
        "NoiDungBoSung": "Giấy xác nhận cư trú", "DanhSachNoiDungBoSung": ["Giấy xác nhận cư trú"],
        "LyDo": "Thiếu giấy", "NgayBoSung": "20260302100000", "NgayHenTraTruoc": "20260305090000",
        "NguoiTiepNhanBoSung": "", "NgayTiepNhanBoSung": "", "TrangThaiBoSung": False, "NgayHenTraMoi": ""}],
    "DanhSachGiaHan": [], "DanhSachGiayToKetQua": [],
}
# Version 1 (before digitisation) files still verify against their own schema.
DOSSIER_V1 = copy.deepcopy(DOSSIER)
SHA = "9f2c" + "0" * 60
# Version 2 types the portal's codes and flags as strings, as the provincial systems do.
DOSSIER.update({
    "MaLinhVuc": "G09-TP", "KenhThucHien": "1", "LoaiDoiTuong": "1", "TrangThaiHoSo": "5", "HinhThuc": "0",
    "DinhDanhCHS": [{"LoaiDinhDanh": "1", "SoDinhDanh": "001190012345"}],
    "DanhSachLePhi": [{"TenPhiLePhi": "Phí, lệ phí", "MaPhiLePhi": "", "HinhThucThu": "", "Gia": "8000",
                       "LoaiPhiLePhi": "1"}],
    "DanhSachHoSoBoSung": [{**DOSSIER_V1["DanhSachHoSoBoSung"][0], "HoSoBoSungId": 1}],
    "HoSoCoThanhPhanSoHoa": "1", "SoGiayToChuHoSo": "001190012345", "NgayNopHoSo": "20260302090000",
    "NoiNopHoSo": "2", "DuocThanhToanTrucTuyen": "0",
    "TaiLieuNop": [{"ThuTu": 1, "TenTepDinhKem": "Tờ khai theo mẫu", "SoBanChinh": 1, "SoBanSao": 0,
                    "MaThanhPhanHoSo": "G09-TP-01", "DuocSoHoa": "1", "DuocTaiSuDung": "0",
                    "DuocLayTuKhoDMQG": "0",
                    "DuongDanTaiTepTin": f"tep-dinh-kem/9f/{SHA}.pdf", "MaBamSHA256": SHA, "SoTrang": 2,
                    "KichThuoc": 120000}],
    "DanhSachGiayToKetQua": [{"TenGiayTo": "Kết quả giải quyết", "MaGiayToKetQua": "KQ.G01.00262",
                              "DuongDanTaiTepTin": f"tep-dinh-kem/9f/{SHA}.pdf",
                              "MaBamSHA256": SHA, "SoTrang": 1, "KichThuoc": 50000}],
})
EVENT = {
    "Uid": "6da97de4909e4e0a8b1541b45b898fa6", "HoSoUid": "f80647cec09047fea73b2543273f20cd",
    "MaHoSo": "000.00.24.H12-260302-0001", "NguoiXuLy": "Quản trị hệ thống", "TenDangNhap": "admin",
    "ChucDanh": "Quản trị hệ thống", "ThoiDiemXuLy": "20260302100000", "PhongBanXuLy": "Tư pháp",
    "NoiDungXuLy": "Chuyển xử lý", "TrangThai": "4", "TrangThaiTruoc": 2, "HanhDong": "forward",
    "GhiChu": "", "DuLieu": {"unit": "Tư pháp"},
}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 100) | st.sampled_from(
        ["", "x", "20260302090000", "2026", "000.00.24.H12", "working_days", "HoSo", "a" * 600]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["TenTepDinhKem", "x"]),
                                                                 inner, max_size=2),
    max_leaves=5)


def reference(definition: str):
    jsonschema = pytest.importorskip("jsonschema")
    schema = load_schema(str(DAY_SCHEMA))
    return jsonschema.Draft202012Validator({**schema, "$ref": f"#/$defs/{definition}"})


def paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from paths(v, prefix + (i,))


def mutate(record: dict, where: tuple, how: str, value):
    record = copy.deepcopy(record)
    if not where:
        return value if how == "set" else record
    parent = record
    for step in where[:-1]:
        parent = parent[step]
    key = where[-1]
    if how == "delete" and isinstance(parent, dict):
        del parent[key]
    elif how == "add" and isinstance(parent, dict):
        parent["Khac"] = value
    else:
        parent[key] = value
    return record


@pytest.mark.parametrize("definition, sample", [("HoSo", DOSSIER), ("TienDo", EVENT)])
def test_the_samples_are_valid(definition, sample):
    assert day_validator(definition).errors(sample) == []
    assert not list(reference(definition).iter_errors(sample))


def test_a_version_1_record_is_checked_against_version_1():
    assert day_validator("HoSo", 1).errors(DOSSIER_V1) == []
    assert "trường “HoSoCoThanhPhanSoHoa”: thiếu" in day_validator("HoSo", 2).errors(DOSSIER_V1)
    assert day_validator("HoSo", 1).errors(DOSSIER)  # version 1 knows none of the new fields


@settings(max_examples=300, deadline=None)
@given(data=st.data(), how=st.sampled_from(["set", "delete", "add"]), value=json_values)
def test_compiled_checks_agree_with_the_reference_validator(data, how, value):
    definition, sample = data.draw(st.sampled_from([("HoSo", DOSSIER), ("TienDo", EVENT)]))
    where = data.draw(st.sampled_from(list(paths(sample))))
    record = mutate(sample, where, how, value)
    ours = day_validator(definition).errors(record)
    theirs = list(reference(definition).iter_errors(record))
    assert bool(ours) == bool(theirs), (where, how, value, ours, [e.message for e in theirs])


def test_messages_name_the_field_and_never_its_value():
    record = dict(DOSSIER, SoDienThoai=912345678, ChuHoSo="")
    del record["NgayHenTra"]
    errors = day_validator("HoSo").errors(record)
    assert errors == ["trường “NgayHenTra”: thiếu", "trường “ChuHoSo”: để trống",
                      "trường “SoDienThoai”: phải là chuỗi"]
    assert not any("912345678" in e for e in errors)


def test_a_keyword_the_checker_does_not_know_is_refused():
    with pytest.raises(SchemaError):
        Validator({"$defs": {"x": {"type": "string", "oneOf": [{"type": "string"}]}}}, "x")
