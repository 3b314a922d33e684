"""Address entry: province → commune pickers (the 2025 units) plus a free-text line."""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QWidget

from models.text import fold

from .folded_combo import FoldedCombo


@lru_cache(maxsize=1)
def provinces() -> list[tuple[str, int]]:
    from vietnam_provinces import Province

    return sorted(((p.name, int(p.code)) for p in Province.iter_all()), key=lambda x: fold(x[0]))


@lru_cache(maxsize=64)
def communes(province_code: int) -> list[tuple[str, int]]:
    from vietnam_provinces import ProvinceCode, Ward

    return sorted(((w.name, int(w.code)) for w in Ward.iter_by_province(ProvinceCode(province_code))),
                  key=lambda x: fold(x[0]))


class AddressPicker(QWidget):
    """``text()`` is "<free text>, <commune>, <province>"; ``set_text`` puts a known address
    in the free-text line (older addresses name districts that no longer exist)."""

    changed = Signal()

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
        layout.addWidget(self.province, 0, 0)
        layout.addWidget(self.commune, 0, 1)
        layout.addWidget(self.detail, 1, 0, 1, 2)
        self._loaded = False
        self.province.chosen.connect(self._province_chosen)
        self.commune.chosen.connect(lambda _c: self.changed.emit())
        self.detail.textChanged.connect(lambda _t: self.changed.emit())

    def load(self) -> None:
        """Fill the province list (deferred so that start-up does not import the whole list)."""
        if not self._loaded:
            from .runner import Op

            self._loaded = True
            Op(self, provinces).success(self.province.set_items).run_in_background()

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
        self.clear()
        self.detail.setText(address or "")

    def clear(self) -> None:
        self.province.select_data(None)
        self.commune.set_items([])
        self.detail.clear()
