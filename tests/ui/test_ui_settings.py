"""Settings: stored in the database and still there after a restart; window state in QSettings."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from ui_helpers import type_text

from models.accounts import authenticate, list_officers
from models.holidays_admin import list_days
from models.settings import load_settings
from ui.main_window import SETTINGS, MainWindow


def _settings_screen(window, idle):
    window.show_tab(SETTINGS)
    idle()
    # The offscreen platform has no window manager: make the window active, as clicking it would,
    # so that its shortcuts (Ctrl+S) reach it.
    window.activateWindow()
    window.raise_()
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    return window.settings


def test_agency_settings_persist_across_a_restart(window, officer, qtbot, idle):
    screen = _settings_screen(window, idle)
    place = screen.inputs["place"]
    place.selectAll()
    type_text(qtbot, place, "Đại Đình")
    hours = screen.inputs["office_hours"]
    hours.selectAll()
    qtbot.keyClicks(hours, "07:30-11:30,13:00-17:00")
    screen.copies.setValue(3)
    with qtbot.waitSignal(screen.saved, timeout=10000):
        qtbot.keyClick(screen, Qt.Key_S, Qt.ControlModifier)
    assert window.windowTitle() == "MotCua – UBND XÃ TAM ĐẢO – 000.00.24.H12"
    window.resize(700, 500)
    size = window.size()
    window.close()

    again = MainWindow(officer, "")
    qtbot.addWidget(again)
    again.show()
    assert again.size() == size  # geometry restored from QSettings
    assert again.tabs.currentIndex() == SETTINGS  # the last screen comes back
    idle()
    assert again.settings.inputs["place"].text() == "Đại Đình"
    assert again.settings.inputs["office_hours"].text() == "07:30-11:30,13:00-17:00"
    assert again.settings.copies.value() == 3
    assert load_settings().place == "Đại Đình"


def test_bad_office_hours_are_refused_next_to_the_field(window, qtbot, idle):
    screen = _settings_screen(window, idle)
    hours = screen.inputs["office_hours"]
    hours.selectAll()
    qtbot.keyClicks(hours, "17:00-07:00")
    screen.save_button.click()
    qtbot.waitUntil(lambda: bool(screen.errors.message("office_hours")))
    assert "Giờ làm việc không hợp lệ" in screen.errors.message("office_hours")
    assert load_settings().office_hours == "07:00-11:30,13:30-17:00"


def test_holiday_override_per_year(window, qtbot, idle):
    screen = _settings_screen(window, idle)
    panel = screen.holidays
    panel.year.setValue(2026)
    idle()
    panel.day.set_value(date(2026, 8, 22))
    panel.kind.setCurrentIndex(panel.kind.findData(True))
    type_text(qtbot, panel.reason, "Công văn 9859/VPCP-KGVX")
    panel.add.click()
    idle()
    days = {d["date"]: d for d in list_days(2026)}
    assert days["2026-08-22"]["working"] and days["2026-08-22"]["source"] == "admin"
    rows = [panel.table.item(r, 0).text() for r in range(panel.table.rowCount())]
    assert "22/08/2026" in rows


def test_admin_adds_an_officer_with_a_role(window, qtbot, idle):
    screen = _settings_screen(window, idle)
    panel = screen.officers
    qtbot.keyClicks(panel.username, "lan.nt")
    type_text(qtbot, panel.full_name, "Nguyễn Thị Lan")
    type_text(qtbot, panel.title, "Công chức Tư pháp - Hộ tịch")
    panel.roles["leader"].setChecked(True)  # officer (checked by default) and leader
    qtbot.keyClicks(panel.password, "matkhau-lan")
    panel.add.click()
    idle()
    assert "lan.nt" in [o.username for o in list_officers()]
    assert authenticate("lan.nt", "matkhau-lan").roles == ("officer", "leader")
    assert panel.table.rowCount() == 2
    assert [panel.table.item(1, c).text() for c in (2, 3)] == ["Công chức Tư pháp - Hộ tịch", "Cán bộ một cửa, Lãnh đạo"]

    # Promoted: the admin changes her title; the table shows the new one.
    panel.table.setCurrentCell(1, 0)
    panel.title.clear()
    type_text(qtbot, panel.title, "Phó Chủ tịch UBND xã")
    panel.save.click()
    idle()
    assert {o.username: o.title for o in list_officers()}["lan.nt"] == "Phó Chủ tịch UBND xã"
    assert panel.table.item(1, 2).text() == "Phó Chủ tịch UBND xã"


def test_settings_are_read_only_for_an_officer(counter, officer, qtbot, idle, printed):
    from models.accounts import add_officer, get_officer_row

    add_officer("lan.nt", "Nguyễn Thị Lan", "officer", "matkhau-lan", by=officer)
    window = MainWindow(get_officer_row("lan.nt"), "")
    qtbot.addWidget(window)
    screen = _settings_screen(window, idle)
    assert not screen.save_button.isEnabled()
    assert screen.officers is None
    assert screen.inputs["place"].isReadOnly()
