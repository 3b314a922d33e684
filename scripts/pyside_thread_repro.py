"""Reproducer for the PySide6 threading crashes MotCua works around (ui/preload.py, ui/gc_guard.py).

Seen in the app: "Fatal Python error: none_dealloc: deallocating None" (and bool_dealloc) after
a few thousand background jobs, e.g. in bench/bench_gui.py's F9 loop, and crashes that were
blamed on imports and garbage collection in the runner's worker threads. Each case below runs in
its own interpreter, so a crash is reported instead of ending the script:

- runnable_return: a Python ``QRunnable.run`` on a QThreadPool thread, many times. PySide6
  6.12.0 drops one reference to the method's return value (None) per call, so None's reference
  count falls until the interpreter aborts with none_dealloc (CPython < 3.12, where None is not
  immortal; on 3.12+ the count is not observable the same way, but the bug is the same).
- callable_start: ``QThreadPool.start(callable)``, the same path with a plain function.
- queued_signal: a worker emits ``Signal(int, object)`` carrying None and an object to the GUI
  thread (what ui/runner.py does for every job).
- gui_virtual: a Python override of a C++ virtual (``timerEvent``) on the GUI thread, to tell a
  thread bug from a general one.
- worker_imports: workers import freshly written modules (half of them mention PySide6, which
  PySide's import hook reads the source of) while the GUI thread keeps running Python code.
- worker_gc: a worker runs the cyclic garbage collector while cycles hold QObjects made on the
  GUI thread (the generic Python/Qt hazard ui/gc_guard.py exists for).

    python scripts/pyside_thread_repro.py            # all cases, a table, exit 1 if any fails
    python scripts/pyside_thread_repro.py --case runnable_return

A case passes when the process ends normally and no reference count drifted by more than a
handful. Used to choose the pinned PySide6 version (see constraints.txt and the README).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile

JOBS = 3000
DRIFT_ALLOWED = JOBS // 30  # caches hold a few; the bug loses one per call (JOBS)


def _refs() -> tuple[int, int, int]:
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


def _drift(before: tuple[int, int, int]) -> int:
    return max(abs(b - a) for a, b in zip(before, _refs()))


def case_runnable_return() -> int:
    from PySide6.QtCore import QCoreApplication, QRunnable, QThreadPool

    app = QCoreApplication.instance() or QCoreApplication([])

    class Job(QRunnable):
        def run(self) -> None:
            pass

    before = _refs()
    pool = QThreadPool.globalInstance()
    for _ in range(JOBS):
        pool.start(Job())
    pool.waitForDone()
    app.processEvents()
    return _drift(before)


def case_callable_start() -> int:
    from PySide6.QtCore import QCoreApplication, QThreadPool

    app = QCoreApplication.instance() or QCoreApplication([])
    before = _refs()
    pool = QThreadPool.globalInstance()
    for _ in range(JOBS):
        pool.start(lambda: None)
    pool.waitForDone()
    app.processEvents()
    return _drift(before)


def case_queued_signal() -> int:
    import threading

    from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

    app = QCoreApplication.instance() or QCoreApplication([])

    class Relay(QObject):
        done = Signal(int, object)

    relay, received, payload = Relay(), [], object()
    relay.done.connect(lambda i, value: received.append(i), Qt.QueuedConnection)
    before, payload_before = _refs(), sys.getrefcount(payload)

    def work() -> None:  # plain Python threads: only the signal path is under test here
        for i in range(JOBS):
            relay.done.emit(i, None if i % 2 else payload)

    thread = threading.Thread(target=work)
    thread.start()
    while thread.is_alive() or len(received) < JOBS:
        app.processEvents()
    thread.join()
    return max(_drift(before), abs(sys.getrefcount(payload) - payload_before))


def case_gui_virtual() -> int:
    from PySide6.QtCore import QCoreApplication, QObject

    app = QCoreApplication.instance() or QCoreApplication([])

    class Ticker(QObject):
        count = 0

        def timerEvent(self, event) -> None:
            self.count += 1

    ticker = Ticker()
    before = _refs()
    ticker.startTimer(0)
    while ticker.count < JOBS:
        app.processEvents()
    return _drift(before)


def case_worker_imports() -> int:
    import threading

    from PySide6.QtCore import QCoreApplication, QObject, QTimer

    app = QCoreApplication.instance() or QCoreApplication([])
    folder = tempfile.mkdtemp(prefix="pyside-repro-")
    modules = 400
    for i in range(modules):
        with open(os.path.join(folder, f"repro_mod_{i}.py"), "w", encoding="utf-8") as f:
            body = "from PySide6.QtCore import QObject\n" if i % 2 else "import json\n"
            f.write(body + "".join(f"def f{j}(x):\n    return [x] * {j}\n" for j in range(50)))
    sys.path.insert(0, folder)
    busy = {"n": 0}

    def churn() -> None:  # the GUI thread keeps making and dropping Python and Qt objects
        busy["n"] += 1
        _ = [QObject() for _ in range(20)]
        QTimer.singleShot(0, churn)

    def work(start: int) -> None:
        for i in range(start, modules, 2):
            __import__(f"repro_mod_{i}")

    churn()
    threads = [threading.Thread(target=work, args=(k,)) for k in (0, 1)]
    for thread in threads:
        thread.start()
    while any(t.is_alive() for t in threads):
        app.processEvents()
    return 0  # new modules hold references to None of their own: only a crash counts here


def case_worker_gc() -> int:
    import gc
    import threading

    from PySide6.QtCore import QCoreApplication, QObject, QTimer

    app = QCoreApplication.instance() or QCoreApplication([])

    class Holder:
        def __init__(self) -> None:
            self.obj = QObject()
            self.obj.setObjectName("cycle")
            self.me = self  # a cycle: only the cyclic collector frees it

    def make() -> None:
        for _ in range(50):
            Holder()
        QTimer.singleShot(0, make)

    stop = threading.Event()

    def work() -> None:
        while not stop.is_set():
            gc.collect()

    make()
    thread = threading.Thread(target=work)
    thread.start()
    for _ in range(JOBS):
        app.processEvents()
    stop.set()
    thread.join()
    return 0  # freed cycles change the counts by themselves: only a crash counts here


CASES = {name[5:]: fn for name, fn in globals().items() if name.startswith("case_")}


def run_case(name: str) -> tuple[bool, str]:
    proc = subprocess.run([sys.executable, "-X", "faulthandler", __file__, "--child", name],
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    if proc.returncode != 0:
        fatal = [line for line in proc.stderr.splitlines() if "Fatal" in line or "Error" in line]
        return False, f"crashed (exit {proc.returncode}): {fatal[0] if fatal else proc.stderr[-200:]}"
    drift = int(proc.stdout.strip().splitlines()[-1])
    return drift <= DRIFT_ALLOWED, f"reference drift {drift}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", choices=sorted(CASES))
    parser.add_argument("--child", choices=sorted(CASES), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(CASES[args.child]())
        sys.stdout.flush()
        os._exit(0)  # the verdict is in; PySide's teardown is not under test
    import PySide6

    print(f"PySide6 {PySide6.__version__}, Python {sys.version.split()[0]}")
    failed = 0
    for name in [args.case] if args.case else list(CASES):
        ok, detail = run_case(name)
        failed += not ok
        print(f"  {name:16} {'pass' if ok else 'FAIL'}  {detail}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
