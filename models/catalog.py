"""The procedure catalog (danh mục thủ tục hành chính): shipped list, import/export, lookups.

A province pushes updates as JSON or CSV; an import is all-or-nothing and reports what it
added and changed. Procedures are never deleted (old dossiers point to them), only deactivated.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, time
from pathlib import Path

from .audit import audit, now
from .calendar import DURATION_UNITS, SAME_DAY, duration_text
from .db import write_transaction
from .errors import NotFoundError, ValidationError
from .fees import FeeRule, flat_rule, parse_rule
from .limits import (
    CATALOG_CODE_MAX,
    CATALOG_TEXT_MAX,
    COPIES_MAX,
    DOCUMENT_NAME_MAX,
    DURATION_MAX,
    FEE_MAX,
    FIELD_NAME_MAX,
    MAX_DOCUMENTS,
    PROCEDURE_CODE_MAX,
    PROCEDURE_NAME_MAX,
    RESULTS_MAX,
)
from .paths import RESOURCES
from .permissions import require
from .safe_json import read_file, read_json
from .tables import Procedure, ProcedureDocument
from .text import checked_text, clean, fold

SHIPPED_CATALOG = RESOURCES / "catalog" / "procedures.json"
CATALOG_FILE = 32 * 1024 * 1024  # a province's whole catalog is a few MB
CSV_COLUMNS = [
    "code", "name", "field", "level", "duration_value", "duration_unit", "same_day_cutoff",
    "fee", "fee_note", "confirmed", "source", "note", "active",
    "document_name", "originals", "copies", "kind", "national_code", "fee_rule",
    "field_code", "document_code", "results",
]
COMPARED = ("name", "field", "level", "duration_value", "duration_unit", "same_day_cutoff",
            "fee", "fee_note", "confirmed", "source", "note", "active", "documents", "national_code",
            "fee_rule", "field_code", "results")
# The compared fields as an officer reads them in a report of changes.
FIELD_LABELS = {"name": "tên", "field": "lĩnh vực", "level": "cấp", "duration_value": "thời hạn",
                "duration_unit": "đơn vị thời hạn", "same_day_cutoff": "giờ chốt trong ngày", "fee": "lệ phí",
                "fee_note": "ghi chú lệ phí", "confirmed": "đã xác minh", "source": "nguồn", "note": "ghi chú",
                "active": "đang áp dụng", "documents": "giấy tờ", "national_code": "mã TTHC quốc gia",
                "fee_rule": "quy tắc tính phí", "field_code": "mã lĩnh vực", "results": "kết quả"}


# What the citizen does with a paper of the procedure's list (thành phần hồ sơ).
REQUIRED = "required"  # always handed in
SITUATIONAL = "situational"  # handed in only in the case its name states ("trường hợp …", "nếu …")
SHOWN = "shown"  # xuất trình: shown at the counter to be checked, not handed in
PAPER_KINDS = {REQUIRED: "bắt buộc", SITUATIONAL: "tùy trường hợp", SHOWN: "xuất trình"}


@dataclass(frozen=True)
class DocumentSpec:
    """A paper in a procedure's list: name, how many originals and copies, and its kind."""

    name: str
    originals: int = 1
    copies: int = 0
    kind: str = REQUIRED
    code: str = ""  # MaThanhPhanHoSo: the component's code in the province's catalog


    @property
    def required(self) -> bool:
        return self.kind == REQUIRED

    @property
    def shown(self) -> bool:
        return self.kind == SHOWN


@dataclass(frozen=True)
class ResultSpec:
    """A result of the procedure (kết quả xử lý) and its code (MaGiayToKetQua), as the
    national catalog lists it, e.g. "Giấy xác nhận tình trạng hôn nhân", "KQ.G01.00262"."""

    name: str
    code: str = ""


@dataclass(frozen=True)
class ProcedureInfo:
    code: str
    name: str
    field: str
    duration_value: int
    duration_unit: str
    same_day_cutoff: str | None = None
    fee: int = 0
    fee_note: str = ""
    level: str = "xã"
    documents: tuple[DocumentSpec, ...] = ()
    source: str = ""
    confirmed: bool = False
    note: str = ""
    active: bool = True
    # Set when this entry is one part of a national procedure (MaTTHC) split in two because
    # its parts have different time limits; "" when the code is the national code.
    national_code: str = ""
    # How the fee is computed (models.fees); None: the flat ``fee`` for each dossier.
    fee_rule: FeeRule | None = None
    # MaLinhVuc: the field's code ("" until the admin or the province's catalog sets it).
    field_code: str = ""
    results: tuple[ResultSpec, ...] = ()

    @property
    def effective_fee_rule(self) -> FeeRule:
        return self.fee_rule or flat_rule(self.fee)

    @property
    def national_procedure_code(self) -> str:
        """The national procedure code (MaTTHC) the portal and the day files know."""
        return self.national_code or self.code

    @property
    def cutoff_time(self) -> time | None:
        return time.fromisoformat(self.same_day_cutoff) if self.same_day_cutoff else None

    @property
    def time_limit_text(self) -> str:
        return duration_text(self.duration_value, self.duration_unit)

    def to_dict(self) -> dict:
        return {
            "code": self.code, "name": self.name, "field": self.field,
            "duration": {"value": self.duration_value, "unit": self.duration_unit},
            "time_limit": self.time_limit_text, "same_day_cutoff": self.same_day_cutoff,
            "fee": self.fee, "fee_note": self.fee_note, "level": self.level,
            "documents": [asdict(d) for d in self.documents],
            "source": self.source, "confirmed": self.confirmed, "note": self.note,
            "active": self.active, "national_code": self.national_code,
            "fee_rule": self.fee_rule.to_dict() if self.fee_rule else None,
            "field_code": self.field_code, "results": [asdict(r) for r in self.results],
        }

    def comparable(self) -> dict:
        data = asdict(self)
        data["documents"] = [asdict(d) for d in self.documents]
        data["results"] = [asdict(r) for r in self.results]
        return {k: data[k] for k in COMPARED}


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    updated: dict[str, list[str]] = field(default_factory=dict)
    unchanged: int = 0
    deactivated: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    applied: bool = False

    def to_dict(self) -> dict:
        return asdict(self)


# -- reading --------------------------------------------------------------------------------
def _info(row: Procedure, documents: list[ProcedureDocument] | None = None) -> ProcedureInfo:
    docs = documents if documents is not None else list(row.documents.order_by(ProcedureDocument.position))
    return ProcedureInfo(
        code=row.code, name=row.name, field=row.field, duration_value=row.duration_value,
        duration_unit=row.duration_unit, same_day_cutoff=row.same_day_cutoff, fee=row.fee,
        fee_note=row.fee_note, level=row.level, source=row.source, confirmed=row.confirmed,
        note=row.note, active=row.active, national_code=row.national_code,
        fee_rule=_stored_rule(row.fee_rule), field_code=row.field_code,
        results=tuple(ResultSpec(r["name"], r.get("code", "")) for r in json.loads(row.results or "[]")),
        documents=tuple(DocumentSpec(d.name, d.originals, d.copies, d.kind, d.code) for d in docs),
    )


def _stored_rule(text: str) -> FeeRule | None:
    return parse_rule(text, "", []) if text else None


def list_procedures(*, include_inactive: bool = False, search: str = "") -> list[ProcedureInfo]:
    """Procedures with their documents, by field then name; ``search`` ignores diacritics."""
    query = Procedure.select().order_by(Procedure.field, Procedure.name)
    if not include_inactive:
        query = query.where(Procedure.active == True)  # noqa: E712
    rows = list(query)
    docs: dict[int, list[ProcedureDocument]] = {r.id: [] for r in rows}
    for doc in ProcedureDocument.select().order_by(ProcedureDocument.position):
        if doc.procedure_id in docs:
            docs[doc.procedure_id].append(doc)
    result = [_info(r, docs[r.id]) for r in rows]
    if search:
        result = _matching(result, search)
    return result


def _matching(procedures: list[ProcedureInfo], text: str) -> list[ProcedureInfo]:
    """Earlier typed words match whole words, the last one a word start (it is being typed).

    Ranking, best first: the whole phrase; then words matched exactly plus typed word pairs
    found side by side, later pairs weighing more (the words typed last tell procedures
    apart: "khai tu" puts "đăng ký lại khai tử" above "điện tử: đăng ký khai sinh").
    """
    query = fold(text)
    words = query.split()
    if not words:
        return procedures
    hits = []
    for p in procedures:
        haystack = " ".join(re.split(r"[^0-9a-z.]+", f"{fold(p.name)} {fold(p.field)} {p.code.lower()}"))
        tokens = set(haystack.split())
        if not all(w in tokens for w in words[:-1]) or not any(t.startswith(words[-1]) for t in tokens):
            continue
        score = 1000 * (query in haystack) + sum(w in tokens for w in words)
        score += sum(i for i, pair in enumerate(zip(words, words[1:]), start=1)
                     if " ".join(pair) in haystack)
        hits.append((-score, p))
    return [p for _, p in sorted(hits, key=lambda hit: hit[0])]


def get_procedure(code: str) -> ProcedureInfo:
    return _info(get_procedure_row(code))


def get_procedure_row(code: str) -> Procedure:
    row = Procedure.get_or_none(Procedure.code == clean(code))
    if row is None:
        raise NotFoundError(f"Không có thủ tục mã “{code}” trong danh mục.")
    return row


# -- validation -----------------------------------------------------------------------------
_WHOLE = re.compile(r"^[0-9]{1,18}$")


def _int(value, name: str, errors: list[str], where: str, minimum: int = 0,
         maximum: int | None = None) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and _WHOLE.match(value.strip()):
        number = int(value.strip())
    else:
        number = None
    if number is None or number < minimum or (maximum is not None and number > maximum):
        bound = f"từ {minimum} đến {maximum}" if maximum is not None else f"không nhỏ hơn {minimum}"
        errors.append(f"{where}: “{name}” phải là số nguyên {bound}.")
        return minimum
    return number


def _text(entry: dict, key: str, label: str, limit: int, errors: list[str], where: str) -> str:
    try:
        return checked_text(entry.get(key), key, label, limit)
    except ValidationError as exc:
        errors.append(f"{where}: {exc.errors[key]}")
        return ""
def _kind(doc: dict, where: str, errors: list[str]) -> str:
    """The paper's kind: ``kind`` when given, else the older ``required`` flag."""
    kind = clean(doc.get("kind")).lower()
    if not kind:
        return REQUIRED if _bool(doc.get("required"), True) else SITUATIONAL
    if kind not in PAPER_KINDS:
        errors.append(f"{where}: loại giấy tờ “{kind}” không hợp lệ (dùng một trong: "
                      f"{', '.join(PAPER_KINDS)}).")
        return REQUIRED
    return kind


def _bool(value, default: bool) -> bool:
    if value in (None, ""):
        return default
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("1", "true", "yes", "có", "x")


def parse_entry(entry: dict, where: str, errors: list[str]) -> ProcedureInfo | None:
    """One catalog entry (dict as in procedures.json) → ProcedureInfo, or errors appended."""
    before = len(errors)
    code = _text(entry, "code", "Mã thủ tục", PROCEDURE_CODE_MAX, errors, where)
    name = _text(entry, "name", "Tên thủ tục", PROCEDURE_NAME_MAX, errors, where)
    if len(errors) == before and not code:
        errors.append(f"{where}: thiếu mã thủ tục.")
    if len(errors) == before and not name:
        errors.append(f"{where}: thiếu tên thủ tục.")
    field_name = _text(entry, "field", "Lĩnh vực", FIELD_NAME_MAX, errors, where)
    duration = entry.get("duration") or {}
    if not isinstance(duration, dict):
        errors.append(f"{where}: “duration” phải là đối tượng {{value, unit}}.")
        duration = {}
    unit = clean(duration.get("unit")) if isinstance(duration.get("unit"), str) else ""
    if unit not in DURATION_UNITS:
        errors.append(f"{where}: đơn vị thời hạn “{unit}” không hợp lệ "
                      f"(dùng một trong: {', '.join(DURATION_UNITS)}).")
    minimum = 1 if unit in ("working_days", "working_hours", "calendar_days") else 0
    value = _int(duration.get("value"), "thời hạn", errors, where, minimum, DURATION_MAX)
    cutoff = clean(entry.get("same_day_cutoff")) or None
    if cutoff:
        try:
            cutoff = time.fromisoformat(cutoff).strftime("%H:%M")
        except ValueError:
            errors.append(f"{where}: giờ chốt “{cutoff[:20]}” phải có dạng HH:MM.")
        if unit != SAME_DAY:
            errors.append(f"{where}: giờ chốt chỉ dùng cho thủ tục giải quyết trong ngày.")
    fee = _int(entry.get("fee", 0) or 0, "lệ phí", errors, where, 0, FEE_MAX)
    documents = []
    listed = entry.get("documents") or []
    if not isinstance(listed, list):
        errors.append(f"{where}: “documents” phải là một danh sách.")
        listed = []
    if len(listed) > MAX_DOCUMENTS:
        errors.append(f"{where}: tối đa {MAX_DOCUMENTS} giấy tờ.")
        listed = []
    for i, doc in enumerate(listed, start=1):
        at = f"{where}, giấy tờ {i}"
        if not isinstance(doc, dict):
            errors.append(f"{at}: phải là một đối tượng {{name, originals, copies}}.")
            continue
        doc_name = _text(doc, "name", "Tên giấy tờ", DOCUMENT_NAME_MAX, errors, at)
        if not doc_name:
            errors.append(f"{at}: thiếu tên giấy tờ.")
        documents.append(DocumentSpec(
            doc_name,
            _int(doc.get("originals", 1), "số bản chính", errors, at, 0, COPIES_MAX),
            _int(doc.get("copies", 0), "số bản sao", errors, at, 0, COPIES_MAX),
            _kind(doc, at, errors),
            catalog_code(doc.get("code"), "Mã thành phần hồ sơ", errors, at),
        ))
    source = entry.get("source") or ""
    if isinstance(source, list):
        source = ", ".join(clean(s) for s in source)
    texts = {key: _text({key: value}, key, label, CATALOG_TEXT_MAX, errors, where)
             for key, label, value in (("source", "Nguồn", source),
                                       ("fee_note", "Ghi chú lệ phí", entry.get("fee_note")),
                                       ("note", "Ghi chú", entry.get("note")),
                                       ("level", "Cấp", entry.get("level")))}
    national = _text(entry, "national_code", "Mã TTHC quốc gia", PROCEDURE_CODE_MAX, errors, where)
    fee_rule = parse_rule(entry.get("fee_rule"), where, errors)
    field_code = catalog_code(entry.get("field_code"), "Mã lĩnh vực", errors, where)
    results = _results(entry.get("results"), where, errors)
    if len(errors) > before:
        return None
    return ProcedureInfo(
        code=code, name=name, field=field_name, duration_value=value,
        duration_unit=unit, same_day_cutoff=cutoff, fee=fee, fee_note=texts["fee_note"],
        level=texts["level"] or "xã", documents=tuple(documents), source=texts["source"],
        confirmed=_bool(entry.get("confirmed"), False), note=texts["note"],
        active=_bool(entry.get("active"), True), national_code="" if national == code else national,
        fee_rule=fee_rule, field_code=field_code, results=results,
    )


_CODE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._/-]*$")


def catalog_code(value, label: str, errors: list[str], where: str) -> str:
    """A code of the catalog (a field's, a paper's, a result's): "" when none; letters, digits
    and . _ / - (as "G01.TP", "KQ.G01.00262"), at most CATALOG_CODE_MAX characters."""
    if value is None or value == "":
        return ""
    text = clean(value) if isinstance(value, str) else None
    if text is None or len(text) > CATALOG_CODE_MAX or (text and not _CODE.match(text)):
        errors.append(f"{where}: {label} phải gồm chữ cái không dấu, chữ số và các dấu . _ / - "
                      f"(tối đa {CATALOG_CODE_MAX} ký tự).")
        return ""
    return text


def _results(value, where: str, errors: list[str]) -> tuple[ResultSpec, ...]:
    """``results``: [{"name", "code"}] (a JSON text in a CSV column)."""
    if value in (None, "", []):
        return ()
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            errors.append(f"{where}: “results” phải là danh sách JSON [{{name, code}}].")
            return ()
    if not isinstance(value, list) or len(value) > RESULTS_MAX:
        errors.append(f"{where}: “results” phải là danh sách tối đa {RESULTS_MAX} kết quả {{name, code}}.")
        return ()
    results = []
    for i, item in enumerate(value, start=1):
        at = f"{where}, kết quả {i}"
        if not isinstance(item, dict):
            errors.append(f"{at}: phải là một đối tượng {{name, code}}.")
            continue
        name = _text(item, "name", "Tên kết quả", DOCUMENT_NAME_MAX, errors, at)
        if not name:
            errors.append(f"{at}: thiếu tên kết quả.")
        results.append(ResultSpec(name, catalog_code(item.get("code"), "Mã kết quả", errors, at)))
    return tuple(results)


# -- import / export ------------------------------------------------------------------------
def read_entries(path: Path) -> list[dict]:
    """Entries of a JSON (``{"procedures": [...]}`` or a list) or CSV (one row per document)."""
    path = Path(path)
    if path.suffix.lower() == ".csv":
        raw = read_file(path, "danh mục")
        try:
            return entries_from_csv(raw.decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise ValidationError({"file": f"Tệp {path} không phải văn bản UTF-8."}) from None
        except csv.Error as exc:
            raise ValidationError({"file": f"Tệp CSV {path} không đọc được: {exc}."}) from None
    data = read_json(path, "danh mục", limit=CATALOG_FILE)
    entries = data.get("procedures") if isinstance(data, dict) else data
    if not isinstance(entries, list):
        raise ValidationError({"file": "Tệp JSON phải có danh sách “procedures”."})
    return entries


def entries_from_csv(text: str) -> list[dict]:
    reader = csv.DictReader(io.StringIO(text))
    missing = {"code", "name", "duration_value", "duration_unit"} - set(reader.fieldnames or [])
    if missing:
        raise ValidationError({"file": f"Tệp CSV thiếu cột: {', '.join(sorted(missing))}."})
    entries: dict[str, dict] = {}
    for row in reader:
        code = clean(row.get("code"))
        entry = entries.get(code)
        if entry is None:
            entry = entries[code] = {
                **{k: row.get(k) for k in ("code", "name", "field", "level", "same_day_cutoff",
                                           "fee", "fee_note", "confirmed", "source", "note", "active",
                                           "national_code", "fee_rule", "field_code", "results")},
                "duration": {"value": row.get("duration_value"), "unit": row.get("duration_unit")},
                "documents": [],
            }
        if clean(row.get("document_name")):
            entry["documents"].append({"name": row.get("document_name"), "originals": row.get("originals") or 0,
                                       "copies": row.get("copies") or 0, "kind": row.get("kind"),
                                       "required": row.get("required"), "code": row.get("document_code")})
    return list(entries.values())


def import_catalog(path: Path | str, *, dry_run: bool = False, deactivate_missing: bool = False,
                   officer, at: datetime | None = None) -> ImportReport:
    """Validate every entry, then apply all of them in one transaction (or none, on any error)
    — admin."""
    officer = require(officer, "catalog.import", entity="catalog", entity_id=str(path))
    entries = read_entries(Path(path))
    return _import(entries, dry_run=dry_run, deactivate_missing=deactivate_missing,
                   officer=officer, at=at, origin=str(path))


def import_entries(entries: list[dict], *, dry_run: bool = False, deactivate_missing: bool = False,
                   officer, at: datetime | None = None, origin: str = "") -> ImportReport:
    """Add or change procedures given as entries (the catalog screen's edit dialog) — admin."""
    officer = require(officer, "catalog.import", entity="catalog", entity_id=origin)
    return _import(entries, dry_run=dry_run, deactivate_missing=deactivate_missing,
                   officer=officer, at=at, origin=origin)


def import_published(entries: list[dict], *, dry_run: bool = False, officer=None,
                     at: datetime | None = None, origin: str = "") -> ImportReport:
    """A catalog the province published, from its signed package (models.catalog_releases):
    the signature is the authority, not the role of whoever applied the package — or of
    nobody, when a held catalog's date comes while the counter opens."""
    return _import(entries, dry_run=dry_run, deactivate_missing=False, officer=officer, at=at,
                   origin=origin)


def _import(entries: list[dict], *, dry_run: bool, deactivate_missing: bool, officer,
            at: datetime | None, origin: str) -> ImportReport:
    report = ImportReport()
    parsed: list[ProcedureInfo] = []
    seen: set[str] = set()
    for i, entry in enumerate(entries, start=1):
        where = f"Mục {i}" + (f" ({clean(entry.get('code'))})" if isinstance(entry, dict) and entry.get("code") else "")
        if not isinstance(entry, dict):
            report.errors.append(f"{where}: không phải một thủ tục.")
            continue
        info = parse_entry(entry, where, report.errors)
        if info is None:
            continue
        if info.code in seen:
            report.errors.append(f"{where}: mã thủ tục bị trùng trong tệp.")
            continue
        seen.add(info.code)
        parsed.append(info)
    if report.errors:
        return report
    existing = {p.code: p for p in list_procedures(include_inactive=True)}
    parsed = _with_field_codes(parsed, existing, report.errors)
    if report.errors:
        return report
    for info in parsed:
        old = existing.get(info.code)
        if old is None:
            report.added.append(info.code)
        else:
            old_data, new_data = old.comparable(), info.comparable()
            changed = [k for k in COMPARED if old_data[k] != new_data[k]]
            if changed:
                report.updated[info.code] = changed
            else:
                report.unchanged += 1
    if deactivate_missing:
        report.deactivated = sorted(c for c, p in existing.items() if c not in seen and p.active)
    if dry_run:
        return report
    stamp = at or now()
    with write_transaction():
        for info in parsed:
            if info.code in report.added or info.code in report.updated:
                _store(info, stamp)
        if report.deactivated:
            Procedure.update(active=False, updated_at=stamp).where(
                Procedure.code.in_(report.deactivated)).execute()
        audit("catalog.import", officer, "catalog", origin,
              {"added": len(report.added), "updated": len(report.updated),
               "deactivated": len(report.deactivated)}, at=stamp)
    report.applied = True
    return report


def _with_field_codes(parsed: list[ProcedureInfo], existing: dict[str, ProcedureInfo],
                      errors: list[str]) -> list[ProcedureInfo]:
    """One code per field (MaLinhVuc belongs to the field, not to one procedure).

    An entry without a code takes the one its field already has (set by the admin or by an
    earlier catalog), so a catalog file that carries no codes keeps them; a code the file gives
    a field reaches the counter's other procedures of that field too. Two codes for one field
    in one file are refused."""
    given: dict[str, str] = {}
    for info in parsed:
        if info.field_code:
            other = given.setdefault(info.field, info.field_code)
            if other != info.field_code:
                errors.append(f"Lĩnh vực “{info.field}” có hai mã khác nhau trong tệp: “{other}” "
                              f"và “{info.field_code}”.")
    if errors:
        return parsed
    known = {p.field: p.field_code for p in existing.values() if p.field_code}
    result = [info if info.field_code else replace(info, field_code=given.get(info.field)
                                                       or known.get(info.field, ""))
              for info in parsed]
    in_file = {info.code for info in parsed}
    result += [replace(p, field_code=given[p.field]) for p in existing.values()
               if p.code not in in_file and p.field in given and p.field_code != given[p.field]]
    return result


@dataclass(frozen=True)
class FieldCode:
    """A field (lĩnh vực) of the catalog and its code (MaLinhVuc; "" while none is set)."""

    name: str
    code: str
    procedures: int

    def to_dict(self) -> dict:
        return asdict(self)


def list_fields() -> list[FieldCode]:
    """Every field of the catalog with its code and how many procedures it has."""
    fields: dict[str, list[str]] = {}
    for name, code in Procedure.select(Procedure.field, Procedure.field_code).tuples():
        fields.setdefault(name, []).append(code)
    return [FieldCode(name, max(codes, key=codes.count), len(codes))
            for name, codes in sorted(fields.items(), key=lambda item: fold(item[0]))]


def set_field_code(field_name: str, code: str, *, by, at: datetime | None = None) -> int:
    """Give a field its code (MaLinhVuc) on every procedure of that field, "" to clear it —
    admin. Returns how many procedures changed."""
    officer = require(by, "catalog.import", entity="catalog", entity_id=clean(field_name))
    errors: list[str] = []
    code = catalog_code(code, "Mã lĩnh vực", errors, "Mã lĩnh vực")
    if errors:
        raise ValidationError({"field_code": errors[0].split(": ", 1)[1]})
    name = clean(field_name)
    rows = Procedure.select().where(Procedure.field == name)
    if not rows.exists():
        raise NotFoundError(f"Danh mục không có lĩnh vực “{field_name}”.")
    stamp = at or now()
    with write_transaction():
        changed = Procedure.update(field_code=code, updated_at=stamp).where(
            (Procedure.field == name) & (Procedure.field_code != code)).execute()
        audit("catalog.field_code", officer, "catalog", name, {"code": code, "procedures": changed}, at=stamp)
    return changed


def _store(info: ProcedureInfo, stamp: datetime) -> None:
    values = dict(
        name=info.name, name_folded=fold(info.name), field=info.field, level=info.level,
        duration_value=info.duration_value, duration_unit=info.duration_unit,
        same_day_cutoff=info.same_day_cutoff, fee=info.fee, fee_note=info.fee_note,
        source=info.source, confirmed=info.confirmed, note=info.note, active=info.active,
        national_code=info.national_code, updated_at=stamp, field_code=info.field_code,
        results=json.dumps([asdict(r) for r in info.results], ensure_ascii=False) if info.results else "",
        fee_rule=json.dumps(info.fee_rule.to_dict(), ensure_ascii=False) if info.fee_rule else "",
    )
    row = Procedure.get_or_none(Procedure.code == info.code)
    if row is None:
        row = Procedure.create(code=info.code, **values)
    else:
        Procedure.update(**values).where(Procedure.id == row.id).execute()
        ProcedureDocument.delete().where(ProcedureDocument.procedure == row.id).execute()
    if info.documents:
        ProcedureDocument.insert_many([
            dict(procedure=row.id, position=i, name=d.name, originals=d.originals,
                 copies=d.copies, kind=d.kind, code=d.code)
            for i, d in enumerate(info.documents, start=1)
        ]).execute()


def export_catalog(path: Path | str) -> int:
    """Write the whole catalog (inactive too) as JSON or CSV by the file's extension."""
    path = Path(path)
    procedures = list_procedures(include_inactive=True)
    if path.suffix.lower() == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)
            writer.writeheader()
            for p in procedures:
                base = {"code": p.code, "name": p.name, "field": p.field, "level": p.level,
                        "duration_value": p.duration_value, "duration_unit": p.duration_unit,
                        "same_day_cutoff": p.same_day_cutoff or "", "fee": p.fee,
                        "fee_note": p.fee_note, "confirmed": int(p.confirmed), "source": p.source,
                        "note": p.note, "active": int(p.active), "national_code": p.national_code,
                        "fee_rule": json.dumps(p.fee_rule.to_dict(), ensure_ascii=False) if p.fee_rule else "",
                        "field_code": p.field_code,
                        "results": json.dumps([asdict(r) for r in p.results], ensure_ascii=False) if p.results else ""}
                for d in p.documents or (None,):
                    row = dict(base)
                    if d is not None:
                        row.update(document_name=d.name, originals=d.originals, copies=d.copies,
                                   kind=d.kind, document_code=d.code)
                    writer.writerow(row)
    else:
        data = {"schema_version": 1, "exported_at": now().isoformat(),
                "procedures": [_export_entry(p) for p in procedures]}
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(procedures)


def _export_entry(p: ProcedureInfo) -> dict:
    entry = p.to_dict()
    entry.pop("time_limit")
    return entry


def seed_if_empty() -> ImportReport | None:
    """Load the shipped catalog into a new database (first start)."""
    if Procedure.select().exists() or not SHIPPED_CATALOG.exists():
        return None
    report = _import(read_entries(SHIPPED_CATALOG), dry_run=False, deactivate_missing=False,
                     officer=None, at=None, origin=str(SHIPPED_CATALOG.name))
    if report.errors:  # the shipped file is checked by the tests; never half-load it
        raise ValidationError({"catalog": "; ".join(report.errors)})
    return report
