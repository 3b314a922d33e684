"""The lookup kiosk (máy tra cứu hồ sơ): what a citizen may read about their own dossier.

Read-only and public: the status in plain words, the appointment, what is missing, where to
collect the result, the fee; the name masked, never an ID number, phone or address. Leaving
the kiosk needs an officer's password ("kiosk.exit", audited).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from printing.vntext import unit_in_sentence

from .accounts import OfficerInfo, authenticate, get_officer_row
from .audit import audit
from .audit import now as clock
from .dossiers import DossierView, get_dossier
from .errors import NotFoundError, ValidationError
from .fee_records import view_of
from .fees import money
from .masking import mask_name
from .settings import require_settings
from .statuses import (
    FINANCIAL,
    FINISHED,
    NEW,
    PROCESSING,
    RECEIVED,
    REFUSED,
    RETURNED,
    STOPPED,
    SUPPLEMENT,
    WITHDRAWN,
)

# A scanned receipt gives the code itself, or the lookup address whose QR holds it.
_CODE = re.compile(r"[0-9A-Z]+(?:\.[0-9A-Z]+)*-\d{6}-\d{4,}")

PLAIN_STATUS = {
    NEW: "Đã nộp trực tuyến, đang chờ kiểm tra và tiếp nhận",
    RECEIVED: "Đã tiếp nhận, đang giải quyết",
    PROCESSING: "Đang giải quyết",
    SUPPLEMENT: "Cần bổ sung giấy tờ",
    FINANCIAL: "Chờ thực hiện nghĩa vụ tài chính",
    REFUSED: "Không được tiếp nhận",
    WITHDRAWN: "Đã rút hồ sơ theo yêu cầu",
    STOPPED: "Đã dừng giải quyết",
    FINISHED: "Đã có kết quả – mời ông/bà đến nhận",
    RETURNED: "Đã trả kết quả",
}


@dataclass(frozen=True)
class KioskView:
    code: str
    applicant: str  # masked
    procedure_name: str
    status: int
    status_text: str
    appointment: datetime | None
    late: bool
    missing: tuple[str, ...] = ()
    collect_at: str = ""
    fee_text: str = ""
    notes: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict:
        return {"code": self.code, "applicant": self.applicant, "procedure_name": self.procedure_name,
                "status": self.status, "status_text": self.status_text,
                "appointment": self.appointment.isoformat() if self.appointment else None,
                "late": self.late, "missing": list(self.missing), "collect_at": self.collect_at,
                "fee": self.fee_text, "notes": list(self.notes)}


def scanned_code(text: str) -> str:
    """The dossier code in what the scanner typed (a code, or a lookup URL holding one)."""
    found = _CODE.search((text or "").strip().upper())
    if found is None:
        raise ValidationError({"code": "Không đọc được mã hồ sơ. Hãy quét mã vạch trên giấy tiếp nhận "
                                       "hoặc nhập mã hồ sơ."})
    return found.group(0)


def _missing(d: DossierView) -> tuple[str, ...]:
    for event in reversed(d.events):
        if event.action == "supplement":
            return tuple(str(x) for x in event.data.get("missing", []))
    return ()


def kiosk_view(d: DossierView) -> KioskView:
    settings = require_settings()
    counter = unit_in_sentence(settings.unit_name, settings.governing_body)
    collect = counter if d.result_delivery == 0 else "Qua dịch vụ bưu chính công ích, gửi về địa chỉ đã đăng ký"
    notes = []
    appointment = None if d.status in (NEW, REFUSED, WITHDRAWN, STOPPED) else d.due_at
    if d.status == SUPPLEMENT:
        notes.append(f"Xin mang giấy tờ bổ sung đến {counter}; thời hạn giải quyết tạm dừng đến khi nhận đủ.")
    if d.late and d.status not in (RETURNED,):
        notes.append("Hồ sơ đã quá hẹn trả kết quả. Chúng tôi thành thật xin lỗi ông/bà.")
    extended = [c for c in d.due_history if c.kind == "extend"]
    if extended and d.status not in (RETURNED, REFUSED, WITHDRAWN, STOPPED):
        notes.append(f"Ngày hẹn đã được lùi lại kèm thư xin lỗi: hẹn mới {extended[-1].new_due_at:%H:%M %d/%m/%Y}.")
    if d.status == RETURNED and d.returned_at:
        notes.append(f"Kết quả đã trả lúc {d.returned_at:%H:%M %d/%m/%Y}.")
    fee = d.fee_details or view_of(None, d.fee)
    fee_text = ""
    if fee.full_amount:
        fee_text = fee.summary()
        if fee.outstanding:
            fee_text = f"{money(fee.outstanding)} – chưa nộp"
    return KioskView(
        code=d.code, applicant=mask_name(d.applicant_name, d.applicant_kind), procedure_name=d.procedure_name,
        status=d.status, status_text=PLAIN_STATUS.get(d.status, d.status_name), appointment=appointment,
        late=d.late and d.status != RETURNED, missing=_missing(d) if d.status == SUPPLEMENT else (),
        collect_at=collect if d.status not in (REFUSED, WITHDRAWN, STOPPED) else "", fee_text=fee_text,
        notes=tuple(notes),
    )


def kiosk_lookup(text: str, *, now: datetime | None = None) -> KioskView:
    """What the kiosk shows for a scanned or typed code (NotFoundError when there is none)."""
    code = scanned_code(text)
    try:
        return kiosk_view(get_dossier(code, now=now))
    except NotFoundError:
        raise NotFoundError(f"Không tìm thấy hồ sơ có mã “{code}”. Xin kiểm tra lại mã trên giấy "
                            "tiếp nhận hoặc hỏi cán bộ tại quầy.") from None


def kiosk_exit(username: str, password: str) -> OfficerInfo:
    """An officer's password lets the kiosk close (action "kiosk.exit", any active officer)."""
    officer = authenticate(username, password)
    audit("kiosk.exit", get_officer_row(officer.username), "kiosk", "", at=clock())
    return officer


__all__ = ["KioskView", "kiosk_exit", "kiosk_lookup", "kiosk_view", "scanned_code"]
