"""`motcua report`: the JSON figures, the late list, the drill-down and the files it writes."""
from __future__ import annotations

import json

import openpyxl
import pytest
from pypdf import PdfReader

import main
from tests.reports.report_scenario import CHUNG_THUC, EXPECTED_OCTOBER, EXPECTED_OCTOBER_TOTAL, HO_TICH


@pytest.fixture
def run(db_path, scenario, capsys, signed_in):
    """Run the command line on the scenario's database; returns (exit code, stdout, stderr)."""
    def run(*argv: str):
        code = main.main(["--db", str(db_path), *argv])
        out, err = capsys.readouterr()
        return code, out, err
    return run


def _figures(data: dict) -> dict:
    return {k: data[k] for k in ("received", "resolved", "in_progress", "on_time_rate", "progress_rate")}


def test_json_report_from_to(run):
    code, out, _ = run("--json", "report", "--from", "2026-10-01", "--to", "2026-10-31")
    assert code == 0
    data = json.loads(out)
    assert _figures(data["total"]) == EXPECTED_OCTOBER_TOTAL
    assert [(r["key"], r["name"]) for r in data["rows"]] == [(CHUNG_THUC, CHUNG_THUC), (HO_TICH, HO_TICH)]
    for row in data["rows"]:
        assert _figures(row) == EXPECTED_OCTOBER[row["key"]]


def test_period_shortcut_and_json_after_the_command(run):
    code, out, _ = run("report", "--period", "month:2026-10", "--by", "procedure", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["period"] == {"from": "2026-10-01", "to": "2026-10-31", "kind": "month",
                              "label": "Tháng 10 năm 2026"}
    assert [r["key"] for r in data["rows"]] == ["2.001035", "1.001193", "1.004873"]
    assert data["rows"][2]["field"] == HO_TICH
    assert _figures(data["total"]) == EXPECTED_OCTOBER_TOTAL


def test_text_report_for_the_terminal(run):
    code, out, _ = run("report", "--period", "month:2026-10")
    assert code == 0
    assert "Tháng 10 năm 2026 (từ ngày 01/10/2026 đến ngày 31/10/2026)" in out
    assert "tính đến hết ngày 31/10/2026" in out
    total = next(line for line in out.splitlines() if line.startswith("Tổng cộng"))
    assert total.split("│")[1].split() == ["18", "2", "14", "2"]
    assert total.split("│")[-1].strip() == "35,71%"


def test_late_list(run, scenario):
    code, out, _ = run("--json", "report", "--period", "month:2026-10", "--late")
    assert code == 0
    data = json.loads(out)
    assert data["count"] == 11
    assert [(d["code"], d["days_late"]) for d in data["late"]][:5] == [
        (scenario["G"], 30), (scenario["R"], 4), (scenario["P"], 2), (scenario["K"], 2), (scenario["N"], 2)]
    assert data["late"][0]["checked_on"] == "2026-10-31" and data["late"][0]["late"] is True
    code, out, _ = run("report", "--period", "month:2026-10", "--late", "--key", HO_TICH)
    assert "8 hồ sơ" in out.splitlines()[0]
    assert f"{scenario['F']}" in out and "quá hạn 1 ngày (1 ngày làm việc)" in out
    p_line = next(line for line in out.splitlines() if line.startswith(scenario["P"]))
    assert "hẹn 16:00 09/10/2026" in p_line and "tính quá hạn từ 09:00 06/10/2026" in p_line
    b_line = next(line for line in out.splitlines() if line.startswith(scenario["B"]))
    assert "xét lúc 16:00 08/10/2026" in b_line and "quá hạn trong ngày" in b_line


def test_drill_down_lists_the_dossiers_behind_a_figure(run, scenario):
    code, out, _ = run("--json", "report", "--period", "month:2026-10", "--figure",
                       "in_progress.within_time", "--key", HO_TICH)
    assert code == 0
    data = json.loads(out)
    assert [d["code"] for d in data["dossiers"]] == [scenario["E"]]
    assert data["dossiers"][0]["stage"] == "in_progress"


def test_files_are_written(run, tmp_path):
    pdf, xlsx = tmp_path / "bieu06.pdf", tmp_path / "bieu06.xlsx"
    code, out, _ = run("report", "--period", "month:2026-10", "--pdf", str(pdf), "--xlsx", str(xlsx),
                       "--receiver", "UBND tỉnh Phú Thọ")
    assert code == 0
    assert f"Đã ghi Biểu 06 (PDF): {pdf}" in out and f"Đã ghi Biểu 06 (Excel): {xlsx}" in out
    text = "".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    assert "Đơn vị nhận báo cáo: UBND tỉnh Phú Thọ" in " ".join(text.split())
    sheet = openpyxl.load_workbook(xlsx).active
    total_row = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "Tổng cộng")
    assert total_row[2:13] == (18, 2, 14, 2, 14, 3, 2, 9, 4, 2, 2)


@pytest.mark.parametrize("argv, message", [
    (["report"], "Cần --from và --to"),
    (["report", "--from", "2026-10-01"], "Cần --from và --to"),
    (["report", "--period", "month:2026-10", "--from", "2026-10-01"], "không dùng cả hai"),
    (["report", "--period", "quý 4"], "quarter:2026-Q4"),
    (["report", "--from", "2026-10-31", "--to", "2026-10-01"], "không được trước ngày bắt đầu"),
    (["report", "--period", "month:2026-10", "--late", "--key", "Thuế"], "Không có lĩnh vực “Thuế”"),
    (["report", "--period", "month:2026-10", "--key", HO_TICH], "--key chỉ dùng cùng"),
])
def test_bad_options_exit_2_with_a_vietnamese_message(run, argv, message):
    code, out, err = run(*argv)
    assert code == 2
    assert message in err and out == ""
