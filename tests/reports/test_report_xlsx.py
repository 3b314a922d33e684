"""Biểu 06 as an .xlsx workbook, read back with openpyxl: headings, merges, figures, totals."""
from __future__ import annotations

import io
from datetime import datetime

import openpyxl

from models.report_documents import period_report_xlsx
from models.report_period import Period
from models.reports import period_report
from printing.period_report_xlsx import FIRST_DATA_ROW, HEADING_ROW, NUMBERS_ROW


def _sheet(scenario_report, **options):
    data = period_report_xlsx(scenario_report, issued_at=datetime(2026, 11, 2, 9), **options)
    return openpyxl.load_workbook(io.BytesIO(data)).active


def test_the_workbook_has_the_forms_headings_and_merges(officer, scenario):
    ws = _sheet(period_report(Period.month(2026, 10), officer=officer))
    assert ws.title == "Biểu 06"
    assert ws["A1"].value == "Biểu số 06/VPCP/KSTT"
    assert ws["D2"].value == "Tháng 10 năm 2026"
    assert ws["D3"].value == "Kỳ báo cáo: từ ngày 01 tháng 10 năm 2026 đến ngày 31 tháng 10 năm 2026"
    r = HEADING_ROW
    merged = {str(m) for m in ws.merged_cells.ranges}
    assert {f"A{r}:A{r + 2}", f"B{r}:B{r + 2}", f"C{r}:F{r}", f"G{r}:J{r}", f"K{r}:M{r}",
            f"N{r}:N{r + 2}", f"C{r + 1}:C{r + 2}", f"D{r + 1}:E{r + 1}", f"F{r + 1}:F{r + 2}"} <= merged
    assert [ws.cell(r, c).value for c in (1, 2, 3, 7, 11, 14)] == [
        "STT", "Lĩnh vực", "Số hồ sơ nhận giải quyết", "Số hồ sơ đã giải quyết",
        "Số hồ sơ đang giải quyết", "Tỷ lệ đúng hạn"]
    assert [ws.cell(r + 1, c).value for c in range(3, 14)] == [
        "Tổng số", "Trong kỳ", None, "Từ kỳ trước", "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn",
        "Tổng số", "Trong hạn", "Quá hạn"]
    assert [ws.cell(r + 2, c).value for c in (4, 5)] == ["Trực tuyến", "Trực tiếp, dịch vụ bưu chính"]
    assert [ws.cell(NUMBERS_ROW, c).value for c in (1, 14)] == ["(1)", "(14)"]
    assert ws.page_setup.orientation == "landscape"
    assert ws.print_title_rows == f"${HEADING_ROW}:${NUMBERS_ROW}"


def test_the_workbook_carries_the_figures_as_numbers(officer, scenario):
    ws = _sheet(period_report(Period.month(2026, 10), officer=officer))
    rows = list(ws.iter_rows(min_row=FIRST_DATA_ROW, max_row=FIRST_DATA_ROW + 2, values_only=True))
    assert rows[0] == (1, "Chứng thực", 5, 1, 3, 1, 2, 1, 0, 1, 3, 1, 2, 0.5)
    assert rows[1][:13] == (2, "Hộ tịch", 13, 1, 11, 1, 12, 2, 2, 8, 1, 1, 0)
    assert abs(rows[1][13] - 4 / 12) < 1e-9
    assert rows[2][:13] == ("Tổng cộng", None, 18, 2, 14, 2, 14, 3, 2, 9, 4, 2, 2)
    assert abs(rows[2][13] - 5 / 14) < 1e-9
    assert f"A{FIRST_DATA_ROW + 2}:B{FIRST_DATA_ROW + 2}" in {str(m) for m in ws.merged_cells.ranges}
    assert ws.cell(FIRST_DATA_ROW, 14).number_format == "0.00%"
    values = [c for row in ws.iter_rows(values_only=True) for c in row if c]
    assert "Tam Đảo, ngày 02 tháng 11 năm 2026" in values and "GIÁM ĐỐC" in values


def test_by_procedure_names_each_procedure_with_its_code(officer, scenario):
    ws = _sheet(period_report(Period.month(2026, 10), by="procedure", officer=officer))
    assert ws.cell(HEADING_ROW, 2).value == "Thủ tục hành chính"
    names = [ws.cell(FIRST_DATA_ROW + i, 2).value for i in range(3)]
    assert names[1] == "Thủ tục đăng ký khai sinh (1.001193)"
    assert ws.cell(FIRST_DATA_ROW + 1, 14).value == 0.5  # L on time, S refused after its due moment


def test_no_resolved_dossier_leaves_the_rate_empty(officer, counter):
    ws = _sheet(period_report(Period.month(2026, 10), officer=officer))
    assert ws.cell(FIRST_DATA_ROW, 1).value == "Tổng cộng"
    assert ws.cell(FIRST_DATA_ROW, 14).value is None


def test_a_period_not_over_says_when_its_figures_were_taken(officer, scenario):
    ws = _sheet(period_report(Period.quarter(2026, 4), now=datetime(2026, 10, 31, 16, 45), officer=officer))
    assert ws["D2"].value == "Quý IV năm 2026"
    assert ws["D4"].value == "(Số liệu tính đến 16 giờ 45 phút, ngày 31/10/2026)"
