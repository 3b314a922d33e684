"""Printing from the command line: forms to PDF files, and a failed print that loses nothing."""
from __future__ import annotations

from pypdf import PdfReader

from tests.cli.conftest import intake_json, js


def text_of(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_forms_to_files(cli, tmp_path):
    code = js(cli("--json", "intake", "--from-json", "-", stdin=intake_json()))["code"]
    cli("extend", code, "--new-due", "2026-11-26T10:00", "--reason", "Chờ xác minh nơi cư trú",
        "--at", "2026-11-18T09:00")
    out = js(cli("--json", "receipt", code, "--out", str(tmp_path / "r.pdf")))
    assert out["bytes"] > 0
    text = text_of(tmp_path / "r.pdf")
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text and code in text
    assert "10 giờ 00 phút, ngày 26 tháng 11 năm 2026" in text  # the current appointment
    cli("form", "apology", code, "--out", str(tmp_path / "a.pdf"))
    apology = text_of(tmp_path / "a.pdf")
    assert "Chờ xác minh nơi cư trú" in apology
    missing = cli("form", "refusal", code, "--out", str(tmp_path / "x.pdf"), expect=2)
    assert "Từ chối tiếp nhận" in missing.stderr and not (tmp_path / "x.pdf").exists()
    cli("register", "--from", "2026-11-01", "--to", "2026-11-30", "--out", str(tmp_path / "s.pdf"))
    assert code in text_of(tmp_path / "s.pdf").replace("\n", "")


def test_printing_to_a_missing_printer_keeps_the_dossier(cli):
    code = js(cli("--json", "intake", "--from-json", "-", stdin=intake_json()))["code"]
    result = cli("print", code, "--printer", "Máy in không có", expect=2)
    assert "Không tìm thấy máy in" in result.stderr and "vẫn được lưu" in result.stderr
    shown = js(cli("--json", "show", code))
    assert shown["status"] == 2 and shown["receipt_printed"] is False


def test_print_commands_need_no_display(cli, tmp_path):
    """Over SSH or from a scheduled task there is no X server: Qt's offscreen platform is used
    instead of the xcb plugin, which would abort the process."""
    import json
    import os
    import subprocess
    import sys

    from tests.cli.conftest import ROOT
    from tests.conftest import TEST_PASSWORD

    code = js(cli("--json", "intake", "--from-json", "-", stdin=intake_json()))["code"]
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(MOTCUA_DB=str(tmp_path / "cli.sqlite3"), MOTCUA_PASSWORD=TEST_PASSWORD)
    listed = subprocess.run([sys.executable, str(ROOT / "main.py"), "--json", "printers"], env=env,
                            capture_output=True, text=True)
    assert listed.returncode == 0, listed.stderr
    assert isinstance(json.loads(listed.stdout), list)
    missing = subprocess.run([sys.executable, str(ROOT / "main.py"), "print", code, "--printer", "Không có"],
                             env=env, capture_output=True, text=True)
    assert missing.returncode == 2 and "Không tìm thấy máy in" in missing.stderr  # not a Qt abort
