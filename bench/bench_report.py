"""Period report benchmark: a year's Biểu 06 over N dossiers (default 1,000,000), then its files.

The fill writes dossiers received in 2025 (plus December 2024, to be carried over) with their
status events and due-date changes as the services would — forwarded, finished before / on /
after the due date, returned, supplements that move the due date, extensions, withdrawals,
stops, refusals, some finished only in 2026 (in progress at the end of 2025 by the history) —
in bulk (executemany in large transactions), because a million intakes through receive()
would take an hour. Then it times the report service and prints its figures.

    python bench/bench_report.py [--dossiers 1000000] [--db PATH] [--keep]
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.db import close_database  # noqa: E402
from models.holidays_admin import load_calendar  # noqa: E402
from models.report_documents import period_report_pdf, period_report_xlsx  # noqa: E402
from models.report_period import Period  # noqa: E402
from models.reports import dossiers_behind, late_dossiers, period_report  # noqa: E402
from models.session import acting_officer, open_counter, setup_agency  # noqa: E402
from models.tables import Dossier, DueDateChange, Procedure, StatusEvent, database  # noqa: E402
from models.text import fold  # noqa: E402

AGENCY = "000.00.24.H12"
NOW = datetime(2026, 11, 23, 9)
NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường", "Phạm Thu Hằng", "Vũ Đức Long",
         "Đặng Ngọc Mai", "Bùi Quang Minh", "Hồ Thị Lan", "Ngô Xuân Sơn", "Dương Thanh Tâm"]
SLOTS = [(7, 0), (7, 40), (8, 20), (9, 0), (9, 40), (10, 20), (11, 0),
         (13, 30), (14, 10), (14, 50), (15, 30), (16, 10), (16, 45)]


class Table:
    """Raw executemany into one peewee table, with the model's Python-side defaults filled in."""

    def __init__(self, model) -> None:
        # Dossier ids are given (the events point at them); the other tables number themselves.
        self.fields = [f for f in model._meta.sorted_fields if f.name != "id" or model is Dossier]
        names = ", ".join(f.column_name for f in self.fields)
        marks = ", ".join("?" for _ in self.fields)
        self.sql = f"INSERT INTO {model._meta.table_name} ({names}) VALUES ({marks})"
        self.defaults = {f.name: f.default for f in self.fields}
        self.rows: list[tuple] = []

    def add(self, **values) -> None:
        row = []
        for f in self.fields:
            value = values.get(f.name, self.defaults[f.name])
            if callable(value):
                value = value()
            if isinstance(value, datetime):
                value = str(value)
            elif isinstance(value, bool):
                value = int(value)
            row.append(value)
        self.rows.append(tuple(row))

    def flush(self, cursor) -> None:
        cursor.executemany(self.sql, self.rows)
        self.rows.clear()


def working_days(first: date, last: date) -> list[date]:
    calendar = load_calendar()
    days, day = [], first
    while day <= last:
        if calendar.is_working_day(day):
            days.append(day)
        day += timedelta(days=1)
    return days


def fill(n: int, rng: random.Random) -> dict[str, int]:
    """n dossiers received on the working days of 2025, plus n/12 in December 2024."""
    officer = acting_officer().id
    procedures = [p for p in Procedure.select() if p.active]
    calendar = load_calendar()
    due_cache: dict[tuple, datetime] = {}

    def due_of(p: Procedure, received: datetime) -> datetime:
        key = (p.duration_value, p.duration_unit, p.same_day_cutoff, received)
        if key not in due_cache:
            cutoff = datetime.strptime(p.same_day_cutoff, "%H:%M").time() if p.same_day_cutoff else None
            due_cache[key] = calendar.due_at(received, p.duration_value, p.duration_unit, cutoff)
        return due_cache[key]

    days = working_days(date(2024, 12, 1), date(2025, 12, 31))
    in_2025 = sum(d.year == 2025 for d in days)
    per_day = -(-n // in_2025)
    dossiers, events, dues = Table(Dossier), Table(StatusEvent), Table(DueDateChange)
    db = database.obj
    db.execute_sql("PRAGMA synchronous=OFF")
    cursor = db.cursor()
    next_id = (Dossier.select(Dossier.id).order_by(Dossier.id.desc()).scalar() or 0) + 1
    event_no = 0
    counts = {"dossiers": 0, "events": 0, "due_changes": 0}
    began = time.perf_counter()

    def event(did: int, action: str, before: int | None, after: int, at: datetime) -> None:
        nonlocal event_no
        event_no += 1
        events.add(uid=f"bench-e{event_no}", dossier=did, action=action, from_status=before,
                   to_status=after, at=at, officer=officer)

    for day in days:
        written = 0
        target = per_day if day.year == 2025 else per_day // 2
        db.execute_sql("BEGIN")
        for seq in range(1, target + 1):
            hour, minute = SLOTS[seq % len(SLOTS)]
            received = datetime(day.year, day.month, day.day, hour, minute)
            p = rng.choice(procedures)
            due = due_of(p, received)
            did = next_id
            next_id += 1
            who = rng.choice(NAMES)
            channel = rng.choice((1, 1, 1, 2, 2, 3))
            event(did, "receive", None, 2, received)
            dues.add(dossier=did, at=received, kind="initial", new_due_at=due, officer=officer)
            status, finished, returned, paused = 2, None, None, None
            roll = rng.random()
            at = received + timedelta(minutes=20)
            if roll < 0.01:  # refused at the counter
                event(did, "refuse", 2, 3, at)
                status = 3
            else:
                event(did, "forward", 2, 4, at)
                status = 4
                if roll < 0.07:  # a supplement: paused a day later, back three days after
                    paused = received + timedelta(days=1)
                    event(did, "supplement", 4, 5, paused)
                    resumed = paused + timedelta(days=3)
                    new_due = due + timedelta(days=3)
                    event(did, "resume", 5, 4, resumed)
                    dues.add(dossier=did, at=resumed, kind="resume", old_due_at=due, new_due_at=new_due,
                             officer=officer)
                    due, paused, at = new_due, None, resumed
                elif roll < 0.09:  # an extension with an apology
                    new_due = due + timedelta(days=5)
                    extended = max(due - timedelta(hours=2), at)
                    event(did, "extend", 4, 4, extended)
                    dues.add(dossier=did, at=extended, kind="extend", old_due_at=due, new_due_at=new_due,
                             officer=officer)
                    due, at = new_due, extended
                outcome = rng.random()
                if outcome < 0.03:
                    event(did, "withdraw", 4, 7, at + timedelta(days=1))
                    status = 7
                elif outcome < 0.04:
                    event(did, "stop", 4, 8, at + timedelta(days=2))
                    status = 8
                elif outcome < 0.06 and day >= date(2025, 12, 15):
                    pass  # still being processed today
                else:
                    kind = rng.random()
                    if kind < 0.6 and due.date() > at.date():
                        finished = datetime.combine(due.date() - timedelta(days=rng.randint(1, 2)),
                                                    datetime.min.time()) + timedelta(hours=10)
                        finished = max(finished, at + timedelta(minutes=30))
                    elif kind < 0.88:
                        finished = max(due - timedelta(hours=1), at + timedelta(minutes=10))
                    else:
                        finished = due + timedelta(days=rng.randint(1, 10))
                    event(did, "finish", 4, 9, finished)
                    status = 9
                    if rng.random() < 0.8:
                        returned = finished + timedelta(hours=rng.randint(1, 48))
                        event(did, "return", 9, 10, returned)
                        status = 10
            dossiers.add(
                id=did, uid=f"bench-d{did}", code=f"{AGENCY}-{received:%y%m%d}-{seq:04d}",
                agency_code=AGENCY, procedure=p.id, procedure_code=p.code, procedure_name=p.name,
                duration_value=p.duration_value, duration_unit=p.duration_unit, applicant_name=who,
                applicant_name_folded=fold(who), channel=channel, status=status, received_at=received,
                due_at=due, paused_at=paused, finished_at=finished, returned_at=returned,
                returned_to=who if returned else "", officer=officer, register_number=did,
                updated_at=received,
                # a finish recorded after the due moment marks the dossier late (models.lateness)
                late_from=due + timedelta(seconds=1) if finished and finished > due else None,
            )
            written += 1
        counts["dossiers"] += written
        counts["events"] += len(events.rows)
        counts["due_changes"] += len(dues.rows)
        dossiers.flush(cursor)
        events.flush(cursor)
        dues.flush(cursor)
        db.execute_sql("COMMIT")
        if day.day == 1 or day == days[-1]:
            print(f"  filled {counts['dossiers']:,} dossiers to {day:%d/%m/%Y} "
                  f"({time.perf_counter() - began:.0f} s)", file=sys.stderr)
    db.execute_sql("PRAGMA synchronous=FULL")
    db.execute_sql("ANALYZE")
    return counts


def timed(fn, runs: int = 1) -> tuple[list[float], object]:
    out, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        out.append((time.perf_counter() - t) * 1000)
    return out, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dossiers", type=int, default=1_000_000, help="received in 2025")
    parser.add_argument("--db")
    parser.add_argument("--keep", action="store_true", help="reuse a filled --db")
    args = parser.parse_args()
    rng = random.Random(20251231)
    path = Path(args.db or Path(tempfile.mkdtemp()) / "bench_report.sqlite3")
    fresh = not (args.keep and path.exists())
    if fresh and path.exists():
        path.unlink()
    open_counter(str(path))
    setup_agency(agency_code=AGENCY, governing_body="UBND XÃ TAM ĐẢO",
                 unit_name="TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", place="Tam Đảo")
    if fresh:
        t = time.perf_counter()
        counts = fill(args.dossiers, rng)
        print(f"fill: {counts} in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    total_rows = Dossier.select().count()
    viewer = acting_officer()  # the setup account reads the reports (a leader too)
    year, quarter = Period.year(2025), Period.quarter(2025, 4)
    cold, report = timed(lambda: period_report(year, now=NOW, officer=viewer))
    warm, _ = timed(lambda: period_report(year, now=NOW, officer=viewer), 3)
    by_procedure_ms, by_procedure = timed(lambda: period_report(year, by="procedure", now=NOW, officer=viewer), 3)
    quarter_ms, _ = timed(lambda: period_report(quarter, now=NOW, officer=viewer), 3)
    month_ms, _ = timed(lambda: period_report(Period.month(2025, 12), now=NOW, officer=viewer), 3)
    late_page_ms, late_page = timed(lambda: late_dossiers(year, now=NOW, limit=50, officer=viewer), 3)
    drill_ms, drill = timed(lambda: dossiers_behind(Period.month(2025, 12), "in_progress.late",
                                                    now=NOW, limit=50, officer=viewer), 3)
    xlsx_ms, xlsx = timed(lambda: period_report_xlsx(by_procedure, issued_at=NOW), 3)
    pdf_ms, pdf = timed(lambda: period_report_pdf(by_procedure, issued_at=NOW), 3)
    total = report.total
    figures = {
        "dossiers_in_database": total_rows,
        "year_report_cold_ms": round(cold[0]),
        "year_report_warm_median_ms": round(statistics.median(warm)),
        "year_report_by_procedure_median_ms": round(statistics.median(by_procedure_ms)),
        "quarter_report_median_ms": round(statistics.median(quarter_ms)),
        "month_report_median_ms": round(statistics.median(month_ms)),
        "late_list_first_50_median_ms": round(statistics.median(late_page_ms)),
        "drill_down_first_50_median_ms": round(statistics.median(drill_ms)),
        "xlsx_export_median_ms": round(statistics.median(xlsx_ms)),
        "xlsx_bytes": len(xlsx),
        "pdf_median_ms": round(statistics.median(pdf_ms)),
        "pdf_bytes": len(pdf),
    }
    print("Year 2025 (Biểu 06, totals):")
    print(f"  received {total.received.total:,} (online {total.received.online:,}, direct/postal "
          f"{total.received.direct_postal:,}, carried over {total.received.carried_over:,})")
    print(f"  resolved {total.resolved.total:,} (before due {total.resolved.before_due:,}, on time "
          f"{total.resolved.on_time:,}, late {total.resolved.late:,}); on-time rate "
          f"{total.on_time_rate * 100:.2f}%")
    print(f"  in progress at 31/12/2025 {total.in_progress.total:,} (within time "
          f"{total.in_progress.within_time:,}, late {total.in_progress.late:,})")
    print(f"  most late: {late_page[0].code} {late_page[0].days_late} days; "
          f"December in-progress late, first: {drill[0].code if drill else '-'}")
    targets = {"year_report_warm_median_ms": 2000, "year_report_cold_ms": 2000}
    for key, value in figures.items():
        target = f"  (target < {targets[key]})" if key in targets else ""
        print(f"{key:36} {value:12,}{target}")
    print(json.dumps(figures))
    close_database()


if __name__ == "__main__":
    main()
