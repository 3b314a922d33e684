"""Office-wide jobs run once: a PostgreSQL advisory lock per job (việc chung của Trung tâm).

Every counter of the Centre runs the same timers: the automatic export of the agency's day
file, the daily backup of the server. Each job takes a session advisory lock named after it
(``export:H12.22.01:2026-11-16``); the counter that gets it first does the work, the others
skip it (automatic runs) or wait for it and then find it done (an officer's click). The lock
belongs to the connection, so a counter that crashes or loses the network releases it.

On a counter's own SQLite file there is one counter: the job simply runs.
"""
from __future__ import annotations

import contextlib
import zlib
from collections.abc import Iterator

from .errors import MotCuaError
from .office_server import uses_office_server
from .tables import database

APP_KEY = 0x4D43  # "MC": the first half of every MotCua advisory lock key


class JobBusy(MotCuaError):
    """Another counter is running this office-wide job right now."""


def _key(name: str) -> int:
    """A stable signed 32-bit key for the job's name (the second half of the lock key)."""
    value = zlib.crc32(name.encode("utf-8"))
    return value - (1 << 32) if value >= 1 << 31 else value


@contextlib.contextmanager
def office_job(name: str, *, wait: bool = True) -> Iterator[None]:
    """Hold the office-wide lock of job ``name`` (on a server) for the block.

    ``wait=False``: JobBusy at once when another counter holds it (the automatic runs skip).
    """
    if not uses_office_server():
        yield
        return
    db = database.obj
    key = _key(name)
    if wait:
        db.execute_sql("SELECT pg_advisory_lock(%s, %s)", (APP_KEY, key))
    elif not db.execute_sql("SELECT pg_try_advisory_lock(%s, %s)", (APP_KEY, key)).fetchone()[0]:
        raise JobBusy(f"Một quầy khác đang làm việc này ({name}); quầy này bỏ qua lần chạy tự động.")
    try:
        yield
    finally:
        try:
            db.execute_sql("SELECT pg_advisory_unlock(%s, %s)", (APP_KEY, key))
        except MotCuaError:  # the connection is gone, and with it the lock
            pass
