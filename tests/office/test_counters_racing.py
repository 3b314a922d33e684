"""Several counters at once on the Centre's server: 8 processes receiving, two acting on one dossier."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from datetime import datetime
from pathlib import Path

import pytest

from models import workflow
from models.dossiers import get_dossier
from models.intake import receive
from models.session import acting_officer, open_counter, setup_agency
from models.tables import Dossier, StatusEvent
from tests.factories import XAC_NHAN_HON_NHAN, request

ROOT = Path(__file__).resolve().parents[2]
AGENCY = "H12.22.01"
AT = datetime(2026, 11, 16, 9, 30)

COUNTER_PROCESS = r"""
import json, sys
from datetime import datetime
from models.intake import receive
from models.session import acting_officer, open_counter
from tests.factories import XAC_NHAN_HON_NHAN, request
url, counter, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
open_counter(url)
officer = acting_officer()
at = datetime(2026, 11, 16, 9, 30)
codes = [receive(request(procedure=XAC_NHAN_HON_NHAN, received_at=at, name=f"Quầy {counter} người {i}"),
                 officer, now=at).code for i in range(n)]
print(json.dumps(codes))
"""


@pytest.fixture
def centre(office_db, machine):
    open_counter(office_db)
    setup_agency(agency_code=AGENCY, governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo")
    return office_db


def test_eight_counter_processes_receiving_at_once_get_unique_consecutive_codes(centre):
    per_counter = 15
    processes = [
        subprocess.Popen([sys.executable, "-c", COUNTER_PROCESS, centre, str(n), str(per_counter)],
                         cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         env={**os.environ, "MOTCUA_COUNTER": str(n), "PYTHONPATH": str(ROOT)})
        for n in range(1, 9)]
    codes = []
    for process in processes:
        out, err = process.communicate(timeout=240)
        assert process.returncode == 0, err
        codes += json.loads(out)
    assert len(codes) == len(set(codes)) == 8 * per_counter
    assert sorted(int(c.rsplit("-", 1)[1]) for c in codes) == list(range(1, 8 * per_counter + 1))
    # Each dossier names the counter that received it (printed on the receipt and the register).
    counters = {c: n for c, n in Dossier.select(Dossier.code, Dossier.counter_no).tuples()}
    assert set(counters.values()) == set(range(1, 9))
    assert sorted(Dossier.select(Dossier.register_number).tuples()) == [(i,) for i in range(1, 121)]


def test_two_counters_acting_on_one_dossier_never_lose_an_update(centre):
    officer = acting_officer()
    code = receive(request(procedure=XAC_NHAN_HON_NHAN, received_at=AT), officer, now=AT).code
    shown = get_dossier(code).version  # both counters have the dossier on screen
    outcomes: dict[str, object] = {}
    start = threading.Barrier(2)

    def counter(name: str, act) -> None:
        start.wait()
        try:
            outcomes[name] = act()
        except workflow.DossierChanged as exc:
            outcomes[name] = exc

    at = datetime(2026, 11, 16, 10, 0)
    desks = [
        threading.Thread(target=counter, args=("forward", lambda: workflow.forward(
            code, officer, unit="Tư pháp", at=at, now=at, expected_version=shown))),
        threading.Thread(target=counter, args=("refuse", lambda: workflow.refuse(
            code, officer, reason="Sai thẩm quyền", at=at, now=at, expected_version=shown))),
    ]
    for desk in desks:
        desk.start()
    for desk in desks:
        desk.join()
    lost = [v for v in outcomes.values() if isinstance(v, workflow.DossierChanged)]
    won = [v for v in outcomes.values() if not isinstance(v, workflow.DossierChanged)]
    assert len(lost) == 1 and len(won) == 1
    assert "vừa được Quản trị hệ thống cập nhật" in str(lost[0])
    final = get_dossier(code)
    assert final.status == won[0].status and final.version == shown + 1
    # One step recorded after the intake: the loser wrote nothing.
    assert StatusEvent.select().where(StatusEvent.action != "receive").count() == 1


def test_two_counters_accepting_one_online_dossier_give_it_one_register_number(centre):
    from models import online
    from models.db import write_transaction
    from models.errors import TransitionError
    from tests.package_fixtures import online_dossier

    officer = acting_officer()
    with write_transaction():
        online.register_submissions([online_dossier("G22.39-261116-0001", submitted_at="2026-11-16T08:15:00")],
                                    by=officer, now=datetime(2026, 11, 16, 8, 30))
    outcomes: list = []
    start = threading.Barrier(2)

    def counter() -> None:
        start.wait()
        try:
            outcomes.append(online.accept("G22.39-261116-0001", officer, now=datetime(2026, 11, 16, 9, 0)))
        except (workflow.DossierChanged, TransitionError) as exc:
            outcomes.append(exc)
    desks = [threading.Thread(target=counter) for _ in range(2)]
    for desk in desks:
        desk.start()
    for desk in desks:
        desk.join()
    accepted = [o for o in outcomes if not isinstance(o, Exception)]
    assert len(accepted) == 1 and len(outcomes) == 2
    assert StatusEvent.select().where(StatusEvent.action == "receive").count() == 1
    assert [d.register_number for d in Dossier.select()] == [accepted[0].register_number]
