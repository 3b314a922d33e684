"""Workflow (quy trình xử lý): what may happen to a dossier after intake, when, and by whom.

Every action checks the acting account's role (models.permissions), the status table
(models.statuses.TRANSITIONS) and the moment, then writes its status event, due-date change,
audit row and sync change in one transaction, and returns the updated view.

Time is injected: ``now`` is the counter's clock (default: the real one) and ``at`` the moment
the step happened (default: ``now``). A step recorded more than a few minutes before ``now`` is
a backdated record (DOMAIN §7): a leader's act with ``backdate_reason``; the real moment is kept
in the history beside the claimed one, a step is never placed before the previous one, and the
lateness marks of models.lateness make sure it never turns a late dossier into an on-time one.
"""
from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime

from .accounts import title_of
from .audit import audit
from .audit import now as clock
from .codes import normalise_dossier_code
from .dates import parse_datetime
from .db import write_transaction
from .dossiers import DossierView, get_dossier_row, to_view
from .errors import MotCuaError, TransitionError, ValidationError
from .highwater import note_step
from .holidays_admin import load_calendar
from .lateness import BACKDATE_TOLERANCE, FUTURE_TOLERANCE, earliest, late_at, late_from_after
from .limits import ACTION_NOTE_MAX, MISSING_ITEM_MAX, MISSING_ITEMS_MAX, NAME_MAX, TEXT_MAX, UNIT_MAX
from .permissions import can, require
from .statuses import ACTION_NAMES, RECEIVED, STATUS_NAMES, TRANSITIONS
from .tables import Dossier, DueDateChange, Officer, StatusEvent, SyncChange
from .text import checked_text, clean


def _required(value: str, field_name: str, message: str, label: str = "Lý do",
              limit: int = ACTION_NOTE_MAX) -> str:
    value = checked_text(value, field_name, label, limit)
    if not value:
        raise ValidationError({field_name: message})
    return value


def _note(value: str, field_name: str = "note") -> str:
    return checked_text(value, field_name, "Ghi chú", ACTION_NOTE_MAX)


def _missing(items: list[str] | str) -> list[str]:
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


@dataclass
class Step:
    """One action being recorded: who, the moment claimed (``at``) and the real one (``now``)."""

    actor: Officer
    at: datetime
    now: datetime
    backdated: bool
    data: dict = field(default_factory=dict)
    late_from: datetime | None = None  # a mark of the action itself (a second supplement request)

    def late(self, row: Dossier) -> bool:
        """Whether the dossier counts late at the claimed or at the real moment."""
        return any(late_at(row.status, row.due_at, row.paused_at, row.late_from, moment)
                   for moment in (self.at, self.now))


def _moments(at: datetime | None, now: datetime | None, backdate_reason: str) -> tuple[datetime, datetime, bool]:
    """(the claimed moment, the real one, whether it is backdated); ``backdate_reason`` already
    checked (models.text.checked_text)."""
    now = (now or clock()).replace(microsecond=0)
    at = parse_datetime(at or now, "at", label="Thời điểm thực hiện").replace(microsecond=0)
    if at > now + FUTURE_TOLERANCE:
        raise ValidationError({"at": "Thời điểm thực hiện không được ở tương lai."})
    backdated = at < now - BACKDATE_TOLERANCE
    if backdated and not backdate_reason:
        raise ValidationError({"backdate_reason": (
            f"Ghi bước xử lý vào thời điểm đã qua ({at:%H:%M %d/%m/%Y}) cần lý do ghi lùi "
            "(--backdate-reason) và do lãnh đạo thực hiện; thời điểm ghi thật vẫn được lưu.")})
    return at, now, backdated


def _apply(code: str, action: str, officer: Officer, *, at: datetime | None, now: datetime | None,
           backdate_reason: str = "", note: str = "", data: dict | None = None,
           change: Callable[[Dossier, Step], None] | None = None,
           permission: Callable[[Dossier], str] | None = None,
           expected_version: int | None = None) -> DossierView:
    """``permission`` names the permission from the dossier's state when it depends on it
    (checked inside the transaction); by default it is "dossier.<action>", checked first. A
    backdated step is the leader's act whatever the step ("dossier.backdate")."""
    backdate_reason = checked_text(backdate_reason, "backdate_reason", "Lý do ghi lùi", ACTION_NOTE_MAX)
    at, now, backdated = _moments(at, now, backdate_reason)
    note = _note(note)
    code = normalise_dossier_code(code)
    if backdated:  # the leader records the step from the paper backlog, whoever did it
        actor, permission = require(officer, "dossier.backdate", entity="dossier", entity_id=code), None
    elif permission is None:
        actor = require(officer, f"dossier.{action}", entity="dossier", entity_id=code)
    else:
        actor = officer
    sources, target = TRANSITIONS[action]
    with write_transaction():
        row = get_dossier_row(code)
        take_version(row, expected_version)
        if permission is not None:
            actor = require(actor, permission(row), entity="dossier", entity_id=row.code)
        step = Step(actor, at, now, backdated, dict(data or {}))
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
        late_from = late_from_after(row.status, row.due_at, row.paused_at, row.late_from, at, now)
        previous = row.status
        if change is not None:
            change(row, step)
        row.late_from = earliest(late_from, step.late_from)
        if target is not None:
            row.status = target
        row.updated_at = now
        row.save()
        event = StatusEvent.create(
            uid=uuid.uuid4().hex, dossier=row, action=action, from_status=previous,
            to_status=row.status, at=at, officer=actor, note=note,
            data=json.dumps(step.data, ensure_ascii=False, default=str) if step.data else "",
            recorded_at=now, backdate_reason=backdate_reason if backdated else "",
            officer_title=title_of(actor),
        )
        SyncChange.create(dossier=row, event=event, at=now)
        details = dict(step.data)
        if backdated:
            details.update(at=at, backdate_reason=backdate_reason)
        audit(f"dossier.{action}", actor, "dossier", row.code, details, at=now)
    note_step(row.agency_code, row.code, now)  # for a restore's list of steps to redo
    return to_view(row, now=now)


def _move_due(row: Dossier, step: Step, new_due: datetime, kind: str, reason: str, *,
              overdue: bool = False, signer: Officer | None = None) -> None:
    DueDateChange.create(dossier=row, at=step.at, kind=kind, old_due_at=row.due_at, new_due_at=new_due,
                         reason=reason, officer=step.actor, overdue=overdue, signer=signer)
    row.due_at = new_due


def forward(code: str, officer: Officer, *, unit: str = "", note: str = "", at: datetime | None = None,
            now: datetime | None = None, backdate_reason: str = "", expected_version: int | None = None) -> DossierView:
    """Hand the dossier to a processing unit (chuyển xử lý) — 4 Đang xử lý."""
    unit = checked_text(unit, "unit", "Đơn vị xử lý", UNIT_MAX)

    def change(row: Dossier, _step: Step) -> None:
        if unit:
            row.processing_unit = unit
    return _apply(code, "forward", officer, expected_version=expected_version, at=at, now=now, backdate_reason=backdate_reason, note=note,
                  data={"unit": unit}, change=change)


def request_supplement(code: str, officer: Officer, *, missing: list[str], reason: str,
                       at: datetime | None = None, now: datetime | None = None,
                       backdate_reason: str = "", expected_version: int | None = None) -> DossierView:
    """Ask for missing papers (yêu cầu bổ sung) — 5; the clock stops until resume.

    Guidance is given once, complete (hướng dẫn một lần, đầy đủ): a second request is an
    exception a leader records, and the dossier counts late from it (DOMAIN §7).
    """
    items = _missing(missing)
    reason = _required(reason, "reason", "Cần ghi lý do yêu cầu bổ sung.")

    def earlier(row: Dossier) -> int:
        return StatusEvent.select().where((StatusEvent.dossier == row.id)
                                          & (StatusEvent.action == "supplement")).count()

    def change(row: Dossier, step: Step) -> None:
        rounds = earlier(row) + 1
        if rounds > 1:  # counted late from this request (the published QĐ 766 indicators)
            step.late_from = step.at
        step.data["round"] = rounds
        row.paused_at = step.at
    return _apply(code, "supplement", officer, expected_version=expected_version, at=at, now=now, backdate_reason=backdate_reason,
                  note=reason, data={"missing": items, "reason": reason}, change=change,
                  permission=lambda row: "dossier.supplement_again" if earlier(row) else "dossier.supplement")


def resume(code: str, officer: Officer, *, note: str = "", at: datetime | None = None,
           now: datetime | None = None, backdate_reason: str = "", expected_version: int | None = None) -> DossierView:
    """The papers came back: processing restarts and the due date moves by the paused time."""
    calendar = load_calendar()

    def change(row: Dossier, step: Step) -> None:
        new_due = calendar.shift_for_pause(row.due_at, row.paused_at, step.at)
        paused = calendar.working_minutes_between(row.paused_at, step.at)
        step.data.update(old_due_at=row.due_at, new_due_at=new_due, paused_minutes=paused)
        _move_due(row, step, new_due, "resume", f"Tạm dừng {paused} phút làm việc chờ bổ sung hồ sơ")
        row.paused_at = None
    return _apply(code, "resume", officer, expected_version=expected_version, at=at, now=now, backdate_reason=backdate_reason, note=note,
                  change=change)


def _signer(step: Step, signer: Officer | str | None) -> Officer:
    """The leader who signs the apology: the acting leader, or the one an officer names."""
    if signer is None or (isinstance(signer, str) and not clean(signer)):
        if can(step.actor, "dossier.sign_apology"):
            return step.actor
        raise ValidationError({"signer": "Cần ghi lãnh đạo ký Phiếu xin lỗi và đề nghị gia hạn "
                                         "(tên đăng nhập của lãnh đạo, --signer)."})
    row = signer if isinstance(signer, Officer) else \
        Officer.get_or_none(Officer.username == clean(signer).lower())
    if row is None:
        raise ValidationError({"signer": f"Không có tài khoản “{signer}”."})
    row = Officer.get_by_id(row.id)
    if not row.active or not can(row, "dossier.sign_apology"):
        raise ValidationError({"signer": f"Tài khoản {row.username} không phải lãnh đạo đang làm việc, "
                                         "không ký được Phiếu xin lỗi và đề nghị gia hạn."})
    return row


def extend(code: str, officer: Officer, *, new_due: datetime, reason: str,
           signer: Officer | str | None = None, at: datetime | None = None,
           now: datetime | None = None, backdate_reason: str = "", expected_version: int | None = None) -> DossierView:
    """A new appointment, with the apology (Phiếu xin lỗi và đề nghị gia hạn thời gian giải quyết)
    signed by a leader: ``signer`` (an officer names the leader; a leader signs themselves).

    Before the due moment an officer may record it. After it (or for a dossier already counted
    late) only a leader may: the citizen gets the new date, but the dossier stays judged against
    the due moment that had passed (the change is marked ``overdue``).
    """
    reason = _required(reason, "reason", "Cần ghi lý do gia hạn (in trên Phiếu xin lỗi).")
    new_due = parse_datetime(new_due, "new_due", label="Ngày hẹn mới").replace(microsecond=0)

    def change(row: Dossier, step: Step) -> None:
        overdue = step.late(row)
        if overdue:
            require(step.actor, "dossier.extend_late", entity="dossier", entity_id=row.code)
        if new_due <= row.due_at:
            raise ValidationError({"new_due": "Ngày hẹn mới phải sau ngày hẹn hiện tại "
                                              f"({row.due_at:%H:%M %d/%m/%Y})."})
        if new_due <= step.at:
            raise ValidationError({"new_due": "Ngày hẹn mới phải sau thời điểm gia hạn "
                                              f"({step.at:%H:%M %d/%m/%Y})."})
        if not load_calendar().is_working_day(new_due.date()):
            raise ValidationError({"new_due": "Ngày hẹn mới rơi vào ngày nghỉ; hãy chọn ngày làm việc."})
        who = _signer(step, signer)
        step.data.update(old_due_at=row.due_at, signer=who.username, overdue=overdue)
        _move_due(row, step, new_due, "extend", reason, overdue=overdue, signer=who)
    return _apply(code, "extend", officer, expected_version=expected_version, at=at, now=now, backdate_reason=backdate_reason, note=reason,
                  data={"reason": reason, "new_due_at": new_due}, change=change)


def finish(code: str, officer: Officer, *, note: str = "", at: datetime | None = None,
           now: datetime | None = None, backdate_reason: str = "", expected_version: int | None = None) -> DossierView:
    """The result is ready (đã xử lý xong) — 9."""
    def change(row: Dossier, step: Step) -> None:
        row.finished_at = step.at
    return _apply(code, "finish", officer, expected_version=expected_version, at=at, now=now, backdate_reason=backdate_reason, note=note,
                  change=change)


def return_result(code: str, officer: Officer, *, recipient: str, note: str = "",
                  at: datetime | None = None, now: datetime | None = None,
                  backdate_reason: str = "", expected_version: int | None = None) -> DossierView:
    """Hand the result over (trả kết quả) — 10, with who received it."""
    recipient = _required(recipient, "recipient", "Cần ghi họ tên người nhận kết quả.",
                          "Họ tên người nhận", NAME_MAX)

    def change(row: Dossier, step: Step) -> None:
        row.returned_at, row.returned_to = step.at, recipient
    return _apply(code, "return", officer, expected_version=expected_version, at=at, now=now, backdate_reason=backdate_reason, note=note,
                  data={"recipient": recipient}, change=change)


def refuse(code: str, officer: Officer, *, reason: str, at: datetime | None = None,
           now: datetime | None = None, backdate_reason: str = "", expected_version: int | None = None) -> DossierView:
    """Refuse at reception (từ chối tiếp nhận) — 3, with the reason printed on the refusal form.

    DOMAIN §7: a refusal happens at reception, on the day, before the dossier is forwarded; an
    accepted dossier ends by "dừng xử lý" (8) with a reason instead.
    """
    reason = _required(reason, "reason", "Cần ghi lý do từ chối tiếp nhận.")

    def change(row: Dossier, step: Step) -> None:
        if row.status == RECEIVED and step.at.date() != row.received_at.date():
            raise TransitionError(
                f"Chỉ từ chối tiếp nhận trong ngày tiếp nhận ({row.received_at:%d/%m/%Y}); hồ sơ "
                f"{row.code} đã được tiếp nhận, hãy dùng “Dừng xử lý” với lý do.")
        if row.portal_code:  # an online dossier refused from the queue: the portal's reference
            step.data["portal_code"] = row.portal_code
    return _apply(code, "refuse", officer, expected_version=expected_version, at=at, now=now, backdate_reason=backdate_reason, note=reason,
                  data={"reason": reason}, change=change)


def withdraw(code: str, officer: Officer, *, reason: str = "", at: datetime | None = None,
             now: datetime | None = None, backdate_reason: str = "", expected_version: int | None = None) -> DossierView:
    """The citizen takes the dossier back (rút hồ sơ) — 7."""
    reason = checked_text(reason, "reason", "Lý do", ACTION_NOTE_MAX) or "Công dân yêu cầu rút hồ sơ"
    return _apply(code, "withdraw", officer, expected_version=expected_version, at=at, now=now, backdate_reason=backdate_reason, note=reason,
                  data={"reason": reason})


def stop(code: str, officer: Officer, *, reason: str, at: datetime | None = None,
         now: datetime | None = None, backdate_reason: str = "", expected_version: int | None = None) -> DossierView:
    """The agency stops processing (dừng xử lý) — 8; a leader's decision."""
    reason = _required(reason, "reason", "Cần ghi lý do dừng xử lý.")
    return _apply(code, "stop", officer, expected_version=expected_version, at=at, now=now, backdate_reason=backdate_reason, note=reason,
                  data={"reason": reason})


def request_payment(code: str, officer: Officer, *, note: str, at: datetime | None = None,
                    now: datetime | None = None, backdate_reason: str = "", expected_version: int | None = None) -> DossierView:
    """Ask the citizen to pay a financial obligation (nghĩa vụ tài chính) — 6."""
    note = _required(note, "note", "Cần ghi nội dung nghĩa vụ tài chính.", "Nội dung")
    return _apply(code, "request_payment", officer, expected_version=expected_version, at=at, now=now, backdate_reason=backdate_reason,
                  note=note)


def paid(code: str, officer: Officer, *, note: str = "", at: datetime | None = None,
         now: datetime | None = None, backdate_reason: str = "", expected_version: int | None = None) -> DossierView:
    """The citizen has paid — back to 4 Đang xử lý."""
    return _apply(code, "paid", officer, expected_version=expected_version, at=at, now=now, backdate_reason=backdate_reason, note=note)


# The action functions by the name of their status event (the CLI and the GUI dispatch on it).
ACTIONS: dict[str, Callable[..., DossierView]] = {
    "forward": forward, "supplement": request_supplement, "resume": resume, "extend": extend,
    "finish": finish, "return": return_result, "refuse": refuse, "withdraw": withdraw, "stop": stop,
    "request_payment": request_payment, "paid": paid,
}


def suggested_new_due(view: DossierView, now: datetime) -> datetime:
    """The new appointment to offer a late dossier: the next working day after today (or after
    the due date, if that is later), at the due time of day — the earliest date an apology can
    honestly promise."""
    day = load_calendar().next_working_day(max(now.date(), view.due_at.date()))
    return datetime.combine(day, view.due_at.time())


def permission_for(view: DossierView, action: str) -> str:
    """The permission an action on this dossier needs now (for screens to hide what the
    signed-in roles may not do; the action itself checks again)."""
    if action == "extend" and view.late:
        return "dossier.extend_late"
    if action == "supplement" and any(e.action == "supplement" for e in view.events):
        return "dossier.supplement_again"
    return f"dossier.{action}"


def mark_receipt_printed(code: str, printed: bool = True) -> None:
    """After a print job: a failed print leaves the dossier saved and marked for reprint."""
    with write_transaction():
        Dossier.update(receipt_printed=printed).where(Dossier.code == get_dossier_row(code).code).execute()
