"""Workflow: the table of allowed transitions, the supplement clock, extensions, lateness."""
from __future__ import annotations

from datetime import datetime

import pytest

from models import workflow
from models.dossiers import get_dossier
from models.errors import TransitionError, ValidationError
from models.intake import receive
from models.statuses import STATUS_NAMES, TRANSITIONS
from models.tables import Dossier, StatusEvent
from tests.factories import XAC_NHAN_HON_NHAN, request

T0 = datetime(2026, 11, 16, 9, 0)  # Monday


def new(officer, at=T0):
    return receive(request(procedure=XAC_NHAN_HON_NHAN, received_at=at), officer, now=at).code


# Each action as the counter does it: at the moment it happens (now = at).
ACTIONS = {
    "forward": lambda code, o, at: workflow.forward(code, o, unit="Công chức Tư pháp - Hộ tịch", now=at),
    "supplement": lambda code, o, at: workflow.request_supplement(
        code, o, missing=["Bản sao giấy khai sinh"], reason="Thiếu giấy tờ", now=at),
    "resume": lambda code, o, at: workflow.resume(code, o, now=at),
    "request_payment": lambda code, o, at: workflow.request_payment(code, o, note="Nộp lệ phí", now=at),
    "paid": lambda code, o, at: workflow.paid(code, o, now=at),
    "extend": lambda code, o, at: workflow.extend(code, o, new_due=datetime(2026, 12, 30, 10, 0),
                                                  reason="Cần xác minh thêm", now=at),
    "finish": lambda code, o, at: workflow.finish(code, o, now=at),
    "return": lambda code, o, at: workflow.return_result(code, o, recipient="Nguyễn Thị Hằng", now=at),
    "refuse": lambda code, o, at: workflow.refuse(code, o, reason="Không thuộc thẩm quyền", now=at),
    "withdraw": lambda code, o, at: workflow.withdraw(code, o, reason="Công dân xin rút", now=at),
    "stop": lambda code, o, at: workflow.stop(code, o, reason="Quá hạn bổ sung", now=at),
}
# A path from "received" to each status, to test every action from every reachable status.
PATHS = {
    2: [], 3: ["refuse"], 4: ["forward"], 5: ["supplement"], 6: ["request_payment"],
    7: ["withdraw"], 8: ["stop"], 9: ["finish"], 10: ["finish", "return"],
}


def test_transition_table_matches_actions():
    assert set(ACTIONS) == set(TRANSITIONS)


@pytest.mark.parametrize("status", sorted(PATHS))
@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_every_transition_outside_the_table_is_refused(officer, status, action):
    code = new(officer)
    at = datetime(2026, 11, 16, 10, 0)
    for step in PATHS[status]:
        ACTIONS[step](code, officer, at)
    assert get_dossier(code).status == status
    events_before = StatusEvent.select().count()
    sources, target = TRANSITIONS[action]
    later = datetime(2026, 11, 16, 11, 0)
    if status in sources:
        d = ACTIONS[action](code, officer, later)
        assert d.status == (status if target is None else target)
        assert StatusEvent.select().count() == events_before + 1
    else:
        with pytest.raises(TransitionError) as error:
            ACTIONS[action](code, officer, later)
        assert STATUS_NAMES[status] in str(error.value)
        assert get_dossier(code).status == status
        assert StatusEvent.select().count() == events_before


def test_supplement_stops_the_clock_and_resume_moves_the_due_date(officer):
    code = new(officer)  # due Thursday 19/11 09:00 (3 working days)
    assert get_dossier(code).due_at == datetime(2026, 11, 19, 9, 0)
    workflow.request_supplement(code, officer, missing=["Giấy xác nhận cư trú"], reason="Thiếu",
                                now=datetime(2026, 11, 17, 9, 0))
    d = workflow.resume(code, officer, now=datetime(2026, 11, 18, 9, 0))  # paused one working day
    assert d.status == 4
    assert d.due_at == datetime(2026, 11, 20, 9, 0)
    assert [c.kind for c in d.due_history] == ["initial", "resume"]
    assert d.due_history[1].old_due_at == datetime(2026, 11, 19, 9, 0)
    assert d.events[-1].data["paused_minutes"] == 480


def test_supplement_needs_items_and_reason(officer):
    code = new(officer)
    with pytest.raises(ValidationError):
        workflow.request_supplement(code, officer, missing=[" "], reason="Thiếu", now=T0)
    with pytest.raises(ValidationError):
        workflow.request_supplement(code, officer, missing=["Tờ khai"], reason="", now=T0)
    assert get_dossier(code).status == 2


def test_extend_keeps_history_and_refuses_earlier_dates(officer):
    code = new(officer)
    with pytest.raises(ValidationError):
        workflow.extend(code, officer, new_due=datetime(2026, 11, 18, 9, 0), reason="x", now=T0)
    with pytest.raises(ValidationError):  # a Sunday
        workflow.extend(code, officer, new_due=datetime(2026, 11, 29, 9, 0), reason="x", now=T0)
    d = workflow.extend(code, officer, new_due=datetime(2026, 11, 26, 9, 0),
                        reason="Chờ kết quả xác minh", now=datetime(2026, 11, 18, 9, 0))
    assert d.due_at == datetime(2026, 11, 26, 9, 0)
    assert d.due_history[-1].reason == "Chờ kết quả xác minh"
    assert d.due_history[-1].old_due_at == datetime(2026, 11, 19, 9, 0)


def test_late_and_due_soon_are_derived(officer):
    code = new(officer)
    assert get_dossier(code, now=datetime(2026, 11, 18, 10, 0)).due_soon
    assert not get_dossier(code, now=datetime(2026, 11, 18, 10, 0)).late
    assert get_dossier(code, now=datetime(2026, 11, 19, 9, 1)).late
    workflow.finish(code, officer, now=datetime(2026, 11, 19, 8, 0))
    assert not get_dossier(code, now=datetime(2026, 12, 1)).late  # finished in time
    code2 = new(officer)
    workflow.finish(code2, officer, now=datetime(2026, 11, 19, 9, 1))  # a minute after the due moment
    assert get_dossier(code2, now=datetime(2026, 12, 1)).late


def test_return_records_recipient_and_time(officer):
    code = new(officer)
    workflow.finish(code, officer, now=datetime(2026, 11, 18, 8, 0))
    d = workflow.return_result(code, officer, recipient="Nguyễn Văn An", now=datetime(2026, 11, 18, 9, 0))
    assert (d.status, d.returned_to, d.returned_at) == (10, "Nguyễn Văn An", datetime(2026, 11, 18, 9, 0))
    row = Dossier.get(Dossier.code == code)
    assert row.returned_to == "Nguyễn Văn An"


def test_actions_cannot_go_back_in_time(officer):
    code = new(officer)
    with pytest.raises(ValidationError) as error:
        workflow.forward(code, officer, at=datetime(2026, 11, 16, 8, 0), now=datetime(2026, 11, 16, 8, 5))
    assert "trước bước trước đó (09:00 16/11/2026)" in str(error.value)
    with pytest.raises(ValidationError) as error:  # nor into the future
        workflow.forward(code, officer, at=datetime(2026, 11, 16, 10, 0), now=datetime(2026, 11, 16, 9, 30))
    assert "tương lai" in str(error.value)


def test_resume_moves_the_due_date_by_the_calendars_pause_rule(officer):
    """One rule for the paused time (WorkingCalendar.shift_for_pause), the one resume uses."""
    from models.holidays_admin import load_calendar

    code = new(officer)
    paused, resumed = datetime(2026, 11, 17, 16, 0), datetime(2026, 11, 20, 8, 30)
    workflow.request_supplement(code, officer, missing=["Tờ khai"], reason="Thiếu", now=paused)
    d = workflow.resume(code, officer, now=resumed)
    assert d.due_at == load_calendar().shift_for_pause(datetime(2026, 11, 19, 9, 0), paused, resumed)
    # 1,110 working minutes paused (16:00–17:00, two whole days, 07:00–08:30) added to Thu 09:00:
    # the end of Monday morning's session.
    assert d.due_at == datetime(2026, 11, 23, 11, 30)
