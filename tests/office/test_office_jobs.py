"""Office-wide jobs run once: the day file of the agency is exported by one counter."""
from __future__ import annotations

import threading
from datetime import date, datetime

import psycopg2
import pytest

from models.db import close_database
from models.intake import receive
from models.office_jobs import APP_KEY, JobBusy, _key, office_job
from models.session import acting_officer, open_counter, setup_agency
from models.sync_state import SyncExport
from sync.export import export_if_due, run_export
from tests.factories import request

AGENCY = "H12.22.01"
DAY = date(2026, 11, 16)
CLOSING = datetime(2026, 11, 16, 17, 45)


@pytest.fixture
def shared(office_db, machine):
    open_counter(office_db)
    setup_agency(agency_code=AGENCY, governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo")
    officer = acting_officer()
    for i in range(5):
        at = datetime(2026, 11, 16, 9, i)
        receive(request(received_at=at, name=f"Người Số {i}"), officer, now=at)
    return office_db


def test_four_counters_closing_at_once_write_one_day_file(shared, tmp_path):
    officer = acting_officer()
    folders = [tmp_path / f"quay-{n}" for n in range(1, 5)]
    results: dict[int, list] = {}
    errors: list[BaseException] = []
    start = threading.Barrier(len(folders))

    def counter(n: int) -> None:  # each thread is a counter PC with its own connection
        try:
            start.wait()
            results[n] = export_if_due(CLOSING, folders[n], closing=True, by=officer)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
    threads = [threading.Thread(target=counter, args=(n,)) for n in range(len(folders))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    written = [r for rs in results.values() for r in rs]
    assert len(written) == 1 and written[0].revision == 1
    files = [p for f in folders if f.exists() for p in f.glob("*.zip*")]
    assert [p.name for p in files] == [written[0].path.name]
    assert SyncExport.select().where(SyncExport.day == DAY).count() == 1


def test_an_export_held_by_another_counter_is_skipped_by_the_timer_and_awaited_by_a_click(shared, tmp_path):
    officer = acting_officer()
    other = psycopg2.connect(shared)  # another counter, in the middle of exporting the day
    other.autocommit = True
    with other.cursor() as cur:
        cur.execute("SELECT pg_advisory_lock(%s, %s)", (APP_KEY, _key(f"export:{AGENCY}:{DAY.isoformat()}")))
    assert export_if_due(CLOSING, tmp_path / "quay-2", closing=True, by=officer) == []
    assert SyncExport.select().count() == 0
    with pytest.raises(JobBusy, match="quầy khác"):
        run_export(DAY, tmp_path / "quay-2", by=officer, now=CLOSING, wait=False)

    done: list = []
    clicked = threading.Thread(target=lambda: done.append(run_export(DAY, tmp_path / "quay-2", by=officer, now=CLOSING)))
    clicked.start()
    clicked.join(0.5)
    assert clicked.is_alive() and not done  # waits for the other counter
    other.close()  # its export ends (or its PC goes off): the lock goes with the connection
    clicked.join(10)
    assert done and done[0].revision == 1


def test_on_a_counter_of_its_own_the_job_simply_runs(counter):
    with office_job("anything", wait=False):
        pass
    close_database()
