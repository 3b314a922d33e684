"""Keys: the agency's signing key, the province's keys, and the province's keyring of agencies.

- The agency (commune) signs every day file with Ed25519. Its key is created on first need
  and kept in the counter's database (models.sync_state explains why there).
- The province has two keys in one private file it keeps to itself: X25519, to which the
  communes encrypt the records, and Ed25519, with which it signs acknowledgements. Its public
  file is configured at each commune (``sync-key set-province``).
- The province trusts an agency's files when the agency's public key file is in its keyring
  (a folder of such files, or one file listing them), or is given with ``--pubkey``.

Key files are small JSON documents with the raw keys in base64, so that an officer can open
one, see which agency it names, and send it by any means.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from models.audit import audit, now as clock
from models.permissions import require
from models.db import write_transaction
from models.errors import MotCuaError
from models.paths import data_dir
from models.settings import require_settings
from models.sync_state import SyncKey, SyncSetting

from .format import portal_datetime

AGENCY_PUBLIC = "motcua-agency-public-key"
KEYRING = "motcua-keyring"
PROVINCE_PRIVATE = "motcua-province-private-key"
PROVINCE_PUBLIC = "motcua-province-public-key"
PROVINCE_SETTING = "province_public_key"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str, size: int | None = None) -> bytes:
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, AttributeError, UnicodeEncodeError):
        raise MotCuaError("Khóa không đúng định dạng base64.")
    if size is not None and len(raw) != size:
        raise MotCuaError(f"Khóa phải dài {size} byte (nhận được {len(raw)}).")
    return raw


def key_id(public_raw: bytes) -> str:
    """A short name for a public key: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(public_raw).hexdigest()[:16]


def raw_public(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def raw_private(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption())


def verify_ed25519(public_raw: bytes, signature: bytes, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, message)
        return True
    except (InvalidSignature, ValueError):
        return False


# --- the agency's key (counter side) -------------------------------------------------------

@dataclass(frozen=True)
class AgencyKey:
    key_id: str
    private: Ed25519PrivateKey
    public_raw: bytes
    created_at: datetime

    @property
    def seed(self) -> bytes:
        """The raw private key; also the secret from which deterministic encryption derives."""
        return raw_private(self.private)

    def sign(self, message: bytes) -> bytes:
        return self.private.sign(message)

    def signer(self) -> dict:
        return {"algorithm": "Ed25519", "key_id": self.key_id, "public_key": b64(self.public_raw)}


def _agency_key_from_row(row: SyncKey) -> AgencyKey:
    private = Ed25519PrivateKey.from_private_bytes(unb64(row.private_key, 32))
    return AgencyKey(row.key_id, private, raw_public(private.public_key()), row.created_at)


def agency_signing_key(now: datetime | None = None) -> AgencyKey:
    """The agency's Ed25519 key, created (once) on first need."""
    row = SyncKey.select().where(SyncKey.active).order_by(SyncKey.created_at, SyncKey.key_id).first()
    if row is None:
        with write_transaction():
            row = SyncKey.select().where(SyncKey.active).order_by(SyncKey.created_at).first()
            if row is None:
                private = Ed25519PrivateKey.generate()
                public = raw_public(private.public_key())
                row = SyncKey.create(key_id=key_id(public), private_key=b64(raw_private(private)),
                                     public_key=b64(public), created_at=now or clock())
    return _agency_key_from_row(row)


def agency_public_key_document(now: datetime | None = None) -> dict:
    """What the commune sends the province once, to be put in its keyring."""
    key = agency_signing_key(now)
    return {"format": AGENCY_PUBLIC, "agency_code": require_settings().agency_code,
            "algorithm": "Ed25519", "key_id": key.key_id, "public_key": b64(key.public_raw),
            "created_at": portal_datetime(key.created_at)}


# --- the province's keys ---------------------------------------------------------------------

@dataclass(frozen=True)
class ProvincePublicKey:
    """What a commune knows of the province: where to encrypt, and who signs acks."""

    encryption_raw: bytes
    signing_raw: bytes | None

    @property
    def key_id(self) -> str:
        return key_id(self.encryption_raw)

    @property
    def signing_key_id(self) -> str | None:
        return key_id(self.signing_raw) if self.signing_raw else None


@dataclass(frozen=True)
class ProvincePrivateKey:
    encryption: X25519PrivateKey
    signing: Ed25519PrivateKey

    @property
    def encryption_raw(self) -> bytes:
        return raw_public(self.encryption.public_key())

    @property
    def key_id(self) -> str:
        return key_id(self.encryption_raw)

    def public(self) -> ProvincePublicKey:
        return ProvincePublicKey(self.encryption_raw, raw_public(self.signing.public_key()))

    def signer(self) -> dict:
        public = raw_public(self.signing.public_key())
        return {"algorithm": "Ed25519", "key_id": key_id(public), "public_key": b64(public)}


def new_province_keys(now: datetime | None = None) -> tuple[dict, dict]:
    """A new key pair for a province: (private document, public document)."""
    enc, sig = X25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    private = ProvincePrivateKey(enc, sig)
    created = portal_datetime(now or clock())
    private_doc = {"format": PROVINCE_PRIVATE, "key_id": private.key_id,
                   "encryption_private_key": b64(raw_private(enc)),
                   "signing_private_key": b64(raw_private(sig)), "created_at": created}
    return private_doc, province_public_document(private.public(), created)


def province_public_document(key: ProvincePublicKey, created: str = "") -> dict:
    return {"format": PROVINCE_PUBLIC, "key_id": key.key_id,
            "encryption_public_key": b64(key.encryption_raw),
            "signing_public_key": b64(key.signing_raw) if key.signing_raw else "",
            "created_at": created}


def _read_json(path: str | Path, what: str) -> dict:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise MotCuaError(f"Không tìm thấy tệp {what}: {path}")
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise MotCuaError(f"Tệp {what} không đúng định dạng JSON: {path}")
    if not isinstance(data, dict):
        raise MotCuaError(f"Tệp {what} không đúng định dạng: {path}")
    return data


def load_province_private(path: str | Path) -> ProvincePrivateKey:
    data = _read_json(path, "khóa bí mật của tỉnh")
    if data.get("format") != PROVINCE_PRIVATE:
        raise MotCuaError(f"Tệp {path} không phải khóa bí mật của tỉnh (motcua-province-private-key).")
    return ProvincePrivateKey(
        X25519PrivateKey.from_private_bytes(unb64(data.get("encryption_private_key", ""), 32)),
        Ed25519PrivateKey.from_private_bytes(unb64(data.get("signing_private_key", ""), 32)))


def parse_province_public(data: dict, source: str = "") -> ProvincePublicKey:
    if data.get("format") != PROVINCE_PUBLIC:
        raise MotCuaError(f"Tệp {source} không phải khóa công khai của tỉnh (motcua-province-public-key).")
    signing = data.get("signing_public_key") or ""
    return ProvincePublicKey(unb64(data.get("encryption_public_key", ""), 32),
                             unb64(signing, 32) if signing else None)


def set_province_key(path: str | Path, *, by) -> ProvincePublicKey:
    """Configure the province's public key at the counter: from now on records are encrypted
    (admin)."""
    actor = require(by, "sync.keys", entity="sync", entity_id="province_key")
    data = _read_json(path, "khóa công khai của tỉnh")
    key = parse_province_public(data, str(path))
    value = json.dumps(province_public_document(key, data.get("created_at", "")), ensure_ascii=False)
    with write_transaction():
        SyncSetting.insert(key=PROVINCE_SETTING, value=value).on_conflict(
            conflict_target=[SyncSetting.key], update={SyncSetting.value: value}).execute()
        audit("sync.keys", actor, "sync", "province_key", {"set": key.key_id})
    return key


def clear_province_key(*, by) -> None:
    """Forget the province's key: day files go unencrypted again (admin)."""
    actor = require(by, "sync.keys", entity="sync", entity_id="province_key")
    with write_transaction():
        SyncSetting.delete().where(SyncSetting.key == PROVINCE_SETTING).execute()
        audit("sync.keys", actor, "sync", "province_key", {"cleared": True})


def province_public_key() -> ProvincePublicKey | None:
    """The configured province key, or None (then records go unencrypted, and acks unchecked)."""
    row = SyncSetting.get_or_none(SyncSetting.key == PROVINCE_SETTING)
    return parse_province_public(json.loads(row.value)) if row else None


# --- the province's keyring of agencies ------------------------------------------------------

@dataclass
class Trust:
    """Public keys the province trusts: per agency code, plus keys given without an agency."""

    by_agency: dict[str, set[bytes]] = field(default_factory=dict)
    any_agency: set[bytes] = field(default_factory=set)

    def add(self, agency_code: str | None, public_raw: bytes) -> None:
        if agency_code:
            self.by_agency.setdefault(agency_code, set()).add(public_raw)
        else:
            self.any_agency.add(public_raw)

    def keys_for(self, agency_code: str) -> set[bytes]:
        return self.by_agency.get(agency_code, set()) | self.any_agency

    @property
    def empty(self) -> bool:
        return not self.by_agency and not self.any_agency


def default_keyring() -> Path:
    """MOTCUA_SYNC_KEYRING, else the folder "keyring" in the user's data folder."""
    return Path(os.environ.get("MOTCUA_SYNC_KEYRING") or data_dir() / "keyring")


def _add_key_document(trust: Trust, data: dict, source: str) -> None:
    if data.get("format") == KEYRING:
        for item in data.get("keys") or []:
            _add_key_document(trust, item, source)
        return
    if data.get("format") != AGENCY_PUBLIC:
        raise MotCuaError(f"Tệp {source} không phải khóa công khai của cơ quan (motcua-agency-public-key).")
    trust.add(data.get("agency_code") or None, unb64(data.get("public_key", ""), 32))


def add_trusted_file(trust: Trust, path: str | Path) -> None:
    """A JSON key file (agency key or keyring), or a PEM Ed25519 public key (any agency)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise MotCuaError(f"Không tìm thấy tệp khóa công khai: {path}")
    if raw.lstrip().startswith(b"-----BEGIN"):
        try:
            key = serialization.load_pem_public_key(raw)
        except ValueError:
            raise MotCuaError(f"Tệp PEM {path} không đọc được.")
        if not isinstance(key, Ed25519PublicKey):
            raise MotCuaError(f"Tệp {path} không phải khóa công khai Ed25519.")
        trust.add(None, raw_public(key))
        return
    _add_key_document(trust, _read_json(path, "khóa công khai"), str(path))


def load_trust(keyring: str | Path | None = None, pubkeys: list[str] | None = None) -> Trust:
    """Trusted keys from ``--pubkey`` files and ``--keyring`` (file or folder).

    With neither, the default keyring folder is read if it exists.
    """
    trust = Trust()
    for path in pubkeys or []:
        add_trusted_file(trust, path)
    if keyring is None and not pubkeys:
        keyring = default_keyring()
        if not keyring.exists():
            return trust
    if keyring is not None:
        keyring = Path(keyring)
        if keyring.is_dir():
            for path in sorted(keyring.glob("*.json")) + sorted(keyring.glob("*.pem")):
                add_trusted_file(trust, path)
        else:
            add_trusted_file(trust, keyring)
    return trust


__all__ = [
    "AgencyKey", "ProvincePrivateKey", "ProvincePublicKey", "Trust",
    "agency_signing_key", "agency_public_key_document", "new_province_keys", "load_province_private",
    "set_province_key", "clear_province_key", "province_public_key", "load_trust",
    "default_keyring", "verify_ed25519", "key_id", "b64", "unb64",
]
