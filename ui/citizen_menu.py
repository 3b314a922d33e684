"""The main window's Công dân menu and the citizen screen it drives: the lookup kiosk, the
number called on the second screen, and the ratings asked after intake and return."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMainWindow

from models.settings import load_settings

from .citizen_display import CitizenDisplay, install_call_shortcuts


def _tr(text: str) -> str:
    return QCoreApplication.translate("CitizenMenu", text)


def add_citizen_menu(window: QMainWindow, officer, *, screens=None) -> CitizenDisplay:
    """The menu, the citizen screen (second screen or dialog) and their wiring to the intake;
    returns the CitizenDisplay (the window keeps it as ``citizen``)."""
    settings = load_settings()
    display = CitizenDisplay(officer, window, screens=screens,
                             agency=" – ".join(x for x in (settings.governing_body, settings.place) if x))
    window.citizen_kiosk = None
    menu = window.menuBar().addMenu(_tr("&Citizens"))
    kiosk = menu.addAction(_tr("Lookup screen (kiosk)…"))
    kiosk.setObjectName("open_kiosk")
    kiosk.setToolTip(_tr("A full-screen lookup for citizens; leaving it needs an officer's password"))

    def open_kiosk() -> None:
        from .kiosk_window import show_kiosk

        window.citizen_kiosk = show_kiosk(agency=display.agency)
    kiosk.triggered.connect(open_kiosk)
    menu.addSeparator()
    call_next = menu.addAction(_tr("Call the next citizen (F8)"))
    call_next.setObjectName("call_next")
    call_next.triggered.connect(display.call_next)
    call = menu.addAction(_tr("Call citizen number…"))

    def call_number() -> None:
        number, ok = QInputDialog.getInt(window, _tr("Call citizen number"), _tr("Number"),
                                         display.number + 1, 1, 99999)
        if ok:
            display.call(number)
    call.triggered.connect(call_number)
    for action in (call_next, call):
        action.setEnabled(display.window is not None)
        action.setToolTip(_tr("Shown on the citizen screen (a second screen)"))
    install_call_shortcuts(window, display)
    return display


__all__ = ["add_citizen_menu"]
