"""Fee rules with the amounts of the circulars, the fee fixed at intake, and its payment.

Chứng thực bản sao (Thông tư 226/2016/TT-BTC Điều 4): 2.000 đồng a page for pages 1–2,
1.000 đồng a page from page 3, at most 200.000 đồng a copy; bản sao trích lục hộ tịch
(Thông tư 281/2016/TT-BTC): 8.000 đồng a copy.
"""
from __future__ import annotations

import json
from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from models import catalog
from models.citizen_tables import DossierFee
from models.errors import MotCuaError, ValidationError
from models.fee_service import get_fee, record_payment
from models.fees import FeeBasis, FeeItem, flat_rule, parse_rule, quote
from models.intake import IntakeRequest, receive
from models.session import acting_officer
from models.tables import AuditLog, CodeCounter, Dossier, SyncChange
from tests.factories import request

CERTIFY_COPY = "2.000815"  # chứng thực bản sao từ bản chính
EXTRACT_COPY = "2.000635"  # bản sao trích lục hộ tịch
CONTRACT = "2.001035"  # chứng thực hợp đồng, giao dịch: 50.000 đồng, an exemption in the catalog
NOW = datetime(2026, 11, 16, 10, 0)


def certify_rule():
    return catalog.get_procedure(CERTIFY_COPY).effective_fee_rule


@pytest.mark.parametrize(("pages", "copies", "amount"), [
    (1, 1, 2_000),  # one page
    (2, 1, 4_000),  # pages 1–2 at 2.000
    (3, 1, 5_000),  # page 3 at 1.000
    (10, 1, 12_000),
    (198, 1, 200_000),  # 4.000 + 196 × 1.000: exactly the cap
    (199, 1, 200_000),  # 201.000 before the cap
    (1_000, 1, 200_000),
    (5, 3, 21_000),  # the tiers apply to each copy
    (300, 2, 400_000),  # the cap is per copy
])
def test_certified_copies_follow_circular_226(counter, pages, copies, amount):
    result = quote(certify_rule(), FeeBasis(pages=pages, copies=copies))
    assert (result.amount, result.full_amount) == (amount, amount)
    assert result.lines[0].name == "Phí chứng thực bản sao từ bản chính"
    assert result.lines[0].amount == amount


def test_copies_default_to_one_and_extracts_cost_per_copy(counter):
    rule = catalog.get_procedure(EXTRACT_COPY).effective_fee_rule
    assert quote(rule, None).amount == 8_000
    assert quote(rule, FeeBasis(copies=3)).amount == 24_000
    assert quote(certify_rule(), FeeBasis(pages=4)).amount == 6_000


def test_several_papers_are_charged_each_with_its_own_tiers(counter):
    basis = FeeBasis(items=(FeeItem(pages=1, copies=2), FeeItem(pages=250, copies=1)))
    assert quote(certify_rule(), basis).amount == 2 * 2_000 + 200_000


def test_an_exemption_keeps_the_amount_waived_and_its_reason(counter):
    result = quote(certify_rule(), FeeBasis(pages=5, copies=3, exempt_reason="Người có công với cách mạng"))
    assert result.amount == 0 and result.full_amount == 21_000
    assert result.exempt_reason == "Người có công với cách mạng"
    assert result.lines[0].amount == 0
    assert "Miễn 21.000 đồng" in result.explanation


def test_a_page_rule_needs_the_pages(counter):
    with pytest.raises(ValidationError) as caught:
        quote(certify_rule(), FeeBasis(copies=2))
    assert caught.value.field == "fee_basis" and "số trang" in str(caught.value)


def test_a_flat_fee_is_a_rule_per_dossier():
    assert quote(flat_rule(10_000), FeeBasis(copies=5)).amount == 10_000
    assert quote(flat_rule(0), None).lines == ()


@pytest.mark.parametrize("rule, message", [
    ({"basis": "page", "tiers": [{"from": 1, "to": 2, "per_page": 2000}, {"from": 4, "per_page": 1000}]},
     "bắt đầu từ trang 3"),
    ({"basis": "page", "tiers": [{"from": 1, "per_page": 2000}, {"from": 2, "per_page": 1000}]},
     "chỉ bậc cuối cùng"),
    ({"basis": "page", "tiers": [{"from": 1, "to": 2, "per_page": 2000}]}, "bậc cuối cùng phải áp dụng"),
    ({"basis": "page", "tiers": []}, "ít nhất một bậc"),
    ({"basis": "per_head", "amount": 1}, "không hợp lệ"),
    ({"basis": "copy", "amount": -5}, "mức phí"),
    ("{not json", "JSON"),
])
def test_a_broken_rule_is_refused_with_its_reason(rule, message):
    errors: list[str] = []
    assert parse_rule(rule, "Mục 1", errors) is None
    assert any(message in e for e in errors), errors


@hyp_settings(max_examples=200, deadline=None)
@given(pages=st.integers(1, 5_000), copies=st.integers(1, 50))
def test_a_copy_never_costs_more_than_the_cap_and_more_pages_never_cost_less(pages, copies):
    rule = parse_rule({"basis": "page", "tiers": [{"from": 1, "to": 2, "per_page": 2000},
                                                  {"from": 3, "per_page": 1000}],
                       "cap_per_copy": 200_000}, "", [])
    one = quote(rule, FeeBasis(pages=pages, copies=1)).amount
    assert one <= 200_000
    assert quote(rule, FeeBasis(pages=pages + 1, copies=1)).amount >= one
    assert quote(rule, FeeBasis(pages=pages, copies=copies)).amount == copies * one


# -- at intake ----------------------------------------------------------------------------------
def intake(officer, **extra):
    data = {"procedure": CERTIFY_COPY, "received_at": NOW.isoformat(),
            "applicant": {"name": "Nguyễn Thị Hằng", "id_number": "001190012345"}, **extra}
    return receive(IntakeRequest.from_dict(data), officer, now=NOW)


def test_intake_json_fee_basis_fixes_the_fee_with_the_dossier(officer):
    view = intake(officer, fee_basis={"pages": 5, "copies": 3})
    fee = view.to_dict()["fee"]
    assert fee["amount"] == 21_000 and fee["basis"] == {"pages": 5, "copies": 3, "exempt_reason": ""}
    assert fee["lines"] == [{"name": "Phí chứng thực bản sao từ bản chính", "code": "", "kind": "1",
                             "amount": 21_000}]
    assert fee["paid"] is False and fee["outstanding"] == 21_000
    assert Dossier.get(Dossier.code == view.code).fee == 21_000


def test_a_free_procedure_stores_no_fee_row(officer):
    view = receive(request(received_at=NOW), officer, now=NOW)
    assert view.to_dict()["fee"]["amount"] == 0
    assert DossierFee.select().count() == 0


def test_an_intake_without_the_pages_is_refused_and_leaves_nothing(officer):
    with pytest.raises(ValidationError) as caught:
        intake(officer, fee_basis={"copies": 2})
    assert "fee_basis" in caught.value.errors
    assert Dossier.select().count() == 0 and DossierFee.select().count() == 0
    assert CodeCounter.select().count() == 0


def test_a_malformed_fee_basis_is_refused(officer):
    for bad in ({"pages": "nhiều"}, {"pages": 0}, "5 trang", {"copies": 10_001}):
        with pytest.raises(ValidationError):
            intake(officer, fee_basis=bad)
    assert Dossier.select().count() == 0


def test_exemption_at_intake(officer):
    view = intake(officer, procedure=CONTRACT, fee_basis={"exempt_reason": "Hợp đồng thế chấp vay vốn nông nghiệp"})
    fee = view.to_dict()["fee"]
    assert (fee["amount"], fee["full_amount"]) == (0, 50_000)
    with pytest.raises(MotCuaError, match="được miễn"):
        record_payment(view.code, officer, method="cash", now=NOW)


# -- payment ------------------------------------------------------------------------------------
def test_payment_is_recorded_once_with_method_time_and_officer(officer):
    code = intake(officer, fee_basis={"pages": 2}).code
    changes = SyncChange.select().count()
    paid_at = datetime(2026, 11, 16, 10, 5)
    fee = record_payment(code, officer, method="transfer", at=paid_at, now=datetime(2026, 11, 16, 10, 6))
    assert (fee.paid_at, fee.method, fee.paid_amount, fee.paid_by) == (paid_at, "transfer", 4_000, "admin")
    assert get_fee(code).outstanding == 0
    assert SyncChange.select().count() == changes + 1  # the day file carries the payment
    audit = AuditLog.get(AuditLog.action == "fee.record_payment")
    assert json.loads(audit.details)["method"] == "transfer" and audit.entity_id == code
    with pytest.raises(MotCuaError, match="đã thu lúc 10:05 16/11/2026"):
        record_payment(code, officer, method="cash", now=NOW)


def test_payment_refusals_change_nothing(officer):
    free = receive(request(received_at=NOW), officer, now=NOW).code
    with pytest.raises(MotCuaError, match="không có phí, lệ phí phải thu"):
        record_payment(free, officer, method="cash", now=NOW)
    code = intake(officer, fee_basis={"pages": 1}).code
    with pytest.raises(ValidationError):
        record_payment(code, officer, method="card", now=NOW)
    with pytest.raises(ValidationError, match="trước lúc tiếp nhận"):
        record_payment(code, officer, method="cash", at=datetime(2026, 11, 16, 9, 0), now=NOW)
    assert not get_fee(code).paid


# -- the catalog carries the rules --------------------------------------------------------------
@pytest.mark.parametrize("suffix", [".json", ".csv"])
def test_fee_rules_survive_export_and_import(counter, tmp_path, suffix):
    path = tmp_path / f"catalog{suffix}"
    catalog.export_catalog(path)
    report = catalog.import_catalog(path, dry_run=True, officer=acting_officer())
    assert report.errors == [] and report.updated == {} and report.added == []
    rule = catalog.get_procedure(CERTIFY_COPY).fee_rule
    assert rule.cap_per_copy == 200_000 and [t.per_page for t in rule.tiers] == [2_000, 1_000]


def test_a_changed_rule_is_reported_by_the_import(counter, tmp_path):
    entry = catalog.get_procedure(EXTRACT_COPY).to_dict()
    entry["fee_rule"] = {"basis": "copy", "amount": 10_000, "name": "Phí cấp bản sao trích lục"}
    report = catalog.import_entries([entry], officer=acting_officer())
    assert report.updated == {EXTRACT_COPY: ["fee_rule"]}
    assert quote(catalog.get_procedure(EXTRACT_COPY).effective_fee_rule, FeeBasis(copies=2)).amount == 20_000
