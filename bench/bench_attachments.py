"""Benchmark of digitisation: attaching a 10-page 300 dpi JPEG scan, and the export of a day
with 200 digitised dossiers (day file and companion file), then applying them.

    python bench/bench_attachments.py [--dossiers 200] [--pages 10]

Prints figures; asserts nothing but that every copy arrives with its hash. The JPEG pages are
generated A4 pages at 300 dpi with lines of "text" and a scan's grain, greyscale, quality 80
(about what an office scanner saves).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models import attachments  # noqa: E402
from models.attachment_store import FolderStore, current_store  # noqa: E402
from models.db import close_database  # noqa: E402
from models.intake import IntakeRequest, PersonInput, receive  # noqa: E402
from models.session import acting_officer, open_counter, setup_agency  # noqa: E402
from sync.apply import apply_files  # noqa: E402
from sync.export import run_export  # noqa: E402
from sync.keys import (
    Trust,
    agency_public_key_document,
    load_province_private,
    new_province_keys,
    set_province_key,  # noqa: E402
    unb64,
)
from tests.scans import jpeg_bytes, write_jpeg_pages  # noqa: E402

DAY = date(2026, 3, 2)
PAPERS = [{"name": "Tờ khai", "originals": 1, "copies": 0},
          {"name": "Giấy tờ tùy thân", "originals": 0, "copies": 1}]


def megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dossiers", type=int, default=200)
    parser.add_argument("--pages", type=int, default=10)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="motcua-bench-attach-"))
    open_counter(str(work / "motcua.sqlite3"))
    setup_agency(agency_code="000.00.24.H12", governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo")
    officer = acting_officer()

    pages = write_jpeg_pages(work / "scan", args.pages, dpi=300, grain=True)
    scan_size = sum(p.stat().st_size for p in pages)
    first = receive(IntakeRequest(procedure="1.004873", applicant=PersonInput(
        name="Nguyễn Thị Hằng", id_number="001190012345", address="Xã Tam Đảo"), documents=PAPERS), officer)
    times = []
    for _repeat in range(3):
        started, cpu = time.perf_counter(), time.process_time()
        copy = attachments.attach(first.code, pages, officer, paper=1)
        times.append((time.perf_counter() - started, time.process_time() - cpu))
    wall, cpu = sorted(times)[1]
    print(f"Attach a {args.pages}-page 300 dpi JPEG scan ({megabytes(scan_size)} of JPEG): "
          f"{wall:.2f} s wall, {cpu:.2f} s CPU (median of 3); PDF {megabytes(copy.bytes)}, {copy.pages} pages")

    # A day of digitised dossiers: two papers each (a 2-page and a 1-page scan) and, for every
    # other dossier, an electronic result.
    start = datetime.combine(DAY, datetime.min.time()) + timedelta(hours=7)
    small = [jpeg_bytes(n, dpi=300, grain=True) for n in range(1, 4)]
    started = time.perf_counter()
    for i in range(args.dossiers):
        at = start + timedelta(seconds=i * 60)
        view = receive(IntakeRequest(procedure="1.004873", received_at=at, documents=PAPERS,
                                     applicant=PersonInput(name=f"Nguyễn Văn Thử {i}", id_number=f"0010900{i:05d}",
                                                           address="Xã Tam Đảo")), officer, now=at)
        # Each dossier's scans differ (a JPEG comment of its own), as real scans do.
        own = [page[:2] + b"\xff\xfe\x00\x06" + i.to_bytes(4, "big") + page[2:] for page in small]
        attachments.attach(view.code, None, officer, paper=1, data=[("a.jpg", own[0]), ("b.jpg", own[1])],
                           now=at + timedelta(seconds=20))
        attachments.attach(view.code, None, officer, paper=2, data=[("c.jpg", own[2])], now=at + timedelta(seconds=30))
    print(f"Receive and digitise {args.dossiers} dossiers (3 scanned 300 dpi pages each): "
          f"{time.perf_counter() - started:.1f} s")

    private, public = new_province_keys()
    (work / "pub.json").write_text(__import__("json").dumps(public))
    (work / "priv.json").write_text(__import__("json").dumps(private))
    set_province_key(work / "pub.json")
    out = work / "usb"
    started, cpu = time.perf_counter(), time.process_time()
    result = run_export(DAY, out, now=start + timedelta(hours=11))
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    parts = sorted(out.glob("motcua-files_*.zip"))
    companion = sum(p.stat().st_size for p in parts)
    files = __import__("json").loads(__import__("zipfile").ZipFile(result.path).read("manifest.json"))["files"]
    print(f"Export of the day (encrypted): {wall:.2f} s wall, {cpu:.2f} s CPU; day file "
          f"{megabytes(result.path.stat().st_size)}, companion {megabytes(companion)} for {files['count']} copies "
          f"in {len(parts)} part(s) of at most {megabytes(max(p.stat().st_size for p in parts))}")

    doc = agency_public_key_document()
    trust = Trust()
    trust.add(doc["agency_code"], unb64(doc["public_key"]))
    central = work / "tinh" / "central.sqlite3"
    started = time.perf_counter()
    summary = apply_files([result.path], str(central), trust=trust,
                          province_key=load_province_private(work / "priv.json"), write_acks=False)
    store = FolderStore(central.parent / "tep-dinh-kem")
    stored = list(store.names())
    assert summary.clean and all(store.get(sha) == current_store().get(sha) for sha in stored)
    print(f"apply-sync of the day and its companion: {time.perf_counter() - started:.2f} s; "
          f"{len(stored)} copies stored, every hash equal")
    close_database()


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    main()
