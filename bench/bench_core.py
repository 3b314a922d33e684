"""Counter core benchmark: a database of N dossiers (default 1,000,000), then the figures.

Prints intake latency (median, p99, synchronous=FULL, through models.intake.receive),
exact-code lookup p99, folded-name search p95 (first 50 hits), ID search p95, one list page
p95, and bytes per dossier. The bulk fill writes the same rows an intake writes (dossier,
documents, first event, initial due date, sync change, audit row) in large transactions,
because a million fsync'ed intakes would take an hour; the timed intakes use the real service.

    python bench/bench_core.py [--dossiers 1000000] [--db PATH] [--keep]
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.db import close_database  # noqa: E402
from models.document_names import document_name_ids  # noqa: E402
from models.dossiers import get_dossier, get_dossier_row  # noqa: E402
from models.intake import IntakeRequest, PersonInput, receive  # noqa: E402
from models.search import DossierFilter, count_dossiers, list_dossiers, search  # noqa: E402
from models.session import acting_officer, open_counter, setup_agency  # noqa: E402
from models.tables import (  # noqa: E402
    AuditLog,
    CodeCounter,
    Dossier,
    DossierDocument,
    DossierTail,
    DueDateChange,
    Procedure,
    StatusEvent,
    SyncChange,
    database,
)
from models.tails import reversed_tails  # noqa: E402
from models.text import fold  # noqa: E402

AGENCY = "000.00.24.H12"
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
          "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Thu", "Hoài", "Xuân"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hà", "Hải", "Hằng", "Hạnh", "Hiếu",
         "Hoa", "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga",
         "Ngọc", "Phong", "Phúc", "Quân", "Quỳnh", "Sơn", "Tâm", "Thảo", "Thủy", "Trang",
         "Trung", "Tuấn", "Uyên", "Việt", "Vy", "Yến"]


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def name(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def fill(n: int, rng: random.Random) -> None:
    """Write n dossiers over the 2 years before 2026-11-20, ~1,370 a day."""
    officer = acting_officer()
    procedures = list(Procedure.select())
    docs_of = {p.id: [(d.name, d.originals, d.copies) for d in p.documents][:3] for p in procedures}
    db = database.obj
    with db.atomic():
        name_ids = document_name_ids([n for docs in docs_of.values() for n, _, _ in docs])
    db.execute_sql("PRAGMA synchronous=OFF")
    start = datetime(2024, 11, 20, 7, 0)
    per_day = max(1, -(-n // 730))  # rounded up: the fill ends before the timed intakes
    batch = 5000
    done = 0
    began = time.perf_counter()
    while done < n:
        size = min(batch, n - done)
        dossiers, events, documents, dues, audits, tails = [], [], [], [], [], []
        with db.atomic():
            first_id = (Dossier.select(Dossier.id).order_by(Dossier.id.desc()).scalar() or 0) + 1
            for i in range(size):
                k = done + i
                day = start + timedelta(days=k // per_day)
                received = day + timedelta(minutes=(k % per_day) * 480 // per_day)
                p = rng.choice(procedures)
                status = rng.choice((2, 4, 4, 9, 10, 10, 10, 10))
                due = received + timedelta(days=rng.choice((0, 1, 3, 5)))
                who = name(rng)
                dossiers.append(dict(
                    uid=uuid.uuid4().hex, code=f"{AGENCY}-{received:%y%m%d}-{k % per_day + 1:04d}",
                    agency_code=AGENCY, procedure=p.id, procedure_code=p.code,
                    procedure_name=p.name, duration_value=p.duration_value,
                    duration_unit=p.duration_unit, applicant_name=who,
                    applicant_name_folded=fold(who),
                    applicant_id_number=f"0{rng.randint(1, 96):02d}{rng.randint(0, 3)}{rng.randint(0, 99):02d}{rng.randint(0, 999999):06d}",
                    applicant_phone=f"09{rng.randint(0, 99999999):08d}",
                    applicant_address="Thôn Đồng Bông, xã Tam Đảo", status=status,
                    received_at=received, due_at=due, officer=officer.id,
                    finished_at=received + timedelta(days=1) if status >= 9 else None,
                    returned_at=received + timedelta(days=2) if status == 10 else None,
                    register_number=k + 1, updated_at=received,
                    # finished after the due moment: marked late as the workflow marks it
                    late_from=due + timedelta(seconds=1) if status >= 9 and timedelta(days=1) > due - received
                    else None,
                ))
                did = first_id + i
                last = dossiers[-1]
                tails += [dict(tail=t, dossier=did) for t in reversed_tails(
                    last["code"], last["applicant_id_number"], last["applicant_phone"])]
                events.append(dict(uid=uuid.uuid4().hex, dossier=did, action="receive",
                                   to_status=2, at=received, officer=officer.id, recorded_at=received))
                dues.append(dict(dossier=did, at=received, kind="initial", new_due_at=due,
                                 officer=officer.id))
                documents += [dict(dossier=did, position=j, document_name=name_ids[nm],
                                   originals=o, copies=c)
                              for j, (nm, o, c) in enumerate(docs_of[p.id], start=1)]
                audits.append(dict(at=received, officer=officer.id, action="dossier.receive",
                                   entity="dossier", entity_id=dossiers[-1]["code"], details="{}"))
            Dossier.insert_many(dossiers).execute()
            StatusEvent.insert_many(events).execute()
            DueDateChange.insert_many(dues).execute()
            DossierDocument.insert_many(documents).execute()
            AuditLog.insert_many(audits).execute()
            SyncChange.insert_many([dict(dossier=e["dossier"], at=e["at"]) for e in events]).execute()
            DossierTail.insert_many(tails).on_conflict_ignore().execute()
        done += size
        if done % 100000 == 0 or done == n:
            print(f"  filled {done:,} dossiers ({time.perf_counter() - began:.0f} s)", file=sys.stderr)
    CodeCounter.delete().execute()
    db.execute_sql("PRAGMA synchronous=FULL")
    db.execute_sql("ANALYZE")


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dossiers", type=int, default=1_000_000)
    parser.add_argument("--db")
    parser.add_argument("--keep", action="store_true", help="reuse a filled --db")
    args = parser.parse_args()
    rng = random.Random(20261123)
    path = Path(args.db or Path(tempfile.mkdtemp()) / "bench.sqlite3")
    fresh = not (args.keep and path.exists())
    if fresh and path.exists():
        path.unlink()
    open_counter(str(path))
    setup_agency(agency_code=AGENCY, governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo")
    if fresh:
        fill(args.dossiers, rng)
    n = Dossier.select().count()
    database.obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    size = path.stat().st_size
    officer = acting_officer()
    now = datetime(2026, 11, 23, 9, 0)
    procedures = [p.code for p in Procedure.select()]

    def one_intake():
        receive(IntakeRequest(procedure=rng.choice(procedures), received_at=now,
                              applicant=PersonInput(name=name(rng), id_number="001190012345",
                                                    phone="0912345678")), officer, now=now)
    intake = timed(one_intake, 300)
    codes = [r.code for r in Dossier.select(Dossier.code).order_by(Dossier.id.desc()).limit(2000)]
    codes += [Dossier.get_by_id(rng.randint(1, n)).code for _ in range(500)]
    rng.shuffle(codes)
    lookup = [timed(lambda c=c: get_dossier_row(c), 1)[0] for c in codes]
    full = [timed(lambda c=c: get_dossier(c, now=now), 1)[0] for c in codes[:500]]
    names = [fold(name(rng)) for _ in range(300)]
    name_search = [timed(lambda q=q: search(q, limit=50, now=now), 1)[0] for q in names]
    ids = [r.applicant_id_number for r in Dossier.select(Dossier.applicant_id_number)
           .where(Dossier.id.in_([rng.randint(1, n) for _ in range(300)]))]
    id_search = [timed(lambda q=q: search(q, limit=50, now=now), 1)[0] for q in ids]
    flts = [DossierFilter(), DossierFilter(statuses=[4]), DossierFilter(late=True),
            DossierFilter(due_soon=True), DossierFilter(procedure=procedures[0])]

    def page():
        flt = rng.choice(flts)
        first = list_dossiers(flt, limit=50, now=now)
        if first.cursor:
            list_dossiers(flt, limit=50, after=first.cursor, now=now)
    pages = [x / 2 for x in timed(page, 200)]
    # "The last digits": a code's day and sequence, a sequence alone, the first or last four
    # digits of an ID number or a phone (models.search), each for the quick search (first 50)
    # and for the desk (its first page, keyset-sorted by id, and its count).
    sample = [Dossier.get_by_id(rng.randint(1, n)) for _ in range(200)]
    tail_queries = {
        "code_day_sequence": [d.code.split("-", 1)[1] for d in sample],
        "code_sequence": [d.code[-4:] for d in sample],
        "id_last4": [d.applicant_id_number[-4:] for d in sample],
        "id_first6": [d.applicant_id_number[:6] for d in sample],
        "phone_last4": [d.applicant_phone[-4:] for d in sample],
        "phone_first4": [d.applicant_phone[:4] for d in sample],
    }
    tail_figures = {}
    for what, queries in tail_queries.items():
        quick = [timed(lambda q=q: search(q, limit=50, now=now), 1)[0] for q in queries]
        desk = [timed(lambda q=q: list_dossiers(DossierFilter(text=q), limit=50, now=now), 1)[0]
                for q in queries[:50]]
        counted = [timed(lambda q=q: count_dossiers(DossierFilter(text=q), now=now), 1)[0]
                   for q in queries[:50]]
        tail_figures[f"search_{what}_p95_ms"] = pct(quick, 0.95)
        tail_figures[f"desk_{what}_p95_ms"] = pct(desk, 0.95)
        tail_figures[f"count_{what}_p95_ms"] = pct(counted, 0.95)
    family = [timed(lambda q=q: list_dossiers(DossierFilter(text=q), limit=50, now=now), 1)[0]
              for q in ("nguyen", "tran", "le thi", "pham van")]
    tail_figures["desk_family_name_page_max_ms"] = max(family)
    figures = {
        "dossiers": n,
        "intake_median_ms": statistics.median(intake), "intake_p99_ms": pct(intake, 0.99),
        "code_lookup_p99_ms": pct(lookup, 0.99), "code_full_view_p99_ms": pct(full, 0.99),
        "name_search_p95_ms": pct(name_search, 0.95), "id_search_p95_ms": pct(id_search, 0.95),
        "list_page_p95_ms": pct(pages, 0.95), **tail_figures,
        "bytes_per_dossier": round(size / max(n, 1)),
    }
    targets = {"intake_median_ms": 10, "code_lookup_p99_ms": 1, "name_search_p95_ms": 30,
               "list_page_p95_ms": 20, "bytes_per_dossier": 1536}
    for key, value in figures.items():
        target = f"  (target < {targets[key]})" if key in targets else ""
        print(f"{key:34} {value:12.2f}{target}" if isinstance(value, float) else f"{key:34} {value:12,}{target}")
    print(json.dumps(figures))
    close_database()


if __name__ == "__main__":
    main()
