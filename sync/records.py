"""A day's records, read from the counter's database in one consistent snapshot.

Which changes belong to a day: the SyncChange rows whose ``at`` (the moment the change was
written, counter time) falls on that day. The day file carries, for every dossier changed that
day, its state at the time of the export (a DongBoHoSoMC record) and, for every change that
day, its status event (a CapNhatTienDoHoSoMC record).

Each dossier record carries ``PhienBan``: how many changes the dossier has had. Changes are
only ever added, so a larger number is a later state, whatever day file carries it; the
province keeps the record with the largest PhienBan.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from peewee import fn

from models.db import is_postgres
from models.statuses import ACTION_NAMES
from models.tables import (
    DocumentName, Dossier, DossierDocument, DueDateChange, Officer, Procedure, StatusEvent,
    SyncChange, database,
)

from .format import portal_datetime
from .schema import day_validator

ROLE_TITLES = {"officer": "Công chức tiếp nhận", "leader": "Lãnh đạo", "admin": "Quản trị hệ thống"}
FEE_NAME = "Phí, lệ phí giải quyết thủ tục hành chính"


@dataclass
class DaySnapshot:
    day: date
    change_count: int = 0
    last_seq: int = 0
    dossiers: list[dict] = field(default_factory=list)  # HoSo records, sorted by MaHoSo
    events: list[dict] = field(default_factory=list)  # TienDo records, sorted by time
    set_aside: list[dict] = field(default_factory=list)  # {kind, uid, MaHoSo, reason}


def day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time.min)
    return start, start + timedelta(days=1)


def identity_type(number: str) -> int:
    """LoaiDinhDanh: 1 = 12-digit personal number, 2 = 9-digit CMND, 3 = organisation code."""
    if number.isdigit() and len(number) == 12:
        return 1
    if number.isdigit() and len(number) == 9:
        return 2
    return 3


def _data(text: str) -> dict:
    if not text:
        return {}
    value = json.loads(text)
    if not isinstance(value, dict):
        raise ValueError("event data is not an object")
    return value


def _reason(exc: Exception) -> str:
    # The exception text may quote the broken value (personal data): name only its kind.
    return f"dữ liệu trong cơ sở dữ liệu bị hỏng, không đọc được ({type(exc).__name__})"


def _authorised(text: str) -> dict | None:
    if not text:
        return None
    a = json.loads(text)
    return {"HoTen": a.get("name", ""), "SoDinhDanh": a.get("id_number", ""),
            "SoDienThoai": a.get("phone", ""), "Email": a.get("email", ""),
            "DiaChi": a.get("address", ""), "GiayUyQuyen": a.get("authorisation", "")}


def _officer_name(officers: dict, officer_id: int) -> str:
    return officers[officer_id][1]


def dossier_record(d: dict, *, version: int, documents: list[dict], events: list[dict],
                   due_changes: list[dict], officers: dict, agency_name: str) -> dict:
    """One DongBoHoSoMC record from the dossier row, its documents (already TaiLieuNop items,
    in order), its events and its due-date changes."""
    due_changes = sorted(due_changes, key=lambda c: (c["at"], c["id"]))

    def due_in_effect(at: datetime) -> datetime:
        current = None
        for change in due_changes:
            if change["at"] <= at:
                current = change["new_due_at"]
        return current or d["due_at"]

    rounds: list[dict] = []
    resumed = [c for c in due_changes if c["kind"] == "resume"]
    refused_at = None
    for e in events:
        if e["action"] == "supplement":
            data = _data(e["data"])
            missing = [str(m) for m in data.get("missing", [])]
            rounds.append({
                "HoSoBoSungId": e["uid"], "NguoiYeuCauBoSung": _officer_name(officers, e["officer_id"]),
                "NoiDungBoSung": "; ".join(missing), "DanhSachNoiDungBoSung": missing,
                "LyDo": str(data.get("reason", e["note"])), "NgayBoSung": portal_datetime(e["at"]),
                "NgayHenTraTruoc": portal_datetime(due_in_effect(e["at"])),
                "NguoiTiepNhanBoSung": "", "NgayTiepNhanBoSung": "", "TrangThaiBoSung": False,
                "NgayHenTraMoi": "",
            })
        elif e["action"] == "resume" and rounds and not rounds[-1]["TrangThaiBoSung"]:
            moved = next((c for c in resumed if c["at"] == e["at"]), None)
            if moved is not None:
                resumed.remove(moved)
            rounds[-1].update(NguoiTiepNhanBoSung=_officer_name(officers, e["officer_id"]),
                              NgayTiepNhanBoSung=portal_datetime(e["at"]), TrangThaiBoSung=True,
                              NgayHenTraMoi=portal_datetime(moved["new_due_at"] if moved else d["due_at"]))
        elif e["action"] == "refuse":
            refused_at = e["at"]
    extensions = [{
        "NgayGiaHan": portal_datetime(c["at"]), "NgayHenTraTruoc": portal_datetime(c["old_due_at"]),
        "NgayHenTraMoi": portal_datetime(c["new_due_at"]), "LyDo": c["reason"],
        "NguoiGiaHan": _officer_name(officers, c["officer_id"]),
    } for c in due_changes if c["kind"] == "extend"]
    number = d["applicant_id_number"]
    return {
        "Uid": d["uid"], "PhienBan": version, "MaCoQuan": d["agency_code"], "MaHoSo": d["code"],
        "MaTTHC": d["procedure_code"], "TenTTHC": d["procedure_name"], "MaLinhVuc": "",
        "TenLinhVuc": d["procedure_field"] or "",
        "ThoiHanGiaiQuyet": {"GiaTri": d["duration_value"], "DonVi": d["duration_unit"]},
        "KenhThucHien": d["channel"], "ChuHoSo": d["applicant_name"],
        "LoaiDoiTuong": d["applicant_kind"],
        "DinhDanhCHS": [{"LoaiDinhDanh": identity_type(number), "SoDinhDanh": number}] if number else [],
        "SoDienThoai": d["applicant_phone"], "Email": d["applicant_email"],
        "DiaChiChuHoSo": d["applicant_address"], "NguoiUyQuyen": _authorised(d["authorised_person"]),
        "TrichYeuHoSo": d["procedure_name"], "NgayTiepNhan": portal_datetime(d["received_at"]),
        "NgayHenTra": portal_datetime(d["due_at"]), "TrangThaiHoSo": d["status"],
        "NgayTra": portal_datetime(d["returned_at"]), "ThongTinTra": d["returned_to"],
        "HinhThuc": d["result_delivery"], "NgayKetThucXuLy": portal_datetime(d["finished_at"]),
        "NgayTuChoi": portal_datetime(refused_at), "DonViXuLy": d["processing_unit"] or agency_name,
        "GhiChu": d["notes"], "SoBoHoSo": d["sets"],
        "CanBoTiepNhan": _officer_name(officers, d["officer_id"]),
        "QuyenSo": d["register_volume"], "SoThuTuSo": d["register_number"],
        "NgayCapNhat": portal_datetime(d["updated_at"]),
        "TaiLieuNop": documents,
        "DanhSachLePhi": [{"TenPhiLePhi": FEE_NAME, "MaPhiLePhi": "", "HinhThucThu": "",
                           "Gia": d["fee"], "LoaiPhiLePhi": "1"}] if d["fee"] else [],
        "DanhSachHoSoBoSung": rounds, "DanhSachGiaHan": extensions, "DanhSachGiayToKetQua": [],
    }


def event_record(e: dict, *, dossier_uid: str, code: str, officers: dict) -> dict:
    """One CapNhatTienDoHoSoMC record from a status event."""
    data = _data(e["data"])
    username, full_name, role = officers[e["officer_id"]]
    action_name = ACTION_NAMES[e["action"]]
    return {
        "Uid": e["uid"], "HoSoUid": dossier_uid, "MaHoSo": code, "NguoiXuLy": full_name,
        "TenDangNhap": username, "ChucDanh": ROLE_TITLES.get(role, role),
        "ThoiDiemXuLy": portal_datetime(e["at"]),
        "PhongBanXuLy": str(data.get("unit", "")) if e["action"] == "forward" else "",
        "NoiDungXuLy": f"{action_name}: {e['note']}" if e["note"] else action_name,
        "TrangThai": e["to_status"], "TrangThaiTruoc": e["from_status"] or 0,
        "HanhDong": e["action"], "GhiChu": e["note"], "DuLieu": data,
    }


def _rows(query) -> list[dict]:
    """Raw rows as dicts keyed by column name (FKs as ``*_id``), without peewee's conversions:
    dates stay as the database returns them (text in SQLite), which portal_datetime takes."""
    cursor = database.obj.execute(query)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _grouped(rows: list[dict], key: str) -> dict[int, list[dict]]:
    groups: dict[int, list[dict]] = defaultdict(list)
    for row in rows:
        groups[row[key]].append(row)
    return groups


def _snapshot_transaction():
    """A read transaction that sees one consistent state of the database.

    SQLite in WAL mode gives every read transaction a snapshot; PostgreSQL needs REPEATABLE
    READ for the same (its default re-reads committed data at every statement).
    """
    db = database.obj
    transaction = db.atomic()
    if is_postgres(db):
        class _Repeatable:
            def __enter__(self):
                transaction.__enter__()
                db.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")

            def __exit__(self, *exc):
                return transaction.__exit__(*exc)
        return _Repeatable()
    return transaction


def read_day(day: date, *, agency_name: str = "") -> DaySnapshot:
    """Every change of ``day`` as records; broken records are set aside and named."""
    start, end = day_bounds(day)
    snapshot = DaySnapshot(day)
    validate_dossier, validate_event = day_validator("HoSo").errors, day_validator("TienDo").errors
    with _snapshot_transaction():
        in_day = (SyncChange.at >= start) & (SyncChange.at < end)
        changes = list(SyncChange.select(SyncChange.seq, SyncChange.dossier, SyncChange.event)
                       .where(in_day).order_by(SyncChange.seq).tuples())
        if not changes:
            return snapshot
        snapshot.change_count = len(changes)
        snapshot.last_seq = max(seq for seq, _, _ in changes)
        day_ids = SyncChange.select(SyncChange.dossier).where(in_day)
        dossiers = _rows(Dossier.select(Dossier, Procedure.field.alias("procedure_field"))
                         .join(Procedure).where(Dossier.id.in_(day_ids)))
        documents: dict[int, list[dict]] = defaultdict(list)
        for dossier_id, position, name, originals, copies in database.obj.execute(
                DossierDocument.select(DossierDocument.dossier, DossierDocument.position,
                                       DocumentName.name, DossierDocument.originals,
                                       DossierDocument.copies)
                .join(DocumentName)
                # TaiLieuNop: the papers handed in; those only shown (xuất trình) stay behind.
                .where(DossierDocument.dossier.in_(day_ids) & (DossierDocument.shown == False))  # noqa: E712
                .order_by(DossierDocument.dossier, DossierDocument.position)):
            documents[dossier_id].append({"ThuTu": position, "TenTepDinhKem": name,
                                          "SoBanChinh": originals, "SoBanSao": copies})
        events = _grouped(_rows(StatusEvent.select().where(StatusEvent.dossier.in_(day_ids))
                                .order_by(StatusEvent.at, StatusEvent.id)), "dossier_id")
        due_changes = _grouped(_rows(DueDateChange.select()
                                     .where(DueDateChange.dossier.in_(day_ids))), "dossier_id")
        versions = dict(SyncChange.select(SyncChange.dossier, fn.COUNT(SyncChange.seq))
                        .where(SyncChange.dossier.in_(day_ids)).group_by(SyncChange.dossier).tuples())
        officers = {o.id: (o.username, o.full_name, o.role) for o in Officer.select()}
    by_id = {d["id"]: d for d in dossiers}
    for d in dossiers:
        try:
            record = dossier_record(d, version=versions.get(d["id"], 1), documents=documents[d["id"]],
                                    events=events[d["id"]], due_changes=due_changes[d["id"]],
                                    officers=officers, agency_name=agency_name)
            problems = validate_dossier(record)
        except Exception as exc:  # noqa: BLE001 - one broken record must not stop the day
            problems = [_reason(exc)]
        if problems:
            snapshot.set_aside.append({"kind": "HoSo", "uid": d["uid"], "MaHoSo": d["code"],
                                       "reason": "; ".join(problems[:3])})
        else:
            snapshot.dossiers.append(record)
    wanted = {event_id: seq for seq, _, event_id in changes if event_id is not None}
    order: dict[str, int] = {}
    for dossier_id, rows in events.items():
        d = by_id[dossier_id]
        for e in rows:
            if e["id"] not in wanted:
                continue
            try:
                record = event_record(e, dossier_uid=d["uid"], code=d["code"], officers=officers)
                problems = validate_event(record)
            except Exception as exc:  # noqa: BLE001
                problems = [_reason(exc)]
            if problems:
                snapshot.set_aside.append({"kind": "TienDo", "uid": e["uid"], "MaHoSo": d["code"],
                                           "reason": "; ".join(problems[:3])})
            else:
                order[record["Uid"]] = wanted[e["id"]]
                snapshot.events.append(record)
    snapshot.dossiers.sort(key=lambda r: (r["MaHoSo"], r["Uid"]))
    snapshot.events.sort(key=lambda r: (r["ThoiDiemXuLy"], order[r["Uid"]]))
    snapshot.set_aside.sort(key=lambda r: (r["kind"], r["MaHoSo"], r["uid"]))
    return snapshot
