"""The province's records of its packages, in the central database (``--from DB``).

Beside the day files' tables (sync.central), on the same database:

- ``central_package``: every package made for an agency (its sequence, file, hash, contents);
- ``central_package_ack``: the communes' acknowledgements of packages, read by ``apply-sync``
  from the ``motcua-package-ack_<agency>.json`` files that travel with their day files;
- ``central_online``: online dossiers given to ``make-package --online`` (as the package
  carries them), sent again in every package until the commune acknowledges them;
- ``central_update``: progress of dossiers a commune forwarded to a higher level, written by
  the provincial system (or by ``make-package --updates``) and sent until acknowledged.

So a stick lost on the way down costs nothing: the next package carries what was not
acknowledged, and the commune's counter applies each online dossier and update once.
"""
from __future__ import annotations

from peewee import AutoField, BooleanField, CharField, DateTimeField, IntegerField, TextField

from .central import CentralModel, central


class CentralPackage(CentralModel):
    """A package made for an agency."""

    id = AutoField()
    agency_code = CharField(index=True)
    sequence = IntegerField()
    sha256 = CharField()
    name = TextField()
    created_at = DateTimeField()
    contents = TextField(default="{}")  # the manifest's "contents"
    online_codes = TextField(default="[]")  # portal codes carried
    update_uids = TextField(default="[]")

    class Meta:
        indexes = ((("agency_code", "sequence"), True),)


class CentralPackageAck(CentralModel):
    """What a commune says became of a package (from its acknowledgement file)."""

    id = AutoField()
    agency_code = CharField()
    sequence = IntegerField()
    sha256 = CharField()
    status = CharField()  # applied | refused
    problem = CharField(default="")
    message = TextField(default="")
    seen_at = DateTimeField(null=True)
    summary = TextField(default="{}")
    received_at = DateTimeField()

    class Meta:
        indexes = ((("agency_code", "sequence", "sha256"), True),)


class CentralOnline(CentralModel):
    """An online dossier for an agency, kept until the commune acknowledges it."""

    id = AutoField()
    agency_code = CharField()
    portal_code = CharField()
    record = TextField()  # the online dossier as the package carries it (personal data)
    first_sequence = IntegerField(null=True)
    last_sequence = IntegerField(null=True)
    acknowledged = BooleanField(default=False)
    outcome = CharField(default="")  # registered | already | rejected, from the ack
    recorded_at = DateTimeField()

    class Meta:
        indexes = ((("agency_code", "portal_code"), True),)


class CentralUpdate(CentralModel):
    """Progress of a forwarded dossier, for the commune that forwarded it.

    ``record`` is the update as the package carries it (CapNhatTienDoHoSoMC names: Uid,
    HoSoUid, MaHoSo, ThoiDiemXuLy, TrangThai, NoiDungXuLy, NguoiXuLy, PhongBanXuLy, DuLieu).
    """

    uid = CharField(primary_key=True)
    agency_code = CharField(index=True)
    code = CharField(default="")
    record = TextField()
    recorded_at = DateTimeField()
    last_sequence = IntegerField(null=True)
    acknowledged = BooleanField(default=False)
    outcome = CharField(default="")  # applied | already | skipped, from the ack


PROVINCE_TABLES = [CentralPackage, CentralPackageAck, CentralOnline, CentralUpdate]


def ensure_province_tables() -> None:
    """Create the package tables in the open central database if they are missing."""
    with central.obj.atomic():
        central.obj.create_tables(PROVINCE_TABLES, safe=True)
