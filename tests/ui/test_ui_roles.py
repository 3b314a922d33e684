"""The desktop app and the roles (DOMAIN §9): each window offers what its officer may do, the
services refuse the rest whatever the screen shows, and the counter changes hands without a
restart ("Đăng xuất / đổi cán bộ")."""
from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from ui_helpers import type_text

from models.accounts import add_officer, get_officer_row, list_officers, update_officer
from models.audit import now as clock
from models.dossiers import get_dossier
from models.holidays_admin import load_calendar
from models.search import count_dossiers
from tests.conftest import TEST_PASSWORD
from ui.main_window import INTAKE, REPORTS, SIGN_OUT_KEYS, MainWindow


def _window(qtbot, idle, username: str) -> MainWindow:
    window = MainWindow(get_officer_row(username), "")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    idle()
    return window


def _dossier_dialog(window, qtbot, code):
    dialog = window.open_dossier(code)
    qtbot.waitUntil(lambda: dialog.view is not None)
    return dialog


def test_an_officers_window_offers_no_leader_or_admin_act(officer, make_dossier, qtbot, idle, printed):
    add_officer("hung", "Trần Văn Hùng", "officer", TEST_PASSWORD, by=officer)
    window = _window(qtbot, idle, "hung")
    assert window.who.text() == "Cán bộ: Trần Văn Hùng (cán bộ một cửa)"
    assert window.tabs.isTabVisible(INTAKE) and not window.tabs.isTabVisible(REPORTS)
    window.show_tab(REPORTS)
    assert window.tabs.currentIndex() != REPORTS
    assert not window.settings.save_button.isEnabled() and window.settings.officers is None
    assert not window.settings.holidays.add.isEnabled()
    assert not window.catalog.import_button.isEnabled()
    dialog = _dossier_dialog(window, qtbot, make_dossier().code)
    assert "stop" not in dialog.action_buttons  # a leader's decision
    assert {"forward", "finish", "extend", "refuse"} <= set(dialog.action_buttons)


def test_the_services_refuse_an_officers_admin_act_whatever_the_screen(officer, qtbot, idle):
    """Even a screen built for an admin, used by an officer, saves nothing."""
    from ui.officers_panel import OfficersPanel

    add_officer("hung", "Trần Văn Hùng", "officer", TEST_PASSWORD, by=officer)
    panel = OfficersPanel(get_officer_row("hung"))
    qtbot.addWidget(panel)
    qtbot.keyClicks(panel.username, "moi")
    type_text(qtbot, panel.full_name, "Cán bộ mới")
    panel.add_new()
    idle()
    assert panel.errors.general.text() == \
        "Tài khoản hung (vai trò cán bộ một cửa) không được thêm tài khoản cán bộ."
    assert "moi" not in [o.username for o in list_officers()]


def test_a_leaders_window(officer, make_dossier, qtbot, idle, printed):
    add_officer("lan", "Nguyễn Thị Lan", "leader", TEST_PASSWORD, by=officer)
    window = _window(qtbot, idle, "lan")
    assert not window.tabs.isTabVisible(INTAKE) and window.tabs.isTabVisible(REPORTS)
    assert window.tabs.currentIndex() != INTAKE
    dialog = _dossier_dialog(window, qtbot, make_dossier().code)
    assert "stop" in dialog.action_buttons
    # a step of the officers' can only be recorded from the paper register
    form = dialog.start_action("finish")
    assert form.backdate.isChecked() and not form.backdate.isEnabled()


def test_a_leader_records_a_step_from_the_paper_register(officer, make_dossier, qtbot, idle, printed):
    add_officer("lan", "Nguyễn Thị Lan", "leader", TEST_PASSWORD, by=officer)
    window = _window(qtbot, idle, "lan")
    code = make_dossier(received_at=clock() - timedelta(hours=3)).code
    dialog = _dossier_dialog(window, qtbot, code)
    form = dialog.start_action("finish")
    happened = (clock() - timedelta(hours=2)).replace(second=0)
    form.happened.set_value(happened)
    form.backdate_reason.setFocus()
    type_text(qtbot, form.backdate_reason, "Mất điện, ghi từ sổ giấy")
    with qtbot.waitSignal(dialog.changed, timeout=10000):
        qtbot.keyClick(form.ok, Qt.Key_Return, Qt.ControlModifier)
    idle()
    event = get_dossier(code).events[-1]
    assert (event.action, event.at, event.backdate_reason, event.officer) == (
        "finish", happened, "Mất điện, ghi từ sổ giấy", "lan")
    assert event.recorded_at > event.at
    qtbot.waitUntil(lambda: dialog.events.rowCount() == 2)
    assert "ghi lùi: Mất điện, ghi từ sổ giấy" in dialog.events.item(1, 5).text()


def test_an_officer_names_the_leader_who_signs_an_extension(officer, make_dossier, qtbot, idle, printed):
    add_officer("hung", "Trần Văn Hùng", "officer", TEST_PASSWORD, by=officer)
    add_officer("lan", "Nguyễn Thị Lan", "leader", TEST_PASSWORD, by=officer)
    window = _window(qtbot, idle, "hung")
    code = make_dossier(procedure="1.004873").code
    dialog = _dossier_dialog(window, qtbot, code)
    form = dialog.start_action("extend")
    assert form.backdate is None  # not a leader: no paper-register records
    qtbot.waitUntil(lambda: form.signer.count() == 2)  # the leaders: the setup account and lan
    form.signer.setCurrentIndex(form.signer.findData("lan"))
    due = dialog.view.due_at
    form.inputs["new_due"].set_value(datetime.combine(load_calendar().next_working_day(due.date()), due.time()))
    form.inputs["reason"].setFocus()
    type_text(qtbot, form.inputs["reason"], "Chờ ý kiến cơ quan khác")
    with qtbot.waitSignal(dialog.changed, timeout=10000):
        qtbot.keyClick(form.ok, Qt.Key_Return, Qt.ControlModifier)
    idle()
    change = get_dossier(code).due_history[-1]
    assert (change.kind, change.signer, change.overdue) == ("extend", "lan", False)
    qtbot.waitUntil(lambda: any(kind == "apology" for kind, _c, _p in printed))


def test_a_session_of_an_account_disabled_meanwhile_receives_nothing(officer, qtbot, idle, printed):
    add_officer("hung", "Trần Văn Hùng", "officer", TEST_PASSWORD, by=officer)
    window = _window(qtbot, idle, "hung")
    update_officer("hung", active=False, by=officer)  # by the admin, elsewhere
    screen = window.intake
    qtbot.waitUntil(lambda: screen.procedure.count() > 0)
    qtbot.keyClicks(screen.id_number, "001190012345")
    type_text(qtbot, screen.name, "Nguyễn Thị Hằng")
    qtbot.keyClicks(screen.phone, "0912345678")
    type_text(qtbot, screen.address.detail, "Thôn Đồng Bông")
    qtbot.keyClicks(screen.procedure.lineEdit(), "khai sinh")
    qtbot.keyClick(screen.procedure.lineEdit(), Qt.Key_Return)
    idle()
    qtbot.keyClick(screen.name, Qt.Key_F9)
    idle()
    assert "Tài khoản hung đã ngừng sử dụng, không được tiếp nhận hồ sơ." in screen.errors.general.text()
    assert count_dossiers() == 0 and printed == []


def test_sign_out_hands_the_counter_to_another_officer(db_path, qtbot, idle, printed):
    from models.db import close_database
    from models.session import open_counter, setup_agency
    from ui.app import AppController

    open_counter(str(db_path))
    setup_agency(agency_code="000.00.24.H12", governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo",
                 admin_password=TEST_PASSWORD)
    add_officer("hung", "Trần Văn Hùng", "officer", "mat-khau-hung", by=get_officer_row("admin"))
    controller = AppController(str(db_path))
    controller.start()
    qtbot.addWidget(controller.sign_in)
    qtbot.keyClicks(controller.sign_in.password, TEST_PASSWORD)
    with qtbot.waitSignal(controller.window_shown, timeout=15000):
        qtbot.keyClick(controller.sign_in.password, Qt.Key_Return)
    first = controller.window  # not given to qtbot: signing out deletes it (deleteLater)
    idle()
    assert first.sign_out_action.text() == "Đăng xuất / đổi cán bộ"
    assert first.sign_out_action.shortcut().toString() == SIGN_OUT_KEYS
    with qtbot.waitSignal(controller.signed_out, timeout=10000):
        first.sign_out_action.trigger()
    dialog = controller.sign_in
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and dialog.username.text() == "" and controller.window is None
    qtbot.waitUntil(lambda: not first.isVisible())
    qtbot.keyClicks(dialog.username, "hung")
    qtbot.keyClicks(dialog.password, "mat-khau-hung")
    with qtbot.waitSignal(controller.window_shown, timeout=15000):
        qtbot.keyClick(dialog.password, Qt.Key_Return)
    second = controller.window
    qtbot.addWidget(second)
    assert second is not first and second.officer.username == "hung"
    assert second.who.text().startswith("Cán bộ: Trần Văn Hùng")
    idle()
    close_database()
