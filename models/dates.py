"""Reading dates back from the database, whichever form the driver returns them in."""
from __future__ import annotations

from datetime import date, datetime


def as_date(value) -> date:
    """A date from a date, a datetime, or ISO text (SQLite aggregates return text)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])
