"""Every command module is named in cli.app.COMMAND_MODULES (the frozen build finds no folder
to scan), and the PyInstaller spec reads that same list."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cli.app import COMMAND_MODULES, build_parser

ROOT = Path(__file__).resolve().parents[2]


def test_the_list_names_every_commands_module_in_the_folder():
    on_disk = sorted(p.stem for p in (ROOT / "cli").glob("*_commands.py"))
    assert list(COMMAND_MODULES) == on_disk


def test_every_listed_module_registers_commands():
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    assert {"setup", "intake", "receipt", "export-sync", "verify-sync", "report", "print"} <= set(commands)


def test_version_option(cli):
    from models.version import APP_VERSION

    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--version"], capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == f"MotCua {APP_VERSION}"
    assert APP_VERSION != "0+unknown"
