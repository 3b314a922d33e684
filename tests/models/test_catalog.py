"""The shipped catalog, and import/export with validation and a report of changes."""
from __future__ import annotations

import json
import unicodedata

import pytest

from models import catalog
from models.calendar import DURATION_UNITS
from models.session import acting_officer
from models.tables import Procedure, ProcedureDocument


def test_shipped_catalog_is_complete_and_clean():
    data = json.loads(catalog.SHIPPED_CATALOG.read_text(encoding="utf-8"))
    procedures = data["procedures"]
    assert len(procedures) >= 25
    codes = [p["code"] for p in procedures]
    assert len(codes) == len(set(codes))
    fields = {p["field"] for p in procedures}
    assert {"Hộ tịch", "Chứng thực"} <= fields
    names = " ".join(p["name"].lower() for p in procedures)
    for wanted in ("khai sinh", "khai tử", "kết hôn", "tình trạng hôn nhân", "cải chính",
                   "trích lục", "nhận cha, mẹ, con", "bản sao", "chữ ký", "giao dịch"):
        assert wanted in names, wanted
    for p in procedures:
        assert p["duration"]["unit"] in DURATION_UNITS
        assert p["source"], p["code"]
        for text in [p["name"], p["field"]] + [d["name"] for d in p["documents"]]:
            assert unicodedata.is_normalized("NFC", text)
        errors: list[str] = []
        assert catalog.parse_entry(p, p["code"], errors) is not None, errors


def test_new_database_is_seeded(counter):
    shipped = json.loads(catalog.SHIPPED_CATALOG.read_text(encoding="utf-8"))["procedures"]
    assert len(catalog.list_procedures()) == len(shipped)
    p = catalog.get_procedure("1.001193")
    assert p.duration_unit == "same_day" and p.same_day_cutoff == "15:00"
    assert p.documents


def test_search_ignores_diacritics(counter):
    found = catalog.list_procedures(search="dang ky khai tu")
    assert "khai tử" in found[0].name.lower()
    phrase = ["khai tử" in p.name.lower() for p in found]
    assert phrase == sorted(phrase, reverse=True)  # names with "khai tử" come first
    assert sum(phrase) == 2  # đăng ký khai tử, đăng ký lại khai tử
    signatures = catalog.list_procedures(search="chung thuc chu ky")
    assert {p.code for p in signatures[:3]} == {"2.000884", "2.001008", "2.000992"}


@pytest.mark.parametrize("suffix", ["json", "csv"])
def test_export_then_import_round_trip_changes_nothing(officer, tmp_path, suffix):
    path = tmp_path / f"catalog.{suffix}"
    count = catalog.export_catalog(path)
    report = catalog.import_catalog(path, officer=officer)
    assert report.errors == [] and report.added == [] and report.updated == {}
    assert report.unchanged == count


def test_import_reports_what_changed(officer, tmp_path):
    entries = [
        {"code": "1.001193", "name": "Thủ tục đăng ký khai sinh", "field": "Hộ tịch",
         "duration": {"value": 1, "unit": "same_day"}, "same_day_cutoff": "15:00", "fee": 8000,
         "documents": [{"name": "Tờ khai đăng ký khai sinh", "originals": 1, "copies": 0}]},
        {"code": "LOCAL.TEST", "name": "Thủ tục thử", "field": "Khác",
         "duration": {"value": 5, "unit": "working_days"}, "documents": []},
    ]
    path = tmp_path / "update.json"
    path.write_text(json.dumps({"procedures": entries}, ensure_ascii=False), encoding="utf-8")
    dry = catalog.import_catalog(path, dry_run=True, officer=officer)
    assert dry.added == ["LOCAL.TEST"] and not dry.applied
    assert Procedure.get_or_none(Procedure.code == "LOCAL.TEST") is None
    report = catalog.import_catalog(path, officer=officer)
    assert report.applied and report.added == ["LOCAL.TEST"]
    assert "fee" in report.updated["1.001193"] and "documents" in report.updated["1.001193"]
    assert catalog.get_procedure("1.001193").fee == 8000
    assert [d.name for d in catalog.get_procedure("1.001193").documents] == ["Tờ khai đăng ký khai sinh"]


def test_invalid_import_changes_nothing(officer, tmp_path):
    before = (Procedure.select().count(), ProcedureDocument.select().count())
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"procedures": [
        {"code": "LOCAL.OK", "name": "Tốt", "duration": {"value": 1, "unit": "working_days"}},
        {"code": "LOCAL.BAD", "name": "", "duration": {"value": 2, "unit": "tuần"}},
    ]}, ensure_ascii=False), encoding="utf-8")
    report = catalog.import_catalog(path, officer=officer)
    assert not report.applied
    assert any("LOCAL.BAD" in e and "tên" in e for e in report.errors)
    assert any("đơn vị thời hạn" in e for e in report.errors)
    assert (Procedure.select().count(), ProcedureDocument.select().count()) == before


def test_deactivate_missing(officer, tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"procedures": [catalog.get_procedure("1.001193").to_dict()]},
                               ensure_ascii=False), encoding="utf-8")
    report = catalog.import_catalog(path, deactivate_missing=True, officer=officer)
    assert "1.004873" in report.deactivated
    assert [p.code for p in catalog.list_procedures()] == ["1.001193"]


def test_corrections_of_the_2026_12_catalog(counter):
    """resources/catalog/SOURCES.md, Corrections: each limit with its legal basis."""
    change = catalog.get_procedure("1.004859")
    assert (change.duration_value, change.duration_unit) == (3, "working_days")  # Luật Hộ tịch Điều 28
    assert change.national_procedure_code == "1.004859" and "Điều 28" in change.note
    supplement = catalog.get_procedure("1.004859-BS")
    assert (supplement.duration_unit, supplement.same_day_cutoff) == ("same_day", "15:00")  # Điều 29
    assert supplement.national_code == supplement.national_procedure_code == "1.004859"
    translator = catalog.get_procedure("2.001008")
    assert (translator.duration_unit, translator.same_day_cutoff) == ("same_day", "15:00")
    assert "Điều 7" in translator.note and "Điều 33" in translator.note
    for code in ("2.000815", "2.000942"):
        note = catalog.get_procedure(code).fee_note
        assert "từ trang thứ ba trở lên 1.000 đồng/trang" in note and "tối đa 200.000 đồng/bản" in note


@pytest.mark.parametrize("suffix", ["json", "csv"])
def test_the_national_code_of_a_split_entry_survives_export_and_import(counter, tmp_path, suffix):
    path = tmp_path / f"catalog.{suffix}"
    catalog.export_catalog(path)
    Procedure.update(national_code="").where(Procedure.code == "1.004859-BS").execute()
    report = catalog.import_catalog(path, officer=acting_officer())
    assert report.updated == {"1.004859-BS": ["national_code"]}
    assert catalog.get_procedure("1.004859-BS").national_code == "1.004859"
def test_every_shipped_paper_has_a_kind_and_identity_papers_are_only_shown():
    data = json.loads(catalog.SHIPPED_CATALOG.read_text(encoding="utf-8"))["procedures"]
    papers = [d for p in data for d in p["documents"]]
    assert {d["kind"] for d in papers} == set(catalog.PAPER_KINDS)
    assert all("required" not in d for d in papers)
    for d in papers:
        if d["name"].startswith(("Giấy tờ tùy thân", "Căn cước điện tử")):
            assert d["kind"] == catalog.SHOWN, d["name"]
        if "(trường hợp" in d["name"] or d["name"].startswith("Văn bản ủy quyền (nếu"):
            assert d["kind"] == catalog.SITUATIONAL, d["name"]
    for p in data:  # every procedure still asks for something to be handed in
        assert any(d["kind"] == catalog.REQUIRED for d in p["documents"]) or p["code"] == "2.000942"


@pytest.mark.parametrize("suffix", ["json", "csv"])
def test_paper_kinds_travel_through_export_and_import(counter, tmp_path, suffix):
    before = {d.name: d.kind for d in catalog.get_procedure("1.001193").documents}
    assert set(before.values()) == {"required", "situational", "shown"}
    path = tmp_path / f"catalog.{suffix}"
    catalog.export_catalog(path)
    text = path.read_text(encoding="utf-8-sig")
    assert '"kind": "shown"' in text if suffix == "json" else ",shown" in text
    ProcedureDocument.update(kind="required").execute()
    report = catalog.import_catalog(path, officer=acting_officer())
    assert "1.001193" in report.updated and report.updated["1.001193"] == ["documents"]
    assert {d.name: d.kind for d in catalog.get_procedure("1.001193").documents} == before


def test_an_older_file_with_required_flags_still_imports(counter):
    entry = {"code": "LOCAL.X", "name": "Thủ tục thử", "duration": {"value": 1, "unit": "working_days"},
             "documents": [{"name": "Tờ khai", "required": True},
                           {"name": "Văn bản ủy quyền (nếu có)", "required": False},
                           {"name": "Căn cước", "kind": "shown"}]}
    assert catalog.import_entries([entry], officer=acting_officer()).errors == []
    assert [d.kind for d in catalog.get_procedure("LOCAL.X").documents] == [
        "required", "situational", "shown"]
    bad = dict(entry, code="LOCAL.Y", documents=[{"name": "Tờ khai", "kind": "nộp"}])
    report = catalog.import_entries([bad], officer=acting_officer())
    assert report.errors and "loại giấy tờ “nộp” không hợp lệ" in report.errors[0]
