"""Desktop app figures: start to the intake form ready for typing, beside a bare PySide6 window
started the same way (time and memory, one run alternating them), and F9 to the receipt preview.

    QT_QPA_PLATFORM=offscreen python bench/bench_gui.py [--runs 5] [--typing-ms 1000]

Two ways to the intake form, both from launching the interpreter:

- *as the officer starts it*: ``main.py`` as the shortcut runs it, the sign-in window, the
  password typed ``--typing-ms`` after that window is ready (an officer needs a second or more
  for a name and a password), Enter, the main window. The app's own share of the wait is the
  time to the sign-in window plus the time from Enter to the intake form, less the password
  check (scrypt, slow on purpose: models.accounts) which is printed apart. While the officer
  types, the app imports the main window's modules (ui.preload's window stage).
- *window at once*: the main window built straight after opening the database, no sign-in and
  no time to type (the worst case: everything on the critical path).

The first (warming) run of each signs in once, so that the measured ones start as a counter
that has signed in before (its sign-in window remembered). The children keep their settings
and logs in the benchmark's temporary folder (XDG folders; on Windows Qt's settings are the
user's own).

"Ready for typing": the window has been painted and the field that takes the typing (the
password, the ID number) has the keyboard focus, with the event loop free. Memory: the
resident set size at that moment (Linux /proc, Windows GetProcessMemoryInfo).

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


PASSWORD = "matkhau123"


def when_ready_for_typing(window, field, callback) -> None:
    """Call ``callback`` once ``window`` is painted, ``field`` has the focus and the event loop
    got back to us."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    painted: list[bool] = []

    def check() -> None:
        if painted and (field.hasFocus() or not window.isActiveWindow()):
            callback()
        else:
            QTimer.singleShot(0, check)

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # the window's first paint: it is on screen
            if event.type() == QEvent.Paint and not painted:
                painted.append(True)
                QTimer.singleShot(0, check)
            return False

    watcher = FirstPaint(window)
    window.installEventFilter(watcher)


def mark() -> str:
    return f"{time.perf_counter() - BEGIN:.6f} {resident_mib():.1f}"


def child_bare() -> None:
    from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1280, 800)
    field = QLineEdit()  # the bare window's "form": one field with the focus
    window.setCentralWidget(field)
    field.setFocus()
    when_ready_for_typing(window, field, lambda: finish(f"ready {mark()}"))
    window.show()
    app.exec()


def child_direct(db: str) -> None:
    """The main window built at once (no sign-in), in the order a start imports things."""
    from models.logs import configure_logging

    configure_logging()
    import cli.app  # noqa: F401  (main.py reads the command line before the desktop app starts)
    from models.accounts import get_officer_row
    from models.session import open_counter
    from ui.app import make_application
    from ui.main_window import MainWindow

    app = make_application(sys.argv[:1])
    open_counter(db, check=True)
    window = MainWindow(get_officer_row("admin"), db)
    when_ready_for_typing(window, window.intake.id_number, lambda: finish(f"ready {mark()}"))
    window.show()
    app.exec()


def child_app(db: str, typing_ms: int) -> None:
    """main.py as the shortcut starts it; the officer types the password ``typing_ms`` after
    the sign-in window is ready, and the clock stops when the intake form is ready."""
    import main as entry
    import models.logs  # noqa: F401  (main.main() imports it first, then ui.app)
    from ui import app as gui

    figures: dict[str, str] = {}

    def timed(authenticate):
        def timed_authenticate(*args, **kwargs):
            began = time.perf_counter()
            try:
                return authenticate(*args, **kwargs)
            finally:
                figures["check"] = f"{time.perf_counter() - began:.6f}"
        return timed_authenticate

    ask_sign_in, signed_in = gui.AppController._ask_sign_in, gui.AppController._signed_in

    def ask_and_watch(self, **kwargs):
        ask_sign_in(self, **kwargs)
        dialog = self.sign_in

        def type_password() -> None:
            import models.accounts  # loaded by now: the database is open

            models.accounts.authenticate = timed(models.accounts.authenticate)
            dialog.username.setText("admin")
            dialog.password.setText(PASSWORD)
            figures["enter"] = mark()
            dialog.submit()  # what Enter calls

        def sign_in_ready() -> None:
            from PySide6.QtCore import QTimer

            figures["sign_in"] = mark()
            QTimer.singleShot(typing_ms, type_password)

        when_ready_for_typing(dialog, dialog.password if dialog.username.text() else dialog.username,
                              sign_in_ready)

    def signed_and_watch(self, username):
        signed_in(self, username)
        window = self.window
        when_ready_for_typing(window, window.intake.id_number, lambda: finish(
            "ready {sign_in} {enter} {check} ".format(**figures) + mark()))

    gui.AppController._ask_sign_in = ask_and_watch
    gui.AppController._signed_in = signed_and_watch
    entry.main(["--db", db])


def finish(line: str) -> None:
    print(line, flush=True)
    os._exit(0)


BEGIN = time.perf_counter()


def run_child(kind: str, db: str, folder: Path, typing_ms: int) -> tuple[float, list[float]]:
    """(seconds from launching the interpreter to its exit right after "ready", the figures it
    printed: moments in seconds from its start and resident MiB)."""
    # As an installed app starts: with its byte-code cached (an environment that forbids
    # writing it would make every start compile the app's modules again); its own settings
    # and log folders.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(XDG_CONFIG_HOME=str(folder / "config"), XDG_DATA_HOME=str(folder / "data"),
               XDG_STATE_HOME=str(folder / "state"), MOTCUA_DB="")
    begin = time.perf_counter()
    out = subprocess.run([sys.executable, __file__, "--child", kind, db, str(typing_ms)],
                         capture_output=True, text=True, cwd=ROOT, check=True, env=env).stdout
    elapsed = time.perf_counter() - begin
    line = next((x for x in out.splitlines() if x.startswith("ready ")), None)
    assert line, out
    return elapsed, [float(x) for x in line.split()[1:]]


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
    parser.add_argument("--typing-ms", type=int, default=1000,
                        help="from the sign-in window ready to Enter (default 1000)")
    parser.add_argument("--child", nargs=3)
    args = parser.parse_args()
    if args.child:
        kind, db, typing_ms = args.child
        {"bare": lambda: child_bare(), "direct": lambda: child_direct(db),
         "app": lambda: child_app(db, int(typing_ms))}[kind]()
        return 0
    folder = Path(tempfile.mkdtemp(prefix="motcua-bench-"))
    db = prepare(folder)
    kinds = ("bare", "app", "direct")
    for kind in kinds:  # warm the disk cache and the byte-code for all
        run_child(kind, db, folder, args.typing_ms)
    runs: dict[str, list[tuple[float, list[float]]]] = {k: [] for k in kinds}
    for _ in range(args.runs):  # alternating, so that a busy moment hits all alike
        for kind in kinds:
            runs[kind].append(run_child(kind, db, folder, args.typing_ms))
    median = statistics.median
    # The interpreter's own start and exit, outside the child's clock, are the same for all:
    # the bare window's total less its in-process moment.
    bare_total = median(t for t, _ in runs["bare"])
    bare_mib = median(f[1] for _, f in runs["bare"])
    overhead = median(t - f[0] for t, f in runs["bare"])
    # app: sign_in, sign_in MiB, enter, enter MiB, check, ready, ready MiB
    app = runs["app"]
    to_sign_in = [overhead + f[0] for _, f in app]
    after_enter = [f[5] - f[2] - f[4] for _, f in app]
    own = [a + b for a, b in zip(to_sign_in, after_enter)]
    direct_total = median(t for t, _ in runs["direct"])
    n = args.runs
    print(f"bare PySide6 window, start to ready for typing: {bare_total * 1000:6.0f} ms, "
          f"{bare_mib:5.1f} MiB (median of {n})")
    print("MotCua as the officer starts it (sign-in, password typed "
          f"{args.typing_ms} ms after the sign-in window is ready):")
    print(f"  start to the sign-in window ready:        {median(to_sign_in) * 1000:6.0f} ms, "
          f"{median(f[1] for _, f in app):5.1f} MiB")
    print(f"  password check (scrypt, slow on purpose): {median(f[4] for _, f in app) * 1000:6.0f} ms")
    print(f"  Enter to the intake form ready, less the check: {median(after_enter) * 1000:6.0f} ms")
    print(f"  the app's own time to the intake form:    {median(own) * 1000:6.0f} ms, "
          f"{median(f[6] for _, f in app):5.1f} MiB at the intake form")
    print(f"  ratio to the bare window: time {median(own) / bare_total:5.2f}, memory "
          f"{median(f[6] for _, f in app) / bare_mib:5.2f}   (targets <= 1.5)")
    print(f"MotCua window at once (no sign-in, nothing typed): {direct_total * 1000:6.0f} ms, "
          f"{median(f[1] for _, f in runs['direct']):5.1f} MiB; ratio time "
          f"{direct_total / bare_total:5.2f}, memory {median(f[1] for _, f in runs['direct']) / bare_mib:5.2f}")
    f9 = f9_times(db, args.runs * 2)
    print(f"F9 → receipt preview shown:       {statistics.median(f9) * 1000:7.0f} ms median, "
          f"{max(f9) * 1000:.0f} ms worst of {len(f9)} (target < 300 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
