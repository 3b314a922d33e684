"""Phiếu xin lỗi và đề nghị gia hạn thời gian giải quyết (BM.04, 2025 set).

Wording of BM.04 as re-published in 2025. Signed for the head of the agency
(``settings.head_title``) by the leader recorded with the extension
(``data.signer_name``), or by ``settings.head_name``.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from printing.data import ApologyData, FormSettings
from printing.layout import (
    Signature,
    build_pdf,
    capitalised,
    header,
    markup,
    number_line,
    page_spec,
    paragraph,
    signatures,
    title,
    vn_date,
    vn_datetime,
)

TITLE = "PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT"
NUMBER = "PXL"  # BM.04: "Số:……./PXL"


def _body(data: ApologyData) -> list[str]:
    """The paragraphs of BM.04 with the blanks filled in."""
    agency = markup(data.agency_name)
    person = data.applicant
    received = capitalised(vn_date(data.received_at.date()))
    return [
        f"{received}, {agency} tiếp nhận giải quyết hồ sơ đề nghị giải quyết "
        f"thủ tục hành chính <b>{markup(data.procedure_name)}</b> của Ông/Bà/Tổ chức "
        f"<b>{markup(person.name)}</b>; số định danh: {markup(person.id_number)}; "
        f"mã số hồ sơ: <b>{markup(data.code)}</b>.",
        f"Thời gian hẹn trả kết quả giải quyết hồ sơ: {vn_datetime(data.old_due_at)}.",
        f"Tuy nhiên đến nay, {agency} chưa trả kết quả giải quyết hồ sơ của Ông/Bà/Tổ chức đúng thời hạn "
        "quy định ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.",
        f"Lý do: {markup(data.reason)}",
        f"{agency} xin trân trọng gửi lời xin lỗi đến Ông (Bà)/Tổ chức vì sự chậm trễ trong quá trình giải "
        "quyết hồ sơ có thể gây phiền hà, tốn kém về chi phí, công sức của Ông (Bà)/Tổ chức.",
        f"{agency} xin lỗi Ông/Bà/Tổ chức và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà/Tổ chức vào "
        f"<b>{vn_datetime(data.new_due_at)}</b>.",
        "Mong nhận được sự thông cảm của Ông/Bà/Tổ chức vì sự chậm trễ này./.",
    ]


def render_apology(data: ApologyData, settings: FormSettings) -> bytes:
    """The apology and new appointment as PDF bytes."""
    spec = page_spec(settings.page_size)
    story: list[Flowable] = [
        header(settings, number_line(data.number, NUMBER), data.issued_at.date(), spec),
        *title(TITLE, spec),
        paragraph(f"Kính gửi: <b>{markup(data.applicant.name)}</b>", "center", spec),
        *(paragraph(text, "text", spec) for text in _body(data)),
        signatures(
            [None, Signature(settings.head_title or "Thủ trưởng cơ quan, đơn vị",
                             data.signer_name or settings.head_name)], spec
        ),
    ]
    return build_pdf(story, spec, doc_title=f"Phiếu xin lỗi và đề nghị gia hạn thời gian giải quyết {data.code}")
