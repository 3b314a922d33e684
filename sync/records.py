"""A day's records, built from the rows models.sync_source reads in one consistent snapshot.

Which changes belong to a day: the SyncChange rows whose ``at`` (the moment the change was
written, counter time) falls on that day. The day file carries, for every dossier changed that
day, its state at the time of the export (a DongBoHoSoMC record) and, for every change that
day, its status event (a CapNhatTienDoHoSoMC record).

Values are typed as the provincial systems' DongBoHoSoMC clients type them (strings for the
portal's codes and flags: "1"/"0", "2" …; docs/sync-format.md §4 lists each field and why).

Each dossier record carries ``PhienBan``: how many changes the dossier has had (plus, after a
restore from backup, the versions already sent before it: models.restore). Changes are only
ever added, so a larger number is a later state, whatever day file carries it; the province
keeps the record with the largest PhienBan.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime

from models.limits import TEXT_MAX
from models.statuses import ACTION_NAMES
from models.sync_source import read_day_rows
from models.text import fold

from .citizen_records import fee_items, fee_payment, rating_items
from .format import copy_path, portal_datetime
from .schema import day_validator

ROLE_TITLES = {"officer": "Công chức tiếp nhận", "leader": "Lãnh đạo", "admin": "Quản trị hệ thống"}


@dataclass
class DaySnapshot:
    day: date
    change_count: int = 0
    last_seq: int = 0
    dossiers: list[dict] = field(default_factory=list)  # HoSo records, sorted by MaHoSo
    events: list[dict] = field(default_factory=list)  # TienDo records, sorted by time
    set_aside: list[dict] = field(default_factory=list)  # {kind, uid, MaHoSo, reason}
    last_change: dict[str, int] = field(default_factory=dict)  # dossier uid → its last seq today
    # The electronic copies attached this day that the records name (SHA-256 → size): they
    # travel in the day's companion file (sync.companion).
    new_copies: dict[str, int] = field(default_factory=dict)
    # What the province will miss in the records, for the officer (Vietnamese): a field with no
    # code (MaLinhVuc), an account with no title (ChucDanh). Not part of the file.
    warnings: list[str] = field(default_factory=list)

    def versions_since(self, seq: int) -> list[tuple[str, str, int]]:
        """(uid, code, PhienBan) of the dossiers changed after change ``seq``."""
        return [(r["Uid"], r["MaHoSo"], r["PhienBan"]) for r in self.dossiers
                if self.last_change.get(r["Uid"], 0) > seq]


def identity_type(number: str) -> str:
    """LoaiDinhDanh: "1" = 12-digit personal number, "2" = 9-digit CMND, "3" = organisation code."""
    if number.isdigit() and len(number) == 12:
        return "1"
    if number.isdigit() and len(number) == 9:
        return "2"
    return "3"


def flag(value: bool) -> str:
    """A yes/no of the portal: "1" or "0"."""
    return "1" if value else "0"


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


def _copy_fields(copy: dict | None) -> dict:
    """A copy's reference in a record: where it lives in the store, its SHA-256, pages, size."""
    if copy is None:
        return {"DuongDanTaiTepTin": "", "MaBamSHA256": "", "SoTrang": None, "KichThuoc": None}
    return {"DuongDanTaiTepTin": copy_path(copy["sha256"]), "MaBamSHA256": copy["sha256"],
            "SoTrang": copy["pages"], "KichThuoc": copy["bytes"]}


def digitised_documents(documents: list[dict], copies: list[dict], *, paper_codes: dict[str, str] | None = None,
                        result_codes: list[tuple[str, str]] | None = None) -> tuple[list[dict], list[dict], bool]:
    """(TaiLieuNop with DuocSoHoa, DuocTaiSuDung, MaThanhPhanHoSo and the copy's reference;
    DanhSachGiayToKetQua; whether every paper is digitised) from the papers, their current
    copies and the procedure's codes in the catalog.

    The codes are the catalog's at export time, matched by the paper's name (folded): a code
    the province sends after a dossier was received still reaches its later records. The
    result's code is the one of the catalog's result of the same name, else the first listed
    (the procedure's main result, as the provincial systems send MaKetQuaChinh)."""
    papers = {c["paper"]: c for c in copies if c["kind"] == "paper"}
    codes = {fold(name): code for name, code in (paper_codes or {}).items()}
    items = []
    for doc in documents:
        copy = papers.get(doc["ThuTu"])
        items.append({**doc, "MaThanhPhanHoSo": codes.get(fold(doc["TenTepDinhKem"]), ""),
                      "DuocSoHoa": flag(copy is not None), "DuocTaiSuDung": flag(bool(copy and copy["reused"])),
                      # Taken from the national store of documents (kho dữ liệu): never at a counter.
                      "DuocLayTuKhoDMQG": "0", **_copy_fields(copy)})
    listed = [(fold(name), code) for name, code in (result_codes or []) if code]
    results = []
    for c in (c for c in copies if c["kind"] == "result"):
        name = c["name"] or "Kết quả giải quyết"
        code = next((code for folded, code in listed if folded == fold(name)), listed[0][1] if listed else "")
        results.append({"TenGiayTo": name, "MaGiayToKetQua": code, **_copy_fields(c)})
    return items, results, bool(items) and all(i["DuocSoHoa"] == "1" for i in items)


# NoiNopHoSo: where the dossier was filed, a code. "2": the local one-stop system (the
# province's, of which the commune's counter is part), as the provincial systems send it for
# every dossier they hold, at the counter, by post or online through them; "1" would be the
# national portal itself. The channel stays in KenhThucHien. docs/sync-format.md §4.
SUBMITTED_LOCALLY = "2"
# DuocThanhToanTrucTuyen: "0" — fees are paid at the counter (cash or transfer), never online.
NOT_PAID_ONLINE = "0"


def dossier_record(d: dict, *, version: int, documents: list[dict], events: list[dict],
                   due_changes: list[dict], officers: dict, agency_name: str,
                   fee: dict | None = None, ratings: list[dict] | None = None,
                   copies: list[dict] | None = None, paper_codes: dict[str, str] | None = None,
                   result_codes: list[tuple[str, str]] | None = None) -> dict:
    """One DongBoHoSoMC record from the dossier row, its documents (already TaiLieuNop items,
    in order), its events, its due-date changes, its fee row, its ratings
    (sync.citizen_records) and its current electronic copies (models.attachments)."""
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
                # An int on the portal: the round's number in this dossier (1, 2 …), stable
                # whatever database the dossier is in (the event's uid is in its TienDo record).
                "HoSoBoSungId": len(rounds) + 1, "NguoiYeuCauBoSung": _officer_name(officers, e["officer_id"]),
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
    papers, results, digitised = digitised_documents(documents, copies or [], paper_codes=paper_codes,
                                                     result_codes=result_codes)
    return {
        "Uid": d["uid"], "PhienBan": version, "MaCoQuan": d["agency_code"], "MaHoSo": d["code"],
        "MaTTHC": d.get("procedure_national_code") or d["procedure_code"], "TenTTHC": d["procedure_name"],
        "MaLinhVuc": d.get("procedure_field_code") or "",
        "TenLinhVuc": d["procedure_field"] or "",
        "ThoiHanGiaiQuyet": {"GiaTri": d["duration_value"], "DonVi": d["duration_unit"]},
        "KenhThucHien": str(d["channel"]), "ChuHoSo": d["applicant_name"],
        "LoaiDoiTuong": str(d["applicant_kind"]),
        "DinhDanhCHS": [{"LoaiDinhDanh": identity_type(number), "SoDinhDanh": number}] if number else [],
        "SoDienThoai": d["applicant_phone"], "Email": d["applicant_email"],
        "DiaChiChuHoSo": d["applicant_address"], "NguoiUyQuyen": _authorised(d["authorised_person"]),
        "TrichYeuHoSo": d["procedure_name"], "NgayTiepNhan": portal_datetime(d["received_at"]),
        "NgayHenTra": portal_datetime(d["due_at"]), "TrangThaiHoSo": str(d["status"]),
        "NgayTra": portal_datetime(d["returned_at"]), "ThongTinTra": d["returned_to"],
        "HinhThuc": str(d["result_delivery"]), "NgayKetThucXuLy": portal_datetime(d["finished_at"]),
        "NgayTuChoi": portal_datetime(refused_at), "DonViXuLy": d["processing_unit"] or agency_name,
        "GhiChu": d["notes"], "SoBoHoSo": d["sets"],
        "CanBoTiepNhan": _officer_name(officers, d["officer_id"]),
        "QuyenSo": d["register_volume"], "SoThuTuSo": d["register_number"],
        "NgayCapNhat": portal_datetime(d["updated_at"]),
        "TaiLieuNop": papers, "HoSoCoThanhPhanSoHoa": flag(digitised),
        "SoGiayToChuHoSo": number, "NgayNopHoSo": portal_datetime(d["received_at"]),
        "NoiNopHoSo": SUBMITTED_LOCALLY, "DuocThanhToanTrucTuyen": NOT_PAID_ONLINE,
        "DanhSachLePhi": fee_items(d, fee), "ThuPhiLePhi": fee_payment(fee, officers),
        "DanhGiaHaiLong": rating_items(ratings or []),
        "DanhSachHoSoBoSung": rounds, "DanhSachGiaHan": extensions, "DanhSachGiayToKetQua": results,
    }


def role_title(roles: str, action: str, data: dict, backdated: bool) -> str:
    """The role the step was done in, for an account with no title (chức danh): a leader's
    act (a stop, a late extension, a second supplement request, a backdated record) by a
    leader, otherwise the officer's work."""
    held = roles.split(",")
    leaders_act = (action == "stop" or backdated or bool(data.get("overdue"))
                   or int(data.get("round") or 1) > 1)
    for role in (("leader",) if leaders_act else ()) + ("officer", "leader", "admin"):
        if role in held:
            return ROLE_TITLES[role]
    return ""


def step_title(e: dict, officer: tuple) -> str:
    """ChucDanh: the title the officer held when the step was recorded (kept with the step,
    so a province reading an old step never sees a title the person got later); for a step
    recorded before titles were kept, the account's title now; for an account with no title,
    the role the step was done in (role_title)."""
    return e.get("officer_title") or (officer[3] if len(officer) > 3 else "")


def event_record(e: dict, *, dossier_uid: str, code: str, officers: dict) -> dict:
    """One CapNhatTienDoHoSoMC record from a status event. A step a leader recorded at an
    earlier moment carries the real moment and the reason in DuLieu (ThoiDiemGhiNhan, LyDoGhiLui)."""
    data = _data(e["data"])
    officer = officers[e["officer_id"]]
    username, full_name, roles = officer[:3]
    action_name = ACTION_NAMES[e["action"]]
    backdated = bool(e.get("backdate_reason"))
    if backdated:
        data = {**data, "ThoiDiemGhiNhan": portal_datetime(e.get("recorded_at")),
                "LyDoGhiLui": e["backdate_reason"]}
    return {
        "Uid": e["uid"], "HoSoUid": dossier_uid, "MaHoSo": code, "NguoiXuLy": full_name,
        "TenDangNhap": username,
        "ChucDanh": step_title(e, officer) or role_title(roles, e["action"], data, backdated),
        "ThoiDiemXuLy": portal_datetime(e["at"]),
        "PhongBanXuLy": str(data.get("unit", "")) if e["action"] == "forward" else "",
        "NoiDungXuLy": f"{action_name}: {e['note']}" if e["note"] else action_name,
        "TrangThai": str(e["to_status"]), "TrangThaiTruoc": e["from_status"] or 0,
        "HanhDong": e["action"], "GhiChu": e["note"], "DuLieu": data,
    }


def read_day(day: date, *, agency_name: str = "") -> DaySnapshot:
    """Every change of ``day`` as records; broken records are set aside and named.

    A dossier that cannot be written is set aside with its events of the day: the province
    must not hold the steps of a dossier it does not have. Each set-aside record keeps the day
    "not delivered" at the counter (sync.history) until a later export carries it.
    """
    rows = read_day_rows(day)
    snapshot = DaySnapshot(day)
    if not rows.changes:
        return snapshot
    snapshot.change_count = len(rows.changes)
    snapshot.last_seq = max(seq for seq, _, _ in rows.changes)
    last_by_id: dict[int, int] = {}
    for seq, dossier_id, _event in rows.changes:
        last_by_id[dossier_id] = max(seq, last_by_id.get(dossier_id, 0))
    validate_dossier, validate_event = day_validator("HoSo").errors, day_validator("TienDo").errors
    by_id = {d["id"]: d for d in rows.dossiers}
    left_out: set[int] = set()
    for d in rows.dossiers:
        try:
            record = dossier_record(d, version=rows.versions.get(d["id"], 1),
                                    documents=rows.documents[d["id"]], events=rows.events[d["id"]],
                                    due_changes=rows.due_changes[d["id"]], officers=rows.officers,
                                    agency_name=agency_name, fee=rows.fees.get(d["id"]),
                                    ratings=rows.ratings.get(d["id"]), copies=rows.copies.get(d["id"]),
                                    paper_codes=rows.paper_codes.get(d["procedure_id"]),
                                    result_codes=rows.result_codes.get(d["procedure_id"]))
            problems = validate_dossier(record)
        except Exception as exc:  # noqa: BLE001 - one broken record must not stop the day
            problems = [_reason(exc)]
        if problems:
            left_out.add(d["id"])
            snapshot.set_aside.append({"kind": "HoSo", "uid": _label(d["uid"]), "MaHoSo": _label(d["code"]),
                                       "reason": _reason_text(problems)})
        else:
            snapshot.dossiers.append(record)
            snapshot.last_change[record["Uid"]] = last_by_id.get(d["id"], 0)
            for copy in rows.copies.get(d["id"], ()):
                if str(copy["attached_at"])[:10] == day.isoformat():
                    snapshot.new_copies[copy["sha256"]] = copy["bytes"]
    wanted = {event_id: seq for seq, _, event_id in rows.changes if event_id is not None}
    order: dict[str, int] = {}
    untitled: set[str] = set()
    for dossier_id, events in rows.events.items():
        d = by_id[dossier_id]
        for e in events:
            if e["id"] not in wanted:
                continue
            if dossier_id in left_out:
                problems = ["hồ sơ của bước xử lý này không xuất được (xem bản ghi HoSo để riêng)"]
            else:
                try:
                    record = event_record(e, dossier_uid=d["uid"], code=d["code"], officers=rows.officers)
                    problems = validate_event(record)
                except Exception as exc:  # noqa: BLE001
                    problems = [_reason(exc)]
            if problems:
                snapshot.set_aside.append({"kind": "TienDo", "uid": _label(e["uid"]),
                                           "MaHoSo": _label(d["code"]), "reason": _reason_text(problems)})
            else:
                order[record["Uid"]] = wanted[e["id"]]
                snapshot.events.append(record)
                if not step_title(e, rows.officers[e["officer_id"]]):
                    untitled.add(record["TenDangNhap"])
    snapshot.warnings = _warnings(snapshot, untitled)
    snapshot.dossiers.sort(key=lambda r: (r["MaHoSo"], r["Uid"]))
    snapshot.events.sort(key=lambda r: (r["ThoiDiemXuLy"], order[r["Uid"]]))
    snapshot.set_aside.sort(key=lambda r: (r["kind"], r["MaHoSo"], r["uid"]))
    return snapshot


def _warnings(snapshot: DaySnapshot, untitled: set[str]) -> list[str]:
    """What the province will find missing: fields without a code, accounts without a title
    (``untitled``: the user names whose steps carry a role instead)."""
    uncoded: dict[str, int] = {}
    for r in snapshot.dossiers:
        if not r["MaLinhVuc"]:
            name = r["TenLinhVuc"] or "(không ghi lĩnh vực)"
            uncoded[name] = uncoded.get(name, 0) + 1
    warnings = [f"Lĩnh vực “{name}” chưa có mã lĩnh vực (MaLinhVuc): {count} hồ sơ gửi tỉnh với mã trống. "
                "Quản trị viên nhập mã theo danh mục của tỉnh (lệnh catalog field-code hoặc "
                "Danh mục › Mã lĩnh vực…)." for name, count in sorted(uncoded.items())]
    return warnings + [f"Tài khoản “{u}” chưa có chức danh: bước xử lý gửi tỉnh ghi chức danh theo vai trò "
                       "(ChucDanh). Quản trị viên nhập chức danh (lệnh officers update --title hoặc "
                       "Cài đặt › Cán bộ)." for u in sorted(untitled)]


def _label(value: object) -> str:
    """A uid or code as the manifest may carry it (64 characters at most)."""
    return value[:64] if isinstance(value, str) else ""


def _reason_text(problems: list[str]) -> str:
    return "; ".join(problems[:3])[:TEXT_MAX]
