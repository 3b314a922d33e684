"""The provincial central database (cơ sở dữ liệu tập trung của tỉnh), fed by day files.

Its own schema on its own peewee database (SQLite file or PostgreSQL URL), never the counter's
``models.tables.database``. Rows are keyed by the records' stable uids; the full record is kept
as received (JSON) next to the columns a province queries by.
"""
from __future__ import annotations

from pathlib import Path

from peewee import (
    AutoField,
    CharField,
    Database,
    DatabaseProxy,
    DateField,
    DateTimeField,
    IntegerField,
    Model,
    SmallIntegerField,
    SqliteDatabase,
    TextField,
)

from models.errors import MotCuaError
from models.postgres_driver import give_peewee_the_driver

CENTRAL_SCHEMA_VERSION = 1

central = DatabaseProxy()


class CentralModel(Model):
    class Meta:
        database = central
        legacy_table_names = False


class CentralMeta(CentralModel):
    key = CharField(primary_key=True)
    value = TextField()


class CentralFile(CentralModel):
    """A day file the importer has seen, and what became of it."""

    id = AutoField()
    agency_code = CharField()
    day = DateField()
    revision = IntegerField()
    sha256 = CharField()
    status = CharField()  # applied | already_applied | superseded | refused
    message = TextField(default="")
    name = TextField(default="")
    dossiers = IntegerField(default=0)
    events = IntegerField(default=0)
    rejected = TextField(default="[]")
    first_seen_at = DateTimeField()
    applied_at = DateTimeField()

    class Meta:
        indexes = ((("agency_code", "day", "revision", "sha256"), True),)


class CentralDossier(CentralModel):
    """The latest known state of a dossier (the record with the highest PhienBan)."""

    uid = CharField(primary_key=True)
    agency_code = CharField(index=True)  # the agency whose files carry it
    code = CharField(index=True)  # MaHoSo
    version = IntegerField()  # PhienBan
    procedure_code = CharField()
    status = SmallIntegerField()
    received_at = DateTimeField(index=True)
    due_at = DateTimeField()
    finished_at = DateTimeField(null=True)
    returned_at = DateTimeField(null=True)
    day = DateField()  # the day file that brought this version
    revision = IntegerField()
    record = TextField()  # the DongBoHoSoMC record, canonical JSON
    applied_at = DateTimeField()


class CentralEvent(CentralModel):
    """A progress event (CapNhatTienDoHoSoMC); events never change once written."""

    uid = CharField(primary_key=True)
    dossier_uid = CharField(index=True)
    agency_code = CharField()
    code = CharField(index=True)
    at = DateTimeField()
    action = CharField()
    status = SmallIntegerField()
    record = TextField()
    day = DateField()


CENTRAL_TABLES = [CentralMeta, CentralFile, CentralDossier, CentralEvent]


def open_central(target: str) -> Database:
    """Open (and create) the central database at a SQLite path or a PostgreSQL URL."""
    if "://" in target:
        # Imported here: playhouse.db_url imports the PostgreSQL driver, which a counter on a
        # SQLite file does not load (models.postgres_driver).
        from playhouse.db_url import connect as connect_url

        give_peewee_the_driver()  # in case this process loaded peewee without it
        db = connect_url(target)
    else:
        path = Path(target).expanduser()
        path.parent.mkdir(parents=True, exist_ok=True)
        db = SqliteDatabase(str(path), pragmas={"journal_mode": "wal", "foreign_keys": 1,
                                                "synchronous": 2, "busy_timeout": 30000})
    central.initialize(db)
    db.connect(reuse_if_open=True)
    with db.atomic():
        db.create_tables(CENTRAL_TABLES, safe=True)
        row = CentralMeta.get_or_none(CentralMeta.key == "schema_version")
        if row is None:
            CentralMeta.create(key="schema_version", value=str(CENTRAL_SCHEMA_VERSION))
        elif int(row.value) > CENTRAL_SCHEMA_VERSION:
            raise MotCuaError(f"Cơ sở dữ liệu tập trung thuộc phiên bản mới hơn ({row.value}); "
                              "hãy cập nhật MotCua.")
    return db


def close_central() -> None:
    db = central.obj
    if db is not None and not db.is_closed():
        db.close()
