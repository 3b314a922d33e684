"""What every command handler gets: parsed options, the acting officer, output helpers."""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from models.dates import parse_date
from models.errors import NotConfiguredError
from models.tables import Officer


def fmt_dt(value: datetime | None) -> str:
    """Dates on screen as Vietnamese write them: 09:30 13/02/2026."""
    return f"{value:%H:%M %d/%m/%Y}" if value else ""


def parse_day(text: str, field: str = "date") -> date:
    """A date as typed on the command line: 2026-11-23, or 23/11/2026 as officers write it."""
    return parse_date(text, field)


def _default(value: Any):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if hasattr(value, "to_dict"):
        return value.to_dict()
    raise TypeError(type(value).__name__)


@dataclass
class Context:
    args: Any
    signed_in: Officer | None = None  # None only for setup on a new database (cli.sign_in)

    @property
    def json(self) -> bool:
        return bool(getattr(self.args, "json", False))

    def officer(self) -> Officer:
        """The signed-in account the command acts as."""
        if self.signed_in is None:
            raise NotConfiguredError("Lệnh này cần đăng nhập (chưa có tài khoản nào).")
        return self.signed_in

    def emit(self, data: Any, text: str | list[str] = "") -> None:
        """Print JSON with --json, else the human text (or the JSON if there is none)."""
        if self.json or not text:
            json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=_default)
            sys.stdout.write("\n")
        else:
            print(text if isinstance(text, str) else "\n".join(text))
