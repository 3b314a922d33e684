"""Lateness cannot be erased (DOMAIN §7), rule by rule, through the workflow service: who may
record what after the due moment, what a backdated record keeps, and the mark that keeps a late
dossier late."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from models import workflow
from models.audit import audit_log
from models.dossiers import get_dossier
from models.errors import PermissionDenied, TransitionError, ValidationError
from models.intake import receive
from models.lateness import late_from_after, timeliness
from models.tables import StatusEvent
from tests.factories import XAC_NHAN_HON_NHAN, request

T0 = datetime(2026, 11, 16, 9, 0)  # Monday; 3 working days → due Thursday 19/11 09:00
DUE = datetime(2026, 11, 19, 9, 0)


@pytest.fixture
def clerk(account):
    return account("hung", "officer")


@pytest.fixture
def leader(account):
    return account("lan", "leader")


def new(officer, at=T0, now=None) -> str:
    return receive(request(procedure=XAC_NHAN_HON_NHAN, received_at=at), officer, now=now or at).code


def test_moments_not_dates():
    assert timeliness(datetime(2026, 11, 18, 16), DUE) == "before_due"
    assert timeliness(datetime(2026, 11, 19, 9, 0), DUE) == "on_time"
    assert timeliness(datetime(2026, 11, 19, 9, 1), DUE) == "late"  # the same day, a minute later
    assert timeliness(datetime(2026, 11, 18, 16), DUE, late_from=datetime(2026, 11, 17)) == "late"


def test_an_officers_new_appointment_before_the_due_moment_keeps_it_on_time(clerk, leader):
    code = new(clerk)
    d = workflow.extend(code, clerk, new_due=datetime(2026, 11, 25, 9), reason="Chờ xác minh",
                        signer="lan", now=datetime(2026, 11, 18, 10))
    assert not d.due_history[-1].overdue and d.late_from is None
    d = workflow.finish(code, clerk, now=datetime(2026, 11, 23, 10))
    assert not d.late


def test_after_the_due_moment_only_a_leader_gives_a_new_appointment_and_it_stays_late(clerk, leader):
    code = new(clerk)
    after = datetime(2026, 11, 19, 10)
    with pytest.raises(PermissionDenied) as refused:
        workflow.extend(code, clerk, new_due=datetime(2026, 11, 26, 9), reason="Chờ", signer="lan", now=after)
    assert str(refused.value) == ("Tài khoản hung (vai trò cán bộ một cửa) không được hẹn lại ngày trả kết quả "
                                  "sau khi hồ sơ đã quá hạn.")
    assert get_dossier(code).due_at == DUE  # nothing changed…
    assert [r.action for r in audit_log(by=leader, code=code) if r.refused] == ["dossier.extend_late"]  # …but noted
    d = workflow.extend(code, leader, new_due=datetime(2026, 11, 26, 9), reason="Chờ", now=after)
    change = d.due_history[-1]
    assert change.overdue and change.signer == "lan" and change.old_due_at == DUE
    assert d.late_from == DUE + timedelta(seconds=1)
    d = workflow.finish(code, clerk, now=datetime(2026, 11, 25, 9))  # before the new date
    assert d.late  # judged against the due moment that had passed


def test_a_second_supplement_request_is_a_leaders_and_counts_late(clerk, leader):
    code = new(clerk)
    workflow.request_supplement(code, clerk, missing=["Tờ khai"], reason="Thiếu", now=datetime(2026, 11, 16, 10))
    workflow.resume(code, clerk, now=datetime(2026, 11, 17, 9))
    second = datetime(2026, 11, 17, 10)
    with pytest.raises(PermissionDenied) as refused:
        workflow.request_supplement(code, clerk, missing=["Giấy khác"], reason="Thiếu", now=second)
    assert "không được yêu cầu bổ sung hồ sơ lần thứ hai" in str(refused.value)
    d = workflow.request_supplement(code, leader, missing=["Giấy khác"], reason="Thiếu", now=second)
    assert d.late_from == second and d.events[-1].data["round"] == 2
    workflow.resume(code, clerk, now=datetime(2026, 11, 17, 11))
    d = workflow.finish(code, clerk, now=datetime(2026, 11, 17, 14))  # days before the due date
    assert d.late


def test_refusal_is_at_reception_on_the_day(clerk, leader):
    code = new(clerk)
    with pytest.raises(TransitionError) as refused:
        workflow.refuse(code, clerk, reason="Không hợp lệ", now=datetime(2026, 11, 17, 8))
    assert "Chỉ từ chối tiếp nhận trong ngày tiếp nhận (16/11/2026)" in str(refused.value)
    with pytest.raises(PermissionDenied):  # the way out is a stop, which is a leader's
        workflow.stop(code, clerk, reason="Không hợp lệ", now=datetime(2026, 11, 17, 8))
    assert workflow.stop(code, leader, reason="Không hợp lệ", now=datetime(2026, 11, 17, 8)).status == 8
    other = new(clerk)
    assert workflow.refuse(other, clerk, reason="Không hợp lệ", now=datetime(2026, 11, 16, 16)).status == 3


def test_a_backdated_record_is_a_leaders_with_a_reason_and_keeps_the_real_moment(clerk, leader):
    code = new(clerk)
    now, claimed = datetime(2026, 11, 18, 15), datetime(2026, 11, 18, 9)
    with pytest.raises(ValidationError) as missing:
        workflow.finish(code, clerk, at=claimed, now=now)
    assert missing.value.field == "backdate_reason"
    with pytest.raises(PermissionDenied) as refused:
        workflow.finish(code, clerk, at=claimed, now=now, backdate_reason="Mất điện buổi sáng")
    assert "không được ghi một bước xử lý vào thời điểm đã qua" in str(refused.value)
    d = workflow.finish(code, leader, at=claimed, now=now, backdate_reason="Mất điện buổi sáng")
    event = d.events[-1]
    assert (event.at, event.recorded_at, event.backdate_reason) == (claimed, now, "Mất điện buổi sáng")
    assert not d.late and d.late_from is None  # recorded before the due moment: no harm done
    recorded = next(r for r in audit_log(by=leader, code=code) if r.action == "dossier.finish" and not r.refused)
    assert recorded.details["backdate_reason"] == "Mất điện buổi sáng" and recorded.actor == "lan"


def test_a_few_minutes_behind_the_clock_is_not_a_backdated_record(clerk):
    code = new(clerk)
    d = workflow.forward(code, clerk, at=datetime(2026, 11, 16, 9, 55), now=datetime(2026, 11, 16, 10))
    assert not d.events[-1].backdated and d.events[-1].recorded_at == datetime(2026, 11, 16, 10)


def test_a_backdated_record_entered_after_the_due_moment_cannot_make_it_on_time(leader, clerk):
    code = new(clerk)
    claimed, now = datetime(2026, 11, 18, 15), datetime(2026, 11, 20, 8)  # due 19/11 09:00
    d = workflow.finish(code, leader, at=claimed, now=now, backdate_reason="Ghi từ sổ giấy")
    assert d.finished_at == claimed and d.late_from == claimed and d.late
    with pytest.raises(ValidationError):  # and never before the step before it
        workflow.return_result(code, leader, recipient="Nguyễn Thị Hằng", at=datetime(2026, 11, 18, 14),
                               now=now, backdate_reason="Ghi từ sổ giấy")


def test_an_officer_may_enter_an_earlier_reception_which_only_makes_it_later(clerk):
    entered = datetime(2026, 11, 20, 10)  # a paper dossier from Monday, typed in on Friday
    d = receive(request(procedure=XAC_NHAN_HON_NHAN, received_at=T0), clerk, now=entered)
    assert d.received_at == T0 and d.due_at == DUE
    assert d.events[0].at == T0 and d.events[0].recorded_at == entered
    assert d.late_from == DUE + timedelta(seconds=1) and d.late
    on_time = receive(request(procedure=XAC_NHAN_HON_NHAN, received_at=T0), clerk, now=datetime(2026, 11, 17))
    assert on_time.late_from is None


def test_a_step_recorded_while_late_keeps_the_dossier_late(clerk):
    """Received at closing on Monday (counted from Tuesday 07:00): due Thursday 17:00. A
    supplement request at 17:30 — already late, no working time in between — and the papers back
    on Friday at 08:00 would move the due moment to 08:00: finishing then must stay late."""
    code = new(clerk, at=datetime(2026, 11, 16, 17))
    assert get_dossier(code).due_at == datetime(2026, 11, 19, 17)
    workflow.request_supplement(code, clerk, missing=["Tờ khai"], reason="Thiếu", now=datetime(2026, 11, 19, 17, 30))
    d = workflow.resume(code, clerk, now=datetime(2026, 11, 20, 8))
    assert d.due_at == datetime(2026, 11, 20, 8)
    d = workflow.finish(code, clerk, now=datetime(2026, 11, 20, 8))
    assert d.late and d.late_from == datetime(2026, 11, 19, 17, 0, 1)


def test_the_mark_never_moves_later():
    due, late = datetime(2026, 11, 19, 9), datetime(2026, 11, 18)
    assert late_from_after(4, due, None, late, datetime(2026, 11, 20), datetime(2026, 11, 20)) == late
    assert late_from_after(4, due, None, None, datetime(2026, 11, 18), datetime(2026, 11, 18)) is None
    assert late_from_after(4, due, None, None, datetime(2026, 11, 18), datetime(2026, 11, 20)) == \
        datetime(2026, 11, 18)  # claimed in time, entered late: late from the claimed moment
    # paused before the due moment: the clock stopped, nothing is late however late it is entered
    assert late_from_after(5, due, datetime(2026, 11, 18), None, datetime(2026, 11, 25),
                           datetime(2026, 11, 25)) is None


def test_every_step_keeps_its_real_moment(clerk):
    code = new(clerk)
    workflow.forward(code, clerk, now=datetime(2026, 11, 16, 10))
    assert all(e.recorded_at is not None for e in StatusEvent.select())
