"""From stored dossiers to printed forms: builds printing's plain data and renders it.

The layout code in printing/ never sees the database; this module is the one bridge.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from printing import FORM_RENDERERS
from printing.data import (
    ApologyData,
    ControlSheetData,
    ControlStep,
    DocumentLine,
    FormSettings,
    Person,
    ReceiptData,
    RefusalData,
    RegisterData,
    RegisterRow,
    StopNoticeData,
    SupplementData,
)

from .audit import audit
from .audit import now as clock
from .dossiers import DossierView, EventView, get_dossier, to_views
from .errors import MotCuaError, ValidationError
from .fee_printing import fee_block
from .form_kinds import FORM_KINDS, FORM_NAMES
from .lateness import TIMELINESS_NAMES, timeliness
from .permissions import require
from .settings import AgencySettings, require_settings
from .statuses import ACTION_NAMES, NEW, RESULT_DELIVERY
from .tables import Dossier, DueDateChange, Procedure
from .text import clean

COUNTER_UNIT = "Bộ phận Tiếp nhận và Trả kết quả"
# BM.01 "Đăng ký nhận kết quả tại: …" — the place, without a second "tại".
RESULT_PLACE = {0: "Bộ phận Một cửa",
                1: "địa chỉ của người nộp hồ sơ, qua dịch vụ bưu chính công ích"}


def form_settings(settings: AgencySettings) -> FormSettings:
    return FormSettings(
        governing_body=settings.governing_body, unit_name=settings.unit_name, place=settings.place,
        agency_code=settings.agency_code, head_title=settings.head_title,
        head_name=settings.head_name, page_size=settings.page_size,
        receipt_copies=settings.receipt_copies, lookup_url=settings.lookup_url,
        contact_phone=settings.contact_phone,
    )


def _receiving_unit(settings: AgencySettings) -> str:
    return f"{settings.unit_name} – {settings.governing_body}"


def _applicant(d: DossierView) -> Person:
    return Person(d.applicant_name, d.applicant_id_number, d.applicant_address, d.applicant_phone,
                  d.applicant_email)


def _last_event(d: DossierView, *actions: str) -> EventView:
    for event in reversed(d.events):
        if event.action in actions:
            return event
    names = " / ".join(ACTION_NAMES.get(a, a) for a in actions)
    raise MotCuaError(f"Hồ sơ {d.code} chưa có bước “{names}” nên chưa có phiếu này.")


def receipt_data(d: DossierView, settings: AgencySettings) -> ReceiptData:
    auth = d.authorised_person
    return ReceiptData(
        code=d.code, receiving_unit=_receiving_unit(settings), applicant=_applicant(d),
        authorised_person=Person(auth.get("name", ""), auth.get("id_number", ""),
                                 auth.get("address", ""), auth.get("phone", ""),
                                 auth.get("email", ""), auth.get("authorisation", "")) if auth else None,
        procedure_name=d.procedure_name,
        documents=tuple(DocumentLine(x.name, x.originals, x.copies, x.shown) for x in d.documents),
        sets=d.sets, time_limit_text=d.time_limit_text, received_at=d.received_at,
        # A reprint shows the appointment given at reception, as the citizen's copy does; a new
        # appointment is on the apology form.
        due_at=d.appointment_at_reception,
        result_delivery=RESULT_PLACE.get(d.result_delivery, ""),
        register_volume=d.register_volume,
        register_number=str(d.register_number or ""), officer_name=d.officer_name,
        fee=fee_block(d), counter_no=d.counter_no,
    )


def supplement_data(d: DossierView, settings: AgencySettings) -> SupplementData:
    event = _last_event(d, "supplement")
    return SupplementData(
        code=d.code, applicant=_applicant(d), procedure_name=d.procedure_name,
        missing_items=tuple(event.data.get("missing", [])), reason=event.data.get("reason", event.note),
        guide_name=event.officer_name, issued_at=event.at,
    )


def refusal_data(d: DossierView, settings: AgencySettings) -> RefusalData:
    event = _last_event(d, "refuse")
    return RefusalData(code=d.code, receiving_unit=_receiving_unit(settings), applicant=_applicant(d),
                       procedure_name=d.procedure_name, reason=event.note,
                       officer_name=event.officer_name, issued_at=event.at)


def apology_data(d: DossierView, settings: AgencySettings) -> ApologyData:
    """The apology of the latest extension: the appointment it replaced, the new one, and the
    leader recorded as signing it."""
    event = _last_event(d, "extend")
    change = next(c for c in reversed(d.due_history) if c.kind == "extend" and c.at == event.at)
    return ApologyData(code=d.code, agency_name=settings.governing_body, applicant=_applicant(d),
                       procedure_name=d.procedure_name, received_at=d.received_at,
                       old_due_at=change.old_due_at, reason=change.reason,
                       new_due_at=change.new_due_at, issued_at=event.at,
                       signer_name=change.signer_name)


def _timeliness(at: datetime, due: datetime, late_from: datetime | None) -> str:
    """Moments, as the reports judge them (DOMAIN §7, models.lateness)."""
    return TIMELINESS_NAMES[timeliness(at, due, late_from)]


def _recorded(event: EventView) -> str:
    """ "ghi lúc 08:10 20/11/2026: <reason>" for a step a leader recorded at an earlier moment."""
    if not event.backdated or event.recorded_at is None:
        return ""
    return f"Ghi lúc {event.recorded_at:%H:%M %d/%m/%Y} (ghi lùi: {event.backdate_reason})"


def control_steps(d: DossierView) -> list[ControlStep]:
    """Hand-overs between units, read from the status events (Phiếu kiểm soát)."""
    steps: list[ControlStep] = []
    holder = COUNTER_UNIT
    due_at = d.appointment_at_reception
    changes = list(d.due_history)
    for event in d.events:
        # the due moment in force when the step happened (not changed by the step itself)
        for change in changes:
            if change.at < event.at or (change.at == event.at and event.action not in ("extend", "resume")):
                due_at = change.new_due_at
        if event.action in ("receive", "register"):  # the dossier reaches the counter: no hand-over
            continue
        if event.action == "forward":
            target = event.data.get("unit") or "Bộ phận chuyên môn"
        elif event.action in ("finish", "paid"):
            target = COUNTER_UNIT
        elif event.action == "return":
            target = f"Công dân: {event.data.get('recipient', '')}"
        elif event.action in ("supplement", "request_payment", "refuse", "withdraw", "stop"):
            target = f"Công dân ({event.action_name.lower()})"
        else:
            target = holder
        note = event.note
        if event.action == "extend" and event.data.get("new_due_at"):
            note = f"{note} – hẹn lại {datetime.fromisoformat(str(event.data['new_due_at'])):%H:%M %d/%m/%Y}"
        note = " – ".join(x for x in (note, _recorded(event)) if x)
        steps.append(ControlStep(holder, target, event.at, _timeliness(event.at, due_at, d.late_from),
                                 note, event.officer_name))
        holder = target if not target.startswith("Công dân") else holder
    return steps


def control_data(d: DossierView, settings: AgencySettings, now: datetime) -> ControlSheetData:
    return ControlSheetData(code=d.code, resolving_unit=d.processing_unit or settings.governing_body,
                            coordinating_unit="", received_at=d.received_at,
                            due_at=d.appointment_at_reception, steps=tuple(control_steps(d)),
                            issued_at=now)


def stop_data(d: DossierView, settings: AgencySettings) -> StopNoticeData:
    event = _last_event(d, "withdraw", "stop")
    return StopNoticeData(code=d.code, applicant=_applicant(d), procedure_name=d.procedure_name,
                          received_at=d.received_at, reason=event.note,
                          officer_name=event.officer_name, issued_at=event.at)


def _form_data(kind: str, code: str, settings: AgencySettings, now: datetime | None):
    d = get_dossier(code, now=now)
    builders = {
        "receipt": lambda: receipt_data(d, settings),
        "supplement": lambda: supplement_data(d, settings),
        "refusal": lambda: refusal_data(d, settings),
        "apology": lambda: apology_data(d, settings),
        "control": lambda: control_data(d, settings, now or clock()),
        "stop": lambda: stop_data(d, settings),
    }
    if kind not in builders:
        raise ValidationError({"kind": f"Loại phiếu “{kind}” không có; dùng: {', '.join(FORM_KINDS)}."})
    return builders[kind]()


def form_data(kind: str, code: str, *, now: datetime | None = None):
    """The plain data for one form of one dossier, and the settings it prints with."""
    settings = require_settings()
    return _form_data(kind, code, settings, now), form_settings(settings)


def render_form(kind: str, code: str, *, now: datetime | None = None) -> bytes:
    data, settings = form_data(kind, code, now=now)
    return FORM_RENDERERS[kind](data, settings)


@dataclass(frozen=True)
class RenderedForm:
    """A form rendered once: the bytes shown on screen are the bytes sent to the printer
    (a control sheet printed after its preview must not read the clock a second time)."""

    kind: str
    code: str
    pdf: bytes
    printer: str  # the agency's printer ("" = the system's default)
    page_size: str


def render_for_printing(kind: str, code: str, *, now: datetime | None = None) -> RenderedForm:
    settings = require_settings()
    pdf = FORM_RENDERERS[kind](_form_data(kind, code, settings, now), form_settings(settings))
    return RenderedForm(kind, code, pdf, settings.printer, settings.page_size)


def send_to_printer(form: RenderedForm, *, printer: str | None = None, copies: int | None = None) -> int:
    """Submit the rendered PDF as one print job (no database); raises PrintError in Vietnamese.

    The receipt's PDF already holds its copies (Liên 1, Liên 2 …): ``copies`` is the number of
    times the whole PDF is printed, 1 unless asked.
    """
    from printing.dispatch import print_pdf  # Qt's printing is loaded only when really printing

    return print_pdf(form.pdf, printer_name=printer or form.printer or None, copies=copies or 1,
                     page_size=form.page_size)


def record_printed(form: RenderedForm, *, by, copies: int | None = None) -> None:
    """After the printer accepted the job, as the signed-in ``by``: a receipt is marked
    printed (never before, so a failed print leaves the dossier saved and marked for a
    reprint), and every print job goes in the audit log (who reprinted what)."""
    from .db import write_transaction
    from .workflow import mark_receipt_printed

    actor = require(by, "form.print", entity="dossier", entity_id=form.code)
    if form.kind == "receipt":
        mark_receipt_printed(form.code, True)
    with write_transaction():
        audit("form.print", actor, "dossier", get_dossier(form.code).code,
              {"kind": form.kind, "copies": copies or 1})


def register_fields() -> list[str]:
    """The fields (lĩnh vực) a register can be kept for."""
    return sorted({clean(p.field) for p in Procedure.select(Procedure.field) if clean(p.field)})


def register_data(date_from: date, date_to: date, *, fields: list[str] | tuple[str, ...] = (),
                  now: datetime | None = None) -> RegisterData:
    """Sổ theo dõi hồ sơ: every dossier received in [date_from, date_to], in reception order —
    of every field, or of the fields given (BM.06: "lập theo từng lĩnh vực hoặc nhóm lĩnh vực").

    Each row prints its recorded moments: received, the appointment given at reception (and
    the new one, if it was extended), returned.
    """
    if date_to < date_from:
        raise ValidationError({"to": "Ngày kết thúc phải sau ngày bắt đầu."})
    settings = require_settings()
    wanted = [clean(f) for f in fields if clean(f)]
    known = register_fields()
    unknown = [f for f in wanted if f.casefold() not in {k.casefold() for k in known}]
    if unknown:
        raise ValidationError({"field": f"Không có lĩnh vực “{'; '.join(unknown)}”; các lĩnh vực: "
                                        f"{'; '.join(known)}."})
    wanted = [k for k in known if k.casefold() in {f.casefold() for f in wanted}]
    start = datetime.combine(date_from, datetime.min.time())
    end = datetime.combine(date_to + timedelta(days=1), datetime.min.time())
    # An online dossier belongs in the register once accepted (status 1 waits; one refused
    # straight from the queue was never received, and has no register number).
    never_received = (Dossier.status == NEW) | ((Dossier.channel == 2) & Dossier.register_number.is_null())
    query = Dossier.select().where((Dossier.received_at >= start) & (Dossier.received_at < end)
                                   & ~never_received)
    if wanted:
        query = query.join(Procedure).where(Procedure.field.in_(wanted))
    rows = list(query.order_by(Dossier.received_at, Dossier.id))
    first_due, last_extension = _due_marks([r.id for r in rows])
    lines = [
        RegisterRow(
            code=d.code, procedure_name=d.procedure_name, applicant_name=d.applicant_name,
            address_phone=" – ".join(x for x in (d.applicant_address, d.applicant_phone) if x),
            resolving_unit=d.processing_unit or settings.governing_body, received_at=d.received_at,
            due_at=first_due.get(d.id, d.due_at), returned_at=d.returned_at,
            return_method=(RESULT_DELIVERY.get(d.result_delivery, "") if d.returned_at else ""),
            rescheduled_at=last_extension.get(d.id),
            counter_no=d.counter_no,
        )
        for d in to_views(rows, now=now)
    ]
    return RegisterData(rows=tuple(lines), date_from=date_from, date_to=date_to,
                        issued_at=now or clock(), volume=settings.register_volume,
                        fields=tuple(wanted))


def _due_marks(ids: list[int]) -> tuple[dict[int, datetime], dict[int, datetime]]:
    """(the appointment given at reception, the latest new appointment) by dossier id."""
    first: dict[int, datetime] = {}
    extended: dict[int, datetime] = {}
    for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
        for c in (DueDateChange.select(DueDateChange.dossier, DueDateChange.kind, DueDateChange.new_due_at)
                  .where(DueDateChange.dossier.in_(chunk)).order_by(DueDateChange.at, DueDateChange.id)):
            if c.kind == "initial":
                first.setdefault(c.dossier_id, c.new_due_at)
            elif c.kind == "extend":
                extended[c.dossier_id] = c.new_due_at
    return first, extended


def render_register(date_from: date, date_to: date, *, fields: list[str] | tuple[str, ...] = (),
                    now: datetime | None = None) -> bytes:
    return FORM_RENDERERS["register"](register_data(date_from, date_to, fields=fields, now=now),
                                      form_settings(require_settings()))


def print_form(kind: str, code: str, *, by, printer: str | None = None, copies: int | None = None,
               now: datetime | None = None) -> None:
    """Render, print and record as the signed-in ``by`` (the command line's ``print``): refused
    before anything prints when the account may not print; a receipt is marked printed only
    when the job was accepted, and every print job is in the audit log (who reprinted what).

    The dossier is already saved when this runs: a print failure (PrintError, Vietnamese
    message) leaves it marked "not printed" for a reprint and loses nothing.
    """
    actor = require(by, "form.print", entity="dossier", entity_id=code)
    form = render_for_printing(kind, code, now=now)
    send_to_printer(form, printer=printer, copies=copies)
    record_printed(form, by=actor, copies=copies)


__all__ = ["FORM_KINDS", "FORM_NAMES", "RenderedForm", "render_form", "render_for_printing",
           "send_to_printer", "record_printed", "render_register", "print_form", "form_data",
           "register_data"]
