"""Random dossier histories: the SQL report equals a plain-Python reading of the definitions
(walking each dossier's events forwards), its figures add up, and each equals its drill-down;
and no sequence of an officer's actions turns a dossier late at its due moment into one
counted on time."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import workflow
from models.dossiers import DossierView, get_dossier
from models.errors import MotCuaError
from models.intake import IntakeRequest, PersonInput, receive
from models.report_period import Period
from models.reports import FIGURES, Figures, dossiers_behind, period_report
from models.search import DossierFilter, list_dossiers
from tests.reports.report_scenario import BIRTH, CERTIFY, MARRIAGE

NOW = datetime(2026, 12, 21, 12)
ACTIONS = ("finish", "return", "supplement", "resume", "extend", "withdraw", "stop", "refuse",
           "forward", "request_payment", "paid")
OPEN = (2, 4, 6)
SECOND = timedelta(seconds=1)

plans = st.lists(
    st.tuples(
        st.sampled_from((MARRIAGE, CERTIFY, BIRTH)),
        st.integers(0, 60),  # day after 1 September
        st.integers(7, 17),  # hour
        st.sampled_from((1, 2, 3)),
        st.sampled_from((0, 0, 0, 50)),  # hours between reception and its entry (a paper typed in later)
        # (action, hours after the previous step, hours until it is recorded: > 0 is backdated)
        st.lists(st.tuples(st.sampled_from(ACTIONS), st.integers(0, 90), st.sampled_from((0, 0, 0, 0, 20))),
                 max_size=6),
    ),
    min_size=1, max_size=6,
)


def _receive(officer, procedure: str, received_at: datetime, channel: int, entered: datetime) -> str:
    request = IntakeRequest(procedure=procedure, received_at=received_at, channel=channel,
                            applicant=PersonInput(name="Lê Văn Cường", id_number="001090012345"))
    return receive(request, officer, now=entered).code


def _apply(code: str, officer, action: str, at: datetime, recorded: datetime) -> None:
    """``action`` at ``at``, entered at ``recorded`` (later: a backdated record, with a reason)."""
    when = {"at": at, "now": recorded,
            "backdate_reason": "Ghi lại từ sổ giấy" if recorded > at else ""}
    try:
        if action == "finish":
            workflow.finish(code, officer, **when)
        elif action == "return":
            workflow.return_result(code, officer, recipient="Lê Văn Cường", **when)
        elif action == "supplement":
            workflow.request_supplement(code, officer, missing=["Tờ khai"], reason="Thiếu", **when)
        elif action == "resume":
            workflow.resume(code, officer, **when)
        elif action == "extend":
            due = get_dossier(code).due_at
            workflow.extend(code, officer, new_due=_working(max(due, at) + timedelta(days=3)),
                            reason="Xác minh", signer="admin", **when)
        elif action == "withdraw":
            workflow.withdraw(code, officer, **when)
        elif action == "stop":
            workflow.stop(code, officer, reason="Dừng", **when)
        elif action == "refuse":
            workflow.refuse(code, officer, reason="Không hợp lệ", **when)
        elif action == "request_payment":
            workflow.request_payment(code, officer, note="Nộp lệ phí", **when)
        elif action == "paid":
            workflow.paid(code, officer, **when)
        else:
            workflow.forward(code, officer, unit="Công chức tư pháp - hộ tịch", **when)
    except MotCuaError:
        pass  # not allowed (status, role, a day off for the new date, a refusal after the day): skipped


def _working(moment: datetime) -> datetime:
    from models.holidays_admin import load_calendar

    calendar = load_calendar()
    while not calendar.is_working_day(moment.date()):
        moment += timedelta(days=1)
    return moment


def _make(officer, plans) -> None:
    for procedure, day, hour, channel, entry_delay, actions in plans:
        at = datetime(2026, 9, 1, hour) + timedelta(days=day)
        code = _receive(officer, procedure, at, channel, at + timedelta(hours=entry_delay))
        for action, hours, delay in actions:
            at += timedelta(hours=hours)
            _apply(code, officer, action, at, at + timedelta(hours=delay))


def _all_dossiers():
    return [get_dossier(d.code) for d in list_dossiers(DossierFilter(), limit=10_000).rows]


def _late_from(v: DossierView) -> datetime | None:
    """DOMAIN §7 read plainly: walk the steps forwards; a step recorded while the dossier is late
    (at the moment claimed) keeps it late from just after the due moment; one that only the real
    moment of entry shows late keeps it late from the moment claimed; a second supplement request
    from that request; an intake typed in after its appointment from just after it."""
    status, due, paused, mark = 2, v.due_history[0].new_due_at, None, None
    changes = list(v.due_history[1:])

    def late(moment: datetime) -> bool:
        if status == 5:
            moment = min(moment, paused)
        elif status not in OPEN:
            return False
        return moment > due or (mark is not None and moment >= mark)

    def earliest(moment: datetime) -> datetime:
        return moment if mark is None else min(mark, moment)

    receive, *steps = v.events
    if receive.recorded_at > due:
        mark = due + SECOND
    supplements = 0
    for e in steps:
        if late(e.at):
            mark = earliest(due + SECOND)
        elif late(e.recorded_at):
            mark = earliest(e.at)
        if e.action == "supplement":
            supplements += 1
            paused = e.at
            if supplements > 1:
                mark = earliest(e.at)
        if e.action in ("resume", "extend"):
            due = changes.pop(0).new_due_at
        if e.action == "resume":
            paused = None
        status = e.to_status
    return mark


def _judged(moment: datetime, due: datetime, mark: datetime | None, *, pending: bool) -> str:
    if (mark is not None and moment >= mark) or moment > due:
        return "in_progress.late" if pending else "resolved.late"
    if pending:
        return "in_progress.within_time"
    return "resolved.before_due" if moment.date() < due.date() else "resolved.on_time"


def _oracle(dossiers, period: Period, now: datetime) -> dict[str, Figures]:
    """Figures per field, straight from the definitions in models.reports."""
    start, end = period.starts_at, period.ends_before
    asof = min(end, now)
    counts: dict[str, dict[str, int]] = {}
    for v in dossiers:
        field = "Hộ tịch" if v.procedure_code != CERTIFY else "Chứng thực"
        events = v.events  # in order (at, then id)
        mark = _late_from(v)
        assert mark == v.late_from, (v.code, mark, v.late_from)  # the workflow marks as the oracle reads
        closed = None
        if v.status in (9, 10):
            closed = v.finished_at
        elif v.status in (3, 7, 8):
            closed = next(e.at for e in events if e.to_status == v.status)
        # refused at reception (on the day, in time, never marked late): counts nowhere
        void = (v.status == 3 and closed.date() == v.received_at.date() and closed <= v.due_at
                and mark is None)
        c = counts.setdefault(field, dict.fromkeys(FIGURES, 0))
        if void:
            continue
        if start <= v.received_at < end:
            c["received.online" if v.channel == 2 else "received.direct_postal"] += 1
        if v.received_at < start and (closed is None or closed >= start):
            c["received.carried_over"] += 1
        if closed is not None and start <= closed < end:
            stopped = v.paused_at if v.status in (7, 8) and v.paused_at else closed
            c["resolved.total"] += 1
            c[_judged(stopped, v.due_at, mark, pending=False)] += 1
        if v.received_at < end and (closed is None or closed >= end):
            status = [e for e in events if e.at < asof][-1].to_status
            due = [d for d in v.due_history if d.at < asof][-1].new_due_at
            checked = asof
            if status == 5:
                checked = [e.at for e in events if e.action == "supplement" and e.at < asof][-1]
            c["in_progress.total"] += 1
            c[_judged(checked, due, mark, pending=True)] += 1
    for c in counts.values():
        c["received.total"] = c["received.online"] + c["received.direct_postal"] + c["received.carried_over"]
    return {k: Figures.from_values(v) for k, v in counts.items() if any(v.values())}


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plans=plans, span=st.tuples(st.integers(0, 80), st.integers(0, 40)))
def test_sql_report_matches_the_definitions(officer, plans, span):
    # The database keeps the dossiers of earlier examples: more histories, same invariants.
    _make(officer, plans)
    first = date(2026, 9, 1) + timedelta(days=span[0])
    periods = [Period.month(2026, 9), Period.month(2026, 10), Period.month(2026, 11),
               Period(first, first + timedelta(days=span[1]))]
    dossiers = _all_dossiers()
    for period in periods:
        report = period_report(period, now=NOW, officer=officer)
        assert {r.key: r.figures for r in report.rows} == _oracle(dossiers, period, NOW), period
        t = report.total
        assert t.received.total == t.received.online + t.received.direct_postal + t.received.carried_over
        assert t.resolved.total == t.resolved.before_due + t.resolved.on_time + t.resolved.late
        assert t.in_progress.total == t.in_progress.within_time + t.in_progress.late
        assert t.received.total == t.resolved.total + t.in_progress.total
    for figure in FIGURES:  # the drill-down of the free range
        assert len(dossiers_behind(period, figure, now=NOW, officer=officer)) == t.get(figure)
    september = period_report(periods[0], now=NOW, officer=officer)
    october = period_report(periods[1], now=NOW, officer=officer)
    for row in october.rows:
        before = next((r.figures for r in september.rows if r.key == row.key), Figures())
        assert before.in_progress.total == row.figures.received.carried_over


def _ever_late(v: DossierView) -> bool:
    """Whether the dossier was ever late by the plain rule: at some moment its clock ran (open)
    past the due moment then in force. Between two steps its state is constant."""
    status, due = 2, v.due_history[0].new_due_at
    changes = list(v.due_history[1:])
    for e in v.events[1:]:
        if status in OPEN and e.at > due:
            return True
        if e.action in ("resume", "extend"):
            due = changes.pop(0).new_due_at
        status = e.to_status
    return status in OPEN and due < NOW


# An officer's day: every action a counter officer may take, at the moment it happens.
OFFICER_ACTIONS = ("finish", "return", "supplement", "resume", "extend", "withdraw", "refuse",
                   "forward", "request_payment", "paid", "stop")
officer_plans = st.lists(
    st.tuples(
        st.sampled_from((MARRIAGE, CERTIFY, BIRTH)),
        st.integers(0, 40), st.integers(7, 17), st.sampled_from((1, 2, 3)),
        st.just(0),
        st.lists(st.tuples(st.sampled_from(OFFICER_ACTIONS), st.integers(0, 120), st.just(0)),
                 min_size=1, max_size=7),
    ),
    min_size=1, max_size=5,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plans=officer_plans)
def test_no_officer_action_turns_a_late_dossier_into_an_on_time_one(account, plans):
    """An officer-only account cannot erase lateness (DOMAIN §7): once a dossier's clock ran past
    its due moment, whatever the officer does next — a supplement request, resuming, a new
    appointment, withdrawing, refusing, finishing — the report counts it late."""
    from models.accounts import get_officer_row
    from models.tables import Officer

    clerk = Officer.get_or_none(Officer.username == "can.bo") or account("can.bo", "officer")
    _make(clerk, plans)
    whole = Period(date(2026, 9, 1), date(2026, 12, 31))
    report_by = get_officer_row("admin")
    counted_late = {d.code for f in ("resolved.late", "in_progress.late")
                    for d in dossiers_behind(whole, f, now=NOW, officer=report_by)}
    counted_in_time = {d.code for f in ("resolved.before_due", "resolved.on_time", "in_progress.within_time")
                       for d in dossiers_behind(whole, f, now=NOW, officer=report_by)}
    for v in _all_dossiers():
        if _ever_late(v):
            assert v.code in counted_late and v.code not in counted_in_time, v.code
            if v.status not in (3, 7, 8):  # the desk marks open and finished dossiers
                assert v.late, v.code
