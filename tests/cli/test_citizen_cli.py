"""The command-line contract of the citizen's side: fee_basis at intake, "fee" in show --json,
paid --method (and paid as it was), setup --vietqr-*, rate, "satisfaction" in report --json,
notice, fees, receipt --paper 80mm."""
from __future__ import annotations

import io
import json

from tests.cli.conftest import js

APPLICANT = {"name": "Nguyễn Thị Hằng", "id_number": "001190012345", "phone": "0912345678",
             "address": "Thôn Đồng Bông, xã Tam Đảo"}


def intake(cli, procedure="2.000815", **extra) -> dict:
    data = {"procedure": procedure, "applicant": APPLICANT, **extra}
    return js(cli("intake", "--from-json", "-", "--json", stdin=json.dumps(data, ensure_ascii=False)))


def test_fee_from_intake_to_payment(cli, tmp_path):
    cli("setup", "--vietqr-bank", "970415", "--vietqr-account", "0011001932418", "--vietqr-name", "UBND XA TAM DAO")
    code = intake(cli, fee_basis={"pages": 5, "copies": 3})["code"]
    fee = js(cli("show", code, "--json"))["fee"]
    assert fee["amount"] == 21_000 and fee["basis"]["pages"] == 5 and fee["paid"] is False

    # paid without --method keeps its old meaning (status 6 → 4) and says how to record a fee.
    refused = cli("paid", code, expect=2)
    assert "paid " + code + " --method cash|transfer" in refused.stderr

    shown = js(cli("paid", code, "--method", "cash", "--json"))
    assert shown["fee"]["paid"] is True and shown["fee"]["method"] == "cash" and shown["status"] == 2
    again = cli("paid", code, "--method", "transfer", expect=2)
    assert "đã thu lúc" in again.stderr

    slip = cli("receipt", code, "--paper", "80mm", "--out", "slip.pdf", "--json")
    from pypdf import PdfReader

    width = float(PdfReader(tmp_path / js(slip)["path"]).pages[0].mediabox.width)
    assert abs(width - 80 * 72 / 25.4) < 0.5


def test_a_missing_page_count_is_refused_with_status_2(cli):
    result = cli("intake", "--from-json", "-", stdin=json.dumps(
        {"procedure": "2.000815", "applicant": APPLICANT, "fee_basis": {"copies": 2}}), expect=2)
    assert "số trang" in result.stderr
    assert js(cli("list", "--json")) == []


def test_paid_still_meets_a_financial_obligation_and_with_method_records_both(cli):
    code = intake(cli, procedure="2.000635", fee_basis={"copies": 2})["code"]
    cli("request-payment", code, "--note", "Nộp lệ phí trước bạ")
    view = js(cli("paid", code, "--method", "transfer", "--json"))
    assert view["status"] == 4 and view["fee"]["paid"] and view["fee"]["method"] == "transfer"
    other = intake(cli, procedure="1.004873")["code"]
    cli("request-payment", other, "--note", "Nộp phí")
    assert js(cli("paid", other, "--json"))["status"] == 4  # the old use, unchanged


def test_setup_refuses_a_bad_account_and_changes_nothing(cli):
    result = cli("setup", "--vietqr-bank", "12", "--vietqr-account", "0011001932418", "--vietqr-name", "X",
                 "--place", "Nơi khác", expect=2)
    assert "BIN" in result.stderr
    settings = js(cli("settings", "--json"))
    assert settings["place"] == "Tam Đảo" and settings["citizen"]["vietqr_account"] == ""


def test_rate_and_report_satisfaction(cli):
    first = intake(cli, procedure="1.004873")["code"]
    second = js(cli("intake", "--from-json", "-", "--json", stdin=json.dumps(
        {"procedure": "1.004873", "applicant": {**APPLICANT, "id_number": "001190054321"}})))["code"]
    rating = js(cli("rate", first, "--level", "1", "--comment", "Rất nhanh", "--json"))
    assert rating["level_name"] == "Rất hài lòng" and rating["stage"] == "intake"
    cli("rate", second, "--level", "3")
    bad = cli("rate", second, "--level", "9", expect=2)
    assert "Mức đánh giá phải từ 1 đến 3" in bad.stderr
    day = rating["at"][:10]
    report = js(cli("report", "--period", f"day:{day}", "--json"))
    satisfaction = report["satisfaction"]
    assert satisfaction["ratings"] == 2 and satisfaction["satisfied"] == 1
    assert satisfaction["satisfied_rate"] == 0.5
    assert [(x["name"], x["count"]) for x in satisfaction["levels"]] == [
        ("Rất hài lòng", 1), ("Hài lòng", 0), ("Không hài lòng", 1)]
    assert "Mức độ hài lòng: 2 lượt đánh giá" in cli("report", "--period", f"day:{day}").stdout


def test_notice_and_fee_list_files(cli, tmp_path):
    code = intake(cli, fee_basis={"pages": 1})["code"]
    cli("paid", code, "--method", "cash")
    day = js(cli("show", code, "--json"))["received_at"][:10]
    notice = js(cli("notice", "--period", f"month:{day[:7]}", "--out", "niem-yet.pdf", "--json"))
    assert notice["count"] == 0 and (tmp_path / "niem-yet.pdf").read_bytes().startswith(b"%PDF")
    fees = js(cli("fees", "--period", f"day:{day}", "--pdf", "bang-ke.pdf", "--xlsx", "bang-ke.xlsx", "--json"))
    assert fees["total"] == 2_000 and fees["by_method"] == {"Tiền mặt": 2_000, "Chuyển khoản": 0}
    assert [(p["code"], p["officer"]) for p in fees["payments"]] == [(code, "Quản trị hệ thống")]
    from openpyxl import load_workbook

    assert load_workbook(io.BytesIO((tmp_path / "bang-ke.xlsx").read_bytes())).active.cell(6, 3).value == code
