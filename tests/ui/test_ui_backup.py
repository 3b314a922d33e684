"""Backups in the app: made every day and when the app closes, listed and made on demand in the
settings (admin), restored from there or from the dialog a damaged database opens at start."""
from __future__ import annotations

import os
from datetime import datetime

from PySide6.QtCore import Qt

import ui.backup_panel
import ui.damaged_dialog
from models.backup import auto_backup, list_backups
from models.db import close_database, database_path
from models.intake import IntakeRequest, PersonInput, receive
from models.session import acting_officer, open_counter, setup_agency
from models.tables import Dossier
from tests.conftest import AGENCY
from ui.app import AppController
from ui.main_window import MainWindow


def _take_in(officer, name="Trần Văn Bình", number="001090012345"):
    return receive(IntakeRequest(procedure="1.001193", applicant=PersonInput(
        name=name, id_number=number, phone="0912345678")), officer)


def test_the_app_backs_up_at_start_and_when_it_closes(counter, officer, db_path, qtbot, idle, printed):
    folder = db_path.parent / "sao-luu"

    def session(work=None) -> int:
        window = MainWindow(officer, str(db_path))
        qtbot.addWidget(window)
        window.show()
        idle()
        if work is not None:
            work()
        window.close()
        return len(list_backups([folder]))

    assert session() == 1  # today's, made in the background; nothing changed before closing
    assert session(lambda: _take_in(officer)) == 2  # a dossier received: one more as the app closes
    assert session() == 2


def test_the_settings_make_a_backup_and_restore_one(window, qtbot, idle, monkeypatch):
    panel = window.settings.backups
    assert panel is not None  # the window's officer is the admin
    window.show_tab(6)
    window.settings.tabs.setCurrentWidget(panel)
    idle()
    with qtbot.waitSignal(panel.shown, timeout=15000):
        qtbot.mouseClick(panel.backup_button, Qt.LeftButton)
    idle()
    assert panel.notice.text().startswith("Đã sao lưu và kiểm tra toàn vẹn:")
    assert panel.table.rowCount() >= 1
    later = _take_in(window.officer)
    monkeypatch.setattr(ui.backup_panel.BackupPanel, "confirm", lambda _self, question: "các hồ sơ" in question.lower())
    reports = []
    monkeypatch.setattr(ui.backup_panel, "show_restore_report", lambda _parent, report: reports.append(report))
    panel.table.selectRow(0)
    with qtbot.waitSignal(window.restart_requested, timeout=30000):
        qtbot.mouseClick(panel.restore_button, Qt.LeftButton)
    idle()
    (report,) = reports
    assert [d.code for d in report.lost] == [later.code]
    assert Dossier.select().where(Dossier.code == later.code).count() == 0


def test_a_damaged_database_offers_the_newest_good_backup_before_sign_in(db_path, qtbot, idle, monkeypatch):
    open_counter(str(db_path))
    setup_agency(agency_code=AGENCY, governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo",
                 admin_password="matkhau123")
    kept = _take_in(acting_officer(), "Nguyễn Thị Hằng", "001190012345")
    made = auto_backup(now=datetime.now().replace(microsecond=0))
    lost = _take_in(acting_officer())
    close_database()
    data = bytearray(db_path.read_bytes())
    data[100:] = os.urandom(len(data) - 100)
    db_path.write_bytes(bytes(data))

    seen = {}

    def choose_newest(dialog):
        seen["text"] = " ".join(w.text() for w in dialog.findChildren(ui.damaged_dialog.QLabel))
        seen["button"] = dialog.restore_newest.text()
        dialog.restore_newest.click()
        return dialog.result()
    monkeypatch.setattr(ui.damaged_dialog.DamagedDatabaseDialog, "exec", choose_newest)
    reports = []
    monkeypatch.setattr(ui.backup_panel, "show_restore_report", lambda _parent, report: reports.append(report))

    controller = AppController(str(db_path))
    assert controller.start()

    qtbot.addWidget(controller.damaged)
    assert f"Không mở được cơ sở dữ liệu {db_path}: dữ liệu bị hỏng" in seen["text"]
    assert "đổi tên và giữ lại" in seen["text"]
    assert seen["button"].startswith("Khôi phục từ bản sao lưu tốt mới nhất (")
    (report,) = reports
    assert report.backup == made.path and [d.code for d in report.lost] == [lost.code]
    assert controller.sign_in is not None  # then the officer signs in to the restored data
    qtbot.addWidget(controller.sign_in)
    assert Dossier.get(Dossier.code == kept.code) and database_path() == db_path
    assert report.kept_as.exists()
    idle()
    close_database()


def test_after_a_restore_the_officer_signs_in_again(db_path, qtbot, idle, printed):
    open_counter(str(db_path))
    setup_agency(agency_code=AGENCY, governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo",
                 admin_password="matkhau123")
    controller = AppController(str(db_path))
    assert controller.start()
    qtbot.addWidget(controller.sign_in)
    controller._signed_in("admin")
    old = controller.window
    qtbot.addWidget(old)
    idle()
    old.restart_requested.emit()  # what the backup panel's restore ends with
    idle()
    qtbot.addWidget(controller.sign_in)
    assert controller.sign_in.isVisible() and not old.isVisible() and controller.window is None
    close_database()
