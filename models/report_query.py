"""The SQL behind the period report: every dossier that matters for a period gets a class, and
the report counts the classes (GROUP BY), then sums them into figures (CASE sums).

A dossier's class is (received in the period or before it, online or not, outcome), where the
outcome is one small integer:

    0 counts nowhere (closed before the period, or refused at reception)
    1 resolved before due   2 resolved on time   3 resolved late
    4 in progress at the end, within time        5 in progress at the end, late

``FIGURE_CLASSES`` says which classes each figure of Biểu 06 counts; the report and the
drill-down both read it, so every figure is reproducible from the dossiers it counts. The
definitions themselves are explained in ``models.reports``.

Performance: each of three slices of dossiers is read from its own index alone (covering
indexes made by schema migration 2, models.migrations); the common dossier (finished inside the period) is classified by a
few column comparisons; only refused / withdrawn / stopped dossiers look up their closing event,
and only dossiers in progress at the period end look up their history. The rows are counted per
procedure and class (one sort on two small integers), and the few hundred counts are summed
into figures per procedure in SQL.

Plain SQL for SQLite and PostgreSQL: the differences are the parameter style, how a timestamp
is cut to its date (to tell "before the due day" from "on the due day", DOMAIN §7), MOD, and
SQLite's INDEXED BY.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from peewee import Database

from .db import is_sqlite
from .statuses import (
    FINANCIAL,
    FINISHED,
    NEW,
    PROCESSING,
    RECEIVED,
    REFUSED,
    RETURNED,
    STOPPED,
    SUPPLEMENT,
    WITHDRAWN,
)
from .tables import Dossier, DueDateChange, StatusEvent, database

NOWHERE, BEFORE_DUE, ON_TIME, RESOLVED_LATE, WITHIN_TIME, PENDING_LATE = range(6)
RESOLVED_OUTCOMES = (BEFORE_DUE, ON_TIME, RESOLVED_LATE)
PENDING_OUTCOMES = (WITHIN_TIME, PENDING_LATE)
COUNTED = RESOLVED_OUTCOMES + PENDING_OUTCOMES


@dataclass(frozen=True)
class FigureClass:
    """Which dossier classes a figure counts: None in a field means "any"."""

    outcomes: tuple[int, ...]
    new: int | None = None  # 1 received in the period, 0 received before it
    online: int | None = None  # 1 channel 2, 0 channels 1 and 3


FIGURE_CLASSES: dict[str, FigureClass] = {
    "received.total": FigureClass(COUNTED),
    "received.online": FigureClass(COUNTED, new=1, online=1),
    "received.direct_postal": FigureClass(COUNTED, new=1, online=0),
    "received.carried_over": FigureClass(COUNTED, new=0),
    "resolved.total": FigureClass(RESOLVED_OUTCOMES),
    "resolved.before_due": FigureClass((BEFORE_DUE,)),
    "resolved.on_time": FigureClass((ON_TIME,)),
    "resolved.late": FigureClass((RESOLVED_LATE,)),
    "in_progress.total": FigureClass(PENDING_OUTCOMES),
    "in_progress.within_time": FigureClass((WITHIN_TIME,)),
    "in_progress.late": FigureClass((PENDING_LATE,)),
}
FIGURES = tuple(FIGURE_CLASSES)
# The figures the query counts; each total is the sum of its group's other figures.
LEAF_FIGURES = tuple(f for f in FIGURES if not f.endswith(".total"))

# The report reads three indexes besides those of models.tables, made by schema migration 2
# (models.migrations, frozen there): dossier_report_scan (the period's dossiers, every column
# the common case needs), dossier_report_finished (received before the period, finished since
# its start) and the partial dossier_report_open (received before the period, pending or closed
# by an event): its condition is these statuses, in this order, as the query below writes it.
_BEFORE_STATUSES = (RECEIVED, PROCESSING, SUPPLEMENT, FINANCIAL, REFUSED, WITHDRAWN, STOPPED)



@dataclass(frozen=True)
class _Dialect:
    sqlite: bool

    def param(self, name: str) -> str:
        return f":{name}" if self.sqlite else f"%({name})s"

    def day(self, expression: str) -> str:
        """The calendar date of a timestamp, comparable with a date parameter."""
        # Peewee stores SQLite datetimes as "YYYY-MM-DD HH:MM:SS" text: the first ten characters
        # are the date, and text order is time order.
        return f"substr({expression}, 1, 10)" if self.sqlite else f"CAST({expression} AS date)"

    def using(self, index: str) -> str:
        """SQLite: read this slice from its own index, with or without ANALYZE statistics
        (without them the planner prefers an older, non-covering index)."""
        return f" INDEXED BY {index}" if self.sqlite else ""

    def mod(self, expression: str, divisor: int) -> str:
        # psycopg2 reads "%" as a parameter mark, so PostgreSQL gets MOD()
        return f"({expression}) % {divisor}" if self.sqlite else f"MOD({expression}, {divisor})"

    def days_between(self, later: str, earlier: str) -> str:
        """Whole days from one date expression to another."""
        if self.sqlite:
            return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"
        return f"({later} - {earlier})"

    def value(self, value: date | datetime) -> object:
        if not self.sqlite:
            return value
        if isinstance(value, datetime):
            return value.strftime("%Y-%m-%d %H:%M:%S")
        return value.isoformat()


def dialect(db: Database | None = None) -> _Dialect:
    return _Dialect(is_sqlite(db or database.obj))


def _ints(values) -> str:
    return ", ".join(str(int(v)) for v in values)


_EVENTS = StatusEvent._meta.table_name
_DUE_CHANGES = DueDateChange._meta.table_name
_DOSSIER = Dossier._meta.table_name
_FINISHED = _ints((FINISHED, RETURNED))
_CLOSED_BY_EVENT = _ints((REFUSED, WITHDRAWN, STOPPED))


class _Sql:
    """SQL fragments about one dossier row ``d``; shared by the counts and the drill-down."""

    def __init__(self, d: _Dialect) -> None:
        self.d = d
        self.start, self.end, self.asof = (d.param(n) for n in ("start", "end", "asof"))

    # -- in progress at the end: the state at ``asof`` from the history ----------------------
    # The status a dossier had at that moment is the from_status of its first event after it;
    # the due date it had is the old_due_at of its first due-date change after it.
    def asof_due(self) -> str:
        return (f"COALESCE((SELECT c.old_due_at FROM {_DUE_CHANGES} c WHERE c.dossier_id = d.id "
                f"AND c.at >= {self.asof} ORDER BY c.at, c.id LIMIT 1), d.due_at)")

    def _asof_status(self) -> str:
        return (f"COALESCE((SELECT e.from_status FROM {_EVENTS} e WHERE e.dossier_id = d.id "
                f"AND e.at >= {self.asof} ORDER BY e.at, e.id LIMIT 1), d.status)")

    def _paused_since(self) -> str:
        return (f"(SELECT MAX(e.at) FROM {_EVENTS} e WHERE e.dossier_id = d.id "
                f"AND e.action = 'supplement' AND e.at < {self.asof})")

    def pending_check(self) -> str:
        """The moment compared with the due moment: the period's end (or now), or — the clock
        being stopped by an outstanding supplement request — the moment of that request."""
        return f"CASE WHEN {self._asof_status()} = {SUPPLEMENT} THEN {self._paused_since()} ELSE {self.asof} END"

    def _judged(self, moment: str, due: str, late: int, in_time: str) -> str:
        """``late`` after the due moment or from the dossier's late_from mark (models.lateness)."""
        return (f"CASE WHEN d.late_from IS NOT NULL AND {moment} >= d.late_from THEN {late} "
                f"WHEN {moment} > {due} THEN {late} ELSE {in_time} END")

    def pending_outcome(self) -> str:
        """Within time or late at ``asof``; nowhere if the dossier was then an online
        registration not yet accepted (1 Mới đăng ký). One history lookup per question."""
        due = self.asof_due()
        return (f"CASE {self._asof_status()} WHEN {NEW} THEN {NOWHERE} "
                f"WHEN {SUPPLEMENT} THEN {self._judged(self._paused_since(), due, PENDING_LATE, str(WITHIN_TIME))} "
                f"ELSE {self._judged(self.asof, due, PENDING_LATE, str(WITHIN_TIME))} END")

    # -- closed: judged at the moment the clock stopped, against the due moment then --------
    def compare(self, stopped: str) -> str:
        """Moments (DOMAIN §7): closed on a day before the due day → before due; on the due
        day at or before the due moment → on time; after it, or at or after the dossier's
        late_from mark → late.

        ``stopped < day(due)`` is "an earlier day" for a timestamp (SQLite text
        "2026-10-05 10:00:00" < "2026-10-06"; PostgreSQL compares with midnight).
        """
        in_time = f"CASE WHEN {stopped} < {self.d.day('d.due_at')} THEN {BEFORE_DUE} ELSE {ON_TIME} END"
        return self._judged(stopped, "d.due_at", RESOLVED_LATE, in_time)

    def closed_by_event_at(self) -> str:
        """Refused / withdrawn / stopped: the time of that status event (one lookup).

        The services always write that event; a row without one (hand-imported data) is taken
        as closed when received, so that it is never counted as pending forever.
        """
        return "COALESCE(MIN(e.at), d.received_at)"

    def event_stop(self, closed: str) -> str:
        # Withdrawn or stopped while a supplement request was outstanding: the clock had stopped
        # at the request (paused_at is left set when a paused dossier is closed).
        return (f"CASE WHEN d.status IN ({_ints((WITHDRAWN, STOPPED))}) "
                f"THEN COALESCE(d.paused_at, {closed}) ELSE {closed} END")

    def void_refusal(self, closed: str) -> str:
        """A refusal that counts nowhere: of an online registration never accepted (from 1), or
        at reception — on the day of reception, not after the due moment, never marked late.
        A later "refusal" (made before the rule, or imported) is judged like a stop."""
        day = self.d.day
        return (f"d.status = {REFUSED} AND (MIN(e.from_status) = {NEW} OR ("
                f"{day(closed)} = {day('d.received_at')} AND {closed} <= d.due_at "
                f"AND d.late_from IS NULL))")

    def outcome(self) -> str:
        finished = "d.finished_at"  # set by the finish action, kept when returned (10)
        closed = self.closed_by_event_at()
        by_event = (
            f"(SELECT CASE WHEN {closed} >= {self.end} THEN {self.pending_outcome()} "
            f"WHEN {closed} < {self.start} THEN {NOWHERE} WHEN {self.void_refusal(closed)} THEN {NOWHERE} "
            f"ELSE {self.compare(self.event_stop(closed))} END "
            f"FROM {_EVENTS} e WHERE e.dossier_id = d.id AND e.to_status = d.status)"
        )
        return (
            f"CASE WHEN d.status IN ({_FINISHED}) THEN "
            f"CASE WHEN {finished} >= {self.end} THEN {self.pending_outcome()} "
            f"WHEN {finished} < {self.start} THEN {NOWHERE} ELSE {self.compare(finished)} END "
            f"WHEN d.status IN ({_CLOSED_BY_EVENT}) THEN {by_event} "
            f"ELSE {self.pending_outcome()} END"
        )

    # -- the drill-down's details of one classified dossier -----------------------------------
    def closed_at(self) -> str:
        by_event = (f"(SELECT {self.closed_by_event_at()} FROM {_EVENTS} e "
                    f"WHERE e.dossier_id = d.id AND e.to_status = d.status)")
        return (f"CASE WHEN d.status IN ({_FINISHED}) THEN d.finished_at "
                f"WHEN d.status IN ({_CLOSED_BY_EVENT}) THEN {by_event} END")

    def resolved_stop(self) -> str:
        by_event = (f"(SELECT {self.event_stop(self.closed_by_event_at())} FROM {_EVENTS} e "
                    f"WHERE e.dossier_id = d.id AND e.to_status = d.status)")
        return f"CASE WHEN d.status IN ({_FINISHED}) THEN d.finished_at ELSE {by_event} END"

    # -- the three slices of dossiers that can matter, each served by an index ----------------
    def slices(self, columns: str) -> list[str]:
        """``columns`` may use ``d`` and ``{new}`` (1 for the slice received in the period)."""
        using = self.d.using
        return [
            f"SELECT {columns.format(new=1)} FROM {_DOSSIER} d{using('dossier_report_scan')} "
            f"WHERE d.received_at >= {self.start} AND d.received_at < {self.end} AND d.status <> {NEW}",
            # received before the period, pending or closed by an event (the partial index's
            # condition, written exactly as migration 2 wrote it)
            f"SELECT {columns.format(new=0)} FROM {_DOSSIER} d{using('dossier_report_open')} "
            f"WHERE d.status IN ({', '.join(str(s) for s in _BEFORE_STATUSES)}) "
            f"AND d.received_at < {self.start}",
            # received before the period and finished since its start
            f"SELECT {columns.format(new=0)} FROM {_DOSSIER} d{using('dossier_report_finished')} "
            f"WHERE d.finished_at >= {self.start} AND d.received_at < {self.start} "
            f"AND d.status IN ({_FINISHED})",
        ]


def figure_condition(figure_class: FigureClass, alias: str = "k") -> str:
    """A condition selecting the classified rows a figure counts."""
    outcomes = figure_class.outcomes
    parts = [f"{alias}.outcome = {outcomes[0]}" if len(outcomes) == 1
             else f"{alias}.outcome IN ({_ints(outcomes)})"]
    if figure_class.new is not None:
        parts.append(f"{alias}.new = {figure_class.new}")
    if figure_class.online is not None:
        parts.append(f"{alias}.online = {figure_class.online}")
    return "(" + " AND ".join(parts) + ")"


def aggregate_sql(d: _Dialect) -> str:
    """The detailed figures (``LEAF_FIGURES``) per procedure.

    One pass over the classified dossiers of the three slices counts them per procedure and
    class (GROUP BY on one small integer, ``cell`` = outcome + 8·new + 16·online); the outer
    GROUP BY sums those few hundred counts into figures with CASE sums. Columns: procedure_id,
    then one per figure of ``LEAF_FIGURES``.
    """
    sql = _Sql(d)
    online = "CASE WHEN d.channel = 2 THEN 16 ELSE 0 END"
    columns = f"d.procedure_id AS procedure_id, {{new}} * 8 + {online} + {sql.outcome()} AS cell"
    rows = " UNION ALL ".join(sql.slices(columns))
    counts = (f"SELECT g.procedure_id, {d.mod('g.cell / 8', 2)} AS new, g.cell / 16 AS online, "
              f"{d.mod('g.cell', 8)} AS outcome, COUNT(*) AS n "
              f"FROM ({rows}) g GROUP BY g.procedure_id, g.cell")
    sums = ", ".join(f"SUM(CASE WHEN {figure_condition(FIGURE_CLASSES[f])} THEN k.n ELSE 0 END)"
                     for f in LEAF_FIGURES)
    return f"SELECT k.procedure_id, {sums} FROM ({counts}) k GROUP BY k.procedure_id"


def detail_sql(d: _Dialect, condition: str, *, procedure_ids: list[int] | None, latest_first: bool,
               limit: int | None, offset: int) -> str:
    """The classified dossiers matching ``condition`` (see ``figure_condition``), with the
    moments they were judged by: code, procedure_id, applicant_name, channel, status,
    received_at, outcome, closed_at, due_at (judged), checked_at (the moment compared),
    late_from."""
    sql = _Sql(d)
    columns = (f"d.id AS id, d.procedure_id AS procedure_id, {{new}} AS new, "
               f"CASE WHEN d.channel = 2 THEN 1 ELSE 0 END AS online, {sql.outcome()} AS outcome")
    rows = " UNION ALL ".join(sql.slices(columns))
    where = condition
    if procedure_ids is not None:
        where += f" AND k.procedure_id IN ({_ints(procedure_ids)})"
    pending = f"k.outcome IN ({_ints(PENDING_OUTCOMES)})"
    checked = f"CASE WHEN {pending} THEN {sql.pending_check()} ELSE {sql.resolved_stop()} END"
    due_at = f"CASE WHEN {pending} THEN {sql.asof_due()} ELSE d.due_at END"
    order = "d.received_at, d.code"
    if latest_first:
        # late since the due moment, or since the late_from mark when that came first
        since = f"CASE WHEN d.late_from IS NOT NULL AND d.late_from < {due_at} THEN d.late_from ELSE {due_at} END"
        # the end of the period (00:00 the next day) counts as its last day
        last = d.param("last_day")
        checked_day = f"CASE WHEN {d.day(checked)} > {last} THEN {last} ELSE {d.day(checked)} END"
        order = f"{d.days_between(checked_day, d.day(since))} DESC, {order}"
    page = f" LIMIT {int(limit)} OFFSET {max(int(offset), 0)}" if limit is not None else ""
    return (
        f"SELECT d.code, k.procedure_id, d.applicant_name, d.channel, d.status, d.received_at, "
        f"k.outcome, CASE WHEN {pending} THEN NULL ELSE {sql.closed_at()} END, "
        f"{due_at}, {checked}, d.late_from "
        f"FROM ({rows}) k JOIN {_DOSSIER} d ON d.id = k.id WHERE {where} ORDER BY {order}{page}"
    )


def query_params(d: _Dialect, start: datetime, end: datetime, asof: datetime, *,
                 last_day: date | None = None) -> dict:
    params = {"start": d.value(start), "end": d.value(end), "asof": d.value(asof)}
    if last_day is not None:  # the drill-down's ordering by days late
        params["last_day"] = d.value(last_day)
    return params
