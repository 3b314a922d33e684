"""Intake: validation, codes, and "a rejected intake writes nothing"."""
from __future__ import annotations

from datetime import datetime

import pytest

from models.codes import DOSSIER_CODE
from models.errors import NotConfiguredError, ValidationError
from models.intake import IntakeRequest, PersonInput, check_intake, find_applicant, receive
from models.tables import AuditLog, CodeCounter, Dossier, DossierDocument, StatusEvent, SyncChange
from tests.factories import KHAI_SINH, XAC_NHAN_HON_NHAN, request

NOW = datetime(2026, 11, 18, 9, 30)


def counts():
    return {t.__name__: t.select().count()
            for t in (Dossier, DossierDocument, StatusEvent, CodeCounter, AuditLog, SyncChange)}


def test_intake_records_everything_in_one_go(officer):
    d = receive(request(received_at=NOW), officer, now=NOW)
    assert d.code == "000.00.24.H12-261118-0001"
    assert DOSSIER_CODE.match(d.code)
    assert d.status == 2 and d.status_name == "Được tiếp nhận"
    assert d.due_at == datetime(2026, 11, 18, 17, 0)  # same-day, before 15:00
    assert [e.action for e in d.events] == ["receive"]
    assert d.events[0].officer == officer.username
    # Without a list: the procedure's required papers, not the situational ones ("trường hợp
    # trẻ bị bỏ rơi") nor those only shown at the counter (ID card, proof of residence).
    assert [x.name for x in d.documents] == [
        "Tờ khai đăng ký khai sinh theo mẫu",
        "Giấy chứng sinh; nếu không có thì văn bản của người làm chứng xác nhận việc sinh, nếu "
        "không có người làm chứng thì giấy cam đoan về việc sinh (không nộp bản giấy nếu đã khai "
        "thác được Giấy chứng sinh điện tử)"]
    assert not any(x.shown for x in d.documents)
    assert d.due_history[0].kind == "initial"
    assert SyncChange.select().count() == 1
    assert AuditLog.select().where(AuditLog.action == "dossier.receive").count() == 1


def test_codes_restart_each_day_and_grow_past_9999(officer):
    first = receive(request(received_at=NOW), officer, now=NOW)
    second = receive(request(received_at=NOW), officer, now=NOW)
    assert (first.code[-4:], second.code[-4:]) == ("0001", "0002")
    next_day = datetime(2026, 11, 19, 8, 0)
    assert receive(request(received_at=next_day), officer, now=next_day).code.endswith("-261119-0001")
    CodeCounter.update(last=9999).where(CodeCounter.day == "261119").execute()
    assert receive(request(received_at=next_day), officer, now=next_day).code == "000.00.24.H12-261119-10000"


@pytest.mark.parametrize("changes, field", [
    ({"id_number": "12345"}, "id_number"),
    ({"id_number": "00119001234X"}, "id_number"),
    ({"name": "   "}, "name"),
    ({"name": "A" * 151}, "name"),
    ({"phone": "12345"}, "phone"),
    ({"phone": "0112345678"}, "phone"),
    ({"email": "khong-phai-email"}, "email"),
])
def test_rejected_intake_writes_nothing_and_uses_no_code(officer, changes, field):
    receive(request(received_at=NOW), officer, now=NOW)
    before = counts()
    with pytest.raises(ValidationError) as error:
        receive(request(received_at=NOW, **changes), officer, now=NOW)
    assert field in error.value.errors
    assert any(ord(ch) > 127 for ch in error.value.errors[field])  # a Vietnamese sentence
    assert counts() == before
    # The next good intake takes the very next number: no code was used up.
    assert receive(request(received_at=NOW), officer, now=NOW).code.endswith("-0002")


def test_all_field_errors_are_reported_together(officer):
    with pytest.raises(ValidationError) as error:
        receive(request(received_at=NOW, name="", phone="1", email="x"), officer, now=NOW)
    assert {"name", "phone", "email"} <= set(error.value.errors)


def test_unknown_procedure_and_future_reception_are_refused(officer):
    with pytest.raises(ValidationError) as error:
        receive(request(received_at=NOW, procedure="9.999999"), officer, now=NOW)
    assert "procedure" in error.value.errors
    with pytest.raises(ValidationError) as error:
        receive(request(received_at=datetime(2026, 12, 1, 9, 0)), officer, now=NOW)
    assert "received_at" in error.value.errors
    assert Dossier.select().count() == 0


def test_legacy_id_and_inconsistent_id_only_warn(officer):
    d = receive(request(received_at=NOW, id_number="123456789"), officer, now=NOW)
    assert any("CMND" in w for w in d.warnings)
    # G digit 1 = female born 1900s, 1990 — entered as male born 1985.
    checked = check_intake(IntakeRequest(
        procedure=KHAI_SINH, received_at=NOW,
        applicant=PersonInput(name="Trần Văn Bình", id_number="999190012345", sex="Nam",
                              birth_date=datetime(1985, 1, 1).date())), now=NOW)
    assert len(checked.warnings) == 3  # province code, year, sex


def test_phone_and_names_are_normalised(officer):
    d = receive(request(received_at=NOW, phone="+84 912.345.678", name="  nguyễn   thị  hằng "),
                officer, now=NOW)
    assert d.applicant_phone == "0912345678"
    assert d.applicant_name == "nguyễn thị hằng"


def test_returning_applicant_is_found_by_id(officer):
    receive(request(received_at=NOW, id_number="001190012345", name="Nguyễn Thị Hằng",
                    phone="0912345678"), officer, now=NOW)
    found = find_applicant("001190012345")
    assert found["name"] == "Nguyễn Thị Hằng" and found["phone"] == "0912345678"
    assert find_applicant("001190099999") is None


def test_authorised_person_and_custom_documents(officer):
    req = request(received_at=NOW, procedure=XAC_NHAN_HON_NHAN)
    req.authorised_person = PersonInput(name="Lê Văn Cường", id_number="001085001111",
                                        authorisation="Giấy ủy quyền số 12/2026")
    req.documents = [{"name": "Tờ khai", "originals": 1, "copies": 0},
                     {"name": "Bản sao giấy tờ tùy thân", "originals": 0, "copies": 2}]
    d = receive(req, officer, now=NOW)
    assert d.authorised_person["name"] == "Lê Văn Cường"
    assert [(x.name, x.originals, x.copies) for x in d.documents] == [
        ("Tờ khai", 1, 0), ("Bản sao giấy tờ tùy thân", 0, 2)]
    assert d.due_at == datetime(2026, 11, 23, 9, 30)  # 3 working days


def test_authorised_person_needs_a_name(officer):
    req = request(received_at=NOW)
    req.authorised_person = PersonInput(name="", phone="0912345678")
    with pytest.raises(ValidationError) as error:
        receive(req, officer, now=NOW)
    assert "authorised_name" in error.value.errors


def test_intake_before_setup_is_refused(db_path):
    from models.accounts import add_officer, get_officer_row
    from models.db import close_database
    from models.session import open_counter

    open_counter(str(db_path))
    try:
        add_officer("canbo", "Cán bộ A")
        with pytest.raises(NotConfiguredError):
            receive(request(received_at=NOW), get_officer_row("canbo"), now=NOW)
        assert Dossier.select().count() == 0
    finally:
        close_database()


def test_papers_shown_at_the_counter_are_kept_apart_on_the_receipt(officer):
    from models.forms import render_form
    from tests.ui.ui_helpers import pdf_text

    req = request(received_at=NOW)
    req.documents = [{"name": "Tờ khai đăng ký khai sinh theo mẫu"},
                     {"name": "Giấy tờ tùy thân của người yêu cầu", "shown": True},
                     {"name": "Giấy tờ chứng minh nơi cư trú", "kind": "shown"}]
    d = receive(req, officer, now=NOW)
    assert [(x.name, x.shown) for x in d.documents] == [
        ("Tờ khai đăng ký khai sinh theo mẫu", False), ("Giấy tờ tùy thân của người yêu cầu", True),
        ("Giấy tờ chứng minh nơi cư trú", True)]
    text = " ".join(pdf_text(render_form("receipt", d.code)).split())
    handed_in, shown = text.split("Giấy tờ xuất trình để đối chiếu (không nộp):")[:2]
    assert "1. Tờ khai đăng ký khai sinh theo mẫu" in handed_in
    assert "tùy thân" not in handed_in.split("Thành phần hồ sơ nộp gồm:")[-1]
    # Numbered on after the papers handed in: one number per paper (attach --paper N).
    assert "2. Giấy tờ tùy thân của người yêu cầu" in shown and "3. Giấy tờ chứng minh nơi cư trú" in shown
