"""The companion file of a day: the electronic copies (số hóa) the day's records name.

``motcua-files_<agency>_<yyyyMMdd>.zip`` travels beside the day file, signed (Ed25519 over the
whole file, in the zip comment, like the day file) and, once the province's key is set,
each copy encrypted for the province (the day file's scheme). A day with many scans is split
into parts (``…-2.zip``, ``…-3.zip``) of at most PART_LIMIT bytes: far under the 4 GB a FAT32
USB stick allows per file, and small enough for the importer to check a part in memory. The
day file's manifest (schema version 2) lists every part with its SHA-256, so the day file
vouches for its companion too.

What a day's companion holds: each copy attached that day and named by a record of the file
(copies attached earlier travelled with their own day). Copies are stored, not compressed (a
PDF of scans does not compress), in SHA-256 order, so the same copies give the same bytes.

The importer (``apply-sync --files-dir``) checks each part — signature, manifest, each
member against its hash, each copy against its SHA-256 after decryption — and puts the
copies into a content-addressed store (the same layout as a counter's ``tep-dinh-kem``): a
copy already there is left as it is, so applying twice changes nothing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from models import safe_json
from models.attachment_store import DamagedCopy, FolderStore, Store, sha256_of

from .container import MAX_FILE, MAX_MANIFEST, ContainerError, MemberTooLarge, open_container, write_container
from .crypto import SCHEME, DecryptError, decrypt_member, encrypt_member, read_envelope
from .files import write_atomically
from .format import (
    APP_VERSION,
    ENCRYPTED_SUFFIX,
    FILES_FORMAT,
    MANIFEST,
    SCHEMA_VERSION,
    canonical_json,
    files_file_name,
    sha256_hex,
    vn_date,
)
from .keys import AgencyKey, ProvincePrivateKey, ProvincePublicKey, Trust
from .schema import day_validator

PART_LIMIT = 60 * 1024 * 1024  # bytes of copies per part (a part stays under the reader's 64 MB)
MAX_COPIES_PER_PART = 400  # keeps the zip's directory small (the reader's bound)
MAX_DIRECTORY = 128 * 1024
_OVERHEAD = 2048  # an encrypted copy's header line and tag, a zip entry's headers


@dataclass(frozen=True)
class Part:
    name: str
    data: bytes
    count: int

    def entry(self) -> dict:
        return {"name": self.name, "sha256": sha256_hex(self.data), "size": len(self.data), "count": self.count}


def _split(copies: list[tuple[str, int]], part_limit: int) -> list[list[str]]:
    """SHA-256s grouped into parts in order, each under the limit (a copy bigger than the limit
    gets a part of its own)."""
    parts: list[list[str]] = []
    size = 0
    for sha, length in copies:
        if not parts or len(parts[-1]) >= MAX_COPIES_PER_PART or (parts[-1] and size + length > part_limit):
            parts.append([])
            size = 0
        parts[-1].append(sha)
        size += length + _OVERHEAD
    return parts


def build_parts(agency: str, day: date, copies: dict[str, int], store: Store, key: AgencyKey,
                province: ProvincePublicKey | None, *, part_limit: int | None = None) -> list[Part]:
    """The companion file(s) for ``copies`` (SHA-256 → size), each copy read from ``store``
    (checked against its hash on the way)."""
    groups = _split(sorted(copies.items()), part_limit or PART_LIMIT)
    parts = []
    for number, group in enumerate(groups, start=1):
        members, listing = [], []
        for sha in group:
            data = store.get(sha)
            member = f"{sha}.pdf"
            stored = data
            if province is not None:
                header = {"format": FILES_FORMAT, "schema_version": SCHEMA_VERSION, "agency_code": agency,
                          "day": day.isoformat(), "revision": number, "member": member}
                stored = encrypt_member(data, header, province.encryption_raw, key.seed, compress=False)
                member += ENCRYPTED_SUFFIX
            members.append((member, stored))
            listing.append({"sha256": sha, "member": member, "size": len(data),
                            "stored_sha256": sha256_hex(stored), "stored_size": len(stored)})
        manifest = {"format": FILES_FORMAT, "schema_version": SCHEMA_VERSION, "agency_code": agency,
                    "day": day.isoformat(), "part": number, "parts": len(groups), "app_version": APP_VERSION,
                    "copies": listing,
                    "encryption": {"scheme": SCHEME, "recipient_key_id": province.key_id} if province else None,
                    "signer": key.signer()}
        data = write_container([(MANIFEST, canonical_json(manifest))] + members, key.sign, day,
                               frozenset(name for name, _ in members))
        parts.append(Part(files_file_name(agency, day, number), data, len(group)))
    return parts


def write_parts(folder: Path, parts: list[Part]) -> None:
    """Each part into ``folder``, whole or not at all; a part already there unchanged is left."""
    for part in parts:
        target = folder / part.name
        try:
            if target.stat().st_size == len(part.data) and sha256_hex(target.read_bytes()) == sha256_hex(part.data):
                continue
        except OSError:
            pass
        write_atomically(target, part.data)


# -- the province's side -------------------------------------------------------------------------------
@dataclass
class FilesOutcome:
    """What applying a day's companion did: copies new in the store, copies it had, problems."""

    stored: int = 0
    present: int = 0
    problems: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"stored": self.stored, "present": self.present, "problems": self.problems}


class CompanionError(Exception):
    """A companion part refused as a whole; the message says why, in Vietnamese."""


def _read_part(path: Path, entry: dict) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE:
            raise CompanionError(f"Tệp {path.name} quá lớn ({size // 1024 // 1024} MB); từ chối để an toàn.")
        data = path.read_bytes()
    except FileNotFoundError:
        raise CompanionError(f"Thiếu tệp bản điện tử {entry['name']} (phải nằm cạnh tệp đồng bộ ngày).") from None
    except OSError as exc:
        raise CompanionError(f"Không đọc được tệp {path.name} ({exc.strerror or exc}).") from None
    if len(data) != entry["size"] or sha256_hex(data) != entry["sha256"]:
        raise CompanionError(f"Tệp {path.name} không khớp mã băm SHA-256 ghi trong tệp đồng bộ ngày: tệp đã bị "
                             "thay đổi, hỏng khi sao chép, hoặc là của một lần xuất khác.")
    return data


def open_part(data: bytes, *, agency: str, day: date, trust: Trust | None,
              province_key: ProvincePrivateKey | None, name: str = "") -> dict[str, bytes]:
    """The copies of one companion part (SHA-256 → PDF bytes), every check passed; a problem
    refuses the part (CompanionError)."""
    from .verify import Inspection, _check_signature

    try:
        c = open_container(data, max_members=MAX_COPIES_PER_PART + 1, max_directory=MAX_DIRECTORY)
        manifest = safe_json.loads(c.read(MANIFEST, MAX_MANIFEST))
    except ContainerError as exc:
        raise CompanionError(f"{name}: {exc.message}") from None
    except (KeyError, MemberTooLarge, ValueError, safe_json.JSONInputError):
        raise CompanionError(f"{name}: bản kê (manifest.json) thiếu hoặc không đọc được.") from None
    errors = day_validator("filesManifest", SCHEMA_VERSION).errors(manifest) if isinstance(manifest, dict) \
        else ["không phải đối tượng JSON"]
    if errors:
        raise CompanionError(f"{name}: bản kê không đúng định dạng ({errors[0]}).")
    if manifest["agency_code"] != agency or manifest["day"] != day.isoformat():
        raise CompanionError(f"{name}: là tệp của cơ quan {manifest['agency_code']}, ngày "
                             f"{manifest['day']}, không phải của tệp đồng bộ ngày {vn_date(day)}.")
    signature = Inspection()
    _check_signature(c, manifest, trust, signature)
    if signature.problems:
        raise CompanionError(f"{name}: {signature.problems[0].message}")
    listed = {entry["member"]: entry for entry in manifest["copies"]}
    extra = set(c.names) - set(listed) - {MANIFEST}
    if extra or len(listed) != len(manifest["copies"]):
        raise CompanionError(f"{name}: có thành phần không có trong bản kê, hoặc trùng tên.")
    encrypted = manifest["encryption"] is not None
    if encrypted and province_key is None:
        raise CompanionError(f"{name}: bản điện tử đã mã hóa cho tỉnh; cần khóa bí mật của tỉnh (--key).")
    if encrypted and manifest["encryption"]["recipient_key_id"] != province_key.key_id:
        raise CompanionError(f"{name}: mã hóa cho khóa {manifest['encryption']['recipient_key_id']}, không phải "
                             f"khóa của tỉnh này.")
    copies: dict[str, bytes] = {}
    for member, entry in sorted(listed.items()):
        if member not in c.infos:
            raise CompanionError(f"{name}: thiếu bản điện tử {entry['sha256'][:12]}….")
        if member.endswith(ENCRYPTED_SUFFIX) != encrypted:
            raise CompanionError(f"{name}: bản kê ghi sai cách mã hóa của {member}.")
        try:
            stored = bytes(c.read(member, entry["stored_size"]))
        except (MemberTooLarge, ValueError):
            raise CompanionError(f"{name}: bản điện tử {entry['sha256'][:12]}… bị hỏng hoặc bị thay đổi.") from None
        if sha256_hex(stored) != entry["stored_sha256"]:
            raise CompanionError(f"{name}: bản điện tử {entry['sha256'][:12]}… đã bị thay đổi (mã băm không khớp).")
        data = stored
        if encrypted:
            try:
                header = read_envelope(stored)[0]
                if (header.get("agency_code"), header.get("day"), header.get("member")) != \
                        (agency, day.isoformat(), f"{entry['sha256']}.pdf"):
                    raise DecryptError("header of another copy")
                data = decrypt_member(stored, province_key.encryption)[1]
            except (DecryptError, ValueError):
                raise CompanionError(f"{name}: không giải mã được bản điện tử {entry['sha256'][:12]}… (sai khóa "
                                     "hoặc dữ liệu đã bị sửa).") from None
        if len(data) != entry["size"] or sha256_of(data) != entry["sha256"] or member.split(".")[0] != entry["sha256"]:
            raise CompanionError(f"{name}: bản điện tử {entry['sha256'][:12]}… không khớp mã SHA-256 của nó.")
        copies[entry["sha256"]] = data
    return copies


def apply_companion(folder: Path, files: dict, *, agency: str, day: date, trust: Trust | None,
                    province_key: ProvincePrivateKey | None, store: FolderStore) -> FilesOutcome:
    """Every part the day file's manifest lists (``files``), from ``folder``, into ``store``."""
    outcome = FilesOutcome()
    for entry in files["parts"]:
        try:
            data = _read_part(folder / entry["name"], entry)
            copies = open_part(data, agency=agency, day=day, trust=trust, province_key=province_key,
                               name=entry["name"])
        except CompanionError as exc:
            outcome.problems.append(str(exc))
            continue
        for sha, data in copies.items():
            try:
                if store.has(sha):
                    store.get(sha)  # a damaged copy in the store is replaced by the good one
                    outcome.present += 1
                    continue
            except DamagedCopy:
                pass
            store.put(sha, data)
            outcome.stored += 1
    return outcome
