"""The ``cli`` fixture: run main.py as a subprocess on a fresh, set-up database."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import TEST_PASSWORD

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cli(tmp_path):
    db = tmp_path / "cli.sqlite3"

    def run(*args, stdin: str | None = None, expect: int = 0, password: str | None = TEST_PASSWORD):
        """``password``: the MOTCUA_PASSWORD the command sees (None: not set)."""
        env = {**os.environ, "MOTCUA_DB": str(db)}
        env.pop("MOTCUA_PASSWORD", None)
        if password is not None:
            env["MOTCUA_PASSWORD"] = password
        result = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], input=stdin,
                                capture_output=True, text=True, env=env, cwd=tmp_path)
        assert result.returncode == expect, result.stderr + result.stdout
        return result
    run("setup", "--agency-code", "H12.22.01", "--agency-name", "UBND XÃ TAM ĐẢO", "--place", "Tam Đảo",
        "--admin-password", TEST_PASSWORD)
    return run


def js(result):
    return json.loads(result.stdout)


def intake_json(received_at: str | None = "2026-11-16T09:30:00", documents: list | None = None, **applicant):
    """An intake request; ``received_at=None`` means now (as at the counter); ``documents``:
    the papers received (None: the procedure's required ones)."""
    data = {"procedure": "1.004873",
            "applicant": {"name": "Nguyễn Thị Hằng", "id_number": "001190012345",
                          "phone": "0912345678", "email": "hang@example.vn",
                          "address": "Thôn Đồng Bông, xã Tam Đảo", **applicant}}
    if received_at:
        data["received_at"] = received_at
    if documents is not None:
        data["documents"] = documents
    return json.dumps(data, ensure_ascii=False)
