"""From stored dossiers to printed forms: builds printing's plain data and renders it.

The layout code in printing/ never sees the database; this module is the one bridge.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

from printing import FORM_RENDERERS
from printing.data import (
    ApologyData, ControlSheetData, ControlStep, DocumentLine, FormSettings, Person, ReceiptData,
    RefusalData, RegisterData, RegisterRow, StopNoticeData, SupplementData,
)

from .audit import now as clock
from .dossiers import DossierView, EventView, get_dossier, to_views
from .errors import MotCuaError, ValidationError
from .fee_printing import fee_block
from .form_kinds import FORM_KINDS, FORM_NAMES
from .settings import AgencySettings, require_settings
from .statuses import ACTION_NAMES, NEW, RESULT_DELIVERY
from .tables import Dossier

COUNTER_UNIT = "Bộ phận Tiếp nhận và Trả kết quả"


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
        documents=tuple(DocumentLine(x.name, x.originals, x.copies) for x in d.documents),
        sets=d.sets, time_limit_text=d.time_limit_text, received_at=d.received_at,
        due_at=d.due_at,
        result_delivery=RESULT_DELIVERY.get(d.result_delivery, ""),
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
    event = _last_event(d, "extend")
    change = next(c for c in reversed(d.due_history) if c.kind == "extend" and c.at == event.at)
    return ApologyData(code=d.code, agency_name=settings.governing_body, applicant=_applicant(d),
                       procedure_name=d.procedure_name, received_at=d.received_at,
                       old_due_at=change.old_due_at, reason=change.reason,
                       new_due_at=change.new_due_at, issued_at=event.at)


def _timeliness(at: datetime, due: datetime) -> str:
    """Compared by date, as the practice does (DOMAIN §7)."""
    if at.date() < due.date():
        return "Trước hạn"
    return "Đúng hạn" if at.date() == due.date() else "Quá hạn"


def control_steps(d: DossierView) -> list[ControlStep]:
    """Hand-overs between units, read from the status events (Phiếu kiểm soát)."""
    steps: list[ControlStep] = []
    holder = COUNTER_UNIT
    due_at = d.due_history[0].new_due_at if d.due_history else d.due_at
    changes = list(d.due_history)
    for event in d.events:
        for change in changes:
            if change.at <= event.at:
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
        steps.append(ControlStep(holder, target, event.at, _timeliness(event.at, due_at),
                                 event.note, event.officer_name))
        holder = target if not target.startswith("Công dân") else holder
    return steps


def control_data(d: DossierView, settings: AgencySettings, now: datetime) -> ControlSheetData:
    return ControlSheetData(code=d.code, resolving_unit=d.processing_unit or settings.governing_body,
                            coordinating_unit="", received_at=d.received_at, due_at=d.due_at,
                            steps=tuple(control_steps(d)), issued_at=now)


def stop_data(d: DossierView, settings: AgencySettings) -> StopNoticeData:
    event = _last_event(d, "withdraw", "stop")
    return StopNoticeData(code=d.code, applicant=_applicant(d), procedure_name=d.procedure_name,
                          received_at=d.received_at, reason=event.note,
                          officer_name=event.officer_name, issued_at=event.at)


def form_data(kind: str, code: str, *, now: datetime | None = None):
    """The plain data for one form of one dossier, and the settings it prints with."""
    settings = require_settings()
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
    return builders[kind](), form_settings(settings)


def render_form(kind: str, code: str, *, now: datetime | None = None) -> bytes:
    data, settings = form_data(kind, code, now=now)
    return FORM_RENDERERS[kind](data, settings)


def register_data(date_from: date, date_to: date, *, now: datetime | None = None) -> RegisterData:
    """Sổ theo dõi hồ sơ: every dossier received in [date_from, date_to], in reception order."""
    if date_to < date_from:
        raise ValidationError({"to": "Ngày kết thúc phải sau ngày bắt đầu."})
    settings = require_settings()
    start = datetime.combine(date_from, datetime.min.time())
    end = datetime.combine(date_to + timedelta(days=1), datetime.min.time())
    # An online dossier belongs in the register once accepted (status 1 waits; one refused
    # straight from the queue was never received, and has no register number).
    never_received = (Dossier.status == NEW) | ((Dossier.channel == 2) & Dossier.register_number.is_null())
    rows = list(Dossier.select().where((Dossier.received_at >= start) & (Dossier.received_at < end)
                                       & ~never_received)
                .order_by(Dossier.received_at, Dossier.id))
    lines = [
        RegisterRow(
            code=d.code, procedure_name=d.procedure_name, applicant_name=d.applicant_name,
            address_phone=" – ".join(x for x in (d.applicant_address, d.applicant_phone) if x),
            resolving_unit=d.processing_unit or settings.governing_body, received_at=d.received_at,
            due_at=d.due_at, returned_at=d.returned_at,
            return_method=(RESULT_DELIVERY.get(d.result_delivery, "") if d.returned_at else ""),
            counter_no=d.counter_no,
        )
        for d in to_views(rows, now=now)
    ]
    return RegisterData(rows=tuple(lines), date_from=date_from, date_to=date_to,
                        issued_at=now or clock(), volume=settings.register_volume)


def render_register(date_from: date, date_to: date, *, now: datetime | None = None) -> bytes:
    return FORM_RENDERERS["register"](register_data(date_from, date_to, now=now),
                                      form_settings(require_settings()))


def print_form(kind: str, code: str, *, printer: str | None = None, copies: int | None = None,
               now: datetime | None = None) -> None:
    """Render and print; a receipt is marked printed only when the job was accepted.

    The dossier is already saved when this runs: a print failure (PrintError, Vietnamese
    message) leaves it marked "not printed" for a reprint and loses nothing.
    """
    from printing.dispatch import print_pdf  # Qt is loaded only when really printing

    from .workflow import mark_receipt_printed

    settings = require_settings()
    pdf = render_form(kind, code, now=now)
    print_pdf(pdf, printer_name=printer or settings.printer or None, copies=copies or 1,
              page_size=settings.page_size)
    if kind == "receipt":
        mark_receipt_printed(code, True)


__all__ = ["FORM_KINDS", "FORM_NAMES", "render_form", "render_register", "print_form",
           "form_data", "register_data"]
