"""Storage for what comes down from the province (gói dữ liệu của tỉnh): the packages a counter
was given, and the catalogs held until their effective date.

Created by schema migration 3 (models.migrations), like every other table, beside
models.tables on the same ``database`` proxy.
"""
from __future__ import annotations

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from .tables import BaseModel, Officer


class ProvincePackage(BaseModel):
    """A province package the counter was given, applied or refused.

    Only packages whose manifest could be read are kept. ``summary`` says what changed, by
    code and count (no personal data): it goes up to the province in the acknowledgement.
    """

    id = AutoField()
    agency_code = CharField()  # the agency the package names
    sequence = IntegerField()
    sha256 = CharField()
    file_name = TextField(default="")
    created_at = DateTimeField(null=True)  # when the province made it
    seen_at = DateTimeField()  # when the counter applied (or refused) it
    officer = ForeignKeyField(Officer, null=True, on_delete="SET NULL", index=False)
    status = CharField()  # applied | refused
    problem = CharField(default="")  # the refusal's code (sync.package_verify)
    message = TextField(default="")
    summary = TextField(default="{}")
    signed = BooleanField(default=False)  # signed by the configured province key
    ack_confirmed_at = DateTimeField(null=True)  # a later package said the province has our ack

    class Meta:
        indexes = ((("agency_code", "sequence"), False),)


class CatalogRelease(BaseModel):
    """A catalog the province published (by decision), held until its effective date.

    ``entries`` is the list of procedures as ``catalog export`` writes them. A release is
    applied once (``applied_at``), or superseded by a newer package's catalog first.
    """

    id = AutoField()
    package_sequence = IntegerField(null=True)
    decision = TextField()
    effective_from = DateField(index=True)
    entries = TextField()
    received_at = DateTimeField()
    applied_at = DateTimeField(null=True)
    superseded_at = DateTimeField(null=True)
    report = TextField(default="")  # JSON: what the import changed, when applied


PROVINCE_TABLES = [ProvincePackage, CatalogRelease]
