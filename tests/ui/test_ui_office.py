"""A counter on the Centre's server: its number in the status bar, the red banner while the
server is away (on every screen), and a start that waits for the server instead of forking."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest
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
