"""When a dossier counts late (quá hạn), and why lateness cannot be erased (DOMAIN §7). Pure.

Moments, not dates: a dossier is late at a moment after its due moment (QĐ 766/QĐ-TTg compares
NgayKetThucXuLy with NgayHenTra to the second). While a supplement request is outstanding the
clock is stopped: the dossier is late only if the request came after the due moment.

``late_from`` (stored on the dossier) is the moment from which it counts late whatever happens
next. It is set, never moved later, by:

- any step recorded while the dossier is already late at that step's moment (a new
  appointment after the due moment, a resume after a late supplement request, a late
  finish…): from just after the due moment then in force, so a later extension or a pause
  cannot bring it back in time;
- a step recorded at an earlier moment (backdated) when the dossier was late at the real
  moment of entry: from the claimed moment, so a record "made earlier" never turns late into
  on time;
- a second supplement request, which the published QĐ 766 indicators count as late: from the
  moment of that request;
- an intake entered after the appointment it computes had passed (an old paper dossier typed
  in late): from just after that appointment.

Recording moments: a step may be entered up to ``FUTURE_TOLERANCE`` ahead of the counter's
clock (a clock a few minutes off must not block the queue) and up to ``BACKDATE_TOLERANCE``
behind it; earlier than that is a backdated record — a leader's act, with a reason, the real
moment kept beside the claimed one.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from .statuses import OPEN, SUPPLEMENT

FUTURE_TOLERANCE = timedelta(minutes=10)
BACKDATE_TOLERANCE = timedelta(minutes=10)
AFTER = timedelta(seconds=1)  # moments are stored to the second: "after D" is "from D + 1 s"


def late_at(status: int, due_at: datetime, paused_at: datetime | None, late_from: datetime | None,
            moment: datetime) -> bool:
    """Whether a dossier still with the agency counts late at ``moment`` (its state being
    ``status``/``due_at``/``paused_at`` then). While a supplement request is outstanding the
    clock stopped at the request: the moment judged is the request's."""
    if status == SUPPLEMENT and paused_at is not None:
        moment = min(moment, paused_at)
    elif status not in OPEN:
        return False
    return moment > due_at or (late_from is not None and moment >= late_from)


def judged_late(stopped: datetime, due_at: datetime, late_from: datetime | None) -> bool:
    """A closed dossier, judged at the moment its clock stopped against the due moment then."""
    return stopped > due_at or (late_from is not None and stopped >= late_from)


def timeliness(stopped: datetime, due_at: datetime, late_from: datetime | None = None) -> str:
    """ "before_due" (a day before the due day), "on_time" (the due day, at or before the due
    moment) or "late" (after it, or marked late) — Biểu 06's three columns."""
    if judged_late(stopped, due_at, late_from):
        return "late"
    return "before_due" if stopped.date() < due_at.date() else "on_time"


TIMELINESS_NAMES = {"before_due": "Trước hạn", "on_time": "Đúng hạn", "late": "Quá hạn"}


def late_from_after(status: int, due_at: datetime, paused_at: datetime | None,
                  late_from: datetime | None, at: datetime, recorded_at: datetime) -> datetime | None:
    """The ``late_from`` a step recorded at ``recorded_at`` and claimed at ``at`` leaves (the
    state being the dossier's before the step); None if it leaves none."""
    if late_at(status, due_at, paused_at, late_from, at):
        return due_at + AFTER if late_from is None else min(late_from, due_at + AFTER)
    if late_at(status, due_at, paused_at, late_from, recorded_at):
        return at if late_from is None else min(late_from, at)
    return late_from


def earliest(*moments: datetime | None) -> datetime | None:
    found = [m for m in moments if m is not None]
    return min(found) if found else None
