"""Address entry: province → commune pickers (the 2025 units) plus a free-text line.

An address from a chip ID card or the citizen's last dossier is read by
models.addresses.split_address (in the background): what matches a current unit fills the
pickers, the rest stays in the text line, and an address naming a unit that the 2025 merger
removed stays whole with a note asking for today's commune.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from models.addresses import AddressParts, communes, provinces, split_address

from .folded_combo import FoldedCombo
from .preload import PROVINCES
from .runner import Op

NOTE_STYLE = "color: #8a6d00;"


class AddressPicker(QWidget):
    """``text()`` is "<free text>, <commune>, <province>". ``edited()`` on any change by hand;
    ``split_done(parts)`` after ``set_text`` has been read against the current units."""

    changed = Signal()
    edited = Signal()
    split_done = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.detail = QLineEdit()
        self.detail.setPlaceholderText(self.tr("House number, street, hamlet…"))
        self.province = FoldedCombo()
        self.province.lineEdit().setPlaceholderText(self.tr("Province / city"))
        self.commune = FoldedCombo()
        self.commune.lineEdit().setPlaceholderText(self.tr("Commune / ward"))
        self.note = QLabel()
        self.note.setObjectName("address_note")
        self.note.setStyleSheet(NOTE_STYLE)
        self.note.setWordWrap(True)
        self.note.setMinimumWidth(1)
        self.note.hide()
        layout.addWidget(self.province, 0, 0)
        layout.addWidget(self.commune, 0, 1)
        layout.addWidget(self.detail, 1, 0, 1, 2)
        layout.addWidget(self.note, 2, 0, 1, 2)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(1, 1)
        self._loaded = False
        self._pending: AddressParts | None = None
        self._request = 0
        self.province.chosen.connect(self._province_chosen)
        self.commune.chosen.connect(lambda _c: self.changed.emit())
        self.detail.textChanged.connect(lambda _t: self.changed.emit())
        for signal in (self.province.lineEdit().textEdited, self.commune.lineEdit().textEdited,
                       self.detail.textEdited):
            signal.connect(lambda _t: self._edited_by_hand())

    def _edited_by_hand(self) -> None:
        self.note.hide()
        self.edited.emit()

    def load(self) -> None:
        """Fill the province list (deferred so that start-up does not import the whole list)."""
        if not self._loaded:
            self._loaded = True
            Op(self, provinces, needs=(PROVINCES,)).success(self._provinces_loaded).run_in_background()

    def _provinces_loaded(self, items) -> None:
        self.province.set_items(items)
        if self._pending is not None:
            parts, self._pending = self._pending, None
            self._apply(parts)

    def _province_chosen(self, code) -> None:
        self.commune.set_items(communes(code) if code is not None else [])
        self.changed.emit()

    def text(self) -> str:
        parts = [self.detail.text().strip()]
        if self.commune.currentIndex() >= 0:
            parts.append(self.commune.currentText())
        if self.province.currentIndex() >= 0:
            parts.append(self.province.currentText())
        return ", ".join(p for p in parts if p)

    def set_text(self, address: str) -> None:
        """Show a known address at once as text, then split it into the pickers."""
        self.clear()
        self.detail.setText(address or "")
        if not (address or "").strip():
            return
        self._request += 1
        request = self._request

        def split(parts: AddressParts) -> None:
            if request != self._request or self.detail.text() != (address or ""):
                return  # the officer typed meanwhile, or another address came
            if self.province.count():
                self._apply(parts)
            else:
                self._pending = parts
                self.load()
        Op(self, lambda: split_address(address), needs=(PROVINCES,)).success(split).run_in_background()

    def _apply(self, parts: AddressParts) -> None:
        if parts.province_code is not None:
            self.province.select_data(parts.province_code)
            self._province_chosen(parts.province_code)
            if parts.commune_code is not None:
                self.commune.select_data(parts.commune_code)
            self.detail.setText(parts.detail)
        if parts.outdated:
            self.note.setText(self.tr("“%1” is a unit from before the 2025 reorganisation: "
                                      "ask for today's province and commune.")
                              .replace("%1", parts.outdated))
            self.note.show()
        self.split_done.emit(parts)

    def clear(self) -> None:
        self._request += 1
        self._pending = None
        self.province.select_data(None)
        self.commune.set_items([])
        self.detail.clear()
        self.note.hide()
        self.note.clear()
