"""Random dossier histories: the SQL report equals a plain-Python reading of the definitions
(walking each dossier's events forwards), its figures add up, and each equals its drill-down."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import HealthCheck, given, settings, strategies as st

from models import workflow
from models.dossiers import get_dossier
from models.errors import MotCuaError
from models.report_period import Period
from models.reports import FIGURES, Figures, dossiers_behind, period_report
from models.search import DossierFilter, list_dossiers
from report_scenario import BIRTH, CERTIFY, MARRIAGE, _receive

NOW = datetime(2026, 11, 21, 12)
ACTIONS = ("finish", "return", "supplement", "resume", "extend", "withdraw", "stop", "refuse",
           "forward")

plans = st.lists(
    st.tuples(
        st.sampled_from((MARRIAGE, CERTIFY, BIRTH)),
        st.integers(0, 60),  # day after 1 September
        st.integers(7, 17),  # hour
        st.sampled_from((1, 2, 3)),
        st.lists(st.tuples(st.sampled_from(ACTIONS), st.integers(1, 90)), max_size=5),
    ),
    min_size=1, max_size=6,
)


def _apply(code: str, officer, action: str, at: datetime) -> None:
    try:
        if action == "finish":
            workflow.finish(code, officer, at=at)
        elif action == "return":
            workflow.return_result(code, officer, recipient="Lê Văn Cường", at=at)
        elif action == "supplement":
            workflow.request_supplement(code, officer, missing=["Tờ khai"], reason="Thiếu", at=at)
        elif action == "resume":
            workflow.resume(code, officer, at=at)
        elif action == "extend":
            due = get_dossier(code).due_at
            workflow.extend(code, officer, new_due=due + timedelta(days=3), reason="Xác minh", at=at)
        elif action == "withdraw":
            workflow.withdraw(code, officer, at=at)
        elif action == "stop":
            workflow.stop(code, officer, reason="Dừng", at=at)
        elif action == "refuse":
            workflow.refuse(code, officer, reason="Không hợp lệ", at=at)
        else:
            workflow.forward(code, officer, unit="Công chức tư pháp - hộ tịch", at=at)
    except MotCuaError:
        pass  # not allowed from this status (or a day off for the new due date): skipped


def _all_dossiers():
    return [get_dossier(d.code) for d in list_dossiers(DossierFilter(), limit=10_000).rows]


def _oracle(dossiers, period: Period, now: datetime) -> dict[str, Figures]:
    """Figures per field, straight from the definitions in models.reports."""
    start, end = period.starts_at, period.ends_before
    asof, asof_day = min(end, now), min(period.end, now.date())
    counts: dict[str, dict[str, int]] = {}
    for v in dossiers:
        field = "Hộ tịch" if v.procedure_code != CERTIFY else "Chứng thực"
        events = sorted(v.events, key=lambda e: e.at)  # stable: same-time events keep their order
        closed = None
        if v.status in (9, 10):
            closed = v.finished_at
        elif v.status in (3, 7, 8):
            closed = next(e.at for e in events if e.to_status == v.status)
        void = v.status == 3 and start <= v.received_at < end and closed < end
        c = counts.setdefault(field, dict.fromkeys(FIGURES, 0))
        if start <= v.received_at < end and not void:
            c["received.online" if v.channel == 2 else "received.direct_postal"] += 1
        if v.received_at < start and (closed is None or closed >= start):
            c["received.carried_over"] += 1
        if closed is not None and start <= closed < end and not void:
            stopped = v.paused_at if v.status in (7, 8) and v.paused_at else closed
            c["resolved.total"] += 1
            c[{-1: "resolved.before_due", 0: "resolved.on_time", 1: "resolved.late"}[
                (stopped.date() > v.due_at.date()) - (stopped.date() < v.due_at.date())]] += 1
        if v.received_at < end and (closed is None or closed >= end):
            status = [e for e in events if e.at < asof][-1].to_status
            due = [d for d in v.due_history if d.at < asof][-1].new_due_at
            checked = asof_day
            if status == 5:
                checked = [e.at for e in events if e.action == "supplement" and e.at < asof][-1].date()
            c["in_progress.total"] += 1
            c["in_progress.late" if checked > due.date() else "in_progress.within_time"] += 1
    for c in counts.values():
        c["received.total"] = c["received.online"] + c["received.direct_postal"] + c["received.carried_over"]
    return {k: Figures.from_values(v) for k, v in counts.items() if any(v.values())}


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plans=plans, span=st.tuples(st.integers(0, 80), st.integers(0, 40)))
def test_sql_report_matches_the_definitions(officer, plans, span):
    # The database keeps the dossiers of earlier examples: more histories, same invariants.
    for procedure, day, hour, channel, actions in plans:
        at = datetime(2026, 9, 1, hour) + timedelta(days=day)
        code = _receive(officer, procedure, at, channel=channel)
        for action, hours in actions:
            at += timedelta(hours=hours)
            _apply(code, officer, action, at)
    first = date(2026, 9, 1) + timedelta(days=span[0])
    periods = [Period.month(2026, 9), Period.month(2026, 10), Period.month(2026, 11),
               Period(first, first + timedelta(days=span[1]))]
    dossiers = _all_dossiers()
    for period in periods:
        report = period_report(period, now=NOW)
        assert {r.key: r.figures for r in report.rows} == _oracle(dossiers, period, NOW), period
        t = report.total
        assert t.received.total == t.received.online + t.received.direct_postal + t.received.carried_over
        assert t.resolved.total == t.resolved.before_due + t.resolved.on_time + t.resolved.late
        assert t.in_progress.total == t.in_progress.within_time + t.in_progress.late
        assert t.received.total == t.resolved.total + t.in_progress.total
    for figure in FIGURES:  # the drill-down of the free range
        assert len(dossiers_behind(period, figure, now=NOW)) == t.get(figure)
    september, october = period_report(periods[0], now=NOW), period_report(periods[1], now=NOW)
    for row in october.rows:
        before = next((r.figures for r in september.rows if r.key == row.key), Figures())
        assert before.in_progress.total == row.figures.received.carried_over
