"""Báo cáo, Quá hạn – sắp đến hạn tab: exactly the late and due-soon dossiers still with the
agency, and one click on a late one to extend it and print the apology."""
from __future__ import annotations

from datetime import datetime as T

import pytest
from PySide6.QtCore import Qt
from ui_helpers import pdf_text, type_text

from models import workflow
from models.dossiers import get_dossier
from models.intake import IntakeRequest, PersonInput, receive
from ui.main_window import REPORTS
from ui.reports_screen import LATE_TAB

MARRIAGE, BIRTH = "1.004873", "1.001193"  # 3 working days; the same day (due 17:00)
NOW = T(2026, 10, 8, 8)  # Thursday


def _receive(officer, procedure: str, at: T, name: str) -> str:
    request = IntakeRequest(procedure=procedure, received_at=at,
                            applicant=PersonInput(name=name, id_number="001090012345"))
    return receive(request, officer, now=at).code


@pytest.fixture
def dossiers(officer) -> dict[str, str]:
    c = {}
    c["late_birth"] = _receive(officer, BIRTH, T(2026, 10, 6, 9), "Nguyễn Thị Hằng")  # due 06/10 17:00
    c["late_paused"] = _receive(officer, MARRIAGE, T(2026, 10, 1, 9), "Trần Văn Bình")  # due 06/10 09:00
    workflow.request_supplement(c["late_paused"], officer, missing=["Tờ khai"], reason="Thiếu tờ khai",
                                now=T(2026, 10, 7, 9))  # asked after the due date: late
    c["due_soon"] = _receive(officer, MARRIAGE, T(2026, 10, 5, 9), "Lê Văn Cường")  # due 08/10 09:00
    c["in_time"] = _receive(officer, MARRIAGE, T(2026, 10, 7, 9), "Phạm Thị Dung")  # due 12/10
    c["finished_late"] = _receive(officer, BIRTH, T(2026, 10, 1, 9), "Hoàng Minh Đức")
    workflow.finish(c["finished_late"], officer, now=T(2026, 10, 2, 9))  # late, but done
    c["withdrawn"] = _receive(officer, BIRTH, T(2026, 10, 2, 9), "Vũ Thị Hoa")
    workflow.withdraw(c["withdrawn"], officer, reason="Công dân xin rút", now=T(2026, 10, 5, 9))
    return c


def _panel(window, qtbot, idle):
    screen = window.reports
    screen.now = lambda: NOW
    with qtbot.waitSignal(screen.late_panel.loaded, timeout=15000):
        window.show_tab(REPORTS)
        screen.tabs.setCurrentIndex(LATE_TAB)
    idle()
    return screen.late_panel


def _column(panel, column: int) -> list[str]:
    return [panel.table.item(r, column).text() for r in range(panel.table.rowCount())]


def test_lists_exactly_the_late_and_due_soon_dossiers(window, dossiers, qtbot, idle):
    panel = _panel(window, qtbot, idle)
    # late first (by due time), then due within a day
    assert _column(panel, 0) == [dossiers["late_paused"], dossiers["late_birth"], dossiers["due_soon"]]
    assert _column(panel, 1) == ["Trần Văn Bình", "Nguyễn Thị Hằng", "Lê Văn Cường"]
    assert _column(panel, 3) == ["09:00 06/10/2026", "17:00 06/10/2026", "09:00 08/10/2026"]
    assert _column(panel, 5) == ["Quá hạn (đang chờ bổ sung)", "Quá hạn 2 ngày", "Sắp đến hạn"]
    assert panel.summary.text() == "2 quá hạn, 1 đến hạn trong vòng 1 ngày"
    assert window.reports.tabs.tabText(LATE_TAB) == "Quá hạn – sắp đến hạn (3)"
    # the apology is offered for the late ones only
    assert panel.apology_button_for(dossiers["late_birth"]).text() == "In phiếu xin lỗi…"
    assert panel.apology_button_for(dossiers["late_paused"]) is not None
    assert panel.apology_button_for(dossiers["due_soon"]) is None


def test_apology_in_one_click_extends_and_prints(window, dossiers, qtbot, idle, printed):
    panel = _panel(window, qtbot, idle)
    code = dossiers["late_birth"]
    with qtbot.waitSignal(panel.dialog_opened, timeout=10000) as opened:
        qtbot.mouseClick(panel.apology_button_for(code), Qt.LeftButton)
    dialog = opened.args[0]
    assert dialog.action == "extend" and dialog.view.code == code
    # prefilled: the next working day after today, at the due time of day
    assert dialog.inputs["new_due"].value() == T(2026, 10, 9, 17)
    assert dialog.inputs["new_due"].text() == "17:00 09/10/2026"
    assert dialog.inputs["reason"].hasFocus()
    new_due = dialog.inputs["new_due"]
    new_due.setFocus()
    qtbot.keyClick(new_due, Qt.Key_A, Qt.ControlModifier)
    qtbot.keyClicks(new_due, "17:00 12/10/2026")
    dialog.inputs["reason"].setFocus()
    type_text(qtbot, dialog.inputs["reason"], "Chờ xác minh của cơ quan khác")
    with qtbot.waitSignals([panel.changed, panel.printer.shown, panel.loaded], timeout=15000):
        qtbot.keyClick(dialog.ok, Qt.Key_Return, Qt.ControlModifier)
    idle()
    after = get_dossier(code)
    assert after.due_at == T(2026, 10, 12, 17)
    assert after.due_history[-1].kind == "extend"
    assert after.due_history[-1].reason == "Chờ xác minh của cơ quan khác"
    qtbot.waitUntil(lambda: any(kind == "apology" and c == code for kind, c, _p in printed))
    text = pdf_text(next(p for kind, _c, p in printed if kind == "apology"))
    assert "XIN LỖI" in text
    assert "Chờ xác minh của cơ quan khác" in text
    assert panel.printer.preview.isVisible()
    # the citizen has a new date, but the dossier stays late (DOMAIN §7): still listed, saying so
    assert after.late and after.due_history[-1].overdue
    assert after.due_history[-1].signer == "admin"  # the leader who recorded it signs
    assert _column(panel, 0) == [dossiers["late_paused"], code, dossiers["due_soon"]]
    assert _column(panel, 5)[1] == "Quá hạn (đã hẹn lại 17:00 12/10/2026)"


def test_apology_for_the_selected_row_from_the_keyboard(window, dossiers, qtbot, idle):
    panel = _panel(window, qtbot, idle)
    panel.table.setFocus()
    panel.table.setCurrentCell(2, 0)  # due soon: nothing to apologise for
    assert not panel.apology_button.isEnabled()
    panel.table.setCurrentCell(0, 0)
    assert panel.apology_button.isEnabled()
    with qtbot.waitSignal(panel.dialog_opened, timeout=10000) as opened:
        qtbot.keyClick(panel.table, Qt.Key_P, Qt.ControlModifier)
    dialog = opened.args[0]
    assert dialog.view.code == dossiers["late_paused"]
    dialog.reject()
    qtbot.keyClick(panel.table, Qt.Key_Return)  # Enter opens the dossier
    opened_dialog = window.dossier_dialogs[-1]
    qtbot.waitUntil(lambda: opened_dialog.view is not None)
    assert opened_dialog.view.code == dossiers["late_paused"]
