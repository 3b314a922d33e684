"""The chip ID card's QR payload as a 2D scanner types it."""
from __future__ import annotations

from datetime import date

from models.chip_id import parse_chip_qr


def test_seven_fields_are_read():
    card = parse_chip_qr("001190012345|012345678|Nguyễn  Thị Hằng|12051990|Nữ|Thôn 3, Tam Đảo|15082021")
    assert card.id_number == "001190012345" and card.old_id_number == "012345678"
    assert card.name == "Nguyễn Thị Hằng" and card.sex == "Nữ"
    assert card.birth_date == date(1990, 5, 12) and card.issued_on == date(2021, 8, 15)


def test_missing_old_id_and_extra_fields_are_accepted():
    card = parse_chip_qr("038095001234||Lê Văn Cường|01011995|Nam|Thanh Hóa|01072021|x|y")
    assert card.old_id_number == "" and card.address == "Thanh Hóa"


def test_a_plain_id_or_a_bad_payload_is_not_a_card():
    assert parse_chip_qr("001190012345") is None
    assert parse_chip_qr("12|a|b|c|d|e|f") is None
    assert parse_chip_qr("001190012345|x|Tên|99999999|Nam|Đâu đó|") .birth_date is None
