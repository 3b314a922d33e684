"""Đồng bộ: exporting a day's file from the app, the banner of days the province lacks, the
province's acknowledgement, and the automatic export (on the timer and when the app closes)."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from models.intake import IntakeRequest, PersonInput, receive
from sync.apply import apply_files
from sync.export import default_export_dir, set_export_dir
from sync.format import day_file_name
from sync.keys import Trust, agency_public_key_document, unb64
from ui.main_window import SYNC, MainWindow

AGENCY = "000.00.24.H12"
DAY = date(2026, 3, 2)  # a Monday
NEXT = DAY + timedelta(days=1)
HOUR = 3_600_000


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute)


class Clock:
    """The window's clock, moved by the test."""

    def __init__(self, moment: datetime):
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


def take_in(officer, moment: datetime, name: str = "Nguyễn Thị Hằng", number: str = "001190012345"):
    return receive(IntakeRequest(procedure="1.001193", received_at=moment, applicant=PersonInput(
        name=name, id_number=number, phone="0912345678", address="Thôn 1, Xã Tam Đảo")), officer, now=moment)


@pytest.fixture
def open_window(counter, officer, qtbot, idle, printed):
    """A main window on a given clock; the timers are set far apart and driven by the test."""
    def make(moment: datetime) -> tuple[MainWindow, Clock]:
        clock = Clock(moment)
        win = MainWindow(officer, "", now=clock, sync_interval_ms=24 * HOUR)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        idle()
        return win, clock
    return make


@pytest.fixture
def errors(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr("ui.sync_screen.show_error", lambda _parent, message: shown.append(message))
    return shown


def table_rows(win) -> list[list[str]]:
    table = win.sync.table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_export_a_day_to_the_sync_folder_and_to_a_usb_drive(open_window, officer, tmp_path, qtbot, idle,
                                                             monkeypatch):
    take_in(officer, at(DAY, 9))
    win, _clock = open_window(at(DAY, 10))
    win.show_tab(SYNC)
    idle()
    folder = default_export_dir()
    assert win.sync.folder_label.text() == f"Thư mục đồng bộ: {folder}"
    assert win.sync.day.value() == DAY and win.sync.day.text() == "02/03/2026"
    assert win.sync.table.rowCount() == 0

    qtbot.mouseClick(win.sync.export_button, Qt.LeftButton)
    idle()

    written = folder / day_file_name(AGENCY, DAY)
    assert written.is_file()
    assert win.sync.notice.text().startswith("Đã ghi tệp ngày 02/03/2026 (lần xuất 1): 1 hồ sơ, 1 sự kiện.")
    assert table_rows(win) == [["02/03/2026", "1", "10:00 02/03/2026", "1", "1", "Không", str(written),
                                "Chưa có xác nhận"]]

    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(usb))
    qtbot.mouseClick(win.sync.other_button, Qt.LeftButton)
    idle()

    copy = usb / day_file_name(AGENCY, DAY)
    assert copy.read_bytes() == written.read_bytes()  # same day, nothing changed: the same file
    assert "Không có gì thay đổi" in win.sync.notice.text()
    assert [row[6] for row in table_rows(win)] == [str(copy)]


def test_the_banner_follows_a_past_day_until_the_province_confirms_it(open_window, officer, tmp_path, qtbot,
                                                                      idle, monkeypatch):
    take_in(officer, at(DAY, 9))
    take_in(officer, at(DAY, 9, 30), name="Trần Văn Bình", number="001090054321")
    set_export_dir(tmp_path / "out")
    win, _clock = open_window(at(NEXT, 8))

    banner = win.sync_banner
    assert banner.isVisible()
    assert banner.text.text() == "Ngày 02/03/2026: có 2 thay đổi chưa xuất tệp đồng bộ."
    qtbot.mouseClick(banner.button, Qt.LeftButton)
    assert win.tabs.currentIndex() == SYNC
    idle()

    win.sync.day.set_value(DAY)
    qtbot.mouseClick(win.sync.export_button, Qt.LeftButton)
    idle()
    assert banner.text.text() == "Ngày 02/03/2026: đã xuất (lần 1) nhưng chưa có xác nhận tỉnh đã nhận."

    # The province applies the file and writes its acknowledgement; the officer imports it.
    trust = Trust()
    document = agency_public_key_document()
    trust.add(document["agency_code"], unb64(document["public_key"]))
    summary = apply_files([tmp_path / "out" / day_file_name(AGENCY, DAY)], str(tmp_path / "central.sqlite3"),
                          trust=trust, ack_dir=tmp_path / "acks", now=at(NEXT, 8))
    (ack,) = summary.acks
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(ack), ""))
    qtbot.mouseClick(win.sync.ack_button, Qt.LeftButton)
    idle()

    assert win.sync.notice.text().startswith("Đã nhập tệp xác nhận.\nNgày 02/03/2026, lần xuất 1: đã nạp")
    assert table_rows(win)[0][7] == "đã nạp (08:00 03/03/2026)"
    assert not banner.isVisible()


def test_a_bad_acknowledgement_file_is_refused_in_vietnamese(open_window, tmp_path, qtbot, idle, errors,
                                                            monkeypatch):
    win, _clock = open_window(at(DAY, 10))
    win.show_tab(SYNC)
    idle()
    bad = tmp_path / "ack.json"
    bad.write_text("không phải JSON", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(bad), ""))
    qtbot.mouseClick(win.sync.ack_button, Qt.LeftButton)
    idle()

    assert errors == [f"Tệp xác nhận {bad} không đọc được (không phải JSON hợp lệ)."]
    assert win.sync.notice.text() == errors[0]
    assert win.sync.ack_button.isEnabled()


def test_an_unwritable_drive_is_reported_in_vietnamese(open_window, officer, tmp_path, qtbot, idle, errors,
                                                       monkeypatch):
    take_in(officer, at(DAY, 9))
    win, _clock = open_window(at(DAY, 10))
    win.show_tab(SYNC)
    idle()
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(not_a_folder))
    qtbot.mouseClick(win.sync.other_button, Qt.LeftButton)
    idle()

    (message,) = errors
    assert message.startswith("Không ghi hoặc đọc được tệp")
    assert win.sync.table.rowCount() == 0  # nothing recorded for a file that was not written


def test_the_timer_exports_past_days_and_today_after_closing_time(open_window, officer, tmp_path, idle):
    take_in(officer, at(DAY, 9))
    take_in(officer, at(NEXT, 9), name="Trần Văn Bình", number="001090054321")
    set_export_dir(tmp_path / "out")
    win, clock = open_window(at(NEXT, 10))
    assert win.sync_banner.isVisible()

    win.auto_export.timer.timeout.emit()  # the five-minute tick
    idle()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [day_file_name(AGENCY, DAY)]
    assert win.sync_banner.text.text() == \
        "Ngày 02/03/2026: đã xuất (lần 1) nhưng chưa có xác nhận tỉnh đã nhận."

    clock.moment = at(NEXT, 17, 5)  # the office has closed: today is due too
    win.auto_export.timer.timeout.emit()
    idle()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == \
        [day_file_name(AGENCY, DAY), day_file_name(AGENCY, NEXT)]


def test_closing_the_app_exports_today(open_window, officer, tmp_path, idle):
    set_export_dir(tmp_path / "out")
    win, _clock = open_window(at(DAY, 10))
    take_in(officer, at(DAY, 10))
    assert not win.sync_banner.isVisible()  # today's work is still being done

    assert win.close()

    assert (tmp_path / "out" / day_file_name(AGENCY, DAY)).is_file()


def test_a_failed_export_never_keeps_the_app_open(open_window, officer, monkeypatch):
    win, _clock = open_window(at(DAY, 10))
    take_in(officer, at(DAY, 10))

    def broken(*_a, **_k):
        raise OSError("the drive was pulled out")
    monkeypatch.setattr("sync.export.export_if_due", broken)

    assert win.close()
    assert not win.isVisible()


def test_a_day_with_a_record_left_out_is_shown_not_delivered(open_window, officer, tmp_path, idle):
    from models.tables import Dossier
    from sync.export import run_export

    take_in(officer, at(DAY, 9))
    broken = take_in(officer, at(DAY, 10), name="Trần Văn Bình", number="001090012345")
    Dossier.update(notes="x" * 5000).where(Dossier.code == broken.code).execute()  # older, damaged data
    run_export(DAY, tmp_path, by=officer, now=at(DAY, 18))
    win, _clock = open_window(at(NEXT, 9))
    win.show_tab(SYNC)
    idle()

    assert win.sync_banner.isVisible()
    assert win.sync_banner.text.text().startswith("Ngày 02/03/2026: CHƯA GIAO ĐỦ cho tỉnh – 2 bản ghi")
    assert broken.code in win.sync_banner.text.text()
    assert table_rows(win)[0][7] == "Chưa có xác nhận – CHƯA GIAO ĐỦ: thiếu 2 bản ghi"
