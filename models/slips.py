"""The 80 mm slip of a dossier: built from the stored dossier, printed on the roll printer.

``receipt CODE --paper 80mm`` writes it; the setting ``slip_mode`` prints it at intake instead
of, or as well as, the A4 receipt, on ``slip_printer``. Printing goes through the same
dispatcher as every form (printing.dispatch), which takes the slip's own page size.
"""
from __future__ import annotations

from printing.barcodes import qr_payload
from printing.slip import SlipData, render_slip
from printing.vntext import unit_in_sentence

from .citizen_settings import load_citizen_settings
from .dossiers import get_dossier
from .fee_printing import fee_block
from .settings import require_settings
from .statuses import RESULT_DELIVERY

PAPERS = ("A4", "A5", "80mm")
SLIP_PAPER = "80mm"


def slip_data(code: str) -> SlipData:
    settings = require_settings()
    d = get_dossier(code)
    place = RESULT_DELIVERY.get(d.result_delivery, "")
    if d.result_delivery == 0:
        place = unit_in_sentence(settings.unit_name, settings.governing_body)
    return SlipData(
        code=d.code, governing_body=settings.governing_body, unit_name=settings.unit_name,
        applicant_name=d.applicant_name, procedure_name=d.procedure_name, received_at=d.received_at,
        due_at=d.due_at, time_limit_text=d.time_limit_text, result_place=place,
        officer_name=d.officer_name, fee=fee_block(d),
        lookup_qr=qr_payload(d.code, settings.lookup_url) if settings.lookup_url else "",
        contact_phone=settings.contact_phone,
    )


def render_slip_pdf(code: str) -> bytes:
    return render_slip(slip_data(code))


def print_slip(code: str, *, by, printer: str | None = None) -> None:
    """Print the slip on the roll printer (the setting, else the forms' printer) as the
    signed-in ``by``; PrintError (Vietnamese) on failure. The receipt counts as printed once
    the slip is, and the job is in the audit log like every print."""
    from printing.dispatch import print_pdf

    from .audit import audit
    from .db import write_transaction
    from .permissions import require
    from .workflow import mark_receipt_printed

    actor = require(by, "form.print", entity="dossier", entity_id=code)
    citizen, agency = load_citizen_settings(), require_settings()
    print_pdf(render_slip_pdf(code), printer_name=printer or citizen.slip_printer or agency.printer or None,
              page_size="PDF", doc_name=f"MotCua {code}")
    mark_receipt_printed(code, True)
    with write_transaction():
        audit("form.print", actor, "dossier", code, {"kind": "slip", "copies": 1})


def send_receipt(form, *, by) -> int:
    """The print job(s) of a receipt already rendered for its preview (models.forms.RenderedForm),
    as the setting ``slip_mode`` says: that A4 form, the 80 mm slip, or both. The caller records
    the form as printed (models.forms.record_printed)."""
    from .forms import send_to_printer

    mode = load_citizen_settings().slip_mode
    pages = 0
    if mode != "instead":
        pages = send_to_printer(form)
    if mode in ("instead", "also"):
        print_slip(form.code, by=by)
    return pages


def print_receipt(code: str, *, by) -> None:
    """The receipt printed at intake and by "print again": the A4 form, the slip, or both,
    as the setting ``slip_mode`` says."""
    from .forms import print_form

    mode = load_citizen_settings().slip_mode
    if mode != "instead":
        print_form("receipt", code, by=by)
    if mode in ("instead", "also"):
        print_slip(code, by=by)


__all__ = ["PAPERS", "SLIP_PAPER", "print_receipt", "print_slip", "render_slip_pdf", "send_receipt", "slip_data"]
