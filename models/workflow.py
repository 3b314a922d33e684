"""Workflow (quy trình xử lý): what may happen to a dossier after intake, and when.

Every action checks TRANSITIONS (models.statuses), writes its status event, due-date change,
audit row and sync change in one transaction, and returns the updated view.
"""
from __future__ import annotations

import contextlib
import json
import uuid
from contextvars import ContextVar
from datetime import datetime, timedelta
from typing import Callable, Iterator

from .audit import audit, now as clock
from .dates import parse_datetime
from .db import write_transaction
from .dossiers import DossierView, get_dossier_row, to_view
from .errors import MotCuaError, TransitionError, ValidationError
from .highwater import note_step
from .holidays_admin import load_calendar
from .limits import ACTION_NOTE_MAX, MISSING_ITEM_MAX, MISSING_ITEMS_MAX, NAME_MAX, TEXT_MAX, UNIT_MAX
from .statuses import ACTION_NAMES, STATUS_NAMES, TRANSITIONS
from .tables import Dossier, DueDateChange, Officer, StatusEvent, SyncChange
from .text import checked_text

FUTURE_TOLERANCE = timedelta(minutes=10)


def _required(value: str, field: str, message: str, label: str = "Lý do",
              limit: int = ACTION_NOTE_MAX) -> str:
    value = checked_text(value, field, label, limit)
    if not value:
        raise ValidationError({field: message})
    return value


def _note(value: str, field: str = "note") -> str:
    return checked_text(value, field, "Ghi chú", ACTION_NOTE_MAX)


def _missing(items: list[str]) -> list[str]:
    """The papers asked for: each named, and together short enough for the day file."""
    if isinstance(items, str):
        items = [items]
    if len(items or []) > MISSING_ITEMS_MAX:
        raise ValidationError({"missing": f"Tối đa {MISSING_ITEMS_MAX} nội dung cần bổ sung mỗi lần."})
    cleaned = [checked_text(m, "missing", "Nội dung cần bổ sung", MISSING_ITEM_MAX) for m in items or []]
    cleaned = [m for m in cleaned if m]
    if not cleaned:
        raise ValidationError({"missing": "Cần ghi rõ giấy tờ/nội dung phải bổ sung."})
    if len("; ".join(cleaned)) > TEXT_MAX:
        raise ValidationError({"missing": f"Các nội dung cần bổ sung dài quá {TEXT_MAX} ký tự cộng lại."})
    return cleaned


class DossierChanged(MotCuaError):
    """Someone else (another counter) acted on the dossier since this screen showed it."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.code = code


def _changed(row: Dossier) -> DossierChanged:
    last = (StatusEvent.select(StatusEvent, Officer).join(Officer, on=(StatusEvent.officer == Officer.id))
            .where(StatusEvent.dossier == row.id).order_by(StatusEvent.id.desc()).first())
    who = f"{last.officer.full_name} " if last else ""
    what = f" ({ACTION_NAMES.get(last.action, last.action)} lúc {last.at:%H:%M %d/%m/%Y})" if last else ""
    return DossierChanged(
        f"Hồ sơ {row.code} vừa được {who}cập nhật{what}, sau khi màn hình này hiện nó. Trạng thái "
        f"mới: “{STATUS_NAMES[row.status]}”. Hãy xem lại rồi làm lại nếu vẫn cần; chưa có gì được ghi.",
        row.code)


def take_version(row: Dossier, expected: int | None = None) -> None:
    """Raise the dossier's version, or DossierChanged if another counter got there first.

    The conditional UPDATE is the check: on PostgreSQL it waits for a transaction that holds
    the row and then finds the version moved; on SQLite the write transaction already runs
    alone. ``expected`` is the version the officer was looking at (None: the one just read;
    by default the one on the screen, ``shown_version``). Call first in the write transaction.
    """
    if expected is None:
        expected = _SHOWN_VERSION.get()
    if expected is not None and row.version != expected:
        raise _changed(row)
    done = Dossier.update(version=Dossier.version + 1).where(
        (Dossier.id == row.id) & (Dossier.version == row.version)).execute()
    if not done:
        raise _changed(Dossier.get_by_id(row.id))
    row.version += 1


_SHOWN_VERSION: ContextVar[int | None] = ContextVar("shown_version", default=None)


@contextlib.contextmanager
def shown_version(version: int | None) -> Iterator[None]:
    """Every action in the block expects the dossier at ``version`` (the one on the screen):
    the app's action dialogs use it so that their many actions need not pass it one by one."""
    token = _SHOWN_VERSION.set(version)
    try:
        yield
    finally:
        _SHOWN_VERSION.reset(token)


def _apply(code: str, action: str, officer: Officer, at: datetime | None, *,
           note: str = "", data: dict | None = None,
           change: Callable[[Dossier, datetime], None] | None = None,
           expected_version: int | None = None) -> DossierView:
    now = clock()
    at = parse_datetime(at or now, "at", label="Thời điểm thực hiện")
    sources, target = TRANSITIONS[action]
    with write_transaction():
        row = get_dossier_row(code)
        take_version(row, expected_version)
        if row.status not in sources:
            raise TransitionError(
                f"Hồ sơ {row.code} đang ở trạng thái “{STATUS_NAMES[row.status]}”, "
                f"không thể thực hiện “{ACTION_NAMES[action]}”."
            )
        last = StatusEvent.select(StatusEvent.at).where(StatusEvent.dossier == row.id) \
            .order_by(StatusEvent.at.desc()).scalar()
        if last is not None and at < last:
            raise ValidationError({"at": f"Thời điểm thực hiện không được trước bước trước đó "
                                         f"({last:%H:%M %d/%m/%Y})."})
        if at > now + FUTURE_TOLERANCE:
            raise ValidationError({"at": "Thời điểm thực hiện không được ở tương lai."})
        previous = row.status
        if change is not None:
            change(row, at)
        if target is not None:
            row.status = target
        row.updated_at = now
        row.save()
        event = StatusEvent.create(
            uid=uuid.uuid4().hex, dossier=row, action=action, from_status=previous,
            to_status=row.status, at=at, officer=officer, note=note,
            data=json.dumps(data, ensure_ascii=False, default=str) if data else "",
        )
        SyncChange.create(dossier=row, event=event, at=now)
        audit(f"dossier.{action}", officer, "dossier", row.code, data, at=now)
    note_step(row.agency_code, row.code, now)  # for a restore's list of steps to redo
    return to_view(row, now=now)


def _move_due(row: Dossier, at: datetime, new_due: datetime, kind: str, reason: str,
              officer: Officer) -> None:
    DueDateChange.create(dossier=row, at=at, kind=kind, old_due_at=row.due_at, new_due_at=new_due,
                         reason=reason, officer=officer)
    row.due_at = new_due


def forward(code: str, officer: Officer, *, unit: str = "", note: str = "",
            at: datetime | None = None, expected_version: int | None = None) -> DossierView:
    """Hand the dossier to a processing unit (chuyển xử lý) — 4 Đang xử lý."""
    unit = checked_text(unit, "unit", "Đơn vị xử lý", UNIT_MAX)
    note = _note(note)

    def change(row: Dossier, _at: datetime) -> None:
        if unit:
            row.processing_unit = unit
    return _apply(code, "forward", officer, at, note=note, data={"unit": unit}, change=change,
                  expected_version=expected_version)


def request_supplement(code: str, officer: Officer, *, missing: list[str], reason: str,
                       at: datetime | None = None,
                       expected_version: int | None = None) -> DossierView:
    """Ask for missing papers (yêu cầu bổ sung) — 5; the clock stops until resume."""
    items = _missing(missing)
    reason = _required(reason, "reason", "Cần ghi lý do yêu cầu bổ sung.")

    def change(row: Dossier, at_: datetime) -> None:
        row.paused_at = at_
    return _apply(code, "supplement", officer, at, note=reason,
                  data={"missing": items, "reason": reason}, change=change,
                  expected_version=expected_version)


def resume(code: str, officer: Officer, *, note: str = "", at: datetime | None = None,
           expected_version: int | None = None) -> DossierView:
    """The papers came back: processing restarts and the due date moves by the paused time."""
    note = _note(note)
    calendar = load_calendar()
    moved: dict = {}

    def change(row: Dossier, at_: datetime) -> None:
        paused = calendar.working_minutes_between(row.paused_at, at_)
        new_due = calendar.add_working_minutes(row.due_at, paused) if paused else row.due_at
        moved.update(old_due_at=row.due_at, new_due_at=new_due, paused_minutes=paused)
        _move_due(row, at_, new_due, "resume",
                  f"Tạm dừng {paused} phút làm việc chờ bổ sung hồ sơ", officer)
        row.paused_at = None
    return _apply(code, "resume", officer, at, note=note, data=moved, change=change,
                  expected_version=expected_version)


def extend(code: str, officer: Officer, *, new_due: datetime, reason: str,
           at: datetime | None = None, expected_version: int | None = None) -> DossierView:
    """A new appointment with an apology (Phiếu xin lỗi và hẹn lại ngày trả kết quả)."""
    reason = _required(reason, "reason", "Cần ghi lý do gia hạn (in trên Phiếu xin lỗi).")
    new_due = parse_datetime(new_due, "new_due", label="Ngày hẹn mới")
    data: dict = {"reason": reason, "new_due_at": new_due}

    def change(row: Dossier, at_: datetime) -> None:
        if new_due <= row.due_at:
            raise ValidationError({"new_due": "Ngày hẹn mới phải sau ngày hẹn hiện tại "
                                              f"({row.due_at:%H:%M %d/%m/%Y})."})
        if not load_calendar().is_working_day(new_due.date()):
            raise ValidationError({"new_due": "Ngày hẹn mới rơi vào ngày nghỉ; hãy chọn ngày làm việc."})
        data["old_due_at"] = row.due_at
        _move_due(row, at_, new_due, "extend", reason, officer)
    return _apply(code, "extend", officer, at, note=reason, data=data, change=change,
                  expected_version=expected_version)


def finish(code: str, officer: Officer, *, note: str = "", at: datetime | None = None,
           expected_version: int | None = None) -> DossierView:
    """The result is ready (đã xử lý xong) — 9."""
    note = _note(note)

    def change(row: Dossier, at_: datetime) -> None:
        row.finished_at = at_
    return _apply(code, "finish", officer, at, note=note, change=change,
                  expected_version=expected_version)


def return_result(code: str, officer: Officer, *, recipient: str, note: str = "",
                  at: datetime | None = None, expected_version: int | None = None) -> DossierView:
    """Hand the result over (trả kết quả) — 10, with who received it."""
    recipient = _required(recipient, "recipient", "Cần ghi họ tên người nhận kết quả.",
                          "Họ tên người nhận", NAME_MAX)
    note = _note(note)

    def change(row: Dossier, at_: datetime) -> None:
        row.returned_at, row.returned_to = at_, recipient
    return _apply(code, "return", officer, at, note=note, data={"recipient": recipient}, change=change,
                  expected_version=expected_version)


def refuse(code: str, officer: Officer, *, reason: str, at: datetime | None = None,
           expected_version: int | None = None) -> DossierView:
    """Refuse at reception (từ chối tiếp nhận) — 3, with the reason printed on the refusal form."""
    reason = _required(reason, "reason", "Cần ghi lý do từ chối tiếp nhận.")
    data: dict = {"reason": reason}

    def change(row: Dossier, _at: datetime) -> None:
        if row.portal_code:  # an online dossier refused from the queue: the portal's reference
            data["portal_code"] = row.portal_code
    return _apply(code, "refuse", officer, at, note=reason, data=data, change=change,
                  expected_version=expected_version)


def withdraw(code: str, officer: Officer, *, reason: str = "", at: datetime | None = None,
             expected_version: int | None = None) -> DossierView:
    """The citizen takes the dossier back (rút hồ sơ) — 7."""
    reason = checked_text(reason, "reason", "Lý do", ACTION_NOTE_MAX) or "Công dân yêu cầu rút hồ sơ"
    return _apply(code, "withdraw", officer, at, note=reason, data={"reason": reason},
                  expected_version=expected_version)


def stop(code: str, officer: Officer, *, reason: str, at: datetime | None = None,
         expected_version: int | None = None) -> DossierView:
    """The agency stops processing (dừng xử lý) — 8."""
    reason = _required(reason, "reason", "Cần ghi lý do dừng xử lý.")
    return _apply(code, "stop", officer, at, note=reason, data={"reason": reason},
                  expected_version=expected_version)


def request_payment(code: str, officer: Officer, *, note: str, at: datetime | None = None,
                    expected_version: int | None = None) -> DossierView:
    """Ask the citizen to pay a financial obligation (nghĩa vụ tài chính) — 6."""
    note = _required(note, "note", "Cần ghi nội dung nghĩa vụ tài chính.", "Nội dung")
    return _apply(code, "request_payment", officer, at, note=note,
                  expected_version=expected_version)


def paid(code: str, officer: Officer, *, note: str = "", at: datetime | None = None,
         expected_version: int | None = None) -> DossierView:
    note = _note(note)
    return _apply(code, "paid", officer, at, note=note, expected_version=expected_version)


def mark_receipt_printed(code: str, printed: bool = True) -> None:
    """After a print job: a failed print leaves the dossier saved and marked for reprint."""
    with write_transaction():
        Dossier.update(receipt_printed=printed).where(Dossier.code == get_dossier_row(code).code).execute()

