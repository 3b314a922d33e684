"""VietQR: the NAPAS 247 bank-transfer QR (EMVCo Merchant-Presented Mode payload) — pure.

The payload is a list of TLV data objects: a 2-digit ID, a 2-digit length and the value,
closed by the CRC (ID "63", length "04") computed with CRC-16/CCITT-FALSE (polynomial 0x1021,
initial value 0xFFFF) over everything before it, the "6304" included (EMVCo QRCPS-MPM v1.1
§4.7.3). The objects a bank app reads for a transfer to an account (NAPAS "QRIBFTTA"):

- 00 payload format "01"; 01 point of initiation "12" (dynamic: an amount for one payment);
- 38 merchant account information: 00 the NAPAS GUID "A000000727", 01 the beneficiary
  (00 the bank's 6-digit BIN, 01 the account number), 02 the service "QRIBFTTA";
- 53 currency "704" (VND), 54 amount, 58 country "VN";
- 62 additional data: 08 the purpose of the transaction (the transfer's message).

EMVCo limits every sub-field of 62 to 25 characters, so the message is the dossier code when
it fits, else the code without the agency code's dots, else the day and sequence after "HS"
(the account is the agency's own, so the agency part is the least needed).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import ValidationError
from .text import clean, fold

NAPAS_GUID = "A000000727"
TO_ACCOUNT = "QRIBFTTA"
CURRENCY_VND = "704"
MESSAGE_MAX = 25
_BIN = re.compile(r"^\d{6}$")
_ACCOUNT = re.compile(r"^[0-9A-Za-z]{1,19}$")


def crc16_ccitt(data: bytes) -> int:
    """CRC-16/CCITT-FALSE: polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def tlv(tag: str, value: str) -> str:
    if len(value) > 99:
        raise ValueError(f"EMVCo data object {tag} longer than 99 characters")
    return f"{tag}{len(value):02d}{value}"


def with_crc(body: str) -> str:
    """Append the CRC object to a payload (its "6304" is part of what is checked)."""
    body += "6304"
    return body + f"{crc16_ccitt(body.encode('ascii')):04X}"


def transfer_message(code: str) -> str:
    """The transfer's message for a dossier code, at most 25 characters (see the docstring)."""
    text = code.strip().upper()
    if len(text) <= MESSAGE_MAX:
        return text
    agency, _, rest = text.partition("-")
    compact = f"{agency.replace('.', '')}-{rest}"
    if len(compact) <= MESSAGE_MAX:
        return compact
    return f"HS {rest}"[:MESSAGE_MAX]


def ascii_text(text: str) -> str:
    """Vietnamese folded to plain ASCII upper case ("Lệ phí" → "LE PHI"): bank apps and the
    EMVCo "ans" format take no diacritics."""
    folded = fold(text).upper()
    return re.sub(r"[^0-9A-Z .\-/]", "", folded)


@dataclass(frozen=True)
class BankAccount:
    """The agency's account that receives fees (tài khoản thu phí, lệ phí)."""

    bank_bin: str  # the 6-digit bank identification number NAPAS gives each bank
    number: str
    name: str

    @property
    def configured(self) -> bool:
        return bool(self.bank_bin and self.number)


def validate_account(bank_bin: str, number: str, name: str) -> BankAccount:
    """Check an account as the admin typed it; ValidationError with every problem."""
    bank_bin, number, name = clean(bank_bin), clean(number).replace(" ", ""), clean(name)
    errors = {}
    if not _BIN.match(bank_bin):
        errors["vietqr_bank"] = "Mã BIN ngân hàng gồm đúng 6 chữ số (ví dụ 970436)."
    if not _ACCOUNT.match(number):
        errors["vietqr_account"] = "Số tài khoản gồm 1–19 chữ số hoặc chữ cái, không dấu cách."
    if not name or len(name) > 100:
        errors["vietqr_name"] = "Chưa nhập tên chủ tài khoản (tối đa 100 ký tự)."
    if errors:
        raise ValidationError(errors)
    return BankAccount(bank_bin, number, name)


def payment_payload(account: BankAccount, amount: int, code: str) -> str:
    """The VietQR payload asking for ``amount`` đồng with the dossier ``code`` in the message."""
    if not account.configured:
        raise ValueError("no bank account configured")
    if amount <= 0:
        raise ValueError("a payment QR needs a positive amount")
    beneficiary = tlv("00", account.bank_bin) + tlv("01", account.number)
    merchant = tlv("00", NAPAS_GUID) + tlv("01", beneficiary) + tlv("02", TO_ACCOUNT)
    body = (tlv("00", "01") + tlv("01", "12") + tlv("38", merchant) + tlv("53", CURRENCY_VND)
            + tlv("54", str(int(amount))) + tlv("58", "VN")
            + tlv("62", tlv("08", transfer_message(code))))
    return with_crc(body)


def parse_tlv(payload: str) -> list[tuple[str, str]]:
    """The data objects of a payload in order (for checks and tests); ValueError if malformed."""
    objects, i = [], 0
    while i < len(payload):
        if i + 4 > len(payload):
            raise ValueError(f"truncated data object at {i}")
        tag, length = payload[i:i + 2], payload[i + 2:i + 4]
        if not (tag.isdigit() and length.isdigit()):
            raise ValueError(f"bad tag or length at {i}")
        value = payload[i + 4:i + 4 + int(length)]
        if len(value) != int(length):
            raise ValueError(f"data object {tag} shorter than its length")
        objects.append((tag, value))
        i += 4 + int(length)
    return objects


def check_crc(payload: str) -> bool:
    return len(payload) > 8 and payload[-8:-4] == "6304" and with_crc(payload[:-8]) == payload


__all__ = ["BankAccount", "ascii_text", "check_crc", "crc16_ccitt", "parse_tlv", "payment_payload",
           "transfer_message", "validate_account", "with_crc"]
