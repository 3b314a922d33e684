"""The receipt: copies (liên), long content flowing to a second page, the
authorised person, A5, and the layout checks themselves."""

from __future__ import annotations

import dataclasses
import io
from datetime import datetime

import pytest
from print_probe import flat
from reportlab.pdfgen.canvas import Canvas

from printing import DocumentLine, FormSettings, Person, ReceiptData, render_receipt
from printing.receipt import copy_label, document_counts

LONG_NAME = "Công ty Trách nhiệm hữu hạn Một thành viên Thương mại Dịch vụ Xây dựng Nông nghiệp Tam Đảo Xanh"
LONG_ADDRESS = (
    "Số nhà 127, ngõ 45, đường Nguyễn Tất Thành, tổ dân phố Đồng Bùa, khu đô thị mới phía Nam, "
    "xã Tam Đảo, tỉnh Phú Thọ (địa chỉ cũ: thị trấn Tam Đảo, huyện Tam Đảo, tỉnh Vĩnh Phúc)"
)


def test_copy_labels() -> None:
    assert copy_label(1) == "Liên 1: Giao người nộp hồ sơ"
    assert copy_label(2) == "Liên 2: Lưu hồ sơ"
    assert copy_label(3) == "Liên 3"


def test_document_counts() -> None:
    assert document_counts(DocumentLine("x", 1, 2)) == " (01 bản chính, 02 bản sao)"
    assert document_counts(DocumentLine("x", 0, 3)) == " (03 bản sao)"
    assert document_counts(DocumentLine("x", 2, 0)) == " (02 bản chính)"
    assert document_counts(DocumentLine("x", 0, 0)) == ""


@pytest.mark.parametrize("copies", [1, 2, 3])
def test_each_copy_on_its_own_page(receipt: ReceiptData, settings: FormSettings, probe, copies: int) -> None:
    pdf = render_receipt(receipt, dataclasses.replace(settings, receipt_copies=copies))
    pages = [flat(p) for p in probe.pages_text(pdf)]
    assert len(pages) == copies
    for n, page in enumerate(pages, start=1):
        assert page.count("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ") == 1
        assert "Mã hồ sơ: H12.22.01-260213-0042" in page
        assert ("Liên " in page) == (copies > 1)
        if copies > 1:
            assert copy_label(n) in page
            assert page.count("Liên ") == 1


def test_long_content_flows_to_a_second_page(receipt: ReceiptData, settings: FormSettings, probe) -> None:
    # Forty papers: more than even the tightest setting of a copy holds on one sheet.
    documents = [
        DocumentLine(f"Giấy tờ kèm theo số {i:02d}: bản khai chi tiết theo mẫu quy định", 1, i % 3)
        for i in range(1, 41)
    ]
    applicant = dataclasses.replace(receipt.applicant, name=LONG_NAME, address=LONG_ADDRESS)
    data = dataclasses.replace(receipt, applicant=applicant, documents=documents)
    pdf = render_receipt(data, settings)
    pages = [flat(p) for p in probe.pages_text(pdf)]
    assert len(pages) == 4, "two copies of two pages each"
    for first, second, label in ((0, 1, copy_label(1)), (2, 3, copy_label(2))):
        assert label in pages[first] and label in pages[second]
        assert "Trang 1/2" in pages[first] and "Trang 2/2" in pages[second]
        copy_text = pages[first] + " " + pages[second]
        positions = [copy_text.index(f"{i}. Giấy tờ kèm theo số {i:02d}") for i in range(1, 41)]
        assert positions == sorted(positions)
        assert flat(LONG_NAME) in copy_text
        assert flat(LONG_ADDRESS) in copy_text
        assert "NGƯỜI TIẾP NHẬN HỒ SƠ" in pages[second]
    probe.check_layout(pdf)


def test_ten_long_papers_keep_each_copy_on_one_a4_page(receipt: ReceiptData, settings: FormSettings,
                                                       probe) -> None:
    """The heaviest real receipt: the nine papers of đăng ký kết hôn có yếu tố nước ngoài and
    an authorisation, two of them only shown, the catalog's longest procedure name, an
    authorised person, a long address and a 35-character agency code."""
    import json

    from models.paths import RESOURCES

    catalog = {p["code"]: p for p in json.loads((RESOURCES / "catalog" / "procedures.json")
                                                  .read_text(encoding="utf-8"))["procedures"]}
    papers = catalog["2.000806"]["documents"] + [catalog["1.001193"]["documents"][4]]
    documents = [DocumentLine(d["name"], d["originals"], d["copies"], d["kind"] == "shown") for d in papers]
    assert len(documents) == 10 and sum(d.shown for d in documents) == 2
    agent = Person("Phạm Quốc Việt", "001090004567", "Số 8 phố Lý Thường Kiệt, phường Hoàn Kiếm, Hà Nội",
                   "0987654321", "viet.pq@example.vn", "Văn bản ủy quyền số 12/UQ ngày 10/02/2026")
    longest = max((p["name"] for p in catalog.values()), key=len)
    data = dataclasses.replace(
        receipt, code="000.00.24.H12.A1.B2.C3.D4.E5.F6.G78-261201-12345", procedure_name=longest,
        applicant=dataclasses.replace(receipt.applicant, name=LONG_NAME, address=LONG_ADDRESS),
        authorised_person=agent, documents=documents)
    pages = [flat(p) for p in probe.pages_text(render_receipt(data, settings))]
    assert len(pages) == 2, "one page for each of the two copies"
    for page, label in zip(pages, (copy_label(1), copy_label(2))):
        assert label in page and "Trang" not in page
        assert "NGƯỜI NỘP HỒ SƠ" in page and "NGƯỜI TIẾP NHẬN HỒ SƠ" in page
        handed_in, shown = page.split("Giấy tờ xuất trình để đối chiếu (không nộp):")
        assert "Thành phần hồ sơ nộp gồm:" in handed_in and "8. " in handed_in
        assert "Giấy tờ tùy thân của người yêu cầu" in shown and "Giấy tờ tùy thân" not in handed_in
        # Numbered on after the eight papers handed in (one number per paper, as attach uses).
        assert "9. Giấy tờ tùy thân" in shown and "10. Giấy tờ chứng minh nơi cư trú" in shown
    probe.check_layout(render_receipt(data, settings))
    # Only a receipt that needs it is set tighter: the usual one keeps its 13 pt body.
    usual = _word_height(probe, render_receipt(receipt, settings), "Thời")
    tight = _word_height(probe, render_receipt(data, settings), "Thời")
    assert usual / tight == pytest.approx(13 / 10, rel=0.06)


def _word_height(probe, pdf: bytes, word: str) -> float:
    return max(w.y1 - w.y0 for w in probe.words(pdf)[0].words if w.text == word)


def test_long_content_on_a5(receipt: ReceiptData, settings: FormSettings, probe) -> None:
    documents = [DocumentLine(f"Giấy tờ số {i:02d}", 1, 1) for i in range(1, 21)]
    applicant = dataclasses.replace(receipt.applicant, name=LONG_NAME, address=LONG_ADDRESS)
    pdf = render_receipt(
        dataclasses.replace(receipt, applicant=applicant, documents=documents),
        dataclasses.replace(settings, page_size="A5"),
    )
    words = probe.words(pdf)
    assert len(words) >= 4 and len(words) % 2 == 0
    assert {(round(p.width), round(p.height)) for p in words} == {(420, 595)}
    probe.check_layout(pdf)


def test_authorised_person(receipt: ReceiptData, settings: FormSettings, probe) -> None:
    agent = Person(
        name="Phạm Quốc Việt",
        id_number="001090004567",
        address="Số 8 phố Lý Thường Kiệt, phường Hoàn Kiếm, Hà Nội",
        phone="0987 654 321",
        email="viet.pq@example.vn",
        authorisation="Văn bản ủy quyền số 12/UQ ngày 10/02/2026, chứng thực tại UBND phường Hoàn Kiếm",
    )
    text = probe.text(render_receipt(dataclasses.replace(receipt, authorised_person=agent), settings))
    # BM.01: "thông tin của người ủy quyền, bao gồm: họ và tên, địa chỉ, số định danh cá nhân,
    # số điện thoại, email, giấy tờ ủy quyền" — in that order.
    block = (
        "Trường hợp ủy quyền – thông tin người ủy quyền:",
        "Họ và tên: Phạm Quốc Việt",
        "Địa chỉ: Số 8 phố Lý Thường Kiệt, phường Hoàn Kiếm, Hà Nội",
        "Số định danh cá nhân: 001090004567",
        "Số điện thoại: 0987 654 321",
        "Email: viet.pq@example.vn",
        "Giấy tờ ủy quyền: Văn bản ủy quyền số 12/UQ ngày 10/02/2026",
    )
    for expected in block + ("Tiếp nhận hồ sơ của Ông (Bà)/Tổ chức: Nguyễn Thị Hằng",):
        assert flat(expected) in text
    first_copy = text[:text.index("Liên 2")]
    assert [first_copy.index(flat(line)) for line in block] == sorted(first_copy.index(flat(line)) for line in block)
    # Whoever stood at the counter signs as NGƯỜI NỘP HỒ SƠ.
    assert text.index("NGƯỜI NỘP HỒ SƠ") < text.rindex("Phạm Quốc Việt")


def test_blanks_and_dates(receipt: ReceiptData, settings: FormSettings, probe) -> None:
    data = dataclasses.replace(
        receipt,
        number="",
        register_volume="",
        register_number="",
        issued_at=datetime(2026, 3, 2, 7, 0),
        sets=2,
    )
    text = probe.text(render_receipt(data, settings))
    assert "Số: …………/-TTPVHCC (BPTNTKQ)" in text  # BM.01: "Số:.../ -TTPVHCC (BPTNTKQ)"
    assert "Tam Đảo, ngày 02 tháng 3 năm 2026" in text
    assert "Vào Sổ theo dõi hồ sơ, Quyển số: …………, Số thứ tự: …………" in text
    assert "Số lượng hồ sơ: 02 (bộ)" in text


def test_markup_characters_in_data(receipt: ReceiptData, settings: FormSettings, probe) -> None:
    applicant = dataclasses.replace(receipt.applicant, name="Công ty A & B <Việt Nam>")
    text = probe.text(render_receipt(dataclasses.replace(receipt, applicant=applicant), settings))
    assert "Công ty A & B <Việt Nam>" in text


def _canvas_pdf(draw) -> bytes:
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=(595, 842))
    draw(canvas)
    canvas.save()
    return buf.getvalue()


def test_layout_checks_catch_overprinting_and_overflow(probe) -> None:
    """The checks above would fail on a broken layout (guard against checks that always pass)."""
    overprinted = _canvas_pdf(
        lambda c: (c.drawString(100, 700, "Nguyen Van A"), c.drawString(105, 702, "Tran Thi B"))
    )
    with pytest.raises(AssertionError, match="overlaps"):
        probe.check_no_overlap(overprinted)
    outside = _canvas_pdf(lambda c: c.drawString(560, 400, "tràn lề phải"))
    with pytest.raises(AssertionError, match="beyond"):
        probe.check_inside_page(outside)
    with pytest.raises(AssertionError, match="not embedded"):
        probe.check_fonts_embedded(outside)
