"""Thông báo dừng giải quyết hồ sơ: the citizen withdraws the dossier before
a result exists (status 7/8 of the national portal).

Thông tư 03/2025/TT-VPCP lists this notice without a layout in our reference,
so it follows the refusal form (BM.03): same header, a title with a "Về việc"
line, the dossier's particulars, the reason and both signatures.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from printing.data import FormSettings, StopNoticeData
from printing.layout import (
    Signature,
    build_pdf,
    capitalised,
    field,
    field_pair,
    header,
    markup,
    number_line,
    page_spec,
    paragraph,
    signatures,
    title,
    unit_in_sentence,
    vn_date,
)

TITLE = "THÔNG BÁO"
NUMBER = "TB-TTPVHCC (BPTNTKQ)"  # as the other forms
SUBTITLE = "Về việc dừng giải quyết hồ sơ"


def render_stop_notice(data: StopNoticeData, settings: FormSettings) -> bytes:
    """The stop notice as PDF bytes."""
    spec = page_spec(settings.page_size)
    person = data.applicant
    unit = markup(data.receiving_unit or unit_in_sentence(settings.unit_name, settings.governing_body))
    story: list[Flowable] = [
        header(settings, number_line(data.number, NUMBER), data.issued_at.date(), spec),
        *title(TITLE, spec, SUBTITLE),
        paragraph(f"Kính gửi: <b>{markup(person.name)}</b>", "center", spec),
        field("Số định danh cá nhân/tổ chức", person.id_number, spec),
        field("Địa chỉ", person.address, spec),
        field_pair(("Số điện thoại", person.phone), ("Email", person.email), spec),
        field("Mã hồ sơ", data.code, spec, bold=True),
        field("Nội dung yêu cầu giải quyết", data.procedure_name, spec),
        paragraph(
            f"{capitalised(vn_date(data.received_at.date()))}, {unit} đã tiếp nhận hồ sơ "
            f"mã số <b>{markup(data.code)}</b> của Ông/Bà/Tổ chức. Theo đề nghị của Ông/Bà/Tổ chức, "
            f"{unit} thông báo dừng giải quyết hồ sơ nêu trên.",
            "text",
            spec,
        ),
        paragraph(f"Lý do: {markup(data.reason)}", "text", spec),
        paragraph("Xin thông báo cho Ông/Bà được biết./.", "text", spec),
        signatures(
            [
                Signature("Người nộp hồ sơ", person.name),
                Signature("Người tiếp nhận hồ sơ", data.officer_name),
            ],
            spec,
        ),
    ]
    return build_pdf(story, spec, doc_title=f"Thông báo dừng giải quyết hồ sơ {data.code}")
