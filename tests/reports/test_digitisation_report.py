"""QĐ 766 group 4 (số hóa) figures of a hand-built period, in `report --json`, the PDF and the
workbook, and the list of dossiers not digitised."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from models import attachments as att
from models.db import close_database
from models.digitisation import digitisation_report
from models.report_documents import period_report_pdf, period_report_xlsx
from models.report_period import Period
from models.reports import period_report
from tests.conftest import TEST_PASSWORD
from tests.scans import jpeg_bytes
from tests.sync.sync_fixtures import DAY, act, at, intake

ROOT = Path(__file__).resolve().parents[2]
TWO_PAPERS = [{"name": "Tờ khai", "originals": 1, "copies": 0},
              {"name": "Căn cước công dân", "originals": 0, "copies": 1}]


def _period_with_copies(officer, tmp_path):
    """Hộ tịch: A fully digitised (one paper reused from X, received the day before), B half,
    C with no copy; A finished with an electronic result, B finished without. Chứng thực: D
    fully digitised. X (the day before) is outside the period."""
    scan = tmp_path / "scan.jpg"
    scan.write_bytes(jpeg_bytes(1))
    other = tmp_path / "other.jpg"
    other.write_bytes(jpeg_bytes(2))
    x = intake(officer, at(DAY.replace(day=1), 9), documents=TWO_PAPERS).code
    old = att.attach(x, [scan], officer, paper=2, now=at(DAY.replace(day=1), 9, 5))
    a = intake(officer, at(DAY, 8), documents=TWO_PAPERS).code
    att.attach(a, [other], officer, paper=1, now=at(DAY, 8, 5))
    att.attach(a, None, officer, paper=2, reuse=old.sha256, now=at(DAY, 8, 6))
    b = intake(officer, at(DAY, 9), documents=TWO_PAPERS, procedure="1.004873").code
    att.attach(b, [other], officer, paper=1, now=at(DAY, 9, 5))
    c = intake(officer, at(DAY, 10), documents=TWO_PAPERS, name="Lê Văn Tám", number="001090054321").code
    d = intake(officer, at(DAY, 11), procedure="2.001035", documents=TWO_PAPERS[:1],
               name="Trần Thị Mai", number="001190099999").code
    att.attach(d, [scan], officer, paper=1, now=at(DAY, 11, 5))
    act("finish", a, officer, at(DAY, 14))
    att.attach(a, [scan, other], officer, result=True, now=at(DAY, 14, 5))
    act("finish", b, officer, at(DAY, 15))
    return a, b, c, d


def test_the_figures_of_a_hand_built_period(officer, tmp_path):
    a, b, c, d = _period_with_copies(officer, tmp_path)
    report = digitisation_report(Period.day(DAY))
    total = report.total.to_dict()
    assert {k: total[k] for k in ("received", "received_digitised", "finished", "finished_electronic_result",
                                  "papers", "papers_digitised", "papers_reused")} == {
        "received": 4, "received_digitised": 2, "finished": 2, "finished_electronic_result": 1,
        "papers": 7, "papers_digitised": 4, "papers_reused": 1}
    assert (total["rate_4_1"], total["rate_4_2"], total["rate_4_3"]) == (0.5, 0.5, 0.25)
    assert total["full_marks_4_2"] is False
    rows = {name: f.to_dict() for name, f in report.rows}
    assert rows["Hộ tịch"]["received"] == 3 and rows["Hộ tịch"]["received_digitised"] == 1
    assert rows["Chứng thực"]["rate_4_2"] == 1.0
    assert [(n.code, n.missing) for n in report.not_digitised] == [
        (b, ("2. Căn cước công dân",)), (c, ("1. Tờ khai", "2. Căn cước công dân"))]

    # Replacing a copy keeps the figures: the current copy counts, once.
    att.attach(d, [tmp_path / "other.jpg"], officer, paper=1, now=at(DAY, 16))
    assert digitisation_report(Period.day(DAY)).total.received_digitised == 2

    pdf = period_report_pdf(period_report(Period.day(DAY), officer=officer), digitisation=report)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "SỐ HÓA HỒ SƠ" in text and "Tỷ lệ (4.2)" in text and "50,00%" in text
    book = load_workbook(io.BytesIO(period_report_xlsx(period_report(Period.day(DAY), officer=officer), digitisation=report)))
    sheet = book["Số hóa"]
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=5, max_row=7)]
    assert values[-1][1:11] == ["Tổng cộng", 2, 1, 0.5, 4, 2, 0.5, 4, 1, 0.25]


def test_report_json_carries_digitisation_and_the_list(officer, db_path, tmp_path):
    a, b, c, d = _period_with_copies(officer, tmp_path)
    close_database()
    env = {**os.environ, "MOTCUA_DB": str(db_path), "MOTCUA_PASSWORD": TEST_PASSWORD}

    def run(*args):
        done = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                              text=True, env=env)
        assert done.returncode == 0, done.stderr
        return done.stdout

    data = json.loads(run("report", "--period", f"day:{DAY.isoformat()}", "--json"))
    assert data["digitisation"]["total"]["rate_4_2"] == 0.5
    assert {r["name"] for r in data["digitisation"]["rows"]} == {"Hộ tịch", "Chứng thực"}
    listed = json.loads(run("report", "--period", f"day:{DAY.isoformat()}", "--not-digitised", "--json"))
    assert [x["code"] for x in listed] == [b, c]
    assert "4.2 Số hóa thành phần hồ sơ: 2/4" in run("report", "--period", f"day:{DAY.isoformat()}")
