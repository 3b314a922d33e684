"""Databases exactly as a past schema version made them, for the migration tests.

Rows go in with raw SQL: today's services may need tables or columns that version did not have.
"""
from __future__ import annotations

from peewee import SqliteDatabase

from models import migrations
from models.db import SQLITE_PRAGMAS


def build_database(path, version: int) -> None:
    """A database exactly as schema ``version`` made it, with a dossier in it (raw SQL: the
    services of today may need tables that version did not have)."""
    db = SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS)
    db.connect()
    with db.atomic():
        for step in migrations.MIGRATIONS[:version]:
            step(db)
        run = db.execute_sql
        run("INSERT INTO meta (key, value) VALUES ('schema_version', ?)", (str(version),))
        run("INSERT INTO setting (key, value) VALUES ('agency_code', '\"000.00.24.H12\"')")
        run("INSERT INTO officer (username, full_name, password_hash, role, active, created_at) "
            "VALUES ('admin', 'Quản trị', '', 'admin', 1, '2026-11-18 08:00:00')")
        run("INSERT INTO procedure (code, name, name_folded, field, level, duration_value, duration_unit, "
            "fee, fee_note, source, confirmed, note, active, updated_at) VALUES ('1.004873', "
            "'Cấp giấy xác nhận tình trạng hôn nhân', '', 'Hộ tịch', 'xã', 3, 'working_days', 0, '', '', "
            "1, '', 1, '2026-11-18 08:00:00')")
        run("INSERT INTO dossier (uid, code, agency_code, procedure_id, procedure_code, procedure_name, "
            "duration_value, duration_unit, applicant_kind, applicant_name, applicant_name_folded, "
            "applicant_id_number, applicant_phone, applicant_email, applicant_address, authorised_person, "
            "channel, result_delivery, sets, fee, notes, status, received_at, due_at, returned_to, "
            "processing_unit, officer_id, register_volume, receipt_printed, updated_at) VALUES "
            "('a1b2c3d4e5f6a7b8', '000.00.24.H12-261118-0001', '000.00.24.H12', 1, '1.004873', "
            "'Cấp giấy xác nhận tình trạng hôn nhân', 3, 'working_days', 1, 'Nguyễn Thị Hằng', "
            "'nguyen thi hang', '001190012345', '', '', '', '', 1, 0, 1, 0, '', 2, '2026-11-18 09:00:00', "
            "'2026-11-23 09:00:00', '', '', 1, '', 0, '2026-11-18 09:00:00')")
        run("INSERT INTO status_event (uid, dossier_id, action, to_status, at, officer_id, note, data) "
            "VALUES ('e1e2e3e4e5e6e7e8', 1, 'receive', 2, '2026-11-18 09:00:00', 1, '', '')")
        run("INSERT INTO sync_change (dossier_id, event_id, at) VALUES (1, 1, '2026-11-18 09:00:00')")
        run("INSERT INTO code_counter (agency_code, day, last) VALUES ('000.00.24.H12', '261118', 1)")
        if version >= 2:
            # Migration 5 added ack_rejected NOT NULL without an SQL default.
            rejected = (", ack_rejected", ", '[]'") if version >= 5 else ("", "")
            run("INSERT INTO sync_export (agency_code, day, revision, created_at, path, file_sha256, "
                "content_digest, change_count, last_seq, dossiers, events, set_aside, encrypted, "
                f"ack_status, ack_message{rejected[0]}) VALUES ('000.00.24.H12', '2026-11-18', 1, "
                f"'2026-11-18 17:00:00', '', 'x', 'y', 1, 1, 1, 1, '[]', 0, 'applied', ''{rejected[1]})")
    db.close()
