"""No module is imported for the first time on a worker thread, over a whole day in a fresh
interpreter (the test session's own watch in conftest.py sees only what earlier tests left
unimported)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def test_a_day_imports_nothing_for_the_first_time_off_the_gui_thread(tmp_path):
    out = subprocess.run([sys.executable, str(HERE / "day_in_fresh_interpreter.py"),
                          str(tmp_path / "day.sqlite3")], capture_output=True, text=True,
                         timeout=300, cwd=tmp_path,
                         # its own settings too: a tab remembered from someone's real session
                         # would change the day the script walks through
                         env={**__import__("os").environ, "XDG_DATA_HOME": str(tmp_path / "data"),
                              "XDG_CONFIG_HOME": str(tmp_path / "config")})
    assert out.returncode == 0, out.stderr[-3000:]
    lines = [line for line in out.stdout.splitlines() if line.startswith("[")]
    assert lines, out.stdout + out.stderr[-3000:]
    assert json.loads(lines[-1]) == []


def test_import_lists_are_read_from_the_source_text(tmp_path, monkeypatch):
    from ui import preload

    package = tmp_path / "models"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "helper.py").write_text("")
    (package / "sample.py").write_text('''"""A module.

import fails when the text says so (prose, not an import)
"""
from __future__ import annotations

import os, json as j  # two
from . import helper
from .helper import (
    thing,  # a comment
    other as alias,
)
from models import helper as again

if True:
    import zipfile


def later():
    from pathlib import Path
''')
    monkeypatch.setattr(preload, "ROOT", tmp_path)
    monkeypatch.setattr(preload, "_parsed", {})
    top, everywhere = preload._read_imports("models.sample")
    assert top == ["__future__", "os", "json", "models", "models.helper", "models.helper",
                   "models", "models.helper"]
    assert everywhere == top + ["zipfile", "pathlib"]  # indented: inside a block or a function
