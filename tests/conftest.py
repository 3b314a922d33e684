"""Shared fixtures: a fresh counter database per test, set up as a commune would set it up."""
from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    # The screen of a counter PC (Qt's offscreen screen is 800×800 unless told otherwise).
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={ROOT / 'tests' / 'ui' / 'screen-1366x768.json'}"

from models.db import close_database  # noqa: E402
from models.session import acting_officer, open_counter, setup_agency  # noqa: E402

AGENCY = "000.00.24.H12"
# The admin password tests and scripts sign in with (MOTCUA_PASSWORD).
TEST_PASSWORD = "mat-khau-thu-nghiem"


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "motcua.sqlite3"


@pytest.fixture
def counter(db_path):
    """An empty counter database with the agency set up and the shipped catalog loaded."""
    db = open_counter(str(db_path))
    setup_agency(agency_code=AGENCY, governing_body="UBND XÃ TAM ĐẢO",
                 unit_name="TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", place="Tam Đảo")
    yield db
    close_database()


@pytest.fixture
def officer(counter):
    return acting_officer()


def in_ci() -> bool:
    return os.environ.get("CI") == "true"


def need(condition: bool, what: str) -> None:
    """Skip on a developer machine that lacks ``what``; in CI its absence is a failure."""
    if not condition:
        if in_ci():
            pytest.fail(f"CI must provide {what}")
        pytest.skip(f"{what} not available here")


@pytest.fixture
def at():
    """Build a local datetime quickly: at(2026, 2, 13, 9, 30)."""
    return lambda *parts: datetime(*parts)
