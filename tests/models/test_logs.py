"""The log file: configured once, rotating, and catching uncaught exceptions on any thread."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import logging, sys, threading
from models.logs import configure_logging, SharedRotatingFileHandler
path = configure_logging()
assert configure_logging() == path  # a second call changes nothing
logging.getLogger("sync.export").warning("một cảnh báo")
t = threading.Thread(target=lambda: 1 / 0, name="worker-1")
t.start(); t.join()
raise RuntimeError("lỗi ở luồng chính")
"""


def test_uncaught_errors_of_every_thread_reach_the_log_file(tmp_path):
    env = {"MOTCUA_LOG_DIR": str(tmp_path / "logs"), "PATH": "", "SYSTEMROOT": ""}
    out = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, cwd=ROOT,
                         env={**env, "PYTHONPATH": str(ROOT)})
    assert out.returncode == 1 and "RuntimeError" in out.stderr  # the console still sees it
    log = (tmp_path / "logs" / "motcua.log").read_text(encoding="utf-8")
    assert "MotCua " in log.splitlines()[0] and "started" in log.splitlines()[0]
    assert "WARNING sync.export: một cảnh báo" in log
    assert "uncaught exception in thread worker-1" in log and "ZeroDivisionError" in log
    assert "RuntimeError: lỗi ở luồng chính" in log


def test_the_log_rotates(tmp_path, monkeypatch):
    from models import logs

    handler = logs.SharedRotatingFileHandler(tmp_path / "motcua.log", maxBytes=2000, backupCount=2,
                                             encoding="utf-8")
    import logging

    record = logging.LogRecord("t", logging.INFO, __file__, 1, "x" * 300, None, None)
    for _ in range(30):
        handler.emit(record)
    handler.close()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["motcua.log", "motcua.log.1", "motcua.log.2"]
    assert all((tmp_path / n).stat().st_size <= 2000 for n in names)


def test_the_version_comes_from_the_package_metadata():
    import tomllib
    from importlib import metadata

    from models.version import APP_VERSION
    from sync.format import APP_VERSION as written_in_day_files

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert APP_VERSION == metadata.version("motcua") == declared == written_in_day_files
    assert json.dumps(APP_VERSION)
