"""Every workflow dialog, filled from the keyboard and confirmed with Ctrl+Enter."""
from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from ui_helpers import pdf_text, type_text

from models import workflow
from models.dossiers import get_dossier
from models.holidays_admin import load_calendar
from models.statuses import (
    FINANCIAL,
    FINISHED,
    PROCESSING,
    REFUSED,
    RETURNED,
    STOPPED,
    SUPPLEMENT,
    WITHDRAWN,
)


def _open(window, qtbot, code):
    dialog = window.open_dossier(code)
    qtbot.waitUntil(lambda: dialog.view is not None)
    return dialog


def _run(dialog, qtbot, idle, action: str, typing: dict[str, str]):
    button = dialog.action_buttons[action]
    button.setFocus()
    qtbot.keyClick(button, Qt.Key_Space)
    form = dialog.action_dialog
    assert form.action == action
    for name, text in typing.items():
        widget = form.inputs[name]
        widget.setFocus()
        type_text(qtbot, widget, text)
    with qtbot.waitSignal(dialog.changed, timeout=10000):
        qtbot.keyClick(form.ok, Qt.Key_Return, Qt.ControlModifier)
    idle()
    return form


@pytest.mark.parametrize("action, setup, typing, status, form", [
    ("forward", [], {"unit": "Công chức tư pháp – hộ tịch"}, PROCESSING, None),
    ("supplement", [], {"missing": "Giấy chứng sinh\nTờ khai có chữ ký", "reason": "Thiếu giấy chứng sinh"},
     SUPPLEMENT, "supplement"),
    ("resume", ["supplement"], {"note": "Đã nhận đủ"}, PROCESSING, None),
    ("request_payment", [], {"note": "Nộp lệ phí 8.000 đồng"}, FINANCIAL, None),
    ("paid", ["request_payment"], {}, PROCESSING, None),
    ("finish", [], {"note": "Đã ký"}, FINISHED, None),
    ("return", ["finish"], {"note": "Nhận tại quầy"}, RETURNED, None),
    ("refuse", [], {"reason": "Không thuộc thẩm quyền của xã"}, REFUSED, "refusal"),
    ("withdraw", [], {"reason": "Công dân xin rút"}, WITHDRAWN, "stop"),
    ("stop", [], {"reason": "Hồ sơ giả mạo"}, STOPPED, "stop"),
])
def test_transition_dialog(window, make_dossier, officer, qtbot, idle, printed,
                           action, setup, typing, status, form):
    dossier = make_dossier(name="Nguyễn Thị Hằng")
    for step in setup:
        if step == "supplement":
            workflow.request_supplement(dossier.code, officer, missing=["Giấy chứng sinh"], reason="Thiếu")
        elif step == "request_payment":
            workflow.request_payment(dossier.code, officer, note="Lệ phí")
        elif step == "finish":
            workflow.finish(dossier.code, officer)
    dialog = _open(window, qtbot, dossier.code)
    _run(dialog, qtbot, idle, action, typing)
    after = get_dossier(dossier.code)
    assert after.status == status
    assert after.events[-1].action == action
    qtbot.waitUntil(lambda: dialog.view.status == status)
    assert dialog.events.rowCount() == len(after.events)
    assert set(dialog.action_buttons) == set(after.allowed_actions)
    if action == "return":
        assert after.returned_to == "Nguyễn Thị Hằng"  # prefilled with the applicant
    if form:
        qtbot.waitUntil(lambda: any(kind == form for kind, _c, _p in printed))
        pdf = next(p for kind, _c, p in printed if kind == form)
        assert dossier.code in pdf_text(pdf)
        assert dialog.printer.preview.isVisible()


def test_extension_prints_the_apology_with_the_new_date(window, make_dossier, qtbot, idle, printed):
    dossier = make_dossier()
    dialog = _open(window, qtbot, dossier.code)
    button = dialog.action_buttons["extend"]
    qtbot.keyClick(button, Qt.Key_Space)
    form = dialog.action_dialog
    calendar = load_calendar()
    new_day = dossier.due_at.date() + timedelta(days=1)
    while not calendar.is_working_day(new_day):
        new_day += timedelta(days=1)
    new_due = dossier.due_at.replace(year=new_day.year, month=new_day.month, day=new_day.day)
    form.inputs["new_due"].setFocus()
    qtbot.keyClick(form.inputs["new_due"], Qt.Key_A, Qt.ControlModifier)
    qtbot.keyClicks(form.inputs["new_due"], new_due.strftime("%H:%M %d/%m/%Y"))
    form.inputs["reason"].setFocus()
    type_text(qtbot, form.inputs["reason"], "Chờ xác minh của cơ quan khác")
    with qtbot.waitSignal(dialog.changed, timeout=10000):
        qtbot.keyClick(form.ok, Qt.Key_Return, Qt.ControlModifier)
    idle()
    after = get_dossier(dossier.code)
    assert after.due_at == new_due
    assert after.due_history[-1].kind == "extend"
    qtbot.waitUntil(lambda: any(kind == "apology" for kind, _c, _p in printed))
    text = pdf_text(next(p for kind, _c, p in printed if kind == "apology"))
    assert "Chờ xác minh của cơ quan khác" in text
    assert dialog.due_history.rowCount() == 2


def test_missing_reason_is_shown_in_the_dialog_and_nothing_changes(window, make_dossier, qtbot, idle):
    dossier = make_dossier()
    dialog = _open(window, qtbot, dossier.code)
    qtbot.keyClick(dialog.action_buttons["refuse"], Qt.Key_Space)
    form = dialog.action_dialog
    qtbot.keyClick(form.ok, Qt.Key_Return, Qt.ControlModifier)
    idle()
    assert form.errors.message("reason") == "Cần ghi lý do từ chối tiếp nhận."
    assert form.isVisible()
    assert get_dossier(dossier.code).status == dossier.status


def test_reprint_any_form_shows_it(window, make_dossier, qtbot, idle):
    dossier = make_dossier()
    dialog = _open(window, qtbot, dossier.code)
    names = [a.text() for a in dialog.reprint_menu.actions()]
    assert names[0] == "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"
    with qtbot.waitSignal(dialog.printer.shown, timeout=10000) as shown:
        dialog.reprint_menu.actions()[1].trigger()  # the control sheet
    assert shown.args[0] == "control"
    assert dossier.code in pdf_text(shown.args[1])
