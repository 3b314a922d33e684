"""Fixtures for several counters on one PostgreSQL server (CI starts one; MOTCUA_TEST_PG_URL)."""
from __future__ import annotations

import os
from urllib.parse import urlparse

import pytest

from models.db import close_database
from tests.conftest import need


def fresh_database(name: str) -> str:
    """An empty database ``name`` on the test server (dropped first); its URL."""
    base = os.environ.get("MOTCUA_TEST_PG_URL", "")
    need(bool(base), "PostgreSQL (MOTCUA_TEST_PG_URL)")
    import psycopg2

    admin = psycopg2.connect(base)
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = %s AND pid <> pg_backend_pid()", (name,))
        cur.execute(f"DROP DATABASE IF EXISTS {name}")
        cur.execute(f"CREATE DATABASE {name}")
    admin.close()
    return urlparse(base)._replace(path=f"/{name}").geturl()


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
