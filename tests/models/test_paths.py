"""Where the data, the logs and the shipped resources are."""
from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

from models import paths


def test_resources_are_found_through_the_package():
    import resources

    assert paths.RESOURCES == resources.ROOT == Path(resources.__file__).parent
    for name in ("catalog/procedures.json", "fonts/LiberationSerif-Regular.ttf",
                 "schemas/sync-day-v1.schema.json", "translations/motcua_vi.qm"):
        assert (paths.RESOURCES / name).is_file(), name


def test_windows_keeps_one_database_for_the_whole_machine(monkeypatch, tmp_path):
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    seen = {}

    def site_data_dir(name, appauthor=None):
        seen["site"] = name
        return str(tmp_path / "ProgramData" / name)
    monkeypatch.setattr(platformdirs, "site_data_dir", site_data_dir)
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: "per-user: wrong")
    assert paths.data_dir() == tmp_path / "ProgramData" / "MotCua" and seen["site"] == "MotCua"


def test_linux_keeps_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda name, appauthor=None: str(tmp_path / name))
    assert paths.data_dir() == tmp_path / "MotCua"


def test_the_data_and_log_folders_can_be_moved(monkeypatch, tmp_path):
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "D"))
    monkeypatch.setenv(paths.LOG_DIR_ENV, str(tmp_path / "L"))
    monkeypatch.delenv("MOTCUA_DB", raising=False)
    assert paths.default_database() == str(tmp_path / "D" / "motcua.sqlite3")
    assert paths.log_dir() == tmp_path / "L" and (tmp_path / "L").is_dir()
