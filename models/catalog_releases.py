"""Catalogs the province publishes by decision (danh mục TTHC công bố theo quyết định), applied
from their effective date.

A province package may carry the commune's whole catalog (the ``catalog export`` format, plus
``"decision"`` and ``"effective_from"``). It is stored as a release. A release whose date has
come is imported at once; one dated in the future is held in the ``catalog_release`` table and
imported by ``promote_due`` once its day comes — each command-line run and the desktop app's
start call it, the app again every few minutes, and the acceptance of an online dossier just
before it reads the catalog — so the first dossier of the effective day uses the new limits.

Nothing is recomputed behind the officer's back: dossiers already received keep the due dates
stored with them. The report names the open dossiers whose procedure changes, so that the
officer can decide (e.g. a new appointment with an apology).

A newer package's catalog supersedes an older package's release still waiting for a date on or
after its own; an older release due earlier still applies in between.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime

from .audit import audit
from .audit import now as clock
from .catalog import ImportReport, import_published, parse_entry
from .dates import parse_date
from .db import write_transaction
from .errors import ValidationError
from .province_state import CatalogRelease
from .statuses import PENDING, STATUS_NAMES
from .tables import Dossier, database
from .text import clean

# Changes that matter to a dossier already received (the rest are notes and sources).
MATTERS = ("name", "duration_value", "duration_unit", "same_day_cutoff", "fee", "documents", "active",
           "national_code")


@dataclass(frozen=True)
class CatalogDocument:
    decision: str
    effective_from: date
    entries: list[dict]


def parse_catalog_document(doc: object, where: str = "Danh mục") -> CatalogDocument:
    """A published catalog: ``{"decision", "effective_from", "procedures": [...]}`` checked whole."""
    if not isinstance(doc, dict):
        raise ValidationError({"catalog": f"{where}: phải là đối tượng JSON như tệp của lệnh catalog export."})
    errors: list[str] = []
    decision = clean(doc.get("decision"))
    if not decision:
        errors.append(f"{where}: thiếu “decision” (quyết định công bố danh mục).")
    effective = None
    try:
        effective = parse_date(doc.get("effective_from"), "effective_from", label="Ngày có hiệu lực")
    except ValidationError as exc:
        errors.append(f"{where}: {exc}")
    entries = doc.get("procedures")
    if not isinstance(entries, list) or not entries:
        errors.append(f"{where}: cần danh sách “procedures” có ít nhất một thủ tục.")
        entries = []
    seen: set[str] = set()
    for i, entry in enumerate(entries, start=1):
        label = f"{where}, mục {i}"
        if not isinstance(entry, dict):
            errors.append(f"{label}: không phải một thủ tục.")
            continue
        info = parse_entry(entry, label, errors)
        if info is not None:
            if info.code in seen:
                errors.append(f"{label}: mã thủ tục {info.code} bị trùng.")
            seen.add(info.code)
    if errors:
        raise ValidationError({"catalog": " ".join(errors[:10])
                               + (f" (và {len(errors) - 10} lỗi khác)" if len(errors) > 10 else "")})
    return CatalogDocument(decision, effective, entries)


@dataclass
class CatalogOutcome:
    """What a published catalog does at the counter."""

    decision: str
    effective_from: date
    applied: bool = False  # imported now (its date has come)
    added: list[str] = field(default_factory=list)
    updated: dict[str, list[str]] = field(default_factory=dict)
    unchanged: int = 0
    superseded: list[dict] = field(default_factory=list)  # {decision, effective_from}
    affected: list[dict] = field(default_factory=list)  # open dossiers whose procedure changes

    def to_dict(self) -> dict:
        return {"decision": self.decision, "effective_from": self.effective_from.isoformat(),
                "applied": self.applied, "added": self.added, "updated": self.updated,
                "unchanged": self.unchanged, "superseded": self.superseded, "affected": self.affected}

    def summary(self) -> dict:
        """Without dossier codes' details: for the province's acknowledgement."""
        return {"decision": self.decision, "effective_from": self.effective_from.isoformat(),
                "applied": self.applied, "added": len(self.added), "updated": len(self.updated),
                "affected_open_dossiers": len(self.affected)}


def _outcome(release: CatalogRelease, report: ImportReport, applied: bool) -> CatalogOutcome:
    outcome = CatalogOutcome(release.decision, _as_date(release.effective_from), applied,
                             list(report.added), dict(report.updated), report.unchanged)
    changed = sorted(c for c, fields in report.updated.items() if set(fields) & set(MATTERS))
    outcome.affected = open_dossiers_of(changed)
    return outcome


def _as_date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def open_dossiers_of(codes: list[str]) -> list[dict]:
    """Open dossiers (status 1, 2, 4, 5, 6) of these procedures, with the due date they keep."""
    if not codes:
        return []
    rows = (Dossier.select(Dossier.code, Dossier.procedure_code, Dossier.status, Dossier.due_at)
            .where(Dossier.procedure_code.in_(codes) & Dossier.status.in_(PENDING))
            .order_by(Dossier.procedure_code, Dossier.code))
    return [{"code": r.code, "procedure": r.procedure_code, "status": r.status,
             "status_name": STATUS_NAMES[r.status],
             "due_at": r.due_at.isoformat() if r.status != 1 else None} for r in rows]


def _pending():
    return CatalogRelease.applied_at.is_null() & CatalogRelease.superseded_at.is_null()


def schedule(doc: CatalogDocument, *, package_sequence: int | None, by=None,
             now: datetime | None = None) -> CatalogOutcome:
    """Store a published catalog; import it now if its date has come. Inside the package's
    write transaction (the import joins it)."""
    now = now or clock()
    entries = json.loads(json.dumps(doc.entries, ensure_ascii=False))
    preview = import_published(entries, dry_run=True)
    if preview.errors:
        raise ValidationError({"catalog": " ".join(preview.errors[:5])})
    superseded = []
    if package_sequence is not None:
        for row in CatalogRelease.select().where(
                _pending() & (CatalogRelease.effective_from >= doc.effective_from)
                & (CatalogRelease.package_sequence < package_sequence)):
            superseded.append({"decision": row.decision,
                               "effective_from": _as_date(row.effective_from).isoformat()})
            CatalogRelease.update(superseded_at=now).where(CatalogRelease.id == row.id).execute()
    release = CatalogRelease.create(package_sequence=package_sequence, decision=doc.decision,
                                    effective_from=doc.effective_from,
                                    entries=json.dumps(entries, ensure_ascii=False), received_at=now)
    if doc.effective_from <= now.date():
        outcome = _apply(release, by, now)
    else:
        outcome = _outcome(release, preview, applied=False)
    outcome.superseded = superseded
    return outcome


def _apply(release: CatalogRelease, by, now: datetime) -> CatalogOutcome:
    entries = json.loads(release.entries)
    report = import_published(entries, officer=by, at=now,
                              origin=f"{release.decision} (hiệu lực {_as_date(release.effective_from):%d/%m/%Y})")
    if report.errors:  # checked when scheduled; the catalog's rules changed since?
        raise ValidationError({"catalog": " ".join(report.errors[:5])})
    outcome = _outcome(release, report, applied=True)
    CatalogRelease.update(applied_at=now, report=json.dumps(outcome.to_dict(), ensure_ascii=False)) \
        .where(CatalogRelease.id == release.id).execute()
    return outcome


def promote_due(now: datetime | None = None, by=None) -> list[CatalogOutcome]:
    """Import every held catalog whose effective date has come (oldest date first).

    Runs at every start: a release that can no longer be imported (the catalog's checks
    changed since it was accepted) must not stop the counter. It is set aside, with the
    reason in its report and the audit log, and the others go on.
    """
    now = now or clock()
    due = _pending() & (CatalogRelease.effective_from <= now.date())
    if not CatalogRelease.select().where(due).exists():
        return []
    applied = []
    with write_transaction():
        for release in CatalogRelease.select().where(due).order_by(
                CatalogRelease.effective_from, CatalogRelease.package_sequence, CatalogRelease.id):
            try:
                with database.obj.atomic():
                    applied.append(_apply(release, by, now))
            except ValidationError as exc:
                CatalogRelease.update(superseded_at=now, report=json.dumps({"error": str(exc)}, ensure_ascii=False)) \
                    .where(CatalogRelease.id == release.id).execute()
                audit("catalog.release_failed", by, "catalog", release.decision, {"error": str(exc)}, at=now)
    return applied


@dataclass(frozen=True)
class HeldRelease:
    decision: str
    effective_from: date
    package_sequence: int | None
    procedures: int

    def to_dict(self) -> dict:
        return {"decision": self.decision, "effective_from": self.effective_from.isoformat(),
                "package_sequence": self.package_sequence, "procedures": self.procedures}


def held_releases() -> list[HeldRelease]:
    """Catalogs waiting for their effective date, soonest first (for the banner)."""
    return [HeldRelease(r.decision, _as_date(r.effective_from), r.package_sequence, len(json.loads(r.entries)))
            for r in CatalogRelease.select().where(_pending()).order_by(CatalogRelease.effective_from)]
