"""Date fields typed like the forms write them, read by models.dates (the app's one reader).

"13/2/2026", "13/02/2026", "2026-02-13", a time "09:30 13/02/2026" where one is asked for:
what the command line accepts, with the same messages ("not a date" told apart from "not a
real date", 31/02/1995). Unlike a QDateEdit, Tab leaves the field at once (it does not walk
the day, month and year), and an empty field means "any date" where that is allowed.
"""
from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit

from models.dates import COUNTER_YEARS, parse_date, parse_datetime
from models.errors import ValidationError

from .field_errors import FIELD_AT_FAULT
from .i18n import fmt_date, fmt_datetime


class DateField(QLineEdit):
    """``value()`` is a date, or None when empty; ``edited_value(date|None)`` after the
    officer finishes typing a valid date (Enter or leaving the field)."""

    edited_value = Signal(object)
    with_time = False

    def __init__(self, value: date | None = None, *, optional: bool = True, field: str = "date",
                 label: str = "Ngày", years: tuple[int, int] = COUNTER_YEARS, parent=None):
        super().__init__(parent)
        self.optional, self.field, self.label, self.years = optional, field, label, years
        self.setPlaceholderText(self.tr("dd/mm/yyyy hh:mm") if self.with_time else self.tr("dd/mm/yyyy"))
        self.setMaxLength(40)
        self._last_good: object = None
        if value is not None:
            self.set_value(value)
        self.editingFinished.connect(self._finished)
        self.textEdited.connect(lambda _t: self._mark(None))

    def _parse(self, text: str):
        if self.with_time:
            return parse_datetime(text, self.field, label=self.label, years=self.years)
        return parse_date(text, self.field, label=self.label, years=self.years)

    def value(self):
        """The date typed; None when empty and optional. Raises ValidationError otherwise."""
        text = self.text().strip()
        if not text:
            if self.optional:
                return None
            raise ValidationError({self.field: f"{self.label} không được để trống."})
        return self._parse(text)

    def error(self) -> str:
        """The message for what is typed now, "" when it reads well."""
        try:
            self.value()
        except ValidationError as exc:
            return next(iter(exc.errors.values()))
        return ""

    def set_value(self, value) -> None:
        if value is None:
            self.clear()
        elif self.with_time:
            moment = value if isinstance(value, datetime) else datetime.combine(value, time())
            self.setText(fmt_datetime(moment))
        else:
            self.setText(fmt_date(value))
        self._last_good = self._safe_value()
        self._mark(None)

    def _safe_value(self):
        try:
            return self.value()
        except ValidationError:
            return None

    def _finished(self) -> None:
        message = self.error()
        self._mark(message or None)
        if message:
            return
        value = self.value()
        if value != self._last_good:
            self._last_good = value
            self.edited_value.emit(value)

    def _mark(self, message: str | None) -> None:
        self.setStyleSheet(FIELD_AT_FAULT if message else "")
        self.setToolTip(message or "")


class DateTimeField(DateField):
    """The same, for a moment: "09:30 13/02/2026" or "13/02/2026 09:30"."""

    with_time = True

    def __init__(self, value: datetime | None = None, **kw):
        kw.setdefault("field", "at")
        kw.setdefault("label", "Thời điểm")
        super().__init__(value, **kw)
