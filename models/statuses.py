"""Dossier statuses (trạng thái hồ sơ) — the national portal's codes (DOMAIN §4) — and channels."""
from __future__ import annotations

NEW = 1
RECEIVED = 2
REFUSED = 3
PROCESSING = 4
SUPPLEMENT = 5
FINANCIAL = 6
WITHDRAWN = 7
STOPPED = 8
FINISHED = 9
RETURNED = 10

STATUS_NAMES = {
    NEW: "Mới đăng ký",
    RECEIVED: "Được tiếp nhận",
    REFUSED: "Không được tiếp nhận",
    PROCESSING: "Đang xử lý",
    SUPPLEMENT: "Yêu cầu bổ sung",
    FINANCIAL: "Yêu cầu thực hiện nghĩa vụ tài chính",
    WITHDRAWN: "Công dân yêu cầu rút hồ sơ",
    STOPPED: "Dừng xử lý",
    FINISHED: "Đã xử lý xong",
    RETURNED: "Đã trả kết quả",
}

# Statuses in which the clock runs and "late" means "still not done after the due time".
OPEN = (RECEIVED, PROCESSING, FINANCIAL)
# Statuses in which the dossier is still with the agency (the clock may be stopped).
PENDING = (NEW, RECEIVED, PROCESSING, SUPPLEMENT, FINANCIAL)

CHANNELS = {1: "Trực tiếp", 2: "Trực tuyến", 3: "Bưu chính công ích"}
RESULT_DELIVERY = {0: "Tại Bộ phận Một cửa", 1: "Qua dịch vụ bưu chính công ích"}

# action → (statuses it may start from, status it leads to; None = stays the same)
TRANSITIONS: dict[str, tuple[tuple[int, ...], int | None]] = {
    "refuse": ((NEW, RECEIVED), REFUSED),
    "forward": ((RECEIVED, PROCESSING), PROCESSING),
    "supplement": ((RECEIVED, PROCESSING), SUPPLEMENT),
    "resume": ((SUPPLEMENT,), PROCESSING),
    "request_payment": ((RECEIVED, PROCESSING), FINANCIAL),
    "paid": ((FINANCIAL,), PROCESSING),
    "extend": ((RECEIVED, PROCESSING, SUPPLEMENT, FINANCIAL), None),
    "finish": ((RECEIVED, PROCESSING, FINANCIAL), FINISHED),
    "return": ((FINISHED,), RETURNED),
    "withdraw": ((RECEIVED, PROCESSING, SUPPLEMENT, FINANCIAL), WITHDRAWN),
    "stop": ((RECEIVED, PROCESSING, SUPPLEMENT, FINANCIAL), STOPPED),
}

ACTION_NAMES = {
    "register": "Nộp hồ sơ trực tuyến",
    "accept": "Tiếp nhận hồ sơ trực tuyến",
    "receive": "Tiếp nhận hồ sơ",
    "refuse": "Từ chối tiếp nhận",
    "forward": "Chuyển xử lý",
    "supplement": "Yêu cầu bổ sung, hoàn thiện hồ sơ",
    "resume": "Nhận hồ sơ bổ sung, tiếp tục xử lý",
    "request_payment": "Yêu cầu thực hiện nghĩa vụ tài chính",
    "paid": "Đã thực hiện nghĩa vụ tài chính",
    "extend": "Gia hạn, hẹn lại ngày trả kết quả",
    "finish": "Đã xử lý xong",
    "return": "Trả kết quả",
    "withdraw": "Công dân rút hồ sơ",
    "stop": "Dừng xử lý",
}


# An online dossier (status 1, brought by a province package) is accepted by models.online,
# which computes its appointment and register number like an intake; it is not in TRANSITIONS.
ACCEPT = "accept"


def allowed_actions(status: int) -> list[str]:
    actions = [action for action, (sources, _) in TRANSITIONS.items() if status in sources]
    return actions + [ACCEPT] if status == NEW else actions
