"""Fixtures for several counters on one PostgreSQL server (CI starts one; MOTCUA_TEST_PG_URL)."""
from __future__ import annotations

import pytest

from models.db import close_database
from tests.conftest import fresh_pg_database


def fresh_database(name: str) -> str:
    """An empty database ``name`` on the test server (tests.conftest.fresh_pg_database)."""
    return fresh_pg_database(name)


@pytest.fixture
def machine(tmp_path, monkeypatch):
    """This machine's data folder (office.json, the password file) in the test's folder."""
    folder = tmp_path / "machine"
    monkeypatch.setenv("MOTCUA_DATA_DIR", str(folder))
    monkeypatch.delenv("MOTCUA_DB", raising=False)
    monkeypatch.delenv("MOTCUA_COUNTER", raising=False)
    from models import office

    office.forget_cached_counter()
    yield folder
    office.forget_cached_counter()


@pytest.fixture
def office_db():
    """An empty office database on the test server."""
    url = fresh_database("motcua_office_test")
    yield url
    close_database()
