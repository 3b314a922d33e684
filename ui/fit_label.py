"""A one-line label whose text is never cut: its font shrinks until the text fits the width.

For the dossier code shown large after F9: a code may be 48 characters (a 35-character
agency code), and the officer reads its tail aloud to the citizen.
"""
from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel, QSizePolicy


class FitLabel(QLabel):
    def __init__(self, largest_pt: float = 22, smallest_pt: float = 9, parent=None):
        super().__init__(parent)
        self.largest, self.smallest = largest_pt, smallest_pt
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
        self.setMinimumWidth(1)
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(largest_pt)
        self.setFont(font)
        self.setFixedHeight(QFontMetrics(font).height() + 4)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt API)
        super().setText(text)
        self._fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        width = self.contentsRect().width() - 2
        font = QFont(self.font())
        size = self.largest
        font.setPointSizeF(size)
        while size > self.smallest and QFontMetrics(font).horizontalAdvance(self.text()) > width:
            size -= 0.5
            font.setPointSizeF(size)
        if font.pointSizeF() != self.font().pointSizeF():
            self.setFont(font)

    def fits(self) -> bool:
        return QFontMetrics(self.font()).horizontalAdvance(self.text()) <= self.contentsRect().width()
