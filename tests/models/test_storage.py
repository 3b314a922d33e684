"""Storage: pragmas for power cuts, schema versions, concurrent counters on one SQLite file."""
from __future__ import annotations

import multiprocessing
from datetime import datetime

import pytest

from models.db import close_database, open_database
from models.errors import MotCuaError
from models.migrations import SCHEMA_VERSION
from models.tables import Dossier, Meta


def test_sqlite_is_opened_for_power_cuts(counter):
    pragma = lambda name: counter.execute_sql(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("journal_mode") == "wal"
    assert pragma("foreign_keys") == 1
    assert pragma("synchronous") == 2  # FULL


def test_reopening_keeps_data_and_a_newer_database_is_refused(db_path, officer):
    from models.intake import receive
    from tests.factories import request

    now = datetime(2026, 11, 18, 9, 0)
    code = receive(request(received_at=now), officer, now=now).code
    close_database()
    open_database(str(db_path))
    assert Dossier.get(Dossier.code == code)
    assert Meta.get_by_id("schema_version").value == str(SCHEMA_VERSION)
    Meta.update(value=str(SCHEMA_VERSION + 1)).where(Meta.key == "schema_version").execute()
    close_database()
    with pytest.raises(MotCuaError, match="phiên bản mới hơn"):
        open_database(str(db_path))
    close_database()


def _intakes(path: str, count: int, queue) -> None:
    from models.intake import receive
    from models.session import acting_officer, open_counter
    from tests.factories import request

    open_counter(path)
    officer = acting_officer()
    now = datetime(2026, 11, 18, 9, 0)
    codes = [receive(request(received_at=now), officer, now=now).code for _ in range(count)]
    queue.put(codes)


def test_four_processes_give_no_duplicate_and_no_gap(db_path, counter):
    close_database()
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    workers = [ctx.Process(target=_intakes, args=(str(db_path), 25, queue)) for _ in range(4)]
    for w in workers:
        w.start()
    codes = [c for _ in workers for c in queue.get(timeout=120)]
    for w in workers:
        w.join(timeout=60)
        assert w.exitcode == 0
    assert len(codes) == len(set(codes)) == 100
    sequences = sorted(int(c.rsplit("-", 1)[1]) for c in codes)
    assert sequences == list(range(1, 101))
