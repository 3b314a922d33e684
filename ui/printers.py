"""The printers this PC can use, read again whenever the list is opened (a printer installed
while the app runs appears without a restart)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox

from .runner import PrintOp


def available_printers() -> list[str]:
    from printing.dispatch import list_printers

    return [p["name"] for p in list_printers()]


class PrinterCombo(QComboBox):
    """"System default printer" and the installed printers; the chosen name is ``currentData``.

    ``refreshed(names)`` after each reading of the system's list (in the background)."""

    refreshed = Signal(list)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._printers: list[str] = []
        self._fill("")

    def select(self, name: str) -> None:
        """Choose ``name`` ("" = the system default), kept even when it is not installed."""
        self._fill(name or "")

    def refresh(self) -> None:
        PrintOp(self, available_printers).success(self._set_printers).run_in_background()

    def showPopup(self) -> None:
        self.refresh()
        super().showPopup()

    def _set_printers(self, names: list[str]) -> None:
        self._printers = list(names)
        self._fill(self.currentData() or "")
        self.refreshed.emit(self._printers)

    def _fill(self, wanted: str) -> None:
        self.blockSignals(True)
        self.clear()
        self.addItem(QCoreApplication.translate("PrinterCombo", "System default printer"), "")
        for name in self._printers:
            self.addItem(name, name)
        if wanted and self.findData(wanted) < 0:
            self.addItem(QCoreApplication.translate("PrinterCombo", "%1 (not found)").replace("%1", wanted),
                         wanted)
        self.setCurrentIndex(max(0, self.findData(wanted)))
        self.blockSignals(False)
