"""The wheel, installed into a fresh virtual environment outside the source tree, is a working
MotCua: setup → intake → receipt → export-sync on the command line, and the GUI in Vietnamese.

Speed: the new environment gets only the wheel (pip --no-deps); the dependencies are the ones
already installed for the tests, made visible through a .pth file. ``--system-site-packages``
would not do: a venv made from this venv's interpreter sees the base Python's site-packages,
not this venv's. The editable install of the source tree in the test venv is not active there
(.pth files of a folder added that way are not run), and the test checks that the code that
ran came from the wheel.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.conftest import TEST_PASSWORD

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> dict:
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(work / "dist"), str(ROOT)], check=True, cwd=work)
    wheel = next((work / "dist").glob("motcua-*.whl"))
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(work / "venv")], check=True)
    scripts = work / "venv" / ("Scripts" if sys.platform == "win32" else "bin")
    python = scripts / ("python.exe" if sys.platform == "win32" else "python")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q",
                    "--no-deps", str(wheel)], check=True)
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site / "test-dependencies.pth").write_text("\n".join(sorted(ours)) + "\n")
    counter = work / "counter"
    counter.mkdir()
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONHOME")}
    env.update(MOTCUA_DB=str(counter / "motcua.sqlite3"), MOTCUA_PASSWORD=TEST_PASSWORD,
               MOTCUA_LOG_DIR=str(counter / "logs"), QT_QPA_PLATFORM="offscreen")
    return {"wheel": wheel, "python": python, "scripts": scripts, "site": site, "cwd": counter, "env": env}


def run(installed: dict, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    exe = installed["scripts"] / ("motcua.exe" if sys.platform == "win32" else "motcua")
    result = subprocess.run([str(exe), *args], input=stdin, capture_output=True, text=True,
                            cwd=installed["cwd"], env=installed["env"], timeout=120)
    assert result.returncode == 0, result.stderr + result.stdout
    return result


def test_the_wheel_carries_every_resource(installed):
    names = set(zipfile.ZipFile(installed["wheel"]).namelist())
    # Every file under resources/ is read at run time, except the translators' sources.
    not_shipped = {"translations/motcua_vi.ts", "translations/README.md"}
    shipped = {str(p.relative_to(ROOT)).replace(os.sep, "/") for p in (ROOT / "resources").rglob("*")
               if p.is_file() and "__pycache__" not in p.parts
               and str(p.relative_to(ROOT / "resources")).replace(os.sep, "/") not in not_shipped}
    assert shipped and shipped <= names
    assert "main.py" in names and "cli/admin_commands.py" in names and "resources/__init__.py" in names
    assert not any(name.startswith("tests/") for name in names)


def test_installed_wheel_runs_a_counter_day(installed, tmp_path):
    assert run(installed, "--version").stdout.strip().startswith("MotCua ")
    run(installed, "setup", "--agency-code", "H12.22.01", "--agency-name", "UBND XÃ TAM ĐẢO",
        "--place", "Tam Đảo", "--admin-password", TEST_PASSWORD)
    assert len(json.loads(run(installed, "--json", "procedures").stdout)) > 0
    request = {"procedure": "1.004873", "applicant": {"name": "Nguyễn Thị Hằng",
                                                      "id_number": "001190012345", "phone": "0912345678"}}
    code = json.loads(run(installed, "--json", "intake", "--from-json", "-",
                          stdin=json.dumps(request, ensure_ascii=False)).stdout)["code"]
    run(installed, "receipt", code, "--out", "receipt.pdf")  # needs the bundled font
    from pypdf import PdfReader

    text = PdfReader(installed["cwd"] / "receipt.pdf").pages[0].extract_text()
    assert code in text.replace("\n", "")
    day = json.loads(run(installed, "--json", "export-sync", "--out", "sync").stdout)  # the schema
    assert day["dossiers"] == 1


def test_installed_wheel_opens_the_gui_in_vietnamese(installed):
    probe = (
        "import models, ui.app\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "app = ui.app.make_application(['motcua'])\n"
        "print(models.__file__)\n"
        "print(QCoreApplication.translate('MainWindow', 'Intake (F5)'))\n"
    )
    out = subprocess.run([str(installed["python"]), "-c", probe], capture_output=True, text=True,
                         cwd=installed["cwd"], env=installed["env"], timeout=120)
    assert out.returncode == 0, out.stderr
    models_file, label = out.stdout.strip().splitlines()[-2:]
    assert Path(models_file).is_relative_to(installed["site"])  # the wheel's code, not the source
    assert label == "Tiếp nhận (F5)"
