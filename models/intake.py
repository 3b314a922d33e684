"""Intake (tiếp nhận hồ sơ): validate what the officer entered, then record it in one go.

One transaction allocates the code, writes the dossier, its documents, the first status event
(2 Được tiếp nhận), the initial due date, the audit row and the sync change. A rejected intake
raises before that transaction, so it leaves no row and uses no code.
"""
from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from .accounts import title_of
from .audit import audit
from .audit import now as clock
from .catalog import SHOWN, ProcedureInfo, get_procedure, get_procedure_row
from .codes import allocate_code, next_in_sequence
from .dates import BIRTH_YEARS, parse_date, parse_datetime
from .db import write_transaction
from .document_names import document_name_ids
from .dossiers import DossierView, to_view
from .errors import MotCuaError, ValidationError
from .fee_service import intake_quote, store_fee
from .fees import FeeBasis, FeeQuote
from .highwater import note_intake
from .holidays_admin import load_calendar
from .identity import (
    normalise_address,
    normalise_email,
    normalise_name,
    normalise_phone,
    parse_id_number,
)
from .lateness import AFTER, FUTURE_TOLERANCE
from .limits import (
    AUTHORISATION_MAX,
    COPIES_MAX,
    DOCUMENT_NAME_MAX,
    FEE_MAX,
    MAX_DOCUMENTS,
    NOTES_MAX,
    SETS_MAX,
    SETS_MIN,
)
from .office import counter_number
from .permissions import require
from .settings import require_settings
from .statuses import CHANNELS, RECEIVED, RESULT_DELIVERY
from .tables import (
    Applicant,
    Dossier,
    DossierDocument,
    DossierTail,
    DueDateChange,
    Officer,
    StatusEvent,
    SyncChange,
)
from .tails import reversed_tails
from .text import checked_text, clean, fold


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
    def from_dict(cls, data: object, prefix: str = "") -> PersonInput | None:
        """From intake JSON; ValidationError (keyed ``prefix + field``) for a value of the
        wrong kind, so that no shape of input ends in anything but a message."""
        if data is None or data == {} or data == "":
            return None
        if not isinstance(data, dict):
            raise ValidationError({prefix.rstrip("_") or "applicant":
                                   "Thông tin người nộp phải là một đối tượng JSON."})
        birth = data.get("birth_date")
        if birth not in (None, ""):
            birth = parse_date(_text_value(birth, prefix + "birth_date"), prefix + "birth_date",
                               label="Ngày sinh", years=BIRTH_YEARS)
        return cls(
            name=_text_value(data.get("name"), prefix + "name"),
            id_number=_text_value(data.get("id_number"), prefix + "id_number"),
            phone=_text_value(data.get("phone"), prefix + "phone"),
            email=_text_value(data.get("email"), prefix + "email"),
            address=_text_value(data.get("address"), prefix + "address"),
            birth_date=birth or None, sex=_text_value(data.get("sex"), prefix + "sex"),
            kind=_whole(data.get("kind", 1), prefix + "kind", "Loại đối tượng", default=1),
            authorisation=_text_value(data.get("authorisation"), prefix + "authorisation"),
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
    fee: int | None = None  # None: computed from the procedure's fee rule (models.fees)
    notes: str = ""
    fee_basis: FeeBasis | None = None  # pages, copies, exemption: what the fee is computed from

    @classmethod
    def from_dict(cls, data: object) -> IntakeRequest:
        """From intake JSON of any shape: a request, or ValidationError naming the fields."""
        if not isinstance(data, dict):
            raise ValidationError({"": "Dữ liệu tiếp nhận phải là một đối tượng JSON."})
        errors: dict[str, str] = {}

        def take(read):
            try:
                return read()
            except ValidationError as exc:
                errors.update(exc.errors)
                return None
        received = data.get("received_at")
        received = take(lambda: parse_local_datetime(_text_value(received, "received_at"), "received_at")
                        if received not in (None, "") else None)
        fee = data.get("fee")
        whole = {name: take(lambda n=name, label=label, default=default:
                            _whole(data.get(n, default), n, label, default=default))
                 for name, label, default in (("channel", "Kênh nộp hồ sơ", 1),
                                              ("result_delivery", "Nơi nhận kết quả", 0),
                                              ("sets", "Số bộ hồ sơ", 1))}
        request = cls(
            procedure=take(lambda: _text_value(data.get("procedure"), "procedure")) or "",
            applicant=take(lambda: PersonInput.from_dict(data.get("applicant"))) or PersonInput(),
            received_at=received,
            authorised_person=take(lambda: PersonInput.from_dict(data.get("authorised_person"),
                                                                 "authorised_")),
            documents=take(lambda: _documents_value(data.get("documents"))),
            channel=whole["channel"], result_delivery=whole["result_delivery"], sets=whole["sets"],
            fee=None if fee is None else take(lambda: _whole(fee, "fee", "Lệ phí", default=0)),
            notes=take(lambda: _text_value(data.get("notes"), "notes")) or "",
            fee_basis=take(lambda: FeeBasis.from_dict(data.get("fee_basis"))),
        )
        if errors:
            raise ValidationError(errors)
        return request


_LABELS = {"procedure": "Mã thủ tục", "name": "Họ và tên", "id_number": "Số định danh",
           "phone": "Số điện thoại", "email": "Email", "address": "Địa chỉ", "birth_date": "Ngày sinh",
           "sex": "Giới tính", "authorisation": "Giấy tờ ủy quyền", "notes": "Ghi chú",
           "received_at": "Thời gian tiếp nhận", "documents": "Tên giấy tờ"}


def _text_value(value: object, field: str) -> str:
    """A text field of intake JSON: a string (a whole number is taken as its digits)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 10**18:
        return str(value)
    name = field.removeprefix("authorised_")
    who = " (người được ủy quyền)" if field != name else ""
    raise ValidationError({field: f"{_LABELS.get(name, name)}{who} phải là văn bản (chuỗi ký tự)."})


_WHOLE = re.compile(r"^-?[0-9]{1,18}$")


def _whole(value: object, field: str, label: str, *, default: int) -> int:
    """A whole number of intake JSON: an integer, or its ASCII digits as text."""
    if value is None or value == "":
        return default
    if isinstance(value, int) and not isinstance(value, bool):
        if abs(value) >= 10**18:
            raise ValidationError({field: f"{label}: số quá lớn."})
        return value
    if isinstance(value, str) and _WHOLE.match(value.strip()):
        return int(value.strip())
    raise ValidationError({field: f"{label} phải là số nguyên."})


def _documents_value(value: object) -> list[dict] | None:
    if value is None:
        return None
    if not isinstance(value, list):
        raise ValidationError({"documents": "Danh sách giấy tờ phải là một mảng JSON."})
    if len(value) > MAX_DOCUMENTS:
        raise ValidationError({"documents": f"Tối đa {MAX_DOCUMENTS} giấy tờ trong một hồ sơ."})
    documents = []
    for i, item in enumerate(value, start=1):
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, dict):
            raise ValidationError({"documents": f"Giấy tờ thứ {i} phải là tên giấy tờ hoặc một đối tượng JSON."})
        documents.append({
            "name": _text_value(item.get("name"), "documents"),
            "originals": _whole(item.get("originals", 1), "documents", f"Số bản chính của giấy tờ thứ {i}",
                                default=0),
            "copies": _whole(item.get("copies", 0), "documents", f"Số bản sao của giấy tờ thứ {i}",
                             default=0),
            # xuất trình: shown at the counter, not handed in (the receipt lists it apart)
            "shown": _shown(item.get("shown", False), i),
        })
    return documents


def _shown(value: object, i: int) -> bool:
    if not isinstance(value, bool):
        raise ValidationError({"documents": f"“shown” của giấy tờ thứ {i} phải là true hoặc false."})
    return value


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
    for key, label, limit in (("sex", "Giới tính", 10),
                              ("authorisation", "Giấy tờ ủy quyền", AUTHORISATION_MAX)):
        try:
            values[key] = checked_text(getattr(person, key), prefix + key, label, limit)
        except ValidationError as exc:
            errors.update(exc.errors)
    if errors:
        raise ValidationError(errors)
    return CleanPerson(values["name"], id_number, id_type, values["phone"], values["email"],
                       values["address"], person.birth_date, values["sex"], person.kind,
                       values["authorisation"], warnings)


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
    fee: FeeQuote | None = None
    notes: str = ""


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
    try:
        parse_datetime(received_at, "received_at", label="Thời gian tiếp nhận")
    except ValidationError as exc:
        errors.update(exc.errors)
    if received_at > now + FUTURE_TOLERANCE:
        errors["received_at"] = "Thời gian tiếp nhận không được ở tương lai."
    if request.channel not in CHANNELS:
        errors["channel"] = "Kênh nộp hồ sơ phải là 1 (trực tiếp), 2 (trực tuyến) hoặc 3 (bưu chính)."
    if request.result_delivery not in RESULT_DELIVERY:
        errors["result_delivery"] = "Nơi nhận kết quả phải là 0 (tại Bộ phận Một cửa) hoặc 1 (bưu chính)."
    if not SETS_MIN <= request.sets <= SETS_MAX:
        errors["sets"] = f"Số lượng hồ sơ (bộ) phải từ {SETS_MIN} đến {SETS_MAX}."
    if request.fee is not None and request.fee < 0:
        errors["fee"] = "Lệ phí không được âm."
    elif request.fee is not None and request.fee > FEE_MAX:
        errors["fee"] = f"Lệ phí quá lớn (tối đa {FEE_MAX:,} đồng).".replace(",", ".")
    try:
        notes = checked_text(request.notes, "notes", "Ghi chú", NOTES_MAX)
    except ValidationError as exc:
        errors.update(exc.errors)
        notes = ""
    documents = _documents(request, procedure, errors)
    fee = None
    if procedure is not None:
        try:
            fee = intake_quote(procedure.effective_fee_rule, procedure.fee, basis=request.fee_basis,
                               entered=request.fee, channel=request.channel)
        except ValidationError as exc:
            errors.update(exc.errors)
    if errors:
        raise ValidationError(errors)
    due_at = load_calendar().due_at(received_at, procedure.duration_value, procedure.duration_unit,
                                    procedure.cutoff_time)
    warnings = list(applicant.warnings) + (list(authorised.warnings) if authorised else [])
    return CheckedIntake(procedure, applicant, authorised, received_at, due_at, documents,
                         request, warnings, fee, notes)


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
        try:
            name = checked_text(doc.get("name"), "documents", f"Tên giấy tờ thứ {i}", DOCUMENT_NAME_MAX,
                                required=True)
        except ValidationError as exc:
            errors.update(exc.errors)
            continue
        originals, copies = doc.get("originals", 1), doc.get("copies", 0)
        if not all(isinstance(n, int) and not isinstance(n, bool) and 0 <= n <= COPIES_MAX
                   for n in (originals, copies)) or originals + copies == 0:
            errors["documents"] = (f"Giấy tờ “{name}”: số bản chính/bản sao không hợp lệ "
                                   f"(từ 0 đến {COPIES_MAX}, ít nhất một bản).")
            continue
        shown = doc.get("shown") is True or str(doc.get("kind") or "").strip().lower() == SHOWN
        result.append((name, originals, copies, shown))
    return in_receipt_order(result)


def in_receipt_order(documents: list[tuple[str, int, int, bool]]) -> list[tuple[str, int, int, bool]]:
    """The papers as the receipt numbers them: those handed in first, then those only shown
    (xuất trình), each in the order given. A paper's stored position is so its number on the
    receipt, the one ``attach --paper N``, the copies list and the day file's ThuTu use."""
    return [d for d in documents if not d[3]] + [d for d in documents if d[3]]


def receive(request: IntakeRequest, officer: Officer, *, now: datetime | None = None) -> DossierView:
    """Record a dossier and return it with its code and due date.

    ``received_at`` may be earlier than now (a paper dossier typed in later): that only makes
    the dossier later, so an officer may do it; the history keeps the real moment of entry, and
    a dossier entered after its appointment had passed counts late from that appointment.
    """
    now = (now or clock()).replace(microsecond=0)
    officer = require(officer, "dossier.receive", entity="dossier")
    settings = require_settings()
    checked = check_intake(request, now=now)
    applicant, authorised = checked.applicant, checked.authorised
    with write_transaction():
        code = allocate_code(settings.agency_code, checked.received_at)
        register_number = next_register_number(settings.agency_code, checked.received_at)
        person = remember_applicant(applicant, now)
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
            fee=checked.fee.amount,
            notes=checked.notes, status=RECEIVED, received_at=checked.received_at,
            due_at=checked.due_at, officer=officer, register_volume=settings.register_volume,
            register_number=register_number, updated_at=now, counter_no=counter_number(),
            late_from=checked.due_at + AFTER if now > checked.due_at else None,
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
            to_status=RECEIVED, at=checked.received_at, officer=officer, recorded_at=now,
            officer_title=title_of(officer),
        )
        DueDateChange.create(dossier=row, at=checked.received_at, kind="initial",
                             new_due_at=checked.due_at, officer=officer)
        store_fee(row, checked.fee)
        SyncChange.create(dossier=row, event=event, at=now)
        audit("dossier.receive", officer, "dossier", code, at=now)
    # After the commit: the code is on the citizen's receipt from now on, whatever happens to
    # the database (models.highwater).
    note_intake(settings.agency_code, code, register_key(checked.received_at), register_number, now)
    return to_view(row, now=now, warnings=tuple(checked.warnings))


def register_key(received_at: datetime) -> str:
    return f"Y{received_at:%Y}"


def next_register_number(agency_code: str, received_at: datetime) -> int:
    """Số thứ tự in the register (Sổ theo dõi hồ sơ): counted per calendar year."""
    return next_in_sequence(agency_code, register_key(received_at))


def remember_applicant(person: CleanPerson, now: datetime) -> Applicant | None:
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
