"""Migration 4 (fees and satisfaction) on a database made by version 3, with dossiers in it."""
from __future__ import annotations

from datetime import datetime

from peewee import SqliteDatabase

from models import catalog, migrations
from models.db import close_database, open_database
from models.fee_service import get_fee, record_payment
from models.satisfaction import rate
from models.session import acting_officer
from models.tables import Meta
from tests.models.old_schema import build_database

SIGNATURE = "2.000884"  # chứng thực chữ ký: a flat 10.000 đồng
CODE = "000.00.24.H12-261116-0001"


def test_a_version_3_database_gains_fees_and_ratings(db_path):
    build_database(db_path, 3)  # before fees: no fee table, no fee rule column
    old = SqliteDatabase(str(db_path))
    old.execute_sql(
        "INSERT INTO procedure (code, name, name_folded, field, level, duration_value, duration_unit, fee, "
        "fee_note, source, confirmed, note, active, updated_at, national_code) VALUES ('2.000884', "
        "'Chứng thực chữ ký', 'chung thuc chu ky', 'Chứng thực', 'xã', 1, 'same_day', 10000, '', '', 1, '', "
        "1, '2026-11-01 08:00:00', '')")
    old.execute_sql(
        "INSERT INTO dossier (uid, code, agency_code, procedure_id, procedure_code, procedure_name, "
        "duration_value, duration_unit, applicant_kind, applicant_name, applicant_name_folded, "
        "applicant_id_number, applicant_phone, applicant_email, applicant_address, authorised_person, "
        "channel, result_delivery, sets, fee, notes, status, received_at, due_at, returned_to, "
        "processing_unit, officer_id, register_volume, receipt_printed, updated_at) VALUES "
        "('f1f2f3f4f5f6f7f8', ?, '000.00.24.H12', 2, '2.000884', 'Chứng thực chữ ký', 1, 'same_day', 1, "
        "'Nguyễn Thị Hằng', 'nguyen thi hang', '001190012345', '', '', '', '', 1, 0, 1, 10000, '', 2, "
        "'2026-11-16 09:00:00', '2026-11-16 17:00:00', '', '', 1, '', 0, '2026-11-16 09:00:00')", (CODE,))
    old.close()
    code = CODE

    db = open_database(str(db_path))
    try:
        assert Meta.get_by_id("schema_version").value == str(migrations.SCHEMA_VERSION)
        assert db.table_exists("dossier_fee") and db.table_exists("satisfaction_rating")
        assert "fee_rule" in {c.name for c in db.get_columns("procedure")}
        assert catalog.get_procedure(SIGNATURE).fee_rule is None  # the flat fee stands
        fee = get_fee(code)
        assert (fee.amount, fee.recorded, fee.paid) == (10_000, False, False)
        paid = record_payment(code, acting_officer("admin"), method="cash", now=datetime(2026, 11, 16, 9, 30))
        assert paid.paid and paid.paid_amount == 10_000
        assert rate(code, acting_officer("admin"), level=1, now=datetime(2026, 11, 16, 9, 31)).level_name == "Rất hài lòng"
        close_database()
        open_database(str(db_path))  # opening again changes nothing
        assert get_fee(code).paid
    finally:
        close_database()
