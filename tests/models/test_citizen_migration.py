"""Migration 4 (fees and satisfaction) on a database made by version 3, with dossiers in it."""
from __future__ import annotations

from datetime import datetime

from peewee import SqliteDatabase

import models.dossiers
import models.intake
from models import catalog, migrations
from models.db import SQLITE_PRAGMAS, close_database, open_database
from models.fee_records import view_of
from models.fee_service import get_fee, record_payment
from models.intake import receive
from models.satisfaction import rate
from models.session import acting_officer, setup_agency
from models.tables import Meta, database

from tests.factories import request

SIGNATURE = "2.000884"  # chứng thực chữ ký: a flat 10.000 đồng


def test_a_version_3_database_gains_fees_and_ratings(db_path, monkeypatch):
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:3])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 3)
    # What version 3 read and wrote: no fee table, no fee rule column.
    monkeypatch.setattr(models.dossiers, "fee_view", lambda _id, flat: view_of(None, flat))
    monkeypatch.setattr(models.intake, "store_fee", lambda row, fee: None)
    old = SqliteDatabase(str(db_path), pragmas=SQLITE_PRAGMAS)
    database.initialize(old)
    migrations.migrate(old)
    old.execute_sql(
        "INSERT INTO procedure (code, name, name_folded, field, level, duration_value, duration_unit, fee, "
        "fee_note, fee_rule, source, confirmed, note, active, updated_at, national_code) VALUES ('2.000884', "
        "'Chứng thực chữ ký', 'chung thuc chu ky', 'Chứng thực', 'xã', 1, 'same_day', 10000, '', '', '', 1, '', "
        "1, '2026-11-01 08:00:00', '')")
    setup_agency(agency_code="000.00.24.H12", governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo")
    now = datetime(2026, 11, 16, 9, 0)
    code = receive(request(procedure=SIGNATURE, received_at=now), acting_officer(), now=now).code
    assert not old.table_exists("dossier_fee")
    # Migration 1 makes today's procedure table: take migration 4's column away again.
    old.execute_sql('ALTER TABLE "procedure" DROP COLUMN "fee_rule"')
    old.close()
    monkeypatch.undo()

    db = open_database(str(db_path))
    try:
        assert Meta.get_by_id("schema_version").value == str(migrations.SCHEMA_VERSION)
        assert db.table_exists("dossier_fee") and db.table_exists("satisfaction_rating")
        assert "fee_rule" in {c.name for c in db.get_columns("procedure")}
        assert catalog.get_procedure(SIGNATURE).fee_rule is None  # the flat fee stands
        fee = get_fee(code)
        assert (fee.amount, fee.recorded, fee.paid) == (10_000, False, False)
        paid = record_payment(code, acting_officer(), method="cash", now=datetime(2026, 11, 16, 9, 30))
        assert paid.paid and paid.paid_amount == 10_000
        assert rate(code, acting_officer(), level=1, now=datetime(2026, 11, 16, 9, 31)).level_name == "Rất hài lòng"
        close_database()
        open_database(str(db_path))  # opening again changes nothing
        assert get_fee(code).paid
    finally:
        close_database()
