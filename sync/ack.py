"""Acknowledgements (tệp xác nhận đã nhận): written by the province, imported at the commune.

An ack lists, for one agency, the day files the importer saw and what became of each
(applied, already applied, superseded by a newer revision, refused with the reason). When the
province gives its private key to the importer, the ack is signed with the province's Ed25519
key; a commune that has the province's public key configured accepts only acks so signed.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from models.audit import audit
from models.audit import now as clock
from models.db import write_transaction
from models.errors import MotCuaError
from models.permissions import require
from models.safe_json import read_json_document
from models.settings import require_settings
from models.sync_state import find_export, mark_acknowledged

from .format import ACK_FORMAT, SCHEMA_VERSION, SUPPORTED_VERSIONS, canonical_json, portal_datetime, vn_date
from .keys import ProvincePrivateKey, b64, province_public_key, unb64, verify_ed25519
from .schema import ack_validator

RECEIVED = ("applied", "already_applied")
STATUS_TEXT = {"applied": "đã nạp", "already_applied": "đã nạp từ trước",
               "superseded": "bỏ qua vì tỉnh đã có lần xuất mới hơn", "refused": "bị từ chối"}


def build_ack(agency_code: str, files: list[dict], *, now: datetime,
              province_key: ProvincePrivateKey | None = None) -> dict:
    """``files``: {day, revision, sha256, status, message, HoSo, TienDo, rejected} each."""
    doc = {"format": ACK_FORMAT, "schema_version": SCHEMA_VERSION, "agency_code": agency_code,
           "created_at": portal_datetime(now),
           "files": sorted(files, key=lambda f: (f["day"], f["revision"], f["sha256"])),
           "signer": province_key.signer() if province_key else None, "signature": None}
    if province_key is not None:
        doc["signature"] = b64(province_key.signing.sign(_signed_part(doc)))
    return doc


def _signed_part(doc: dict) -> bytes:
    return canonical_json({k: v for k, v in doc.items() if k != "signature"})


def ack_file_name(agency_code: str, now: datetime) -> str:
    return f"motcua-ack_{agency_code}_{now:%Y%m%d%H%M%S}.json"


def write_ack(doc: dict, out_dir: str | Path, now: datetime) -> Path:
    target = Path(out_dir).expanduser() / ack_file_name(doc["agency_code"], now)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8"))
    return target


def read_ack(path: str | Path) -> dict:
    """The ack, checked against its schema; MotCuaError names what is wrong."""
    doc = read_json_document(path, "xác nhận")
    if doc.get("format") != ACK_FORMAT:
        raise MotCuaError(f"Tệp {path} không phải tệp xác nhận đồng bộ MotCua.")
    version = doc.get("schema_version")
    if isinstance(version, bool) or version not in SUPPORTED_VERSIONS:
        raise MotCuaError(f"Tệp xác nhận dùng phiên bản định dạng {version!s}, phần mềm này chỉ đọc "
                          f"phiên bản {', '.join(map(str, SUPPORTED_VERSIONS))}.")
    errors = ack_validator().errors(doc)
    for entry in doc.get("files", []) if not errors else []:
        try:
            date.fromisoformat(entry["day"])
        except ValueError:
            errors.append("trường “files.day”: không phải ngày có thật")
    if errors:
        raise MotCuaError(f"Tệp xác nhận không đúng định dạng: {'; '.join(errors[:3])}.")
    return doc


def check_ack_signature(doc: dict, signing_raw: bytes | None) -> bool:
    """True when signed by ``signing_raw``; False when there is nothing to check against."""
    if signing_raw is None:
        return False
    if not doc.get("signature") or not doc.get("signer"):
        raise MotCuaError("Tệp xác nhận không có chữ ký của tỉnh, không được chấp nhận.")
    try:
        signature = unb64(doc["signature"], 64)
    except MotCuaError:
        raise MotCuaError("Chữ ký trên tệp xác nhận không hợp lệ.") from None
    if not verify_ed25519(signing_raw, signature, _signed_part(doc)):
        raise MotCuaError("Chữ ký trên tệp xác nhận không phải của tỉnh đã cấu hình, hoặc tệp đã bị sửa.")
    return True


@dataclass
class AckImport:
    """What an imported ack changed at the counter."""

    matched: list[dict] = field(default_factory=list)  # {day, revision, status, message}
    unknown: list[dict] = field(default_factory=list)  # files this counter did not export
    signed: bool = False

    def to_dict(self) -> dict:
        return {"matched": self.matched, "unknown": self.unknown, "signed": self.signed}

    def lines(self) -> list[str]:
        out = []
        for m in self.matched:
            line = (f"Ngày {vn_date(date.fromisoformat(m['day']))}, lần xuất {m['revision']}: "
                    f"{STATUS_TEXT[m['status']]}" + (f" – {m['message']}" if m["message"] else ""))
            if m["not_received"] and m["status"] in RECEIVED:
                codes = ", ".join(dict.fromkeys(r["MaHoSo"] or r["uid"] for r in m["not_received"]))
                line += (f" – nhưng CHƯA NHẬN ĐỦ: {len(m['not_received'])} bản ghi không có trong dữ "
                         f"liệu tỉnh ({codes})")
            out.append(line)
        out += [f"Không khớp tệp nào đã xuất: ngày {vn_date(date.fromisoformat(u['day']))}, "
                f"lần xuất {u['revision']}" for u in self.unknown]
        if not self.signed:
            out.append("Lưu ý: chưa cấu hình khóa công khai của tỉnh nên không kiểm tra được chữ ký "
                       "của tệp xác nhận.")
        return out


def import_ack(path: str | Path, *, by, now: datetime | None = None) -> AckImport:
    """Mark the day files the province acknowledges as received (or refused)."""
    actor = require(by, "sync.ack", entity="sync", entity_id=str(path))
    now = now or clock()
    doc = read_ack(path)
    agency = require_settings().agency_code
    if doc["agency_code"] != agency:
        raise MotCuaError(f"Tệp xác nhận dành cho cơ quan {doc['agency_code']}, không phải cơ quan này "
                          f"({agency}).")
    province = province_public_key()
    result = AckImport(signed=check_ack_signature(doc, province.signing_raw if province else None))
    with write_transaction():
        for entry in doc["files"]:
            day = date.fromisoformat(entry["day"])
            row = find_export(agency, day, entry["revision"])
            summary = {"day": entry["day"], "revision": entry["revision"], "status": entry["status"],
                       "message": entry["message"], "not_received": entry["rejected"]}
            if row is None or row.file_sha256 != entry["sha256"]:
                result.unknown.append(summary)
                continue
            if row.ack_status in RECEIVED and entry["status"] not in RECEIVED:
                summary.update(status=row.ack_status, message=row.ack_message,
                               not_received=list(row.ack_rejected))
            else:  # an older ack read late never undoes "received"
                mark_acknowledged(row.id, at=now, status=entry["status"], message=entry["message"],
                                  rejected=entry["rejected"])
            result.matched.append(summary)
        audit("sync.ack", actor, "sync", Path(path).name,
              {"matched": len(result.matched), "unknown": len(result.unknown)}, at=now)
    return result
