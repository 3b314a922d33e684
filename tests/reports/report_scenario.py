"""Hand-built dossiers with known report figures, made through the services (shared by the
report tests; the fixture is in this folder's conftest).

October 2026 (Thursday 1 – Saturday 31, no holiday) is the period under test; a few dossiers
come from September, and some move in November, after the period, to show that October's
report does not change. Due times (office hours 07:00–11:30, 13:30–17:00):
"1.004873" 3 working days, "2.001035" 2 working days, "1.001193" same day.
"""
from __future__ import annotations

from datetime import datetime

from models import workflow
from models.intake import IntakeRequest, PersonInput, receive

HO_TICH, CHUNG_THUC = "Hộ tịch", "Chứng thực"
MARRIAGE, CERTIFY, BIRTH = "1.004873", "2.001035", "1.001193"


def _receive(officer, procedure: str, received_at: datetime, channel: int = 1, name: str = "Nguyễn Văn An"):
    request = IntakeRequest(procedure=procedure, received_at=received_at, channel=channel,
                            applicant=PersonInput(name=name, id_number="001090012345"))
    return receive(request, officer, now=received_at).code


def build_scenario(officer) -> dict[str, str]:
    """The dossiers, by letter; the expected figures are in the tests' EXPECTED tables."""
    T = datetime
    c: dict[str, str] = {}
    # September: H is received and finished in September (never in October's report);
    # F and G are still pending on 1 October (carried over).
    c["H"] = _receive(officer, MARRIAGE, T(2026, 9, 21, 9))          # due 24/09
    workflow.finish(c["H"], officer, at=T(2026, 9, 23, 10))
    c["F"] = _receive(officer, MARRIAGE, T(2026, 9, 28, 9))          # due 01/10
    c["G"] = _receive(officer, CERTIFY, T(2026, 9, 29, 9))           # due 01/10
    # Hộ tịch, October.
    c["A"] = _receive(officer, MARRIAGE, T(2026, 10, 5, 9))          # due 08/10, direct
    c["B"] = _receive(officer, MARRIAGE, T(2026, 10, 5, 9, 5), channel=2)  # due 08/10, online
    c["C"] = _receive(officer, MARRIAGE, T(2026, 10, 5, 9, 10), channel=3)  # due 08/10, postal
    workflow.finish(c["F"], officer, at=T(2026, 10, 2, 8))            # 1 day late
    workflow.finish(c["A"], officer, at=T(2026, 10, 7, 10))           # before due
    workflow.return_result(c["A"], officer, recipient="Nguyễn Văn An", at=T(2026, 10, 8, 9, 30))
    workflow.finish(c["B"], officer, at=T(2026, 10, 8, 16))           # on the due date, later hour
    workflow.finish(c["C"], officer, at=T(2026, 10, 9, 8))            # 1 day late
    c["J"] = _receive(officer, BIRTH, T(2026, 10, 6, 9))             # refused at the counter
    workflow.refuse(c["J"], officer, reason="Không thuộc thẩm quyền", at=T(2026, 10, 6, 9, 10))
    # D: a supplement stops the clock 13/10 → 20/10; the due date moves from 15/10 to 22/10.
    c["D"] = _receive(officer, MARRIAGE, T(2026, 10, 12, 9))
    workflow.request_supplement(c["D"], officer, missing=["Bản sao giấy khai sinh"],
                                reason="Thiếu giấy tờ", at=T(2026, 10, 13, 9))
    workflow.resume(c["D"], officer, at=T(2026, 10, 20, 9))
    workflow.finish(c["D"], officer, at=T(2026, 10, 21, 10))          # before the moved due date
    c["L"] = _receive(officer, BIRTH, T(2026, 10, 20, 9))            # same day: due 17:00
    workflow.finish(c["L"], officer, at=T(2026, 10, 20, 16))          # on time
    # E: due 29/10, paused since 27/10 and still paused on 31/10: within time.
    c["E"] = _receive(officer, MARRIAGE, T(2026, 10, 26, 9))
    workflow.request_supplement(c["E"], officer, missing=["Tờ khai"], reason="Thiếu tờ khai",
                                at=T(2026, 10, 27, 9))
    # Chứng thực, October.
    c["I"] = _receive(officer, CERTIFY, T(2026, 10, 14, 9))          # due 16/10
    workflow.withdraw(c["I"], officer, reason="Công dân xin rút", at=T(2026, 10, 15, 9))  # before due
    c["K"] = _receive(officer, CERTIFY, T(2026, 10, 19, 9))          # due 21/10
    workflow.stop(c["K"], officer, reason="Giao dịch bị tranh chấp", at=T(2026, 10, 23, 9))  # 2 days late
    c["N"] = _receive(officer, CERTIFY, T(2026, 10, 27, 9))          # due 29/10: late on 31/10
    c["M"] = _receive(officer, CERTIFY, T(2026, 10, 30, 9), channel=2)  # due 03/11: within time
    return c


def move_after_october(officer, c: dict[str, str]) -> None:
    """What happens in November must not change October's report."""
    T = datetime
    workflow.finish(c["G"], officer, at=T(2026, 11, 5, 9))
    workflow.extend(c["N"], officer, new_due=T(2026, 11, 10, 17), reason="Cần xác minh thêm",
                    at=T(2026, 11, 5, 10))
    workflow.resume(c["E"], officer, at=T(2026, 11, 10, 9))
    workflow.finish(c["E"], officer, at=T(2026, 11, 11, 9))
    workflow.finish(c["M"], officer, at=T(2026, 11, 12, 9))


# Expected figures of October 2026 (by field), written out by hand from the scenario above.
EXPECTED_OCTOBER = {
    HO_TICH: {
        "received": {"total": 7, "online": 1, "direct_postal": 5, "carried_over": 1},
        "resolved": {"total": 6, "before_due": 2, "on_time": 2, "late": 2},
        "in_progress": {"total": 1, "within_time": 1, "late": 0},
        "on_time_rate": 0.6667,
        "progress_rate": 0.7143,  # (2 + 2 + 1) / 7
    },
    CHUNG_THUC: {
        "received": {"total": 5, "online": 1, "direct_postal": 3, "carried_over": 1},
        "resolved": {"total": 2, "before_due": 1, "on_time": 0, "late": 1},
        "in_progress": {"total": 3, "within_time": 1, "late": 2},
        "on_time_rate": 0.5,
        "progress_rate": 0.4,  # (1 + 0 + 1) / 5
    },
}
EXPECTED_OCTOBER_TOTAL = {
    "received": {"total": 12, "online": 2, "direct_postal": 8, "carried_over": 2},
    "resolved": {"total": 8, "before_due": 3, "on_time": 2, "late": 3},
    "in_progress": {"total": 4, "within_time": 2, "late": 2},
    "on_time_rate": 0.625,
    "progress_rate": 0.5833,  # 7 / 12
}
