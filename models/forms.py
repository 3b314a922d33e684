"""From stored dossiers to printed forms: builds printing's plain data and renders it.

The layout code in printing/ never sees the database; this module is the one bridge.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from printing import FORM_RENDERERS
from printing.data import (
    ApologyData, ControlSheetData, ControlStep, DocumentLine, FormSettings, Person, ReceiptData,
    RefusalData, RegisterData, RegisterRow, StopNoticeData, SupplementData,
)

from .audit import now as clock
from .dossiers import DossierView, EventView, get_dossier, to_views
from .errors import MotCuaError, ValidationError
from .form_kinds import FORM_KINDS, FORM_NAMES
from .settings import AgencySettings, require_settings
from .statuses import ACTION_NAMES, RESULT_DELIVERY
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
        documents=tuple(DocumentLine(x.name, x.originals, x.copies, x.shown) for x in d.documents),
        sets=d.sets, time_limit_text=d.time_limit_text, received_at=d.received_at,
        due_at=d.due_at,
        result_delivery=RESULT_DELIVERY.get(d.result_delivery, ""),
        register_volume=d.register_volume,
        register_number=str(d.register_number or ""), officer_name=d.officer_name,
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
        if event.action == "receive":
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


def record_printed(form: RenderedForm) -> None:
    """After the printer accepted the job: a receipt is marked printed (never before, so a
    failed print leaves the dossier saved and marked for a reprint)."""
    if form.kind == "receipt":
        from .workflow import mark_receipt_printed

        mark_receipt_printed(form.code, True)


def register_data(date_from: date, date_to: date, *, now: datetime | None = None) -> RegisterData:
    """Sổ theo dõi hồ sơ: every dossier received in [date_from, date_to], in reception order."""
    if date_to < date_from:
        raise ValidationError({"to": "Ngày kết thúc phải sau ngày bắt đầu."})
    settings = require_settings()
    start = datetime.combine(date_from, datetime.min.time())
    end = datetime.combine(date_to + timedelta(days=1), datetime.min.time())
    rows = list(Dossier.select().where((Dossier.received_at >= start) & (Dossier.received_at < end))
                .order_by(Dossier.received_at, Dossier.id))
    lines = [
        RegisterRow(
            code=d.code, procedure_name=d.procedure_name, applicant_name=d.applicant_name,
            address_phone=" – ".join(x for x in (d.applicant_address, d.applicant_phone) if x),
            resolving_unit=d.processing_unit or settings.governing_body, received_at=d.received_at,
            due_at=d.due_at, returned_at=d.returned_at,
            return_method=(RESULT_DELIVERY.get(d.result_delivery, "") if d.returned_at else ""),
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
    """Render, print and record (the command line's ``print``), in that order.

    The dossier is already saved when this runs: a print failure (PrintError, Vietnamese
    message) leaves it marked "not printed" for a reprint and loses nothing.
    """
    form = render_for_printing(kind, code, now=now)
    send_to_printer(form, printer=printer, copies=copies)
    record_printed(form)


__all__ = ["FORM_KINDS", "FORM_NAMES", "RenderedForm", "render_form", "render_for_printing",
           "send_to_printer", "record_printed", "render_register", "print_form", "form_data",
           "register_data"]
