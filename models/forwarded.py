"""Progress of dossiers the commune forwarded to a higher level (hồ sơ liên thông), brought down
by a province package as CapNhatTienDoHoSoMC-style updates.

Each update moves the dossier as the workflow action that matches its new status would, and
joins the dossier's history as a status event whose uid is the update's ``Uid`` (so applying
it twice equals once) and whose data names the province's unit and person. The clock rules are
the workflow's: a supplement requested upstream stops the clock, its return moves the due date
by the paused working time, a finished result sets ``finished_at``.

Only dossiers that were forwarded (they have a "forward" step) are moved; an update that its
dossier's status does not allow is skipped and reported, never forced.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from .accounts import title_of
from .audit import audit
from .codes import normalise_dossier_code
from .errors import ValidationError
from .holidays_admin import load_calendar
from .statuses import FINANCIAL, FINISHED, PROCESSING, RECEIVED, RETURNED, STATUS_NAMES, STOPPED, SUPPLEMENT
from .tables import Dossier, DueDateChange, Officer, StatusEvent, SyncChange
from .text import clean

FUTURE_TOLERANCE = timedelta(minutes=10)
UID = re.compile(r"^[0-9A-Za-z_-]{8,64}$")  # as the day file's records require
PORTAL_DATETIME = "%Y%m%d%H%M%S"

# (status now, status the update brings) → the workflow action it amounts to
MOVES = {
    (RECEIVED, PROCESSING): "forward", (PROCESSING, PROCESSING): "forward",
    (RECEIVED, SUPPLEMENT): "supplement", (PROCESSING, SUPPLEMENT): "supplement",
    (SUPPLEMENT, PROCESSING): "resume",
    (RECEIVED, FINANCIAL): "request_payment", (PROCESSING, FINANCIAL): "request_payment",
    (FINANCIAL, PROCESSING): "paid",
    (RECEIVED, FINISHED): "finish", (PROCESSING, FINISHED): "finish", (FINANCIAL, FINISHED): "finish",
    (RECEIVED, STOPPED): "stop", (PROCESSING, STOPPED): "stop", (SUPPLEMENT, STOPPED): "stop",
    (FINANCIAL, STOPPED): "stop",
    (FINISHED, RETURNED): "return",
}


@dataclass(frozen=True)
class StatusUpdate:
    uid: str
    dossier_uid: str
    code: str
    at: datetime
    status: int
    content: str
    actor: str
    unit: str
    data: dict


def parse_update(item: object) -> StatusUpdate:
    if not isinstance(item, dict):
        raise ValidationError({"": "Cập nhật tiến độ phải là một đối tượng JSON."})
    try:
        at = datetime.strptime(str(item.get("ThoiDiemXuLy", "")), PORTAL_DATETIME)
    except ValueError:
        raise ValidationError({"ThoiDiemXuLy": "Thời điểm xử lý phải có dạng yyyyMMddHHmmss."}) from None
    status = item.get("TrangThai")
    if isinstance(status, bool) or not isinstance(status, int) or status not in STATUS_NAMES:
        raise ValidationError({"TrangThai": "Trạng thái phải là số từ 1 đến 10."})
    uid = clean(item.get("Uid"))
    if not UID.match(uid):
        raise ValidationError({"Uid": "Uid của cập nhật thiếu hoặc không đúng dạng (8–64 chữ, số, - hoặc _)."})
    data = item.get("DuLieu") or {}
    return StatusUpdate(uid, clean(item.get("HoSoUid")), normalise_dossier_code(str(item.get("MaHoSo") or "")),
                        at, status, clean(item.get("NoiDungXuLy")), clean(item.get("NguoiXuLy")),
                        clean(item.get("PhongBanXuLy")), data if isinstance(data, dict) else {})


@dataclass
class UpdateReport:
    applied: list[dict] = field(default_factory=list)  # {uid, code, status}
    already: list[dict] = field(default_factory=list)  # {uid, code}
    skipped: list[dict] = field(default_factory=list)  # {uid, code, reason}

    def to_dict(self) -> dict:
        return {"applied": self.applied, "already": self.already, "skipped": self.skipped}


def _find(update: StatusUpdate) -> Dossier | None:
    if update.dossier_uid:
        row = Dossier.get_or_none(Dossier.uid == update.dossier_uid)
        if row is not None:
            return row
    if update.code:
        return Dossier.get_or_none((Dossier.code == update.code) | (Dossier.portal_code == update.code))
    return None


def apply_updates(items: list, *, by: Officer, now: datetime, package_sequence: int | None = None) -> UpdateReport:
    """Apply the province's updates in time order. Call inside the package's write transaction."""
    report = UpdateReport()
    parsed = []
    for index, item in enumerate(items, start=1):
        try:
            parsed.append(parse_update(item))
        except ValidationError as exc:
            uid = clean(item.get("Uid")) if isinstance(item, dict) else ""
            report.skipped.append({"uid": uid or f"#{index}", "code": "", "reason": str(exc)})
    calendar = None
    for update in sorted(parsed, key=lambda u: (u.at, u.uid)):
        if StatusEvent.select().where(StatusEvent.uid == update.uid).exists():
            report.already.append({"uid": update.uid, "code": update.code})
            continue
        row = _find(update)
        if row is None:
            report.skipped.append({"uid": update.uid, "code": update.code,
                                   "reason": "Không có hồ sơ này ở Bộ phận Một cửa."})
            continue
        if not StatusEvent.select().where((StatusEvent.dossier == row.id)
                                          & (StatusEvent.action == "forward")).exists():
            report.skipped.append({"uid": update.uid, "code": row.code,
                                   "reason": "Hồ sơ chưa được chuyển xử lý nên không nhận cập nhật của cấp trên."})
            continue
        action = MOVES.get((row.status, update.status))
        if action is None:
            report.skipped.append({"uid": update.uid, "code": row.code, "reason": (
                f"Hồ sơ đang ở trạng thái “{STATUS_NAMES[row.status]}”, không chuyển sang "
                f"“{STATUS_NAMES[update.status]}” được.")})
            continue
        if update.at > now + FUTURE_TOLERANCE:
            report.skipped.append({"uid": update.uid, "code": row.code,
                                   "reason": "Thời điểm xử lý ở tương lai so với đồng hồ của máy."})
            continue
        if action == "return" and not clean(update.data.get("recipient")):
            report.skipped.append({"uid": update.uid, "code": row.code,
                                   "reason": "Cập nhật trả kết quả thiếu người nhận (DuLieu.recipient)."})
            continue
        calendar = calendar or load_calendar()
        _move(row, update, action, by, now, package_sequence, calendar)
        report.applied.append({"uid": update.uid, "code": row.code, "status": update.status})
    return report


def _move(row: Dossier, update: StatusUpdate, action: str, by: Officer, now: datetime,
          package_sequence: int | None, calendar) -> None:
    last = StatusEvent.select(StatusEvent.at).where(StatusEvent.dossier == row.id) \
        .order_by(StatusEvent.at.desc()).scalar()
    # The history stays in order: a time before the dossier's last step (clocks differ) is
    # recorded at that step's time, the province's own time kept in the data.
    at = max(update.at, last) if last is not None else update.at
    data = {"source": "province", "package": package_sequence, "province_time": update.at.isoformat(),
            "actor": update.actor, "unit": update.unit}
    previous = row.status
    if action == "forward":
        if update.unit:
            row.processing_unit = update.unit
    elif action == "supplement":
        row.paused_at = at
        data.update(missing=[update.content or "Theo yêu cầu của cấp trên"], reason=update.content)
    elif action == "resume":
        paused = calendar.working_minutes_between(row.paused_at, at) if row.paused_at else 0
        new_due = calendar.add_working_minutes(row.due_at, paused) if paused else row.due_at
        DueDateChange.create(dossier=row, at=at, kind="resume", old_due_at=row.due_at, new_due_at=new_due,
                             reason=f"Tạm dừng {paused} phút làm việc chờ bổ sung hồ sơ (cấp trên)",
                             officer=by)
        data.update(old_due_at=row.due_at.isoformat(), new_due_at=new_due.isoformat(), paused_minutes=paused)
        row.due_at, row.paused_at = new_due, None
    elif action == "finish":
        row.finished_at = at
    elif action == "return":
        row.returned_at, row.returned_to = at, clean(update.data.get("recipient"))
        data["recipient"] = row.returned_to
    elif action == "stop":
        data["reason"] = update.content
    row.status = update.status
    row.updated_at = now
    row.save()
    by_whom = " – ".join(x for x in (update.unit, update.actor) if x)
    note = update.content + (f" ({by_whom})" if by_whom else "")
    event = StatusEvent.create(uid=update.uid, dossier=row, action=action, from_status=previous,
                               to_status=row.status, at=at, officer=by, note=note or "Cập nhật của cấp trên",
                               officer_title=title_of(by),
                               data=json.dumps(data, ensure_ascii=False, default=str))
    SyncChange.create(dossier=row, event=event, at=now)
    audit("dossier.province_update", by, "dossier", row.code,
          {"uid": update.uid, "status": update.status, "package": package_sequence}, at=now)
