"""Forms as PDF bytes, and the print dispatcher.

Layout functions take plain data (``printing.data``) and the agency's
``FormSettings`` and return PDF bytes; they touch no database, no Qt widget
and no clock. ``printing.dispatch`` sends PDF bytes to a printer with Qt and
is imported on its own so that rendering never loads Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from printing.apology import render_apology
from printing.control_sheet import render_control_sheet
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
from printing.receipt import render_receipt
from printing.refusal import render_refusal
from printing.register import render_register
from printing.stop_notice import render_stop_notice
from printing.supplement import render_supplement

Renderer = Callable[[Any, FormSettings], bytes]

FORM_RENDERERS: dict[str, Renderer] = {
    "receipt": render_receipt,
    "supplement": render_supplement,
    "refusal": render_refusal,
    "apology": render_apology,
    "control": render_control_sheet,
    "stop": render_stop_notice,
    "register": render_register,
}

__all__ = [
    "FORM_RENDERERS",
    "ApologyData",
    "ControlSheetData",
    "ControlStep",
    "DocumentLine",
    "FormSettings",
    "Person",
    "ReceiptData",
    "RefusalData",
    "RegisterData",
    "RegisterRow",
    "StopNoticeData",
    "SupplementData",
    "render_apology",
    "render_control_sheet",
    "render_receipt",
    "render_refusal",
    "render_register",
    "render_stop_notice",
    "render_supplement",
]
