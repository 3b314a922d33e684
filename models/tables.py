"""The peewee tables (storage). Only services in models/ touch these.

All datetimes are naive local time of the counter (Asia/Ho_Chi_Minh): the law and the forms
speak in the counter's wall-clock time, and the sync export adds the zone where it is needed.
"""
from __future__ import annotations

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    CompositeKey,
    DatabaseProxy,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    SmallIntegerField,
    TextField,
)

database = DatabaseProxy()


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class Meta(BaseModel):
    """Key/value facts about the database itself (schema version)."""

    key = CharField(primary_key=True)
    value = TextField()


class Setting(BaseModel):
    """Agency settings (cài đặt cơ quan) as JSON values, so adding one needs no migration."""

    key = CharField(primary_key=True)
    value = TextField()


class Officer(BaseModel):
    """A counter officer (công chức tiếp nhận), a leader or an admin."""

    id = AutoField()
    username = CharField(unique=True)
    full_name = CharField()
    password_hash = CharField(default="")
    # The roles held, comma-separated in models.permissions.ROLES order ("officer,leader").
    roles = CharField(default="officer")
    active = BooleanField(default=True)
    created_at = DateTimeField()
    # Chức danh (migration 10), e.g. "Công chức Tư pháp - Hộ tịch": ChucDanh in the day file.
    title = CharField(default="")


class SignInAttempts(BaseModel):
    """Consecutive failed sign-ins per user name typed, known or not (throttling).

    Kept in the database so that restarting the program does not reset it; an unknown name
    gets a row too, so that it answers exactly like a known one.
    """

    username = CharField(primary_key=True)
    failures = IntegerField(default=0)
    last_failure_at = DateTimeField(null=True)
    locked_until = DateTimeField(null=True)


class Procedure(BaseModel):
    """An administrative procedure (thủ tục hành chính, TTHC) from the catalog."""

    id = AutoField()
    code = CharField(unique=True)
    name = TextField()
    name_folded = TextField(default="")
    field = CharField(default="")  # lĩnh vực
    level = CharField(default="xã")
    duration_value = IntegerField()
    duration_unit = CharField()  # working_days | calendar_days | working_hours | same_day | immediate
    same_day_cutoff = CharField(null=True)  # "15:00"
    fee = IntegerField(default=0)
    fee_note = TextField(default="")
    fee_rule = TextField(default="")  # JSON models.fees.FeeRule; "" = the flat fee per dossier
    source = TextField(default="")
    confirmed = BooleanField(default=False)
    note = TextField(default="")
    active = BooleanField(default=True)
    updated_at = DateTimeField()
    # MaTTHC when this entry is one part of a national procedure split in two (e.g. 1.004859:
    # thay đổi/cải chính 3 working days, bổ sung the same day); "" means the code itself.
    national_code = CharField(default="")
    # MaLinhVuc (migration 10): the field's code as the province's catalog gives it ("" until
    # an admin or a province package sets it; no public list of the national codes exists).
    field_code = CharField(default="")
    # The procedure's results (kết quả xử lý) as JSON [{"name", "code"}] (migration 10); the
    # code is MaGiayToKetQua in the day file. "" = none listed.
    results = TextField(default="")


class ProcedureDocument(BaseModel):
    """A paper in the procedure's list (thành phần hồ sơ).

    ``kind`` (migration 3): "required" (always handed in), "situational" (handed in only in
    the case its name states) or "shown" (xuất trình: shown at the counter, not handed in).
    """

    id = AutoField()
    procedure = ForeignKeyField(Procedure, backref="documents", on_delete="CASCADE")
    position = SmallIntegerField()
    name = TextField()
    originals = SmallIntegerField(default=1)
    copies = SmallIntegerField(default=0)
    kind = CharField(default="required")
    code = CharField(default="")  # MaThanhPhanHoSo (migration 10): the component's catalog code


class Applicant(BaseModel):
    """A citizen or organisation that has applied (chủ hồ sơ); found again by ID number."""

    id = AutoField()
    kind = SmallIntegerField(default=1)  # LoaiDoiTuong: 1 citizen, 2 organisation
    id_type = SmallIntegerField(default=1)  # 1 = 12-digit, 2 = 9-digit CMND, 3 = organisation code
    id_number = CharField(unique=True, null=True)
    name = CharField()
    birth_date = DateField(null=True)
    sex = CharField(default="")
    phone = CharField(default="")
    email = CharField(default="")
    address = TextField(default="")
    updated_at = DateTimeField()


class Dossier(BaseModel):
    """A dossier (hồ sơ): one application for one procedure.

    Applicant fields are copied at intake: the receipt and the register must show what the
    citizen gave that day even if their record changes later.
    """

    id = AutoField()
    uid = CharField(unique=True)  # stable id for sync, besides the code
    code = CharField(unique=True)  # mã hồ sơ
    agency_code = CharField()
    procedure = ForeignKeyField(Procedure, backref="dossiers", on_delete="RESTRICT")
    procedure_code = CharField()
    procedure_name = TextField()
    duration_value = IntegerField()
    duration_unit = CharField()
    applicant = ForeignKeyField(Applicant, null=True, backref="dossiers", on_delete="SET NULL")
    applicant_kind = SmallIntegerField(default=1)
    applicant_name = CharField()
    applicant_name_folded = CharField()
    applicant_id_number = CharField(default="", index=True)
    applicant_phone = CharField(default="", index=True)
    applicant_email = CharField(default="")
    applicant_address = TextField(default="")
    authorised_person = TextField(default="")  # JSON, empty when the applicant came in person
    channel = SmallIntegerField(default=1)  # KenhThucHien: 1 trực tiếp, 2 trực tuyến, 3 bưu chính
    result_delivery = SmallIntegerField(default=0)  # HinhThuc: 0 at the counter, 1 by post
    sets = SmallIntegerField(default=1)
    fee = IntegerField(default=0)
    notes = TextField(default="")
    status = SmallIntegerField()
    # Indexed (with the report's columns) by dossier_report_scan, migration 2.
    received_at = DateTimeField()
    due_at = DateTimeField()
    paused_at = DateTimeField(null=True)  # set while a supplement request is outstanding
    finished_at = DateTimeField(null=True)
    returned_at = DateTimeField(null=True)
    returned_to = CharField(default="")
    processing_unit = CharField(default="")
    officer = ForeignKeyField(Officer, backref="dossiers", on_delete="RESTRICT", index=False)
    # The moment from which the dossier counts late whatever happens next (DOMAIN §7: a new
    # appointment after the due moment, a second supplement request, a record entered after
    # the due moment); None while no such thing happened. See models.lateness.
    late_from = DateTimeField(null=True)
    register_volume = CharField(default="")
    register_number = IntegerField(null=True)
    receipt_printed = BooleanField(default=False)
    updated_at = DateTimeField()
    # The code the national or provincial portal gave a dossier submitted online (channel 2);
    # models.online explains how it relates to ``code``.
    portal_code = CharField(null=True, index=True)
    # The counter (quầy số) that received it, 0 when the machine has no number (migration 6).
    counter_no = IntegerField(default=0)
    # Raised by every workflow step: two counters acting on one dossier at once cannot both
    # win (models.workflow, migration 6).
    version = IntegerField(default=0)

    class Meta:
        # Late / due-soon lists walk open statuses by due date.
        indexes = ((("status", "due_at"), False),)


class DocumentName(BaseModel):
    """Each distinct paper name, stored once.

    A million dossiers carry a few hundred distinct paper names, each over a hundred
    characters: referring to them by id keeps the database about 400 bytes a dossier smaller.
    """

    id = AutoField()
    name = TextField(unique=True)


class DossierDocument(BaseModel):
    """A paper received with a dossier (its name is kept in DocumentName)."""

    dossier = ForeignKeyField(Dossier, backref="documents", on_delete="CASCADE", index=False)
    position = SmallIntegerField()
    document_name = ForeignKeyField(DocumentName, on_delete="RESTRICT", index=False)
    originals = SmallIntegerField(default=1)
    copies = SmallIntegerField(default=0)
    shown = BooleanField(default=False)  # xuất trình: shown at the counter, not handed in

    class Meta:
        primary_key = CompositeKey("dossier", "position")


class DossierTail(BaseModel):
    """The ends of a dossier's code, ID number and phone, reversed, for "the last digits" search.

    A B-tree finds a prefix, not a suffix: storing ``reversed(value)`` turns "ends with 0003"
    into "starts with 3000". Three rows a dossier (migration 3): the code's date-and-sequence
    part ("260213-0003" → "3000-312062"), the ID number and the phone. On SQLite the table is
    WITHOUT ROWID: the primary key is the whole index (≈ 60 bytes a dossier).
    """

    tail = CharField()
    dossier = ForeignKeyField(Dossier, on_delete="CASCADE", index=False)

    class Meta:
        primary_key = CompositeKey("tail", "dossier")  # created by migration 3, not create_tables


class StatusEvent(BaseModel):
    """One step in a dossier's life; ``data`` holds the action's details as JSON."""

    id = AutoField()
    uid = CharField(unique=True)
    dossier = ForeignKeyField(Dossier, backref="events", on_delete="CASCADE")
    action = CharField()
    from_status = SmallIntegerField(null=True)
    to_status = SmallIntegerField()
    at = DateTimeField()  # the moment the step happened (claimed, for a backdated record)
    officer = ForeignKeyField(Officer, on_delete="RESTRICT", index=False)
    note = TextField(default="")
    data = TextField(default="")
    # The real moment the step was entered (None in rows from before schema 3), and why a
    # leader recorded it at an earlier moment ``at`` (empty when it was not backdated).
    recorded_at = DateTimeField(null=True)
    backdate_reason = TextField(default="")
    # The acting officer's title (chức danh) when the step was recorded (migration 10; "" in
    # older rows and for an account without a title): sync.records.
    officer_title = CharField(default="")


class DueDateChange(BaseModel):
    """Every due date a dossier has had (initial, moved after a supplement, extended)."""

    id = AutoField()
    dossier = ForeignKeyField(Dossier, backref="due_changes", on_delete="CASCADE")
    at = DateTimeField()
    kind = CharField()  # initial | resume | extend
    old_due_at = DateTimeField(null=True)
    new_due_at = DateTimeField()
    reason = TextField(default="")
    officer = ForeignKeyField(Officer, on_delete="RESTRICT", index=False)
    # An extension recorded after the due moment in force: the citizen gets the new date, the
    # dossier is still judged against the moment that had passed (DOMAIN §7).
    overdue = BooleanField(default=False)
    # The leader who signs the apology (Phiếu xin lỗi và đề nghị gia hạn) for an extension.
    signer = ForeignKeyField(Officer, null=True, on_delete="RESTRICT", index=False, backref="+")


class CalendarOverride(BaseModel):
    """A day off or working day the counter sets above the shipped calendar and the package:
    entered by the admin, or brought by a province package (``origin`` "province")."""

    day = DateField(primary_key=True)
    working = BooleanField()
    reason = TextField()
    origin = CharField(default="admin")  # admin | province
    source = TextField(default="")  # the year's legal source given by the province
    package_sequence = IntegerField(null=True)  # the province package that set it


class CodeCounter(BaseModel):
    """Last sequence used per agency and day; bumped in the dossier's own transaction."""

    agency_code = CharField()
    day = CharField()  # the key: a day "YYMMDD", or "Y2026" for the register's yearly number
    last = IntegerField()

    class Meta:
        primary_key = False
        indexes = ((("agency_code", "day"), True),)


class AuditLog(BaseModel):
    """Who did what, for the leader and the inspector."""

    id = AutoField()
    at = DateTimeField()
    officer = ForeignKeyField(Officer, null=True, on_delete="SET NULL", index=False)
    action = CharField()
    entity = CharField(default="")
    entity_id = CharField(default="")
    details = TextField(default="")


class SyncChange(BaseModel):
    """A change to a dossier, written in the change's own transaction, for the day file.

    The sync export reads these by ``seq``; nothing else does.
    """

    seq = AutoField()
    dossier = ForeignKeyField(Dossier, on_delete="CASCADE", index=False)
    event = ForeignKeyField(StatusEvent, null=True, on_delete="CASCADE", index=False)
    at = DateTimeField(index=True)


ALL_TABLES = [
    Meta,
    Setting,
    Officer,
    SignInAttempts,
    Procedure,
    ProcedureDocument,
    Applicant,
    Dossier,
    DocumentName,
    DossierDocument,
    StatusEvent,
    DueDateChange,
    CalendarOverride,
    CodeCounter,
    AuditLog,
    SyncChange,
]
