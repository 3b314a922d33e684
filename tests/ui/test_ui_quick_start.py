"""A counter that signed in before: the sign-in window first, the database opened behind it,
the main window built while the password is checked (ui.app, ui.sign_in_dialog)."""
from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.conftest import TEST_PASSWORD
from ui.app import AppController
from ui.main_window import MainWindow
from ui.sign_in_dialog import Heading, remember_heading, remembered_heading


@pytest.fixture
def known_counter(counter, db_path):
    """A set-up counter this user signed in to before, its database closed again (a new start)."""
    from models.db import close_database

    remember_heading(str(db_path), Heading.current())
    close_database()
    yield str(db_path)
    close_database()


def test_the_sign_in_window_comes_before_the_database_opens(known_counter, qtbot, idle, printed, monkeypatch):
    from models import session
    from models.db import database_path

    opened = []
    open_counter = session.open_counter
    monkeypatch.setattr(session, "open_counter", lambda *a, **k: opened.append(a) or open_counter(*a, **k))
    controller = AppController(known_counter)
    assert controller.start()
    dialog = controller.sign_in
    qtbot.addWidget(dialog)
    assert opened == []  # nothing opened yet: the window first
    assert "UBND XÃ TAM ĐẢO" in dialog.heading.text()  # as remembered
    assert dialog.username.text() == "admin" and dialog.focusWidget() is dialog.password
    qtbot.keyClicks(dialog.password, TEST_PASSWORD)  # typed, and Enter, while the database opens
    with qtbot.waitSignal(controller.window_shown, timeout=15000):
        qtbot.keyClick(dialog.password, Qt.Key_Return)
        assert opened == []  # not open yet: the sign-in waits for it
    assert opened == [(known_counter,)] and str(database_path()) == known_counter
    qtbot.addWidget(controller.window)
    assert controller.window.officer.username == "admin"
    assert controller.window.focusWidget() is controller.window.intake.id_number
    idle()


def test_the_heading_is_remembered_per_database_at_sign_in(counter, db_path, tmp_path, qtbot, idle, printed):
    assert remembered_heading(str(db_path)) is None
    controller = AppController(str(db_path))
    controller.start()
    dialog = controller.sign_in
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.password, TEST_PASSWORD)
    with qtbot.waitSignal(controller.window_shown, timeout=15000):
        qtbot.keyClick(dialog.password, Qt.Key_Return)
    qtbot.addWidget(controller.window)
    idle()
    assert remembered_heading(str(db_path)) == Heading("UBND XÃ TAM ĐẢO", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
                                                       "admin")
    assert remembered_heading(str(tmp_path / "other.sqlite3")) is None


def _main_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def test_a_refused_password_drops_the_window_built_meanwhile_unseen(known_counter, qtbot, idle, printed):
    controller = AppController(known_counter)
    controller.start()
    dialog = controller.sign_in
    qtbot.addWidget(dialog)
    qtbot.waitSignal(controller.database_ready, timeout=15000).wait()
    before = len(_main_windows())
    built, at_refusal = [], []
    dialog.checking.connect(lambda _name: built.append(controller._prebuilt))
    dialog.refused.connect(lambda: at_refusal.append((built[0].auto_export, built[0].isVisible())))
    qtbot.keyClicks(dialog.password, "sai-mat-khau")
    qtbot.keyClick(dialog.password, Qt.Key_Return)
    qtbot.waitUntil(lambda: bool(dialog.errors.message("password")), timeout=15000)
    assert built and built[0] is not None  # it was built while the password was checked …
    assert at_refusal == [(None, False)]  # … held: never shown, nothing of it started
    idle()
    qtbot.waitUntil(lambda: len(_main_windows()) == before)  # and it is gone
    assert controller.window is None and controller._prebuilt is None
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, TEST_PASSWORD)
    with qtbot.waitSignal(controller.window_shown, timeout=15000):
        qtbot.keyClick(dialog.password, Qt.Key_Return)
    qtbot.addWidget(controller.window)
    idle()
    assert controller.window.auto_export is not None  # released: the jobs run after its first paint


def test_a_database_no_longer_set_up_behind_the_window_opens_the_wizard(counter, db_path, qtbot, idle, printed,
                                                                      tmp_path):
    """The heading was remembered for a file that is now a new, empty database."""
    from models.db import close_database

    remember_heading(str(db_path), Heading.current())
    close_database()
    db_path.unlink()
    controller = AppController(str(db_path))
    controller.start()
    qtbot.addWidget(controller.sign_in)
    qtbot.waitUntil(lambda: controller.wizard is not None, timeout=15000)
    qtbot.addWidget(controller.wizard)
    assert controller.wizard.isVisible() and not controller.sign_in.isVisible()
    idle()
    close_database()


def test_a_damaged_database_behind_a_remembered_window_offers_the_backup(start_gui, known_counter, monkeypatch):
    from pathlib import Path

    from PySide6.QtWidgets import QLabel

    from ui.app import run_gui
    from ui.damaged_dialog import DamagedDatabaseDialog

    shown = []

    def decline(dialog):
        shown.append(dialog.findChildren(QLabel)[0].text())
        return DamagedDatabaseDialog.Rejected
    monkeypatch.setattr(DamagedDatabaseDialog, "exec", decline)
    Path(known_counter).write_bytes(b"\x00garbage" * 1000)
    assert run_gui(known_counter) == 1  # the sign-in window went, the restore was declined: quit
    assert len(shown) == 1 and known_counter in shown[0]
    assert not start_gui


def test_a_session_on_a_sqlite_file_never_loads_the_postgresql_driver(known_counter, tmp_path):
    """psycopg2 brings libpq, OpenSSL and Kerberos (~10 MiB): a counter on a SQLite file has no
    use for them, before or after every preload stage (models.postgres_driver)."""
    import json
    import os
    import subprocess
    from pathlib import Path

    from PySide6.QtCore import QSettings

    QSettings().sync()
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_CONFIG_HOME": str(tmp_path / "qsettings"), "QT_QPA_PLATFORM": "offscreen"}
    script = Path(__file__).with_name("sqlite_session_in_fresh_interpreter.py")
    out = subprocess.run([sys.executable, str(script), known_counter, TEST_PASSWORD], capture_output=True,
                         text=True, timeout=120, env=env, cwd=tmp_path)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    assert out.returncode == 0 and lines, out.stdout + out.stderr[-3000:]
    found = json.loads(lines[-1])
    assert "reports" in found["stages"] and "server" not in found["stages"]  # all loaded but the server's
    assert found["psycopg2"] is False and found["libpq"] in (False, None)
