"""Vietnamese wording of dates, counts and free text."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from printing.layout import vn_date, vn_datetime, vn_place_date
from printing.vntext import (
    markup,
    two_digits,
    unit_abbreviation,
    unit_in_sentence,
    vn_compact_datetime,
    vn_short_datetime,
)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 2, 13), "ngày 13 tháng 02 năm 2026"),
        (date(2026, 3, 5), "ngày 05 tháng 3 năm 2026"),
        (date(2026, 11, 20), "ngày 20 tháng 11 năm 2026"),
        (date(2026, 1, 1), "ngày 01 tháng 01 năm 2026"),
        (date(2027, 12, 31), "ngày 31 tháng 12 năm 2027"),
        (date(2026, 9, 2), "ngày 02 tháng 9 năm 2026"),
    ],
)
def test_date_line_pads_day_and_first_two_months(day: date, expected: str) -> None:
    assert vn_date(day) == expected


def test_datetime_wording() -> None:
    assert vn_datetime(datetime(2026, 2, 13, 9, 30)) == "09 giờ 30 phút, ngày 13 tháng 02 năm 2026"
    assert vn_datetime(datetime(2026, 10, 1, 0, 5)) == "00 giờ 05 phút, ngày 01 tháng 10 năm 2026"
    assert vn_short_datetime(datetime(2026, 2, 13, 14, 0)) == "14 giờ 00 phút, ngày 13/02/2026"
    assert vn_compact_datetime(datetime(2026, 2, 13, 7, 45)) == "07:45 13/02/2026"


def test_place_date() -> None:
    assert vn_place_date("Tam Đảo", date(2026, 2, 13)) == "Tam Đảo, ngày 13 tháng 02 năm 2026"
    assert vn_place_date("", date(2026, 2, 13)) == "Ngày 13 tháng 02 năm 2026"


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_date_line_reads_back(day: date) -> None:
    m = re.fullmatch(r"ngày (\d{2}) tháng (\d{1,2}) năm (\d{4})", vn_date(day))
    assert m is not None
    assert date(int(m.group(3)), int(m.group(2)), int(m.group(1))) == day
    assert (len(m.group(2)) == 2) == (day.month <= 2 or day.month >= 10)


def test_counts_have_two_digits() -> None:
    assert [two_digits(n) for n in (1, 2, 9, 10, 25)] == ["01", "02", "09", "10", "25"]


def test_markup_escapes_and_composes() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Hằng")
    assert markup(decomposed) == "Nguyễn Thị Hằng"
    assert markup("A & B <C>") == "A &amp; B &lt;C&gt;"
    assert markup("  ") == "…………"
    assert markup("", blank="") == ""


def test_unit_names_inside_a_sentence() -> None:
    assert unit_in_sentence("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "UBND XÃ TAM ĐẢO") == (
        "Trung tâm Phục vụ hành chính công xã Tam Đảo"
    )
    assert unit_in_sentence("BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ", "ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH") == (
        "Bộ phận Tiếp nhận và Trả kết quả phường Ba Đình"
    )
    assert unit_abbreviation("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG") == "TTPVHCC"
    assert unit_abbreviation("BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ") == "BPTNTKQ"
