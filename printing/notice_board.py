"""The notice board (bảng niêm yết công khai): the period's late dossiers with the centre's
apology and each new appointment, A4 landscape, as centres post it at the counter.

Public: it carries the dossier code, the procedure and the applicant's masked name ("Nguyễn
T. H."), never an ID number, an address or a phone number (models.notice_board masks them
before they get here). Signed by the head of the agency.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from printing.data import FormSettings
from printing.layout import (
    Signature,
    build_pdf,
    header,
    markup,
    number_line,
    page_spec,
    paragraph,
    signatures,
    styles,
    title,
    unit_in_sentence,
    vn_short_date,
)
from printing.tables import code_markup, ruled_table
from printing.vntext import unit_abbreviation

TITLE = "THÔNG BÁO XIN LỖI VÀ DANH SÁCH HỒ SƠ GIẢI QUYẾT QUÁ HẠN"
# Column widths in mm; they add up to the 267 mm of an A4 landscape frame.
WIDTHS_MM = (10, 42, 66, 32, 24, 26, 30, 37)
HEADS = ("STT", "Mã hồ sơ", "Thủ tục hành chính", "Tổ chức, cá nhân", "Hẹn trả", "Hẹn lại",
         "Tình trạng", "Lý do")


@dataclass(frozen=True)
class NoticeRow:
    code: str
    procedure_name: str
    applicant: str  # already masked
    due_at: datetime  # the appointment that was missed
    new_due_at: datetime | None  # the new appointment given with the apology, if any
    state: str  # "Đang giải quyết, quá hạn 3 ngày làm việc", "Đã trả kết quả ngày …"
    reason: str = ""  # the reason given with the apology (numbers scrubbed)


@dataclass(frozen=True)
class NoticeData:
    period_text: str  # "Tháng 11 năm 2026 (từ 01/11/2026 đến 30/11/2026)"
    rows: Sequence[NoticeRow]
    issued_at: datetime
    contact_phone: str = ""
    number: str = ""


def _when(value: datetime | None) -> str:
    return f"{value:%H:%M}<br/>{vn_short_date(value)}" if value else "Sẽ thông báo"


def render_notice(data: NoticeData, settings: FormSettings) -> bytes:
    """The notice as PDF bytes."""
    spec = page_spec("A4", is_landscape=True)
    st = styles(spec.font_size)
    cell, center, head = st["cell"], st["cell_center"], st["cell_head"]
    unit = markup(unit_in_sentence(settings.unit_name, settings.governing_body))
    rows: list[list[object]] = [[Paragraph(h, head) for h in HEADS]]
    for i, r in enumerate(data.rows, start=1):
        rows.append([
            Paragraph(str(i), center),
            Paragraph(code_markup(r.code, WIDTHS_MM[1] * mm - 6, cell.fontSize), cell),
            Paragraph(markup(r.procedure_name, ""), cell),
            Paragraph(markup(r.applicant, ""), cell),
            Paragraph(_when(r.due_at), center),
            Paragraph(_when(r.new_due_at), center),
            Paragraph(markup(r.state, ""), cell),
            Paragraph(markup(r.reason, ""), cell),
        ])
    extra = []
    if not data.rows:
        rows.append([Paragraph("Không có hồ sơ giải quyết quá hạn trong kỳ.", center)] + [""] * (len(HEADS) - 1))
        extra.append(("SPAN", (0, 1), (-1, 1)))
    apology = (f"{unit} chân thành xin lỗi các tổ chức, cá nhân có tên dưới đây vì hồ sơ chưa được giải "
               "quyết, trả kết quả đúng hẹn, gây phiền hà, tốn kém thời gian và công sức. Chúng tôi hẹn "
               "lại ngày trả kết quả như sau và sẽ khẩn trương giải quyết.")
    contact = ("Mọi thắc mắc xin liên hệ Bộ phận Một cửa"
               + (f", điện thoại {markup(data.contact_phone)}" if data.contact_phone else "") + ".")
    story: list[Flowable] = [
        header(settings, number_line(data.number, "TB-" + unit_abbreviation(settings.unit_name)), data.issued_at.date(), spec),
        *title(TITLE, spec, data.period_text),
        paragraph(apology, "text", spec),
        paragraph(contact, "text", spec),
        Spacer(1, spec.font_size * 0.4),
        ruled_table(rows, [w * mm for w in WIDTHS_MM], header_rows=1, extra=extra),
        Spacer(1, spec.font_size * 0.5),
        paragraph(f"<b>Tổng số: {len(data.rows)} hồ sơ</b>", "body", spec),
        signatures([None, Signature(settings.head_title or "Thủ trưởng cơ quan, đơn vị", settings.head_name)],
                   spec),
    ]
    return build_pdf(story, spec, doc_title=f"Danh sách hồ sơ quá hạn – {data.period_text}", always_number=True)


__all__ = ["NoticeData", "NoticeRow", "render_notice"]
