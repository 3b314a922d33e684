"""Dossiers submitted online (hồ sơ trực tuyến, kênh 2) that a province package brings down.

A citizen submits on the national or provincial portal; the province puts the dossier (the
intake JSON, plus the portal's ``code`` and ``submitted_at``) in the commune's package. The
counter registers it in status 1 (Mới đăng ký), where it waits in the desk's "Hồ sơ trực tuyến"
queue until an officer checks the papers and accepts it (2 Được tiếp nhận: received at the
moment of acceptance, appointment computed then) or refuses it (3, with the refusal form).

The portal's code and the counter's code:
- The portal's code is always kept (``Dossier.portal_code``): it is the reference the citizen
  and the portal know; the day file reports it in the data (``DuLieu.portal_code``) of the step
  that received or refused the dossier, and ``show`` / ``search`` find the dossier by it as by
  the counter's code. (Day-file schema 1 has no dossier field for it; a later schema may.)
- The dossier's own code (``MaHoSo``, the receipt's barcode) is the portal's code itself when
  that code cannot collide with the counter's sequence: it has the national shape
  ``<agency code>-YYMMDD-NNNN`` with an agency part other than this counter's.
- Otherwise — the portal numbered it with this counter's own agency code, so the counter's
  sequence makes codes of exactly that shape and may already have issued (or will issue) the
  same one to a walk-in dossier, or the code is not in the national shape that ``MaHoSo``
  requires — the dossier gets the next code of the counter's own sequence when the package
  registers it, and the portal's code stays beside it.
"""
from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime

from peewee import IntegrityError

from .accounts import title_of
from .audit import audit
from .audit import now as clock
from .catalog import get_procedure, get_procedure_row
from .codes import allocate_code, is_dossier_code, normalise_dossier_code
from .dates import parse_datetime
from .db import write_transaction
from .document_names import document_name_ids
from .dossiers import DossierView, get_dossier_row, to_view, to_views
from .errors import MotCuaError, TransitionError, ValidationError
from .highwater import note_intake
from .holidays_admin import load_calendar
from .intake import (
    IntakeRequest,
    PersonInput,
    check_intake,
    clean_person,
    next_register_number,
    register_key,
    remember_applicant,
)
from .permissions import require
from .settings import require_settings
from .statuses import NEW, RECEIVED, STATUS_NAMES
from .tables import (
    Dossier,
    DossierDocument,
    DossierTail,
    DueDateChange,
    Officer,
    StatusEvent,
    SyncChange,
    database,
)
from .tails import reversed_tails
from .text import clean, fold

ONLINE_CHANNEL = 2
PORTAL_CODE = re.compile(r"^[0-9A-Z][0-9A-Z./_-]{2,63}$")


def needs_counter_code(portal_code: str, agency_code: str) -> bool:
    """True when the portal's code could collide with the counter's own sequence (module doc)."""
    if not is_dossier_code(portal_code):
        return True
    return portal_code.rsplit("-", 2)[0] == agency_code


@dataclass(frozen=True)
class Submission:
    """One online dossier as the province sends it."""

    portal_code: str
    submitted_at: datetime
    request: IntakeRequest


def parse_submission(item: object) -> Submission:
    """The intake JSON plus ``code`` and ``submitted_at``; ValidationError names what is wrong."""
    if not isinstance(item, dict):
        raise ValidationError({"": "Hồ sơ trực tuyến phải là một đối tượng JSON."})
    code = normalise_dossier_code(str(item.get("code") or ""))
    if not PORTAL_CODE.match(code):
        raise ValidationError({"code": "Mã hồ sơ trên Cổng thiếu hoặc không đúng dạng (chữ, số và . - _ /)."})
    submitted = parse_datetime(item.get("submitted_at"), "submitted_at", label="Thời điểm nộp trực tuyến")
    data = {k: v for k, v in item.items() if k not in ("code", "submitted_at", "received_at", "channel")}
    request = IntakeRequest.from_dict(data)
    request.channel = ONLINE_CHANNEL
    request.received_at = submitted
    return Submission(code, submitted, request)


@dataclass
class OnlineRegistration:
    """What a package's online dossiers did at the counter (codes only: it goes up in the ack)."""

    registered: list[dict] = field(default_factory=list)  # {portal_code, code}
    already: list[dict] = field(default_factory=list)  # {portal_code, code, status}
    rejected: list[dict] = field(default_factory=list)  # {portal_code, reason, fields}

    def to_dict(self) -> dict:
        return {"registered": self.registered, "already": self.already, "rejected": self.rejected}


def _reason(exc: MotCuaError) -> tuple[str, list[str]]:
    fields = sorted(k for k in getattr(exc, "errors", {}) if k)
    return str(exc), fields


def register_submissions(items: list, *, by: Officer, now: datetime,
                         package_sequence: int | None = None) -> OnlineRegistration:
    """Register each online dossier in status 1; one that fails the intake checks is rejected by
    name and the others go on. Call inside the package's write transaction."""
    result = OnlineRegistration()
    agency = require_settings().agency_code
    for index, item in enumerate(items, start=1):
        raw_code = normalise_dossier_code(str(item.get("code") or "")) if isinstance(item, dict) else ""
        try:
            submission = parse_submission(item)
            existing = Dossier.get_or_none(Dossier.portal_code == submission.portal_code)
            if existing is not None:
                result.already.append({"portal_code": submission.portal_code, "code": existing.code,
                                       "status": existing.status})
                continue
            with database.obj.atomic():  # a savepoint: a failed one leaves nothing behind
                code = _register(submission, agency, by, now, package_sequence)
            result.registered.append({"portal_code": submission.portal_code, "code": code})
        except MotCuaError as exc:
            reason, fields = _reason(exc)
            result.rejected.append({"portal_code": raw_code or f"#{index}", "reason": reason,
                                    "fields": fields})
    return result


def _register(s: Submission, agency: str, by: Officer, now: datetime, package_sequence: int | None) -> str:
    checked = check_intake(s.request, now=now)
    applicant, authorised, procedure = checked.applicant, checked.authorised, checked.procedure
    code = s.portal_code
    if needs_counter_code(code, agency) or Dossier.select().where(Dossier.code == code).exists():
        code = allocate_code(agency, now)
    try:
        row = Dossier.create(
            uid=uuid.uuid4().hex, code=code, agency_code=agency,
            procedure=get_procedure_row(procedure.code), procedure_code=procedure.code,
            procedure_name=procedure.name, duration_value=procedure.duration_value,
            duration_unit=procedure.duration_unit, applicant=None, applicant_kind=applicant.kind,
            applicant_name=applicant.name, applicant_name_folded=fold(applicant.name),
            applicant_id_number=applicant.id_number, applicant_phone=applicant.phone,
            applicant_email=applicant.email, applicant_address=applicant.address,
            authorised_person=authorised.as_json() if authorised else "",
            channel=ONLINE_CHANNEL, result_delivery=s.request.result_delivery, sets=s.request.sets,
            fee=procedure.fee if s.request.fee is None else s.request.fee, notes=clean(s.request.notes),
            status=NEW,
            # Until acceptance the reception moment is the submission on the portal, and the
            # appointment is not set yet (shown empty; reports leave status 1 out).
            received_at=s.submitted_at, due_at=s.submitted_at,
            officer=by, register_volume="", register_number=None, updated_at=now,
            portal_code=s.portal_code,
        )
    except IntegrityError:
        raise ValidationError({"code": "Mã hồ sơ trên Cổng trùng với một hồ sơ đã có."}) from None
    if checked.documents:
        name_ids = document_name_ids([n for n, _, _, _ in checked.documents])
        DossierDocument.insert_many([
            dict(dossier=row.id, position=i, document_name=name_ids[n], originals=o, copies=c, shown=shown)
            for i, (n, o, c, shown) in enumerate(checked.documents, start=1)]).execute()
    DossierTail.insert_many([dict(tail=t, dossier=row.id) for t in reversed_tails(
        row.code, applicant.id_number, applicant.phone)]).on_conflict_ignore().execute()
    # The history starts with the submission; no sync change: the province has it already.
    StatusEvent.create(uid=uuid.uuid4().hex, dossier=row, action="register", from_status=None,
                       to_status=NEW, at=s.submitted_at, officer=by, officer_title=title_of(by),
                       note=f"Nhận qua gói dữ liệu của tỉnh số {package_sequence}" if package_sequence else "",
                       data=json.dumps({"portal_code": s.portal_code, "package": package_sequence},
                                       ensure_ascii=False))
    audit("dossier.register_online", by, "dossier", row.code,
          {"portal_code": s.portal_code, "package": package_sequence}, at=now)
    return code


def waiting(*, now: datetime | None = None) -> list[DossierView]:
    """The online dossiers waiting to be accepted or refused, the oldest submission first."""
    rows = list(Dossier.select().where((Dossier.status == NEW) & (Dossier.channel == ONLINE_CHANNEL))
                .order_by(Dossier.received_at, Dossier.id))
    return to_views(rows, now=now)


def waiting_count() -> int:
    return Dossier.select().where((Dossier.status == NEW) & (Dossier.channel == ONLINE_CHANNEL)).count()


def _waiting_row(code: str) -> Dossier:
    """The waiting online dossier with this code or portal code, else the dossier the code names
    (a portal code may equal a walk-in dossier's code: the waiting one is meant here)."""
    wanted = normalise_dossier_code(code)
    waiting_one = Dossier.get_or_none(((Dossier.code == wanted) | (Dossier.portal_code == wanted))
                                      & (Dossier.status == NEW) & (Dossier.channel == ONLINE_CHANNEL))
    return waiting_one or get_dossier_row(code)


def accept(code: str, by: Officer, *, note: str = "", now: datetime | None = None) -> DossierView:
    """Accept an online dossier after checking its papers (tiếp nhận hồ sơ trực tuyến).

    It is received at this moment: the appointment is computed now from the catalog in force,
    and the register number is taken, as for a dossier received at the counter.
    """
    from .catalog_releases import promote_due
    from .office import counter_number
    from .workflow import take_version

    by = require(by, "dossier.accept", entity="dossier", entity_id=normalise_dossier_code(code))
    now = (now or clock()).replace(microsecond=0)
    promote_due(now)
    settings = require_settings()
    with write_transaction():
        row = _waiting_row(code)
        # Two counters accepting the same online dossier at once: the second is told, not
        # given a second register number (models.workflow's version check).
        take_version(row)
        if row.status != NEW or row.channel != ONLINE_CHANNEL:
            raise TransitionError(f"Hồ sơ {row.code} đang ở trạng thái “{STATUS_NAMES[row.status]}”, "
                                  "không phải hồ sơ trực tuyến chờ tiếp nhận.")
        procedure = get_procedure(row.procedure_code)
        if not procedure.active:
            raise ValidationError({"procedure": f"Thủ tục “{procedure.name}” đã ngừng áp dụng; "
                                                "hãy từ chối tiếp nhận hồ sơ này."})
        submitted = row.received_at
        due = load_calendar().due_at(now, procedure.duration_value, procedure.duration_unit,
                                     procedure.cutoff_time)
        person = remember_applicant(clean_person(PersonInput(
            name=row.applicant_name, id_number=row.applicant_id_number, phone=row.applicant_phone,
            email=row.applicant_email, address=row.applicant_address, kind=row.applicant_kind)), now)
        row.applicant = person
        row.status, row.received_at, row.due_at, row.officer = RECEIVED, now, due, by
        row.procedure_name, row.duration_value, row.duration_unit = \
            procedure.name, procedure.duration_value, procedure.duration_unit
        row.register_volume = settings.register_volume
        row.register_number = next_register_number(settings.agency_code, now)
        row.counter_no = counter_number()
        row.updated_at = now
        row.save()
        event = StatusEvent.create(
            uid=uuid.uuid4().hex, dossier=row, action="receive", from_status=NEW, to_status=RECEIVED,
            at=now, officer=by, note=clean(note), officer_title=title_of(by),
            data=json.dumps({"portal_code": row.portal_code, "submitted_at": submitted.isoformat(),
                             "channel": ONLINE_CHANNEL}, ensure_ascii=False))
        DueDateChange.create(dossier=row, at=now, kind="initial", new_due_at=due, officer=by)
        SyncChange.create(dossier=row, event=event, at=now)
        audit("dossier.accept", by, "dossier", row.code, {"portal_code": row.portal_code}, at=now)
    # The code is on the citizen's receipt from now on (models.highwater, as for an intake).
    note_intake(settings.agency_code, row.code, register_key(now), row.register_number, now)
    return to_view(row, now=now)
