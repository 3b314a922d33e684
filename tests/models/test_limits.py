"""One set of limits: what the counter accepts fits the day-file schema, so a dossier accepted at
the counter always reaches the province whole; what the schema would refuse is refused at the
counter, next to its field, and leaves nothing behind."""
from __future__ import annotations

import json
from datetime import datetime

import pytest

from models import limits, workflow
from models.errors import ValidationError
from models.intake import IntakeRequest, PersonInput, receive
from models.session import acting_officer
from models.tables import CodeCounter, Dossier
from sync.export import run_export
from sync.schema import DAY_SCHEMA, load_schema
from sync.verify import verify_file
from tests.sync.sync_fixtures import act, own_trust

DAY = datetime(2026, 3, 2)


def _schema_node(definition: str, path: str) -> dict:
    """The schema of a field: "NguoiUyQuyen.HoTen", "TaiLieuNop[].TenTepDinhKem" …"""
    root = load_schema(str(DAY_SCHEMA))

    def resolve(node: dict) -> dict:
        while "$ref" in node:
            node = root["$defs"][node["$ref"].rsplit("/", 1)[1]]
        return node
    node = resolve(root["$defs"][definition])
    for part in path.split("."):
        items = part.endswith("[]")
        node = resolve(node["properties"][part.removesuffix("[]")])
        if items:
            node = resolve(node["items"])
    return node


@pytest.mark.parametrize("definition, path, limit", limits.SCHEMA_FIELDS,
                         ids=[f"{d}.{p}" for d, p, _ in limits.SCHEMA_FIELDS])
def test_each_limit_fits_the_schema_of_its_field(definition, path, limit):
    node = _schema_node(definition, path)
    bound = node.get("maxLength", node.get("maxItems", node.get("maximum")))
    assert bound is not None, f"the schema puts no bound on {path}: nothing guards the counter's limit"
    assert limit <= bound


def _longest(n: int, stem: str = "Nguyễn Thị Hằng ") -> str:
    return (stem * (n // len(stem) + 1))[:n].strip().ljust(n, "a")


def test_a_dossier_at_every_limit_reaches_the_province_whole(officer, tmp_path):
    request = IntakeRequest(
        procedure="1.004873", received_at=DAY.replace(hour=9),
        applicant=PersonInput(name=_longest(limits.NAME_MAX), id_number="001190012345",
                              phone="0912345678", email=("a" * 240) + "@example.vn",
                              address=_longest(limits.ADDRESS_MAX, "Thôn Đồng Bông, ")),
        authorised_person=PersonInput(name=_longest(limits.NAME_MAX), id_number="001090012345",
                                      address=_longest(limits.ADDRESS_MAX, "Xóm Núi, "),
                                      authorisation=_longest(limits.AUTHORISATION_MAX, "Giấy ủy quyền số 12 ")),
        documents=[{"name": _longest(limits.DOCUMENT_NAME_MAX, f"Giấy tờ {i} "), "originals": limits.COPIES_MAX,
                    "copies": limits.COPIES_MAX} for i in range(limits.MAX_DOCUMENTS)],
        sets=limits.SETS_MAX, fee=limits.FEE_MAX, notes=_longest(limits.NOTES_MAX, "Ghi chú dài "))
    code = receive(request, officer, now=DAY.replace(hour=9)).code
    note = _longest(limits.ACTION_NOTE_MAX, "Nội dung xử lý ")
    act("forward", code, officer, DAY.replace(hour=10), unit=_longest(limits.UNIT_MAX, "Phòng "), note=note)
    act("request_supplement", code, officer, DAY.replace(hour=11),
        missing=[_longest(limits.MISSING_ITEM_MAX // 4, f"Giấy {i} ") for i in range(limits.MISSING_ITEMS_MAX)][:7],
        reason=note)
    act("resume", code, officer, DAY.replace(hour=13, minute=30), note=note)
    act("extend", code, officer, DAY.replace(hour=14), new_due=datetime(2026, 3, 20, 16), reason=note)
    act("finish", code, officer, DAY.replace(hour=15), note=note)
    act("return_result", code, officer, DAY.replace(hour=16), recipient=_longest(limits.NAME_MAX), note=note)

    result = run_export(DAY.date(), tmp_path, by=officer, now=DAY.replace(hour=18))

    assert result.set_aside == ()
    assert (result.dossiers, result.events) == (1, 7)
    assert verify_file(result.path, trust=own_trust()).ok


@pytest.mark.parametrize("field, change", [
    ("name", lambda r: setattr(r.applicant, "name", "x" * (limits.NAME_MAX + 1))),
    ("address", lambda r: setattr(r.applicant, "address", "x" * (limits.ADDRESS_MAX + 1))),
    ("notes", lambda r: setattr(r, "notes", "x" * (limits.NOTES_MAX + 1))),
    ("authorised_authorisation", lambda r: setattr(r, "authorised_person", PersonInput(
        name="Trần Văn Bình", authorisation="x" * (limits.AUTHORISATION_MAX + 1)))),
    ("documents", lambda r: setattr(r, "documents", [{"name": "x" * (limits.DOCUMENT_NAME_MAX + 1)}])),
    ("documents", lambda r: setattr(r, "documents", [{"name": "Tờ khai", "originals": limits.COPIES_MAX + 1}])),
    ("fee", lambda r: setattr(r, "fee", limits.FEE_MAX + 1)),
    ("sets", lambda r: setattr(r, "sets", limits.SETS_MAX + 1)),
    ("name", lambda r: setattr(r.applicant, "name", "Nguyễn\u202eThị Hằng")),  # right-to-left override
    ("name", lambda r: setattr(r.applicant, "name", "Nguyễn\u200bThị Hằng")),  # zero-width space
    ("name", lambda r: setattr(r.applicant, "name", "Nguyễn\x07Thị Hằng")),  # a control character
    ("address", lambda r: setattr(r.applicant, "address", "Thôn 1\u2066x\u2069")),  # bidi isolate
    ("id_number", lambda r: setattr(r.applicant, "id_number", "٠٠١١٩٠٠١٢٣٤٥")),  # Arabic-Indic digits
    ("id_number", lambda r: setattr(r.applicant, "id_number", "００１１９００１２３４５")),  # full-width
    ("phone", lambda r: setattr(r.applicant, "phone", "０９１２３４５６７８")),
    ("email", lambda r: setattr(r.applicant, "email", "hang\x00@example.vn")),
])
def test_what_the_schema_would_refuse_is_refused_at_the_counter(officer, field, change):
    request = IntakeRequest(procedure="1.004873", received_at=DAY.replace(hour=9),
                            applicant=PersonInput(name="Nguyễn Thị Hằng", id_number="001190012345",
                                                  phone="0912345678"))
    change(request)
    with pytest.raises(ValidationError) as refused:
        receive(request, officer, now=DAY.replace(hour=9))
    assert field in refused.value.errors
    message = refused.value.errors[field]
    assert message and "Traceback" not in message
    assert Dossier.select().count() == 0 and CodeCounter.select().count() == 0


def test_workflow_texts_over_their_limits_are_refused(officer):
    code = receive(IntakeRequest(procedure="1.004873", received_at=DAY.replace(hour=9),
                                 applicant=PersonInput(name="Nguyễn Thị Hằng", id_number="001190012345")),
                   officer, now=DAY.replace(hour=9)).code
    too_long = "x" * (limits.ACTION_NOTE_MAX + 1)
    cases = [
        ("note", lambda: act("forward", code, officer, DAY.replace(hour=10), note=too_long)),
        ("unit", lambda: act("forward", code, officer, DAY.replace(hour=10), unit="x" * (limits.UNIT_MAX + 1))),
        ("reason", lambda: act("refuse", code, officer, DAY.replace(hour=10), reason=too_long)),
        ("missing", lambda: act("request_supplement", code, officer, DAY.replace(hour=10),
                                missing=["Giấy tờ"] * (limits.MISSING_ITEMS_MAX + 1), reason="Thiếu")),
        ("missing", lambda: act("request_supplement", code, officer, DAY.replace(hour=10),
                                missing=["x" * limits.MISSING_ITEM_MAX] * 9, reason="Thiếu")),
        ("reason", lambda: act("stop", code, officer, DAY.replace(hour=10), reason="Dừng\u202e")),
    ]
    for field, attempt in cases:
        with pytest.raises(ValidationError) as refused:
            attempt()
        assert field in refused.value.errors, field
    assert len(workflow.get_dossier_row(code).events) == 1  # nothing was recorded


def test_a_catalog_entry_over_the_limits_is_refused_by_name(counter, tmp_path):
    from models.catalog import import_catalog

    path = tmp_path / "catalog.json"
    path.write_text(json.dumps({"procedures": [{
        "code": "9.999999", "name": "Thủ tục " + "x" * limits.PROCEDURE_NAME_MAX,
        "duration": {"value": 3, "unit": "working_days"},
        "documents": [{"name": "Tờ khai", "originals": limits.COPIES_MAX + 1}]}]}), encoding="utf-8")
    report = import_catalog(path, officer=acting_officer())
    assert not report.applied
    assert any("Tên thủ tục dài quá" in e for e in report.errors)
    assert any("số bản chính" in e for e in report.errors)
