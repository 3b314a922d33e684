"""Several counters receiving at once: intake latency on the Centre's PostgreSQL server and on
one SQLite file, with 1, 4 and 8 counters writing at the same moment.

Each counter is a process of its own (its own connection, as a counter PC has), opened before
the clock starts; all start together and each times its intakes through models.intake.receive
(code, register number, documents, events, sync log, audit: the real transaction). Prints the
median and p99 per case, and checks that the codes came out unique and consecutive.

    python bench/bench_office_server.py [--pg postgresql://user:pass@host/postgres] [--intakes 60]

The PostgreSQL URL names a database on the server where the role may create databases
(default: MOTCUA_BENCH_PG_URL, else MOTCUA_TEST_PG_URL); a scratch database ``motcua_bench_office``
is created there for each case and dropped after.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SCRATCH = "motcua_bench_office"
AGENCY = "H12.22.01"

COUNTER = r"""
import json, sys, time
from datetime import datetime
from models.intake import receive
from models.session import acting_officer, open_counter
from tests.factories import XAC_NHAN_HON_NHAN, request
target, counter, n, start = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
open_counter(target)
officer = acting_officer()
at = datetime(2026, 11, 16, 9, 30)
receive(request(procedure=XAC_NHAN_HON_NHAN, received_at=at, name=f"Khởi động {counter}"), officer, now=at)
while time.time() < start:
    time.sleep(0.005)
times, codes = [], []
for i in range(n):
    t = time.perf_counter()
    codes.append(receive(request(procedure=XAC_NHAN_HON_NHAN, received_at=at,
                                 name=f"Quầy {counter} người {i}", id_number=f"0{counter:02d}19000{i:04d}"),
                         officer, now=at).code)
    times.append((time.perf_counter() - t) * 1000)
print(json.dumps({"times": times, "codes": codes}))
"""


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def _fresh_pg(base: str) -> str:
    import psycopg2

    admin = psycopg2.connect(base)
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f"DROP DATABASE IF EXISTS {SCRATCH}")
        cur.execute(f"CREATE DATABASE {SCRATCH}")
    admin.close()
    return urlparse(base)._replace(path=f"/{SCRATCH}").geturl()


def _drop_pg(base: str) -> None:
    import psycopg2

    admin = psycopg2.connect(base)
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f"DROP DATABASE IF EXISTS {SCRATCH}")
    admin.close()


def _set_up(target: str) -> None:
    from models.db import close_database
    from models.session import open_counter, setup_agency

    open_counter(target)
    setup_agency(agency_code=AGENCY, governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo")
    close_database()


def run_case(target: str, counters: int, intakes: int) -> dict:
    _set_up(target)
    start = time.time() + 3 + counters * 0.6  # every counter connected and warm before the clock
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    processes = [subprocess.Popen([sys.executable, "-c", COUNTER, target, str(n), str(intakes), str(start)],
                                  cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for n in range(1, counters + 1)]
    times, codes = [], []
    for process in processes:
        out, err = process.communicate(timeout=600)
        if process.returncode:
            raise SystemExit(err)
        result = json.loads(out)
        times += result["times"]
        codes += result["codes"]
    numbers = sorted(int(c.rsplit("-", 1)[1]) for c in codes)
    consecutive = len(set(codes)) == len(codes) and numbers == list(range(numbers[0], numbers[0] + len(codes)))
    return {"median": statistics.median(times), "p99": pct(times, 0.99), "n": len(times),
            "consecutive": consecutive}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", default=os.environ.get("MOTCUA_BENCH_PG_URL") or os.environ.get("MOTCUA_TEST_PG_URL"))
    parser.add_argument("--intakes", type=int, default=60, help="intakes per counter")
    parser.add_argument("--counters", default="1,4,8")
    args = parser.parse_args()
    cases = [int(c) for c in args.counters.split(",")]
    print(f"{'database':<12} {'counters':>8} {'intakes':>8} {'median ms':>10} {'p99 ms':>8}  codes")
    for backend in ("postgresql", "sqlite"):
        if backend == "postgresql" and not args.pg:
            print("postgresql   (no server: --pg or MOTCUA_BENCH_PG_URL)")
            continue
        for counters in cases:
            folder = tempfile.TemporaryDirectory(prefix="motcua-bench-office-")
            target = _fresh_pg(args.pg) if backend == "postgresql" else str(Path(folder.name) / "quay.sqlite3")
            try:
                r = run_case(target, counters, args.intakes)
            finally:
                if backend == "postgresql":
                    _drop_pg(args.pg)
                folder.cleanup()
            print(f"{backend:<12} {counters:>8} {r['n']:>8} {r['median']:>10.1f} {r['p99']:>8.1f}  "
                  + ("unique, consecutive" if r["consecutive"] else "GAPS OR DUPLICATES"), flush=True)


if __name__ == "__main__":
    main()
