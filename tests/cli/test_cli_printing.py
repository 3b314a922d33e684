"""Printing from the command line: forms to PDF files, and a failed print that loses nothing."""
from __future__ import annotations

from pypdf import PdfReader

from tests.cli.conftest import intake_json, js


def text_of(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_forms_to_files(cli, tmp_path):
    code = js(cli("--json", "intake", "--from-json", "-", stdin=intake_json()))["code"]
    # a new appointment recorded now (after the due moment 19/11 09:30), dated from the paper
    cli("extend", code, "--new-due", "2026-11-26T10:00", "--reason", "Chờ xác minh nơi cư trú",
        "--at", "2026-11-18T09:00", "--backdate-reason", "Phiếu giấy đã ký ngày 18/11")
    out = js(cli("--json", "receipt", code, "--out", str(tmp_path / "r.pdf")))
    assert out["bytes"] > 0
    text = text_of(tmp_path / "r.pdf")
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text and code in text
    # A reprint shows the appointment given at reception, on both copies (Liên 1 and Liên 2),
    # as the citizen's copy does; the new appointment is on the apology.
    assert text.count("09 giờ 30 phút, ngày 19 tháng 11 năm 2026") == 2
    assert "26 tháng 11" not in text
    assert "Đăng ký nhận kết quả tại: Bộ phận Một cửa" in text
    cli("form", "apology", code, "--out", str(tmp_path / "a.pdf"))
    apology = " ".join(text_of(tmp_path / "a.pdf").split())
    assert "PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT" in apology
    assert "Chờ xác minh nơi cư trú" in apology
    assert "Thời gian hẹn trả kết quả giải quyết hồ sơ: 09 giờ 30 phút, ngày 19 tháng 11 năm 2026" in apology
    assert "vào 10 giờ 00 phút, ngày 26 tháng 11 năm 2026" in apology
    assert "Quản trị hệ thống" in apology  # the leader who recorded it signs
    missing = cli("form", "refusal", code, "--out", str(tmp_path / "x.pdf"), expect=2)
    assert "Từ chối tiếp nhận" in missing.stderr and not (tmp_path / "x.pdf").exists()
    cli("form", "control", code, "--out", str(tmp_path / "c.pdf"))
    control = " ".join(text_of(tmp_path / "c.pdf").split())
    assert "hẹn lại 10:00 26/11/2026" in control and "(ghi lùi: Phiếu giấy đã ký ngày 18/11)" in control
    # entered after the due moment: judged late from the moment claimed, whatever it says
    assert "Quá hạn Chờ xác minh nơi cư trú" in control
    cli("register", "--from", "2026-11-01", "--to", "2026-11-30", "--out", str(tmp_path / "s.pdf"))
    register = text_of(tmp_path / "s.pdf").replace("\n", "")
    assert code in register and "hẹn lại" in register
    cli("register", "--from", "01/11/2026", "--to", "30/11/2026", "--field", "Hộ tịch", "--out",
        str(tmp_path / "h.pdf"))
    assert code in text_of(tmp_path / "h.pdf").replace("\n", "")
    assert "Lĩnh vực: Hộ tịch" in text_of(tmp_path / "h.pdf")
    cli("register", "--from", "01/11/2026", "--to", "30/11/2026", "--field", "Chứng thực", "--out",
        str(tmp_path / "c2.pdf"))
    assert code not in text_of(tmp_path / "c2.pdf").replace("\n", "")
    wrong = cli("register", "--from", "01/11/2026", "--to", "30/11/2026", "--field", "Thuế", "--out",
                str(tmp_path / "t.pdf"), expect=2)
    assert "Không có lĩnh vực “Thuế”" in wrong.stderr


def test_the_form_command_names_the_apology_by_its_2025_name(cli):
    help_text = " ".join(cli("--help").stdout.split())
    assert "apology (Phiếu xin lỗi và đề nghị gia hạn thời gian giải quyết)" in help_text
    assert "hẹn lại ngày trả kết quả)" not in help_text


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
