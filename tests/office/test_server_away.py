"""When the server is away: a Vietnamese message, nothing half written, a reconnect afterwards,
and never a database of the counter's own instead."""
from __future__ import annotations

from datetime import datetime
from urllib.parse import urlparse

import pytest

from models import intake
from models.db import close_database
from models.dossiers import get_dossier
from models.errors import NotFoundError
from models.intake import receive
from models.office_server import ServerUnavailable
from models.session import acting_officer, open_counter, setup_agency
from models.tables import CodeCounter, Dossier
from tests.factories import request
from tests.office.tcp_proxy import Relay

AGENCY = "H12.22.01"
AT = datetime(2026, 11, 16, 9, 30)


@pytest.fixture
def relay(office_db):
    parts = urlparse(office_db)
    relay = Relay(parts.hostname, parts.port or 5432).start()
    url = parts._replace(netloc=f"{parts.username}:{parts.password}@127.0.0.1:{relay.port}").geturl()
    open_counter(url)
    setup_agency(agency_code=AGENCY, governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo")
    yield relay, url
    relay.cut()
    close_database()


def test_server_switched_off_during_an_intake(relay, monkeypatch, machine):
    relay, url = relay
    officer = acting_officer()
    first = receive(request(received_at=AT, name="Nguyễn Văn Một"), officer, now=AT)
    assert first.code.endswith("-0001")

    original = intake.next_register_number

    def power_cut(*args):
        # The code is taken inside the transaction, then the server PC goes off.
        relay.cut()
        return original(*args)
    monkeypatch.setattr(intake, "next_register_number", power_cut)
    with pytest.raises(ServerUnavailable, match="Mất kết nối máy chủ") as lost:
        receive(request(received_at=AT, name="Trần Thị Hai"), officer, now=AT)
    assert "chưa được ghi" in str(lost.value)
    monkeypatch.setattr(intake, "next_register_number", original)

    # While the server is off every action says so, quickly, and nothing is written anywhere.
    with pytest.raises(ServerUnavailable, match="Mất kết nối máy chủ"):
        receive(request(received_at=AT, name="Trần Thị Hai"), officer, now=AT)
    assert not list(machine.glob("*.sqlite3")) if machine.exists() else True

    relay.restore()  # the server is back: the program connects again by itself
    again = receive(request(received_at=AT, name="Trần Thị Hai"), officer, now=AT)
    assert again.code.endswith("-0002")  # the interrupted intake gave its number back
    assert Dossier.select().count() == 2
    assert CodeCounter.get(CodeCounter.day == "261116").last == 2
    assert get_dossier(again.code).applicant_name == "Trần Thị Hai"
    with pytest.raises(NotFoundError):
        get_dossier(f"{AGENCY}-261116-0003")


def test_a_counter_set_to_the_server_never_opens_a_file_of_its_own(relay, machine):
    from models.office import configured_database, connection_from_url, save_connection
    from models.paths import default_database

    relay, url = relay
    save_connection(connection_from_url(url, counter=3))
    assert default_database() == configured_database()
    relay.cut()
    close_database()
    with pytest.raises(ServerUnavailable, match="Mất kết nối máy chủ"):
        open_counter(default_database())
    assert not list(machine.glob("*.sqlite3"))
    relay.restore()
    open_counter(default_database())
    assert Dossier.select().count() == 0
