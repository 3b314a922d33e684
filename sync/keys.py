"""Keys: the agency's signing key, the province's keys, and the province's keyring of agencies.

- The agency (commune) signs every day file with Ed25519. Its key is created when the agency
  is set up and kept in the counter's database (models.agency_key explains why there).
- The province has two keys in one private file it keeps to itself: X25519, to which the
  communes encrypt the records, and Ed25519, with which it signs acknowledgements. Its public
  file is configured at each commune (``sync-key set-province``).
- The province trusts an agency's files when the agency's public key file is in its keyring
  (a folder of such files, or one file listing them), or is given with ``--pubkey``.
- The way back: the province's packages for a commune carry personal data (online dossiers)
  encrypted to the commune. The commune's X25519 key for that is derived from its Ed25519
  seed (HKDF), so it needs no storage of its own; its public half is in the public key file.

Key files are small JSON documents with the raw keys in base64, so that an officer can open
one, see which agency it names, and send it by any means.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from models.agency_key import ensure_agency_key
from models.audit import audit
from models.audit import now as clock
from models.db import write_transaction
from models.errors import MotCuaError
from models.paths import data_dir
from models.permissions import require
from models.safe_json import parse_document, read_file, read_json_document
from models.settings import require_settings
from models.sync_state import clear_sync_setting, set_sync_setting, sync_setting

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
        raise MotCuaError("Khóa không đúng định dạng base64.") from None
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

    @property
    def encryption(self) -> X25519PrivateKey:
        """The X25519 key province packages are encrypted to, derived from the seed."""
        return derive_encryption_key(self.seed)

    @property
    def encryption_raw(self) -> bytes:
        return raw_public(self.encryption.public_key())


def derive_encryption_key(seed: bytes) -> X25519PrivateKey:
    okm = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"motcua-agency-x25519",
               info=b"motcua-package-v1 recipient").derive(seed)
    return X25519PrivateKey.from_private_bytes(okm)


def agency_signing_key(now: datetime | None = None) -> AgencyKey:
    """The agency's Ed25519 key, created (once) on first need."""
    stored = ensure_agency_key(now)
    private = Ed25519PrivateKey.from_private_bytes(unb64(stored.private_key, 32))
    return AgencyKey(stored.key_id, private, raw_public(private.public_key()), stored.created_at)


def agency_public_key_document(now: datetime | None = None) -> dict:
    """What the commune sends the province once, to be put in its keyring."""
    key = agency_signing_key(now)
    return {"format": AGENCY_PUBLIC, "agency_code": require_settings().agency_code,
            "algorithm": "Ed25519", "key_id": key.key_id, "public_key": b64(key.public_raw),
            "encryption_public_key": b64(key.encryption_raw), "encryption_key_id": key_id(key.encryption_raw),
            "created_at": portal_datetime(key.created_at)}


@dataclass(frozen=True)
class CounterPublicKey:
    """What the province knows of a commune from its public key file: who signs its files,
    and where to encrypt the packages for it."""

    agency_code: str
    signing_raw: bytes
    encryption_raw: bytes

    @property
    def encryption_key_id(self) -> str:
        return key_id(self.encryption_raw)


def load_counter_public(path: str | Path) -> CounterPublicKey:
    """The file a commune gives with ``sync-key export``."""
    data = read_json_document(path, "khóa công khai của xã")
    if data.get("format") != AGENCY_PUBLIC:
        raise MotCuaError(f"Tệp {path} không phải khóa công khai của cơ quan (motcua-agency-public-key).")
    if not data.get("encryption_public_key"):
        raise MotCuaError(f"Tệp khóa {path} chưa có khóa mã hóa (encryption_public_key): xã cần xuất lại "
                          "bằng lệnh sync-key export của phiên bản MotCua này.")
    return CounterPublicKey(str(data.get("agency_code") or ""), unb64(data.get("public_key", ""), 32),
                            unb64(data["encryption_public_key"], 32))


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

    @property
    def signing_seed(self) -> bytes:
        """The signing key's raw seed: also where a package's deterministic encryption derives."""
        return raw_private(self.signing)


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


def load_province_private(path: str | Path) -> ProvincePrivateKey:
    data = read_json_document(path, "khóa bí mật của tỉnh")
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
    data = read_json_document(path, "khóa công khai của tỉnh")
    key = parse_province_public(data, str(path))
    created = data.get("created_at", "")
    with write_transaction():
        set_sync_setting(PROVINCE_SETTING, province_public_document(
            key, created if isinstance(created, str) else ""))
        audit("sync.keys", actor, "sync", "province_key", {"set": key.key_id})
    return key


def clear_province_key(*, by) -> None:
    """Forget the province's key: day files go unencrypted again (admin)."""
    actor = require(by, "sync.keys", entity="sync", entity_id="province_key")
    with write_transaction():
        clear_sync_setting(PROVINCE_SETTING)
        audit("sync.keys", actor, "sync", "province_key", {"cleared": True})


def province_public_key() -> ProvincePublicKey | None:
    """The configured province key, or None (then records go unencrypted, and acks unchecked)."""
    stored = sync_setting(PROVINCE_SETTING)
    return parse_province_public(stored) if isinstance(stored, dict) else None


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


def default_keyring() -> Path:
    """MOTCUA_SYNC_KEYRING, else the folder "keyring" in the user's data folder."""
    return Path(os.environ.get("MOTCUA_SYNC_KEYRING") or data_dir() / "keyring")


def _add_key_document(trust: Trust, data: dict, source: str) -> None:
    if data.get("format") == KEYRING:
        keys = data.get("keys") or []
        if not isinstance(keys, list) or not all(isinstance(item, dict) for item in keys):
            raise MotCuaError(f"Tệp {source}: “keys” phải là danh sách các khóa công khai.")
        for item in keys:
            _add_key_document(trust, item, source)
        return
    if data.get("format") != AGENCY_PUBLIC:
        raise MotCuaError(f"Tệp {source} không phải khóa công khai của cơ quan (motcua-agency-public-key).")
    trust.add(data.get("agency_code") or None, unb64(data.get("public_key", ""), 32))


def add_trusted_file(trust: Trust, path: str | Path) -> None:
    """A JSON key file (agency key or keyring), or a PEM Ed25519 public key (any agency)."""
    path = Path(path)
    raw = read_file(path, "khóa công khai")
    if raw.lstrip().startswith(b"-----BEGIN"):
        try:
            key = serialization.load_pem_public_key(raw)
        except ValueError:
            raise MotCuaError(f"Tệp PEM {path} không đọc được.") from None
        if not isinstance(key, Ed25519PublicKey):
            raise MotCuaError(f"Tệp {path} không phải khóa công khai Ed25519.")
        trust.add(None, raw_public(key))
        return
    document = parse_document(raw, f"Tệp khóa công khai {path}")
    if not isinstance(document, dict):
        raise MotCuaError(f"Tệp khóa công khai {path} không đúng định dạng (cần một đối tượng JSON).")
    _add_key_document(trust, document, str(path))


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

