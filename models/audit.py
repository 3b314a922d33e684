"""The audit log (nhật ký thao tác): one row per thing an account did or was refused."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from peewee import JOIN

from .tables import AuditLog, Officer


def now() -> datetime:
    """The counter's clock, to the second (the one place services read it)."""
    return datetime.now().replace(microsecond=0)


def audit(action: str, officer, entity: str = "", entity_id: str = "", details: dict | None = None,
          *, at: datetime | None = None) -> None:
    """One row; ``officer`` is the actor (None only for the system itself, e.g. a sign-in lock
    or the first account of a new database)."""
    AuditLog.create(
        at=at or now(), officer=officer, action=action, entity=entity, entity_id=str(entity_id),
        details=json.dumps(details or {}, ensure_ascii=False, default=str),
    )


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    actor: str  # user name, "" for the system
    actor_name: str
    action: str
    entity: str
    entity_id: str
    details: dict

    @property
    def refused(self) -> bool:
        return "refused" in self.details

    def to_dict(self) -> dict:
        return {"id": self.id, "at": self.at.isoformat(), "actor": self.actor,
                "actor_name": self.actor_name, "action": self.action, "entity": self.entity,
                "entity_id": self.entity_id, "refused": self.refused, "details": self.details}


def audit_log(*, by, date_from: date | None = None, date_to: date | None = None,
              officer: str = "", code: str = "", limit: int | None = None) -> list[AuditRow]:
    """The log, oldest first, for leaders and admins: a day range (inclusive), one actor's rows,
    or one dossier's (``code``)."""
    from .codes import normalise_dossier_code
    from .permissions import require
    from .text import clean

    require(by, "audit.read")
    query = (AuditLog.select(AuditLog, Officer.username, Officer.full_name)
             .join(Officer, JOIN.LEFT_OUTER, on=(AuditLog.officer == Officer.id)))
    if date_from:
        query = query.where(AuditLog.at >= datetime.combine(date_from, datetime.min.time()))
    if date_to:
        query = query.where(AuditLog.at < datetime.combine(date_to + timedelta(days=1), datetime.min.time()))
    if clean(officer):
        query = query.where(Officer.username == clean(officer).lower())
    if clean(code):
        query = query.where(AuditLog.entity_id == normalise_dossier_code(code))
    query = query.order_by(AuditLog.at, AuditLog.id)
    if limit:
        query = query.limit(limit)
    rows = []
    for r in query.objects():
        rows.append(AuditRow(r.id, r.at, r.username or "", r.full_name or "", r.action, r.entity,
                             r.entity_id, json.loads(r.details or "{}")))
    return rows
