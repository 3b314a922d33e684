"""The commune's acknowledgement of the province's packages (xác nhận đã nhận gói của tỉnh).

Counter side: every day-file export also writes ``motcua-package-ack_<agency>.json`` into the
same folder (the USB stick), signed with the agency's key: what became of each package the
province has not yet confirmed receiving this acknowledgement for (applied or refused, and
which online dossiers and updates it registered, by code). A later package whose manifest
lists the sequence in ``acknowledged`` stops it being sent again.

Province side: ``apply-sync`` reads these files beside the day files, checks the signature
against the agency's key in the keyring, and records them in the central database, where
``make-package --from DB`` reads what the commune has and has not got.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from models.audit import now as clock
from models.errors import MotCuaError
from models.province_state import ProvincePackage
from models.settings import require_settings

from .central import close_central, open_central
from .files import write_atomically
from .format import canonical_json, parse_portal_datetime, portal_datetime
from .keys import Trust, agency_signing_key, b64, unb64, verify_ed25519
from .package_format import (
    PACKAGE_ACK_FORMAT,
    PACKAGE_SCHEMA_VERSION,
    SUPPORTED_PACKAGE_VERSIONS,
    package_ack_file_name,
    package_ack_validator,
)
from .province_central import CentralOnline, CentralPackageAck, CentralUpdate, ensure_province_tables

MAX_PACKAGES = 200


# -- counter side -----------------------------------------------------------------------------------
def _signed_part(doc: dict) -> bytes:
    return canonical_json({k: v for k, v in doc.items() if k != "signature"})


def build_package_ack(now: datetime) -> dict | None:
    """The acknowledgement of every signed package not yet confirmed, or None if there is none."""
    agency = require_settings().agency_code
    rows = list(ProvincePackage.select().where(
        (ProvincePackage.agency_code == agency) & ProvincePackage.signed
        & ProvincePackage.ack_confirmed_at.is_null())
        .order_by(ProvincePackage.seen_at.desc(), ProvincePackage.id.desc()).limit(MAX_PACKAGES))
    if not rows:
        return None
    key = agency_signing_key(now)
    doc = {"format": PACKAGE_ACK_FORMAT, "schema_version": PACKAGE_SCHEMA_VERSION, "agency_code": agency,
           "created_at": portal_datetime(now),
           "packages": [{"sequence": r.sequence, "sha256": r.sha256, "status": r.status, "problem": r.problem,
                         "message": r.message, "seen_at": portal_datetime(r.seen_at),
                         "summary": json.loads(r.summary or "{}")}
                        for r in sorted(rows, key=lambda r: (r.sequence, r.id))],
           "signer": key.signer(), "signature": ""}
    doc["signature"] = b64(key.sign(_signed_part(doc)))
    return doc


def write_package_ack(out_dir: str | Path, *, now: datetime | None = None) -> Path | None:
    """Beside a day file: replace this agency's acknowledgement file (None: nothing to say)."""
    now = now or clock()
    doc = build_package_ack(now)
    if doc is None:
        return None
    target = Path(out_dir).expanduser() / package_ack_file_name(doc["agency_code"])
    write_atomically(target, json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8"))
    return target


# -- province side -----------------------------------------------------------------------------------
def is_package_ack_file(path: str | Path) -> bool:
    name = Path(path).name
    return name.startswith("motcua-package-ack_") and name.endswith(".json")


def read_package_ack(path: str | Path, trust: Trust) -> dict:
    """The acknowledgement, checked against its schema and the agency's key in the keyring."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise MotCuaError(f"Không tìm thấy tệp xác nhận gói: {path}") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise MotCuaError(f"Tệp xác nhận gói {path} không đọc được (không phải JSON hợp lệ).") from None
    if not isinstance(doc, dict) or doc.get("format") != PACKAGE_ACK_FORMAT:
        raise MotCuaError(f"Tệp {path} không phải tệp xác nhận gói của xã.")
    version = doc.get("schema_version")
    if isinstance(version, bool) or version not in SUPPORTED_PACKAGE_VERSIONS:
        raise MotCuaError(f"Tệp xác nhận gói dùng phiên bản định dạng {version!s}; hãy cập nhật MotCua.")
    errors = package_ack_validator().errors(doc)
    if errors:
        raise MotCuaError(f"Tệp xác nhận gói {Path(path).name} không đúng định dạng: {'; '.join(errors[:3])}.")
    agency = doc["agency_code"]
    keys = trust.keys_for(agency)
    if not keys:
        raise MotCuaError(f"Chưa có khóa công khai của cơ quan {agency} trong danh sách khóa tin cậy, nên không "
                          "kiểm tra được tệp xác nhận gói.")
    try:
        signature = unb64(doc["signature"], 64)
    except MotCuaError:
        raise MotCuaError(f"Chữ ký của tệp xác nhận gói {Path(path).name} không hợp lệ.") from None
    if not any(verify_ed25519(k, signature, _signed_part(doc)) for k in keys):
        raise MotCuaError(f"Tệp xác nhận gói {Path(path).name} không mang chữ ký của cơ quan {agency}, hoặc đã "
                          "bị sửa.")
    return doc


@dataclass
class AckRecord:
    path: str
    agency_code: str = ""
    packages: list[int] = field(default_factory=list)
    error: str = ""

    def line(self) -> str:
        if self.error:
            return f"{Path(self.path).name}: TỪ CHỐI – {self.error}"
        listed = ", ".join(map(str, self.packages)) or "không có gói nào"
        return f"{Path(self.path).name}: xác nhận của {self.agency_code} cho gói số {listed}"

    def to_dict(self) -> dict:
        return {"path": self.path, "agency_code": self.agency_code, "packages": self.packages, "error": self.error}


def record_package_acks(paths: list[str | Path], into: str, *, trust: Trust,
                        now: datetime | None = None) -> list[AckRecord]:
    """Record the communes' acknowledgements in the central database."""
    now = now or clock()
    results = []
    if not paths:
        return results
    open_central(into)
    try:
        ensure_province_tables()
        for path in paths:
            record = AckRecord(str(path))
            try:
                doc = read_package_ack(path, trust)
            except MotCuaError as exc:
                record.error = str(exc)
                results.append(record)
                continue
            record.agency_code = doc["agency_code"]
            with CentralPackageAck._meta.database.atomic():
                for entry in doc["packages"]:
                    _record_entry(doc["agency_code"], entry, now)
                    record.packages.append(entry["sequence"])
            results.append(record)
    finally:
        close_central()
    return results


def _record_entry(agency: str, entry: dict, now: datetime) -> None:
    values = dict(status=entry["status"], problem=entry["problem"], message=entry["message"],
                  seen_at=parse_portal_datetime(entry["seen_at"]),
                  summary=json.dumps(entry["summary"], ensure_ascii=False), received_at=now)
    CentralPackageAck.insert(agency_code=agency, sequence=entry["sequence"], sha256=entry["sha256"],
                             **values).on_conflict(
        conflict_target=[CentralPackageAck.agency_code, CentralPackageAck.sequence, CentralPackageAck.sha256],
        update={getattr(CentralPackageAck, k): v for k, v in values.items()}).execute()
    summary = entry["summary"]
    if entry["status"] != "applied":
        return  # a refused package's contents are still owed: they go again in the next one
    for item in summary.get("online", []):
        CentralOnline.update(acknowledged=True, outcome=item["status"]).where(
            (CentralOnline.agency_code == agency) & (CentralOnline.portal_code == item["portal_code"])).execute()
    for item in summary.get("updates", []):
        CentralUpdate.update(acknowledged=True, outcome=item["status"]).where(
            (CentralUpdate.agency_code == agency) & (CentralUpdate.uid == item["uid"])).execute()
