"""What the background jobs will import, imported on the GUI thread before they run.

Two reasons. Safety: an import inside a worker thread runs PySide's import hook off the GUI
thread, which crashes PySide 6.12 now and then (garbage collection has the same rule, see
ui/gc_guard.py). Start-up: the libraries behind the services (the holiday tables, the province
list, reportlab, openpyxl, cryptography) cost over a second to import, and the first screen
must be painted before any of that.

So the work is grouped in *stages* a job can need (``DATA``, ``PROVINCES``, ``PRINTING``,
``SYNC``, ``REPORTS``, ``SERVER``; ``DATABASE`` and ``WINDOW`` load behind the sign-in window); ui.runner holds a job until its stages are loaded and moves them to the
front. A stage's module list is derived from the code, not kept by hand: every import
statement, at any depth (function-level imports included), of the stage's root modules and of
our own modules they reach, read from the source text (nothing is imported to find them); a module
whose top-level imports belong to a later stage is left to that stage. What a library imports
only when it is used (the holiday package's country module, reportlab's codecs while it writes
a PDF, openpyxl's writer, the province tables) is reached by using it once on harmless data:
each stage ends with such a warm-up. After the first paint the stages load one step per
event-loop turn. The UI tests fail any test whose worker imports a module for the first time
(tests/ui/conftest.py), which keeps the stages honest.
"""
from __future__ import annotations

import importlib
import linecache
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QTimer

ROOT = Path(__file__).resolve().parent.parent
OWN_PACKAGES = ("models", "printing", "sync", "cli", "ui")

DATABASE, WINDOW, DATA = "database", "window", "data"
PROVINCES, PRINTING, SYNC, REPORTS, SERVER = "provinces", "printing", "sync", "reports", "server"
# What no stage before DATA loads: the big libraries behind the services.
LIBRARIES = ("printing", "reportlab", "openpyxl", "vietnam_provinces", "sync", "cryptography",
             "barcode")
# What only talking to a PostgreSQL server needs (libpq, OpenSSL: ~10 MiB): no stage but SERVER
# loads it, so that a counter on a SQLite file never does (models.postgres_driver).
SERVER_ONLY = ("psycopg2", "playhouse.db_url", "playhouse.postgres_ext", "playhouse.cockroachdb")
# After the first paint, a pause: the form is ready for typing before the first import.
START_DELAY_MS = 150


def _warm_calendar() -> None:
    """The holiday package imports its country tables on first use; the counter's time zone."""
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    from models.calendar import _national_holidays
    from models.logs import log_version

    log_version()  # importlib.metadata: not needed before the window is up
    _national_holidays().get(date.today())
    ZoneInfo("Asia/Ho_Chi_Minh")
    datetime.strptime("01/01/2026", "%d/%m/%Y")  # the standard library's _strptime
    "may-chu".encode("idna")  # a server's host name, when the counter connects to one
    for codec in ("utf-16-le", "utf-16-be", "utf-16"):  # pypdf's text strings (electronic copies)
        "ạ".encode(codec)


def _warm_provinces() -> None:
    from models.addresses import _commune_index, provinces

    for _name, code in provinces()[:1]:
        _commune_index(code)


def _warm_printing() -> None:
    """One receipt rendered in memory: reportlab's fonts, codecs, barcode and QR code."""
    from datetime import datetime

    from printing.data import DocumentLine, FormSettings, Person, ReceiptData
    from printing.receipt import render_receipt

    moment = datetime(2026, 1, 5, 9, 0)
    render_receipt(ReceiptData("000.00.00.H00-260105-0001", "Bộ phận Một cửa", Person("Nguyễn Văn A"),
                               None, "Thủ tục", (DocumentLine("Tờ khai"),), 1, "01 ngày", moment,
                               moment, "Tại Bộ phận Một cửa"),
                   FormSettings("UBND XÃ", "BỘ PHẬN MỘT CỬA", "Xã", "000.00.00.H00"))


def _warm_reports() -> None:
    import io

    from openpyxl import Workbook

    Workbook().save(io.BytesIO())


@dataclass(frozen=True)
class Stage:
    name: str
    roots: tuple[str, ...]  # our modules or packages whose imports the stage covers
    later: tuple[str, ...]  # module prefixes left to other stages
    warm: Callable[[], None] | None = None
    # Only the imports at the top of the modules (what importing the roots loads), not those
    # inside functions (what using them loads), and the leaves first, one module per step.
    top_level: bool = False
    # Loaded only for a job that needs it, never in the sweep after the first paint.
    on_demand: bool = False


def _warm_server() -> None:
    """The PostgreSQL driver, for a counter on a SQLite file that is about to talk to a server
    (models.postgres_driver: it is not loaded otherwise)."""
    from models.postgres_driver import give_peewee_the_driver

    give_peewee_the_driver()


STAGES: tuple[Stage, ...] = (
    # Behind a sign-in window shown before the database is open (ui.app): the database layer,
    # then the main window and the intake form, while the officer types the password.
    # (playhouse.migrate: the database thread migrates an old schema as it opens.)
    Stage(DATABASE, ("models.session", "models.accounts", "models.settings", "models.storage_errors",
                     "models.office_server", "models.catalog", "models.catalog_releases",
                     "playhouse.migrate"), LIBRARIES, None, top_level=True),
    Stage(WINDOW, ("ui.main_window", "ui.intake_screen", "ui.server_banner", "ui.sync_banner",
                   "ui.package_banner", "ui.copy_sources"), LIBRARIES, None, top_level=True),
    Stage(DATA, ("models",), LIBRARIES, _warm_calendar),
    Stage(PROVINCES, ("models.addresses",), (), _warm_provinces),
    Stage(PRINTING, ("printing", "models.forms", "models.slips"), ("openpyxl",), _warm_printing),
    Stage(SYNC, ("sync",), ("printing", "openpyxl"), None),
    Stage(REPORTS, ("models.report_documents", "printing.period_report_xlsx", "models.fee_collection",
                    "printing.fee_list_xlsx", "models.notice_board"), (), _warm_reports),
    # Jobs that talk to an office server (setting it up, moving the data to it, joining it).
    Stage(SERVER, ("models.postgres_driver",), (), _warm_server, on_demand=True),
)
_BY_NAME = {s.name: s for s in STAGES}


# -- deriving a stage's modules from the source ---------------------------------------------------
def _source(module: str) -> Path | None:
    """The file of one of our modules (a package's __init__), without importing it."""
    base = ROOT.joinpath(*module.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


def _submodules(package: str) -> list[str]:
    folder = ROOT.joinpath(*package.split("."))
    if not (folder / "__init__.py").is_file():
        return [package]
    return [package] + sorted(f"{package}.{p.stem}" for p in folder.glob("*.py") if p.stem != "__init__")


_parsed: dict[str, tuple[list[str], list[str]]] = {}


def _imports(module: str) -> tuple[list[str], list[str]]:
    """(top-level imports, all imports) of one of our modules, as absolute module names."""
    if module not in _parsed:
        _parsed[module] = _read_imports(module)
    return _parsed[module]


# An import statement at the start of a line: ``import a.b as c, d`` or ``from .x import (y, z)``
# (parenthesised names may run over several lines). Read with a pattern, not an ast: parsing the
# sixty modules behind the sign-in window into syntax trees left the app 1.8 MiB heavier.
_NAME = r"[\w.]+(?:[ \t]+as[ \t]+\w+)?"
_NAMES = rf"{_NAME}(?:[ \t]*,[ \t]*{_NAME})*"
_IMPORT = re.compile(
    rf"^(?P<indent>[ \t]*)(?:from[ \t]+(?P<base>\.*[\w.]*)[ \t]+import[ \t]+(?P<names>\([^)]*\)|\*|{_NAMES})"
    rf"|import[ \t]+(?P<modules>{_NAMES}))[ \t]*(?:#[^\n]*)?$", re.MULTILINE)


def _names(text: str) -> list[str]:
    """``a as b, c  # note`` → ``["a", "c"]``."""
    text = "\n".join(line.split("#", 1)[0] for line in text.strip("()").splitlines())
    return [part.split()[0] for part in text.replace("\\", " ").split(",") if part.split()]


def _read_imports(module: str) -> tuple[list[str], list[str]]:
    path = _source(module)
    if path is None:
        return [], []
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    top, everywhere = [], []
    for found in _IMPORT.finditer(path.read_text(encoding="utf-8")):
        if found["modules"] is not None:
            names = _names(found["modules"])
        else:
            base = found["base"]
            level = len(base) - len(base.lstrip("."))
            base = base.lstrip(".")
            if level:
                parts = package.split(".")
                parent = ".".join(parts[: len(parts) - level + 1])
                base = f"{parent}.{base}" if base else parent
            names = [base]
            # "from printing import receipt": a submodule, when it is one of ours.
            names += [f"{base}.{name}" for name in _names(found["names"]) if _source(f"{base}.{name}")]
        everywhere += names
        if not found["indent"]:
            top += names
    return top, everywhere


def _own(name: str) -> bool:
    return name.split(".")[0] in OWN_PACKAGES


def _left_out(name: str, later: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in later)


def _derive(name: str) -> Iterator[None]:
    """Walk the stage's imports, yielding after each source file read (one event-loop turn
    each when loading in the background); returns the module list."""
    stage = _BY_NAME[name]
    later = stage.later if stage.on_demand else stage.later + SERVER_ONLY
    queue = [m for r in stage.roots for m in _submodules(r)]
    found: list[str] = []
    seen: set[str] = set()
    while queue:
        module = queue.pop(0)
        if module in seen:
            continue
        seen.add(module)
        if _own(module):
            fresh = module not in _parsed
            top, everywhere = _imports(module)
            if fresh:
                yield
            if any(_left_out(t, later) for t in top):
                continue  # importing it would load a later stage's libraries
            queue += [m for m in (top if stage.top_level else everywhere) if not _left_out(m, later)]
        found.append(module)
    return found[::-1] if stage.top_level else found


def stage_modules(name: str) -> list[str]:
    """The modules stage ``name`` imports, derived from the source (see the module docstring)."""
    walk = _derive(name)
    while True:
        try:
            next(walk)
        except StopIteration as end:
            return end.value


# -- loading on the GUI thread ------------------------------------------------------------------------
_loaded: set[str] = set()
_order: list[str] = [s.name for s in STAGES]
_current: Iterator[None] | None = None
_current_name = ""
_waiting: list[tuple[frozenset[str], Callable[[], None]]] = []
_requested: set[str] = set()  # stages asked for before start() (the window's, at the sign-in)
_state = {"started": False, "scheduled": False}


def _import(name: str) -> None:
    if name in sys.modules:
        return
    try:
        importlib.import_module(name)
    except ImportError:  # an optional module missing (psycopg2, a platform's codec): the job says so
        pass


def _steps(name: str) -> Iterator[None]:
    stage = _BY_NAME[name]
    modules = yield from _derive(name)
    for module in modules:
        if module not in sys.modules:
            _import(module)
            yield
    if stage.warm is not None:
        stage.warm()
        yield


def ready(needs: tuple[str, ...] | frozenset[str]) -> bool:
    return all(n in _loaded for n in needs)


def _schedule(delay_ms: int = 0) -> None:
    """The next step at the next event-loop turn (``delay_ms`` only before the first one: the
    pause after the first paint; one pause per step would make the stages take seconds)."""
    if not _state["scheduled"]:
        _state["scheduled"] = True
        QTimer.singleShot(delay_ms, _step)


def _step() -> None:
    """Load one module (or run one warm-up), then let the event loop paint and type."""
    global _current, _current_name
    _state["scheduled"] = False
    if _current is None:
        remaining = _remaining()
        if not remaining:
            return
        _current_name, _current = remaining[0], _steps(remaining[0])
    try:
        next(_current)
    except StopIteration:
        _loaded.add(_current_name)
        _current = None
        forget_sources()
        _release()
    if _current is not None or _remaining():
        _schedule()


def _remaining() -> list[str]:
    """The stages still to load: all of them once start() was called, before that only those
    asked for (prepare(), when_ready())."""
    return [n for n in _order if n not in _loaded
            and ((_state["started"] and not _BY_NAME[n].on_demand) or n in _requested)]


def _release() -> None:
    for item in list(_waiting):
        needs, callback = item
        if ready(needs):
            _waiting.remove(item)
            callback()


def forget_sources() -> None:
    """Drop the sources PySide6's import hook left in ``linecache``: once Qt is imported, it
    reads the whole source of every module imported after it (looking for ``from __feature__
    import``, which we never use) and the cache keeps them all, some MiB. A traceback reads
    the lines it shows again."""
    linecache.clearcache()


def start() -> None:
    """Begin loading every stage in the background of the event loop (after the first paint)."""
    if not _state["started"]:
        _state["started"] = True
        _schedule(START_DELAY_MS)


def prepare(name: str) -> None:
    """Load stage ``name`` in the background now, and no other until start() (the sign-in
    window loads the main window's modules while the officer types the password)."""
    if name not in _loaded and name not in _requested:
        _requested.add(name)
        _schedule(START_DELAY_MS)


def when_ready(needs: tuple[str, ...], callback: Callable[[], None]) -> None:
    """Call ``callback`` once ``needs`` are loaded (at once if they are); those stages go first."""
    if ready(needs):
        callback()
        return
    _waiting.append((frozenset(needs), callback))
    wanted = [n for n in _order if n in needs]
    _order[:] = wanted + [n for n in _order if n not in needs]
    _requested.update(needs)
    _schedule(START_DELAY_MS)  # nothing loading yet (a form asking as it is built): paint first
