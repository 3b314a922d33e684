"""The VietQR payload against the EMVCo Merchant-Presented Mode structure (IDs, lengths, CRC)."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.errors import ValidationError
from models.vietqr import (
    BankAccount,
    check_crc,
    crc16_ccitt,
    parse_tlv,
    payment_payload,
    transfer_message,
    validate_account,
)

ACCOUNT = BankAccount("970415", "0011001932418", "UBND XA TAM DAO")


def test_crc_is_ccitt_false():
    # The standard check value of CRC-16/CCITT-FALSE.
    assert crc16_ccitt(b"123456789") == 0x29B1


def test_a_published_vietqr_checks():
    """A transfer QR published with a Go implementation of VietQR (subiz/vietqr, README):
    120.000 đồng to account 0011001932418 at BIN 970415."""
    published = ("00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA5303704540612"
                 "00005802VN62170813ung ho lu lut6304C15C")
    assert check_crc(published)
    assert not check_crc(published[:-1] + "D")


def test_payload_structure():
    payload = payment_payload(ACCOUNT, 21_000, "H12.22.01-261116-0001")
    objects = parse_tlv(payload)
    assert [tag for tag, _ in objects] == ["00", "01", "38", "53", "54", "58", "62", "63"]
    values = dict(objects)
    assert values["00"] == "01"  # payload format indicator
    assert values["01"] == "12"  # dynamic: one payment of this amount
    merchant = dict(parse_tlv(values["38"]))
    assert merchant == {"00": "A000000727", "01": "000697041501130011001932418", "02": "QRIBFTTA"}
    assert dict(parse_tlv(merchant["01"])) == {"00": "970415", "01": "0011001932418"}
    assert (values["53"], values["54"], values["58"]) == ("704", "21000", "VN")
    assert dict(parse_tlv(values["62"])) == {"08": "H12.22.01-261116-0001"}
    assert len(values["63"]) == 4 and payload[-8:-4] == "6304"
    assert values["63"] == f"{crc16_ccitt(payload[:-4].encode()):04X}"
    assert check_crc(payload)


@pytest.mark.parametrize(("code", "message"), [
    ("H12.22.01-261116-0001", "H12.22.01-261116-0001"),
    ("000.00.24.H12-260213-0042", "000.00.24.H12-260213-0042"),  # 25 characters: fits
    ("000.00.24.H12-260213-12345", "0000024H12-260213-12345"),  # dots dropped
    ("ABCDEFGHIJ.0123456789.KLMNOPQRST.UVW-260213-99999", "HS 260213-99999"),
])
def test_the_message_holds_the_code_within_25_characters(code, message):
    assert transfer_message(code) == message
    payload = payment_payload(ACCOUNT, 1_000, code)
    assert dict(parse_tlv(dict(parse_tlv(payload))["62"]))["08"] == message


@given(amount=st.integers(1, 999_999_999), number=st.from_regex(r"[0-9]{6,19}", fullmatch=True))
def test_every_payload_parses_and_checks(amount, number):
    payload = payment_payload(BankAccount("970436", number, "X"), amount, "H12.22.01-261116-0001")
    assert check_crc(payload)
    assert dict(parse_tlv(payload))["54"] == str(amount)


def test_account_is_checked():
    assert validate_account(" 970415 ", "0011 0019 32418", "UBND xã Tam Đảo").number == "0011001932418"
    with pytest.raises(ValidationError) as caught:
        validate_account("9704", "001-100", "")
    assert set(caught.value.errors) == {"vietqr_bank", "vietqr_account", "vietqr_name"}
