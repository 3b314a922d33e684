"""Install figures: the one-folder build's size (unpacked, archived), its start-up time to the
sign-in window beside a bare PySide6 window frozen the same way, and the wheel's installed size.

    python bench/bench_bundle.py [--runs 7] [--no-build]

Builds dist/motcua/ (motcua.spec) unless --no-build, and the bare window into bench/out/.
Start-up is timed on an X server: $DISPLAY, or an Xvfb it starts (apt install xvfb).
Targets: < 200 MB unpacked, < 80 MB archived, the built GUI on screen within 2 s.
Prints figures, asserts nothing.
"""
from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
BUILT = ROOT / "dist" / "motcua"
EXE = ".exe" if sys.platform == "win32" else ""
PASSWORD = "matkhau-bench-123"


def tree_size(folder: Path) -> int:
    """Bytes on disk as unpacked (a symbolic link counts as a link, not twice)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def archived_sizes(folder: Path) -> dict[str, int]:
    sizes = {}
    for mode, name in (("w:xz", "tar.xz"), ("w:gz", "tar.gz")):
        buffer = io.BytesIO()
        with tarfile.open(fileobj=buffer, mode=mode) as archive:
            archive.add(folder, arcname=folder.name)
        sizes[name] = buffer.tell()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.is_symlink():
                archive.write(path, path.relative_to(folder.parent))
    sizes["zip"] = buffer.tell()
    return sizes


def build() -> None:
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "motcua.spec"], cwd=ROOT, check=True)


def build_bare() -> Path:
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--onedir", "--name", "bare-window", "--distpath", str(OUT / "dist"),
                    "--workpath", str(OUT / "build"), "--specpath", str(OUT),
                    str(ROOT / "bench" / "bare_window.py")], cwd=ROOT, check=True)
    return OUT / "dist" / "bare-window" / f"bare-window{EXE}"


def x_display() -> tuple[str, subprocess.Popen | None]:
    if os.environ.get("DISPLAY"):
        return os.environ["DISPLAY"], None
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        raise SystemExit("no X server: set DISPLAY or install Xvfb")
    server = subprocess.Popen([xvfb, ":93", "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    return ":93", server


def prepare_counter(folder: Path, env: dict[str, str]) -> None:
    subprocess.run([str(BUILT / f"motcua{EXE}"), "setup", "--agency-code", "H12.22.01",
                    "--agency-name", "UBND XÃ TAM ĐẢO", "--place", "Tam Đảo", "--admin-password",
                    PASSWORD], cwd=folder, env=env, check=True, capture_output=True)


def time_bare(program: Path, env: dict[str, str]) -> float:
    begin = time.perf_counter()
    out = subprocess.run([str(program)], env=env, capture_output=True, text=True, timeout=60).stdout
    assert "shown" in out, out
    return time.perf_counter() - begin


def time_motcua(folder: Path, env: dict[str, str]) -> float:
    """Start motcua-gui; stop the clock at the log line of the sign-in window's first paint."""
    log = Path(env["MOTCUA_LOG_DIR"]) / "motcua.log"
    seen = log.read_text(encoding="utf-8").count("sign-in window on screen") if log.exists() else 0
    begin = time.perf_counter()
    gui = subprocess.Popen([str(BUILT / f"motcua-gui{EXE}")], cwd=folder, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            if log.exists() and log.read_text(encoding="utf-8").count("sign-in window on screen") > seen:
                return time.perf_counter() - begin
            if gui.poll() is not None or time.perf_counter() - begin > 60:
                raise SystemExit(f"the built program did not show its sign-in window; see {log}")
            time.sleep(0.005)
    finally:
        gui.terminate()
        gui.wait(timeout=30)


def wheel_sizes() -> tuple[int, int]:
    """(motcua's wheel installed, motcua with its runtime dependencies as installed here)."""
    from importlib import metadata

    from packaging.requirements import Requirement

    work = Path(tempfile.mkdtemp(prefix="motcua-wheel-"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                    "-w", str(work), str(ROOT)], check=True)
    wheel = next(work.glob("motcua-*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target",
                    str(work / "site"), str(wheel)], check=True)
    own = tree_size(work / "site")
    seen, todo, deps = set(), ["motcua"], 0
    while todo:
        name = todo.pop()
        if name.lower() in seen:
            continue
        seen.add(name.lower())
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        if name != "motcua":
            deps += sum((Path(dist.locate_file(f)).stat().st_size for f in dist.files or []
                         if Path(dist.locate_file(f)).is_file()), 0)
        for text in dist.requires or []:
            requirement = Requirement(text)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    shutil.rmtree(work, ignore_errors=True)
    return own, own + deps


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    if not args.no_build or not BUILT.exists():
        build()
    bare = build_bare()
    mb = 1024 * 1024
    print(f"bundle dist/motcua unpacked:        {tree_size(BUILT) / mb:7.1f} MB (target < 200)")
    for kind, size in archived_sizes(BUILT).items():
        print(f"bundle archived as {kind:7}:         {size / mb:7.1f} MB (target < 80)")
    print(f"bare PySide6 window, same build:    {tree_size(bare.parent) / mb:7.1f} MB unpacked")
    own, with_deps = wheel_sizes()
    print(f"wheel installed (motcua only):      {own / mb:7.1f} MB")
    print(f"wheel with its dependencies:        {with_deps / mb:7.1f} MB (as pip installs them here)")
    sys.stdout.flush()

    display, server = x_display()
    folder = Path(tempfile.mkdtemp(prefix="motcua-bench-bundle-"))
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "PYTHONPATH")}
    env.update(DISPLAY=display, MOTCUA_DB=str(folder / "bench.sqlite3"),
               MOTCUA_LOG_DIR=str(folder / "logs"), MOTCUA_DATA_DIR=str(folder / "data"))
    try:
        prepare_counter(folder, env)
        time_bare(bare, env), time_motcua(folder, env)  # warm the disk cache for both
        bares = [time_bare(bare, env) for _ in range(args.runs)]
        ours = [time_motcua(folder, env) for _ in range(args.runs)]
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
    b, m = statistics.median(bares), statistics.median(ours)
    print(f"start → bare window painted:        {b * 1000:7.0f} ms (median of {args.runs})")
    print(f"start → MotCua sign-in on screen:   {m * 1000:7.0f} ms (median of {args.runs}, "
          f"worst {max(ours) * 1000:.0f} ms; target < 2000)")
    print(f"ratio MotCua / bare:                {m / b:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
