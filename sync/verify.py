"""Checking a day file (kiểm tra tệp đồng bộ): structure, schema, hashes, signature, records.

Every problem is named in Vietnamese with a stable code, so the officer knows what to do:
a truncated copy is copied again, an altered or foreign member means the stick was tampered
with or files were mixed up, a wrong signer means the file is not from that agency's counter.

A record that fails its schema does not spoil the file: it is listed (by MaHoSo and uid) and
the importer applies the others. Every other problem refuses the whole file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from models import safe_json
from models.errors import MotCuaError
from models.storage_errors import os_reason

from .container import (
    MAX_FILE,
    MAX_MANIFEST,
    MAX_MEMBER,
    Container,
    ContainerError,
    MemberTooLarge,
    open_container,
)
from .crypto import DecryptError, decrypt_member, read_envelope
from .format import (
    DOSSIERS,
    ENCRYPTED_SUFFIX,
    EVENTS,
    FORMAT,
    MANIFEST,
    RECORD_LISTS,
    SUPPORTED_VERSIONS,
    parse_portal_datetime,
    sha256_hex,
    vn_date,
)
from .keys import ProvincePrivateKey, Trust, key_id, unb64, verify_ed25519
from .schema import day_validator

INVALID_RECORD = "invalid_record"
MAX_REJECTED = 1000  # invalid records named before a file is refused as a whole
_MEMBER_DOCS = {DOSSIERS: "dossiersMember", EVENTS: "eventsMember"}


@dataclass(frozen=True)
class Problem:
    code: str
    message: str
    member: str = ""

    def to_dict(self) -> dict:
        return {"code": self.code, "message": self.message, "member": self.member}


@dataclass
class Inspection:
    """What verify found; ``dossiers``/``events`` are the valid records when they could be read."""

    path: str = ""
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    manifest: dict | None = None
    dossiers: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    rejected: list[dict] = field(default_factory=list)  # {kind, uid, MaHoSo, reason}
    content_checked: bool = False
    sealed: bool = False  # encrypted and no province key given: records not looked at
    sha256: str = ""

    @property
    def ok(self) -> bool:
        """A sound file: nothing wrong, and every record checked unless encrypted for the province
        (then its hashes and signature vouch that it arrives as the agency wrote it)."""
        return not self.problems and (self.content_checked or self.sealed)

    @property
    def file_ok(self) -> bool:
        """The file itself is sound (some records may still be rejected)."""
        return self.content_checked and all(p.code == INVALID_RECORD for p in self.problems)

    @property
    def agency_code(self) -> str:
        return (self.manifest or {}).get("agency_code", "")

    @property
    def day(self) -> date | None:
        text = (self.manifest or {}).get("day")
        return date.fromisoformat(text) if text else None

    @property
    def revision(self) -> int:
        return int((self.manifest or {}).get("revision", 0))

    def add(self, code: str, message: str, member: str = "") -> None:
        self.problems.append(Problem(code, message, member))

    def to_dict(self) -> dict:
        m = self.manifest or {}
        return {"path": self.path, "ok": self.ok, "agency_code": m.get("agency_code"),
                "day": m.get("day"), "revision": m.get("revision"),
                "schema_version": m.get("schema_version"), "counts": m.get("counts"),
                "encrypted": bool(m.get("encryption")), "sha256": self.sha256,
                "problems": [p.to_dict() for p in self.problems], "notes": self.notes,
                "rejected": self.rejected}


def _origin(data: bytes) -> tuple | None:
    """(agency, day, revision) a member says it belongs to, if it can be read at all."""
    try:
        try:
            header = read_envelope(data)[0]
        except ValueError:
            header = safe_json.loads(data)["header"]
        origin = header["agency_code"], header["day"], header["revision"]
        return origin if all(isinstance(x, (str, int)) for x in origin) else None
    except Exception:  # noqa: BLE001 - garbage has no origin
        return None


def _foreign_message(name: str, origin: tuple) -> str:
    agency, day, revision = origin
    try:
        day_text = vn_date(date.fromisoformat(day))
    except (TypeError, ValueError):
        day_text = str(day)
    return (f"Thành phần “{name}” lấy từ một tệp khác (cơ quan {agency}, ngày {day_text}, "
            f"lần xuất {revision}), không phải của tệp này.")


def _check_signature(c: Container, manifest: dict, trust: Trust | None, report: Inspection) -> None:
    agency, signer = manifest["agency_code"], manifest["signer"]
    try:
        embedded = unb64(signer["public_key"], 32)
    except MotCuaError:
        report.add("bad_signature", "Bản kê ghi khóa ký không hợp lệ.")
        return
    trusted = trust.keys_for(agency) if trust else set()
    if key_id(embedded) != signer["key_id"]:
        report.add("bad_signature", "Mã khóa ký trong bản kê không khớp với khóa ghi kèm.")
        return
    valid = verify_ed25519(embedded, c.signature, c.signed_part)
    if valid and embedded in trusted:
        return
    if not valid:
        if any(verify_ed25519(k, c.signature, c.signed_part) for k in trusted - {embedded}):
            report.add("bad_signature", "Bản kê ghi sai khóa ký (tệp đã bị sửa sau khi ký).")
        else:
            report.add("bad_signature", "Chữ ký số không khớp nội dung: tệp đã bị thay đổi sau khi ký, "
                                        "hoặc bị hỏng khi sao chép.")
    elif not trusted:
        report.add("untrusted_signer",
                   f"Chưa có khóa công khai của cơ quan {agency} trong danh sách khóa tin cậy, nên không "
                   "xác nhận được người ký (dùng --pubkey TỆP hoặc --keyring THƯ_MỤC).")
    else:
        report.add("wrong_signer",
                   f"Tệp được ký bằng khóa {signer['key_id']}, không phải khóa đã đăng ký của cơ quan "
                   f"{agency}: tệp không do Bộ phận Một cửa của cơ quan này lập.")


def _check_members(c: Container, manifest: dict, report: Inspection) -> dict[str, bytes]:
    """Hashes against the manifest; returns the intact members' bytes (each read once, within
    the size the manifest gives and never more than MAX_MEMBER)."""
    listing: dict = manifest["members"]
    expected_names = {n + (ENCRYPTED_SUFFIX if manifest["encryption"] else "") for n in RECORD_LISTS}
    if set(listing) != expected_names:
        report.add("schema_invalid", "Bản kê liệt kê các thành phần không đúng định dạng "
                                     f"(cần: {', '.join(sorted(expected_names))}).")
    present = set(c.names) - {MANIFEST}
    for name in sorted(present - set(listing)):
        report.add("extra_member", f"Tệp có thành phần lạ “{_shown(name)}” không có trong bản kê.", name[:100])
    intact: dict[str, bytes] = {}
    for name in sorted(listing):
        entry = listing[name]
        if name not in c.infos:
            report.add("missing_member", f"Tệp thiếu thành phần “{name}”.", name)
            continue
        try:
            data = c.read(name, min(entry["size"], MAX_MEMBER))
        except MemberTooLarge:
            try:
                origin = _origin(c.read(name, MAX_MEMBER))
            except (MemberTooLarge, ValueError):
                origin = None
            mine = (manifest["agency_code"], manifest["day"], manifest["revision"])
            if origin is not None and origin != mine:
                report.add("foreign_member", _foreign_message(name, origin), name)
            elif entry["size"] > MAX_MEMBER:
                report.add("too_large", f"Thành phần “{name}” quá lớn (hơn {MAX_MEMBER // 1024 // 1024} MB "
                                        "khi giải nén); từ chối để an toàn.", name)
            else:
                report.add("altered_member", f"Thành phần “{name}” dài hơn bản kê ghi (tệp bị sửa hoặc "
                                             "là tệp nén bất thường).", name)
            continue
        except ValueError:
            report.add("altered_member", f"Thành phần “{name}” bị hỏng: dữ liệu nén không giải được "
                                         "(tệp bị sửa hoặc hỏng khi sao chép).", name)
            continue
        if sha256_hex(data) != entry["sha256"] or len(data) != entry["size"]:
            origin = _origin(data)
            mine = (manifest["agency_code"], manifest["day"], manifest["revision"])
            if origin is not None and origin != mine:
                report.add("foreign_member", _foreign_message(name, origin), name)
            else:
                report.add("altered_member", f"Thành phần “{name}” đã bị thay đổi (mã băm SHA-256 "
                                             "không khớp bản kê).", name)
        elif name in expected_names:
            intact[name] = data
    return intact


def _shown(name: str) -> str:
    """A member name as a message may show it (names are the sender's, not ours)."""
    text = "".join(ch if ch.isprintable() else "?" for ch in name[:100])
    return text + ("…" if len(name) > 100 else "")


def _check_content(manifest: dict, intact: dict[str, bytes],
                   province_key: ProvincePrivateKey | None, report: Inspection) -> None:
    mine = (manifest["agency_code"], manifest["day"], manifest["revision"])
    checked = sealed = 0
    for name in sorted(intact):
        entry, logical = manifest["members"][name], name.removesuffix(ENCRYPTED_SUFFIX)
        kind = RECORD_LISTS[logical]
        data = intact.pop(name)  # the bytes are let go as soon as they are parsed
        if entry["records"] != kind or entry["encrypted"] != name.endswith(ENCRYPTED_SUFFIX):
            report.add("schema_invalid", f"Bản kê ghi sai loại bản ghi hoặc cách mã hóa của “{name}”.", name)
            continue
        if entry["encrypted"]:
            try:
                envelope = read_envelope(data)[0]
            except (ValueError, UnicodeDecodeError):
                report.add("bad_member", f"“{name}” không phải dữ liệu mã hóa đúng định dạng.", name)
                continue
            errors = day_validator("envelopeHeader", manifest["schema_version"]).errors(envelope)
            if errors:
                report.add("schema_invalid", f"Phần đầu của “{name}” không đúng định dạng: {errors[0]}.", name)
                continue
            if (envelope["agency_code"], envelope["day"], envelope["revision"]) != mine \
                    or envelope["member"] != logical:
                report.add("foreign_member", _foreign_message(name, (envelope["agency_code"],
                           envelope["day"], envelope["revision"])), name)
                continue
            recipient = manifest["encryption"]["recipient_key_id"]
            if envelope["recipient_key_id"] != recipient:
                report.add("schema_invalid", f"“{name}” mã hóa cho khóa khác với khóa ghi trong bản kê.", name)
                continue
            if province_key is None:
                report.notes.append(f"“{name}” đã mã hóa cho tỉnh; chưa kiểm tra nội dung bên trong "
                                    "(cần khóa bí mật của tỉnh: --key TỆP).")
                sealed += 1
                continue
            if recipient != province_key.key_id:
                report.add("wrong_recipient", f"Tệp được mã hóa cho khóa {recipient}, không phải khóa "
                                              f"của tỉnh này ({province_key.key_id}).", name)
                continue
            try:
                data = decrypt_member(data, province_key.encryption)[1]
            except DecryptError:
                report.add("decrypt_failed", f"Không giải mã được “{name}”: sai khóa hoặc dữ liệu đã bị "
                                             "sửa.", name)
                continue
        try:
            doc = safe_json.loads(data)
        except safe_json.JSONInputError as exc:
            report.add("bad_member", f"Thành phần “{name}” không đọc được ({exc}).", name)
            continue
        del data
        errors = day_validator(_MEMBER_DOCS[logical], manifest["schema_version"]).errors(doc)
        if errors:
            report.add("schema_invalid", f"Thành phần “{name}” không đúng định dạng: {errors[0]}.", name)
            continue
        header = doc["header"]
        if (header["agency_code"], header["day"], header["revision"]) != mine or header["member"] != logical:
            report.add("foreign_member", _foreign_message(name, (header["agency_code"], header["day"],
                                                                  header["revision"])), name)
            continue
        records = doc[kind]
        if len(records) != entry["count"] or len(records) != manifest["counts"][kind]:
            report.add("count_mismatch", f"“{name}” có {len(records)} bản ghi, bản kê ghi "
                                         f"{entry['count']}.", name)
        _check_records(kind, records, manifest["agency_code"], report, manifest["schema_version"])
        checked += 1
    report.content_checked = checked == len(RECORD_LISTS)
    report.sealed = sealed == len(RECORD_LISTS)


def _label(value, limit: int = 64) -> str:
    return value[:limit] if isinstance(value, str) else ""


_DATE_FIELDS = {"HoSo": ("NgayTiepNhan", "NgayHenTra", "NgayTra", "NgayKetThucXuLy", "NgayTuChoi",
                         "NgayCapNhat"),
                "TienDo": ("ThoiDiemXuLy",)}


def _unreal_dates(kind: str, record: dict) -> list[str]:
    """The schema checks a date's form (14 digits); the importer needs a real moment."""
    for name in _DATE_FIELDS[kind]:
        try:
            parse_portal_datetime(record[name])
        except ValueError:
            return [f"trường “{name}”: không phải ngày giờ có thật"]
    return []


def _check_records(kind: str, records: list, agency: str, report: Inspection, version: int) -> None:
    validate = day_validator(kind, version).errors
    seen: set[str] = set()
    good = report.dossiers if kind == "HoSo" else report.events
    for record in records:
        if len(report.rejected) >= MAX_REJECTED:  # not a counter's file: say so, keep no more
            report.add("too_many_invalid", f"Tệp có hơn {MAX_REJECTED} bản ghi không hợp lệ; không phải tệp "
                                           "do phần mềm của Bộ phận Một cửa lập. Không nạp.")
            good.clear()
            return
        errors = validate(record)
        uid = _label(record.get("Uid")) if isinstance(record, dict) else ""
        code = _label(record.get("MaHoSo")) if isinstance(record, dict) else ""
        if not errors and kind == "HoSo" and record["MaCoQuan"] != agency:
            errors = ["hồ sơ thuộc cơ quan khác với cơ quan gửi tệp"]
        if not errors:
            errors = _unreal_dates(kind, record)
        if not errors and uid in seen:
            errors = ["trùng Uid với một bản ghi khác trong tệp"]
        if errors:
            reason = "; ".join(errors[:3])
            report.rejected.append({"kind": kind, "uid": uid, "MaHoSo": code, "reason": reason})
            report.add(INVALID_RECORD, f"Bản ghi {kind} {code or uid or '(không tên)'} không hợp lệ: "
                                       f"{reason}.")
        else:
            seen.add(uid)
            good.append(record)


def inspect_bytes(data: bytes, *, trust: Trust | None = None,
                  province_key: ProvincePrivateKey | None = None, path: str = "") -> Inspection:
    """Check everything that can be checked; never raises for a bad file.

    Only the manifest (at most MAX_MANIFEST, read with the bounded JSON reader) is parsed
    before the signature is verified: it names the signer. Records are parsed only in a file
    whose signature is valid, trusted, and whose members match the manifest.
    """
    return _inspect([data], trust, province_key, path)


def _inspect(box: list[bytes], trust: Trust | None, province_key: ProvincePrivateKey | None,
             path: str) -> Inspection:
    """``box`` holds the file's bytes, emptied once its members are read: when the caller
    keeps no other reference, the file's memory is free before the records are parsed."""
    data = box[0]
    report = Inspection(path=path, sha256=sha256_hex(data))
    if len(data) > MAX_FILE:
        report.add("too_large", _too_large(len(data)))
        return report
    try:
        c = open_container(data)
    except ContainerError as exc:
        report.add(exc.code, exc.message)
        return report
    if MANIFEST not in c.infos:
        report.add("missing_member", "Tệp thiếu bản kê (manifest.json).", MANIFEST)
        return report
    try:
        raw = c.read(MANIFEST, MAX_MANIFEST)
    except MemberTooLarge:
        report.add("too_large", "Bản kê (manifest.json) quá lớn; từ chối để an toàn.", MANIFEST)
        return report
    except ValueError:
        report.add("altered_member", "Bản kê (manifest.json) bị hỏng: dữ liệu nén không giải được.", MANIFEST)
        return report
    try:
        manifest = safe_json.loads(raw)
    except safe_json.JSONInputError as exc:
        report.add("bad_manifest", f"Bản kê (manifest.json) không đọc được ({exc}).", MANIFEST)
        return report
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        report.add("not_a_sync_file", "Đây không phải tệp đồng bộ MotCua (bản kê không đúng loại).", MANIFEST)
        return report
    version = manifest.get("schema_version")
    if isinstance(version, bool) or version not in SUPPORTED_VERSIONS:
        report.add("unknown_schema_version",
                   f"Tệp dùng phiên bản định dạng {str(version)[:20]}, phần mềm này chỉ đọc phiên bản "
                   f"{', '.join(map(str, SUPPORTED_VERSIONS))}. Hãy cập nhật MotCua rồi kiểm tra lại.",
                   MANIFEST)
        return report
    errors = day_validator("manifest", version).errors(manifest)
    if not errors:
        try:
            date.fromisoformat(manifest["day"])
        except ValueError:
            errors = ["trường “day”: không phải ngày có thật"]
    if errors:
        report.add("schema_invalid", f"Bản kê không đúng định dạng phiên bản {version}: "
                                     f"{'; '.join(errors[:3])}.", MANIFEST)
        return report
    report.manifest = manifest
    signature = Inspection()
    _check_signature(c, manifest, trust, signature)
    intact = _check_members(c, manifest, report)
    report.problems += signature.problems  # members first: they say which part changed
    del c, data
    box.clear()
    if not report.problems:
        _check_content(manifest, intact, province_key, report)
    return report


def _too_large(size: int) -> str:
    return (f"Tệp quá lớn ({size / 1024 / 1024:.0f} MB, tối đa {MAX_FILE // 1024 // 1024} MB): không "
            "phải tệp đồng bộ một ngày của một cơ quan; từ chối để an toàn.")


def verify_file(path: str | Path, *, trust: Trust | None = None,
                province_key: ProvincePrivateKey | None = None) -> Inspection:
    """Verify the file at ``path`` (read only if it is no larger than MAX_FILE)."""
    try:
        size = Path(path).stat().st_size
        if size > MAX_FILE:
            report = Inspection(path=str(path))
            report.add("too_large", _too_large(size))
            return report
        with open(path, "rb") as handle:
            box = [handle.read(MAX_FILE + 1)]
    except FileNotFoundError:
        raise MotCuaError(f"Không tìm thấy tệp: {path}") from None
    except IsADirectoryError:
        raise MotCuaError(f"{path} là một thư mục, không phải tệp đồng bộ.") from None
    except OSError as exc:
        raise MotCuaError(f"Không đọc được tệp {path}: {os_reason(exc)}") from None
    return _inspect(box, trust, province_key, str(path))


def inspection_lines(report: Inspection) -> list[str]:
    """The verdict as an officer reads it."""
    lines = [f"Tệp: {report.path}"]
    m = report.manifest
    if m:
        lines.append(f"Cơ quan: {m['agency_code']} – ngày {vn_date(date.fromisoformat(m['day']))} – "
                     f"lần xuất {m['revision']} – {m['counts']['HoSo']} hồ sơ, "
                     f"{m['counts']['TienDo']} bước xử lý"
                     + (" – đã mã hóa" if m.get("encryption") else " – không mã hóa"))
        if m["counts"]["set_aside"]:
            lines.append(f"Khi xuất đã để riêng {m['counts']['set_aside']} bản ghi lỗi: "
                         + ", ".join(s["MaHoSo"] or s["uid"] for s in m["set_aside"]))
    for p in report.problems:
        lines.append(f"LỖI: {p.message}")
    for note in report.notes:
        lines.append(f"Lưu ý: {note}")
    if report.ok and report.content_checked:
        lines.append("KẾT QUẢ: tệp hợp lệ (đủ thành phần, đúng định dạng, đúng mã băm, đúng chữ ký).")
    elif report.ok:
        lines.append("KẾT QUẢ: tệp hợp lệ (cấu trúc, mã băm và chữ ký đúng; nội dung đã mã hóa cho tỉnh).")
    else:
        lines.append("KẾT QUẢ: tệp KHÔNG hợp lệ, không được nạp.")
    return lines
