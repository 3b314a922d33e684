"""A counter on the Centre's server: its number in the status bar, the red banner while the
server is away (on every screen), and a start that waits for the server instead of forking."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from models.db import close_database
from models.session import acting_officer, open_counter, setup_agency
from tests.office.conftest import machine, office_db  # noqa: F401 - fixtures
from tests.office.tcp_proxy import Relay


@pytest.fixture
def server_counter(office_db, machine, monkeypatch):  # noqa: F811
    parts = urlparse(office_db)
    relay = Relay(parts.hostname, parts.port or 5432).start()
    url = parts._replace(netloc=f"{parts.username}:{parts.password}@127.0.0.1:{relay.port}").geturl()
    monkeypatch.setenv("MOTCUA_COUNTER", "3")
    open_counter(url)
    setup_agency(agency_code="H12.22.01", governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo")
    yield relay, url
    relay.cut()
    close_database()


def test_the_banner_shows_on_every_screen_while_the_server_is_away(server_counter, qtbot, idle, printed,
                                                                   monkeypatch):
    from ui import runner
    from ui.main_window import MainWindow

    boxes: list[str] = []
    monkeypatch.setattr(runner, "show_error", lambda _parent, message: boxes.append(message))

    relay, _url = server_counter
    win = MainWindow(acting_officer(), "")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    idle()
    assert win.counter_label.text() == "Quầy số 3" and win.counter_label.isVisible()
    assert "127.0.0.1" in win.statusBar().currentMessage()
    assert not win.server_banner.isVisible()

    relay.cut()
    win.server_banner.check()
    qtbot.waitUntil(win.server_banner.isVisible, timeout=15000)
    assert win.server_banner.text.text().startswith("Mất kết nối máy chủ")
    for index in range(win.tabs.count()):  # above the tabs: whatever screen is open
        win.show_tab(index)  # each screen's first load fails: the server is away
        assert win.server_banner.isVisible()
    idle()
    assert all(message.startswith("Mất kết nối máy chủ") for message in boxes)

    relay.restore()
    win.server_banner.check()
    qtbot.waitUntil(lambda: not win.server_banner.isVisible(), timeout=15000)
    idle()
    win.close()


def test_a_start_with_the_server_away_offers_to_try_again_and_never_opens_a_file(
        server_counter, machine, qtbot, monkeypatch):  # noqa: F811
    from ui import app

    relay, url = server_counter
    relay.cut()
    close_database()
    asked: list[str] = []

    def answer(message: str) -> bool:
        asked.append(message)
        if len(asked) == 1:
            relay.restore()  # the server comes back while the box is up
            return True
        return False
    monkeypatch.setattr(app, "ask_retry_server", answer)
    monkeypatch.setattr(app.AppController, "_begin", lambda self: None)
    controller = app.AppController(url)
    assert controller.start()
    assert len(asked) == 1 and "Mất kết nối máy chủ" in asked[0]
    assert not list(machine.glob("*.sqlite3"))

    relay.cut()
    close_database()
    asked.clear()
    monkeypatch.setattr(app, "ask_retry_server", lambda message: asked.append(message) or False)
    assert not app.AppController(url).start()
    assert asked
    assert QMessageBox  # the real box is tested by hand (docs/office-server.md)


def _fill_server(qtbot, form, url: str, counter: int) -> None:
    from ui_helpers import type_text

    parts = urlparse(url)
    form.server.click()
    form.host.clear()
    type_text(qtbot, form.host, parts.hostname)
    form.port.setValue(parts.port or 5432)
    form.database.clear()
    type_text(qtbot, form.database, parts.path.lstrip("/"))
    form.user.clear()
    type_text(qtbot, form.user, parts.username)
    form.password.clear()
    qtbot.keyClicks(form.password, parts.password)
    form.counter.setValue(counter)


def test_the_first_counter_sets_up_the_centre_on_the_server_and_the_second_joins_it(
        tmp_path, office_db, machine, qtbot, idle, printed):  # noqa: F811
    from ui_helpers import type_text

    from models.office import load_connection
    from ui.app import AppController

    # The first counter PC: an empty server; the wizard goes on to set up the Centre there.
    controller = AppController(str(tmp_path / "local.sqlite3"))
    controller.start()
    wizard = controller.wizard
    qtbot.addWidget(wizard)
    form = wizard.machine.form
    _fill_server(qtbot, form, office_db, 1)
    with qtbot.waitSignal(form.tested, timeout=15000) as tested:
        qtbot.mouseClick(form.test_button, Qt.LeftButton)
    assert tested.args[0] is True
    assert form.result.text().startswith("Kết nối được máy chủ") and "trống" in form.result.text()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.agency, timeout=15000)
    page = wizard.agency
    qtbot.keyClicks(page.agency_code, "H12.22.01")
    type_text(qtbot, page.governing_body, "UBND XÃ TAM ĐẢO")
    type_text(qtbot, page.place, "Tam Đảo")
    wizard.next()
    wizard.next()
    admin = wizard.admin
    type_text(qtbot, admin.full_name, "Phạm Văn Quản")
    qtbot.keyClicks(admin.password, "matkhau123")
    qtbot.keyClicks(admin.confirm, "matkhau123")
    with qtbot.waitSignal(controller.window_shown, timeout=15000):
        qtbot.keyClick(admin.confirm, Qt.Key_Return)
    idle()
    qtbot.addWidget(controller.window)
    connection = load_connection()
    assert connection.uses_server and connection.counter == 1
    assert controller.window.counter_label.text() == "Quầy số 1"
    controller.window.close()
    idle()
    close_database()

    # The second counter PC joins the Centre already set up: straight to the sign-in.
    from models import office

    office.forget_cached_counter()
    second = AppController(str(tmp_path / "second.sqlite3"))
    second.start()
    qtbot.addWidget(second.wizard)
    _fill_server(qtbot, second.wizard.machine.form, office_db, 2)
    second.wizard.next()
    qtbot.waitUntil(lambda: second.sign_in is not None or bool(second.wizard.machine.form.result.text()), timeout=15000)
    assert second.sign_in is not None, second.wizard.machine.form.result.text()
    qtbot.addWidget(second.sign_in)
    assert load_connection().counter == 2
    assert second.db_path.startswith("postgresql://")
    idle()


def test_the_admin_moves_a_counter_up_from_the_settings(window, make_dossier, office_db, machine, qtbot, idle,
                                                        monkeypatch):  # noqa: F811
    from models.dossiers import get_dossier
    from ui.main_window import SETTINGS

    made = make_dossier()
    window.show_tab(SETTINGS)
    idle()
    panel = window.settings.office
    window.settings.tabs.setCurrentWidget(panel)
    assert panel.move_button.isVisible()  # a counter on its own file can move up
    _fill_server(qtbot, panel.form, office_db, 4)
    # The counter number first: saved for this machine, shown at once.
    panel.form.local.click()
    with qtbot.waitSignal(panel.saved, timeout=15000):
        qtbot.mouseClick(panel.save_button, Qt.LeftButton)
    assert window.counter_label.text() == "Quầy số 4"

    _fill_server(qtbot, panel.form, office_db, 4)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    with qtbot.waitSignal(window.restart_requested, timeout=30000):
        qtbot.mouseClick(panel.move_button, Qt.LeftButton)
    assert shown and "Đã chuyển toàn bộ dữ liệu lên máy chủ" in shown[0]
    # The app now works on the server, with the dossier received before.
    assert get_dossier(made.code).applicant_name == made.applicant_name
    from models.office_server import uses_office_server

    assert uses_office_server()
    idle()


def _in_another_counter(work):
    """Run ``work`` as another counter PC would: on a thread of its own, its own connection."""
    import threading

    out: list = []
    thread = threading.Thread(target=lambda: out.append(work()))
    thread.start()
    thread.join()
    return out[0]


def test_the_desk_shows_what_other_counters_did_without_a_reload(window, make_dossier, officer, qtbot, idle):
    from models import workflow

    first = make_dossier(name="Nguyễn Văn Đầu")
    qtbot.keyClick(window, Qt.Key_F6)
    idle()
    model = window.desk.model
    assert [model.code_at(r) for r in range(model.rowCount())] == [first.code]
    resets: list[int] = []
    model.modelAboutToBeReset.connect(lambda: resets.append(1))
    window.desk.table.selectRow(0)

    other = _in_another_counter(lambda: make_dossier(name="Trần Thị Quầy Hai", id_number="001190054321"))
    _in_another_counter(lambda: workflow.forward(first.code, officer, unit="Tư pháp"))
    with qtbot.waitSignal(model.refreshed, timeout=15000):
        window.desk.refresh()  # what the timer and the window's focus do
    idle()
    assert [model.code_at(r) for r in range(model.rowCount())] == [other.code, first.code]
    assert model.data(model.index(1, 5)) == "Đang xử lý"
    assert resets == []  # no full reload: the officer's place in the list stays
    assert window.desk.count.text() == "2 hồ sơ"
    assert window.desk.refresh_timer.isActive()


def test_an_action_on_a_dossier_another_counter_just_changed_says_so_and_shows_it_fresh(
        window, make_dossier, officer, qtbot, idle, monkeypatch):
    from models import workflow

    made = make_dossier()
    dialog = window.open_dossier(made.code)
    qtbot.waitUntil(lambda: dialog.view is not None)
    shown = dialog.view
    _in_another_counter(lambda: workflow.forward(made.code, officer, unit="Tư pháp"))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    action = dialog.start_action("refuse")
    action.inputs["reason"].setPlainText("Sai thẩm quyền") if hasattr(action.inputs["reason"], "setPlainText") \
        else action.inputs["reason"].setText("Sai thẩm quyền")
    action.submit()
    qtbot.waitUntil(lambda: bool(told), timeout=15000)
    assert f"Hồ sơ {made.code} vừa được" in told[0] and "cập nhật" in told[0]
    qtbot.waitUntil(lambda: dialog.view is not None and dialog.view.version == shown.version + 1, timeout=15000)
    assert dialog.view.status_name == "Đang xử lý"  # the fresh view, not the refusal
    idle()
