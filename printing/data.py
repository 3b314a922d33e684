"""Plain data the form renderers take: no database rows, no Qt, no clock.

The services in ``models`` build these values; the layout functions in this
package turn them into PDF bytes. Every field that a person reads is already
Vietnamese text (NFC); dates are naive local ``datetime`` values.

A form's ``number`` (the "Số:" of the header) is printed verbatim; when it is
empty the header shows a dotted blank with the form's usual suffix so that
the officer can fill it in by hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class FormSettings:
    """Agency settings shared by every form (cài đặt biểu mẫu)."""

    governing_body: str  # ĐƠN VỊ CHỦ QUẢN, e.g. "UBND XÃ TAM ĐẢO"
    unit_name: str  # e.g. "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"
    place: str  # for "<place>, ngày … tháng … năm …"
    agency_code: str
    head_title: str = "GIÁM ĐỐC"
    head_name: str = ""
    page_size: str = "A4"  # "A4" | "A5"
    receipt_copies: int = 2
    lookup_url: str = ""  # QR target; "{code}" is replaced by the dossier code
    contact_name: str = ""
    contact_phone: str = ""


@dataclass(frozen=True)
class Person:
    """A citizen or organisation (công dân, tổ chức)."""

    name: str
    id_number: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    authorisation: str = ""  # giấy tờ ủy quyền, for an authorised person only


@dataclass(frozen=True)
class DocumentLine:
    """One document received (thành phần hồ sơ) with its counts."""

    name: str
    originals: int = 1
    copies: int = 0
    shown: bool = False  # xuất trình: shown to be checked, not handed in


@dataclass(frozen=True)
class FeeBlock:
    """The fee printed on a receipt or slip, and the VietQR to pay it by transfer."""

    text: str  # "21.000 đồng (3 bản × 5 trang …)", "Miễn 21.000 đồng (…)"
    payment_qr: str = ""  # a VietQR payload (models.vietqr); "" when none is printed
    payment_lines: Sequence[str] = ()  # amount, message, account: under the QR


@dataclass(frozen=True)
class ReceiptData:
    """Giấy tiếp nhận hồ sơ và hẹn trả kết quả (BM.01)."""

    code: str
    receiving_unit: str
    applicant: Person
    authorised_person: Person | None
    procedure_name: str
    documents: Sequence[DocumentLine]
    sets: int
    time_limit_text: str
    received_at: datetime
    due_at: datetime
    result_delivery: str
    register_volume: str = ""
    register_number: str = ""
    officer_name: str = ""
    number: str = ""
    issued_at: datetime | None = None  # date line; defaults to received_at
    fee: FeeBlock | None = None  # None: nothing to pay (no line printed)
    counter_no: int = 0  # the counter (quầy số) that received it; 0: no line printed


@dataclass(frozen=True)
class SupplementData:
    """Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (BM.02)."""

    code: str
    applicant: Person
    procedure_name: str
    missing_items: Sequence[str]
    reason: str
    guide_name: str
    issued_at: datetime
    number: str = ""


@dataclass(frozen=True)
class RefusalData:
    """Phiếu từ chối tiếp nhận giải quyết hồ sơ (BM.03)."""

    code: str
    receiving_unit: str
    applicant: Person
    procedure_name: str
    reason: str
    officer_name: str
    issued_at: datetime
    number: str = ""


@dataclass(frozen=True)
class ApologyData:
    """Phiếu xin lỗi và đề nghị gia hạn thời gian giải quyết (BM.04)."""

    code: str
    agency_name: str
    applicant: Person
    procedure_name: str
    received_at: datetime
    old_due_at: datetime
    reason: str
    new_due_at: datetime
    issued_at: datetime
    number: str = ""
    signer_name: str = ""  # the leader who signs; defaults to the head named in the settings


@dataclass(frozen=True)
class ControlStep:
    """One hand-over between units on the control sheet."""

    from_unit: str
    to_unit: str
    at: datetime
    result: str  # "" or "Trước hạn" / "Đúng hạn" / "Quá hạn"
    note: str = ""
    from_person: str = ""
    to_person: str = ""


@dataclass(frozen=True)
class ControlSheetData:
    """Phiếu kiểm soát quá trình giải quyết hồ sơ (BM.05)."""

    code: str
    resolving_unit: str
    coordinating_unit: str
    received_at: datetime
    due_at: datetime
    steps: Sequence[ControlStep]
    issued_at: datetime
    number: str = ""


@dataclass(frozen=True)
class StopNoticeData:
    """Thông báo dừng giải quyết hồ sơ (the citizen withdraws the dossier)."""

    code: str
    applicant: Person
    procedure_name: str
    received_at: datetime
    reason: str
    officer_name: str
    issued_at: datetime
    number: str = ""
    receiving_unit: str = ""  # defaults to the unit named in FormSettings


@dataclass(frozen=True)
class RegisterRow:
    """One line of the register (sổ theo dõi hồ sơ)."""

    code: str
    procedure_name: str
    applicant_name: str
    address_phone: str
    resolving_unit: str
    received_at: datetime
    due_at: datetime
    returned_at: datetime | None
    return_method: str
    rescheduled_at: datetime | None = None  # a new appointment given later (extension)
    counter_no: int = 0  # printed under the reception time when the office numbers its counters


@dataclass(frozen=True)
class RegisterData:
    """Sổ theo dõi hồ sơ (BM.06) for a date range, of every field or of some ("Sổ theo dõi hồ
    sơ được lập theo từng lĩnh vực hoặc nhóm lĩnh vực")."""

    rows: Sequence[RegisterRow]
    date_from: date
    date_to: date
    issued_at: datetime
    volume: str = ""
    number: str = ""
    fields: Sequence[str] = ()  # the fields (lĩnh vực) kept in this register; () = all


__all__ = [
    "ApologyData",
    "ControlSheetData",
    "ControlStep",
    "DocumentLine",
    "FeeBlock",
    "FormSettings",
    "Person",
    "ReceiptData",
    "RefusalData",
    "RegisterData",
    "RegisterRow",
    "StopNoticeData",
    "SupplementData",
]
