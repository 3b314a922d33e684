"""Reading dossiers: the plain view a screen, the command line or a form is built from."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta

from .audit import now as clock
from .calendar import duration_text
from .codes import normalise_dossier_code
from .errors import NotFoundError, ValidationError
from .fee_records import FeeView, fee_view, fee_views, view_of
from .lateness import judged_late, late_at
from .statuses import (
    ACTION_NAMES,
    CHANNELS,
    FINISHED,
    NEW,
    OPEN,
    RESULT_DELIVERY,
    RETURNED,
    STATUS_NAMES,
    allowed_actions,
)
from .tables import DocumentName, Dossier, DossierDocument, DueDateChange, Officer, StatusEvent

DUE_SOON = timedelta(days=1)  # DOMAIN §4: "sắp đến hạn" = due within a day


def is_late(status: int, due_at: datetime, paused_at: datetime | None, finished_at: datetime | None,
            now: datetime, late_from: datetime | None = None) -> bool:
    """Late (quá hạn) is derived from moments (models.lateness): compared with the moment the
    clock stopped — now, the supplement request, or the finish — or marked late for good."""
    if status in (FINISHED, RETURNED):
        return finished_at is not None and judged_late(finished_at, due_at, late_from)
    return late_at(status, due_at, paused_at, late_from, now)


def is_due_soon(status: int, due_at: datetime, now: datetime) -> bool:
    return status in OPEN and now <= due_at <= now + DUE_SOON


@dataclass(frozen=True)
class EventView:
    uid: str
    action: str
    action_name: str
    from_status: int | None
    to_status: int
    at: datetime
    officer: str
    officer_name: str
    note: str
    data: dict
    recorded_at: datetime | None = None  # the real moment of entry (None before schema 3)
    backdate_reason: str = ""  # why a leader recorded it at the earlier moment ``at``

    @property
    def backdated(self) -> bool:
        return bool(self.backdate_reason)


@dataclass(frozen=True)
class DueChangeView:
    at: datetime
    kind: str
    old_due_at: datetime | None
    new_due_at: datetime
    reason: str
    officer: str
    overdue: bool = False  # an extension recorded after the due moment (judged against it)
    signer: str = ""  # the leader who signed the apology (user name)
    signer_name: str = ""


@dataclass(frozen=True)
class DocumentView:
    name: str
    originals: int
    copies: int
    shown: bool = False  # xuất trình: shown at the counter, not handed in


@dataclass(frozen=True)
class DossierView:
    """Everything about one dossier (hồ sơ) as plain values."""

    id: int
    uid: str
    code: str
    status: int
    received_at: datetime
    due_at: datetime
    procedure_code: str
    procedure_name: str
    duration_value: int
    duration_unit: str
    applicant_name: str
    applicant_id_number: str
    applicant_phone: str
    applicant_email: str
    applicant_address: str
    applicant_kind: int
    authorised_person: dict | None
    channel: int
    result_delivery: int
    sets: int
    fee: int
    notes: str
    officer: str
    officer_name: str
    processing_unit: str
    paused_at: datetime | None
    finished_at: datetime | None
    returned_at: datetime | None
    returned_to: str
    register_volume: str
    register_number: int | None
    receipt_printed: bool
    late: bool
    due_soon: bool
    late_from: datetime | None = None  # counted late from this moment whatever happens next
    documents: tuple[DocumentView, ...] = ()
    events: tuple[EventView, ...] = ()
    due_history: tuple[DueChangeView, ...] = ()
    warnings: tuple[str, ...] = field(default=())
    portal_code: str | None = None  # the portal's code of an online dossier (models.online)
    fee_details: FeeView | None = None  # full views only (models.fee_records)
    attachments: tuple = ()  # full views only: the current electronic copies (models.attachments)
    counter_no: int = 0  # the counter (quầy số) that received it; 0 when none was set
    version: int = 0  # raised by every workflow step (models.workflow's optimistic check)

    @property
    def status_name(self) -> str:
        return STATUS_NAMES[self.status]

    @property
    def time_limit_text(self) -> str:
        return duration_text(self.duration_value, self.duration_unit)

    @property
    def allowed_actions(self) -> list[str]:
        return allowed_actions(self.status)

    @property
    def appointment_at_reception(self) -> datetime:
        """The appointment printed on the receipt the citizen took home (the first due date)."""
        return self.due_history[0].new_due_at if self.due_history else self.due_at

    def to_dict(self) -> dict:
        data = asdict(self)
        data.update(
            status_name=self.status_name,
            channel_name=CHANNELS.get(self.channel, ""),
            result_delivery_name=RESULT_DELIVERY.get(self.result_delivery, ""),
            time_limit={"value": self.duration_value, "unit": self.duration_unit,
                        "text": self.time_limit_text},
            procedure={"code": self.procedure_code, "name": self.procedure_name},
            applicant={"name": self.applicant_name, "id_number": self.applicant_id_number,
                       "phone": self.applicant_phone, "email": self.applicant_email,
                       "address": self.applicant_address, "kind": self.applicant_kind},
            allowed_actions=self.allowed_actions,
            warnings=list(self.warnings),
            fee=(self.fee_details or view_of(None, self.fee)).to_dict(),
            attachments=[a.to_dict() for a in self.attachments],
        )
        data.pop("fee_details")
        for key in ("duration_value", "duration_unit", "applicant_name", "applicant_id_number",
                    "applicant_phone", "applicant_email", "applicant_address", "applicant_kind"):
            data.pop(key)
        if self.status == NEW:  # an online dossier waiting has no appointment yet (models.online)
            data["due_at"] = None
        return _jsonable(data)


def _jsonable(value):
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _loads(text: str) -> dict | None:
    return json.loads(text) if text else None


def to_view(row: Dossier, *, full: bool = True, now: datetime | None = None,
            warnings: tuple[str, ...] = (), officers: dict[int, Officer] | None = None,
            fee: FeeView | None = None) -> DossierView:
    """``officers`` (id → row) lets a list share one officer lookup across its rows; ``fee``
    is the dossier's fee when the caller loaded it (a list page)."""
    now = now or clock()
    officers = {} if officers is None else officers

    def officer(officer_id: int) -> Officer:
        if officer_id not in officers:
            officers[officer_id] = Officer.get_by_id(officer_id)
        return officers[officer_id]

    documents = events = due_history = electronic = ()
    if full:
        from .attachments import dossier_attachments  # it reads dossiers through this module

        electronic = tuple(dossier_attachments(row.id))
        documents = tuple(
            DocumentView(name, originals, copies, bool(shown))
            for name, originals, copies, shown in DossierDocument
            .select(DocumentName.name, DossierDocument.originals, DossierDocument.copies,
                    DossierDocument.shown)
            .join(DocumentName).where(DossierDocument.dossier == row.id)
            .order_by(DossierDocument.position).tuples()
        )
        events = tuple(
            EventView(e.uid, e.action, ACTION_NAMES.get(e.action, e.action), e.from_status,
                      e.to_status, e.at, officer(e.officer_id).username,
                      officer(e.officer_id).full_name, e.note, _loads(e.data) or {},
                      e.recorded_at, e.backdate_reason)
            for e in StatusEvent.select().where(StatusEvent.dossier == row.id)
            .order_by(StatusEvent.at, StatusEvent.id)
        )
        due_history = tuple(
            DueChangeView(c.at, c.kind, c.old_due_at, c.new_due_at, c.reason,
                          officer(c.officer_id).username, c.overdue,
                          officer(c.signer_id).username if c.signer_id else "",
                          officer(c.signer_id).full_name if c.signer_id else "")
            for c in DueDateChange.select().where(DueDateChange.dossier == row.id)
            .order_by(DueDateChange.at, DueDateChange.id)
        )
    who = officer(row.officer_id)
    return DossierView(
        id=row.id, uid=row.uid, code=row.code, status=row.status, received_at=row.received_at,
        due_at=row.due_at, procedure_code=row.procedure_code, procedure_name=row.procedure_name,
        duration_value=row.duration_value, duration_unit=row.duration_unit,
        applicant_name=row.applicant_name, applicant_id_number=row.applicant_id_number,
        applicant_phone=row.applicant_phone, applicant_email=row.applicant_email,
        applicant_address=row.applicant_address, applicant_kind=row.applicant_kind,
        authorised_person=_loads(row.authorised_person), channel=row.channel,
        result_delivery=row.result_delivery, sets=row.sets, fee=row.fee, notes=row.notes,
        officer=who.username, officer_name=who.full_name, processing_unit=row.processing_unit,
        paused_at=row.paused_at, finished_at=row.finished_at, returned_at=row.returned_at,
        returned_to=row.returned_to, register_volume=row.register_volume,
        register_number=row.register_number, receipt_printed=row.receipt_printed,
        late=is_late(row.status, row.due_at, row.paused_at, row.finished_at, now, row.late_from),
        due_soon=is_due_soon(row.status, row.due_at, now) and not (row.late_from and now >= row.late_from),
        late_from=row.late_from,
        documents=documents, events=events, due_history=due_history, warnings=warnings,
        portal_code=row.portal_code, fee_details=fee or (fee_view(row.id, row.fee) if full else None),
        attachments=electronic,
        counter_no=row.counter_no or 0, version=row.version or 0,
    )


def to_views(rows: list[Dossier], *, now: datetime | None = None) -> list[DossierView]:
    """Summary views of a page of rows (no events or documents), with one officer query."""
    ids = {r.officer_id for r in rows}
    officers = {o.id: o for o in Officer.select().where(Officer.id.in_(ids))} if ids else {}
    fees = fee_views([r.id for r in rows])  # one query for the page's fees and payments
    return [to_view(r, full=False, now=now, officers=officers, fee=fees.get(r.id)) for r in rows]


def get_dossier_row(code: str) -> Dossier:
    """By the counter's code, else by the portal's code of an online dossier.

    A portal code can equal the counter's code of another dossier (models.online explains
    when); then the code is ambiguous and the officer is asked for the counter's code.
    """
    wanted = normalise_dossier_code(code)
    # One indexed lookup on either column (the barcode path).
    rows = list(Dossier.select().where((Dossier.code == wanted) | (Dossier.portal_code == wanted)).limit(2))
    if len(rows) == 2:
        own, online = rows if rows[0].code == wanted else rows[::-1]
        raise ValidationError({"code": f"Mã “{wanted}” vừa là mã tại quầy của hồ sơ {own.code}, vừa là mã trên "
                                       f"Cổng của hồ sơ trực tuyến {online.code}. Hãy dùng mã tại quầy."})
    row = rows[0] if rows else None
    if row is None:
        raise NotFoundError(f"Không tìm thấy hồ sơ có mã “{code.strip()}”.")
    return row


def get_dossier(code: str, *, now: datetime | None = None) -> DossierView:
    """The dossier with this code (the barcode path: one indexed lookup)."""
    return to_view(get_dossier_row(code), now=now)
