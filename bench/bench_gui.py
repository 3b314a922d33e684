"""Desktop app figures: cold start to the intake form ready for typing, beside a bare PySide6
window started the same way (time and memory, one run alternating the two), and F9 to the
receipt preview.

    QT_QPA_PLATFORM=offscreen python bench/bench_gui.py [--runs 5]

"Ready for typing": the window has been painted and the ID number field has the keyboard
focus, with the event loop free (the background imports of ui.preload start only then).
Memory: the resident set size at that moment (Linux /proc, Windows GetProcessMemoryInfo).

Targets: time and memory ratios <= 1.5; F9 → receipt shown < 300 ms. Prints figures, asserts
nothing.
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


def resident_mib() -> float:
    """This process's resident memory, MiB."""
    if sys.platform.startswith("win"):
        import ctypes
        from ctypes import wintypes

        class Counters(ctypes.Structure):
            _fields_ = [("cb", wintypes.DWORD), ("PageFaultCount", wintypes.DWORD)] + [
                (name, ctypes.c_size_t) for name in (
                    "PeakWorkingSetSize", "WorkingSetSize", "QuotaPeakPagedPoolUsage",
                    "QuotaPagedPoolUsage", "QuotaPeakNonPagedPoolUsage", "QuotaNonPagedPoolUsage",
                    "PagefileUsage", "PeakPagefileUsage")]
        counters = Counters()
        counters.cb = ctypes.sizeof(counters)
        ctypes.windll.psapi.GetProcessMemoryInfo(ctypes.windll.kernel32.GetCurrentProcess(),
                                                 ctypes.byref(counters), counters.cb)
        return counters.WorkingSetSize / 2**20
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def child(kind: str, db: str, qsettings: str) -> None:
    """Runs in a fresh interpreter: start, show the window, report once it is ready to type."""
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, qsettings)
    if kind == "bare":
        from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.setWindowTitle("bare")
        window.resize(1280, 800)
        field = QLineEdit()  # the bare window's "form": one field with the focus
        window.setCentralWidget(field)
        field.setFocus()
    else:
        from models.accounts import get_officer_row
        from models.session import open_counter
        from ui.app import make_application
        from ui.main_window import MainWindow

        app = make_application(sys.argv[:1])
        open_counter(db)  # the sign-in's password check is left out: it is slow on purpose
        window = MainWindow(get_officer_row("admin"), db)
        field = window.intake.id_number
    from PySide6.QtCore import QEvent, QObject, QTimer

    def ready() -> None:
        """Painted, the field has the focus, and the event loop got back to us."""
        if painted and (field.hasFocus() or not window.isActiveWindow()):
            print(f"ready {time.perf_counter() - BEGIN:.6f} {resident_mib():.1f}", flush=True)
            os._exit(0)
        QTimer.singleShot(0, ready)

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # the window's first paint: it is on screen
            if event.type() == QEvent.Paint and not painted:
                painted.append(True)
                QTimer.singleShot(0, ready)
            return False
    painted: list[bool] = []
    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    app.exec()


BEGIN = time.perf_counter()


def start_time(kind: str, db: str, qsettings: str) -> tuple[float, float]:
    """(seconds from launching the interpreter to ready, resident MiB then)."""
    # As an installed app starts: with its byte-code cached (an environment that forbids
    # writing it would make every start compile the app's modules again).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    begin = time.perf_counter()
    out = subprocess.run([sys.executable, __file__, "--child", kind, db, qsettings],
                         capture_output=True, text=True, cwd=ROOT, check=True, env=env).stdout
    assert "ready" in out, out
    elapsed = time.perf_counter() - begin
    return elapsed, float(out.split()[2])


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
    from PySide6.QtCore import QEventLoop, QTimer

    import printing.dispatch
    from models.accounts import get_officer_row
    from models.session import open_counter
    from ui import runner
    from ui.app import make_application
    from ui.main_window import MainWindow

    printing.dispatch.print_pdf = lambda *a, **k: 1  # no printer here; rendering still happens
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
    bare, main_ = [], []
    for _ in range(args.runs):  # alternating, so that a busy moment hits both alike
        bare.append(start_time("bare", db, qsettings))
        main_.append(start_time("main", db, qsettings))
    b, m = statistics.median(t for t, _ in bare), statistics.median(t for t, _ in main_)
    bm, mm = statistics.median(r for _, r in bare), statistics.median(r for _, r in main_)
    ratios = sorted(mt / bt for (bt, _), (mt, _) in zip(bare, main_))
    print(f"start to ready for typing, bare PySide6 window: {b * 1000:6.0f} ms, {bm:5.1f} MiB (median of {args.runs})")
    print(f"start to ready for typing, MotCua intake form:   {m * 1000:6.0f} ms, {mm:5.1f} MiB (median of {args.runs})")
    print(f"ratio MotCua / bare: time {m / b:5.2f} (pairs {ratios[0]:.2f}–{ratios[-1]:.2f}), "
          f"memory {mm / bm:5.2f}   (targets <= 1.5)")
    f9 = f9_times(db, args.runs * 2)
    print(f"F9 → receipt preview shown:       {statistics.median(f9) * 1000:7.0f} ms median, "
          f"{max(f9) * 1000:.0f} ms worst of {len(f9)} (target < 300 ms)")
    sys.stdout.flush()
    os._exit(0)  # skip PySide's teardown of this one-shot process


if __name__ == "__main__":
    sys.exit(main())
