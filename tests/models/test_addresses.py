"""Addresses read against the 2025 units: split where they match, flagged where a unit is gone."""
from __future__ import annotations

import pytest

from models.addresses import AddressParts, communes, provinces, split_address


def test_the_lists_are_the_2025_units():
    assert len(provinces()) == 34
    assert ("Phú Thọ", 25) in provinces()
    assert "Xã Tam Đảo" in [name for name, _ in communes(25)]


@pytest.mark.parametrize("text, detail, province, commune", [
    ("Thôn Đồng Bông, Xã Tam Đảo, Tỉnh Phú Thọ", "Thôn Đồng Bông", "Phú Thọ", "Xã Tam Đảo"),
    ("Thôn Đồng Bông, xã Tam Đảo, Phú Thọ", "Thôn Đồng Bông", "Phú Thọ", "Xã Tam Đảo"),
    ("thon dong bong, tam dao, phu tho", "thon dong bong", "Phú Thọ", "Xã Tam Đảo"),
    ("Số 8 Lý Thường Kiệt, Phường Hoàn Kiếm, TP. Hà Nội", "Số 8 Lý Thường Kiệt", "Thành phố Hà Nội",
     "Phường Hoàn Kiếm"),
    ("12 Nguyễn Huệ, Phường Sài Gòn, TP Hồ Chí Minh", "12 Nguyễn Huệ", "Thành phố Hồ Chí Minh",
     "Phường Sài Gòn"),
    ("Xã Tam Đảo, Tỉnh Phú Thọ", "", "Phú Thọ", "Xã Tam Đảo"),
])
def test_a_current_address_fills_the_pickers(text, detail, province, commune):
    parts = split_address(text)
    assert (parts.detail, parts.province, parts.commune, parts.outdated) == (detail, province, commune, "")
    assert parts.province_code and parts.commune_code


@pytest.mark.parametrize("text, outdated", [
    ("Thôn Đồng Bông, Tam Đảo, Vĩnh Phúc", "Vĩnh Phúc"),  # a chip ID card from before 2025
    ("Thôn 3, Thị trấn Tam Đảo, Huyện Tam Đảo, Tỉnh Vĩnh Phúc", "Tỉnh Vĩnh Phúc"),
    ("Số 5, Phường Phú Hội, Thành phố Huế, Thừa Thiên Huế", "Thừa Thiên Huế"),
])
def test_an_address_in_a_merged_province_stays_whole_and_flagged(text, outdated):
    assert split_address(text) == AddressParts(text, outdated=outdated)


def test_a_gone_district_or_town_keeps_the_text_with_the_current_province():
    parts = split_address("Xóm 2, Xã Đạo Trù, Huyện Tam Đảo, Phú Thọ")
    assert (parts.province, parts.commune, parts.outdated) == ("Phú Thọ", "", "Huyện Tam Đảo")
    assert parts.detail == "Xóm 2, Xã Đạo Trù, Huyện Tam Đảo"
    town = split_address("Tổ 1, Thị trấn Hợp Châu, Phú Thọ")
    assert (town.province, town.commune, town.outdated) == ("Phú Thọ", "", "Thị trấn Hợp Châu")


def test_a_commune_that_no_longer_exists_is_flagged_a_hamlet_is_not():
    gone = split_address("Thôn 1, Xã Không Còn Nữa, Phú Thọ")
    assert (gone.province, gone.commune, gone.outdated) == ("Phú Thọ", "", "Xã Không Còn Nữa")
    assert gone.detail == "Thôn 1, Xã Không Còn Nữa"
    hamlet = split_address("Thôn Đồng Bông, Phú Thọ")
    assert (hamlet.province, hamlet.commune, hamlet.outdated, hamlet.detail) == (
        "Phú Thọ", "", "", "Thôn Đồng Bông")


@pytest.mark.parametrize("text", ["", "Xóm 2", "Thôn Đồng Bông, xã Tam Đảo", "Paris, France"])
def test_anything_else_stays_as_text(text):
    assert split_address(text) == AddressParts(text)
