"""Biểu 06 as PDF: what a reader sees on the page (text read back with pypdf)."""
from __future__ import annotations

import io
from datetime import date, datetime

from pypdf import PdfReader

from models.forms import form_settings
from models.report_documents import period_report_pdf
from models.report_period import Period
from models.reports import period_report
from models.settings import load_settings
from printing.period_report import render_period_report
from printing.period_report_data import PeriodReportData, ReportLine

ISSUED = datetime(2026, 11, 2, 9)


def _pages(pdf: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def test_october_report_reads_as_the_form(officer, scenario):
    report = period_report(Period.quarter(2026, 4), now=datetime(2026, 10, 31, 23), officer=officer)
    pdf = period_report_pdf(report, issued_at=ISSUED, preparer_name="Trần Thị Bình",
                            receiving_unit="UBND tỉnh Phú Thọ")
    reader = PdfReader(io.BytesIO(pdf))
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape
    text = _pages(pdf)[0]
    for expected in (
        "Biểu số 06/VPCP/KSTT", "Thông tư số 01/2020/TT-VPCP",
        "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
        "Quý IV năm 2026",
        "Kỳ báo cáo: từ ngày 01 tháng 10 năm 2026 đến ngày 31 tháng 12 năm 2026",
        "(Số liệu tính đến 23 giờ 00 phút, ngày 31/10/2026)",
        "Đơn vị báo cáo: Trung tâm Phục vụ hành chính công xã Tam Đảo",
        "Đơn vị nhận báo cáo: UBND tỉnh Phú Thọ",
        "Số hồ sơ nhận giải quyết", "Trực tuyến", "Trực tiếp, dịch vụ bưu chính", "Từ kỳ trước",
        "Số hồ sơ đã giải quyết", "Trước hạn", "Đúng hạn", "Quá hạn",
        "Số hồ sơ đang giải quyết", "Trong hạn", "Tỷ lệ đúng hạn",
        "Tam Đảo, ngày 02 tháng 11 năm 2026", "NGƯỜI LẬP BIỂU", "Trần Thị Bình", "GIÁM ĐỐC",
    ):
        assert expected in text, expected
    # rows: STT, name, the eleven counts, the rate — then the totals
    assert "1 Chứng thực 5 1 3 1 2 1 0 1 3 1 2 50,00%" in text
    assert "2 Hộ tịch 13 1 11 1 12 2 2 8 1 1 0 33,33%" in text
    assert "Tổng cộng 18 2 14 2 14 3 2 9 4 2 2 35,71%" in text
    assert "so sánh thời điểm kết thúc (giờ, phút) với thời điểm hẹn trả" in text


def _line(name: str, n: int, rate: float | None) -> ReportLine:
    return ReportLine(name, n, 0, n, 0, 0, 0, 0, 0, n, n, 0, rate)


def test_a_long_report_repeats_the_headings_and_numbers_pages(counter):
    lines = [_line(f"Thủ tục số {i}", i, None) for i in range(1, 61)]
    data = PeriodReportData(date(2026, 1, 1), date(2026, 12, 31), lines, _line("Tổng cộng", 1830, None),
                            issued_at=ISSUED, name_heading="Thủ tục hành chính", period_label="Năm 2026")
    pages = _pages(render_period_report(data, form_settings(load_settings())))
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert "Số hồ sơ đang giải quyết" in page
        assert f"Trang {number}/{len(pages)}" in page
    assert "Tổng cộng 1830 0 1830 0 0 0 0 0 1830 1830 0 –" in pages[-1]


def test_an_empty_period_says_so(officer, counter):
    pdf = period_report_pdf(period_report(Period.month(2026, 10), officer=officer), issued_at=ISSUED)
    text = _pages(pdf)[0]
    assert "Số liệu tính đến" not in text  # October is over
    assert "Không có hồ sơ nào trong kỳ báo cáo." in text
    assert "Tổng cộng 0 0 0 0 0 0 0 0 0 0 0 –" in text
