"""GUI test fixtures: offscreen Qt, Vietnamese translation, private QSettings, no real printer."""
from __future__ import annotations

import pytest

from models.intake import IntakeRequest, PersonInput, receive


@pytest.fixture(autouse=True)
def private_qsettings(tmp_path, qapp, monkeypatch):
    from PySide6.QtCore import QSettings

    # The data folder too: closing the window exports today's day file into it (ui/auto_export.py).
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))

    from ui.gc_guard import install, uninstall
    from ui.i18n import install_translators

    install()  # as make_application does: garbage collection on the GUI thread only
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "qsettings"))
    install_translators(qapp)
    yield
    uninstall()


@pytest.fixture
def idle(qtbot):
    """Wait until every background job has reported back; also done at teardown."""
    from ui import runner

    def wait() -> None:
        try:
            qtbot.waitUntil(lambda: not runner.busy(), timeout=15000)
        except Exception:
            print("STILL RUNNING", [op._work for op in runner._running])
            raise
    yield wait
    wait()


@pytest.fixture
def printed(monkeypatch):
    """Record print jobs instead of sending them to CUPS; the PDF is still rendered."""
    import models.forms

    jobs: list[tuple[str, str, bytes]] = []

    def fake_print_form(kind, code, *, by=None, printer=None, copies=None, now=None):
        jobs.append((kind, code, models.forms.render_form(kind, code)))
        if kind == "receipt":
            from models.workflow import mark_receipt_printed

            mark_receipt_printed(code, True)
    monkeypatch.setattr(models.forms, "print_form", fake_print_form)
    return jobs


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
