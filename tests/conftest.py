"""Shared fixtures: a fresh counter database per test, set up as a commune would set it up."""
from __future__ import annotations

import os
import tempfile
from datetime import datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent  # the checkout (on sys.path: pytest's pythonpath)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    # The screen of a counter PC (Qt's offscreen screen is 800×800 unless told otherwise).
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={ROOT / 'tests' / 'ui' / 'screen-1366x768.json'}"
from models.db import close_database
from models.session import acting_officer, open_counter, setup_agency

# Logs of the tests and of the commands they start stay out of the user's log folder.
os.environ.setdefault("MOTCUA_LOG_DIR", tempfile.mkdtemp(prefix="motcua-test-logs-"))

AGENCY = "000.00.24.H12"
# The admin password tests and scripts sign in with (MOTCUA_PASSWORD).
TEST_PASSWORD = "mat-khau-thu-nghiem"


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "motcua.sqlite3"


@pytest.fixture
def counter(db_path):
    """An empty counter database with the agency set up and the shipped catalog loaded; its
    first account, ``admin`` (all three roles), signs in with TEST_PASSWORD."""
    db = open_counter(str(db_path))
    setup_agency(agency_code=AGENCY, governing_body="UBND XÃ TAM ĐẢO",
                 unit_name="TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", place="Tam Đảo",
                 admin_password=TEST_PASSWORD)
    yield db
    close_database()


@pytest.fixture
def officer(counter):
    """The setup account (officer, leader and admin at once, as in a one-person commune)."""
    return acting_officer()


@pytest.fixture
def signed_in(monkeypatch):
    """Commands run in-process (cli.app.run, main.main) sign in as the default officer with
    TEST_PASSWORD, as scripts do (MOTCUA_PASSWORD)."""
    monkeypatch.setenv("MOTCUA_PASSWORD", TEST_PASSWORD)
    monkeypatch.delenv("MOTCUA_DB", raising=False)


@pytest.fixture
def account(counter):
    """Make an account with some roles: ``account("hung", "officer")`` → its Officer row."""
    from models.accounts import add_officer, get_officer_row

    def make(username: str, roles: str = "officer", password: str = TEST_PASSWORD,
             full_name: str | None = None):
        add_officer(username, full_name or username.title(), roles, password, by=acting_officer())
        return get_officer_row(username)
    return make


def in_ci() -> bool:
    return os.environ.get("CI") == "true"


def need(condition: bool, what: str) -> None:
    """Skip on a developer machine that lacks ``what``; in CI its absence is a failure."""
    if not condition:
        if in_ci():
            pytest.fail(f"CI must provide {what}")
        pytest.skip(f"{what} not available here")


def fresh_pg_database(name: str) -> str:
    """An empty database ``name`` on the test PostgreSQL server (MOTCUA_TEST_PG_URL; dropped
    first, its connections ended); its URL. Skips without a server, fails in CI."""
    from urllib.parse import urlparse

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
def at():
    """Build a local datetime quickly: at(2026, 2, 13, 9, 30)."""
    return lambda *parts: datetime(*parts)


# tests/build/ checks the PyInstaller folder; .ci/run builds it and then runs them with
# MOTCUA_BUILT=dist/motcua (see the README). Without a built folder there is nothing to test.
collect_ignore = [] if os.environ.get("MOTCUA_BUILT") else ["build"]
