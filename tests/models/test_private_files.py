"""Files are private: on POSIX the data folder is 0700 and the database, its WAL, backups, the
high-water record, keys, day files and PDFs holding personal data are 0600, whatever the umask."""
from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import TEST_PASSWORD

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(os.name != "posix", reason="Windows keeps privacy in the folder's access list")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_counter_creates_its_files_for_its_owner_only(tmp_path):
    data = tmp_path / "data"
    env = {**os.environ, "XDG_DATA_HOME": str(data), "MOTCUA_PASSWORD": TEST_PASSWORD}
    env.pop("MOTCUA_DB", None)

    def cli(*args: str, stdin: str | None = None) -> str:
        result = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], env=env, input=stdin,
                                capture_output=True, text=True, cwd=tmp_path,
                                preexec_fn=lambda: os.umask(0o022))  # a usual, permissive umask
        assert result.returncode == 0, result.stderr
        return result.stdout

    cli("setup", "--agency-code", "H12.22.01", "--agency-name", "UBND XÃ TAM ĐẢO", "--place", "Tam Đảo",
        "--admin-password", TEST_PASSWORD)
    intake = json.dumps({"procedure": "1.004873", "received_at": "2026-11-16T09:30:00",
                         "applicant": {"name": "Nguyễn Thị Hằng", "id_number": "001190012345"}})
    code = json.loads(cli("--json", "intake", "--from-json", "-", stdin=intake))["code"]
    cli("receipt", code, "--out", str(tmp_path / "receipt.pdf"))
    cli("export-sync", "--date", "2026-11-16")
    cli("backup")
    cli("backup", "--out", str(tmp_path / "manual.sqlite3"))
    cli("sync-key", "province-new", "--out", str(tmp_path / "province"))

    folder = data / "MotCua"
    database = folder / "motcua.sqlite3"
    assert mode(folder) == 0o700
    assert mode(database) == 0o600
    assert mode(folder / "motcua.sqlite3.highwater") == 0o600
    for part in ("-wal", "-shm"):  # present while a connection is open; SQLite copies the mode
        sidecar = database.with_name(database.name + part)
        if sidecar.exists():
            assert mode(sidecar) == 0o600
    assert mode(folder / "sao-luu") == 0o700
    (auto,) = (folder / "sao-luu").glob("motcua-saoluu_*.sqlite3")
    assert mode(auto) == 0o600
    assert mode(tmp_path / "manual.sqlite3") == 0o600
    assert mode(tmp_path / "receipt.pdf") == 0o600
    (day_file,) = (folder / "dong-bo").glob("motcua-sync_*.zip")
    assert mode(day_file) == 0o600 and mode(folder / "dong-bo") == 0o700
    assert mode(tmp_path / "province" / "province-private-key.json") == 0o600


def test_an_existing_database_is_made_private_when_opened(tmp_path):
    from models.db import close_database, open_database

    path = tmp_path / "old.sqlite3"
    open_database(str(path))
    close_database()
    path.chmod(0o644)  # as an older release left it
    open_database(str(path))
    try:
        assert mode(path) == 0o600
    finally:
        close_database()
