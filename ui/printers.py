"""The printers this PC can use, and printing a dossier's form off the GUI thread."""
from __future__ import annotations


def available_printers() -> list[str]:
    from printing.dispatch import list_printers

    return [p["name"] for p in list_printers()]


def print_dossier_form(kind: str, code: str, officer) -> None:
    """Send a form to the configured printer, one job, as the signed-in ``officer``.

    The receipt's PDF already holds its copies (Liên 1, Liên 2 …, the receipt_copies
    setting): asking the printer for that many copies again printed each twice.
    Runs in a worker; raises printing.dispatch.PrintError with a Vietnamese message.
    A receipt may be the 80 mm slip instead, or as well (the setting, models.slips).
    """
    from models.forms import print_form

    if kind == "receipt":
        from models.slips import print_receipt

        print_receipt(code, by=officer)
        return
    print_form(kind, code, by=officer)
