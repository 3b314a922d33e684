"""A label whose text is never cut: its font shrinks until the text fits the width, and a text
too long even then breaks after its first hyphen onto a second line.

For the dossier code shown large after F9: a code may be 48 characters (a 35-character
agency code); on two lines the day and sequence, which the officer reads aloud, stay large.
"""
from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel, QSizePolicy


class FitLabel(QLabel):
    def __init__(self, largest_pt: float = 22, smallest_pt: float = 10, parent=None):
        super().__init__(parent)
        self.largest, self.smallest = largest_pt, smallest_pt
        self._full = ""
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
        self.setMinimumWidth(1)
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(largest_pt)
        self.setFont(font)
        self.setFixedHeight(QFontMetrics(font).height() + 4)

    def text(self) -> str:  # the whole text, whatever the lines shown
        return self._full

    def setText(self, text: str) -> None:  # noqa: N802 (Qt API)
        self._full = text
        self._fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _lines(self) -> list[str]:
        head, hyphen, tail = self._full.partition("-")
        return [head + hyphen, tail] if hyphen and tail else [self._full]

    def _fit(self) -> None:
        width = self.contentsRect().width() - 2
        font = QFont(self.font())
        lines = [self._full]
        size = self.largest
        while True:
            font.setPointSizeF(size)
            widest = max(QFontMetrics(font).horizontalAdvance(line) for line in lines)
            if widest <= width:
                break
            if size > self.smallest:
                size -= 0.5
            elif len(lines) == 1 and len(self._lines()) == 2:
                lines, size = self._lines(), self.largest  # two lines, as large as they fit
            else:
                break
        if font.pointSizeF() != self.font().pointSizeF():
            self.setFont(font)
        self.setFixedHeight(QFontMetrics(font).lineSpacing() * len(lines) + 4)
        super().setText("\n".join(lines))

    def fits(self) -> bool:
        metrics = QFontMetrics(self.font())
        return all(metrics.horizontalAdvance(line) <= self.contentsRect().width()
                   for line in QLabel.text(self).split("\n"))
