"""Trả kết quả: a USB scanner types the code and Enter; F2 reaches the field from anywhere."""
from __future__ import annotations

from PySide6.QtCore import Qt

from models import workflow
from models.dossiers import get_dossier
from models.statuses import RETURNED
from ui.main_window import RETURN


def test_scanner_code_and_enter_opens_the_dossier_with_return_ready(window, make_dossier, officer,
                                                                     qtbot, idle):
    dossier = make_dossier(name="Nguyễn Thị Hằng")
    workflow.finish(dossier.code, officer)
    window.intake.name.setFocus()
    qtbot.keyClick(window.intake.name, Qt.Key_F2)  # from the intake screen
    scan = window.returns.scan
    assert window.tabs.currentIndex() == RETURN and scan.hasFocus() or not window.isActiveWindow()
    typed = "  " + dossier.code.lower() + " "  # a sloppy scan: case and stray spaces
    with qtbot.waitSignal(window.returns.found, timeout=10000):
        qtbot.keyClicks(scan, typed)
        qtbot.keyClick(scan, Qt.Key_Return)
    dialog = window.dossier_dialogs[-1]
    qtbot.waitUntil(lambda: dialog.action_dialog is not None)
    ready = dialog.action_dialog
    assert ready.action == "return"
    assert ready.inputs["recipient"].text() == "Nguyễn Thị Hằng"
    qtbot.keyClick(ready.inputs["recipient"], Qt.Key_Return)
    idle()
    returned = get_dossier(dossier.code)
    assert returned.status == RETURNED and returned.returned_to == "Nguyễn Thị Hằng"
    assert scan.text() == ""


def test_unknown_code_says_so_clearly(window, qtbot, idle):
    window.focus_scan()
    with qtbot.waitSignal(window.returns.not_found, timeout=10000):
        qtbot.keyClicks(window.returns.scan, "000.00.24.H12-990101-9999")
        qtbot.keyClick(window.returns.scan, Qt.Key_Return)
    assert "Không tìm thấy hồ sơ" in window.returns.message.text()
    assert "000.00.24.H12-990101-9999" in window.returns.message.text()
    assert not window.dossier_dialogs


def test_finished_dossiers_wait_in_the_return_list(window, make_dossier, officer, qtbot, idle):
    waiting = make_dossier()
    make_dossier(id_number="001090054321")
    workflow.finish(waiting.code, officer)
    window.focus_scan()
    idle()
    model = window.returns.model
    assert [model.code_at(r) for r in range(model.rowCount())] == [waiting.code]
