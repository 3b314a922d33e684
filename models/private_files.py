"""Files that hold personal data are readable by their owner only.

The database (citizens' data, password hashes, the agency's signing key), its WAL, backups,
the high-water record, day files and PDFs of forms are created 0600, and the folders that
hold them 0700, on POSIX systems. SQLite creates the WAL and shared-memory files with the
database file's own permissions, so a private database gets a private WAL.

On Windows permissions come from the folder's access list, not from these modes: the data
folder is the program's own (the user's AppData, or the folder the installer made, see the
README), and these functions leave Windows files as they are.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

POSIX = os.name == "posix"
PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def make_private(path: str | Path) -> None:
    """Owner-only permissions on an existing file or folder (POSIX); nothing elsewhere."""
    if not POSIX:
        return
    path = Path(path)
    try:
        mode = PRIVATE_DIR if path.is_dir() else PRIVATE_FILE
        if stat.S_IMODE(path.stat().st_mode) != mode:
            os.chmod(path, mode)
    except FileNotFoundError:
        pass
    except PermissionError:  # someone else's file on a shared drive: leave it be
        pass


def private_dir(path: str | Path) -> Path:
    """The folder, created if needed, owner-only (POSIX)."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    make_private(path)
    return path


def create_private_file(path: str | Path) -> None:
    """Create ``path`` empty with owner-only permissions if it does not exist (no window in
    which another user could open it)."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        make_private(path)
        return
    os.close(descriptor)


def write_private(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` (replacing it), owner-only from the first byte."""
    path = Path(path)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0),
                         PRIVATE_FILE)
    with os.fdopen(descriptor, "wb") as out:
        out.write(data)
    make_private(path)  # an existing file keeps its old mode through O_TRUNC
    return path
