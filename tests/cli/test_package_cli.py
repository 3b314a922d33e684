"""Province packages on the command line, as the province's operator and the commune's officer
type them; the New Year 2026 appointments through `due-date`."""
from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import js

AGENCY = "H12.22.01"  # the cli fixture's agency


def _online(code: str, **applicant) -> dict:
    return {"code": code, "submitted_at": "2026-03-02T08:15:00", "procedure": "1.004873",
            "applicant": {"name": "Lê Thị Mai", "id_number": "001190054321", "phone": "0987654321",
                          "address": "Thôn Hợp Châu, xã Tam Đảo", **applicant}}


def _keys(cli, tmp_path):
    province = tmp_path / "tinh"
    cli("sync-key", "province-new", "--out", str(province))
    cli("sync-key", "set-province", str(province / "province-public-key.json"))
    cli("sync-key", "export", "--out", str(province / "xa.json"))
    return ["--key", str(province / "province-private-key.json"), "--counter-key", str(province / "xa.json"),
            "--out", str(tmp_path / "usb")]


def test_new_year_2026_appointments(cli):
    first = js(cli("--json", "due-date", "--received", "31/12/2025 09:00", "--working-days", "1"))
    assert first["due_at"] == "2026-01-05T09:00:00"
    second = js(cli("--json", "due-date", "--received", "09/01/2026 14:00", "--working-days", "1"))
    assert second["due_at"] == "2026-01-10T14:00:00"
    days = {d["date"]: d for d in js(cli("--json", "holidays", "list", "--year", "2026"))}
    assert days["2026-01-02"]["source"] == "official" and days["2026-11-24"]["working"]


def test_a_calendar_package_from_the_province_to_the_counter(cli, tmp_path):
    keys = _keys(cli, tmp_path)
    calendar = tmp_path / "lich.json"
    calendar.write_text(json.dumps({"year": 2026, "days_off": [{"date": "2026-03-06", "reason": "Nghỉ do bão"}],
                                    "working_days": [], "source": "Công văn 15/UBND-VX"}, ensure_ascii=False),
                        encoding="utf-8")
    made = js(cli("--json", "make-package", "--agency", AGENCY, *keys, "--calendar", str(calendar)))
    assert made["sequence"] == 1 and made["path"].endswith(".zip")
    assert f"motcua-province_{AGENCY}_" in made["path"]

    applied = cli("apply-package", made["path"])
    assert "Gói số 1 của tỉnh" in applied.stdout and "đã áp dụng." in applied.stdout
    assert "06/03/2026: ngày nghỉ – Nghỉ do bão" in applied.stdout
    again = cli("apply-package", str(tmp_path / "usb"))  # the folder on the stick: the same package
    assert "đã được áp dụng lúc" in again.stdout

    days = {d["date"]: d for d in js(cli("--json", "holidays", "list", "--year", "2026"))}
    assert days["2026-03-06"]["source"] == "province" and days["2026-03-06"]["basis"] == "Công văn 15/UBND-VX"
    listed = cli("holidays", "list", "--year", "2026").stdout
    assert "06/03/2026  nghỉ      Nghỉ do bão [gói của tỉnh số 1, Công văn 15/UBND-VX]" in listed
    assert "10/01/2026  làm việc  Làm việc bù cho thứ Sáu 02/01/2026" in listed
    status = js(cli("--json", "package-status"))
    assert [p["sequence"] for p in status["packages"]] == [1]


def test_a_tampered_package_is_refused_on_the_command_line(cli, tmp_path):
    keys = _keys(cli, tmp_path)
    calendar = tmp_path / "lich.json"
    calendar.write_text(json.dumps({"year": 2026, "days_off": [], "working_days": [], "source": "CV"}),
                        encoding="utf-8")
    path = js(cli("--json", "make-package", "--agency", AGENCY, *keys, "--calendar", str(calendar)))["path"]
    data = bytearray(Path(path).read_bytes())
    data[60] ^= 0xFF
    Path(path).write_bytes(bytes(data))
    refused = cli("apply-package", path, expect=1)
    assert "KHÔNG áp dụng" in refused.stdout


def test_online_dossiers_are_accepted_and_found_by_either_code(cli, tmp_path):
    keys = _keys(cli, tmp_path)
    online = tmp_path / "tt.json"
    online.write_text(json.dumps({"online": [_online(f"{AGENCY}-260302-0042"),
                                             _online("G22.39-260302-0001", name="Phạm Văn Nam",
                                                     id_number="001090011111")]}, ensure_ascii=False),
                      encoding="utf-8")
    path = js(cli("--json", "make-package", "--agency", AGENCY, *keys, "--online", str(online)))["path"]
    applied = js(cli("--json", "apply-package", path))["packages"][0]
    codes = {r["portal_code"]: r["code"] for r in applied["online"]["registered"]}
    own = codes[f"{AGENCY}-260302-0042"]
    assert own != f"{AGENCY}-260302-0042" and codes["G22.39-260302-0001"] == "G22.39-260302-0001"

    queue = js(cli("--json", "list", "--status", "1"))
    assert {d["portal_code"] for d in queue} == {f"{AGENCY}-260302-0042", "G22.39-260302-0001"}
    assert all(d["due_at"] is None and d["allowed_actions"] == ["refuse", "accept"] for d in queue)
    shown = cli("show", f"{AGENCY}-260302-0042")
    assert f"Mã hồ sơ:       {own}" in shown.stdout and "chờ kiểm tra và tiếp nhận" in shown.stdout

    accepted = js(cli("--json", "accept", f"{AGENCY}-260302-0042"))
    assert accepted["code"] == own and accepted["status"] == 2 and accepted["channel"] == 2
    assert accepted["portal_code"] == f"{AGENCY}-260302-0042"
    assert [d["code"] for d in js(cli("--json", "search", f"{AGENCY}-260302-0042"))] == [own]
    assert js(cli("--json", "show", own))["register_number"] == 1
    refused = cli("accept", own, expect=2)
    assert "không phải hồ sơ trực tuyến chờ tiếp nhận" in refused.stderr

    refusal = js(cli("--json", "refuse", "G22.39-260302-0001", "--reason", "Hồ sơ tải lên thiếu tờ khai"))
    assert refusal["status"] == 3
    cli("form", "refusal", "G22.39-260302-0001", "--out", str(tmp_path / "tu-choi.pdf"))
    assert (tmp_path / "tu-choi.pdf").read_bytes().startswith(b"%PDF")


def test_make_package_says_what_is_wrong(cli, tmp_path):
    keys = _keys(cli, tmp_path)
    empty = cli("make-package", "--agency", AGENCY, *keys, expect=2)
    assert "Gói không có nội dung" in empty.stderr
    other = cli("make-package", "--agency", "000.00.99.H12", *keys, "--calendar", "x.json", expect=2)
    assert "là của cơ quan H12.22.01, không phải 000.00.99.H12" in other.stderr
    catalog = tmp_path / "dm.json"
    catalog.write_text(json.dumps({"procedures": [{"code": "1.004873", "name": "X",
                                                    "duration": {"value": 3, "unit": "working_days"}}]}),
                       encoding="utf-8")
    missing = cli("make-package", "--agency", AGENCY, *keys, "--catalog", str(catalog), expect=2)
    assert "thiếu “decision”" in missing.stderr and "Ngày có hiệu lực" in missing.stderr
