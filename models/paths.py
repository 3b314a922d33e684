"""Where things live on disk: the data folder, the log folder and the shipped resources.

The data folder holds the counter's database. On Windows it is machine-wide by default
(%PROGRAMDATA%\\MotCua): a counter PC is one counter with one database, whoever signs in to
Windows, and the installer makes that folder writable for every user. On Linux and macOS it is
the user's data folder. ``MOTCUA_DATA_DIR`` moves it; ``--db`` / ``MOTCUA_DB`` name the
database itself. Logs are per Windows/Linux user (platformdirs' log folder,
``MOTCUA_LOG_DIR`` to move it).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

import resources

from .private_files import private_dir

APP_NAME = "MotCua"
DATA_DIR_ENV = "MOTCUA_DATA_DIR"
LOG_DIR_ENV = "MOTCUA_LOG_DIR"
DATABASE_FILE = "motcua.sqlite3"

RESOURCES = resources.ROOT  # the shipped files (fonts, catalog, translations, schemas)


def data_dir() -> Path:
    """The folder of the counter's database (created if missing); owner-only on POSIX when
    MotCua creates it (models.private_files)."""
    configured = os.environ.get(DATA_DIR_ENV)
    if configured:
        return private_dir(Path(configured).expanduser())
    if sys.platform == "win32":
        # C:\ProgramData\MotCua: the same for every Windows account on the counter PC; the
        # installer gives it to the program's users (docs/windows-build.md).
        path = Path(platformdirs.site_data_dir(APP_NAME, appauthor=False))
        path.mkdir(parents=True, exist_ok=True)
        return path
    return private_dir(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """The user's log folder (~/.local/state/MotCua/log, %LOCALAPPDATA%\\MotCua\\Logs).

    ``MOTCUA_LOG_DIR`` moves it.
    """
    configured = os.environ.get(LOG_DIR_ENV)
    path = Path(configured).expanduser() if configured else Path(
        platformdirs.user_log_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database() -> str:
    """``--db`` wins over ``MOTCUA_DB``, which wins over this machine's choice (the office
    server it was connected to, models.office), which wins over the file in the data folder;
    this is the last three. A machine set to the server never falls back to a file of its own."""
    configured = os.environ.get("MOTCUA_DB")
    if configured:
        return configured
    from .office import configured_database

    return configured_database() or str(data_dir() / DATABASE_FILE)
