"""The provincial importer (nạp tệp đồng bộ vào cơ sở dữ liệu tập trung).

Idempotent by construction:
- a dossier is replaced only by a record with a higher PhienBan (its count of changes), so
  applying a file twice, or an old file after a new one, changes nothing;
- an event is inserted once per uid and never changed;
- a file whose revision is lower than one already applied for that agency and day is skipped
  as superseded (later revisions hold every change of the day).

Each file is verified on its own (sync.verify: bounded reading, signature before records) and
applied in its own transaction; a refused file, a rejected record or even an unexpected error
in one file is reported by name and the run goes on with the next. At the end, one ack file
per agency; its ``rejected`` list names every record of a file the province does not have:
those rejected here and those the commune's export had to set aside.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from peewee import EXCLUDED, fn

from models.attachment_store import FOLDER_NAME, FolderStore
from models.audit import now as clock
from models.errors import MotCuaError
from models.limits import TEXT_MAX
from models.storage_errors import storage_message

from .ack import build_ack, write_ack
from .central import CentralDossier, CentralEvent, CentralFile, central, close_central, open_central
from .companion import FilesOutcome, apply_companion
from .format import canonical_json, parse_portal_datetime
from .keys import ProvincePrivateKey, Trust
from .verify import Inspection, verify_file

log = logging.getLogger(__name__)
CHUNK = 400
RECEIVED = ("applied", "already_applied")
NOT_IN_FILE = "không có trong tệp (cấp xã để riêng khi xuất): "


@dataclass
class FileOutcome:
    path: str
    status: str  # applied | already_applied | superseded | refused | skipped
    message: str = ""
    agency_code: str = ""
    day: date | None = None
    revision: int = 0
    sha256: str = ""
    dossiers_new: int = 0
    dossiers_updated: int = 0
    dossiers_unchanged: int = 0
    events_new: int = 0
    events_existing: int = 0
    accepted_dossiers: int = 0
    accepted_events: int = 0
    rejected: list[dict] = field(default_factory=list)
    not_in_file: list[dict] = field(default_factory=list)  # set aside by the commune's export
    folder: str = ""  # where the file was: its ack goes there by default
    copies: FilesOutcome | None = None  # the day's companion file of electronic copies (v2)

    def to_dict(self) -> dict:
        return {"path": self.path, "status": self.status, "message": self.message,
                "agency_code": self.agency_code, "day": self.day.isoformat() if self.day else None,
                "revision": self.revision, "sha256": self.sha256,
                "dossiers_new": self.dossiers_new, "dossiers_updated": self.dossiers_updated,
                "dossiers_unchanged": self.dossiers_unchanged, "events_new": self.events_new,
                "events_existing": self.events_existing, "rejected": self.rejected,
                "not_in_file": self.not_in_file, "copies": self.copies.to_dict() if self.copies else None}

    def ack_entry(self) -> dict:
        """The file's line in the ack: ``rejected`` lists every record of the day the province
        does not have from it (rejected here, or set aside by the export)."""
        missing = list(self.rejected)
        if self.status in RECEIVED:
            missing += [{"kind": r["kind"], "uid": r["uid"], "MaHoSo": r["MaHoSo"],
                         "reason": (NOT_IN_FILE + r["reason"])[:TEXT_MAX]} for r in self.not_in_file]
        return {"day": self.day.isoformat(), "revision": self.revision, "sha256": self.sha256,
                "status": self.status, "message": self.message[:TEXT_MAX], "HoSo": self.accepted_dossiers,
                "TienDo": self.accepted_events, "rejected": missing}

    def line(self) -> str:
        text = {"applied": "đã nạp", "already_applied": "đã nạp từ trước, không đổi",
                "superseded": "bỏ qua (đã có lần xuất mới hơn)", "refused": "TỪ CHỐI",
                "skipped": "BỎ QUA"}[self.status]
        detail = ""
        if self.status == "applied":
            detail = (f": {self.dossiers_new} hồ sơ mới, {self.dossiers_updated} cập nhật, "
                      f"{self.events_new} bước xử lý mới")
        if self.rejected:
            detail += f"; {len(self.rejected)} bản ghi lỗi bị loại: " + ", ".join(
                r["MaHoSo"] or r["uid"] or "(không tên)" for r in self.rejected)
        if self.not_in_file and self.status in RECEIVED:
            detail += (f"; THIẾU {len(self.not_in_file)} bản ghi cấp xã không xuất được: "
                       + ", ".join(dict.fromkeys(r["MaHoSo"] or r["uid"] for r in self.not_in_file)))
        if self.copies is not None:
            detail += f"; bản điện tử: {self.copies.stored} mới, {self.copies.present} đã có"
            detail += "".join(f"; LỖI BẢN ĐIỆN TỬ: {p}" for p in self.copies.problems)
        return f"{Path(self.path).name}: {text}{detail}" + (f" – {self.message}" if self.message else "")


@dataclass
class ApplySummary:
    files: list[FileOutcome] = field(default_factory=list)
    acks: list[Path] = field(default_factory=list)

    def counts(self) -> dict:
        def total(attr: str) -> int:
            return sum(getattr(f, attr) for f in self.files)
        by_status = {s: sum(1 for f in self.files if f.status == s)
                     for s in ("applied", "already_applied", "superseded", "refused", "skipped")}
        return {"files": len(self.files), **by_status,
                "dossiers_new": total("dossiers_new"), "dossiers_updated": total("dossiers_updated"),
                "dossiers_unchanged": total("dossiers_unchanged"), "events_new": total("events_new"),
                "events_existing": total("events_existing"),
                "records_rejected": sum(len(f.rejected) for f in self.files),
                "records_not_in_file": sum(len(f.not_in_file) for f in self.files),
                "copies_stored": sum(f.copies.stored for f in self.files if f.copies),
                "copies_present": sum(f.copies.present for f in self.files if f.copies),
                "copies_problems": sum(len(f.copies.problems) for f in self.files if f.copies)}

    @property
    def clean(self) -> bool:
        """Every file applied (or already), with no record rejected or missing, and every
        electronic copy it names received."""
        return all(f.status not in ("refused", "skipped") and not f.rejected and not f.not_in_file
                   and not (f.copies and f.copies.problems) for f in self.files)

    def to_dict(self) -> dict:
        return {**self.counts(), "acks": [str(p) for p in self.acks],
                "outcomes": [f.to_dict() for f in self.files]}


def _chunks(items: list, size: int = CHUNK):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _dossier_row(record: dict, agency: str, day: date, revision: int, now: datetime) -> dict:
    return {"uid": record["Uid"], "agency_code": agency, "code": record["MaHoSo"],
            "version": record["PhienBan"], "procedure_code": record["MaTTHC"],
            "status": int(record["TrangThaiHoSo"]),  # an int in version 1, a string since 2
            "received_at": parse_portal_datetime(record["NgayTiepNhan"]),
            "due_at": parse_portal_datetime(record["NgayHenTra"]),
            "finished_at": parse_portal_datetime(record["NgayKetThucXuLy"]),
            "returned_at": parse_portal_datetime(record["NgayTra"]),
            "day": day, "revision": revision, "record": canonical_json(record).decode("utf-8"),
            "applied_at": now}


def _apply_dossiers(records: list[dict], outcome: FileOutcome, now: datetime) -> None:
    agency, day, revision = outcome.agency_code, outcome.day, outcome.revision
    for chunk in _chunks(records):
        uids = [r["Uid"] for r in chunk]
        known = {uid: (version, owner) for uid, version, owner in
                 CentralDossier.select(CentralDossier.uid, CentralDossier.version,
                                       CentralDossier.agency_code)
                 .where(CentralDossier.uid.in_(uids)).tuples()}
        rows = []
        for record in chunk:
            version, owner = known.get(record["Uid"], (None, agency))
            if owner != agency:
                outcome.rejected.append({"kind": "HoSo", "uid": record["Uid"], "MaHoSo": record["MaHoSo"],
                                         "reason": "Uid đã thuộc hồ sơ của cơ quan khác"})
                continue
            outcome.accepted_dossiers += 1
            if version is None:
                outcome.dossiers_new += 1
            elif version < record["PhienBan"]:
                outcome.dossiers_updated += 1
            else:
                outcome.dossiers_unchanged += 1
                continue
            rows.append(_dossier_row(record, agency, day, revision, now))
        if rows:
            columns = ("code", "version", "procedure_code", "status", "received_at", "due_at",
                       "finished_at", "returned_at", "day", "revision", "record", "applied_at")
            CentralDossier.insert_many(rows).on_conflict(
                conflict_target=[CentralDossier.uid],
                update={getattr(CentralDossier, c): getattr(EXCLUDED, c) for c in columns},
                # Only a later state replaces, and only from the same agency: safe under races.
                where=((CentralDossier.version < EXCLUDED.version)
                       & (CentralDossier.agency_code == EXCLUDED.agency_code)),
            ).execute()


def _apply_events(records: list[dict], outcome: FileOutcome) -> None:
    agency, day = outcome.agency_code, outcome.day
    for chunk in _chunks(records):
        uids = [r["Uid"] for r in chunk]
        known = {uid: owner for uid, owner in CentralEvent.select(CentralEvent.uid, CentralEvent.agency_code)
                 .where(CentralEvent.uid.in_(uids)).tuples()}
        rows = []
        for record in chunk:
            owner = known.get(record["Uid"])
            if owner is not None and owner != agency:
                outcome.rejected.append({"kind": "TienDo", "uid": record["Uid"], "MaHoSo": record["MaHoSo"],
                                         "reason": "Uid đã thuộc bước xử lý của cơ quan khác"})
                continue
            outcome.accepted_events += 1
            if owner is not None:
                outcome.events_existing += 1
                continue
            outcome.events_new += 1
            rows.append({"uid": record["Uid"], "dossier_uid": record["HoSoUid"], "agency_code": agency,
                         "code": record["MaHoSo"], "at": parse_portal_datetime(record["ThoiDiemXuLy"]),
                         "action": record["HanhDong"], "status": int(record["TrangThai"]),
                         "record": canonical_json(record).decode("utf-8"), "day": day})
        if rows:
            CentralEvent.insert_many(rows).on_conflict_ignore().execute()


def _record_file(outcome: FileOutcome, now: datetime) -> None:
    values = dict(status=outcome.status, message=outcome.message, name=Path(outcome.path).name,
                  dossiers=outcome.accepted_dossiers, events=outcome.accepted_events,
                  rejected=json.dumps(outcome.rejected, ensure_ascii=False), applied_at=now)
    CentralFile.insert(agency_code=outcome.agency_code, day=outcome.day, revision=outcome.revision,
                       sha256=outcome.sha256, first_seen_at=now, **values).on_conflict(
        conflict_target=[CentralFile.agency_code, CentralFile.day, CentralFile.revision, CentralFile.sha256],
        update={getattr(CentralFile, k): v for k, v in values.items()}).execute()


def apply_inspection(report: Inspection, *, now: datetime) -> FileOutcome:
    """Load one verified file into the open central database (one transaction)."""
    outcome = FileOutcome(report.path, "refused", agency_code=report.agency_code, day=report.day,
                          revision=report.revision, sha256=report.sha256)
    if not report.file_ok:
        if report.problems:
            outcome.message = report.problems[0].message
        else:  # encrypted and no key: the operator's omission, not the commune's fault
            outcome.status = "skipped"
            outcome.message = "tệp đã mã hóa; cần khóa bí mật của tỉnh (--key) để nạp"
        if report.manifest is not None and outcome.status == "refused":
            with central.obj.atomic():
                _record_file(outcome, now)
        return outcome
    outcome.rejected = list(report.rejected)
    outcome.not_in_file = list(report.manifest.get("set_aside", []))
    with central.obj.atomic():
        done = CentralFile.get_or_none(
            (CentralFile.agency_code == outcome.agency_code) & (CentralFile.day == outcome.day)
            & (CentralFile.revision == outcome.revision) & (CentralFile.sha256 == outcome.sha256)
            & CentralFile.status.in_(RECEIVED))
        newest = CentralFile.select(fn.MAX(CentralFile.revision)).where(
            (CentralFile.agency_code == outcome.agency_code) & (CentralFile.day == outcome.day)
            & CentralFile.status.in_(RECEIVED)).scalar()
        if done is not None:
            outcome.status = "already_applied"
            outcome.accepted_dossiers, outcome.accepted_events = done.dossiers, done.events
            outcome.dossiers_unchanged = done.dossiers
            outcome.events_existing = done.events
        elif newest is not None and newest > outcome.revision:
            outcome.status = "superseded"
            outcome.message = f"tỉnh đã nạp lần xuất {newest} của ngày này"
        else:
            outcome.status = "applied"
            _apply_dossiers(report.dossiers, outcome, now)
            _apply_events(report.events, outcome)
        _record_file(outcome, now)
    return outcome


def default_files_dir(into: str) -> Path | None:
    """The content-addressed store of copies beside a central SQLite database (None for a
    URL: the operator names the folder)."""
    return None if "://" in into else Path(into).expanduser().resolve().parent / FOLDER_NAME


def apply_files(paths: list[str | Path], into: str, *, trust: Trust,
                province_key: ProvincePrivateKey | None = None, ack_dir: str | Path | None = None,
                write_acks: bool = True, now: datetime | None = None,
                progress: Callable[[int, int, FileOutcome], None] | None = None,
                files_dir: str | Path | None = None) -> ApplySummary:
    """Verify and apply every file into the central database ``into``; write the acks.
    The electronic copies a version-2 file names come from its companion file(s) beside it,
    into ``files_dir`` (default: ``tep-dinh-kem`` beside a SQLite central database).

    Each file on its own: whatever goes wrong with one (even an unexpected error, which is
    logged) refuses that file with its own message and the run goes on. Acks go to
    ``ack_dir``, else beside each agency's files (the folder of its first file).
    """
    now = now or clock()
    summary = ApplySummary()
    open_central(into)
    try:
        store_dir = Path(files_dir).expanduser() if files_dir else default_files_dir(into)
        for index, path in enumerate(paths, start=1):
            outcome = _apply_one(path, into, trust, province_key, now, store_dir)
            outcome.folder = str(Path(path).expanduser().resolve().parent)
            summary.files.append(outcome)
            if progress is not None:
                progress(index, len(paths), outcome)
    finally:
        close_central()
    if write_acks:
        by_agency: dict[str, list[FileOutcome]] = {}
        for outcome in summary.files:
            if outcome.agency_code and outcome.day and outcome.status != "skipped":
                by_agency.setdefault(outcome.agency_code, []).append(outcome)
        for agency, outcomes in sorted(by_agency.items()):
            unique = {(e["day"], e["revision"], e["sha256"]): e for e in (o.ack_entry() for o in outcomes)}
            doc = build_ack(agency, list(unique.values()), now=now, province_key=province_key)
            summary.acks.append(write_ack(doc, ack_dir if ack_dir is not None else outcomes[0].folder, now))
    return summary


def _apply_one(path: str | Path, into: str, trust: Trust, province_key: ProvincePrivateKey | None,
               now: datetime, files_dir: Path | None = None) -> FileOutcome:
    try:
        report = verify_file(path, trust=trust, province_key=province_key)
        outcome = apply_inspection(report, now=now)
        files = (report.manifest or {}).get("files")
        if files and outcome.status in RECEIVED:
            if files_dir is None:
                outcome.copies = FilesOutcome(problems=["cần chỉ thư mục lưu bản điện tử (--files-dir) khi cơ sở "
                                                        "dữ liệu tập trung là PostgreSQL"])
            else:
                outcome.copies = apply_companion(Path(path).expanduser().parent, files,
                                                 agency=outcome.agency_code, day=outcome.day, trust=trust,
                                                 province_key=province_key, store=FolderStore(files_dir))
        return outcome
    except MotCuaError as exc:
        return FileOutcome(str(path), "refused", str(exc))
    except Exception as exc:  # noqa: BLE001 - one file must never stop the others
        message = storage_message(exc, None if "://" in into else into)
        if message is None:
            log.exception("applying %s failed", path)
            message = ("lỗi không mong đợi khi nạp tệp này (đã ghi vào nhật ký của phần mềm); các tệp "
                       "khác vẫn được nạp")
        return FileOutcome(str(path), "refused", message)

