"""Plain data of the period report (Biểu số 06/VPCP/KSTT), shared by the PDF and the workbook.

No database, no clock: ``models.report_documents`` builds these values from a report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from printing.vntext import vn_date, vn_short_datetime

if TYPE_CHECKING:  # printing.digitisation_table imports this module
    from printing.digitisation_table import DigitisationLine

FORM_CODE = "Biểu số 06/VPCP/KSTT"
FORM_BASIS = "Ban hành kèm theo Thông tư số 01/2020/TT-VPCP"
TITLE = ("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ "
         "TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH")
UNIT_OF_COUNT = "Đơn vị tính: Số hồ sơ TTHC"
TOTAL_LABEL = "Tổng cộng"

# The columns after STT and the name, in order; a group heading spans its sub-columns.
RECEIVED_HEAD = "Số hồ sơ nhận giải quyết"
RESOLVED_HEAD = "Số hồ sơ đã giải quyết"
IN_PROGRESS_HEAD = "Số hồ sơ đang giải quyết"
IN_PERIOD_HEAD = "Trong kỳ"
RATE_HEAD = "Tỷ lệ đúng hạn"
TOTAL_HEAD = "Tổng số"
ONLINE_HEAD = "Trực tuyến"
DIRECT_HEAD = "Trực tiếp, dịch vụ bưu chính"
CARRIED_HEAD = "Từ kỳ trước"
BEFORE_HEAD = "Trước hạn"
ON_TIME_HEAD = "Đúng hạn"
LATE_HEAD = "Quá hạn"
WITHIN_HEAD = "Trong hạn"
COLUMN_COUNT = 14  # STT, name, 11 counts, rate

DEFINITIONS = (
    "Ghi chú: (3) = (4) + (5) + (6) = (7) + (11). "
    "Hồ sơ đã giải quyết gồm hồ sơ đã có kết quả, hồ sơ công dân rút và hồ sơ dừng xử lý trong kỳ; "
    "hồ sơ bị từ chối tiếp nhận trong ngày tiếp nhận không tính. Trước hạn, đúng hạn, quá hạn so sánh "
    "thời điểm kết thúc (giờ, phút) với thời điểm hẹn trả (thời gian chờ bổ sung hồ sơ không tính): "
    "trước ngày hẹn là trước hạn, trong ngày hẹn đến đúng giờ hẹn là đúng hạn, sau giờ hẹn là quá hạn. "
    "Hồ sơ gia hạn sau khi đã quá hạn, yêu cầu bổ sung lần thứ hai hoặc ghi nhận sau khi đã quá hạn "
    "vẫn tính quá hạn. Tỷ lệ đúng hạn = ((8) + (9)) / (7)."
)


@dataclass(frozen=True)
class ReportLine:
    """One row of the table: a field (lĩnh vực) or a procedure, or the totals."""

    name: str
    received_total: int
    online: int
    direct_postal: int
    carried_over: int
    resolved_total: int
    before_due: int
    on_time: int
    resolved_late: int
    in_progress_total: int
    within_time: int
    in_progress_late: int
    on_time_rate: float | None  # 0–1; None when nothing was resolved

    @property
    def counts(self) -> tuple[int, ...]:
        """The eleven counts, in column order (3)…(13)."""
        return (self.received_total, self.online, self.direct_postal, self.carried_over,
                self.resolved_total, self.before_due, self.on_time, self.resolved_late,
                self.in_progress_total, self.within_time, self.in_progress_late)


@dataclass(frozen=True)
class PeriodReportData:
    """Biểu 06 for one period, ready to lay out."""

    date_from: date
    date_to: date
    lines: Sequence[ReportLine]
    total: ReportLine
    issued_at: datetime  # the date line under the table
    name_heading: str = "Lĩnh vực"  # or "Thủ tục hành chính"
    period_label: str = ""  # "Quý IV năm 2026"; "" for a from–to range
    receiving_unit: str = ""  # đơn vị nhận báo cáo; blank to fill in by hand
    preparer_name: str = ""  # người lập biểu
    as_of: datetime | None = None  # set while the period is not over: the figures' moment
    # QĐ 766 group 4 (printing.digitisation_table): per field, and the total; none: not shown
    digitisation: Sequence[DigitisationLine] = ()
    digitisation_total: DigitisationLine | None = None


def as_of_text(as_of: datetime | None) -> str:
    """ "(Số liệu tính đến 09 giờ 30 phút, ngày 23/11/2026)" for a period that is not over."""
    return f"(Số liệu tính đến {vn_short_datetime(as_of)})" if as_of else ""


def rate_text(rate: float | None) -> str:
    """ "95,58%" (Vietnamese decimal comma); "–" when there is no rate."""
    if rate is None:
        return "–"
    return f"{rate * 100:.2f}".replace(".", ",") + "%"


def period_text(date_from: date, date_to: date) -> str:
    """ "Kỳ báo cáo: từ ngày 01 tháng 10 năm 2026 đến ngày 31 tháng 12 năm 2026"."""
    return f"Kỳ báo cáo: từ {vn_date(date_from)} đến {vn_date(date_to)}"
