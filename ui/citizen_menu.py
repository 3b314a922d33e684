"""The main window's Công dân menu and the citizen screen it drives: the lookup kiosk, the
number called on the second screen, and the ratings asked after intake and return."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMainWindow

from models.settings import load_settings

from .citizen_display import CitizenDisplay, install_call_shortcuts


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def add_citizen_menu(window: QMainWindow, officer, *, screens=None) -> CitizenDisplay:
    """The menu, the citizen screen (second screen or dialog) and their wiring to the intake;
    returns the CitizenDisplay (the window keeps it as ``citizen``)."""
    settings = load_settings()
    display = CitizenDisplay(officer, window, screens=screens,
                             agency=" – ".join(x for x in (settings.governing_body, settings.place) if x))
    window.citizen_kiosk = None
    menu = window.menuBar().addMenu(translate("CitizenMenu", "&Citizens"))
    kiosk = menu.addAction(translate("CitizenMenu", "Lookup screen (kiosk)…"))
    kiosk.setObjectName("open_kiosk")
    kiosk.setToolTip(translate("CitizenMenu", "A full-screen lookup for citizens; leaving it needs an officer's password"))

    def open_kiosk() -> None:
        from .kiosk_window import show_kiosk

        window.citizen_kiosk = show_kiosk(agency=display.agency)
    kiosk.triggered.connect(open_kiosk)
    menu.addSeparator()
    call_next = menu.addAction(translate("CitizenMenu", "Call the next citizen (F8)"))
    call_next.setObjectName("call_next")
    call_next.triggered.connect(display.call_next)
    call = menu.addAction(translate("CitizenMenu", "Call citizen number…"))

    def call_number() -> None:
        number, ok = QInputDialog.getInt(window, translate("CitizenMenu", "Call citizen number"),
                                         translate("CitizenMenu", "Number"), display.number + 1, 1, 99999)
        if ok:
            display.call(number)
    call.triggered.connect(call_number)
    for action in (call_next, call):
        action.setEnabled(display.window is not None)
        action.setToolTip(translate("CitizenMenu", "Shown on the citizen screen (a second screen)"))
    install_call_shortcuts(window, display)
    return display


__all__ = ["add_citizen_menu"]
