"""The one-folder build (dist/motcua/, from motcua.spec) used as a counter would use it.

Run by .ci/run after `pyinstaller --noconfirm motcua.spec`, with MOTCUA_BUILT pointing at the
folder; it is not collected otherwise (tests/conftest.py). Every command runs the built
executable from a folder outside the source tree, with nothing of the source on its path.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import TEST_PASSWORD, need
from tests.printing.print_probe import PdfProbe

BUILT = Path(os.environ.get("MOTCUA_BUILT", "dist/motcua")).resolve()
EXE = ".exe" if sys.platform == "win32" else ""
AGENCY = "H12.22.01"


@pytest.fixture(scope="module")
def counter_dir(tmp_path_factory) -> Path:
    need((BUILT / f"motcua{EXE}").is_file(), f"the built program in {BUILT}")
    return tmp_path_factory.mktemp("built-counter")


def _env(folder: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "QT_QPA_PLATFORM")}
    env.update(MOTCUA_DB=str(folder / "counter.sqlite3"), MOTCUA_PASSWORD=TEST_PASSWORD,
               MOTCUA_LOG_DIR=str(folder / "logs"), MOTCUA_DATA_DIR=str(folder / "data"))
    env.pop("DISPLAY", None)  # the command line must not need a screen
    return env


def motcua(folder: Path, *args: str, stdin: str | None = None, program: str = "motcua",
           expect: int = 0) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(BUILT / f"{program}{EXE}"), *args], input=stdin, text=True,
                            capture_output=True, cwd=folder, env=_env(folder), timeout=120)
    assert result.returncode == expect, result.stderr + result.stdout
    return result


def test_version_is_the_package_version(counter_dir):
    from models.version import APP_VERSION

    assert motcua(counter_dir, "--version").stdout.strip() == f"MotCua {APP_VERSION}"


def test_a_counter_is_set_up_receives_a_dossier_and_prints_its_receipt(counter_dir, tmp_path):
    motcua(counter_dir, "setup", "--agency-code", AGENCY, "--agency-name", "UBND XÃ TAM ĐẢO",
           "--place", "Tam Đảo", "--admin-password", TEST_PASSWORD)
    procedures = json.loads(motcua(counter_dir, "--json", "procedures").stdout)
    from models.catalog import SHIPPED_CATALOG

    shipped = json.loads(SHIPPED_CATALOG.read_text(encoding="utf-8"))["procedures"]
    assert len(procedures) == len(shipped) > 0  # the catalog came with the build
    request = {"procedure": "1.004873", "received_at": "2026-11-16T09:30:00",
               "applicant": {"name": "Nguyễn Thị Hằng", "id_number": "001190012345",
                             "phone": "0912345678"}}
    dossier = json.loads(motcua(counter_dir, "--json", "intake", "--from-json", "-",
                                stdin=json.dumps(request, ensure_ascii=False)).stdout)
    code = dossier["code"]
    # 16/11/2026 09:30 + the procedure's working days, holidays from the bundled Vietnam table
    assert dossier["due_at"].startswith("2026-11-")
    motcua(counter_dir, "receipt", code, "--out", "receipt.pdf")
    pdf = (counter_dir / "receipt.pdf").read_bytes()
    probe = PdfProbe(tmp_path)
    assert "GIẤY TIẾP NHẬN HỒ SƠ" in probe.text(pdf).upper()
    bars = [found.text for page in probe.barcodes(pdf) for found in page["code128"]]
    assert bars and set(bars) == {code}  # the Code 128 reads back with a scanner library


def test_the_day_file_is_exported_and_verifies(counter_dir):
    out = json.loads(motcua(counter_dir, "--json", "export-sync", "--out", "sync").stdout)
    day_file = Path(out["path"]) if Path(out["path"]).is_absolute() else counter_dir / out["path"]
    assert day_file.is_file() and out["dossiers"] >= 1
    motcua(counter_dir, "sync-key", "export", "--out", "key.json")
    verdict = motcua(counter_dir, "verify-sync", str(day_file), "--pubkey", "key.json").stdout
    assert "tệp hợp lệ" in verdict


def test_printing_from_the_command_line_needs_no_display(counter_dir):
    listed = motcua(counter_dir, "--json", "printers")  # Qt's offscreen platform, no xcb abort
    assert isinstance(json.loads(listed.stdout), list)


def test_the_windowed_program_shows_the_sign_in_window(counter_dir):
    """Under a real X server (Xvfb): the built GUI paints its first window and logs it."""
    xvfb = shutil.which("Xvfb")
    need(xvfb is not None and sys.platform.startswith("linux"), "Xvfb (apt install xvfb)")
    display = ":87"
    server = subprocess.Popen([xvfb, display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    log = counter_dir / "logs" / "motcua.log"
    before = log.read_text(encoding="utf-8") if log.exists() else ""
    try:
        time.sleep(1.0)
        gui = subprocess.Popen([str(BUILT / f"motcua-gui{EXE}")], cwd=counter_dir,
                               env={**_env(counter_dir), "DISPLAY": display},
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and gui.poll() is None:
                text = log.read_text(encoding="utf-8") if log.exists() else ""
                if "sign-in window on screen" in text[len(before):]:
                    break
                time.sleep(0.1)
            alive = gui.poll() is None
        finally:
            gui.terminate()
            output = gui.communicate(timeout=30)[0]
        new = log.read_text(encoding="utf-8")[len(before):]
        assert alive, output + new
        assert "sign-in window on screen" in new, output + new
        assert "Traceback" not in new
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_vietnam_holidays_came_with_the_build(counter_dir):
    """Only Vietnam's holiday module and its Vietnamese names are bundled; both must work."""
    due = json.loads(motcua(counter_dir, "--json", "due-date", "--received", "2026-04-29T09:00",
                            "--working-days", "1").stdout)
    assert due["due_at"].startswith("2026-05-04")  # 30/4 and 1/5 are days off, then a weekend
    listed = motcua(counter_dir, "holidays", "list", "--year", "2026").stdout
    assert "Tết Nguyên Đán" in listed
