"""Hand-built dossiers with known report figures, made through the services (shared by the
report tests; the fixture is in this folder's conftest).

October 2026 (Thursday 1 – Saturday 31, no holiday) is the period under test; a few dossiers
come from September, and some move in November, after the period, to show that October's
report does not change. Due times (office hours 07:00–11:30, 13:30–17:00):
"1.004873" 3 working days, "2.001035" 2 working days, "1.001193" same day.

Each lateness rule of DOMAIN §7 has a dossier whose figures it changes (the comment says how
it would have counted without the rule): B (moments, not dates), P (a new appointment after
the due moment), R (a second supplement request), S (a refusal after the due moment), T (a
backdated record entered after the due moment), V (a step recorded while already late); Q is
the allowed path (an officer's extension before the due moment, signed by a leader).
"""
from __future__ import annotations

from datetime import datetime

from models import workflow
from models.accounts import add_officer, get_officer_row
from models.intake import IntakeRequest, PersonInput, receive

HO_TICH, CHUNG_THUC = "Hộ tịch", "Chứng thực"
MARRIAGE, CERTIFY, BIRTH = "1.004873", "2.001035", "1.001193"


def _receive(officer, procedure: str, received_at: datetime, channel: int = 1, name: str = "Nguyễn Văn An"):
    request = IntakeRequest(procedure=procedure, received_at=received_at, channel=channel,
                            applicant=PersonInput(name=name, id_number="001090012345"))
    return receive(request, officer, now=received_at).code


def _account(admin, username: str, roles: str, name: str):
    add_officer(username, name, roles, "mat-khau-kich-ban", by=admin)
    return get_officer_row(username)


def build_scenario(officer) -> dict[str, str]:
    """The dossiers, by letter; the expected figures are in the tests' EXPECTED tables.

    ``officer`` is the setup account (all three roles); an officer-only account (hung.tv) and a
    leader (lan.nt) are added for the rules that depend on who acts."""
    T = datetime
    c: dict[str, str] = {}
    clerk = _account(officer, "hung.tv", "officer", "Trần Văn Hùng")
    leader = _account(officer, "lan.nt", "leader", "Nguyễn Thị Lan")
    # September: H is received and finished in September (never in October's report);
    # F and G are still pending on 1 October (carried over).
    c["H"] = _receive(officer, MARRIAGE, T(2026, 9, 21, 9))          # due 24/09
    workflow.finish(c["H"], officer, now=T(2026, 9, 23, 10))
    c["F"] = _receive(officer, MARRIAGE, T(2026, 9, 28, 9))          # due 01/10
    c["G"] = _receive(officer, CERTIFY, T(2026, 9, 29, 9))           # due 01/10
    # Hộ tịch, October.
    c["A"] = _receive(officer, MARRIAGE, T(2026, 10, 5, 9))          # due 08/10, direct
    c["B"] = _receive(officer, MARRIAGE, T(2026, 10, 5, 9, 5), channel=2)  # due 08/10, online
    c["C"] = _receive(officer, MARRIAGE, T(2026, 10, 5, 9, 10), channel=3)  # due 08/10, postal
    workflow.finish(c["F"], officer, now=T(2026, 10, 2, 8))            # 1 day late
    workflow.finish(c["A"], officer, now=T(2026, 10, 7, 10))           # before due
    workflow.return_result(c["A"], officer, recipient="Nguyễn Văn An", now=T(2026, 10, 8, 9, 30))
    # on the due day after the due moment (09:05): late — by dates alone it was "on time"
    workflow.finish(c["B"], officer, now=T(2026, 10, 8, 16))
    workflow.finish(c["C"], officer, now=T(2026, 10, 9, 8))            # 1 day late
    c["J"] = _receive(officer, BIRTH, T(2026, 10, 6, 9))             # refused at the counter
    workflow.refuse(c["J"], officer, reason="Không thuộc thẩm quyền", now=T(2026, 10, 6, 9, 10))
    # D: a supplement stops the clock 13/10 → 20/10; the due date moves from 15/10 to 22/10.
    c["D"] = _receive(officer, MARRIAGE, T(2026, 10, 12, 9))
    workflow.request_supplement(c["D"], officer, missing=["Bản sao giấy khai sinh"],
                                reason="Thiếu giấy tờ", now=T(2026, 10, 13, 9))
    workflow.resume(c["D"], officer, now=T(2026, 10, 20, 9))
    workflow.finish(c["D"], officer, now=T(2026, 10, 21, 10))          # before the moved due date
    c["L"] = _receive(officer, BIRTH, T(2026, 10, 20, 9))            # same day: due 17:00
    workflow.finish(c["L"], officer, now=T(2026, 10, 20, 16))          # on time
    # E: due 29/10, paused since 27/10 and still paused on 31/10: within time.
    c["E"] = _receive(officer, MARRIAGE, T(2026, 10, 26, 9))
    workflow.request_supplement(c["E"], officer, missing=["Tờ khai"], reason="Thiếu tờ khai",
                                now=T(2026, 10, 27, 9))
    # Chứng thực, October.
    c["I"] = _receive(officer, CERTIFY, T(2026, 10, 14, 9))          # due 16/10
    workflow.withdraw(c["I"], officer, reason="Công dân xin rút", now=T(2026, 10, 15, 9))  # before due
    c["K"] = _receive(officer, CERTIFY, T(2026, 10, 19, 9))          # due 21/10
    workflow.stop(c["K"], officer, reason="Giao dịch bị tranh chấp", now=T(2026, 10, 23, 9))  # 2 days late
    c["N"] = _receive(officer, CERTIFY, T(2026, 10, 27, 9))          # due 29/10: late on 31/10
    c["M"] = _receive(officer, CERTIFY, T(2026, 10, 30, 9), channel=2)  # due 03/11: within time
    # -- the lateness rules (Hộ tịch) --------------------------------------------------------
    # P: due 06/10 09:00; the leader gives a new appointment (09/10 16:00) on 07/10, after the
    # due moment; finished 08/10, before the new date: late (without the rule: before due).
    c["P"] = _receive(clerk, MARRIAGE, T(2026, 10, 1, 9))
    workflow.extend(c["P"], leader, new_due=T(2026, 10, 9, 16), reason="Chờ kết quả xác minh",
                    now=T(2026, 10, 7, 10))
    workflow.finish(c["P"], clerk, now=T(2026, 10, 8, 10))
    # Q: due 06/10 09:30; the officer gives a new appointment (09/10 09:30) on 05/10, before the
    # due moment, naming the leader who signs; finished 09/10 09:00: on time.
    c["Q"] = _receive(clerk, MARRIAGE, T(2026, 10, 1, 9, 30))
    workflow.extend(c["Q"], clerk, new_due=T(2026, 10, 9, 9, 30), reason="Cần thêm ý kiến",
                    signer=leader.username, now=T(2026, 10, 5, 10))
    workflow.finish(c["Q"], clerk, now=T(2026, 10, 9, 9))
    # R: a first supplement request 13/10 → 14/10, a second one (the leader) 15/10 → 16/10;
    # finished 19/10 10:00, before the moved due date (20/10 08:00): late (without the rule:
    # before due).
    c["R"] = _receive(clerk, MARRIAGE, T(2026, 10, 13, 9))
    workflow.request_supplement(c["R"], clerk, missing=["Tờ khai"], reason="Thiếu tờ khai",
                                now=T(2026, 10, 13, 10))
    workflow.resume(c["R"], clerk, now=T(2026, 10, 14, 9))
    workflow.request_supplement(c["R"], leader, missing=["Giấy xác nhận cư trú"],
                                reason="Phát hiện thiếu khi thẩm định", now=T(2026, 10, 15, 9))
    workflow.resume(c["R"], clerk, now=T(2026, 10, 16, 9))
    workflow.finish(c["R"], clerk, now=T(2026, 10, 19, 10))
    # S: same-day procedure received 22/10 14:00 (due 17:00), "refused" at 17:30 on the day:
    # resolved late (without the rule: counted nowhere).
    c["S"] = _receive(clerk, BIRTH, T(2026, 10, 22, 14))
    workflow.refuse(c["S"], clerk, reason="Giấy tờ không hợp lệ", now=T(2026, 10, 22, 17, 30))
    # T: due 29/10 09:30; on 30/10 (after the due moment) the leader records a finish dated
    # 28/10 15:00 from the paper register: late (without the rule: before due).
    c["T"] = _receive(clerk, MARRIAGE, T(2026, 10, 26, 9, 30))
    workflow.finish(c["T"], leader, at=T(2026, 10, 28, 15), now=T(2026, 10, 30, 10),
                    backdate_reason="Mất điện ngày 28/10, ghi lại từ sổ giấy")
    # V: received at closing on Mon 19/10 (counted from Tue 07:00): due Thu 22/10 17:00; a
    # supplement request at 17:30 that day (already late, no working time in between), papers
    # back Fri 08:00, finished 08:00 — the moved due moment: late (without the rule: on time).
    c["V"] = _receive(clerk, MARRIAGE, T(2026, 10, 19, 17))
    workflow.request_supplement(c["V"], clerk, missing=["Tờ khai"], reason="Thiếu tờ khai",
                                now=T(2026, 10, 22, 17, 30))
    workflow.resume(c["V"], clerk, now=T(2026, 10, 23, 8))
    workflow.finish(c["V"], clerk, now=T(2026, 10, 23, 8))
    return c


def move_after_october(officer, c: dict[str, str]) -> None:
    """What happens in November must not change October's report."""
    T = datetime
    workflow.finish(c["G"], officer, now=T(2026, 11, 5, 9))
    workflow.extend(c["N"], officer, new_due=T(2026, 11, 10, 17), reason="Cần xác minh thêm",
                    now=T(2026, 11, 5, 10))
    workflow.resume(c["E"], officer, now=T(2026, 11, 10, 9))
    workflow.finish(c["E"], officer, now=T(2026, 11, 11, 9))
    workflow.finish(c["M"], officer, now=T(2026, 11, 12, 9))


# Expected figures of October 2026 (by field), written out by hand from the scenario above.
# Hộ tịch: before due A, D; on time L, Q; late F, B, C, P, R, S, T, V; in progress E.
EXPECTED_OCTOBER = {
    HO_TICH: {
        "received": {"total": 13, "online": 1, "direct_postal": 11, "carried_over": 1},
        "resolved": {"total": 12, "before_due": 2, "on_time": 2, "late": 8},
        "in_progress": {"total": 1, "within_time": 1, "late": 0},
        "on_time_rate": 0.3333,
        "progress_rate": 0.3846,  # (2 + 2 + 1) / 13
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
    "received": {"total": 18, "online": 2, "direct_postal": 14, "carried_over": 2},
    "resolved": {"total": 14, "before_due": 3, "on_time": 2, "late": 9},
    "in_progress": {"total": 4, "within_time": 2, "late": 2},
    "on_time_rate": 0.3571,  # 5 / 14
    "progress_rate": 0.3889,  # 7 / 18
}
