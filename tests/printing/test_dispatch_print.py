"""The print service: errors a counter officer can read, and a real print job
through CUPS into cups-pdf whose output is read back and scanned.

The real job needs the "MotCuaPDF" queue made by tests/printing/setup_cups.sh
(run as root; .ci/run calls it). Without CUPS or the queue the test is
skipped locally and fails under CI.
"""

from __future__ import annotations

import ast
import dataclasses
import os
import re
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from print_probe import skip_or_fail

from printing import FormSettings, ReceiptData, render_receipt
from printing.barcodes import qr_payload

QUEUE = "MotCuaPDF"
pytestmark = pytest.mark.usefixtures("qapp")  # pytest-qt's application, made before the dispatcher's


@pytest.fixture
def dispatch():
    from printing import dispatch

    return dispatch


def _lpstat(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["lpstat", *args], capture_output=True, text=True, env={**os.environ, "LC_ALL": "C"}
    )


def _cups_running() -> bool:
    return shutil.which("lpstat") is not None and "is running" in _lpstat("-r").stdout


@pytest.fixture
def cups_queue() -> str:
    """The cups-pdf queue, or skip (fail under CI) when it is not set up."""
    if shutil.which("lpstat") is None:
        skip_or_fail("CUPS is not installed (run tests/printing/setup_cups.sh as root)")
    if not _cups_running():
        skip_or_fail("the CUPS scheduler is not running (run tests/printing/setup_cups.sh as root)")
    if _lpstat("-p", QUEUE).returncode != 0:
        skip_or_fail(f"no CUPS queue {QUEUE!r} (run tests/printing/setup_cups.sh as root)")
    return QUEUE


def cups_pdf_output_dirs() -> list[Path]:
    """Where cups-pdf writes: its "Out" (per user) and "AnonDirName" settings."""
    out, anon = "/var/spool/cups-pdf/${USER}", "/var/spool/cups-pdf/ANONYMOUS"
    conf = Path("/etc/cups/cups-pdf.conf")
    if conf.is_file():
        for line in conf.read_text(errors="replace").splitlines():
            m = re.match(r"\s*(Out|AnonDirName)\s+(\S+)", line)
            if m and m.group(1) == "Out":
                out = m.group(2)
            elif m:
                anon = m.group(2)
    user = os.environ.get("USER") or Path.home().name
    out = out.replace("${HOME}", str(Path.home())).replace("${USER}", user)
    return [Path(out), Path(anon), Path.home() / "PDF"]


def test_printing_never_imports_qt_widgets() -> None:
    """No module of the package imports QtWidgets (PySide6's QtPrintSupport
    binding loads that library as its own dependency; we never use it)."""
    offenders = []
    for path in (Path(__file__).parents[2] / "printing").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""] + [f"{node.module}.{alias.name}" for alias in node.names]
            offenders += [f"{path.name}: {name}" for name in names if "QtWidgets" in name]
    assert offenders == []


def test_dispatch_runs_on_a_gui_application_without_display() -> None:
    code = (
        "from PySide6.QtCore import QCoreApplication\n"
        "import printing.dispatch as d\n"
        "d.list_printers(); d.default_printer()\n"
        "assert type(QCoreApplication.instance()).__name__ == 'QGuiApplication'\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=Path(__file__).parents[2]
    )
    assert result.returncode == 0, result.stderr


def test_rendering_does_not_load_qt() -> None:
    code = "import sys, printing; assert not any(m.startswith('PySide6') for m in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(__file__).parents[2]
    )
    assert result.returncode == 0, result.stderr


def test_missing_printer_is_reported_in_vietnamese(
    dispatch, receipt: ReceiptData, settings: FormSettings
) -> None:
    pdf = render_receipt(receipt, settings)
    with pytest.raises(dispatch.PrintError) as caught:
        dispatch.print_pdf(pdf, printer_name="Máy in không tồn tại")
    assert 'Không tìm thấy máy in "Máy in không tồn tại"' in caught.value.message
    assert str(caught.value) == caught.value.message


def test_no_printer_installed(dispatch, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dispatch, "_available", lambda: [])
    with pytest.raises(dispatch.PrintError, match="Chưa cài đặt máy in nào"):
        dispatch.print_pdf(b"%PDF-1.4")
    assert dispatch.list_printers() == []


def test_broken_pdf_is_refused(dispatch, cups_queue: str) -> None:
    with pytest.raises(dispatch.PrintError, match="Không đọc được tài liệu"):
        dispatch.print_pdf(b"this is not a PDF", printer_name=cups_queue)


def test_list_printers(dispatch, cups_queue: str) -> None:
    printers = {p["name"]: p for p in dispatch.list_printers()}
    assert cups_queue in printers
    assert set(printers[cups_queue]) == {"name", "is_default", "state"}
    assert printers[cups_queue]["state"] in {"idle", "active"}


@pytest.fixture
def stopped_queue(cups_queue: str) -> str:
    """A second cups-pdf queue, stopped, removed afterwards (needs root)."""
    if os.geteuid() != 0 or shutil.which("lpadmin") is None:
        skip_or_fail("making a stopped CUPS queue needs root and lpadmin")
    name = f"MotCuaStopped{uuid.uuid4().hex[:6]}"
    ppd = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")
    model = ["-P", str(ppd)] if ppd.is_file() else ["-m", "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd"]
    subprocess.run(["lpadmin", "-p", name, "-v", "cups-pdf:/", *model, "-E"], check=True, capture_output=True)
    subprocess.run(["cupsdisable", "-r", "Kiểm thử", name], check=True)
    yield name
    subprocess.run(["lpadmin", "-x", name], check=False)


def test_stopped_printer_is_reported(dispatch, stopped_queue: str, receipt, settings) -> None:
    with pytest.raises(dispatch.PrintError, match="Máy in đang ngừng hoạt động"):
        dispatch.print_pdf(render_receipt(receipt, settings), printer_name=stopped_queue)


def test_real_print_job_through_cups(dispatch, cups_queue: str, qtbot, probe, receipt, settings) -> None:
    """Print a receipt to cups-pdf, find the PDF it wrote and scan the codes."""
    code = "000.00.24.H12-260213-12345"
    pdf = render_receipt(dataclasses.replace(receipt, code=code), settings)
    doc_name = f"motcua-test-{uuid.uuid4().hex[:10]}"
    assert dispatch.print_pdf(pdf, printer_name=cups_queue, doc_name=doc_name) == 2

    dirs = cups_pdf_output_dirs()
    found: list[Path] = []

    def output_written() -> bool:
        found[:] = [p for d in dirs if d.is_dir() for p in d.glob(f"*{doc_name}*.pdf")]
        return bool(found) and found[0].stat().st_size > 0 and _lpstat("-o", cups_queue).stdout.strip() == ""

    try:
        qtbot.waitUntil(output_written, timeout=120_000)
    except AssertionError:
        pytest.fail(
            f"cups-pdf wrote no {doc_name}*.pdf in {dirs}; queue: {_lpstat('-o', cups_queue).stdout!r}"
        )
    printed = found[0].read_bytes()
    try:
        pages = probe.barcodes(printed)
        assert len(pages) == 2
        for page in pages:
            assert [r.text for r in page["code128"]] == [code]
            assert [r.text for r in page["qr"]] == [qr_payload(code, settings.lookup_url)]
    finally:
        found[0].unlink(missing_ok=True)
