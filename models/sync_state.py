"""Storage for the day files (đồng bộ dữ liệu): the agency's signing key, sync settings, exports.

These tables live in the counter's database beside models.tables (same ``database`` proxy).
They are created by schema migration 2 (models.migrations), like every other table.

The agency's private key is stored here, in the database, and not in the user's data folder:
- the key belongs to the agency, not to one PC: counters sharing a PostgreSQL database sign
  with the one key the province registered, and a database restored from backup onto a new PC
  keeps the identity the province trusts;
- whoever can read this database already reads every citizen's data in it, so a separate key
  file would add no protection, only one more thing to lose. Backups must be guarded as such.
"""
from __future__ import annotations

from peewee import (
    AutoField, BooleanField, CharField, DateField, DateTimeField, IntegerField, TextField,
)

from .tables import BaseModel


class SyncKey(BaseModel):
    """The agency's Ed25519 signing key (khóa ký của cơ quan); one active row."""

    key_id = CharField(primary_key=True)  # first 16 hex digits of SHA-256(public key)
    algorithm = CharField(default="Ed25519")
    private_key = TextField()  # base64 of the raw 32-byte seed
    public_key = TextField()  # base64 of the raw 32-byte public key
    created_at = DateTimeField()
    active = BooleanField(default=True)


class SyncSetting(BaseModel):
    """Sync settings as JSON values: the province's public keys, the export folder."""

    key = CharField(primary_key=True)
    value = TextField()


class SyncExport(BaseModel):
    """One day file written (lần xuất): what it holds and whether the province received it."""

    id = AutoField()
    agency_code = CharField()
    day = DateField()
    revision = IntegerField()
    created_at = DateTimeField()
    path = TextField(default="")
    file_sha256 = CharField()
    content_digest = CharField()  # digest of everything but the revision (see sync.export)
    change_count = IntegerField()  # SyncChange rows of the day seen by this export
    last_seq = IntegerField(default=0)
    dossiers = IntegerField(default=0)
    events = IntegerField(default=0)
    set_aside = TextField(default="[]")  # JSON list of records left out, by name
    encrypted = BooleanField(default=False)
    acked_at = DateTimeField(null=True)
    ack_status = CharField(default="")  # applied | already_applied | superseded | refused
    ack_message = TextField(default="")

    class Meta:
        indexes = ((("agency_code", "day", "revision"), True),)


SYNC_TABLES = [SyncKey, SyncSetting, SyncExport]

# Counting a dossier's changes (its version in the day file) walks SyncChange by dossier.
SYNC_INDEXES = (
    "CREATE INDEX IF NOT EXISTS sync_change_dossier_id ON sync_change (dossier_id)",
)
