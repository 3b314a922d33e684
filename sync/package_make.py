"""Making a province package (lập gói dữ liệu của tỉnh cho một xã) — the province's side.

``make-package`` needs no counter database: the province's private key (``sync-key
province-new``), the commune's public key file (``sync-key export``) and the contents.

The sequence number only grows, per agency. It is kept in ``province-packages.json`` beside
the province's private key (keep the two together), and, when ``--from DB`` names the central
database, also in its ``central_package`` table; the next number is one more than the larger
of the two. It is taken before the file is written, so a failed write leaves a gap (the
counter notes it), never a number used twice.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from peewee import fn

from models.audit import now as clock
from models.calendar_decisions import CalendarYear, read_calendar_file
from models.catalog_releases import parse_catalog_document
from models.codes import validate_agency_code
from models.errors import MotCuaError, ValidationError
from models.forwarded import parse_update
from models.online import parse_submission
from models.safe_json import read_json

from .central import close_central, open_central
from .container import MAX_FILE, write_container
from .crypto import SCHEME, encrypt_member
from .files import write_atomically
from .format import APP_VERSION, MANIFEST, TIME_ZONE, canonical_json, portal_datetime, sha256_hex
from .keys import CounterPublicKey, ProvincePrivateKey, load_counter_public, load_province_private
from .package_format import (
    CALENDAR,
    CATALOG,
    MEMBERS,
    ONLINE,
    PACKAGE_FORMAT,
    PACKAGE_SCHEMA_VERSION,
    PERSONAL,
    UPDATES,
    member_header,
    package_file_name,
    package_validator,
)
from .province_central import (
    CentralOnline,
    CentralPackage,
    CentralPackageAck,
    CentralUpdate,
    ensure_province_tables,
)

STATE_FILE = "province-packages.json"
STATE_FORMAT = "motcua-province-package-state"


@dataclass
class MadePackage:
    path: Path
    agency_code: str
    sequence: int
    sha256: str
    contents: dict
    acknowledged: list[int] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"path": str(self.path), "agency_code": self.agency_code, "sequence": self.sequence,
                "sha256": self.sha256, "contents": self.contents, "acknowledged": self.acknowledged}

    def lines(self) -> list[str]:
        c = self.contents
        parts = []
        if c["catalog"]:
            parts.append(f"danh mục {c['catalog']['procedures']} thủ tục theo {c['catalog']['decision']} "
                         f"(hiệu lực từ {_vn(c['catalog']['effective_from'])})")
        if c["calendar"]:
            parts.append("lịch năm " + ", ".join(map(str, c["calendar"])))
        if c["online"]:
            parts.append(f"{c['online']} hồ sơ trực tuyến")
        if c["updates"]:
            parts.append(f"{c['updates']} cập nhật tiến độ hồ sơ liên thông")
        return [f"Đã lập gói số {self.sequence} cho cơ quan {self.agency_code}: " + "; ".join(parts) + ".",
                f"  → {self.path}"]


def _vn(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


# -- inputs --------------------------------------------------------------------------------------
def _read_json(path: str | Path, what: str):
    """A province's input file (catalog, online dossiers, updates, the sequence state), read
    with the same bounds as every other JSON file a user gives (models.safe_json)."""
    return read_json(path, what, limit=MAX_FILE)


def read_catalog(path: str | Path) -> dict:
    """A catalog as ``catalog export`` writes it, with ``decision`` and ``effective_from``."""
    if Path(path).suffix.lower() == ".csv":
        raise ValidationError({"catalog": "Danh mục gửi xã phải là tệp JSON (như lệnh catalog export "
                                          "ghi ra), có thêm “decision” và “effective_from”."})
    doc = _read_json(path, "danh mục")
    parsed = parse_catalog_document(doc, f"Tệp danh mục {Path(path).name}")
    catalog = dict(doc, decision=parsed.decision, effective_from=parsed.effective_from.isoformat())
    errors = package_validator("catalog").errors(catalog)
    if errors:
        raise ValidationError({"catalog": f"Tệp danh mục {Path(path).name}: {'; '.join(errors[:3])}."})
    return catalog


def _items(doc, keys: tuple[str, ...], what: str, path) -> list:
    if isinstance(doc, dict):
        for key in keys:
            if isinstance(doc.get(key), list):
                return doc[key]
    if isinstance(doc, list):
        return doc
    raise ValidationError({what: f"Tệp {path} phải là danh sách, hoặc có danh sách “{keys[0]}”."})


def read_online(path: str | Path) -> list[dict]:
    """Online dossiers: a list (or ``{"online": [...]}``) of intake JSON + ``code`` + ``submitted_at``."""
    items = _items(_read_json(path, "hồ sơ trực tuyến"), ("online", "dossiers"), "online", path)
    validate = package_validator("onlineDossier").errors
    seen: set[str] = set()
    for i, item in enumerate(items, start=1):
        where = f"Tệp {Path(path).name}, hồ sơ {i}"
        errors = validate(item)
        if errors:
            raise ValidationError({"online": f"{where}: {'; '.join(errors[:3])}."})
        try:
            code = parse_submission(item).portal_code
        except ValidationError as exc:
            raise ValidationError({"online": f"{where}: {exc}"}) from exc
        if code in seen:
            raise ValidationError({"online": f"{where}: mã {code} lặp lại trong tệp."})
        seen.add(code)
    return items


def read_updates(path: str | Path) -> list[dict]:
    """Progress of forwarded dossiers: a list (or ``{"updates": [...]}``) of CapNhatTienDoHoSoMC."""
    items = _items(_read_json(path, "cập nhật tiến độ"), ("updates",), "updates", path)
    validate = package_validator("statusUpdate").errors
    for i, item in enumerate(items, start=1):
        errors = validate(item)
        if errors:
            raise ValidationError({"updates": f"Tệp {Path(path).name}, cập nhật {i}: {'; '.join(errors[:3])}."})
        parse_update(item)
    return items


# -- the sequence ---------------------------------------------------------------------------------
def _state_path(key_path: str | Path) -> Path:
    return Path(key_path).expanduser().resolve().parent / STATE_FILE


def _read_state(path: Path) -> dict:
    if not path.exists():
        return {"format": STATE_FORMAT, "sequences": {}}
    state = _read_json(path, "số thứ tự gói")
    if not isinstance(state, dict) or state.get("format") != STATE_FORMAT:
        raise MotCuaError(f"Tệp {path} không phải tệp số thứ tự gói của tỉnh.")
    return state


# -- building -------------------------------------------------------------------------------------
def build_package(agency: str, sequence: int, created_at: datetime, province: ProvincePrivateKey,
                  counter: CounterPublicKey, *, catalog: dict | None, calendar: list[CalendarYear],
                  online: list[dict], updates: list[dict], acknowledged: list[int]) -> tuple[bytes, dict]:
    """The signed zip, and its manifest."""
    payloads = {CATALOG: catalog, CALENDAR: [y.to_dict() for y in calendar] or None,
                ONLINE: online or None, UPDATES: updates or None}
    members: list[tuple[str, bytes]] = []
    listing: dict[str, dict] = {}
    for logical, kind in MEMBERS.items():
        payload = payloads[logical]
        if payload is None:
            continue
        header = member_header(agency, sequence, logical)
        data = canonical_json({"header": header, kind: payload})
        name = logical
        if logical in PERSONAL:
            data = encrypt_member(data, header, counter.encryption_raw, province.signing_seed)
            name += ".enc"
        members.append((name, data))
        listing[name] = {"kind": kind, "count": 1 if logical == CATALOG else len(payload),
                         "sha256": sha256_hex(data), "size": len(data), "encrypted": logical in PERSONAL}
    encrypted = any(entry["encrypted"] for entry in listing.values())
    manifest = {
        "format": PACKAGE_FORMAT, "schema_version": PACKAGE_SCHEMA_VERSION, "agency_code": agency,
        "sequence": sequence, "created_at": portal_datetime(created_at), "app_version": APP_VERSION,
        "time_zone": TIME_ZONE,
        "contents": {
            "catalog": {"decision": catalog["decision"], "effective_from": catalog["effective_from"],
                        "procedures": len(catalog["procedures"])} if catalog else None,
            "calendar": [y.year for y in calendar] or None,
            "online": len(online), "updates": len(updates)},
        "members": listing,
        "encryption": {"scheme": SCHEME, "recipient_key_id": counter.encryption_key_id} if encrypted else None,
        "acknowledged": sorted(set(acknowledged)),
        "signer": province.signer(),
    }
    errors = package_validator("manifest").errors(manifest)
    if errors:  # our own bug, never the operator's
        raise AssertionError(errors)
    stored = frozenset(name for name, _ in members if name.endswith(".enc"))
    blob = write_container([(MANIFEST, canonical_json(manifest))] + members, province.signing.sign,
                           created_at.date(), stored)
    return blob, manifest


def make_package(*, agency: str, key: str | Path, counter_key: str | Path, out: str | Path,
                 catalog: str | Path | None = None, calendar: str | Path | None = None,
                 online: str | Path | None = None, updates: str | Path | None = None,
                 central_db: str | None = None, now: datetime | None = None) -> MadePackage:
    """Write ``motcua-province_<agency>_<yyyyMMddHHmmss>.zip`` into ``out``."""
    now = (now or clock()).replace(microsecond=0)
    try:
        agency = validate_agency_code(agency)
    except ValidationError as exc:
        raise ValidationError({"agency": str(exc)}) from exc
    province = load_province_private(key)
    counter = load_counter_public(counter_key)
    if counter.agency_code and counter.agency_code != agency:
        raise ValidationError({"counter_key": f"Tệp khóa {counter_key} là của cơ quan {counter.agency_code}, "
                                              f"không phải {agency}."})
    catalog_doc = read_catalog(catalog) if catalog else None
    years = read_calendar_file(calendar) if calendar else []
    online_items = read_online(online) if online else []
    update_items = read_updates(updates) if updates else []
    state_path = _state_path(key)
    state = _read_state(state_path)
    if central_db is None:
        return _write(agency, now, province, counter, out, state_path, state, catalog_doc, years,
                      online_items, update_items, acknowledged=[], central_last=0)
    open_central(central_db)
    try:
        ensure_province_tables()
        with CentralPackage._meta.database.atomic():
            _record_inputs(agency, online_items, update_items, now)
            pending_online = [json.loads(r.record) for r in CentralOnline.select().where(
                (CentralOnline.agency_code == agency) & ~CentralOnline.acknowledged).order_by(CentralOnline.id)]
            pending_updates = [json.loads(r.record) for r in CentralUpdate.select().where(
                (CentralUpdate.agency_code == agency) & ~CentralUpdate.acknowledged)
                .order_by(CentralUpdate.recorded_at, CentralUpdate.uid)]
            last = CentralPackage.select(fn.MAX(CentralPackage.sequence)) \
                .where(CentralPackage.agency_code == agency).scalar() or 0
            made = _write(agency, now, province, counter, out, state_path, state, catalog_doc, years,
                          pending_online, pending_updates, acknowledged=_acknowledged(agency), central_last=last)
            CentralPackage.create(
                agency_code=agency, sequence=made.sequence, sha256=made.sha256, name=made.path.name,
                created_at=now, contents=json.dumps(made.contents, ensure_ascii=False),
                online_codes=json.dumps([o["code"] for o in pending_online], ensure_ascii=False),
                update_uids=json.dumps([u["Uid"] for u in pending_updates]))
            codes = [parse_submission(o).portal_code for o in pending_online]
            if codes:
                CentralOnline.update(last_sequence=made.sequence).where(
                    (CentralOnline.agency_code == agency) & CentralOnline.portal_code.in_(codes)).execute()
                CentralOnline.update(first_sequence=made.sequence).where(
                    (CentralOnline.agency_code == agency) & CentralOnline.portal_code.in_(codes)
                    & CentralOnline.first_sequence.is_null()).execute()
            uids = [u["Uid"] for u in pending_updates]
            if uids:
                CentralUpdate.update(last_sequence=made.sequence).where(CentralUpdate.uid.in_(uids)).execute()
        return made
    finally:
        close_central()


def _record_inputs(agency: str, online: list[dict], updates: list[dict], now: datetime) -> None:
    """Online dossiers and updates given on the command line join what the central database
    sends until acknowledged (one given again replaces its unacknowledged copy)."""
    for item in online:
        code = parse_submission(item).portal_code
        record = json.dumps(item, ensure_ascii=False)
        row = CentralOnline.get_or_none((CentralOnline.agency_code == agency) & (CentralOnline.portal_code == code))
        if row is None:
            CentralOnline.create(agency_code=agency, portal_code=code, record=record, recorded_at=now)
        elif not row.acknowledged:
            CentralOnline.update(record=record).where(CentralOnline.id == row.id).execute()
    for item in updates:
        update = parse_update(item)
        row = CentralUpdate.get_or_none(CentralUpdate.uid == update.uid)
        if row is None:
            CentralUpdate.create(uid=update.uid, agency_code=agency, code=update.code,
                                 record=json.dumps(item, ensure_ascii=False), recorded_at=now)
        elif row.agency_code != agency:
            raise ValidationError({"updates": f"Cập nhật {update.uid} đã ghi cho cơ quan {row.agency_code}."})


def _acknowledged(agency: str) -> list[int]:
    """Packages of this agency whose acknowledgement (matching the package made) has come."""
    made = {(p.sequence, p.sha256) for p in CentralPackage.select(CentralPackage.sequence, CentralPackage.sha256)
            .where(CentralPackage.agency_code == agency)}
    return sorted({a.sequence for a in CentralPackageAck.select().where(CentralPackageAck.agency_code == agency)
                   if (a.sequence, a.sha256) in made})


def _write(agency: str, now: datetime, province: ProvincePrivateKey, counter: CounterPublicKey,
           out: str | Path, state_path: Path, state: dict, catalog: dict | None, years: list[CalendarYear],
           online: list[dict], updates: list[dict], *, acknowledged: list[int], central_last: int) -> MadePackage:
    if not (catalog or years or online or updates):
        raise ValidationError({"": "Gói không có nội dung: cần ít nhất một trong --catalog, --calendar, "
                                   "--online, --updates (hoặc --from DB còn hồ sơ, cập nhật chưa được xã "
                                   "xác nhận)."})
    sequence = max(int(state["sequences"].get(agency, 0)), central_last) + 1
    target = Path(out).expanduser() / package_file_name(agency, now)
    if target.exists():
        raise MotCuaError(f"Đã có tệp {target}; hãy chờ một giây rồi lập lại.")
    blob, manifest = build_package(agency, sequence, now, province, counter, catalog=catalog, calendar=years,
                                   online=online, updates=updates, acknowledged=acknowledged)
    # Take the number first: a failed write below leaves a gap, never a number used twice.
    state["sequences"][agency] = sequence
    write_atomically(state_path, json.dumps(state, ensure_ascii=False, indent=1).encode("utf-8"))
    write_atomically(target, blob)
    return MadePackage(target, agency, sequence, sha256_hex(blob), manifest["contents"], manifest["acknowledged"])
