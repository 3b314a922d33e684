"""peewee without its PostgreSQL driver, for the desktop app on a SQLite file.

peewee imports psycopg2 as it is itself imported, and psycopg2 brings libpq, OpenSSL and
Kerberos along: about 10 MiB of memory and 20 ms at every start of a counter that keeps its
data in a SQLite file and never talks to a server. So the desktop app, when it opens a SQLite
file behind its sign-in window (ui.app), hides the driver for the session
(``hide_from_peewee``): peewee, and playhouse's modules that try it, find it missing and go on
without it. Should that process open a server later (the office server settings, a move to the
server), ``give_peewee_the_driver`` ends the hiding and does what peewee's own import does
with psycopg2; models.office_server.server_database calls it before any server is opened.
tests/models/test_postgres_driver.py compares the result with a peewee imported the usual way
and uses it against a real server.
"""
from __future__ import annotations

import sys

DRIVER = "psycopg2"
# Hidden with it: playhouse's CockroachDB support, which playhouse.migrate tries to import and
# which would pull playhouse's PostgreSQL extensions in (it copes without, as without psycopg2).
HIDDEN = (DRIVER, "playhouse.cockroachdb")


def hide_from_peewee() -> bool:
    """Make ``import psycopg2`` fail (peewee's coming import and any other) until
    ``give_peewee_the_driver``; True if it will (peewee and the driver not imported yet)."""
    if "peewee" in sys.modules or any(name in sys.modules for name in HIDDEN):
        return False
    for name in HIDDEN:
        sys.modules[name] = None  # type: ignore[assignment]  # importing it raises ImportError
    return True


def stop_hiding() -> None:
    for name in HIDDEN:
        if name in sys.modules and sys.modules[name] is None:
            del sys.modules[name]


def give_peewee_the_driver() -> None:
    """What peewee's import does when psycopg2 is there (peewee 3.17–4.x), if it was hidden.
    Without psycopg2 installed, nothing: peewee then says so when a server is opened."""
    stop_hiding()
    import peewee

    if peewee.psycopg2 is not None:
        return
    try:
        import psycopg2
    except ImportError:
        return
    from psycopg2 import extensions
    from psycopg2.extras import Json, register_uuid

    register_uuid()
    peewee.psycopg2, peewee.pg_extensions = psycopg2, extensions
    peewee.pg_register_uuid, peewee.Json_pg2 = register_uuid, Json
    adapter = peewee.Psycopg2Adapter
    adapter.txn_idle = extensions.TRANSACTION_STATUS_IDLE
    adapter.txn_inerror = extensions.TRANSACTION_STATUS_INERROR
    adapter.txn_unknown = extensions.TRANSACTION_STATUS_UNKNOWN
