"""Validation of what an applicant gives at the counter: ID numbers, phone, e-mail, name.

Rules: DOMAIN §6 — Luật Căn cước 2023 Điều 12 (12-digit personal ID), Điều 46 (the 9-digit
CMND was valid until 31/12/2024, kept for legacy records only).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .errors import ValidationError
from .limits import ADDRESS_MAX, EMAIL_MAX, NAME_MAX
from .text import checked_text, clean

# Birth-registration province codes of the 12-digit number (the 63 pre-2025 provinces;
# Thông tư 59/2021/TT-BCA). Numbers issued before the 2025 merger keep these codes.
PROVINCE_CODES = {
    "001": "Hà Nội", "002": "Hà Giang", "004": "Cao Bằng", "006": "Bắc Kạn",
    "008": "Tuyên Quang", "010": "Lào Cai", "011": "Điện Biên", "012": "Lai Châu",
    "014": "Sơn La", "015": "Yên Bái", "017": "Hòa Bình", "019": "Thái Nguyên",
    "020": "Lạng Sơn", "022": "Quảng Ninh", "024": "Bắc Giang", "025": "Phú Thọ",
    "026": "Vĩnh Phúc", "027": "Bắc Ninh", "030": "Hải Dương", "031": "Hải Phòng",
    "033": "Hưng Yên", "034": "Thái Bình", "035": "Hà Nam", "036": "Nam Định",
    "037": "Ninh Bình", "038": "Thanh Hóa", "040": "Nghệ An", "042": "Hà Tĩnh",
    "044": "Quảng Bình", "045": "Quảng Trị", "046": "Thừa Thiên Huế", "048": "Đà Nẵng",
    "049": "Quảng Nam", "051": "Quảng Ngãi", "052": "Bình Định", "054": "Phú Yên",
    "056": "Khánh Hòa", "058": "Ninh Thuận", "060": "Bình Thuận", "062": "Kon Tum",
    "064": "Gia Lai", "066": "Đắk Lắk", "067": "Đắk Nông", "068": "Lâm Đồng",
    "070": "Bình Phước", "072": "Tây Ninh", "074": "Bình Dương", "075": "Đồng Nai",
    "077": "Bà Rịa - Vũng Tàu", "079": "TP. Hồ Chí Minh", "080": "Long An",
    "082": "Tiền Giang", "083": "Bến Tre", "084": "Trà Vinh", "086": "Vĩnh Long",
    "087": "Đồng Tháp", "089": "An Giang", "091": "Kiên Giang", "092": "Cần Thơ",
    "093": "Hậu Giang", "094": "Sóc Trăng", "095": "Bạc Liêu", "096": "Cà Mau",
}

ID_PERSONAL = 1  # LoaiDinhDanh 1: 12-digit số định danh cá nhân
ID_LEGACY = 2  # LoaiDinhDanh 2: 9-digit CMND
ID_ORGANISATION = 3  # mã số doanh nghiệp / mã số thuế

# Digits are ASCII only: a look-alike digit from another script (٠١٢, ０１２) would print the
# same on the receipt and never match a search.
_DIGITS = re.compile(r"[0-9]+")
_ASCII_DIGITS = re.compile(r"^[0-9]+$")
_TAX_CODE = re.compile(r"^[0-9]{10}(-[0-9]{3})?$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
_MOBILE = re.compile(r"^0[35789][0-9]{8}$")
_LANDLINE = re.compile(r"^02[0-9]{9}$")


@dataclass(frozen=True)
class IdNumber:
    value: str
    id_type: int
    warnings: tuple[str, ...] = ()


def parse_id_number(
    raw: str, *, kind: int = 1, birth_date: date | None = None, sex: str = ""
) -> IdNumber:
    """Check an ID as typed; raise ValidationError, or return it with non-blocking warnings.

    ``kind`` 1 is a citizen (12 digits, or a legacy 9-digit CMND), 2 an organisation (tax code).
    """
    value = re.sub(r"[\s.]", "", clean(raw))
    if kind == 2:
        if not _TAX_CODE.match(value):
            raise ValidationError(
                {"id_number": "Mã số doanh nghiệp/mã số thuế phải gồm 10 chữ số (hoặc 10 chữ số, "
                 "dấu gạch ngang và 3 chữ số)."}
            )
        return IdNumber(value, ID_ORGANISATION)
    if not _ASCII_DIGITS.match(value) or len(value) not in (9, 12):
        raise ValidationError(
            {"id_number": "Số định danh cá nhân phải gồm đúng 12 chữ số "
             "(CMND cũ 9 chữ số chỉ dùng cho hồ sơ cũ)."}
        )
    if len(value) == 9:
        return IdNumber(value, ID_LEGACY, ("Số CMND 9 chữ số đã hết giá trị sử dụng từ 01/01/2025.",))
    return IdNumber(value, ID_PERSONAL, tuple(_personal_id_warnings(value, birth_date, sex)))


def _personal_id_warnings(value: str, birth_date: date | None, sex: str) -> list[str]:
    warnings = []
    if value[:3] not in PROVINCE_CODES:
        warnings.append(f"Mã tỉnh {value[:3]} trong số định danh không có trong danh mục.")
    century_sex = int(value[3])
    century = 1900 + (century_sex // 2) * 100
    female = century_sex % 2 == 1
    if birth_date is not None:
        year = century + int(value[4:6])
        if year != birth_date.year:
            warnings.append(
                f"Năm sinh theo số định danh ({year}) khác năm sinh đã nhập ({birth_date.year})."
            )
    if sex:
        entered_female = clean(sex).lower() in ("nữ", "nu", "f", "female")
        if entered_female != female:
            warnings.append("Giới tính theo số định danh khác giới tính đã nhập.")
    return warnings


def normalise_phone(raw: str) -> str:
    """'+84 912.345.678' → '0912345678'; raise ValidationError if not a Vietnamese number."""
    text = clean(raw)
    if not text:
        return ""
    digits = "".join(_DIGITS.findall(text))
    if any(ch.isdigit() and not ch.isascii() for ch in text):
        digits = ""  # digits of another script look right and match nothing
    if digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    if not (_MOBILE.match(digits) or _LANDLINE.match(digits)):
        raise ValidationError(
            {"phone": "Số điện thoại không hợp lệ: di động 10 số (03, 05, 07, 08, 09…) "
             "hoặc cố định 11 số (02…)."}
        )
    return digits


def normalise_email(raw: str) -> str:
    value = clean(raw)
    if value and (len(value) > EMAIL_MAX or not value.isascii() or not _EMAIL.match(value)
                  or any(ch < " " or ch == "\x7f" for ch in value)):
        raise ValidationError({"email": "Địa chỉ email không hợp lệ."})
    return value.lower()


def normalise_name(raw: str, field: str = "name", label: str = "Họ và tên") -> str:
    return checked_text(raw, field, label, NAME_MAX, required=True)


def normalise_address(raw: str, field: str = "address") -> str:
    return checked_text(raw, field, "Địa chỉ", ADDRESS_MAX)
