"""Validation messages next to their fields (ValidationError.errors: field → Vietnamese text)."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

ERROR_STYLE = "color: #b00020;"


class FieldErrors:
    """Register each input under the service's field name; ``show`` puts messages under them."""

    def __init__(self, general: QLabel | None = None):
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self.general = general or QLabel()
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.setWordWrap(True)
        self.general.hide()

    def wrap(self, name: str, widget: QWidget, *aliases: str) -> QWidget:
        """A container holding ``widget`` and, under it, its (hidden) error line."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(widget)
        label = QLabel()
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.setObjectName(f"error_{name}")
        label.hide()
        layout.addWidget(label)
        for key in (name, *aliases):
            self._fields[key] = (widget, label)
        return box

    def clear(self) -> None:
        for widget, label in self._fields.values():
            label.clear()
            label.hide()
            widget.setStyleSheet("")
        self.general.clear()
        self.general.hide()

    def show(self, errors: dict[str, str]) -> QWidget | None:
        """Show every message; returns the first widget at fault (to put the cursor there)."""
        self.clear()
        first = None
        rest = []
        for name, message in errors.items():
            if name in self._fields:
                widget, label = self._fields[name]
                label.setText(message)
                label.show()
                widget.setStyleSheet("border: 1px solid #b00020;")
                first = first or widget
            else:
                rest.append(message)
        if rest:
            self.general.setText("\n".join(rest))
            self.general.show()
        return first

    def message(self, name: str) -> str:
        return self._fields[name][1].text() if name in self._fields else ""
