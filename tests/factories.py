"""Small builders for test data, shared by every test package."""
from __future__ import annotations

from datetime import datetime

from models.intake import IntakeRequest, PersonInput

KHAI_SINH = "1.001193"  # đăng ký khai sinh: same day, 15:00 cut-off
XAC_NHAN_HON_NHAN = "1.004873"  # xác nhận tình trạng hôn nhân: 3 working days
GIAO_DICH = "2.001035"  # chứng thực giao dịch: 2 working days


def request(*, procedure: str = KHAI_SINH, received_at: datetime | None = None,
            name: str = "Nguyễn Thị Hằng", id_number: str = "001190012345",
            phone: str = "0912345678", email: str = "", address: str = "Thôn Đồng Bông, xã Tam Đảo",
            channel: int = 1, documents: list[dict] | None = None) -> IntakeRequest:
    """``documents``: the papers received (None: the procedure's required ones)."""
    return IntakeRequest(
        procedure=procedure, received_at=received_at, channel=channel, documents=documents,
        applicant=PersonInput(name=name, id_number=id_number, phone=phone, email=email,
                              address=address),
    )
