"""GUI test fixtures: offscreen Qt, Vietnamese translation, private QSettings, printers faked at
the job submission, and a watch on first imports off the GUI thread."""
from __future__ import annotations

import sys
import threading
from dataclasses import dataclass

import pytest

from models.intake import IntakeRequest, PersonInput, receive

# -- no module is imported for the first time on a worker thread (ui/preload.py) -----------------
_off_thread_imports: list[tuple[str, str]] = []


def _watch_imports(event: str, args: tuple) -> None:
    if event == "import" and threading.current_thread() is not threading.main_thread():
        name = args[0]
        if name not in sys.modules:
            _off_thread_imports.append((threading.current_thread().name, name))


sys.addaudithook(_watch_imports)  # audit hooks cannot be removed: one for the whole session


@pytest.fixture(autouse=True)
def no_import_off_the_gui_thread():
    _off_thread_imports.clear()
    yield
    assert _off_thread_imports == [], (
        "modules imported for the first time on a worker thread; load them in a ui.preload "
        "stage the job needs")


@pytest.fixture(autouse=True)
def private_qsettings(tmp_path, qapp, monkeypatch):
    from PySide6.QtCore import QSettings

    # The data folder too: closing the window exports today's day file into it (ui/auto_export.py).
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))

    from ui.gc_guard import install, uninstall
    from ui.i18n import install_translators

    install()  # as make_application does: garbage collection on the GUI thread only
    from ui import refcount_guard

    refcount_guard.install()
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "qsettings"))
    install_translators(qapp)
    yield
    from ui import runner

    runner.wait_for_workers()
    runner.close_database_connection()  # the worker's connection to this test's database
    uninstall()


@pytest.fixture
def start_gui(qapp, monkeypatch):
    """run_gui with its boxes recorded instead of shown, and the hooks put back afterwards."""
    import sys
    import threading

    from ui import app as app_module
    from ui import crash

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(crash, "_reporter", None)
    monkeypatch.setattr(app_module, "install_qt_message_handler", lambda: None)
    failures: list[str] = []
    monkeypatch.setattr(app_module, "startup_failed", failures.append)
    return failures


@pytest.fixture
def idle(qtbot):
    """Wait until every background job has reported back; also done at teardown."""
    from ui import runner

    def wait() -> None:
        qtbot.wait(1)  # let the event loop start what was scheduled
        qtbot.waitUntil(lambda: not runner.busy(), timeout=20000)
    yield wait
    wait()


@dataclass(frozen=True)
class PrintJob:
    """What was handed to the printer: the PDF, and the form and dossier its title names
    (read when the test asks, on the GUI thread: the fake itself only records)."""

    pdf: bytes
    printer: str | None
    copies: int

    @property
    def title(self) -> str:
        import io

        from pypdf import PdfReader

        return str(PdfReader(io.BytesIO(self.pdf)).metadata.title or "")

    @property
    def kind(self) -> str:
        from models.form_kinds import FORM_NAMES

        title = self.title.lower()
        return next((k for k, name in FORM_NAMES.items() if title.startswith(name.lower())), "")

    @property
    def code(self) -> str:
        return self.title.rsplit(" ", 1)[-1]

    def __getitem__(self, index):  # (kind, code, pdf) as a tuple, as the older tests read it
        return (self.kind, self.code, self.pdf)[index]

    def __iter__(self):
        return iter((self.kind, self.code, self.pdf))


@pytest.fixture
def printed(monkeypatch):
    """Record print jobs at the real boundary — printing.dispatch.print_pdf, the submission to
    the system's printer — so that everything before it runs, the rule that marks a receipt
    printed included."""
    import printing.dispatch

    jobs: list[PrintJob] = []
    _read_once_here()

    def fake_print_pdf(pdf_bytes, printer_name=None, copies=1, page_size="A4", *, doc_name="MotCua"):
        jobs.append(PrintJob(pdf_bytes, printer_name, copies))
        return 1
    monkeypatch.setattr(printing.dispatch, "print_pdf", fake_print_pdf)
    return jobs


def _read_once_here() -> None:
    """The fake reads PDFs on the printer thread: pypdf's lazy imports happen here first."""
    import io
    from datetime import datetime

    from pypdf import PdfReader

    from printing.data import DocumentLine, FormSettings, Person, ReceiptData
    from printing.receipt import render_receipt

    moment = datetime(2026, 1, 5, 9, 0)
    pdf = render_receipt(ReceiptData("000.00.00.H00-260105-0001", "Bộ phận", Person("A"), None, "Thủ tục",
                                     (DocumentLine("Tờ khai"),), 1, "01 ngày", moment, moment, ""),
                         FormSettings("UBND", "BỘ PHẬN", "Xã", "000.00.00.H00"))
    reader = PdfReader(io.BytesIO(pdf))
    str(reader.metadata.title)
    [page.extract_text() for page in reader.pages]


@pytest.fixture
def window(counter, officer, qtbot, idle, printed):
    from ui.main_window import MainWindow

    win = MainWindow(officer, "")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    idle()
    yield win
    idle()


BIRTH = "1.001193"  # Thủ tục đăng ký khai sinh (same day)


@pytest.fixture
def make_dossier(officer):
    def make(name: str = "Nguyễn Thị Hằng", id_number: str = "001190012345", phone: str = "0912345678",
             procedure: str = BIRTH, received_at=None):
        return receive(IntakeRequest(procedure=procedure, applicant=PersonInput(
            name=name, id_number=id_number, phone=phone, address="Thôn 1, Xã Tam Đảo"),
            received_at=received_at), officer)
    return make
