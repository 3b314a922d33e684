"""The audit log on the command line (leaders and admins): who did what, and what was refused."""
from __future__ import annotations

from models.audit import AuditRow, audit_log
from models.statuses import ACTION_NAMES as STEP_NAMES

from .context import Context, parse_day

# The actions' names as the log shows them (the dossier steps by their workflow names; any
# other action prints its key).
ACTION_NAMES = {
    **{f"dossier.{key}": name for key, name in STEP_NAMES.items()},
    "officer.add": "Thêm tài khoản", "officer.update": "Sửa tài khoản", "officer.passwd": "Đặt mật khẩu",
    "officer.unlock": "Mở khóa đăng nhập", "officer.sign_in_locked": "Khóa đăng nhập (nhập sai nhiều lần)",
    "settings.update": "Sửa thông tin cơ quan", "catalog.import": "Nhập danh mục",
    "holiday.set": "Sửa lịch nghỉ", "holiday.remove": "Bỏ ngày trong lịch", "form.print": "In phiếu",
    "sync.export": "Xuất tệp đồng bộ", "sync.ack": "Nhập xác nhận của tỉnh", "sync.keys": "Khóa đồng bộ",
}


def register(commands) -> None:
    p = commands.add_parser("audit", help="nhật ký thao tác: ai làm gì, lúc nào, và các thao tác bị từ chối "
                                          "(lãnh đạo, quản trị)")
    p.add_argument("--from", dest="date_from", metavar="NGÀY", help="từ ngày (dd/mm/yyyy hoặc YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", metavar="NGÀY", help="đến hết ngày")
    # Here --officer filters the log; the account that reads it is given before the command
    # (`motcua --officer lan audit --officer hung`) or is the default officer.
    p.add_argument("--officer", dest="actor", default="", metavar="TÊN_ĐĂNG_NHẬP",
                   help="chỉ các thao tác của cán bộ này")
    p.add_argument("--code", default="", metavar="MÃ_HỒ_SƠ", help="chỉ các thao tác trên hồ sơ này")
    p.add_argument("--limit", type=int, help="tối đa bao nhiêu dòng")
    p.set_defaults(handler=cmd_audit)


def _line(row: AuditRow) -> str:
    who = f"{row.actor} ({row.actor_name})" if row.actor else "hệ thống"
    what = ACTION_NAMES.get(row.action, row.action)
    target = f" {row.entity_id}" if row.entity_id else ""
    if row.refused:
        return f"{row.at:%H:%M:%S %d/%m/%Y}  {who}  BỊ TỪ CHỐI – {what}{target}: {row.details['refused']}"
    return f"{row.at:%H:%M:%S %d/%m/%Y}  {who}  {what}{target}"


def cmd_audit(ctx: Context) -> None:
    a = ctx.args
    rows = audit_log(by=ctx.officer(), date_from=a.date_from and parse_day(a.date_from, "from"),
                     date_to=a.date_to and parse_day(a.date_to, "to"), officer=a.actor, code=a.code,
                     limit=a.limit)
    ctx.emit([r.to_dict() for r in rows], [_line(r) for r in rows] + [f"Tổng số: {len(rows)} dòng"])
