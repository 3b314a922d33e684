"""Fees and ratings in the day file: the portal's DanhSachLePhi and the documented extensions
ThuPhiLePhi and DanhGiaHaiLong, valid against the schema and carried by the day of the change."""
from __future__ import annotations

from datetime import timedelta

from sync_fixtures import DAY, at, intake, own_trust

from models import workflow
from models.fee_service import record_payment
from models.fees import FeeBasis
from models.satisfaction import rate
from sync.export import export_day
from sync.schema import day_validator
from sync.verify import verify_file


def test_fees_payment_and_ratings_travel_in_the_day_file(officer, tmp_path):
    paid = intake(officer, at(DAY, 8), procedure="2.000815", fee_basis=FeeBasis(pages=5, copies=3))
    exempt = intake(officer, at(DAY, 8, 10), number="001190054321", procedure="2.001035",
                    fee_basis=FeeBasis(exempt_reason="Hợp đồng thế chấp vay vốn nông nghiệp"))
    free = intake(officer, at(DAY, 8, 20), number="001190099999")
    record_payment(paid.code, officer, method="transfer", at=at(DAY, 8, 30), now=at(DAY, 8, 31))
    rate(paid.code, officer, level=1, comment="Nhanh, chu đáo", now=at(DAY, 8, 32))
    workflow.finish(free.code, officer, at=at(DAY, 15), now=at(DAY, 15))
    workflow.return_result(free.code, officer, recipient="Nguyễn Thị Hằng", at=at(DAY, 15, 30), now=at(DAY, 15, 30))
    rate(free.code, officer, level=3, stage="return", now=at(DAY, 16, 5))

    report = verify_file(export_day(DAY, tmp_path, by=officer, now=at(DAY, 17)), trust=own_trust())
    assert report.ok, report.problems
    by_code = {r["MaHoSo"]: r for r in report.dossiers}
    validate = day_validator("HoSo").errors
    assert all(validate(record) == [] for record in by_code.values())

    record = by_code[paid.code]
    assert record["DanhSachLePhi"] == [{"TenPhiLePhi": "Phí chứng thực bản sao từ bản chính", "MaPhiLePhi": "",
                                        "HinhThucThu": "1", "Gia": "21000", "LoaiPhiLePhi": "1"}]
    payment = record["ThuPhiLePhi"]
    assert (payment["SoTien"], payment["SoTrang"], payment["SoBan"]) == (21_000, 5, 3)
    assert (payment["DaThu"], payment["NgayThu"], payment["PhuongThucThu"]) == (True, "20260302083000", "ChuyenKhoan")
    assert payment["NguoiThu"] == officer.full_name
    [rating] = record["DanhGiaHaiLong"]
    assert (rating["GiaiDoan"], rating["MucDo"], rating["TenMucDo"], rating["HaiLong"], rating["GopY"]) == (
        "TiepNhan", 1, "Rất hài lòng", True, "Nhanh, chu đáo")

    waived = by_code[exempt.code]
    assert waived["DanhSachLePhi"][0]["Gia"] == "0"
    assert (waived["ThuPhiLePhi"]["SoTienTruocMienGiam"], waived["ThuPhiLePhi"]["LyDoMienGiam"]) == (
        50_000, "Hợp đồng thế chấp vay vốn nông nghiệp")

    returned = by_code[free.code]
    assert returned["DanhSachLePhi"] == [] and returned["ThuPhiLePhi"] is None
    assert [(r["GiaiDoan"], r["TenMucDo"], r["HaiLong"]) for r in returned["DanhGiaHaiLong"]] == [
        ("TraKetQua", "Không hài lòng", False)]


def test_a_payment_on_a_later_day_goes_into_that_days_file(officer, tmp_path):
    view = intake(officer, at(DAY, 9), procedure="2.000635", fee_basis=FeeBasis(copies=2))
    next_day = DAY + timedelta(days=1)
    record_payment(view.code, officer, method="cash", at=at(next_day, 8), now=at(next_day, 8, 1))
    report = verify_file(export_day(next_day, tmp_path, by=officer, now=at(next_day, 17)), trust=own_trust())
    [record] = report.dossiers
    assert record["MaHoSo"] == view.code and record["ThuPhiLePhi"]["PhuongThucThu"] == "TienMat"
    assert record["PhienBan"] == 2 and report.events == []  # a change without a status event
