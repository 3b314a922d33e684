"""The dossier desk: paging, filters, search, colours, sorting, opening a dossier."""
from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from ui_helpers import type_text

from models import workflow
from models.statuses import PROCESSING
from ui.dossier_table_model import LATE, PAGE_SIZE


def _codes(model) -> list[str]:
    return [model.code_at(r) for r in range(model.rowCount())]


def _show_desk(window, qtbot, idle):
    qtbot.keyClick(window, Qt.Key_F6)
    idle()
    return window.desk


def test_desk_pages_through_every_dossier(window, make_dossier, qtbot, idle):
    for i in range(PAGE_SIZE + 20):
        make_dossier(name=f"Công Dân {i}", id_number=f"0011900{i:05d}")
    desk = _show_desk(window, qtbot, idle)
    model = desk.model
    assert model.rowCount() == PAGE_SIZE
    assert desk.count.text() == "120 hồ sơ"
    desk.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE + 20)
    idle()
    assert not model.canFetchMore(model.index(-1, -1))


def test_search_status_filter_and_late_colour(window, make_dossier, officer, qtbot, idle):
    hang = make_dossier(name="Nguyễn Thị Hằng", id_number="001190012345")
    binh = make_dossier(name="Trần Văn Bình", id_number="001090054321", phone="0987654321")
    old = make_dossier(name="Lê Văn Cường", id_number="001090011111",
                       received_at=datetime.now() - timedelta(days=20))
    workflow.forward(binh.code, officer, unit="Công chức tư pháp")
    desk = _show_desk(window, qtbot, idle)
    assert set(_codes(desk.model)) == {hang.code, binh.code, old.code}

    type_text(qtbot, desk.search, "nguyen thi hang")
    qtbot.keyClick(desk.search, Qt.Key_Return)
    idle()
    assert _codes(desk.model) == [hang.code]
    desk.search.clear()
    type_text(qtbot, desk.search, "0987 654 321")
    qtbot.keyClick(desk.search, Qt.Key_Return)
    idle()
    assert _codes(desk.model) == [binh.code]
    desk.search.clear()
    desk.search.setFocus()
    qtbot.keyClick(desk.search, Qt.Key_Return)
    idle()

    desk.status.setCurrentIndex(desk.status.findData(PROCESSING))
    idle()
    assert _codes(desk.model) == [binh.code]
    desk.status.setCurrentIndex(0)
    qtbot.keyClick(desk.late, Qt.Key_Space)
    idle()
    assert _codes(desk.model) == [old.code]
    assert desk.model.data(desk.model.index(0, 0), Qt.BackgroundRole).color() == LATE


def test_sorting_by_a_column_reloads_in_that_order(window, make_dossier, qtbot, idle):
    make_dossier(name="Bùi Văn A", id_number="001090000001")
    make_dossier(name="Âu Thị B", id_number="001190000002")
    make_dossier(name="Đặng Văn C", id_number="001090000003")
    desk = _show_desk(window, qtbot, idle)
    desk.table.sortByColumn(1, Qt.AscendingOrder)
    idle()
    names = [desk.model.rows[r].applicant_name for r in range(desk.model.rowCount())]
    assert names == ["Âu Thị B", "Bùi Văn A", "Đặng Văn C"]  # folded: au, bui, dang
    desk.table.sortByColumn(1, Qt.DescendingOrder)
    idle()
    assert desk.model.rows[0].applicant_name == "Đặng Văn C"


def test_enter_on_a_row_opens_the_whole_dossier(window, make_dossier, qtbot, idle):
    dossier = make_dossier()
    desk = _show_desk(window, qtbot, idle)
    desk.table.setFocus()
    desk.table.selectRow(0)
    qtbot.keyClick(desk.table, Qt.Key_Return)
    dialog = window.dossier_dialogs[-1]
    qtbot.waitUntil(lambda: dialog.view is not None)
    assert dialog.heading.text() == dossier.code
    assert dialog.events.rowCount() == 1  # the reception
    assert dialog.events.item(0, 1).text() == "Tiếp nhận hồ sơ"
    assert set(dialog.action_buttons) == set(dossier.allowed_actions)
