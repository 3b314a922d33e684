"""One running MotCua per database on a machine (QLockFile beside the database).

Two windows on one SQLite file would each keep their own idea of the screen state, race on the
automatic export and confuse the officer; a second start is told which process has it open.
The lock file sits next to the database (the data folder is machine-wide on Windows, so two
Windows accounts on one PC see the same lock); a PostgreSQL database is locked per machine in
the data folder. A crashed process leaves a stale lock that QLockFile recognises and removes.
"""
from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile

from models.paths import data_dir

log = logging.getLogger(__name__)


def lock_path(db: str) -> Path:
    if "://" in db:  # a server's URL (models.db.is_url; the database layer is not loaded yet)
        # Several PCs share a PostgreSQL database on purpose: only this machine is locked.
        # The password is left out of the name.
        key = db.split("@", 1)[-1]
        return data_dir() / f"postgresql-{hashlib.sha256(key.encode()).hexdigest()[:16]}.lock"
    path = Path(db).expanduser()
    return path.with_name(path.name + ".lock")


class DatabaseInUse(Exception):
    """Another MotCua has this database open; ``str()`` is the Vietnamese message."""


def acquire(db: str) -> QLockFile | None:
    """Lock the database for this process; keep the returned object alive until exit.

    Raises DatabaseInUse when another live process holds it. If the lock file cannot be
    written at all (a read-only folder), the app still starts and the log says why.
    """
    path = lock_path(db)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)  # never stale by age: only when its process is gone
    if lock.tryLock(200):
        return lock
    if lock.error() == QLockFile.LockFailedError:
        info = lock.getLockInfo()  # (pid, hostname, appname); older bindings lead with a bool
        info = tuple(info or ())[-3:]
        who = QCoreApplication.translate("InstanceLock", "process %1 on computer %2") \
            .replace("%1", str(info[0])).replace("%2", str(info[1])) if len(info) == 3 else ""
        raise DatabaseInUse(QCoreApplication.translate(
            "InstanceLock",
            "MotCua is already open on this database%1. Only one MotCua window may use a "
            "database: switch to the window that is open (look in the taskbar), or close it "
            "first.").replace("%1", f" ({who})" if who else ""))
    log.warning("cannot write the lock file %s (error %s); starting without it", path, lock.error())
    return None
