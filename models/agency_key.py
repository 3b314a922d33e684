"""The agency's signing key (khóa ký của cơ quan), kept in the counter's database.

Why in the database and not in the user's data folder:
- the key belongs to the agency, not to one PC: counters sharing a PostgreSQL database sign
  with the one key the province registered, and a database restored from backup onto a new PC
  keeps the identity the province trusts;
- whoever can read this database already reads every citizen's data in it, so a separate key
  file would add no protection, only one more thing to lose. Backups are private files (0600)
  for the same reason.

The key is created when the agency is set up (models.session.setup_agency), so that every
backup holds it: a backup taken before the first export once had no key, and a counter
restored from it signed with a new key the province did not know. Older databases get theirs
on first need (an export, ``sync-key export``, or a backup).
"""
from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from datetime import datetime

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from .audit import now as clock
from .db import write_transaction
from .sync_state import SyncKey


@dataclass(frozen=True)
class StoredAgencyKey:
    key_id: str  # first 16 hex digits of SHA-256(public key)
    private_key: str  # base64 of the raw 32-byte seed
    public_key: str  # base64 of the raw 32-byte public key
    created_at: datetime


def _active():
    return SyncKey.select().where(SyncKey.active).order_by(SyncKey.created_at, SyncKey.key_id).first()


def stored_agency_key() -> StoredAgencyKey | None:
    """The active key, or None when none was made yet (reads only)."""
    row = _active()
    return StoredAgencyKey(row.key_id, row.private_key, row.public_key, row.created_at) if row else None


def ensure_agency_key(now: datetime | None = None) -> StoredAgencyKey:
    """The active key, created (once) if there is none."""
    found = stored_agency_key()
    if found is not None:
        return found
    with write_transaction():
        if _active() is None:
            private = Ed25519PrivateKey.generate()
            seed = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                         serialization.NoEncryption())
            public = private.public_key().public_bytes(serialization.Encoding.Raw,
                                                       serialization.PublicFormat.Raw)
            SyncKey.create(key_id=hashlib.sha256(public).hexdigest()[:16],
                           private_key=base64.b64encode(seed).decode("ascii"),
                           public_key=base64.b64encode(public).decode("ascii"),
                           created_at=now or clock())
    return stored_agency_key()
