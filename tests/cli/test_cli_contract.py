"""The command line as an admin or a script uses it: names, options, JSON keys, exit codes."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.cli.conftest import ROOT, intake_json, js
from tests.conftest import TEST_PASSWORD

# The steps below happened in November 2026; entered now, they are backdated records (the
# setup account is a leader too) — with the reason the command line asks for.
PAPER = ("--backdate-reason", "Ghi lại từ sổ theo dõi giấy")


def test_setup_rejects_a_bad_agency_code(cli):
    result = cli("setup", "--agency-code", "h12 22", expect=2)
    assert "Mã định danh cơ quan không hợp lệ" in result.stderr
    assert js(cli("--json", "settings"))["agency_code"] == "H12.22.01"


def test_procedures_and_due_date(cli):
    procedures = js(cli("--json", "procedures"))
    assert len(procedures) >= 25
    first = procedures[0]
    assert {"code", "name", "field", "duration", "documents"} <= set(first)
    assert set(first["duration"]) == {"value", "unit"}
    due = js(cli("--json", "due-date", "--received", "2026-11-16T12:15", "--working-days", "1"))
    assert due["due_at"] == "2026-11-17T11:30:00"
    due = js(cli("--json", "due-date", "--received", "2026-11-16T09:30", "--procedure", "1.004873"))
    assert due["due_at"] == "2026-11-19T09:30:00"
    bad = cli("due-date", "--received", "hôm qua", "--working-days", "1", expect=2)
    assert "không phải là ngày" in bad.stderr
    unreal = cli("due-date", "--received", "31/02/2026 09:00", "--working-days", "1", expect=2)
    assert "không có thật" in unreal.stderr


def test_intake_show_search_list(cli, tmp_path):
    d = js(cli("--json", "intake", "--from-json", "-", stdin=intake_json()))
    assert d["code"] == "H12.22.01-261116-0001"
    assert d["received_at"] == "2026-11-16T09:30:00"
    assert d["due_at"] == "2026-11-19T09:30:00"
    assert d["status"] == 2
    path = tmp_path / "in.json"
    path.write_text(intake_json(name="Đặng Văn Đức", id_number="031085000111"), encoding="utf-8")
    second = js(cli("--json", "intake", "--from-json", str(path)))
    assert second["code"].endswith("-0002")
    assert js(cli("--json", "show", d["code"].lower()))["applicant"]["name"] == "Nguyễn Thị Hằng"
    assert [x["code"] for x in js(cli("--json", "search", "dang", "van", "duc"))] == [second["code"]]
    assert len(js(cli("--json", "list", "--status", "2"))) == 2
    assert js(cli("--json", "list", "--status", "4")) == []
    text = cli("show", d["code"]).stdout
    assert "Hẹn trả:        09:30 19/11/2026" in text


def test_invalid_intake_exits_2_and_writes_nothing(cli):
    result = cli("intake", "--from-json", "-", stdin=intake_json(id_number="12345"), expect=2)
    assert "Số định danh cá nhân phải gồm đúng 12 chữ số" in result.stderr
    assert js(cli("--json", "list")) == []
    result = cli("intake", "--from-json", "-", stdin="{không phải json", expect=2)
    assert "không phải JSON hợp lệ" in result.stderr
    # The next good intake still takes number 0001.
    assert js(cli("--json", "intake", "--from-json", "-", stdin=intake_json()))["code"].endswith("-0001")


def test_workflow_commands(cli):
    code = js(cli("--json", "intake", "--from-json", "-", stdin=intake_json()))["code"]
    missing_reason = cli("forward", code, "--at", "2026-11-16T10:00", expect=2)
    assert "cần lý do ghi lùi (--backdate-reason)" in missing_reason.stderr
    cli("forward", code, "--unit", "Công chức Tư pháp - Hộ tịch", "--at", "2026-11-16T10:00", *PAPER)
    d = js(cli("--json", "supplement", code, "--missing", "Giấy xác nhận cư trú", "Bản sao CCCD",
               "--reason", "Hồ sơ còn thiếu", "--at", "17/11/2026 09:30", *PAPER))
    assert d["status"] == 5
    d = js(cli("--json", "resume", code, "--at", "2026-11-18T09:30", *PAPER))
    assert d["status"] == 4 and d["due_at"] == "2026-11-20T09:30:00"
    d = js(cli("--json", "extend", code, "--new-due", "2026-11-25T16:00", "--reason", "Chờ xác minh",
               "--at", "2026-11-19T09:00", *PAPER))
    assert d["due_at"] == "2026-11-25T16:00:00"
    assert d["due_history"][-1]["signer"] == "admin"  # a leader signs the apology themselves
    assert js(cli("--json", "finish", code, "--at", "2026-11-20T10:00", *PAPER))["status"] == 9
    refused = cli("refuse", code, "--reason", "x", expect=2)
    assert "không thể thực hiện" in refused.stderr
    d = js(cli("--json", "return", code, "--recipient", "Nguyễn Thị Hằng", "--at", "2026-11-20T14:00", *PAPER))
    assert d["status"] == 10 and d["returned_to"] == "Nguyễn Thị Hằng"
    assert [e["action"] for e in d["events"]] == [
        "receive", "forward", "supplement", "resume", "extend", "finish", "return"]
    assert all(e["backdate_reason"] == PAPER[1] and e["recorded_at"] > e["at"] for e in d["events"][1:])
    # Entered after its due moment had passed, the dossier counts late whatever was claimed.
    assert d["late_from"] is not None and d["late"]
    other = js(cli("--json", "intake", "--from-json", "-", stdin=intake_json(received_at=None)))["code"]
    assert js(cli("--json", "refuse", other, "--reason", "Không thuộc thẩm quyền"))["status"] == 3
    third = js(cli("--json", "intake", "--from-json", "-", stdin=intake_json(received_at=None)))["code"]
    assert js(cli("--json", "withdraw", third))["status"] == 7
    assert "Không tìm thấy hồ sơ" in cli("show", "H12.22.01-261116-9999", expect=2).stderr


def test_officers_holidays_catalog_backup(cli, tmp_path):
    cli("officers", "add", "lan", "--full-name", "Trần Thị Lan", "--password", "mat-khau-tot")
    officers = js(cli("--json", "officers", "list"))
    assert [(o["username"], o["roles"]) for o in officers] == [
        ("admin", ["officer", "leader", "admin"]), ("lan", ["officer"])]
    assert "ít nhất 8 ký tự" in cli("officers", "passwd", "lan", "--password", "ngan", expect=2).stderr
    cli("officers", "passwd", "lan", stdin="mat-khau-moi\n")
    secret = tmp_path / "lan.txt"
    secret.write_text("mat-khau-moi\n", encoding="utf-8")
    code = js(cli("--json", "--officer", "lan", "--password-file", str(secret), "intake", "--from-json", "-",
                  stdin=intake_json()))
    assert code["officer"] == "lan" and code["officer_name"] == "Trần Thị Lan"
    # an unknown name answers like a wrong password: the answer does not tell who exists
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in cli("--officer", "khong-co", "intake", "--from-json",
                                                             "-", stdin=intake_json(), expect=2).stderr

    days = js(cli("--json", "holidays", "list", "--year", "2026"))
    swapped = next(d for d in days if d["date"] == "2026-08-22")
    assert swapped["working"] and swapped["source"] == "holidays"
    assert any(d["date"] == "2026-08-31" and not d["working"] for d in days)
    cli("holidays", "add-off", "2026-11-18", "--reason", "Công văn tỉnh: nghỉ tránh bão")
    due = js(cli("--json", "due-date", "--received", "2026-11-17T09:00", "--working-days", "1"))
    assert due["due_at"] == "2026-11-19T09:00:00"
    cli("holidays", "add-working", "2026-11-21", "--reason", "Làm bù")
    assert any(d["date"] == "2026-11-21" and d["working"] and d["source"] == "admin"
               for d in js(cli("--json", "holidays", "list", "--year", "2026")))

    out = tmp_path / "catalog.csv"
    assert js(cli("--json", "catalog", "export", str(out)))["count"] >= 25
    report = js(cli("--json", "catalog", "import", str(out)))
    assert report["added"] == [] and report["updated"] == {} and report["applied"]
    bad = tmp_path / "bad.json"
    bad.write_text('{"procedures": [{"code": "X", "name": "", "duration": {"value": 1, "unit": "năm"}}]}',
                   encoding="utf-8")
    assert "Không nhập thủ tục nào" in cli("catalog", "import", str(bad), expect=2).stderr

    backup = tmp_path / "backup.sqlite3"
    cli("backup", "--out", str(backup))
    assert backup.stat().st_size > 0
    env = {**os.environ, "MOTCUA_DB": str(backup), "MOTCUA_PASSWORD": TEST_PASSWORD}
    copy = subprocess.run([sys.executable, str(ROOT / "main.py"), "--json", "list"], env=env,
                          capture_output=True, text=True, check=True)
    assert len(json.loads(copy.stdout)) == 1


def test_db_option_wins_over_environment(cli, tmp_path):
    other = tmp_path / "other.sqlite3"
    missing = cli("--db", str(other), "--json", "settings", expect=2)  # a look never creates one
    assert "Không tìm thấy cơ sở dữ liệu" in missing.stderr and not other.exists()
    cli("--db", str(other), "setup", "--agency-code", "H12.22.02", "--agency-name", "UBND XÃ ĐẠO TRÙ",
        "--place", "Đạo Trù", "--admin-password", TEST_PASSWORD)
    assert js(cli("--db", str(other), "--json", "settings"))["agency_code"] == "H12.22.02"
    assert js(cli("--json", "settings"))["agency_code"] == "H12.22.01"


def test_usage_errors_are_in_vietnamese(cli):
    result = cli("due-date", expect=2)
    assert "Cách dùng:" in result.stderr and "thiếu tham số bắt buộc: --received" in result.stderr
    assert "không phải số nguyên" in cli("list", "--limit", "x", expect=2).stderr


def test_common_options_also_follow_the_command(cli, tmp_path):
    due = js(cli("due-date", "--received", "2026-11-16T12:15", "--working-days", "1", "--json"))
    assert due["due_at"] == "2026-11-17T11:30:00"
    d = js(cli("intake", "--from-json", "-", "--json", stdin=intake_json()))
    assert d["code"].endswith("-0001")
    assert [o["username"] for o in js(cli("officers", "list", "--json"))] == ["admin"]
    other = tmp_path / "other.sqlite3"
    missing = cli("settings", "--db", str(other), "--json", expect=2)  # a look never creates one
    assert f"Không tìm thấy cơ sở dữ liệu: {other}" in missing.stderr and not other.exists()
    cli("setup", "--agency-code", "H12.22.02", "--agency-name", "UBND XÃ ĐẠO TRÙ", "--place", "Đạo Trù",
        "--admin-password", TEST_PASSWORD, "--db", str(other))
    assert js(cli("settings", "--db", str(other), "--json"))["agency_code"] == "H12.22.02"
