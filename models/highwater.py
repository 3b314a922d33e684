"""The high-water record (sổ ghi mức cao nhất): what the counter has issued, kept outside the
database so that a restore from backup never issues anything twice.

A code printed on a citizen's receipt, a day-file revision handed to the province and a
dossier version (PhienBan) the province holds must never be issued again, even when the
database goes back to an older backup. So after each intake, workflow step and export the
counter appends a line to a small text file beside the database, ``<database>.highwater``:

    I <time> <agency> <code> <register key> <register number>   an intake (code issued)
    A <time> <agency> <code>                                     a workflow step
    R <time> <agency> <day> <revision>                           a day file written
    V <time> <agency> <uid> <code> <version>                     a dossier version in it

fields separated by tabs, ``<time>`` as yyyyMMddHHmmss. Appending a line costs one open and one
write (no fsync: the database itself is fsync'ed, and the day files in the sync folder are a
second witness); a line cut short by a power cut is ignored when read. The file only grows by
these lines and is compacted (newest per key, and the last ``KEEP_DAYS`` of lines a restore
lists) when it passes ``COMPACT_ABOVE``. Writing it never fails an intake: a problem is logged.

Only SQLite databases have the record (a PostgreSQL server keeps its own backups).
"""
from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from .private_files import create_private_file

log = logging.getLogger(__name__)

SUFFIX = ".highwater"
COMPACT_ABOVE = 1024 * 1024
KEEP_DAYS = 400
_STAMP = "%Y%m%d%H%M%S"


@dataclass
class Issued:
    """Everything the record (and the day files) say was issued, by key."""

    counters: dict[tuple[str, str], int] = field(default_factory=dict)  # (agency, key) → last
    revisions: dict[tuple[str, date], int] = field(default_factory=dict)  # (agency, day) → last
    versions: dict[str, tuple[str, int]] = field(default_factory=dict)  # uid → (code, version)
    intakes: dict[str, datetime] = field(default_factory=dict)  # code → when issued
    steps: dict[str, datetime] = field(default_factory=dict)  # code → last workflow step
    # code → {"applicant_name", "procedure_name"}, when a witness could read them (day files)
    details: dict[str, dict] = field(default_factory=dict)

    def raise_counter(self, agency: str, key: str, last: int) -> None:
        if last > self.counters.get((agency, key), 0):
            self.counters[(agency, key)] = last

    def raise_revision(self, agency: str, day: date, revision: int) -> None:
        if revision > self.revisions.get((agency, day), 0):
            self.revisions[(agency, day)] = revision

    def raise_version(self, uid: str, code: str, version: int) -> None:
        if version > self.versions.get(uid, ("", 0))[1]:
            self.versions[uid] = (code, version)

    def merge(self, other: Issued) -> None:
        for (agency, key), last in other.counters.items():
            self.raise_counter(agency, key, last)
        for (agency, day), revision in other.revisions.items():
            self.raise_revision(agency, day, revision)
        for uid, (code, version) in other.versions.items():
            self.raise_version(uid, code, version)
        for code, at in other.intakes.items():
            self.intakes[code] = max(at, self.intakes.get(code, at))
        for code, at in other.steps.items():
            self.steps[code] = max(at, self.steps.get(code, at))
        for code, detail in other.details.items():
            self.details.setdefault(code, detail)


def record_path(database_path: str | Path) -> Path:
    path = Path(database_path)
    return path.with_name(path.name + SUFFIX)


class HighWater:
    """The record beside one database file."""

    def __init__(self, database_path: str | Path):
        self.path = record_path(database_path)
        self._lock = threading.Lock()

    # -- writing -----------------------------------------------------------------------------
    def _append(self, lines: list[tuple]) -> None:
        text = "".join("\t".join(str(part) for part in line) + "\n" for line in lines)
        try:
            with self._lock:
                if not self.path.exists():
                    create_private_file(self.path)
                with open(self.path, "a", encoding="utf-8", newline="\n") as out:
                    out.write(text)
        except OSError as exc:  # the dossier is saved; the record is a second safeguard
            log.warning("cannot write the high-water record %s: %s", self.path, exc)

    def intake(self, agency: str, code: str, register_key: str, register_number: int, at: datetime) -> None:
        self._append([("I", f"{at:{_STAMP}}", agency, code, register_key, register_number)])

    def step(self, agency: str, code: str, at: datetime) -> None:
        self._append([("A", f"{at:{_STAMP}}", agency, code)])

    def export(self, agency: str, day: date, revision: int, versions: list[tuple[str, str, int]],
               at: datetime) -> None:
        stamp = f"{at:{_STAMP}}"
        self._append([("R", stamp, agency, day.isoformat(), revision)]
                     + [("V", stamp, agency, uid, code, version) for uid, code, version in versions])

    # -- reading -----------------------------------------------------------------------------
    def read(self) -> Issued:
        issued = Issued()
        try:
            with open(self.path, encoding="utf-8", errors="replace") as source:
                for line in source:
                    _read_line(line, issued)
        except FileNotFoundError:
            pass
        except OSError as exc:
            log.warning("cannot read the high-water record %s: %s", self.path, exc)
        return issued

    def compact_if_large(self, now: datetime) -> None:
        try:
            if self.path.stat().st_size > COMPACT_ABOVE:
                self.compact(now)
        except OSError:
            pass

    def compact(self, now: datetime) -> None:
        """Rewrite with the newest line per counter, revision and version, and the intakes and
        steps of the last KEEP_DAYS (older ones are covered by the backups kept)."""
        issued = self.read()
        since = now - timedelta(days=KEEP_DAYS)
        stamp = f"{now:{_STAMP}}"
        lines = [("C", stamp, agency, key, last) for (agency, key), last in sorted(issued.counters.items())]
        lines += [("R", stamp, agency, day.isoformat(), revision)
                  for (agency, day), revision in sorted(issued.revisions.items())]
        lines += [("V", stamp, "", uid, code, version) for uid, (code, version) in sorted(issued.versions.items())]
        lines += [("I", f"{at:{_STAMP}}", _agency_of(code), code, "", 0)
                  for code, at in sorted(issued.intakes.items()) if at >= since]
        lines += [("A", f"{at:{_STAMP}}", _agency_of(code), code)
                  for code, at in sorted(issued.steps.items()) if at >= since]
        temporary = self.path.with_name(self.path.name + ".tmp")
        try:
            with self._lock:
                create_private_file(temporary)
                with open(temporary, "w", encoding="utf-8", newline="\n") as out:
                    out.write("".join("\t".join(str(p) for p in line) + "\n" for line in lines))
                os.replace(temporary, self.path)
        except OSError as exc:
            log.warning("cannot compact the high-water record %s: %s", self.path, exc)


def _agency_of(code: str) -> str:
    return code.rsplit("-", 2)[0] if code.count("-") >= 2 else ""


def _read_line(line: str, issued: Issued) -> None:
    """One line into ``issued``; a line cut short or garbled is skipped."""
    if not line.endswith("\n"):
        return
    parts = line.rstrip("\n").split("\t")
    try:
        kind, at = parts[0], datetime.strptime(parts[1], _STAMP)
        if kind == "I" and len(parts) == 6:
            agency, code, register_key, number = parts[2], parts[3], parts[4], int(parts[5])
            sequence = int(code.rsplit("-", 1)[1])
            issued.raise_counter(agency, code.rsplit("-", 2)[1], sequence)
            if register_key:
                issued.raise_counter(agency, register_key, number)
            issued.intakes[code] = max(at, issued.intakes.get(code, at))
        elif kind == "C" and len(parts) == 5:
            issued.raise_counter(parts[2], parts[3], int(parts[4]))
        elif kind == "A" and len(parts) == 4:
            issued.steps[parts[3]] = max(at, issued.steps.get(parts[3], at))
        elif kind == "R" and len(parts) == 5:
            issued.raise_revision(parts[2], date.fromisoformat(parts[3]), int(parts[4]))
        elif kind == "V" and len(parts) == 6:
            issued.raise_version(parts[3], parts[4], int(parts[5]))
    except (ValueError, IndexError):
        return


# The record of the open database (None for PostgreSQL, or before a database is opened).
_current: HighWater | None = None


def attach(database_path: str | Path | None) -> HighWater | None:
    """Called by models.db when a SQLite database is opened (None: no record)."""
    global _current
    _current = HighWater(database_path) if database_path else None
    return _current


def current() -> HighWater | None:
    return _current


def note_intake(agency: str, code: str, register_key: str, register_number: int, at: datetime) -> None:
    if _current is not None:
        _current.intake(agency, code, register_key, register_number, at)


def note_step(agency: str, code: str, at: datetime) -> None:
    if _current is not None:
        _current.step(agency, code, at)


def note_export(agency: str, day: date, revision: int, versions: list[tuple[str, str, int]],
                at: datetime) -> None:
    if _current is not None:
        _current.export(agency, day, revision, versions, at)

