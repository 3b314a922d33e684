"""Backups, checks and restore on a big database: the figures behind the README's rows.

Works on a copy of ``--db`` (for instance bench_core.py's 1,000,000-dossier database, kept with
``--keep``), or on a new database of ``--dossiers`` made by bench_core's fill. Prints:
- PRAGMA quick_check (what the app runs as it opens the database),
- PRAGMA integrity_check (what every backup runs on its copy),
- a backup (SQLite's backup API + integrity_check + fsync) and a restore (which keeps a copy of
  the database it replaces),
- appending one line to the high-water record (what each intake adds).

    python bench/bench_backup.py --db PATH [--keep-copy]
    python bench/bench_backup.py --dossiers 100000
"""
from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.backup import make_backup  # noqa: E402
from models.db import close_database  # noqa: E402
from models.highwater import HighWater  # noqa: E402
from models.restore import restore_backup  # noqa: E402
from models.session import open_counter, setup_agency  # noqa: E402


def timed(label: str, work) -> float:
    began = time.perf_counter()
    work()
    elapsed = time.perf_counter() - began
    print(f"{label:44} {elapsed:8.2f} s")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="an existing counter database (a copy is used)")
    parser.add_argument("--dossiers", type=int, default=100_000, help="without --db: fill a new one")
    parser.add_argument("--keep-copy", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="motcua-bench-backup-"))
    path = work / "motcua.sqlite3"
    if args.db:
        source = sqlite3.connect(args.db)
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        source.close()
        shutil.copyfile(args.db, path)
        open_counter(str(path))
    else:
        from bench_core import AGENCY, fill

        open_counter(str(path))
        setup_agency(agency_code=AGENCY, governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo")
        fill(args.dossiers, random.Random(1))
    size = path.stat().st_size
    close_database()
    print(f"database: {size / 1024 / 1024:,.0f} MB")

    check = sqlite3.connect(str(path))
    timed("quick_check, cold-ish (app start)", lambda: check.execute("PRAGMA quick_check").fetchall())
    timed("quick_check, warm", lambda: check.execute("PRAGMA quick_check").fetchall())
    timed("integrity_check", lambda: check.execute("PRAGMA integrity_check").fetchall())
    check.close()

    open_counter(str(path))
    backup = work / "backup.sqlite3"
    now = datetime.now().replace(microsecond=0)
    timed("backup: copy + integrity_check + fsync", lambda: make_backup(backup, now=now))
    timed("restore (keeps a copy of the replaced database)",
          lambda: restore_backup(backup, db_path=path, now=now))
    close_database()

    record = HighWater(work / "record.sqlite3")
    samples = []
    for i in range(5000):
        began = time.perf_counter()
        record.intake("000.00.24.H12", f"000.00.24.H12-261123-{i:04d}", "Y2026", i, now)
        samples.append((time.perf_counter() - began) * 1e6)
    print(f"{'high-water record, one intake line':44} {statistics.median(samples):8.1f} µs median, "
          f"p99 {sorted(samples)[int(len(samples) * 0.99)]:.1f} µs")
    if not args.keep_copy:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
