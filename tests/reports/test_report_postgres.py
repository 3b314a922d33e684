"""The same report on PostgreSQL (the SQL has a dialect for it): the October scenario gives the
same figures, drill-down and late list as on SQLite.

Needs MOTCUA_TEST_PG_URL (CI starts PostgreSQL); a developer machine without it skips.
"""
from __future__ import annotations

import os
from datetime import datetime
from urllib.parse import urlparse

import pytest

from models.db import close_database
from models.report_documents import period_report_xlsx
from models.report_period import Period
from models.reports import FIGURES, dossiers_behind, late_dossiers, period_report
from models.session import acting_officer, open_counter, setup_agency
from tests.conftest import need
from tests.reports.report_scenario import EXPECTED_OCTOBER, EXPECTED_OCTOBER_TOTAL, build_scenario, move_after_october

DB_NAME = "motcua_report_test"
OCTOBER = Period.month(2026, 10)


@pytest.fixture
def pg_officer():
    base = os.environ.get("MOTCUA_TEST_PG_URL", "")
    need(bool(base), "PostgreSQL (MOTCUA_TEST_PG_URL)")
    import psycopg2

    admin = psycopg2.connect(base)
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f"DROP DATABASE IF EXISTS {DB_NAME}")
        cur.execute(f"CREATE DATABASE {DB_NAME}")
    admin.close()
    open_counter(urlparse(base)._replace(path=f"/{DB_NAME}").geturl())
    setup_agency(agency_code="H12.22.01", governing_body="UBND XÃ TAM ĐẢO",
                 unit_name="TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", place="Tam Đảo")
    yield acting_officer()
    close_database()


def test_report_on_postgresql(pg_officer):
    codes = build_scenario(pg_officer)
    report = period_report(OCTOBER, officer=pg_officer)
    assert report.total.to_dict() == EXPECTED_OCTOBER_TOTAL
    for key, expected in EXPECTED_OCTOBER.items():
        data = report.row(key).to_dict()
        assert {k: data[k] for k in expected} == expected
    for figure in FIGURES:
        assert len(dossiers_behind(OCTOBER, figure, officer=pg_officer)) == report.total.get(figure)
    assert [(d.code, d.days_late) for d in late_dossiers(OCTOBER, officer=pg_officer)] == [
        (codes[c], days) for c, days in (("G", 30), ("R", 4), ("P", 2), ("K", 2), ("N", 2), ("F", 1),
                                          ("C", 1), ("V", 1), ("B", 0), ("S", 0), ("T", 0))]
    move_after_october(pg_officer, codes)
    assert period_report(OCTOBER, officer=pg_officer).to_dict() == report.to_dict()
    assert period_report_xlsx(report, issued_at=datetime(2026, 11, 2, 9))[:2] == b"PK"
