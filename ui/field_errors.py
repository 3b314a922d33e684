"""Validation messages next to their fields (ValidationError.errors: field → Vietnamese text).

A message never widens its form: the error line wraps within the width the field already has
(it asks for no width of its own), so a long message grows the form downwards only. The
cursor goes to the first field at fault in the form's own order, not the service's; a field's
message goes away as soon as the officer changes that field.
"""
from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

ERROR_STYLE = "color: #b00020;"
FIELD_AT_FAULT = "border: 1px solid #b00020;"


ERROR_MIN_WIDTH = 160  # px: narrower than any field, so a message never widens its form


def error_label() -> QLabel:
    """A red, word-wrapped line that takes the width it is given and asks for no more.

    Its smallest width is not 1 px: a window's smallest height is reckoned at its smallest
    width, and a message wrapped one word a line would make a dialog grow past the screen.
    """
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    policy = QSizePolicy(QSizePolicy.Ignored, QSizePolicy.Minimum)
    policy.setHeightForWidth(True)
    label.setSizePolicy(policy)
    label.setMinimumWidth(ERROR_MIN_WIDTH)
    return label


class FieldErrors:
    """Register each input under the service's field name; ``show`` puts messages under them."""

    def __init__(self, general: QLabel | None = None):
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self._order: list[str] = []  # registration order: the form's order
        self.general = general or error_label()
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
        label = error_label()
        label.setObjectName(f"error_{name}")
        label.hide()
        layout.addWidget(label)
        for key in (name, *aliases):
            self._fields[key] = (widget, label)
            self._order.append(key)
        self._clear_when_edited(name, widget)
        return box

    def _clear_when_edited(self, name: str, widget: QWidget) -> None:
        signal = None
        if isinstance(widget, QLineEdit):
            signal = widget.textEdited
        elif isinstance(widget, QPlainTextEdit):
            signal = widget.textChanged
        elif isinstance(widget, QComboBox):
            signal = widget.currentIndexChanged
        elif isinstance(widget, QAbstractSpinBox):
            signal = getattr(widget, "valueChanged", None) or getattr(widget, "dateTimeChanged", None)
        elif isinstance(widget, (QAbstractButton, QGroupBox)):
            signal = widget.toggled
        elif hasattr(widget, "edited"):  # composite inputs (address, documents) say when they change
            signal = widget.edited
        if signal is not None:
            signal.connect(lambda *_args: self.clear_field(name))

    def clear_field(self, name: str) -> None:
        if name not in self._fields:
            return
        widget, label = self._fields[name]
        if label.isHidden() and not label.text():
            return
        label.clear()
        label.hide()
        widget.setStyleSheet("")

    def clear(self) -> None:
        for widget, label in self._fields.values():
            label.clear()
            label.hide()
            widget.setStyleSheet("")
        self.general.clear()
        self.general.hide()

    def show(self, errors: dict[str, str]) -> QWidget | None:
        """Show every message; returns the first field at fault in the form's order (to put
        the cursor there), or None when no message belongs to a field."""
        self.clear()
        rest = []
        for name, message in errors.items():
            if name in self._fields:
                widget, label = self._fields[name]
                label.setText(message)
                label.show()
                widget.setStyleSheet(FIELD_AT_FAULT)
            else:
                rest.append(message)
        if rest:
            self.general.setText("\n".join(rest))
            self.general.show()
        first = next((name for name in self._order if name in errors), None)
        return self._fields[first][0] if first else None

    def message(self, name: str) -> str:
        return self._fields[name][1].text() if name in self._fields else ""
