"""The forms a dossier can print, by kind (kept apart from models.forms, which loads reportlab)."""
from __future__ import annotations

FORM_NAMES = {
    "receipt": "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
    "supplement": "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
    "refusal": "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
    "apology": "Phiếu xin lỗi và đề nghị gia hạn thời gian giải quyết",
    "control": "Phiếu kiểm soát quá trình giải quyết hồ sơ",
    "stop": "Thông báo dừng giải quyết hồ sơ",
}
FORM_KINDS = tuple(FORM_NAMES)
REGISTER_NAME = "Sổ theo dõi hồ sơ"
