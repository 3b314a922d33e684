"""peewee loaded without psycopg2 (the desktop app on a SQLite file) gets it when a server is
opened, as if it had been imported the usual way (models.postgres_driver)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import need

ROOT = Path(__file__).resolve().parents[2]

STATE = """
import json, peewee
def describe(obj):
    if obj is None or isinstance(obj, int):
        return repr(obj)
    return getattr(obj, "__module__", "") + ":" + getattr(obj, "__qualname__", getattr(obj, "__name__", ""))
adapter = peewee.Psycopg2Adapter
state = {name: describe(getattr(peewee, name, None)) for name in
         ("psycopg2", "pg_extensions", "pg_register_uuid", "Json_pg2")}
state.update({name: describe(getattr(adapter, name, None)) for name in ("txn_idle", "txn_inerror", "txn_unknown")})
"""

HIDDEN_THEN_GIVEN = STATE.replace("import json, peewee", """
import json, sys
from models.postgres_driver import give_peewee_the_driver, hide_from_peewee, stop_hiding
assert hide_from_peewee()
import peewee
stop_hiding()
hidden = {"psycopg2 loaded": "psycopg2" in sys.modules, "driver": repr(peewee.psycopg2)}
import json
give_peewee_the_driver()
""") + """
from models.office_server import server_database
import uuid, os
db = server_database(os.environ["MOTCUA_TEST_PG_URL"])
value = db.execute_sql("SELECT %s::uuid", (uuid.UUID(int=7),)).fetchone()[0]
db.close()
print(json.dumps({"hidden": hidden, "state": state, "uuid": type(value).__name__}))
"""

USUAL = STATE + "\nprint(json.dumps({'state': state}))\n"


def _run(code: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True, timeout=120)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_peewee_gets_the_driver_it_would_have_imported_and_talks_to_a_server():
    need(bool(os.environ.get("MOTCUA_TEST_PG_URL")), "a PostgreSQL server (MOTCUA_TEST_PG_URL)")
    late = _run(HIDDEN_THEN_GIVEN)
    usual = _run(USUAL)
    assert late["hidden"] == {"psycopg2 loaded": False, "driver": "None"}  # left out at first
    assert late["state"] == usual["state"]  # then what peewee's own import sets up
    assert "None" not in usual["state"].values()
    assert late["uuid"] == "UUID"  # psycopg2's UUID adapter registered, as peewee does
