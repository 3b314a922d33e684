"""Finding dossiers: by exact code (the barcode path), ID number, phone or folded name, and
paged lists with filters for the dossier desk.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from peewee import SQL, EnclosedNodeList, Expression, Field, NodeList

from .audit import now as clock
from .codes import is_dossier_code, normalise_dossier_code
from .db import is_sqlite
from .dossiers import DUE_SOON, DossierView, to_views
from .statuses import FINISHED, OPEN, RETURNED, SUPPLEMENT
from .tables import Dossier, DossierTail
from .text import fold

_WORD = re.compile(r"[0-9a-z]+")
PORTAL_CODE_LIKE = re.compile(r"[0-9A-Z]+(?:[./_-][0-9A-Z]+)+")
SORTABLE = {
    "id": Dossier.id, "code": Dossier.code, "received_at": Dossier.received_at,
    "due_at": Dossier.due_at, "status": Dossier.status, "applicant_name": Dossier.applicant_name_folded,
    "procedure": Dossier.procedure_name,
}


@dataclass
class DossierFilter:
    """What the desk shows; every field is optional."""

    statuses: list[int] = field(default_factory=list)
    received_from: date | None = None
    received_to: date | None = None
    procedure: str = ""
    late: bool = False
    due_soon: bool = False
    text: str = ""


@dataclass
class Page:
    rows: list[DossierView]
    cursor: tuple | None  # pass back as ``after`` for the next page; None when no more


def late_condition(now: datetime) -> Expression:
    """models.lateness in SQL: the moment the clock stopped (now, the supplement request, the
    finish) after the due moment, or at or after the dossier's ``late_from`` mark."""
    def late(moment) -> Expression:
        return (moment > Dossier.due_at) | (moment >= Dossier.late_from)
    return (
        (Dossier.status.in_(OPEN) & late(now))
        | ((Dossier.status == SUPPLEMENT) & late(Dossier.paused_at))
        | (Dossier.status.in_((FINISHED, RETURNED)) & late(Dossier.finished_at))
    )


def due_soon_condition(now: datetime) -> Expression:
    return (Dossier.status.in_(OPEN) & (Dossier.due_at >= now) & (Dossier.due_at <= now + DUE_SOON)
            & (Dossier.late_from.is_null() | (Dossier.late_from > now)))


def _name_ids(text: str, limit: int | None) -> list[int] | Expression:
    """Dossiers whose folded name has every word (SQLite: FTS5; elsewhere: LIKE).

    With a ``limit`` (the quick search): ids, whole words first (the officer usually types
    the full name, and that query is the fastest); only when that finds fewer than ``limit``
    is the last word taken as the start of a word, for a name still being typed. Without one
    (the desk's filter, counted and paged): a subquery, since a common family name matches
    more dossiers than a query may hold parameters.
    """
    words = _WORD.findall(fold(text))
    if not words:
        return []
    if is_sqlite():
        prefixed = (" ".join(f'"{w}"' for w in words[:-1]) + f' "{words[-1]}"*').strip()
        if limit is None:
            return Dossier.id.in_(EnclosedNodeList([SQL(FTS_IDS, [prefixed])]))
        exact = " ".join(f'"{w}"' for w in words)
        ids = _fts(exact, limit)
        if len(ids) < limit:
            seen = set(ids)
            ids += [i for i in _fts(prefixed, limit) if i not in seen]
            ids = sorted(ids, reverse=True)[:limit]
        return ids
    condition = None
    for w in words:
        part = Dossier.applicant_name_folded.contains(w)
        condition = part if condition is None else condition & part
    return condition


FTS_IDS = "SELECT rowid FROM dossier_name_fts WHERE dossier_name_fts MATCH ?"


def _fts(query: str, limit: int) -> list[int]:
    sql = FTS_IDS + " ORDER BY rowid DESC LIMIT ?"
    return [r[0] for r in Dossier._meta.database.execute_sql(sql, [query, limit])]


def _starts_with(column: Field, prefix: str) -> Expression:
    """``column`` starts with ``prefix`` (digits or a code tail), as an index range.

    On SQLite a LIKE cannot use the index (case-insensitive by default): the range
    [prefix, prefix + ":") holds exactly the strings of digits and hyphens that start with it
    (":" follows "9" in ASCII). PostgreSQL's LIKE is used there, since a language collation
    may not order ":" after the digits.
    """
    if is_sqlite() or column is DossierTail.tail:  # dossier_tail.tail is COLLATE "C" on PostgreSQL
        return (column >= prefix) & (column < prefix + ":")
    return column.startswith(prefix)


def _digits_condition(digits: str) -> Expression:
    """Four digits or more, not a whole ID or phone: the start or the end of an ID number or
    a phone, or the end of a code ("0003": sequence 0003 of any day)."""
    # One IN over a union of three index ranges: the database collects the few matching ids
    # from the indexes and reads only those rows, whatever the list's order (an OR of the
    # three would walk the whole table in id order looking for a sparse match).
    ids = (DossierTail.select(DossierTail.dossier).where(_starts_with(DossierTail.tail, digits[::-1]))
           | Dossier.select(Dossier.id).where(_starts_with(Dossier.applicant_id_number, digits))
           | Dossier.select(Dossier.id).where(_starts_with(Dossier.applicant_phone, digits)))
    return Dossier.id.in_(ids)


def text_condition(text: str, limit: int | None = None) -> Expression | None:
    """What a typed search means, decided by its shape: a code or its start; the end of a code
    ("261201-0003", "0003"); an ID number or a phone, whole or its first or last digits (four
    at least); otherwise a name without diacritics."""
    text = (text or "").strip()
    if not text:
        return None
    code = normalise_dossier_code(text)
    if is_dossier_code(code):  # the counter's code, or the portal's code of an online dossier
        return (Dossier.code == code) | (Dossier.portal_code == code)
    tail = re.fullmatch(r"(\d{6})-(\d{1,9})", code)
    if tail:  # the day and sequence the receipt shows: "261201-0003" or "261201-3"
        day, sequence = tail.groups()
        return Dossier.id.in_(DossierTail.select(DossierTail.dossier).where(
            DossierTail.tail == f"{day}-{int(sequence):04d}"[::-1]))
    if re.fullmatch(r"[0-9A-Z.]+-\d{2,6}(-\d*)?", code):  # the start of a code
        return ((Dossier.code >= code) & (Dossier.code < code + "\uffff")) | (Dossier.portal_code == code)
    if PORTAL_CODE_LIKE.fullmatch(code) and any(ch.isdigit() for ch in code) \
            and any(ch.isalpha() for ch in code):
        return Dossier.portal_code == code  # a portal code of another shape ("DVC-2026-000123")
    digits = re.sub(r"[\s.+-]", "", text)
    if digits.isdigit():
        if digits.startswith("84") and len(digits) in (11, 12):
            digits = "0" + digits[2:]
        if digits.startswith("0") and len(digits) in (10, 11) and digits[1] != "0":
            return (Dossier.applicant_phone == digits) | (Dossier.applicant_id_number == digits)
        if 4 <= len(digits) < 12:
            return _digits_condition(digits)
        return Dossier.applicant_id_number == digits
    names = _name_ids(text, limit)
    if isinstance(names, list):
        return Dossier.id.in_(names) if names else SQL("1 = 0")
    return names


def search(text: str, *, limit: int = 50, now: datetime | None = None) -> list[DossierView]:
    """The newest dossiers matching what was typed (at most ``limit``)."""
    condition = text_condition(text, limit)
    if condition is None:
        return []
    now = now or clock()
    rows = list(Dossier.select().where(condition).order_by(Dossier.id.desc()).limit(limit))
    return to_views(rows, now=now)


def _filtered(flt: DossierFilter, now: datetime):
    query = Dossier.select()
    if flt.statuses:
        query = query.where(Dossier.status.in_(flt.statuses))
    if flt.received_from:
        query = query.where(Dossier.received_at >= datetime.combine(flt.received_from, datetime.min.time()))
    if flt.received_to:
        query = query.where(Dossier.received_at < datetime.combine(flt.received_to + timedelta(days=1),
                                                                    datetime.min.time()))
    if flt.procedure:
        query = query.where(Dossier.procedure_code == flt.procedure)
    if flt.late:
        query = query.where(late_condition(now))
    if flt.due_soon:
        query = query.where(due_soon_condition(now))
    condition = text_condition(flt.text)
    if condition is not None:
        query = query.where(condition)
    return query


def list_dossiers(flt: DossierFilter | None = None, *, limit: int = 50, after: tuple | None = None,
                  sort: str = "id", descending: bool = True, now: datetime | None = None) -> Page:
    """One page of the desk's list, in keyset order (fast on any page, even of a million rows)."""
    now = now or clock()
    flt = flt or DossierFilter()
    column = SORTABLE.get(sort, Dossier.id)
    query = _filtered(flt, now)
    if after is not None:
        value, last_id = after
        if column is Dossier.id:
            query = query.where(Dossier.id < last_id if descending else Dossier.id > last_id)
        elif descending:
            query = query.where((column < value) | ((column == value) & (Dossier.id < last_id)))
        else:
            query = query.where((column > value) | ((column == value) & (Dossier.id > last_id)))
    order = [column.desc(), Dossier.id.desc()] if descending else [column.asc(), Dossier.id.asc()]
    if column is Dossier.id:
        order = order[:1]
    rows = list(query.order_by(*order).limit(limit + 1))
    more = len(rows) > limit
    rows = rows[:limit]
    views = to_views(rows, now=now)
    cursor = None
    if more and rows:
        last = rows[-1]
        value = getattr(last, column.name)
        cursor = (value, last.id)
    return Page(views, cursor)


def count_dossiers(flt: DossierFilter | None = None, *, now: datetime | None = None) -> int:
    flt = flt or DossierFilter()
    if flt.text and flt == DossierFilter(text=flt.text):
        counted = _count_matching(flt.text)
        if counted is not None:
            return counted
    return _filtered(flt, now or clock()).count()


def _count_matching(text: str) -> int | None:
    """Only a search, by digits, a code's end or a name: count the ids the indexes give
    without reading a dossier (a common phone prefix or family name matches tens of
    thousands). None for another kind of search."""
    condition = text_condition(text)
    rhs = getattr(condition, "rhs", None)
    if getattr(condition, "op", None) != "IN" or condition.lhs is not Dossier.id:
        return None
    if isinstance(rhs, NodeList):  # the names' FTS5 subquery, rowids only
        sql = rhs.nodes[0]
        return Dossier._meta.database.execute_sql(f"SELECT COUNT(*) FROM ({sql.sql})", sql.params).fetchone()[0]
    return rhs.count() if hasattr(rhs, "count") else None


def dossiers_by_id(ids: list[int], *, now: datetime | None = None) -> dict[int, DossierView]:
    """The current views of dossiers a screen shows (its refresh: no full reload)."""
    if not ids:
        return {}
    rows = list(Dossier.select().where(Dossier.id.in_(list(ids))))
    return {view.id: view for view in to_views(rows, now=now)}


def newer_dossiers(flt: DossierFilter | None, newer_than: int, *, limit: int = 100,
                   now: datetime | None = None) -> list[DossierView]:
    """Dossiers matching the filter received since the screen's newest one (id above
    ``newer_than``), newest first: what other counters received meanwhile."""
    now = now or clock()
    rows = list(_filtered(flt or DossierFilter(), now).where(Dossier.id > newer_than)
                .order_by(Dossier.id.desc()).limit(limit))
    return to_views(rows, now=now)
