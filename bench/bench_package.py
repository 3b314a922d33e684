"""Benchmark of province packages: make one for a commune and apply it at the counter.

    python bench/bench_package.py [--online 1000]

A package with the whole shipped catalog (effective today), a year's calendar and ``--online``
online dossiers (encrypted); then its application in one transaction, and the acceptance of
an online dossier. Prints figures; asserts nothing but that everything was applied.
Targets (a commune's week of online dossiers is tens, not thousands): making and applying a
package of 1,000 online dossiers in a few seconds; accepting one dossier like an intake (< 10 ms).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.db import close_database  # noqa: E402
from models.online import accept, waiting  # noqa: E402
from models.session import acting_officer, open_counter, setup_agency  # noqa: E402
from sync.package_apply import apply_package_file  # noqa: E402
from tests.package_fixtures import AGENCY, Province, catalog_with, online_dossier, write_json  # noqa: E402

PROCEDURES = ["1.001193", "1.004873", "2.000635", "2.000815"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--online", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        open_counter(str(work / "counter.sqlite3"))
        setup_agency(agency_code=AGENCY, governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo")
        officer = acting_officer()
        now = datetime.now().replace(microsecond=0)
        province = Province(work / "province")
        province.install_at_counter()
        submitted = (now - timedelta(hours=2)).isoformat()
        items = [online_dossier(f"G22.39-{now:%y%m%d}-{i:04d}", submitted_at=submitted,
                                procedure=PROCEDURES[i % len(PROCEDURES)], name=f"Nguyễn Văn Thử {i}",
                                id_number=f"0010900{i:05d}") for i in range(1, args.online + 1)]
        online = write_json(work / "online.json", items)
        catalog = catalog_with(work / "catalog.json", decision="Quyết định thử", effective_from=now.date().isoformat())
        calendar = write_json(work / "calendar.json", {
            "year": now.year, "days_off": [{"date": f"{now.year}-12-31", "reason": "Thử"}], "working_days": [],
            "source": "Thử"})

        started = time.perf_counter()
        made = province.make(now=now, online=online, catalog=catalog, calendar=calendar)
        make_s = time.perf_counter() - started
        size = made.path.stat().st_size

        started = time.perf_counter()
        outcome = apply_package_file(made.path, by=officer, now=now)
        apply_s = time.perf_counter() - started
        assert outcome.status == "applied" and len(outcome.online.registered) == args.online, outcome.lines()[:3]

        codes = [d.code for d in waiting()][:50]
        times = []
        for code in codes:
            started = time.perf_counter()
            accept(code, officer)
            times.append((time.perf_counter() - started) * 1000)
        close_database()
    print(f"make-package, {args.online} online dossiers + catalog + calendar: {make_s:.2f} s, "
          f"{size / 1024:.0f} KiB")
    print(f"apply-package (one transaction): {apply_s:.2f} s ({args.online / apply_s:.0f} online dossiers/s)")
    print(f"accept one online dossier: median {statistics.median(times):.1f} ms, max {max(times):.1f} ms")


if __name__ == "__main__":
    main()
