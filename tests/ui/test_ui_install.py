"""What an installed app shows around the screens: About, the error dialog for the unexpected,
one app per database, start-up failures in a box, a first window that fits the screen."""
from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from models.errors import MotCuaError
from models.version import APP_VERSION


def test_help_menu_opens_about_with_version_and_folders(window, qtbot, monkeypatch, db_path):
    from ui import about_dialog

    menu = window.menuBar().actions()[-1]
    assert menu.text() == "&Trợ giúp"
    about = next(a for a in menu.menu().actions() if a.objectName() == "about")
    assert about.text() == "Giới thiệu MotCua…"
    shown = []
    monkeypatch.setattr(about_dialog.AboutDialog, "exec", lambda self: shown.append(self))
    about.trigger()
    dialog = shown[0]
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Giới thiệu MotCua"
    assert dialog.values["version"] == APP_VERSION
    from models.paths import data_dir, log_dir

    assert dialog.values["data"] == str(data_dir()) and dialog.values["logs"] == str(log_dir())
    assert dialog.open_logs.text() == "Mở thư mục nhật ký"


def test_about_shows_the_database_without_its_password():
    from ui.about_dialog import _without_password

    assert _without_password("postgresql://motcua:bimat@db.xa/motcua") == "postgresql://motcua@db.xa/motcua"


def test_error_dialog_copies_its_details(qtbot):
    from ui.error_dialog import ErrorDialog

    dialog = ErrorDialog("Traceback …\nZeroDivisionError: division by zero")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Lỗi không mong muốn"
    assert "Những gì đã lưu không bị mất" in dialog.message.text()
    copy = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Sao chép chi tiết")
    qtbot.mouseClick(copy, Qt.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert f"MotCua {APP_VERSION}" in copied and "ZeroDivisionError" in copied
    assert copy.text() == "Đã sao chép"


def test_uncaught_errors_open_one_dialog_and_reach_the_log(qtbot, monkeypatch):
    from ui import crash

    logged = []
    monkeypatch.setattr(crash.logs, "log_uncaught", lambda *args: logged.append(args))
    monkeypatch.setattr(sys, "stderr", None)  # a windowed program: nowhere to print
    reporter = crash.CrashReporter()
    try:
        _ = 1 / 0
    except ZeroDivisionError:
        reporter.excepthook(*sys.exc_info())
    worker = threading.Thread(target=lambda: None, name="worker-2")
    try:
        raise KeyError("mất")
    except KeyError:
        args = threading.ExceptHookArgs((*sys.exc_info(), worker))
    reporter.thread_excepthook(args)
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert len(logged) == 2 and logged[1][3] == "thread worker-2"
    assert "ZeroDivisionError" in reporter.dialog.details  # the first; the second only logged
    reporter.dialog.reject()
    qtbot.waitUntil(lambda: reporter.dialog is None)


def test_qt_warnings_go_to_the_log(caplog):
    from PySide6.QtCore import QtMsgType

    from ui.crash import qt_message

    with caplog.at_level("WARNING", logger="qt"):
        qt_message(QtMsgType.QtWarningMsg, None, "QFont::setPointSize: Point size <= 0 (0)")
    assert "QFont::setPointSize" in caplog.text


def test_a_second_app_on_the_same_database_is_refused(tmp_path):
    from ui import instance_lock

    db = str(tmp_path / "motcua.sqlite3")
    first = instance_lock.acquire(db)
    assert first is not None and instance_lock.lock_path(db).exists()
    with pytest.raises(instance_lock.DatabaseInUse, match="MotCua đang mở cơ sở dữ liệu này") as caught:
        instance_lock.acquire(db)
    assert "tiến trình" in str(caught.value)
    first.unlock()
    again = instance_lock.acquire(db)  # free again once the first one closes
    assert again is not None
    again.unlock()


def test_a_postgresql_lock_names_no_password():
    from ui.instance_lock import lock_path

    assert "bimat" not in str(lock_path("postgresql://motcua:bimat@db.xa/motcua"))
    assert lock_path("postgresql://a:x@h/db") == lock_path("postgresql://a:y@h/db")


def test_a_damaged_database_opens_the_restore_dialog_and_quits_if_declined(start_gui, tmp_path, monkeypatch):
    from ui.app import run_gui
    from ui.damaged_dialog import DamagedDatabaseDialog

    shown = []

    def decline(dialog):
        shown.append(dialog.findChildren(QLabel)[0].text())
        return DamagedDatabaseDialog.Rejected
    monkeypatch.setattr(DamagedDatabaseDialog, "exec", decline)
    damaged = tmp_path / "motcua.sqlite3"
    damaged.write_bytes(b"\x00garbage" * 1000)
    assert run_gui(str(damaged)) == 1
    assert len(shown) == 1 and str(damaged) in shown[0]
    assert not start_gui  # the dialog said it; no second box


def test_a_database_already_open_is_explained_in_a_box(start_gui, tmp_path):
    from ui import instance_lock
    from ui.app import run_gui

    db = str(tmp_path / "motcua.sqlite3")
    held = instance_lock.acquire(db)
    try:
        assert run_gui(db) == 1
    finally:
        held.unlock()
    assert "MotCua đang mở cơ sở dữ liệu này" in start_gui[0]


def test_a_database_on_a_share_is_explained_in_a_box(start_gui, tmp_path, monkeypatch):
    from models import db as db_module
    from ui.app import run_gui

    monkeypatch.setattr(db_module, "on_network_drive", lambda path: "ổ mạng (cifs)")
    assert run_gui(str(tmp_path / "motcua.sqlite3")) == 1
    assert "PostgreSQL" in start_gui[0]


def test_the_first_window_fits_the_available_screen(window):
    from ui.screen_fit import FRAME_HEIGHT, FRAME_WIDTH

    area = window.screen().availableGeometry()  # the offscreen screen: 800 pixels wide
    assert window.height() <= area.height() - FRAME_HEIGHT
    # narrower only down to what the screens' layouts need (about 1030 pixels: fits 1366)
    assert window.width() <= max(area.width() - FRAME_WIDTH, window.minimumSizeHint().width())
    assert area.contains(window.geometry().topLeft())


def test_fit_to_screen_on_a_1366x768_counter_pc_with_a_taskbar(qtbot, monkeypatch):
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QWidget

    from ui import screen_fit

    class Screen:  # 1366×768 minus a 40-pixel taskbar at the bottom
        def availableGeometry(self):
            return QRect(0, 0, 1366, 728)

    widget = QWidget()
    qtbot.addWidget(widget)
    monkeypatch.setattr(widget, "screen", lambda: Screen())
    screen_fit.fit_to_screen(widget, 1280, 800)
    assert widget.width() == 1280 and widget.height() + screen_fit.FRAME_HEIGHT <= 728
    assert widget.y() >= 0 and widget.x() + widget.width() <= 1366


def test_no_screen_is_said_in_vietnamese(monkeypatch, capsys):
    from ui import app as app_module

    monkeypatch.setattr(app_module, "_no_screen", lambda: True)
    assert app_module.run_gui("x.sqlite3") == 1
    assert "không tìm thấy màn hình" in capsys.readouterr().err


def test_motcua_error_is_a_plain_message():
    assert str(MotCuaError("Lỗi")) == "Lỗi"
    assert isinstance(QApplication.instance(), QApplication)


def test_a_platform_plugin_that_cannot_start_is_explained(tmp_path):
    """Qt's own fatal error (no usable X server or libraries) ends with a Vietnamese hint in
    the log and on stderr, and exit status 1 instead of an abort."""
    import os
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=":59", QT_QPA_PLATFORM="xcb", MOTCUA_LOG_DIR=str(tmp_path),
               PYTHONPATH=str(root))
    code = ("from models.logs import configure_logging; configure_logging()\n"
            "from ui.app import run_gui; run_gui(str(__import__('pathlib').Path('x.sqlite3')))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         cwd=tmp_path, timeout=60)
    assert out.returncode == 1
    assert "Qt không mở được cửa sổ" in out.stderr
    assert "Qt không mở được cửa sổ" in (tmp_path / "motcua.log").read_text(encoding="utf-8")
