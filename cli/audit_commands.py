"""The audit log on the command line (leaders and admins): who did what, and what was refused."""
from __future__ import annotations

from models.audit import AuditRow, audit_log

from .context import Context, parse_day

# The actions' names as the log shows them (the rest print their key).
ACTION_NAMES = {
    "dossier.receive": "tiếp nhận", "dossier.forward": "chuyển xử lý",
    "dossier.supplement": "yêu cầu bổ sung", "dossier.resume": "nhận bổ sung",
    "dossier.extend": "gia hạn", "dossier.finish": "xử lý xong", "dossier.return": "trả kết quả",
    "dossier.refuse": "từ chối tiếp nhận", "dossier.withdraw": "rút hồ sơ", "dossier.stop": "dừng xử lý",
    "dossier.request_payment": "yêu cầu nghĩa vụ tài chính", "dossier.paid": "đã nộp nghĩa vụ tài chính",
    "officer.add": "thêm tài khoản", "officer.update": "sửa tài khoản", "officer.passwd": "đặt mật khẩu",
    "officer.unlock": "mở khóa đăng nhập", "officer.sign_in_locked": "khóa đăng nhập (nhập sai nhiều lần)",
    "settings.update": "sửa thông tin cơ quan", "catalog.import": "nhập danh mục",
    "holiday.set": "sửa lịch nghỉ", "holiday.remove": "bỏ ngày trong lịch", "form.print": "in phiếu",
    "sync.export": "xuất tệp đồng bộ", "sync.ack": "nhập xác nhận", "sync.keys": "khóa đồng bộ",
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
