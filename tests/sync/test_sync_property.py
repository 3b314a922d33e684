"""Property: whatever happens at the counter over several days, and in whatever order the day
files (every revision of them) reach the province, the central database ends with the same
dossiers and events as the counter."""
from __future__ import annotations

import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_fixtures import AGENCY, act, assert_central_matches_source, intake, own_trust

from models.db import close_database
from models.dossiers import get_dossier
from models.holidays_admin import load_calendar
from models.session import acting_officer, open_counter, setup_agency
from models.statuses import allowed_actions
from models.tables import Dossier
from sync.apply import apply_files
from sync.export import export_if_due, run_export

START = date(2026, 3, 2)  # Monday
WORKING_DAYS = [START + timedelta(days=n) for n in (0, 1, 2, 3, 4, 7)]

ARGUMENTS = {
    "forward": lambda view: {"unit": "Tư pháp - Hộ tịch"},
    "supplement": lambda view: {"missing": ["Giấy xác nhận cư trú"], "reason": "Thiếu giấy tờ"},
    "resume": lambda view: {},
    "request_payment": lambda view: {"note": "Nộp lệ phí 8.000 đồng"},
    "paid": lambda view: {},
    "extend": lambda view: {"new_due": _next_working(view.due_at + timedelta(days=5)),
                            "reason": "Cần xác minh thêm"},
    "finish": lambda view: {},
    "return": lambda view: {"recipient": view.applicant_name},
    "refuse": lambda view: {"reason": "Hồ sơ không thuộc thẩm quyền"},
    "withdraw": lambda view: {"reason": "Công dân xin rút"},
    "stop": lambda view: {"reason": "Không đủ điều kiện"},
}
FUNCTIONS = {"supplement": "request_supplement", "return": "return_result"}


def _next_working(moment: datetime) -> datetime:
    calendar = load_calendar()
    while not calendar.is_working_day(moment.date()):
        moment += timedelta(days=1)
    return moment.replace(hour=16, minute=0)


_intake = st.tuples(st.just("intake"), st.integers(0, 30))
_act = st.tuples(st.just("act"), st.integers(0, 1000), st.integers(0, 1000))
step = st.one_of(_intake, _act, _intake, _act, _act,
                 st.tuples(st.just("export"), st.integers(0, 5)),
                 st.tuples(st.just("next_day"), st.just(0)))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(step, min_size=10, max_size=40), order=st.randoms(use_true_random=False))
def test_random_days_exported_and_applied_reproduce_the_counter(steps, order):
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        open_counter(str(work / "counter.sqlite3"))
        try:
            setup_agency(agency_code=AGENCY, governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo")
            officer = acting_officer()
            files = run_scenario(steps, officer, work)
            order.shuffle(files)
            central = str(work / "central.sqlite3")
            summary = apply_files(files, central, trust=own_trust())
            assert all(f.status in ("applied", "already_applied", "superseded") for f in summary.files)
            assert_central_matches_source(central)
        finally:
            close_database()


def run_scenario(steps, officer, work: Path) -> list[Path]:
    files: list[Path] = []
    day_index, moment = 0, datetime.combine(START, datetime.min.time()) + timedelta(hours=7, minutes=30)
    people = 0
    for kind, *values in steps:
        moment += timedelta(minutes=7)
        if (kind == "next_day" or moment.hour >= 16) and day_index + 1 < len(WORKING_DAYS):
            day_index += 1
            moment = datetime.combine(WORKING_DAYS[day_index], datetime.min.time()) + timedelta(hours=8)
        if kind == "intake":
            people += 1
            intake(officer, moment, name=f"Nguyễn Văn {people}", number=f"0010900{people:05d}",
                   procedure=("1.004873", "1.001193", "2.000635")[values[0] % 3])
        elif kind == "act":
            codes = [c for (c,) in Dossier.select(Dossier.code).order_by(Dossier.id).tuples()]
            if not codes:
                continue
            view = get_dossier(codes[values[0] % len(codes)], now=moment)
            actions = allowed_actions(view.status)
            if not actions:
                continue
            action = actions[values[1] % len(actions)]
            if action == "refuse" and moment.date() != view.received_at.date():
                action = "stop"  # a refusal is only made on the day of reception (DOMAIN §7)
            act(FUNCTIONS.get(action, action), view.code, officer, moment, **ARGUMENTS[action](view))
        elif kind == "export":
            day = WORKING_DAYS[max(0, day_index - values[0] % 2)]
            files.append(run_export(day, work / f"out-{len(files)}", now=moment, by=officer).path)
    final = moment + timedelta(days=1)
    files += [r.path for r in export_if_due(final, work / "final", closing=True, by=officer)]
    return files
