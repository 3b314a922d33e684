"""The way back in the app: the province's package imported from a USB folder (Đồng bộ), its
banner, and the "Hồ sơ trực tuyến" queue in the dossier desk, where the officer accepts a
dossier (the receipt prints) or refuses it (the refusal form prints)."""
from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from ui_helpers import pdf_text, type_text

from models.catalog import get_procedure
from models.dossiers import get_dossier
from tests.package_fixtures import Province, catalog_with, online_dossier, write_json
from ui.main_window import DESK, SYNC, MainWindow

HOUR = 3_600_000


class Clock:
    def __init__(self, moment: datetime):
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


@pytest.fixture
def province(counter, tmp_path):
    p = Province(tmp_path / "province")
    p.install_at_counter()
    return p


@pytest.fixture
def usb(province, tmp_path):
    """A stick with a package of two online dossiers submitted an hour ago."""
    now = datetime.now().replace(microsecond=0)
    submitted = (now - timedelta(hours=1)).isoformat()
    items = [online_dossier("G22.39-260302-0007", submitted_at=submitted),
             online_dossier("G22.39-260302-0008", submitted_at=submitted, name="Phạm Văn Nam",
                            id_number="001090011111")]
    province.make(now=now - timedelta(minutes=5), online=write_json(tmp_path / "tt.json", items))
    return province.out


def _import(window, qtbot, idle, monkeypatch, folder: Path):
    window.show_tab(SYNC)
    idle()
    panel = window.sync.packages
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(folder))
    with qtbot.waitSignal(panel.applied, timeout=15000):
        qtbot.mouseClick(panel.folder_button, Qt.LeftButton)
    idle()
    return panel


def test_a_package_from_a_usb_folder_fills_the_online_queue(window, usb, qtbot, idle, monkeypatch):
    panel = _import(window, qtbot, idle, monkeypatch, usb)

    assert "Gói số 1 của tỉnh" in panel.notice.text() and "đã áp dụng." in panel.notice.text()
    assert "Hồ sơ trực tuyến: 2 hồ sơ mới chờ tiếp nhận" in panel.notice.text()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1)
    assert panel.table.item(0, 4).text() == "Đã áp dụng"
    banner = window.package_banner
    qtbot.waitUntil(lambda: banner.isVisible() and "2 hồ sơ trực tuyến" in banner.text.text())
    assert banner.result_text.text() == ("Đã áp dụng gói số 1 của tỉnh: 2 hồ sơ trực tuyến mới chờ tiếp nhận.")

    qtbot.mouseClick(banner.online_button, Qt.LeftButton)
    idle()
    assert window.tabs.currentIndex() == DESK
    queue = window.desk.online
    qtbot.waitUntil(lambda: queue.isVisible() and queue.table.rowCount() == 2)
    assert queue.title() == "Hồ sơ trực tuyến (2 hồ sơ chờ tiếp nhận)"
    assert [queue.table.item(r, 0).text() for r in range(2)] == ["G22.39-260302-0007", "G22.39-260302-0008"]
    qtbot.mouseClick(banner.close_button, Qt.LeftButton)
    assert not banner.result_text.isVisible()


def test_the_officer_accepts_an_online_dossier_and_the_receipt_prints(window, usb, qtbot, idle, monkeypatch,
                                                                      printed):
    _import(window, qtbot, idle, monkeypatch, usb)
    qtbot.keyClick(window, Qt.Key_F6)
    idle()
    queue = window.desk.online
    qtbot.waitUntil(lambda: queue.table.rowCount() == 2)
    queue.table.setFocus()
    queue.table.selectRow(0)
    qtbot.keyClick(queue.table, Qt.Key_Return)
    qtbot.waitUntil(lambda: bool(window.dossier_dialogs) and window.dossier_dialogs[-1].action_dialog is not None,
                    timeout=10000)
    dialog = window.dossier_dialogs[-1]
    assert dialog.documents.rowCount() > 0  # the papers to check
    form = dialog.action_dialog
    assert form.windowTitle() == "Tiếp nhận hồ sơ trực tuyến – G22.39-260302-0007"
    before = datetime.now().replace(microsecond=0)
    with qtbot.waitSignal(dialog.changed, timeout=10000):
        qtbot.keyClick(form.ok, Qt.Key_Return, Qt.ControlModifier)
    idle()

    accepted = get_dossier("G22.39-260302-0007")
    assert accepted.status == 2 and accepted.received_at >= before
    assert accepted.register_number == 1
    qtbot.waitUntil(lambda: any(kind == "receipt" for kind, _c, _p in printed))
    receipt = pdf_text(next(p for kind, _c, p in printed if kind == "receipt"))
    assert "G22.39-260302-0007" in receipt
    qtbot.waitUntil(lambda: queue.table.rowCount() == 1)
    assert queue.title() == "Hồ sơ trực tuyến (1 hồ sơ chờ tiếp nhận)"


def test_the_officer_refuses_an_online_dossier_with_the_refusal_form(window, usb, qtbot, idle, monkeypatch,
                                                                    printed):
    _import(window, qtbot, idle, monkeypatch, usb)
    window.show_tab(DESK)
    idle()
    queue = window.desk.online
    qtbot.waitUntil(lambda: queue.table.rowCount() == 2)
    queue.table.selectRow(1)
    qtbot.mouseClick(queue.refuse_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(window.dossier_dialogs) and window.dossier_dialogs[-1].action_dialog is not None,
                    timeout=10000)
    dialog = window.dossier_dialogs[-1]
    form = dialog.action_dialog
    type_text(qtbot, form.inputs["reason"], "Tờ khai tải lên không đọc được")
    with qtbot.waitSignal(dialog.changed, timeout=10000):
        qtbot.keyClick(form.ok, Qt.Key_Return, Qt.ControlModifier)
    idle()
    assert get_dossier("G22.39-260302-0008").status == 3
    qtbot.waitUntil(lambda: any(kind == "refusal" for kind, _c, _p in printed))
    assert "Tờ khai tải lên không đọc được" in pdf_text(next(p for kind, _c, p in printed if kind == "refusal"))
    qtbot.waitUntil(lambda: queue.table.rowCount() == 1)


def test_a_refused_package_is_reported_in_red_and_changes_nothing(window, usb, qtbot, idle, monkeypatch):
    package = next(usb.glob("*.zip"))
    data = bytearray(package.read_bytes())
    data[len(data) // 2] ^= 0x01
    package.write_bytes(bytes(data))
    panel = _import(window, qtbot, idle, monkeypatch, usb)
    assert "KHÔNG áp dụng" in panel.notice.text() and "#b00020" in panel.notice.styleSheet()
    assert not window.desk.online.views


def test_the_banner_applies_a_held_catalog_when_its_day_comes(counter, officer, province, qtbot, idle,
                                                              printed, tmp_path):
    def five_days(entries):
        entries["1.004873"]["duration"] = {"value": 5, "unit": "working_days"}
    path = catalog_with(tmp_path / "dm.json", decision="Quyết định 300/QĐ-UBND", effective_from="2026-12-10",
                        change=five_days)
    made = province.make(now=datetime(2026, 12, 1, 9, 0), catalog=path)
    from sync.package_apply import apply_package_file
    assert not apply_package_file(made.path, by=officer, now=datetime(2026, 12, 1, 9, 0)).catalog.applied

    clock = Clock(datetime(2026, 12, 4, 9, 0))  # within a week of the date: announced
    win = MainWindow(officer, "", now=clock, sync_interval_ms=24 * HOUR)
    qtbot.addWidget(win)
    win.show()
    idle()
    banner = win.package_banner
    qtbot.waitUntil(lambda: "sẽ có hiệu lực từ ngày 10/12/2026" in banner.text.text())
    assert get_procedure("1.004873").duration_value == 3

    clock.moment = datetime(2026, 12, 10, 7, 0)  # the morning it takes effect
    with qtbot.waitSignal(banner.refreshed, timeout=10000):
        banner.timer.timeout.emit()
    idle()
    assert "Danh mục thủ tục theo Quyết định 300/QĐ-UBND có hiệu lực từ hôm nay." in banner.text.text()
    assert get_procedure("1.004873").duration_value == 5
