"""Phiếu từ chối tiếp nhận giải quyết hồ sơ (BM.03)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from printing.data import FormSettings, RefusalData
from printing.layout import (
    Signature,
    build_pdf,
    field,
    field_pair,
    header,
    markup,
    number_line,
    page_spec,
    paragraph,
    signatures,
    title,
)

TITLE = "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"
NUMBER = "PTC-TTPVHCC (BPTNTKQ)"  # BM.03


def render_refusal(data: RefusalData, settings: FormSettings) -> bytes:
    """The refusal as PDF bytes, signed by the applicant and the officer."""
    spec = page_spec(settings.page_size)
    person = data.applicant
    story: list[Flowable] = [
        header(settings, number_line(data.number, NUMBER), data.issued_at.date(), spec),
        *title(TITLE, spec),
        paragraph(markup(data.receiving_unit), "body", spec),
        field("Tiếp nhận hồ sơ của", person.name, spec, bold=True),
        field("Số định danh cá nhân/tổ chức", person.id_number, spec),
        field("Địa chỉ", person.address, spec),
        field_pair(("Số điện thoại", person.phone), ("Email", person.email), spec),
        field("Mã hồ sơ (nếu có)", data.code, spec, bold=True),
        field("Nội dung yêu cầu giải quyết", data.procedure_name, spec),
        paragraph(
            f"Qua xem xét, {markup(data.receiving_unit, 'Bộ phận Tiếp nhận và Trả kết quả')} thông báo "
            "không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:",
            "text",
            spec,
        ),
        paragraph(markup(data.reason), "text", spec),
        paragraph("Xin thông báo cho Ông/Bà được biết và thực hiện./.", "text", spec),
        signatures(
            [
                Signature("Người nộp hồ sơ", person.name),
                Signature("Người tiếp nhận hồ sơ", data.officer_name),
            ],
            spec,
        ),
    ]
    return build_pdf(story, spec, doc_title=f"Phiếu từ chối tiếp nhận giải quyết hồ sơ {data.code}")
