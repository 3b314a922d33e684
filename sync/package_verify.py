"""Checking a province package at the counter (kiểm tra gói dữ liệu của tỉnh).

Everything that can be checked without the counter's database: the zip and its signature by
the province's key (configured with ``sync-key set-province``), the agency it is meant for, the
members against the manifest, their decryption with the counter's key and their schema. The
sequence (an older or replayed package) is checked where it is applied (sync.package_apply).
Each problem has a stable code and a Vietnamese message; docs/sync-format.md lists them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from models.errors import MotCuaError
from models.safe_json import loads

from .container import MAX_MANIFEST, MAX_MEMBER, ContainerError, MemberTooLarge, open_container
from .crypto import DecryptError, decrypt_member, read_envelope
from .format import MANIFEST, parse_portal_datetime, sha256_hex
from .keys import ProvincePublicKey, key_id, raw_public, unb64, verify_ed25519
from .package_format import (
    MEMBER_DOCS,
    MEMBERS,
    PACKAGE_FORMAT,
    PERSONAL,
    SUPPORTED_PACKAGE_VERSIONS,
    package_validator,
)

_CONTAINER_MESSAGES = {
    "not_a_sync_file": "Đây không phải gói dữ liệu của tỉnh (không phải tệp ZIP).",
    "unsigned": "Gói không mang chữ ký số của tỉnh.",
}


@dataclass(frozen=True)
class PackageProblem:
    code: str
    message: str

    def to_dict(self) -> dict:
        return {"code": self.code, "message": self.message}


@dataclass
class PackageInspection:
    """What the checks found; ``contents`` maps kind → payload once every check passed."""

    path: str = ""
    sha256: str = ""
    manifest: dict | None = None
    problems: list[PackageProblem] = field(default_factory=list)
    contents: dict = field(default_factory=dict)
    signed: bool = False  # signed by the configured province key

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def agency_code(self) -> str:
        return (self.manifest or {}).get("agency_code", "")

    @property
    def sequence(self) -> int:
        return int((self.manifest or {}).get("sequence", 0) or 0)

    @property
    def created_at(self):
        text = (self.manifest or {}).get("created_at", "")
        return parse_portal_datetime(text) if text else None

    def add(self, code: str, message: str) -> None:
        self.problems.append(PackageProblem(code, message))


@dataclass
class _Opened:
    """A package's zip, its members read whole (each within the container's bounds)."""

    signature: bytes
    signed_part: bytes | memoryview
    members: dict[str, bytes] = field(default_factory=dict)
    broken: set[str] = field(default_factory=set)  # damaged, or larger than the bound


def _open(data: bytes) -> _Opened:
    c = open_container(data)
    opened = _Opened(c.signature, c.signed_part)
    for name in c.names:
        try:
            opened.members[name] = bytes(c.read(name, MAX_MANIFEST if name == MANIFEST else MAX_MEMBER))
        except (ValueError, MemberTooLarge):
            opened.broken.add(name)
    return opened


def _signature(c: _Opened, manifest: dict, province: ProvincePublicKey | None, report: PackageInspection) -> None:
    if province is None or province.signing_raw is None:
        report.add("no_province_key", "Chưa cấu hình khóa công khai của tỉnh (có khóa ký) tại Bộ phận Một cửa, nên "
                                      "không xác nhận được gói do tỉnh lập. Hãy nhập khóa bằng sync-key set-province.")
        return
    if verify_ed25519(province.signing_raw, c.signature, c.signed_part):
        report.signed = True
        return
    try:
        embedded = unb64(manifest["signer"]["public_key"], 32)
    except MotCuaError:
        embedded = b""
    if embedded and embedded != province.signing_raw and verify_ed25519(embedded, c.signature, c.signed_part):
        report.add("wrong_signer", f"Gói được ký bằng khóa {key_id(embedded)}, không phải khóa của tỉnh đã cấu "
                                   f"hình ({province.signing_key_id}): không phải gói do tỉnh lập, không áp dụng.")
    else:
        report.add("bad_signature", "Chữ ký số của gói không khớp nội dung: gói đã bị sửa sau khi tỉnh ký, hoặc "
                                    "bị hỏng khi sao chép. Không áp dụng; hãy xin tỉnh gửi lại.")


def _members(c: _Opened, manifest: dict, report: PackageInspection) -> None:
    listing: dict = manifest["members"]
    allowed = {name + (".enc" if name in PERSONAL else "") for name in MEMBERS}
    for name in sorted(set(listing) - allowed):
        report.add("schema_invalid", f"Bản kê của gói liệt kê thành phần lạ “{name}”.")
    for name in sorted((set(c.members) | set(c.broken)) - {MANIFEST} - set(listing)):
        report.add("extra_member", f"Gói có thành phần lạ “{name}” không có trong bản kê.")
    for name in sorted(set(listing) & allowed):
        entry = listing[name]
        if name in c.broken:
            report.add("altered_member", f"Thành phần “{name}” của gói bị hỏng (dữ liệu nén không giải được).")
        elif name not in c.members:
            report.add("missing_member", f"Gói thiếu thành phần “{name}”.")
        elif sha256_hex(c.members[name]) != entry["sha256"] or len(c.members[name]) != entry["size"]:
            report.add("altered_member", f"Thành phần “{name}” của gói đã bị thay đổi (mã băm không khớp bản kê).")


def _content(c: _Opened, manifest: dict, decrypt_key: X25519PrivateKey | None,
             report: PackageInspection) -> None:
    mine = (manifest["agency_code"], manifest["sequence"])
    for name, entry in sorted(manifest["members"].items()):
        logical = name.removesuffix(".enc")
        kind = MEMBERS[logical]
        data = c.members[name]
        if entry["kind"] != kind or entry["encrypted"] != name.endswith(".enc"):
            report.add("schema_invalid", f"Bản kê ghi sai loại hoặc cách mã hóa của “{name}”.")
            continue
        if entry["encrypted"]:
            try:
                envelope = read_envelope(data)[0]
            except (ValueError, UnicodeDecodeError):
                report.add("decrypt_failed", f"“{name}” không phải dữ liệu mã hóa đúng định dạng.")
                continue
            errors = package_validator("envelopeHeader").errors(envelope)
            if errors:
                report.add("schema_invalid", f"Phần đầu của “{name}” không đúng định dạng: {errors[0]}.")
                continue
            if (envelope["agency_code"], envelope["sequence"]) != mine or envelope["member"] != logical:
                report.add("foreign_member", f"Thành phần “{name}” lấy từ một gói khác (cơ quan "
                                             f"{envelope['agency_code']}, gói số {envelope['sequence']}).")
                continue
            mine_key = key_id(raw_public(decrypt_key.public_key())) if decrypt_key else ""
            if envelope["recipient_key_id"] != mine_key:
                report.add("wrong_recipient", f"“{name}” được mã hóa cho khóa {envelope['recipient_key_id']}, không "
                                              f"phải khóa của Bộ phận Một cửa này ({mine_key}): tỉnh đã dùng khóa "
                                              "công khai cũ hoặc của nơi khác.")
                continue
            try:
                data = decrypt_member(data, decrypt_key)[1]
            except DecryptError:
                report.add("decrypt_failed", f"Không giải mã được “{name}”: sai khóa hoặc dữ liệu đã bị sửa.")
                continue
        try:
            doc = loads(data)  # bounded: depth, number sizes (models.safe_json)
        except ValueError:
            report.add("schema_invalid", f"Thành phần “{name}” không đọc được (không phải JSON UTF-8).")
            continue
        errors = package_validator(MEMBER_DOCS[kind]).errors(doc)
        if errors:
            report.add("schema_invalid", f"Thành phần “{name}” không đúng định dạng: {'; '.join(errors[:3])}.")
            continue
        header = doc["header"]
        if (header["agency_code"], header["sequence"]) != mine or header["member"] != logical:
            report.add("foreign_member", f"Thành phần “{name}” lấy từ một gói khác (cơ quan {header['agency_code']}, "
                                         f"gói số {header['sequence']}).")
            continue
        payload = doc[kind]
        count = 1 if kind == "catalog" else len(payload)
        if count != entry["count"]:
            report.add("count_mismatch", f"“{name}” có {count} mục, bản kê ghi {entry['count']}.")
            continue
        report.contents[kind] = payload


def inspect_package(data: bytes, *, agency_code: str, province: ProvincePublicKey | None,
                    decrypt_key: X25519PrivateKey | None, path: str = "") -> PackageInspection:
    """Check a package for this counter; never raises for a bad file."""
    report = PackageInspection(path=path, sha256=sha256_hex(data))
    try:
        c = _open(data)
    except ContainerError as exc:
        report.add("not_a_package" if exc.code == "not_a_sync_file" else exc.code,
                   _CONTAINER_MESSAGES.get(exc.code, exc.message))
        return report
    if MANIFEST in c.broken or MANIFEST not in c.members:
        report.add("missing_member", "Gói thiếu bản kê (manifest.json) hoặc bản kê bị hỏng.")
        return report
    try:
        manifest = loads(c.members[MANIFEST])
    except ValueError:
        report.add("bad_manifest", "Bản kê của gói (manifest.json) không đọc được.")
        return report
    if not isinstance(manifest, dict) or manifest.get("format") != PACKAGE_FORMAT:
        report.add("not_a_package", "Đây không phải gói dữ liệu của tỉnh (bản kê không đúng loại; tệp đồng bộ "
                                    "theo ngày thì dùng verify-sync).")
        return report
    version = manifest.get("schema_version")
    if isinstance(version, bool) or version not in SUPPORTED_PACKAGE_VERSIONS:
        report.add("unknown_schema_version", f"Gói dùng phiên bản định dạng {version!s}, phần mềm này chỉ đọc "
                                             f"phiên bản {', '.join(map(str, SUPPORTED_PACKAGE_VERSIONS))}. "
                                             "Hãy cập nhật MotCua.")
        return report
    errors = package_validator("manifest").errors(manifest)
    if errors:
        report.add("schema_invalid", f"Bản kê của gói không đúng định dạng: {'; '.join(errors[:3])}.")
        return report
    report.manifest = manifest
    _signature(c, manifest, province, report)
    if report.problems:
        return report
    if manifest["agency_code"] != agency_code:
        report.add("wrong_agency", f"Gói này tỉnh lập cho cơ quan {manifest['agency_code']}, không phải cơ quan "
                                   f"này ({agency_code}). Không áp dụng; hãy chuyển gói cho đúng nơi.")
        return report
    _members(c, manifest, report)
    if not report.problems:
        _content(c, manifest, decrypt_key, report)
    return report
