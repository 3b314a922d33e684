"""The citizen's papers, read back as a person and a scanner would: the receipt's fee and its
VietQR decoded from the PDF, the 80 mm slip (width, length, font, Code 128 at 203 dpi), the
notice board without any personal number, and the accountant's fee list."""
from __future__ import annotations

import dataclasses
import io
from datetime import datetime

import pytest
from print_probe import PdfProbe

from models.vietqr import BankAccount, check_crc, parse_tlv, payment_payload
from printing import FormSettings, ReceiptData, render_receipt
from printing.data import FeeBlock
from printing.fee_list import FeeListData, FeeListRow, render_fee_list
from printing.fee_list_xlsx import render_fee_list_xlsx
from printing.notice_board import NoticeData, NoticeRow, render_notice
from printing.slip import SlipData, render_slip

ACCOUNT = BankAccount("970415", "0011001932418", "UBND XA TAM DAO")
MM = 72 / 25.4
LONGEST = f"{'ABCDEFGHIJ.0123456789.KLMNOPQRST.UVW'[:35]}-260213-99999"


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    from pypdf import PdfReader

    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(io.BytesIO(pdf)).pages]


def fee_block(code: str, amount: int = 21_000) -> FeeBlock:
    return FeeBlock("21.000 đồng (3 bản × 5 trang = 3 × 7.000 đồng = 21.000 đồng)",
                    payment_payload(ACCOUNT, amount, code),
                    ("Số tiền: 21.000 đồng", f"Nội dung chuyển khoản: {code}",
                     "Tài khoản: 0011001932418 – UBND XA TAM DAO"))


def test_receipt_prints_the_fee_and_a_vietqr_that_decodes(probe: PdfProbe, receipt: ReceiptData,
                                                          settings: FormSettings):
    block = fee_block(receipt.code)
    pdf = render_receipt(dataclasses.replace(receipt, fee=block), settings)
    text = probe.text(pdf)
    assert "Phí, lệ phí: 21.000 đồng (3 bản × 5 trang" in text
    assert f"Nội dung chuyển khoản: {receipt.code}" in text
    probe.check_layout(pdf)
    for page in probe.barcodes(pdf)[:1]:
        qr = sorted(r.text for r in page["qr"])
        assert block.payment_qr in qr  # the payment QR, beside the dossier's own QR
        decoded = block.payment_qr
        assert check_crc(decoded)
        assert dict(parse_tlv(decoded))["54"] == "21000"


def test_receipt_without_a_fee_prints_no_fee_line(probe: PdfProbe, receipt: ReceiptData, settings: FormSettings):
    assert "Phí, lệ phí" not in probe.text(render_receipt(receipt, settings))
    paid = FeeBlock("21.000 đồng; đã thu (tiền mặt) lúc 09:40 13/02/2026")
    pdf = render_receipt(dataclasses.replace(receipt, fee=paid), settings)
    assert "đã thu (tiền mặt)" in probe.text(pdf)
    assert all(len(page["qr"]) == 1 for page in probe.barcodes(pdf))  # only the dossier's QR


def slip(code: str, **changes) -> SlipData:
    data = SlipData(
        code=code, governing_body="UBND XÃ TAM ĐẢO", unit_name="TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
        applicant_name="Nguyễn Thị Hằng", procedure_name="Chứng thực bản sao từ bản chính giấy tờ",
        received_at=datetime(2026, 2, 13, 9, 30), due_at=datetime(2026, 2, 13, 17, 0),
        time_limit_text="Trong ngày làm việc", result_place="Trung tâm Phục vụ hành chính công xã Tam Đảo",
        officer_name="Lê Văn Tâm", fee=fee_block(code), contact_phone="0211 3824 567")
    return dataclasses.replace(data, **changes)


@pytest.mark.parametrize("code", ["H12.22.01-260213-0001", "000.00.24.H12-260213-12345", LONGEST])
def test_slip_is_80_mm_wide_and_its_barcode_decodes_at_203_dpi(probe: PdfProbe, code: str):
    pdf = render_slip(slip(code))
    [(width, height)] = page_sizes(pdf)
    assert 72 * MM <= width <= 80 * MM + 0.01
    assert height > width  # a roll: as long as its content
    probe.check_fonts_embedded(pdf)
    text = probe.text(pdf)
    for words in ("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Nguyễn Thị Hằng", "Hẹn trả: 17:00 ngày 13/02/2026",
                  "Phí, lệ phí: 21.000 đồng", "Trung tâm Phục vụ hành chính công xã Tam Đảo"):
        assert words in text
    [page] = probe.barcodes(pdf, dpi=203)
    assert [r.text for r in page["code128"]] == [code]
    assert payment_payload(ACCOUNT, 21_000, code) in [r.text for r in page["qr"]]
    # The text stays inside the 72 mm the print head covers.
    for word in probe.words(pdf)[0].words:
        assert word.x0 >= 3.9 * MM and word.x1 <= width - 3.9 * MM, word


def test_slip_length_follows_its_content():
    short = page_sizes(render_slip(slip("H12.22.01-260213-0001", fee=None)))[0][1]
    long = page_sizes(render_slip(slip("H12.22.01-260213-0001", procedure_name="Chứng thực bản sao " * 20)))[0][1]
    assert long > short + 40 * MM  # the payment QR and the longer name


NOTICE_ROWS = (
    NoticeRow("H12.22.01-261102-0001", "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân", "Nguyễn T. H.",
              datetime(2026, 11, 5, 9, 0), datetime(2026, 11, 10, 16, 0), "Đang giải quyết, quá hạn 2 ngày làm việc",
              "Chờ xác minh tình trạng hôn nhân tại nơi cư trú trước đây"),
    NoticeRow("H12.22.01-261102-0002", "Đăng ký khai sinh", "Trần V. Đ.", datetime(2026, 11, 3, 17, 0), None,
              "Đã giải quyết ngày 06/11/2026, quá hạn 3 ngày làm việc"),
)


def test_notice_is_a4_landscape_with_the_apology_and_no_personal_numbers(probe: PdfProbe, settings: FormSettings):
    data = NoticeData("Tháng 11 năm 2026 (từ ngày 01/11/2026 đến ngày 30/11/2026)", NOTICE_ROWS * 15,
                      datetime(2026, 11, 30, 16, 0), contact_phone="0211 3824 567")
    pdf = render_notice(data, settings)
    sizes = page_sizes(pdf)
    assert len(sizes) >= 2 and all(abs(w - 842) < 1 and abs(h - 595) < 1 for w, h in sizes)
    text = probe.text(pdf)
    assert "THÔNG BÁO XIN LỖI VÀ DANH SÁCH HỒ SƠ GIẢI QUYẾT QUÁ HẠN" in text
    assert "chân thành xin lỗi" in text and "Nguyễn T. H." in text and "Sẽ thông báo" in text
    assert "Tổng số: 30 hồ sơ" in text
    probe.check_layout(pdf)


def test_the_notice_from_the_database_holds_no_id_number_phone_or_address(probe: PdfProbe, officer):
    """Dossiers received with every personal detail; the printed notice shows none of them."""
    from models import workflow
    from models.intake import receive
    from models.notice_board import render_notice_board
    from models.report_period import Period
    from tests.factories import XAC_NHAN_HON_NHAN, request

    people = [("Nguyễn Thị Hằng", "001190012345", "0912345678", "Thôn Đồng Bông, xã Tam Đảo"),
              ("Phạm Quốc Việt", "026085001234", "0987654321", "Số 12 đường Hùng Vương, xã Tam Đảo")]
    received = datetime(2026, 11, 2, 9, 0)
    for name, number, phone, address in people:
        code = receive(request(procedure=XAC_NHAN_HON_NHAN, received_at=received, name=name, id_number=number,
                               phone=phone, address=address), officer, now=received).code
        workflow.extend(code, officer, new_due=datetime(2026, 11, 20, 16, 0),
                        reason=f"Chờ xác minh, gọi {phone}", at=datetime(2026, 11, 6, 8, 0),
                        now=datetime(2026, 11, 6, 8, 0))
    pdf = render_notice_board(Period.month(2026, 11), officer=officer, now=datetime(2026, 12, 2, 9, 0))
    text = probe.text(pdf)
    assert "Nguyễn T. H." in text and "Phạm Q. V." in text
    digits = "".join(ch for ch in text if ch.isdigit())
    for name, number, phone, address in people:
        assert name not in text
        assert number not in text and number not in digits
        assert phone not in text and phone not in digits
        assert address not in text and address.split(",")[0] not in text


def test_fee_list_pdf_and_workbook(probe: PdfProbe, settings: FormSettings):
    from openpyxl import load_workbook

    rows = [FeeListRow(datetime(2026, 11, 16, 9, 40), "H12.22.01-261116-0001", "Chứng thực bản sao",
                       "Nguyễn Thị Hằng", 21_000, "Tiền mặt", "Lê Văn Tâm"),
            FeeListRow(datetime(2026, 11, 16, 10, 5), "H12.22.01-261116-0002", "Cấp bản sao trích lục",
                       "Trần Văn Đức", 16_000, "Chuyển khoản", "Lê Văn Tâm")]
    data = FeeListData("Ngày 16/11/2026", rows, (("Tiền mặt", 21_000), ("Chuyển khoản", 16_000)),
                       (1, 8_000), (1, 50_000), datetime(2026, 11, 16, 17, 0), preparer="Lê Văn Tâm")
    pdf = render_fee_list(data, settings)
    text = probe.text(pdf)
    assert "BẢNG KÊ THU PHÍ, LỆ PHÍ" in text and "Tổng số đã thu: 37.000 đồng (2 hồ sơ)" in text
    assert "– Chuyển khoản: 16.000 đồng" in text and "chưa thu phí, lệ phí: 1 hồ sơ, 8.000 đồng" in text
    probe.check_layout(pdf)
    sheet = load_workbook(io.BytesIO(render_fee_list_xlsx(data, settings))).active
    amounts = [sheet.cell(row, 6).value for row in range(6, 9)]
    assert amounts == [21_000, 16_000, 37_000]  # numbers the accountant can add up
