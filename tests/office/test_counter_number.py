"""The counter number (quầy số): stored with the dossier, printed on the receipt and in the register."""
from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from pypdf import PdfReader

from models import workflow
from models.errors import ValidationError
from models.forms import render_form, render_register
from models.intake import receive
from models.office import OfficeConnection, load_connection, save_connection, validate_connection
from tests.factories import XAC_NHAN_HON_NHAN, request

AT = datetime(2026, 11, 16, 9, 30)


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_counter_number_is_on_the_receipt_and_in_the_register(officer, machine, monkeypatch):
    from models import office

    save_connection(OfficeConnection(counter=3))
    office.forget_cached_counter()
    view = receive(request(procedure=XAC_NHAN_HON_NHAN, received_at=AT), officer, now=AT)
    assert view.counter_no == 3
    assert "tại Quầy số 3" in _text(render_form("receipt", view.code))
    assert "Quầy 3" in _text(render_register(date(2026, 11, 16), date(2026, 11, 16), now=AT))
    # A counter without a number prints no counter line.
    save_connection(OfficeConnection(counter=0))
    office.forget_cached_counter()
    other = receive(request(procedure=XAC_NHAN_HON_NHAN, received_at=AT, name="Trần Văn Khác",
                            id_number="001090054321"), officer, now=AT)
    assert "Quầy số" not in _text(render_form("receipt", other.code))


def test_the_connection_is_checked_and_the_password_kept_apart(machine):
    with pytest.raises(ValidationError) as wrong:
        validate_connection(OfficeConnection(mode="server", host="", port=0, database="", user="", counter=120))
    assert set(wrong.value.errors) == {"host", "port", "database", "user", "counter"}
    save_connection(OfficeConnection(mode="server", host="192.168.1.10", password="bí-mật", counter=2))
    assert "bí-mật" not in (machine / "office.json").read_text(encoding="utf-8")
    assert (machine / "office-password").read_text(encoding="utf-8") == "bí-mật"
    import os
    import stat

    if os.name == "posix":
        assert stat.S_IMODE((machine / "office-password").stat().st_mode) == 0o600
    loaded = load_connection()
    assert (loaded.host, loaded.password, loaded.counter) == ("192.168.1.10", "bí-mật", 2)
    assert loaded.url() == "postgresql://motcua:b%C3%AD-m%E1%BA%ADt@192.168.1.10:5432/motcua"


def test_a_stale_screen_cannot_overwrite_a_newer_step(officer):
    view = receive(request(procedure=XAC_NHAN_HON_NHAN, received_at=AT), officer, now=AT)
    workflow.forward(view.code, officer, unit="Tư pháp", at=datetime(2026, 11, 16, 10, 0), now=datetime(2026, 11, 16, 10, 0),
                     expected_version=view.version)
    with pytest.raises(workflow.DossierChanged, match="vừa được .* cập nhật"):
        workflow.refuse(view.code, officer, reason="Sai", at=datetime(2026, 11, 16, 10, 5), now=datetime(2026, 11, 16, 10, 5),
                        expected_version=view.version)
