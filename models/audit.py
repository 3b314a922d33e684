"""The audit log: one row per thing an officer changed."""
from __future__ import annotations

import json
from datetime import datetime

from .tables import AuditLog


def now() -> datetime:
    """The counter's clock, to the second (the one place services read it)."""
    return datetime.now().replace(microsecond=0)


def audit(action: str, officer, entity: str = "", entity_id: str = "", details: dict | None = None,
          *, at: datetime | None = None) -> None:
    AuditLog.create(
        at=at or now(), officer=officer, action=action, entity=entity, entity_id=str(entity_id),
        details=json.dumps(details or {}, ensure_ascii=False, default=str),
    )
