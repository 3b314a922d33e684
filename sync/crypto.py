"""Encrypting a member to the province: X25519 + HKDF-SHA256 + AES-256-GCM, deterministically.

An encrypted member is one readable header line (JSON, no personal data) and the ciphertext:

    MOTCUA-ENC1\\n{header JSON}\\n<AES-GCM ciphertext and tag>

The header is the associated data, so it cannot be changed or moved to another file. The
plaintext is compressed (zlib) before encryption, since ciphertext does not compress: the zip
stores encrypted members as they are.

Why deterministic: re-exporting an unchanged day must give the same bytes. The ephemeral
X25519 key is therefore derived, with HKDF, from the agency's secret signing seed and a hash of
(header, plaintext), instead of drawn at random. A different plaintext or header gives a
different ephemeral key, hence a different AES key, so a key and nonce never serve two
messages; what this reveals is only that two files carry identical records, which the
manifest's hashes say anyway. Without the agency's seed nobody can predict the ephemeral key.
"""
from __future__ import annotations

import hashlib
import zlib

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from models import safe_json

from .container import MAX_MEMBER
from .format import canonical_json
from .keys import b64, key_id, raw_public, unb64

SCHEME = "X25519-HKDF-SHA256-AES-256-GCM"
MAGIC = b"MOTCUA-ENC1\n"
COMPRESSION = "zlib"
NO_COMPRESSION = "none"  # the companion's PDFs of scans: already compressed (sync.companion)
MAX_PLAINTEXT = MAX_MEMBER
MAX_HEADER = 4096  # the header line is about 400 bytes


class DecryptError(Exception):
    """The member cannot be opened with this key (wrong key, or altered)."""


def _hkdf(secret: bytes, salt: bytes, info: bytes, length: int) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=salt, info=info).derive(secret)


def _aead_key(shared: bytes, ephemeral_raw: bytes, recipient_raw: bytes) -> tuple[bytes, bytes]:
    okm = _hkdf(shared, ephemeral_raw + recipient_raw, b"motcua-sync-v1 aes-256-gcm", 44)
    return okm[:32], okm[32:]


def encrypt_member(plaintext: bytes, header: dict, recipient_raw: bytes, agency_seed: bytes,
                   *, compress: bool = True) -> bytes:
    """``header`` names the file (agency, day, revision, member); scheme fields are added.
    ``compress=False`` for data that does not compress (scans): the header says "none"."""
    header = dict(header, scheme=SCHEME, compression=COMPRESSION if compress else NO_COMPRESSION)
    header["recipient_key_id"] = key_id(recipient_raw)
    if compress:
        plaintext = zlib.compress(plaintext, 6)
    digest = hashlib.sha256(canonical_json(header) + b"\0" + plaintext).digest()
    ephemeral = X25519PrivateKey.from_private_bytes(
        _hkdf(agency_seed, digest, b"motcua-sync-v1 ephemeral " + recipient_raw, 32))
    ephemeral_raw = raw_public(ephemeral.public_key())
    header["ephemeral_public_key"] = b64(ephemeral_raw)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_raw))
    key, nonce = _aead_key(shared, ephemeral_raw, recipient_raw)
    header_bytes = canonical_json(header)
    return MAGIC + header_bytes + b"\n" + AESGCM(key).encrypt(nonce, plaintext, header_bytes)


def read_envelope(data: bytes) -> tuple[dict, bytes, bytes]:
    """(header, header bytes, ciphertext); ValueError when this is not an encrypted member."""
    if not data.startswith(MAGIC):
        raise ValueError("not an encrypted member")
    end = data.find(b"\n", len(MAGIC), len(MAGIC) + MAX_HEADER)
    if end < 0:
        raise ValueError("no header line")
    header_bytes = data[len(MAGIC):end]
    header = safe_json.loads(header_bytes)
    if not isinstance(header, dict):
        raise ValueError("header is not an object")
    return header, header_bytes, data[end + 1:]


def decrypt_member(data: bytes, recipient: X25519PrivateKey) -> tuple[dict, bytes]:
    """(header, plaintext); DecryptError if the key is not the recipient's or data was altered."""
    try:
        header, header_bytes, ciphertext = read_envelope(data)
        ephemeral_raw = unb64(header.get("ephemeral_public_key", ""), 32)
    except Exception as exc:  # noqa: BLE001 - any malformed envelope is one answer
        raise DecryptError(str(exc)) from exc
    recipient_raw = raw_public(recipient.public_key())
    shared = recipient.exchange(X25519PublicKey.from_public_bytes(ephemeral_raw))
    key, nonce = _aead_key(shared, ephemeral_raw, recipient_raw)
    try:
        compressed = AESGCM(key).decrypt(nonce, ciphertext, header_bytes)
    except InvalidTag:
        raise DecryptError("authentication failed") from None
    if header.get("compression") == NO_COMPRESSION and header.get("format") == "motcua-sync-files":
        if len(compressed) > MAX_PLAINTEXT:
            raise DecryptError("too large")
        return header, compressed
    if header.get("compression") != COMPRESSION:
        raise DecryptError("unknown compression")
    try:
        inflater = zlib.decompressobj()
        plaintext = inflater.decompress(compressed, MAX_PLAINTEXT)
    except zlib.error:
        raise DecryptError("bad compressed data") from None
    if inflater.unconsumed_tail or not inflater.eof:
        raise DecryptError("too large or incomplete")
    return header, plaintext
