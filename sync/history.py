"""What has been exported and acknowledged, and what is still owed to the province.

For the GUI's banner (pending_days), ``sync-status`` and the export history (export_history).

A day is delivered only when the province acknowledged its latest revision as received AND
nothing of it was left out: a record the export had to set aside (it could not be read, or
broke the schema), or one the province's acknowledgement lists as not received, keeps the day
"not delivered" (``incomplete``) with the records named, however the rest of the day fared.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from models.audit import now as clock
from models.settings import require_settings
from models.sync_state import ExportRow, change_counts, export_rows, latest_exports

from .format import vn_date

NOT_EXPORTED = "not_exported"
CHANGED = "changed"
NOT_ACKNOWLEDGED = "not_acknowledged"
REFUSED = "refused"
INCOMPLETE = "incomplete"
RECEIVED = ("applied", "already_applied")
SHOWN_CODES = 5  # record codes named in a message; the rest are counted


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
    ack_rejected: tuple[dict, ...] = ()

    @property
    def received(self) -> bool:
        return self.ack_status in RECEIVED

    @property
    def not_delivered(self) -> tuple[dict, ...]:
        """Records of the day the province does not have from this file."""
        return _missing(self.set_aside, self.ack_rejected)

    def to_dict(self) -> dict:
        return {"day": self.day.isoformat(), "revision": self.revision,
                "created_at": self.created_at.isoformat(), "path": self.path,
                "dossiers": self.dossiers, "events": self.events, "set_aside": list(self.set_aside),
                "encrypted": self.encrypted, "sha256": self.sha256,
                "acked_at": self.acked_at.isoformat() if self.acked_at else None,
                "ack_status": self.ack_status, "ack_message": self.ack_message,
                "not_delivered": list(self.not_delivered)}


@dataclass(frozen=True)
class PendingDay:
    """A day the province does not have yet, or has not confirmed (for the banner)."""

    day: date
    state: str  # not_exported | changed | not_acknowledged | refused
    message: str
    revision: int | None = None
    path: str = ""
    set_aside: int = 0
    not_delivered: tuple[dict, ...] = ()  # {kind, uid, MaHoSo, reason} of records left out

    def to_dict(self) -> dict:
        return {"day": self.day.isoformat(), "state": self.state, "message": self.message,
                "revision": self.revision, "path": self.path, "set_aside": self.set_aside,
                "not_delivered": list(self.not_delivered)}


def _missing(set_aside: tuple[dict, ...], rejected: tuple[dict, ...]) -> tuple[dict, ...]:
    seen, out = set(), []
    for record in (*set_aside, *rejected):
        key = (record.get("kind"), record.get("uid"), record.get("MaHoSo"))
        if key not in seen:
            seen.add(key)
            out.append(record)
    return tuple(out)


def _record(row: ExportRow) -> ExportRecord:
    return ExportRecord(row.day, row.revision, row.created_at, row.path, row.dossiers, row.events,
                        row.set_aside, row.encrypted, row.file_sha256, row.acked_at, row.ack_status,
                        row.ack_message, row.ack_rejected)


def export_history(limit: int = 100) -> list[ExportRecord]:
    """The latest exports first."""
    return [_record(r) for r in export_rows(require_settings().agency_code, limit)]


@dataclass
class _DayState:
    day: date
    changes: int = 0
    latest: ExportRow | None = field(default=None)

    @property
    def not_delivered(self) -> tuple[dict, ...]:
        row = self.latest
        if row is None:
            return ()
        return _missing(row.set_aside, row.ack_rejected if row.ack_status in RECEIVED else ())

    def state(self) -> str | None:
        row = self.latest
        if row is None:
            return NOT_EXPORTED if self.changes else None
        if self.changes > row.change_count:
            return CHANGED
        if row.ack_status == REFUSED:
            return REFUSED
        if self.not_delivered:
            return INCOMPLETE
        if row.ack_status in RECEIVED:
            return None
        return NOT_ACKNOWLEDGED


def _day_states() -> list[_DayState]:
    agency = require_settings().agency_code
    counts, latest = change_counts(), latest_exports(agency)
    return [_DayState(d, counts.get(d, 0), latest.get(d)) for d in sorted(set(counts) | set(latest))]


def _codes(records: tuple[dict, ...]) -> str:
    codes = list(dict.fromkeys(r.get("MaHoSo") or r.get("uid") or "?" for r in records))
    shown = ", ".join(codes[:SHOWN_CODES])
    return shown + (f" và {len(codes) - SHOWN_CODES} mã khác" if len(codes) > SHOWN_CODES else "")


def closing_time() -> time:
    """End of the last office-hours session: the automatic export runs from then on."""
    return require_settings().hours.closing


def days_needing_export(today: date, *, include_today: bool) -> list[date]:
    """Days with changes that no file holds yet (today only when asked)."""
    return [s.day for s in _day_states()
            if s.state() in (NOT_EXPORTED, CHANGED) and (s.day < today or include_today and s.day == today)]


def pending_days(now: datetime | None = None) -> list[PendingDay]:
    """Days not exported, changed since their export, refused, not delivered whole (a record
    left out, or not received), or not yet acknowledged.

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
        elif state == INCOMPLETE:
            missing = s.not_delivered
            left_out = [r for r in missing if r in row.set_aside]
            message = (f"Ngày {vn_date(s.day)}: CHƯA GIAO ĐỦ cho tỉnh – {len(missing)} bản ghi "
                       f"({_codes(missing)}) "
                       + ("không xuất được vì dữ liệu lỗi; hãy báo quản trị hệ thống kiểm tra."
                          if len(left_out) == len(missing) else
                          "tỉnh chưa nhận được (xem tệp xác nhận); hãy báo quản trị hệ thống."))
        else:
            message = (f"Ngày {vn_date(s.day)}: đã xuất (lần {row.revision}) nhưng chưa có xác nhận "
                       "tỉnh đã nhận.")
        result.append(PendingDay(s.day, state, message, row.revision if row else None,
                                 row.path if row else "", len(row.set_aside) if row else 0,
                                 s.not_delivered))
    return result
