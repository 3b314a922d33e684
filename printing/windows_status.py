"""A Windows printer's status bits (PRINTER_INFO_6.dwStatus), read and said in Vietnamese.

The bit values are winspool.h's PRINTER_STATUS_* constants. Only FATAL states stop a job before
it is sent; the others (paper out, toner low, offline, a jam …) are left to the spooler, which
prints the job once the printer is ready.
"""
from __future__ import annotations

import sys

STATUS_TEXT = {
    0x00000001: "đang tạm dừng",
    0x00000002: "đang báo lỗi",
    0x00000004: "đang bị xóa khỏi hệ thống",
    0x00000008: "kẹt giấy",
    0x00000010: "hết giấy",
    0x00000020: "chờ nạp giấy bằng tay",
    0x00000040: "có vấn đề về giấy",
    0x00000080: "không kết nối (offline)",
    0x00000100: "đang nhận dữ liệu",
    0x00000200: "đang bận",
    0x00000400: "đang in",
    0x00000800: "khay giấy ra đã đầy",
    0x00001000: "không sẵn sàng (thiếu trình điều khiển hoặc cổng)",
    0x00002000: "đang chờ",
    0x00004000: "đang xử lý",
    0x00008000: "đang khởi động",
    0x00010000: "đang làm nóng",
    0x00020000: "sắp hết mực",
    0x00040000: "hết mực",
    0x00080000: "không in được trang hiện tại",
    0x00100000: "cần người xử lý tại máy in",
    0x00200000: "hết bộ nhớ",
    0x00400000: "nắp máy in đang mở",
    0x00800000: "không rõ trạng thái máy chủ in",
    0x01000000: "đang ở chế độ tiết kiệm điện",
    0x02000000: "máy chủ in không kết nối",
    0x04000000: "cần cập nhật trình điều khiển",
}
PENDING_DELETION, NOT_AVAILABLE, SERVER_UNKNOWN = 0x4, 0x1000, 0x800000
FATAL = PENDING_DELETION | NOT_AVAILABLE | SERVER_UNKNOWN


def describe(status: int) -> str:
    """'hết giấy, sắp hết mực' for the bits set in ``status``."""
    parts = [text for bit, text in STATUS_TEXT.items() if status & bit]
    return ", ".join(parts) if parts else "không rõ lỗi"


def printer_status(name: str) -> int:
    """The printer's status bits from the spooler (0 when ready, unknown, or not on Windows)."""
    if sys.platform != "win32":
        return 0
    import ctypes
    from ctypes import wintypes

    winspool = ctypes.WinDLL("winspool.drv")
    handle = wintypes.HANDLE()
    if not winspool.OpenPrinterW(name, ctypes.byref(handle), None):
        return 0
    try:
        status, needed = wintypes.DWORD(), wintypes.DWORD()
        if not winspool.GetPrinterW(handle, 6, ctypes.byref(status), ctypes.sizeof(status),
                                    ctypes.byref(needed)):
            return 0
        return status.value
    finally:
        winspool.ClosePrinter(handle)
