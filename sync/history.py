"""What has been exported and acknowledged, and what is still owed to the province.

For the GUI's banner (pending_days) and its export history list (export_history).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, time

from peewee import fn

from models.audit import now as clock
from models.dates import as_date
from models.settings import require_settings
from models.sync_state import SyncExport
from models.tables import SyncChange

from .format import vn_date

NOT_EXPORTED = "not_exported"
CHANGED = "changed"
NOT_ACKNOWLEDGED = "not_acknowledged"
REFUSED = "refused"
RECEIVED = ("applied", "already_applied")


@dataclass(frozen=True)
class ExportRecord:
    """One line of the export history (lịch sử xuất tệp)."""

    day: date
    revision: int
    created_at: datetime
    path: str
    dossiers: int
    events: int
    set_aside: tuple[dict, ...]
    encrypted: bool
    sha256: str
    acked_at: datetime | None
    ack_status: str
    ack_message: str

    @property
    def received(self) -> bool:
        return self.ack_status in RECEIVED

    def to_dict(self) -> dict:
        return {"day": self.day.isoformat(), "revision": self.revision,
                "created_at": self.created_at.isoformat(), "path": self.path,
                "dossiers": self.dossiers, "events": self.events, "set_aside": list(self.set_aside),
                "encrypted": self.encrypted, "sha256": self.sha256,
                "acked_at": self.acked_at.isoformat() if self.acked_at else None,
                "ack_status": self.ack_status, "ack_message": self.ack_message}


@dataclass(frozen=True)
class PendingDay:
    """A day the province does not have yet, or has not confirmed (for the banner)."""

    day: date
    state: str  # not_exported | changed | not_acknowledged | refused
    message: str
    revision: int | None = None
    path: str = ""
    set_aside: int = 0

    def to_dict(self) -> dict:
        return {"day": self.day.isoformat(), "state": self.state, "message": self.message,
                "revision": self.revision, "path": self.path, "set_aside": self.set_aside}


def _record(row: SyncExport) -> ExportRecord:
    return ExportRecord(row.day, row.revision, row.created_at, row.path, row.dossiers, row.events,
                        tuple(json.loads(row.set_aside or "[]")), row.encrypted, row.file_sha256,
                        row.acked_at, row.ack_status, row.ack_message)


def export_history(limit: int = 100) -> list[ExportRecord]:
    """The latest exports first."""
    rows = (SyncExport.select().where(SyncExport.agency_code == require_settings().agency_code)
            .order_by(SyncExport.day.desc(), SyncExport.revision.desc()).limit(limit))
    return [_record(r) for r in rows]


def change_counts() -> dict[date, int]:
    """How many changes each day has (by the time each change was written)."""
    day = fn.DATE(SyncChange.at)
    return {as_date(d): n for d, n in
            SyncChange.select(day, fn.COUNT(SyncChange.seq)).group_by(day).tuples()}


def _latest_exports(agency: str) -> dict[date, SyncExport]:
    latest: dict[date, SyncExport] = {}
    for row in SyncExport.select().where(SyncExport.agency_code == agency) \
            .order_by(SyncExport.day, SyncExport.revision):
        latest[row.day] = row
    return latest


@dataclass
class _DayState:
    day: date
    changes: int = 0
    latest: SyncExport | None = field(default=None)

    def state(self) -> str | None:
        row = self.latest
        if row is None:
            return NOT_EXPORTED if self.changes else None
        if self.changes > row.change_count:
            return CHANGED
        if row.ack_status in RECEIVED:
            return None
        return REFUSED if row.ack_status == REFUSED else NOT_ACKNOWLEDGED


def _day_states() -> list[_DayState]:
    agency = require_settings().agency_code
    counts, latest = change_counts(), _latest_exports(agency)
    return [_DayState(d, counts.get(d, 0), latest.get(d)) for d in sorted(set(counts) | set(latest))]


def closing_time() -> time:
    """End of the last office-hours session: the automatic export runs from then on."""
    return require_settings().hours.closing


def days_needing_export(today: date, *, include_today: bool) -> list[date]:
    """Days with changes that no file holds yet (today only when asked)."""
    return [s.day for s in _day_states()
            if s.state() in (NOT_EXPORTED, CHANGED) and (s.day < today or include_today and s.day == today)]


def pending_days(now: datetime | None = None) -> list[PendingDay]:
    """Days not exported, changed since their export, refused, or not yet acknowledged.

    Today's work counts as not exported only once the office has closed: during the day it is
    still being done.
    """
    now = now or clock()
    today, closed = now.date(), now.time() >= closing_time()
    result = []
    for s in _day_states():
        state = s.state()
        if state is None or s.day > today:
            continue
        if state in (NOT_EXPORTED, CHANGED) and s.day == today and not closed:
            continue
        row = s.latest
        if state == NOT_EXPORTED:
            message = f"Ngày {vn_date(s.day)}: có {s.changes} thay đổi chưa xuất tệp đồng bộ."
        elif state == CHANGED:
            message = (f"Ngày {vn_date(s.day)}: có thay đổi sau lần xuất thứ {row.revision}; "
                       "cần xuất lại.")
        elif state == REFUSED:
            message = (f"Ngày {vn_date(s.day)}: tỉnh từ chối tệp lần xuất thứ {row.revision}"
                       + (f" ({row.ack_message})" if row.ack_message else "") + "; cần xuất và gửi lại.")
        else:
            message = (f"Ngày {vn_date(s.day)}: đã xuất (lần {row.revision}) nhưng chưa có xác nhận "
                       "tỉnh đã nhận.")
        result.append(PendingDay(s.day, state, message, row.revision if row else None,
                                 row.path if row else "",
                                 len(json.loads(row.set_aside or "[]")) if row else 0))
    return result
