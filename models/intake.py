"""Intake (tiếp nhận hồ sơ): validate what the officer entered, then record it in one go.

One transaction allocates the code, writes the dossier, its documents, the first status event
(2 Được tiếp nhận), the initial due date, the audit row and the sync change. A rejected intake
raises before that transaction, so it leaves no row and uses no code.
"""
from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from .audit import audit, now as clock
from .catalog import SHOWN, ProcedureInfo, get_procedure, get_procedure_row
from .codes import allocate_code, next_in_sequence
from .dates import BIRTH_YEARS, parse_date, parse_datetime
from .db import write_transaction
from .document_names import document_name_ids
from .dossiers import DossierView, to_view
from .errors import MotCuaError, ValidationError
from .holidays_admin import load_calendar
from .identity import (
    normalise_address, normalise_email, normalise_name, normalise_phone, parse_id_number,
)
from .settings import require_settings
from .statuses import CHANNELS, RECEIVED, RESULT_DELIVERY
from .tables import (
    Applicant, Dossier, DossierDocument, DossierTail, DueDateChange, Officer, StatusEvent, SyncChange,
)
from .tails import reversed_tails
from .text import clean, fold

# A clock a few minutes off must not block the queue; a date in the future is a typing error.
FUTURE_TOLERANCE = timedelta(minutes=10)
MAX_DOCUMENTS = 100


@dataclass
class PersonInput:
    """Who is named on the receipt: the applicant (chủ hồ sơ) or their authorised person."""

    name: str = ""
    id_number: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    birth_date: date | None = None
    sex: str = ""
    kind: int = 1  # 1 citizen, 2 organisation
    authorisation: str = ""  # giấy tờ ủy quyền (authorised person only)

    @classmethod
    def from_dict(cls, data: dict | None) -> "PersonInput | None":
        if not data:
            return None
        birth = data.get("birth_date")
        if birth:
            birth = parse_date(birth, "birth_date", label="Ngày sinh", years=BIRTH_YEARS)
        return cls(
            name=data.get("name", ""), id_number=str(data.get("id_number", "") or ""),
            phone=str(data.get("phone", "") or ""), email=data.get("email", "") or "",
            address=data.get("address", "") or "", birth_date=birth or None,
            sex=data.get("sex", "") or "", kind=int(data.get("kind", 1) or 1),
            authorisation=data.get("authorisation", "") or "",
        )


@dataclass
class IntakeRequest:
    procedure: str
    applicant: PersonInput
    received_at: datetime | None = None
    authorised_person: PersonInput | None = None
    # Each {"name", "originals", "copies", "shown"?}; None: the procedure's required papers.
    documents: list[dict] | None = None
    channel: int = 1
    result_delivery: int = 0
    sets: int = 1
    fee: int | None = None  # None: the procedure's fee
    notes: str = ""

    @classmethod
    def from_dict(cls, data: dict) -> "IntakeRequest":
        if not isinstance(data, dict):
            raise ValidationError({"": "Dữ liệu tiếp nhận phải là một đối tượng JSON."})
        received = data.get("received_at")
        if received:
            received = parse_local_datetime(received, "received_at")
        documents = data.get("documents")
        if documents is not None:
            documents = [d if isinstance(d, dict) else {"name": str(d)} for d in documents]
        return cls(
            procedure=str(data.get("procedure", "") or ""),
            applicant=PersonInput.from_dict(data.get("applicant") or {}) or PersonInput(),
            received_at=received or None,
            authorised_person=PersonInput.from_dict(data.get("authorised_person")),
            documents=documents, channel=_small_int(data.get("channel", 1), "channel"),
            result_delivery=_small_int(data.get("result_delivery", 0), "result_delivery"),
            sets=_small_int(data.get("sets", 1), "sets"),
            fee=None if data.get("fee") is None else _small_int(data.get("fee"), "fee"),
            notes=data.get("notes", "") or "",
        )


def _small_int(value, name: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValidationError({name: f"Giá trị “{value}” phải là số nguyên."})


def parse_local_datetime(value, name: str = "at") -> datetime:
    """A moment typed on the command line or in intake JSON (see models.dates)."""
    return parse_datetime(value, name)


@dataclass
class CleanPerson:
    name: str
    id_number: str
    id_type: int
    phone: str
    email: str
    address: str
    birth_date: date | None
    sex: str
    kind: int
    authorisation: str = ""
    warnings: list[str] = field(default_factory=list)

    def as_json(self) -> str:
        return json.dumps({
            "name": self.name, "id_number": self.id_number, "phone": self.phone,
            "email": self.email, "address": self.address, "authorisation": self.authorisation,
        }, ensure_ascii=False)


def clean_person(person: PersonInput, prefix: str = "") -> CleanPerson:
    """Check every field of a person; all problems are reported together, keyed by field."""
    errors: dict[str, str] = {}
    values: dict = {}
    label = "Họ và tên người được ủy quyền" if prefix else "Họ và tên người nộp hồ sơ"
    if person.kind == 2:
        label = "Tên tổ chức"
    for key, check in (
        ("name", lambda: normalise_name(person.name, "name", label)),
        ("phone", lambda: normalise_phone(person.phone)),
        ("email", lambda: normalise_email(person.email)),
        ("address", lambda: normalise_address(person.address)),
    ):
        try:
            values[key] = check()
        except ValidationError as exc:
            errors[prefix + key] = next(iter(exc.errors.values()))
    id_number, id_type, warnings = "", 0, []
    if clean(person.id_number) or not prefix:
        try:
            parsed = parse_id_number(person.id_number, kind=person.kind,
                                     birth_date=person.birth_date, sex=person.sex)
            id_number, id_type, warnings = parsed.value, parsed.id_type, list(parsed.warnings)
        except ValidationError as exc:
            errors[prefix + "id_number"] = next(iter(exc.errors.values()))
    if person.kind not in (1, 2):
        errors[prefix + "kind"] = "Loại đối tượng chỉ có thể là 1 (cá nhân) hoặc 2 (tổ chức)."
    if errors:
        raise ValidationError(errors)
    return CleanPerson(values["name"], id_number, id_type, values["phone"], values["email"],
                       values["address"], person.birth_date, clean(person.sex), person.kind,
                       clean(person.authorisation), warnings)


@dataclass
class CheckedIntake:
    """An intake that passed every check: what will be written, and the warnings to show."""

    procedure: ProcedureInfo
    applicant: CleanPerson
    authorised: CleanPerson | None
    received_at: datetime
    due_at: datetime
    documents: list[tuple[str, int, int, bool]]  # name, originals, copies, shown (not handed in)
    request: IntakeRequest
    warnings: list[str]


def check_intake(request: IntakeRequest, *, now: datetime | None = None) -> CheckedIntake:
    """Validate without writing anything (the GUI calls this as the officer types)."""
    now = now or clock()
    errors: dict[str, str] = {}
    procedure = None
    if not clean(request.procedure):
        errors["procedure"] = "Chưa chọn thủ tục hành chính."
    else:
        try:
            procedure = get_procedure(request.procedure)
            if not procedure.active:
                errors["procedure"] = f"Thủ tục “{procedure.name}” đã ngừng áp dụng."
        except MotCuaError as exc:
            errors["procedure"] = str(exc)
    applicant = authorised = None
    try:
        applicant = clean_person(request.applicant)
    except ValidationError as exc:
        errors.update(exc.errors)
    if request.authorised_person is not None:
        try:
            authorised = clean_person(request.authorised_person, "authorised_")
        except ValidationError as exc:
            errors.update(exc.errors)
    received_at = (request.received_at or now).replace(microsecond=0)
    if received_at > now + FUTURE_TOLERANCE:
        errors["received_at"] = "Thời gian tiếp nhận không được ở tương lai."
    if request.channel not in CHANNELS:
        errors["channel"] = "Kênh nộp hồ sơ phải là 1 (trực tiếp), 2 (trực tuyến) hoặc 3 (bưu chính)."
    if request.result_delivery not in RESULT_DELIVERY:
        errors["result_delivery"] = "Nơi nhận kết quả phải là 0 (tại Bộ phận Một cửa) hoặc 1 (bưu chính)."
    if not 1 <= request.sets <= 99:
        errors["sets"] = "Số lượng hồ sơ (bộ) phải từ 1 đến 99."
    if request.fee is not None and request.fee < 0:
        errors["fee"] = "Lệ phí không được âm."
    documents = _documents(request, procedure, errors)
    if errors:
        raise ValidationError(errors)
    due_at = load_calendar().due_at(received_at, procedure.duration_value, procedure.duration_unit,
                                    procedure.cutoff_time)
    warnings = list(applicant.warnings) + (list(authorised.warnings) if authorised else [])
    return CheckedIntake(procedure, applicant, authorised, received_at, due_at, documents,
                         request, warnings)


def _documents(request: IntakeRequest, procedure: ProcedureInfo | None,
               errors: dict[str, str]) -> list[tuple[str, int, int, bool]]:
    """The papers received. Without a list, the procedure's required papers: a situational
    paper ("trường hợp trẻ bị bỏ rơi") or one only shown at the counter was not handed in."""
    if request.documents is None:
        if procedure is None:
            return []
        return [(d.name, d.originals, d.copies, False) for d in procedure.documents if d.required]
    if len(request.documents) > MAX_DOCUMENTS:
        errors["documents"] = f"Tối đa {MAX_DOCUMENTS} giấy tờ trong một hồ sơ."
        return []
    result = []
    for i, doc in enumerate(request.documents, start=1):
        name = clean(doc.get("name"))
        try:
            originals, copies = int(doc.get("originals", 1) or 0), int(doc.get("copies", 0) or 0)
        except (TypeError, ValueError):
            originals = copies = -1
        if not name:
            errors["documents"] = f"Giấy tờ thứ {i} chưa có tên."
        elif originals < 0 or copies < 0 or originals + copies == 0:
            errors["documents"] = f"Giấy tờ “{name}”: số bản chính/bản sao không hợp lệ."
        shown = doc.get("shown") is True or str(doc.get("kind") or "").strip().lower() == SHOWN
        result.append((name, originals, copies, shown))
    return result


def receive(request: IntakeRequest, officer: Officer, *, now: datetime | None = None) -> DossierView:
    """Record a dossier and return it with its code and due date."""
    now = now or clock()
    settings = require_settings()
    checked = check_intake(request, now=now)
    applicant, authorised = checked.applicant, checked.authorised
    with write_transaction():
        code = allocate_code(settings.agency_code, checked.received_at)
        register_number = _next_register_number(settings.agency_code, checked.received_at)
        person = _remember_applicant(applicant, now)
        row = Dossier.create(
            uid=uuid.uuid4().hex, code=code, agency_code=settings.agency_code,
            procedure=get_procedure_row(checked.procedure.code),
            procedure_code=checked.procedure.code, procedure_name=checked.procedure.name,
            duration_value=checked.procedure.duration_value,
            duration_unit=checked.procedure.duration_unit,
            applicant=person, applicant_kind=applicant.kind, applicant_name=applicant.name,
            applicant_name_folded=fold(applicant.name), applicant_id_number=applicant.id_number,
            applicant_phone=applicant.phone, applicant_email=applicant.email,
            applicant_address=applicant.address,
            authorised_person=authorised.as_json() if authorised else "",
            channel=request.channel, result_delivery=request.result_delivery, sets=request.sets,
            fee=checked.procedure.fee if request.fee is None else request.fee,
            notes=clean(request.notes), status=RECEIVED, received_at=checked.received_at,
            due_at=checked.due_at, officer=officer, register_volume=settings.register_volume,
            register_number=register_number, updated_at=now,
        )
        if checked.documents:
            name_ids = document_name_ids([n for n, _, _, _ in checked.documents])
            DossierDocument.insert_many([
                dict(dossier=row.id, position=i, document_name=name_ids[n], originals=o, copies=c,
                     shown=shown)
                for i, (n, o, c, shown) in enumerate(checked.documents, start=1)
            ]).execute()
        DossierTail.insert_many([dict(tail=t, dossier=row.id) for t in reversed_tails(
            code, applicant.id_number, applicant.phone)]).on_conflict_ignore().execute()
        event = StatusEvent.create(
            uid=uuid.uuid4().hex, dossier=row, action="receive", from_status=None,
            to_status=RECEIVED, at=checked.received_at, officer=officer,
        )
        DueDateChange.create(dossier=row, at=checked.received_at, kind="initial",
                             new_due_at=checked.due_at, officer=officer)
        SyncChange.create(dossier=row, event=event, at=now)
        audit("dossier.receive", officer, "dossier", code, at=now)
    return to_view(row, now=now, warnings=tuple(checked.warnings))


def _next_register_number(agency_code: str, received_at: datetime) -> int:
    """Số thứ tự in the register (Sổ theo dõi hồ sơ): counted per calendar year."""
    return next_in_sequence(agency_code, f"Y{received_at:%Y}")


def _remember_applicant(person: CleanPerson, now: datetime) -> Applicant | None:
    """Keep the latest details of a returning applicant, found by ID number."""
    if not person.id_number:
        return None
    values = dict(kind=person.kind, id_type=person.id_type, name=person.name,
                  phone=person.phone, email=person.email, address=person.address,
                  birth_date=person.birth_date, sex=person.sex, updated_at=now)
    row = Applicant.get_or_none(Applicant.id_number == person.id_number)
    if row is None:
        return Applicant.create(id_number=person.id_number, **values)
    for key, value in values.items():
        if value not in ("", None):
            setattr(row, key, value)
    row.save()
    return row


def find_applicant(id_number: str) -> dict | None:
    """A returning applicant's last known details, to fill the intake form."""
    value = "".join(ch for ch in id_number or "" if ch.isalnum() or ch == "-")
    row = Applicant.get_or_none(Applicant.id_number == value)
    if row is None:
        return None
    return {"name": row.name, "id_number": row.id_number, "phone": row.phone, "email": row.email,
            "address": row.address, "kind": row.kind, "sex": row.sex,
            "birth_date": row.birth_date.isoformat() if row.birth_date else None}


def preview_due(procedure_code: str, received_at: datetime) -> datetime:
    """The due time the receipt would show, for the live preview at the counter."""
    p = get_procedure(procedure_code)
    return load_calendar().due_at(received_at, p.duration_value, p.duration_unit, p.cutoff_time)
