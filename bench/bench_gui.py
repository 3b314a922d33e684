"""Desktop app figures: cold start to the main window shown (beside a bare PySide6 window
started the same way), and F9 to the receipt preview.

    QT_QPA_PLATFORM=offscreen python bench/bench_gui.py [--runs 5]

Targets: start ratio <= 1.5; F9 → receipt shown < 300 ms. Prints figures, asserts nothing.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def child(kind: str, db: str, qsettings: str) -> None:
    """Runs in a fresh interpreter: start, show the window, print when it is on screen."""
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, qsettings)
    if kind == "bare":
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.setWindowTitle("bare")
        window.resize(1280, 800)
    else:
        from models.accounts import get_officer_row
        from models.session import open_counter
        from ui.app import make_application
        from ui.main_window import MainWindow

        app = make_application(sys.argv[:1])
        open_counter(db)  # the sign-in's password check is left out: it is slow on purpose
        window = MainWindow(get_officer_row("admin"), db)
    from PySide6.QtCore import QEvent, QObject

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # the window's first paint: it is on screen
            if event.type() == QEvent.Paint:
                print("shown", flush=True)
                os._exit(0)
            return False
    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    app.exec()


def start_time(kind: str, db: str, qsettings: str) -> float:
    begin = time.perf_counter()
    out = subprocess.run([sys.executable, __file__, "--child", kind, db, qsettings],
                         capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert "shown" in out, out
    return time.perf_counter() - begin


def prepare(folder: Path) -> str:
    from models.db import close_database
    from models.session import open_counter, setup_agency

    db = str(folder / "bench.sqlite3")
    open_counter(db)
    setup_agency(agency_code="000.00.24.H12", governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo",
                 admin_password="matkhau123")
    close_database()
    return db


def f9_times(db: str, runs: int) -> list[float]:
    """Fill the intake form, press F9, stop the clock when the receipt PDF is on screen."""
    import models.forms
    from PySide6.QtCore import QEventLoop, QTimer

    from models.accounts import get_officer_row
    from models.session import open_counter
    from ui import runner
    from ui.app import make_application
    from ui.main_window import MainWindow

    models.forms.print_form = lambda *a, **k: None  # no printer here; rendering still happens
    app = make_application(sys.argv[:1])
    open_counter(db)
    window = MainWindow(get_officer_row("admin"), db)
    window.show()
    screen = window.intake
    while runner.busy():
        app.processEvents()
    times = []
    for i in range(runs + 1):
        screen.id_number.setText(f"0011900{i:05d}")
        screen.name.setText(f"Nguyễn Thị Hằng {i}")
        screen.phone.setText("0912345678")
        screen.procedure.select_data("1.004873")
        while runner.busy():
            app.processEvents()
        loop = QEventLoop()
        screen.receipt_shown.connect(loop.quit)
        QTimer.singleShot(10000, loop.quit)
        begin = time.perf_counter()
        screen.submit()  # what F9 calls
        loop.exec()
        app.processEvents()  # the preview paints
        elapsed = time.perf_counter() - begin
        screen.receipt_shown.disconnect(loop.quit)
        if i:  # the first one warms the caches (fonts, reportlab)
            times.append(elapsed)
        while runner.busy():
            app.processEvents()
    window.close()
    runner.wait_for_workers()
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", nargs=3)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return 0
    folder = Path(tempfile.mkdtemp(prefix="motcua-bench-"))
    db = prepare(folder)
    qsettings = str(folder / "qsettings")
    start_time("bare", db, qsettings)  # warm the disk cache for both
    start_time("main", db, qsettings)
    bare = [start_time("bare", db, qsettings) for _ in range(args.runs)]
    main_ = [start_time("main", db, qsettings) for _ in range(args.runs)]
    b, m = statistics.median(bare), statistics.median(main_)
    print(f"cold start, bare PySide6 window:  {b * 1000:7.0f} ms (median of {args.runs})")
    print(f"cold start, MotCua main window:   {m * 1000:7.0f} ms (median of {args.runs})")
    print(f"ratio MotCua / bare:              {m / b:7.2f}   (target <= 1.5)")
    f9 = f9_times(db, args.runs * 2)
    print(f"F9 → receipt preview shown:       {statistics.median(f9) * 1000:7.0f} ms median, "
          f"{max(f9) * 1000:.0f} ms worst of {len(f9)} (target < 300 ms)")
    sys.stdout.flush()
    os._exit(0)  # skip PySide's teardown of this one-shot process


if __name__ == "__main__":
    sys.exit(main())
