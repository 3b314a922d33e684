"""Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (BM.02).

Nghị định 118/2025/NĐ-CP asks that the guidance be complete in one go: every
missing item is listed, with the reason and whom to call.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from printing.data import FormSettings, SupplementData
from printing.layout import (
    DOTS,
    Signature,
    build_pdf,
    field,
    field_pair,
    header,
    markup,
    number_line,
    numbered,
    page_spec,
    paragraph,
    signatures,
    title,
)

TITLE = "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"
NUMBER = "PBS-TTPVHCC (BPTNTKQ)"  # BM.02


def _contact_sentence(data: SupplementData, settings: FormSettings) -> str:
    name = markup(settings.contact_name or data.guide_name)
    phone = markup(settings.contact_phone)
    return (
        "Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ với "
        f"{name}, số điện thoại {phone} để được hướng dẫn./."
    )


def render_supplement(data: SupplementData, settings: FormSettings) -> bytes:
    """The supplement request as PDF bytes."""
    spec = page_spec(settings.page_size)
    person = data.applicant
    items = [markup(item) for item in data.missing_items if item.strip()]
    story: list[Flowable] = [
        header(settings, number_line(data.number, NUMBER), data.issued_at.date(), spec),
        *title(TITLE, spec),
        field("Hồ sơ của", person.name, spec, bold=True),
        field("Mã hồ sơ", data.code, spec, bold=True),
        field("Nội dung yêu cầu giải quyết", data.procedure_name, spec),
        field("Địa chỉ", person.address, spec),
        field_pair(("Số điện thoại", person.phone), ("Email", person.email), spec),
        paragraph("Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:", "body", spec),
        *(numbered(items, spec) if items else [paragraph(DOTS, "item", spec)]),
        field("Lý do", data.reason, spec),
        paragraph(_contact_sentence(data, settings), "text", spec),
        signatures([None, Signature("Người hướng dẫn", data.guide_name)], spec),
    ]
    return build_pdf(story, spec, doc_title=f"Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ {data.code}")
