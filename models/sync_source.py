"""What a day file is made from: the day's changes and the rows they touch, read in one
consistent snapshot (sync.records turns these plain rows into the portal's records).

Which changes belong to a day: the SyncChange rows whose ``at`` (the moment the change was
written, counter time) falls on that day.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from peewee import fn

from .attachment_tables import Attachment
from .citizen_tables import DossierFee, SatisfactionRating
from .db import is_postgres
from .sync_state import SyncVersionFloor
from .tables import (
    DocumentName,
    Dossier,
    DossierDocument,
    DueDateChange,
    Officer,
    Procedure,
    ProcedureDocument,
    StatusEvent,
    SyncChange,
    database,
)


@dataclass
class DayRows:
    """Plain rows (dicts keyed by column, FKs as ``*_id``; dates as the database returns them,
    text in SQLite) of everything one day's file needs."""

    day: date
    changes: list[tuple[int, int, int | None]] = field(default_factory=list)  # (seq, dossier, event)
    # with "procedure_field", "procedure_field_code", "procedure_national_code"
    dossiers: list[dict] = field(default_factory=list)
    documents: dict[int, list[dict]] = field(default_factory=lambda: defaultdict(list))
    events: dict[int, list[dict]] = field(default_factory=lambda: defaultdict(list))  # by time
    due_changes: dict[int, list[dict]] = field(default_factory=lambda: defaultdict(list))
    versions: dict[int, int] = field(default_factory=dict)  # dossier id → PhienBan
    officers: dict[int, tuple[str, str, str, str]] = field(default_factory=dict)  # username, name, roles, title
    fees: dict[int, dict] = field(default_factory=dict)  # dossier id → its DossierFee row
    ratings: dict[int, list[dict]] = field(default_factory=lambda: defaultdict(list))  # by time
    # dossier id → its current electronic copies (models.attachments), papers then the result
    copies: dict[int, list[dict]] = field(default_factory=lambda: defaultdict(list))
    # procedure id → its papers' codes by name (MaThanhPhanHoSo), its results' (name, code)
    paper_codes: dict[int, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    result_codes: dict[int, list[tuple[str, str]]] = field(default_factory=dict)


def day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time.min)
    return start, start + timedelta(days=1)


def _rows(query) -> list[dict]:
    """Raw rows as dicts keyed by column name, without peewee's conversions (fast)."""
    cursor = database.obj.execute(query)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _grouped(rows: list[dict], key: str) -> dict[int, list[dict]]:
    groups: dict[int, list[dict]] = defaultdict(list)
    for row in rows:
        groups[row[key]].append(row)
    return groups


def _snapshot_transaction():
    """A read transaction that sees one consistent state of the database.

    SQLite in WAL mode gives every read transaction a snapshot; PostgreSQL needs REPEATABLE
    READ for the same (its default re-reads committed data at every statement).
    """
    db = database.obj
    transaction = db.atomic()
    if is_postgres(db):
        class _Repeatable:
            def __enter__(self):
                transaction.__enter__()
                db.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")

            def __exit__(self, *exc):
                return transaction.__exit__(*exc)
        return _Repeatable()
    return transaction


def read_day_rows(day: date) -> DayRows:
    """Every change of ``day`` and the rows it needs, in one snapshot."""
    start, end = day_bounds(day)
    result = DayRows(day)
    with _snapshot_transaction():
        in_day = (SyncChange.at >= start) & (SyncChange.at < end)
        result.changes = list(SyncChange.select(SyncChange.seq, SyncChange.dossier, SyncChange.event)
                              .where(in_day).order_by(SyncChange.seq).tuples())
        if not result.changes:
            return result
        day_ids = SyncChange.select(SyncChange.dossier).where(in_day)
        result.dossiers = _rows(Dossier.select(Dossier, Procedure.field.alias("procedure_field"),
                                               Procedure.field_code.alias("procedure_field_code"),
                                               Procedure.national_code.alias("procedure_national_code"))
                                .join(Procedure).where(Dossier.id.in_(day_ids)))
        procedures = {d["procedure_id"] for d in result.dossiers}
        for procedure_id, name, code in (ProcedureDocument.select(
                ProcedureDocument.procedure, ProcedureDocument.name, ProcedureDocument.code)
                .where(ProcedureDocument.procedure.in_(procedures) & (ProcedureDocument.code != "")).tuples()):
            result.paper_codes[procedure_id][name] = code
        for procedure_id, results in (Procedure.select(Procedure.id, Procedure.results)
                                      .where(Procedure.id.in_(procedures) & (Procedure.results != "")).tuples()):
            result.result_codes[procedure_id] = [(r["name"], r.get("code", "")) for r in json.loads(results)]
        for dossier_id, position, name, originals, copies in database.obj.execute(
                DossierDocument.select(DossierDocument.dossier, DossierDocument.position,
                                       DocumentName.name, DossierDocument.originals,
                                       DossierDocument.copies)
                .join(DocumentName)
                # TaiLieuNop: the papers handed in; those only shown (xuất trình) stay behind.
                .where(DossierDocument.dossier.in_(day_ids) & (DossierDocument.shown == False))  # noqa: E712
                .order_by(DossierDocument.dossier, DossierDocument.position)):
            result.documents[dossier_id].append({"ThuTu": position, "TenTepDinhKem": name,
                                                 "SoBanChinh": originals, "SoBanSao": copies})
        result.events = _grouped(_rows(StatusEvent.select().where(StatusEvent.dossier.in_(day_ids))
                                       .order_by(StatusEvent.at, StatusEvent.id)), "dossier_id")
        result.due_changes = _grouped(_rows(DueDateChange.select()
                                            .where(DueDateChange.dossier.in_(day_ids))), "dossier_id")
        counts = dict(SyncChange.select(SyncChange.dossier, fn.COUNT(SyncChange.seq))
                      .where(SyncChange.dossier.in_(day_ids)).group_by(SyncChange.dossier).tuples())
        offsets = dict(SyncVersionFloor.select(Dossier.id, SyncVersionFloor.version_offset)
                       .join(Dossier, on=(Dossier.uid == SyncVersionFloor.dossier_uid))
                       .where(Dossier.id.in_(day_ids)).tuples())
        result.versions = {d: n + offsets.get(d, 0) for d, n in counts.items()}
        result.officers = {o.id: (o.username, o.full_name, o.roles, o.title) for o in Officer.select()}
        result.fees = {r["dossier_id"]: r for r in _rows(DossierFee.select()
                                                           .where(DossierFee.dossier.in_(day_ids)))}
        result.copies = _grouped(_rows(Attachment.select(
            Attachment.dossier, Attachment.kind, Attachment.paper, Attachment.name, Attachment.sha256,
            Attachment.pages, Attachment.bytes, Attachment.reused, Attachment.attached_at)
            .where(Attachment.dossier.in_(day_ids) & Attachment.replaced_by.is_null())
            .order_by(Attachment.kind, Attachment.paper, Attachment.id)), "dossier_id")
        result.ratings = _grouped(_rows(SatisfactionRating.select()
                                        .where(SatisfactionRating.dossier.in_(day_ids))
                                        .order_by(SatisfactionRating.at, SatisfactionRating.id)),
                                  "dossier_id")
    return result
