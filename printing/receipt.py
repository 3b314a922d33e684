"""Giấy tiếp nhận hồ sơ và hẹn trả kết quả (BM.01, Thông tư 03/2025/TT-VPCP).

Printed in ``settings.receipt_copies`` copies (liên): the first is handed to
the person who files the dossier, the second is kept with the dossier and its
control sheet (practice). Each copy starts on a new page, and a copy with up
to ten papers stays on one page: when the layout would run over, the body
size steps down (13 → 11 pt on A4) rather than leave the signatures alone on
a second sheet.

BM.01 lists the papers handed in ("Thành phần hồ sơ nộp gồm"); papers only
shown at the counter (xuất trình, e.g. the ID card) are listed apart, so the
receipt never says the citizen handed them in.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from printing.barcodes import DossierCodeBlock, qr_payload
from printing.data import DocumentLine, FormSettings, Person, ReceiptData
from printing.document import build_pdf_fitted
from printing.fee_lines import fee_flowables
from printing.layout import (
    DOTS,
    PageSpec,
    Signature,
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
    two_digits,
    vn_datetime,
)

TITLE = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"
NUMBER = "-TTPVHCC (BPTNTKQ)"  # BM.01: "Số:.../ -TTPVHCC (BPTNTKQ)"
SHOWN_HEADING = "Giấy tờ xuất trình để đối chiếu (không nộp):"


@dataclass(frozen=True)
class Density:
    """How tightly one copy is set: body size, top and bottom margins, the gaps between
    paragraphs (1 as usual, 0 solid), room above the title and room to sign (in body lines),
    and the height of the barcode and QR code (1 = full)."""

    font_size: float
    margin_mm: float | None  # None: the page's own margins
    spacing: float
    title_space: float
    sign_space: float
    symbols: float = 1.0


# Tried in turn until a copy fits one page: the usual receipt keeps Nghị định 30/2020's
# 13 pt body and margins; a long one is set tighter rather than split across sheets.
DENSITIES = {
    "A4": (Density(13, None, 1.0, 1.6, 5.5), Density(12, 15, 0.5, 1.0, 5.0),
           Density(11, 12, 0.0, 0.6, 4.5), Density(10.5, 10, 0.0, 0.4, 4.0),
           Density(10, 10, 0.0, 0.3, 3.8, 0.8)),
    "A5": (Density(10, None, 1.0, 1.6, 5.5), Density(9.5, 10, 0.5, 0.8, 4.5),
           Density(9, 8, 0.0, 0.4, 4.0, 0.8)),
}
COPY_PURPOSES = {1: "Giao người nộp hồ sơ", 2: "Lưu hồ sơ"}


def copy_label(n: int) -> str:
    """ "Liên 1: Giao người nộp hồ sơ", "Liên 2: Lưu hồ sơ", "Liên 3"."""
    purpose = COPY_PURPOSES.get(n)
    return f"Liên {n}: {purpose}" if purpose else f"Liên {n}"


def document_counts(doc: DocumentLine) -> str:
    """ "(01 bản chính, 02 bản sao)"; empty when both counts are zero."""
    parts = []
    if doc.originals:
        parts.append(f"{two_digits(doc.originals)} bản chính")
    if doc.copies:
        parts.append(f"{two_digits(doc.copies)} bản sao")
    return f" ({', '.join(parts)})" if parts else ""


def _person_lines(person: Person, spec: PageSpec, name_label: str) -> list[Flowable]:
    return [
        field(name_label, person.name, spec, bold=True),
        field("Số định danh cá nhân/tổ chức", person.id_number, spec),
        field("Địa chỉ", person.address, spec),
        field_pair(("Số điện thoại", person.phone), ("Email", person.email), spec),
    ]


def _authorised_lines(person: Person, spec: PageSpec) -> list[Flowable]:
    """BM.01: "Trường hợp ủy quyền thì cung cấp thêm thông tin của người ủy quyền, bao gồm: họ
    và tên, địa chỉ, số định danh cá nhân, số điện thoại, email, giấy tờ ủy quyền" — in that
    order."""
    return [
        paragraph("<i>Trường hợp ủy quyền – thông tin người ủy quyền:</i>", "body", spec),
        field("Họ và tên", person.name, spec, bold=True),
        field("Địa chỉ", person.address, spec),
        field("Số định danh cá nhân", person.id_number, spec),
        field_pair(("Số điện thoại", person.phone), ("Email", person.email), spec),
        field("Giấy tờ ủy quyền", person.authorisation, spec),
    ]


def _register_line(data: ReceiptData) -> str:
    volume = markup(data.register_volume)
    number = markup(data.register_number)
    return f"Vào Sổ theo dõi hồ sơ, Quyển số: {volume}, Số thứ tự: {number}"


def _copy(data: ReceiptData, settings: FormSettings, spec: PageSpec,
          density: Density = DENSITIES["A4"][0]) -> list[Flowable]:
    """One copy of the receipt, in the order of BM.01."""
    issued = (data.issued_at or data.received_at).date()
    docs = [f"{markup(d.name)}{document_counts(d)}" for d in data.documents if not d.shown]
    shown = [f"{markup(d.name)}{document_counts(d)}" for d in data.documents if d.shown]
    block = DossierCodeBlock(
        data.code,
        qr_payload(data.code, settings.lookup_url),
        font_size=spec.font_size,
        page_width=spec.width,
        frame_left=spec.left,
        bar_height=(12 if spec.font_size >= 12 else 10) * mm * density.symbols,
        qr_size=(22 if spec.font_size >= 12 else 18) * mm * density.symbols,
    )
    submitter = data.authorised_person or data.applicant
    story: list[Flowable] = [
        header(settings, number_line(data.number, NUMBER), issued, spec),
        *title(TITLE, spec, space=density.title_space),
        block,
        Spacer(1, spec.font_size * 0.6),
        field("Mã hồ sơ", data.code, spec, bold=True),
        paragraph(markup(data.receiving_unit), "body", spec),
        *_person_lines(data.applicant, spec, "Tiếp nhận hồ sơ của Ông (Bà)/Tổ chức"),
    ]
    if data.authorised_person is not None:
        story += _authorised_lines(data.authorised_person, spec)
    story += [
        field("Nội dung yêu cầu giải quyết", data.procedure_name, spec, bold=True),
        paragraph("Thành phần hồ sơ nộp gồm:", "body", spec),
        *(numbered(docs, spec) if docs else [paragraph(DOTS, "item", spec)]),
    ]
    if shown:
        # Numbered on after the papers handed in: every paper has one number (models.intake).
        story += [paragraph(SHOWN_HEADING, "body", spec), *numbered(shown, spec, start=len(docs) + 1)]
    story += [
        paragraph(f"Số lượng hồ sơ: {two_digits(data.sets)} (bộ)", "body", spec),
        *fee_flowables(data.fee, spec),
        field("Thời gian giải quyết hồ sơ theo quy định là", data.time_limit_text, spec),
        field("Thời gian nhận hồ sơ", vn_datetime(data.received_at)
              + (f" – tại Quầy số {data.counter_no}" if data.counter_no else ""), spec),
        field("Thời gian trả kết quả giải quyết hồ sơ", vn_datetime(data.due_at), spec, bold=True),
        field("Đăng ký nhận kết quả tại", data.result_delivery, spec),
        paragraph(_register_line(data), "body", spec),
        # The person who signs as NGƯỜI NỘP HỒ SƠ is whoever stood at the
        # counter: the authorised person when there is one.
        signatures(
            [
                Signature("Người nộp hồ sơ", submitter.name),
                Signature("Người tiếp nhận hồ sơ", data.officer_name),
            ],
            spec,
            sign_space=density.sign_space,
        ),
    ]
    return story


def render_receipt(data: ReceiptData, settings: FormSettings) -> bytes:
    """The receipt as PDF bytes, every copy on its own page(s).

    The copies are identical but for the "Liên" line at the top of the page.
    """
    spec = page_spec(settings.page_size)
    copies = max(1, settings.receipt_copies)
    labels = [copy_label(n) for n in range(1, copies + 1)] if copies > 1 else [""]
    densities = DENSITIES.get(settings.page_size.strip().upper(), DENSITIES["A4"])

    def make(density: Density) -> tuple[list[Flowable], PageSpec]:
        sized = replace(spec, font_size=density.font_size, spacing=density.spacing)
        if density.margin_mm is not None:
            sized = replace(sized, top=density.margin_mm * mm, bottom=density.margin_mm * mm)
        return _copy(data, settings, sized, density), sized

    return build_pdf_fitted(densities, make, max_pages=1,
                            doc_title=f"{TITLE.capitalize()} {data.code}", copy_labels=labels)
