"""Storage for electronic copies (bản điện tử, số hóa) of a dossier's papers and its result.

Created by the migration ``_v6_attachments`` (models.migrations). ``attachment`` holds what a
copy is (which dossier, which paper or the result, pages, size, who attached it and when) and
its SHA-256; the bytes themselves live in a content-addressed store (models.attachment_store):
files in the data folder beside a SQLite database, the ``attachment_blob`` table on a shared
PostgreSQL server. A copy replaced by a newer one keeps its row (``replaced_by``): nothing
attached is ever silently lost.
"""
from __future__ import annotations

from peewee import (
    AutoField,
    BlobField,
    BooleanField,
    CharField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    SmallIntegerField,
    TextField,
)

from .tables import BaseModel, Dossier, Officer

PAPER = "paper"  # thành phần hồ sơ
RESULT = "result"  # kết quả giải quyết


class Attachment(BaseModel):
    """One electronic copy of one paper (or of the result) of a dossier."""

    id = AutoField()
    dossier = ForeignKeyField(Dossier, backref="attachments", on_delete="CASCADE", index=False)
    kind = CharField()  # paper | result
    paper = SmallIntegerField(null=True)  # the paper's number on the receipt, from 1; None: result
    name = TextField(default="")  # the paper's name when attached (a result: its title)
    sha256 = CharField(index=True)
    pages = IntegerField()
    bytes = IntegerField()
    source = CharField(default="file")  # file | scan_folder | camera | reuse
    reused = BooleanField(default=False)  # tái sử dụng: an earlier copy of the same citizen
    officer = ForeignKeyField(Officer, on_delete="RESTRICT", index=False)
    attached_at = DateTimeField()
    replaced_by = IntegerField(null=True)  # the id of the copy that replaced this one
    replaced_at = DateTimeField(null=True)
    note = TextField(default="")

    class Meta:
        indexes = ((("dossier", "kind", "paper"), False),)


class AttachmentBlob(BaseModel):
    """The bytes of a copy, by SHA-256, when the database is a shared PostgreSQL server."""

    sha256 = CharField(primary_key=True)
    size = IntegerField()
    data = BlobField()


ATTACHMENT_TABLES = [Attachment, AttachmentBlob]
