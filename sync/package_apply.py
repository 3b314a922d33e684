"""Applying a province package at the counter (áp dụng gói dữ liệu của tỉnh).

Verified first (sync.package_verify), then its sequence: a package older than the last one
applied is refused, the very same package again changes nothing ("applying the same one twice
equals once"), another package with an already used number is refused. Then, in one write
transaction, in this order: the calendar (into the counter's table), the catalog (now, or
held until its effective date), the online dossiers (status 1, the desk's queue) and the
progress of forwarded dossiers. The report says what changed; the counter's next day file
carries a signed acknowledgement up (sync.package_ack).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from peewee import fn

from models.audit import audit
from models.audit import now as clock
from models.calendar_decisions import parse_calendar_document
from models.catalog import FIELD_LABELS
from models.catalog_releases import CatalogOutcome, parse_catalog_document, schedule
from models.db import write_transaction
from models.errors import MotCuaError, ValidationError
from models.forwarded import UpdateReport, apply_updates
from models.holidays_admin import CalendarChanges, apply_province_calendar
from models.online import OnlineRegistration, register_submissions
from models.permissions import require
from models.province_state import ProvincePackage
from models.safe_json import read_file
from models.settings import require_settings
from models.tables import Officer

from .container import MAX_FILE
from .format import vn_date
from .keys import agency_signing_key, province_public_key
from .package_format import package_glob
from .package_verify import PackageInspection, inspect_package

APPLIED, ALREADY, REFUSED = "applied", "already_applied", "refused"


@dataclass
class PackageOutcome:
    """What became of one package, as the officer reads it (``lines``) or a script (``to_dict``)."""

    path: str
    status: str  # applied | already_applied | refused
    code: str = ""  # the problem's code when refused; "replayed" when already applied
    message: str = ""
    agency_code: str = ""
    sequence: int = 0
    created_at: datetime | None = None
    sha256: str = ""
    calendar: CalendarChanges | None = None
    catalog: CatalogOutcome | None = None
    online: OnlineRegistration | None = None
    updates: UpdateReport | None = None
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"path": self.path, "status": self.status, "code": self.code, "message": self.message,
                "agency_code": self.agency_code, "sequence": self.sequence,
                "created_at": self.created_at.isoformat() if self.created_at else None, "sha256": self.sha256,
                "calendar": self.calendar.to_dict() if self.calendar else None,
                "catalog": self.catalog.to_dict() if self.catalog else None,
                "online": self.online.to_dict() if self.online else None,
                "updates": self.updates.to_dict() if self.updates else None, "notes": self.notes}

    def summary(self) -> dict:
        """Codes and counts only, for the acknowledgement that goes up to the province."""
        online = []
        if self.online:
            online += [{"portal_code": r["portal_code"], "code": r["code"], "status": "registered"}
                       for r in self.online.registered]
            online += [{"portal_code": r["portal_code"], "code": r["code"], "status": "already"}
                       for r in self.online.already]
            online += [{"portal_code": r["portal_code"], "status": "rejected", "fields": r["fields"]}
                       for r in self.online.rejected]
        updates = []
        if self.updates:
            updates += [{"uid": u["uid"], "code": u["code"], "status": "applied"} for u in self.updates.applied]
            updates += [{"uid": u["uid"], "code": u["code"], "status": "already"} for u in self.updates.already]
            updates += [{"uid": u["uid"], "code": u["code"], "status": "skipped"} for u in self.updates.skipped]
        return {"calendar": {"years": self.calendar.years, "added": len(self.calendar.added),
                             "changed": len(self.calendar.changed), "removed": len(self.calendar.removed)}
                if self.calendar else None,
                "catalog": self.catalog.summary() if self.catalog else None,
                "online": online, "updates": updates}

    @property
    def name(self) -> str:
        return Path(self.path).name if self.path else ""

    def headline(self) -> str:
        """One line for the banner: what kind of things changed."""
        if self.status != APPLIED:
            return self.lines()[0]
        parts = []
        if self.calendar:
            parts.append(f"lịch làm việc ({self.calendar.count} ngày thay đổi)")
        if self.catalog:
            parts.append(f"danh mục thủ tục {'đã áp dụng' if self.catalog.applied else 'hiệu lực từ ' + vn_date(self.catalog.effective_from)}"
                         + (f", {len(self.catalog.affected)} hồ sơ đang giải quyết thuộc thủ tục thay đổi"
                            if self.catalog.affected else ""))
        if self.online:
            parts.append(f"{len(self.online.registered)} hồ sơ trực tuyến mới chờ tiếp nhận")
        if self.updates:
            parts.append(f"{len(self.updates.applied)} cập nhật tiến độ hồ sơ liên thông")
        return f"Đã áp dụng gói số {self.sequence} của tỉnh: " + "; ".join(parts or ["không có thay đổi"]) + "."

    def lines(self) -> list[str]:
        head = f"Gói số {self.sequence} của tỉnh" if self.sequence else "Gói dữ liệu của tỉnh"
        if self.created_at:
            head += f" (lập lúc {self.created_at:%H:%M %d/%m/%Y})"
        if self.status == REFUSED:
            return [f"{head}: KHÔNG áp dụng – {self.message}"]
        if self.status == ALREADY:
            return [f"{head}: {self.message}"]
        out = [f"{head}: đã áp dụng."]
        out += [f"Lưu ý: {note}" for note in self.notes]
        if self.calendar:
            out += _calendar_lines(self.calendar)
        if self.catalog:
            out += _catalog_lines(self.catalog)
        if self.online:
            out += _online_lines(self.online)
        if self.updates:
            out += _update_lines(self.updates)
        return out


def _calendar_lines(c: CalendarChanges) -> list[str]:
    years = ", ".join(map(str, c.years))
    out = [f"Lịch làm việc năm {years}: {len(c.added)} ngày thêm, {len(c.changed)} ngày sửa, "
           f"{len(c.removed)} ngày tỉnh bỏ, {c.unchanged} ngày không đổi."]
    for d in c.added + c.changed:
        kind = "làm việc" if d["working"] else "nghỉ"
        out.append(f"  {vn_date(date.fromisoformat(d['date']))}: ngày {kind} – {d['reason']}"
                   + (f" (thay cho {d['before']})" if d.get("before") else ""))
    for d in c.removed:
        out.append(f"  {vn_date(date.fromisoformat(d['date']))}: bỏ – {d['reason']}")
    return out


def _catalog_lines(c: CatalogOutcome) -> list[str]:
    when = vn_date(c.effective_from)
    if c.applied:
        out = [f"Danh mục thủ tục theo {c.decision}: đã áp dụng (hiệu lực từ {when}) – {len(c.added)} thủ tục "
               f"mới, {len(c.updated)} thủ tục thay đổi, {c.unchanged} không đổi."]
    else:
        out = [f"Danh mục thủ tục theo {c.decision}: có hiệu lực từ {when}, sẽ tự áp dụng vào ngày đó – "
               f"{len(c.added)} thủ tục mới, {len(c.updated)} thủ tục sẽ thay đổi."]
    out += [f"  {code}: đổi {', '.join(FIELD_LABELS.get(f, f) for f in fields)}"
            for code, fields in sorted(c.updated.items())]
    for s in c.superseded:
        out.append(f"  Thay cho danh mục theo {s['decision']} (hiệu lực {vn_date(date.fromisoformat(s['effective_from']))})"
                   " chưa đến ngày áp dụng.")
    if c.affected:
        out.append(f"  {len(c.affected)} hồ sơ đang giải quyết thuộc thủ tục thay đổi; ngày hẹn đã ghi giữ nguyên:")
        for a in c.affected:
            due = datetime.fromisoformat(a["due_at"]).strftime("%H:%M %d/%m/%Y") if a["due_at"] else "chưa hẹn"
            out.append(f"    {a['code']} ({a['procedure']}, {a['status_name']}, hẹn {due})")
    return out


def _online_lines(o: OnlineRegistration) -> list[str]:
    out = [f"Hồ sơ trực tuyến: {len(o.registered)} hồ sơ mới chờ tiếp nhận, {len(o.already)} đã có, "
           f"{len(o.rejected)} không nhận được."]
    for r in o.registered:
        out.append(f"  {r['portal_code']}" + (f" → mã tại quầy {r['code']}" if r["code"] != r["portal_code"] else ""))
    for r in o.rejected:
        out.append(f"  {r['portal_code']}: không nhận được – {r['reason']}")
    return out


def _update_lines(u: UpdateReport) -> list[str]:
    out = [f"Tiến độ hồ sơ liên thông: {len(u.applied)} cập nhật, {len(u.already)} đã có, "
           f"{len(u.skipped)} bỏ qua."]
    out += [f"  {s['code'] or s['uid']}: bỏ qua – {s['reason']}" for s in u.skipped]
    return out


def _record(report: PackageInspection, status: str, by: Officer | None, now: datetime, *,
            problem: str = "", message: str = "", summary: dict | None = None) -> None:
    ProvincePackage.create(
        agency_code=report.agency_code, sequence=report.sequence, sha256=report.sha256,
        file_name=Path(report.path).name, created_at=report.created_at, seen_at=now, officer=by,
        status=status, problem=problem, message=message,
        summary=json.dumps(summary or {}, ensure_ascii=False), signed=report.signed)


def _refuse(report: PackageInspection, by: Officer | None, now: datetime, code: str, message: str) -> PackageOutcome:
    """Record a refusal of a package whose manifest could be read; audit every refusal."""
    with write_transaction():
        if report.manifest is not None:
            _record(report, REFUSED, by, now, problem=code, message=message)
        audit("package.refuse", by, "province_package", str(report.sequence or Path(report.path).name),
              {"problem": code, "sha256": report.sha256}, at=now)
    return PackageOutcome(report.path, REFUSED, code, message, report.agency_code, report.sequence,
                          report.created_at, report.sha256)


def apply_package_bytes(data: bytes, *, by: Officer, now: datetime | None = None, path: str = "") -> PackageOutcome:
    by = require(by, "package.apply", entity="package", entity_id=path)
    now = (now or clock()).replace(microsecond=0)
    agency = require_settings().agency_code
    key = agency_signing_key(now)
    report = inspect_package(data, agency_code=agency, province=province_public_key(),
                             decrypt_key=key.encryption, path=path)
    if not report.ok:
        first = report.problems[0]
        return _refuse(report, by, now, first.code, first.message)
    outcome = PackageOutcome(path, APPLIED, agency_code=agency, sequence=report.sequence,
                             created_at=report.created_at, sha256=report.sha256)
    try:
        with write_transaction():
            same = ProvincePackage.get_or_none((ProvincePackage.agency_code == agency)
                                               & (ProvincePackage.sha256 == report.sha256)
                                               & (ProvincePackage.status == APPLIED))
            if same is not None:
                outcome.status, outcome.code = ALREADY, "replayed"
                outcome.message = (f"gói này đã được áp dụng lúc {same.seen_at:%H:%M %d/%m/%Y}; không áp dụng lại "
                                   "(áp dụng hai lần cũng như một lần).")
                return outcome
            last = ProvincePackage.select(fn.MAX(ProvincePackage.sequence)).where(
                (ProvincePackage.agency_code == agency) & (ProvincePackage.status == APPLIED)).scalar() or 0
            if report.sequence < last:
                raise _Refused("older", f"gói số {report.sequence} cũ hơn gói số {last} đã áp dụng (có thể là bản "
                                        "cũ còn trên thẻ nhớ); không áp dụng để không quay lại dữ liệu cũ.")
            if report.sequence == last:
                raise _Refused("sequence_reused", f"số thứ tự {report.sequence} đã dùng cho một gói khác đã áp dụng; "
                                                  "tỉnh không lập hai gói cùng số. Không áp dụng; hãy báo tỉnh.")
            if last and report.sequence > last + 1:
                missing = (f"gói số {last + 1}" if report.sequence == last + 2
                           else f"các gói số {last + 1}–{report.sequence - 1}")
                outcome.notes.append(f"chưa nhận {missing} (có thể thẻ nhớ bị thất lạc). Các gói cũ hơn gói này sẽ "
                                     "không áp dụng được nữa; tỉnh gửi lại hồ sơ, cập nhật còn thiếu trong gói sau.")
            _apply_contents(report, outcome, by, now)
            _record(report, APPLIED, by, now, summary=outcome.summary())
            _confirm_acks(agency, report.manifest.get("acknowledged", []), now)
            audit("package.apply", by, "province_package", str(report.sequence),
                  {"sha256": report.sha256, "summary": outcome.summary()}, at=now)
    except _Refused as refusal:
        return _refuse(report, by, now, refusal.code, refusal.message)
    except ValidationError as exc:
        return _refuse(report, by, now, "invalid_content", f"nội dung gói không hợp lệ: {exc}")
    return outcome


class _Refused(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code, self.message = code, message


def _apply_contents(report: PackageInspection, outcome: PackageOutcome, by: Officer, now: datetime) -> None:
    contents, sequence = report.contents, report.sequence
    if "calendar" in contents:
        years = parse_calendar_document(contents["calendar"], "Lịch của tỉnh")
        outcome.calendar = apply_province_calendar(years, package_sequence=sequence, by=by, at=now)
    if "catalog" in contents:
        doc = parse_catalog_document(contents["catalog"], "Danh mục của tỉnh")
        outcome.catalog = schedule(doc, package_sequence=sequence, by=by, now=now)
    if "online" in contents:
        outcome.online = register_submissions(contents["online"], by=by, now=now, package_sequence=sequence)
    if "updates" in contents:
        outcome.updates = apply_updates(contents["updates"], by=by, now=now, package_sequence=sequence)


def _confirm_acks(agency: str, sequences: list[int], now: datetime) -> None:
    """The province says it has our acknowledgement of these packages: stop sending them."""
    if sequences:
        ProvincePackage.update(ack_confirmed_at=now).where(
            (ProvincePackage.agency_code == agency) & ProvincePackage.sequence.in_(sequences)
            & ProvincePackage.ack_confirmed_at.is_null()).execute()


def apply_package_file(path: str | Path, *, by: Officer, now: datetime | None = None) -> PackageOutcome:
    data = read_file(path, "gói dữ liệu của tỉnh", limit=MAX_FILE)
    return apply_package_bytes(data, by=by, now=now, path=str(path))


def packages_in(folder: str | Path) -> list[Path]:
    """This agency's packages in a folder (a USB stick), oldest sequence first (the names sort by
    the time they were made, which follows the sequence)."""
    agency = require_settings().agency_code
    return sorted(Path(folder).expanduser().glob(package_glob(agency)))


def apply_packages(paths: list[str | Path], *, by: Officer, now: datetime | None = None) -> list[PackageOutcome]:
    """Apply files and folders in order; a folder gives its packages for this agency."""
    outcomes = []
    for item in paths:
        path = Path(item)
        files = packages_in(path) if path.is_dir() else [path]
        if path.is_dir() and not files:
            raise MotCuaError(f"Thư mục {path} không có gói dữ liệu nào của tỉnh cho cơ quan này "
                              f"({package_glob(require_settings().agency_code)}).")
        outcomes += [apply_package_file(f, by=by, now=now) for f in files]
    return outcomes


@dataclass(frozen=True)
class PackageRecord:
    """One line of the history of packages (lịch sử gói của tỉnh)."""

    sequence: int
    file_name: str
    created_at: datetime | None
    seen_at: datetime
    status: str
    message: str
    summary: dict
    ack_confirmed: bool

    def to_dict(self) -> dict:
        return {"sequence": self.sequence, "file_name": self.file_name,
                "created_at": self.created_at.isoformat() if self.created_at else None,
                "seen_at": self.seen_at.isoformat(), "status": self.status, "message": self.message,
                "summary": self.summary, "ack_confirmed": self.ack_confirmed}


def package_history(limit: int = 50) -> list[PackageRecord]:
    agency = require_settings().agency_code
    rows = (ProvincePackage.select().where(ProvincePackage.agency_code == agency)
            .order_by(ProvincePackage.seen_at.desc(), ProvincePackage.id.desc()).limit(limit))
    return [PackageRecord(r.sequence, r.file_name, r.created_at, r.seen_at, r.status, r.message,
                          json.loads(r.summary or "{}"), r.ack_confirmed_at is not None) for r in rows]
