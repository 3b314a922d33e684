"""Where things live on disk: the user's data folder and the shipped resources."""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from .private_files import private_dir

APP_NAME = "MotCua"
RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def data_dir() -> Path:
    """The per-user data folder (the same place Qt's AppDataLocation points to on each OS);
    owner-only on POSIX (models.private_files)."""
    return private_dir(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_database() -> str:
    """``--db`` wins over ``MOTCUA_DB``, which wins over the data folder; this is the last two."""
    return os.environ.get("MOTCUA_DB") or str(data_dir() / "motcua.sqlite3")
