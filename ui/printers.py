"""The printers this PC can use, and printing a dossier's form off the GUI thread."""
from __future__ import annotations

from models.settings import load_settings


def available_printers() -> list[str]:
    from printing.dispatch import list_printers

    return [p["name"] for p in list_printers()]


def print_dossier_form(kind: str, code: str) -> None:
    """Send a form to the configured printer (receipt: the configured number of copies).

    Runs in a worker; raises printing.dispatch.PrintError with a Vietnamese message.
    """
    from models.forms import print_form

    settings = load_settings()
    copies = settings.receipt_copies if kind == "receipt" else 1
    print_form(kind, code, printer=settings.printer or None, copies=copies)
