"""Dossier commands: intake, show, search, list and the workflow actions."""
from __future__ import annotations

import sys

from models import workflow
from models.dossiers import DossierView, get_dossier
from models.limits import LIST_LIMIT_MAX
from models.intake import IntakeRequest, parse_local_datetime, receive
from models.safe_json import SMALL_FILE, parse_document, read_json
from models.search import DossierFilter, list_dossiers, search
from models.statuses import STATUS_NAMES

from .context import Context, fmt_dt, parse_day
from .options import INT64_MAX, whole


def register(commands) -> None:
    p = commands.add_parser("intake", help="tiếp nhận một hồ sơ từ tệp JSON (hoặc - là stdin)")
    p.add_argument("--from-json", required=True, metavar="FILE|-")
    p.set_defaults(handler=cmd_intake)

    p = commands.add_parser("show", help="xem toàn bộ thông tin một hồ sơ")
    p.add_argument("code")
    p.set_defaults(handler=cmd_show, read_only=True)

    p = commands.add_parser("search", help="tìm theo mã hồ sơ, số định danh, điện thoại hoặc họ tên")
    p.add_argument("text", nargs="+")
    p.add_argument("--limit", type=whole(1, LIST_LIMIT_MAX), default=50, help=f"tối đa {LIST_LIMIT_MAX}")
    p.set_defaults(handler=cmd_search, read_only=True)

    p = commands.add_parser("list", help="danh sách hồ sơ theo bộ lọc (mới nhất trước)")
    p.add_argument("--status", type=whole(1, 10), action="append", choices=sorted(STATUS_NAMES),
                   help="mã trạng thái 1–10 (có thể lặp lại)")
    p.add_argument("--from", dest="date_from", help="tiếp nhận từ ngày YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", help="tiếp nhận đến hết ngày YYYY-MM-DD")
    p.add_argument("--procedure", default="", help="mã thủ tục")
    p.add_argument("--late", action="store_true", help="chỉ hồ sơ quá hạn")
    p.add_argument("--due-soon", action="store_true", help="chỉ hồ sơ sắp đến hạn (trong 1 ngày)")
    p.add_argument("--text", default="", help="lọc thêm theo mã, số định danh, điện thoại, họ tên")
    p.add_argument("--limit", type=whole(1, LIST_LIMIT_MAX), default=50, help=f"tối đa {LIST_LIMIT_MAX}")
    p.add_argument("--after", type=whole(1, INT64_MAX), help="trang sau: id của hồ sơ cuối trang trước")
    p.set_defaults(handler=cmd_list, read_only=True)

    def action(name: str, help_text: str, handler, *arguments) -> None:
        p = commands.add_parser(name, help=help_text)
        p.add_argument("code")
        for args, kwargs in arguments:
            p.add_argument(*args, **kwargs)
        p.add_argument("--at", help="thời điểm thực hiện (ISO), mặc định: bây giờ")
        p.set_defaults(handler=handler)

    note = (("--note",), {"default": ""})
    action("forward", "chuyển hồ sơ cho bộ phận xử lý", cmd_forward,
           (("--unit",), {"default": "", "help": "đơn vị/bộ phận xử lý"}), note)
    action("supplement", "yêu cầu bổ sung, hoàn thiện hồ sơ (dừng tính thời gian)", cmd_supplement,
           (("--missing",), {"nargs": "+", "required": True, "help": "các nội dung cần bổ sung"}),
           (("--reason",), {"required": True}))
    action("resume", "nhận hồ sơ bổ sung, tiếp tục xử lý (dời ngày hẹn)", cmd_resume, note)
    action("extend", "hẹn lại ngày trả kết quả (kèm phiếu xin lỗi)", cmd_extend,
           (("--new-due",), {"required": True, "help": "ngày hẹn mới (ISO)"}),
           (("--reason",), {"required": True}))
    action("finish", "đánh dấu đã xử lý xong", cmd_finish, note)
    action("return", "trả kết quả cho công dân", cmd_return,
           (("--recipient",), {"required": True, "help": "họ tên người nhận"}), note)
    action("refuse", "từ chối tiếp nhận", cmd_refuse, (("--reason",), {"required": True}))
    action("withdraw", "công dân rút hồ sơ", cmd_withdraw, (("--reason",), {"default": ""}))
    action("stop", "dừng xử lý hồ sơ", cmd_stop, (("--reason",), {"required": True}))
    action("request-payment", "yêu cầu thực hiện nghĩa vụ tài chính", cmd_request_payment,
           (("--note",), {"required": True}))
    action("paid", "công dân đã thực hiện nghĩa vụ tài chính", cmd_paid, note)


def dossier_lines(d: DossierView) -> list[str]:
    lines = [
        f"Mã hồ sơ:       {d.code}",
        *([f"Mã trên Cổng:   {d.portal_code} (nộp trực tuyến)"] if d.portal_code else []),
        f"Trạng thái:     {d.status_name}" + (" – QUÁ HẠN" if d.late else " – sắp đến hạn" if d.due_soon else ""),
        f"Thủ tục:        {d.procedure_name} ({d.procedure_code})",
        f"Người nộp:      {d.applicant_name} – {d.applicant_id_number}",
        f"Tiếp nhận lúc:  {fmt_dt(d.received_at)} – cán bộ {d.officer_name}",
        f"Hẹn trả:        {fmt_dt(d.due_at)} ({d.time_limit_text})",
    ]
    if d.status == 1:  # an online dossier waiting: submitted, not received yet (models.online)
        lines[-2:] = [f"Nộp trực tuyến: {fmt_dt(d.received_at)} – chờ kiểm tra và tiếp nhận (accept) hoặc từ chối",
                      f"Hẹn trả:        chưa có (tính khi tiếp nhận; {d.time_limit_text})"]
    for event in d.events:
        lines.append(f"  {fmt_dt(event.at)}  {event.action_name}"
                     + (f": {event.note}" if event.note else "") + f" ({event.officer_name})")
    if d.attachments:
        lines.append("Bản điện tử (số hóa):")
        lines += [f"  {a.label} – {a.pages} trang, SHA-256 {a.sha256[:12]}…" for a in d.attachments]
    for warning in d.warnings:
        lines.append(f"Lưu ý: {warning}")
    return lines


def _emit_dossier(ctx: Context, d: DossierView) -> None:
    ctx.emit(d.to_dict(), dossier_lines(d))


def _emit_list(ctx: Context, rows: list[DossierView]) -> None:
    ctx.emit([r.to_dict() for r in rows],
             [f"{r.code:<28} {r.status_name:<22} {fmt_dt(r.due_at) if r.status != 1 else '':<17} {r.applicant_name}"
              for r in rows]
             + [f"Tổng số: {len(rows)} hồ sơ"])


def cmd_intake(ctx: Context) -> None:
    source = ctx.args.from_json
    if source == "-":
        data = parse_document(sys.stdin.buffer.read(SMALL_FILE + 1), "Dữ liệu tiếp nhận (stdin)")
    else:
        data = read_json(source, "dữ liệu tiếp nhận")
    _emit_dossier(ctx, receive(IntakeRequest.from_dict(data), ctx.officer()))


def cmd_show(ctx: Context) -> None:
    _emit_dossier(ctx, get_dossier(ctx.args.code))


def cmd_search(ctx: Context) -> None:
    _emit_list(ctx, search(" ".join(ctx.args.text), limit=ctx.args.limit))


def cmd_list(ctx: Context) -> None:
    a = ctx.args
    flt = DossierFilter(statuses=a.status or [], received_from=a.date_from and parse_day(a.date_from, "from"),
                        received_to=a.date_to and parse_day(a.date_to, "to"), procedure=a.procedure, late=a.late,
                        due_soon=a.due_soon, text=a.text)
    page = list_dossiers(flt, limit=a.limit, after=(a.after, a.after) if a.after else None)
    _emit_list(ctx, page.rows)
    if page.cursor and not ctx.json:
        print(f"Còn nữa: dùng --after {page.cursor[1]} để xem trang sau.")


def _at(ctx: Context):
    return parse_local_datetime(ctx.args.at, "at") if ctx.args.at else None


def cmd_forward(ctx):
    _emit_dossier(ctx, workflow.forward(ctx.args.code, ctx.officer(), unit=ctx.args.unit,
                                        note=ctx.args.note, at=_at(ctx)))


def cmd_supplement(ctx):
    _emit_dossier(ctx, workflow.request_supplement(ctx.args.code, ctx.officer(), missing=ctx.args.missing,
                                                   reason=ctx.args.reason, at=_at(ctx)))


def cmd_resume(ctx):
    _emit_dossier(ctx, workflow.resume(ctx.args.code, ctx.officer(), note=ctx.args.note, at=_at(ctx)))


def cmd_extend(ctx):
    new_due = parse_local_datetime(ctx.args.new_due, "new_due")
    _emit_dossier(ctx, workflow.extend(ctx.args.code, ctx.officer(), new_due=new_due,
                                       reason=ctx.args.reason, at=_at(ctx)))


def cmd_finish(ctx):
    _emit_dossier(ctx, workflow.finish(ctx.args.code, ctx.officer(), note=ctx.args.note, at=_at(ctx)))


def cmd_return(ctx):
    _emit_dossier(ctx, workflow.return_result(ctx.args.code, ctx.officer(), recipient=ctx.args.recipient,
                                              note=ctx.args.note, at=_at(ctx)))


def cmd_refuse(ctx):
    _emit_dossier(ctx, workflow.refuse(ctx.args.code, ctx.officer(), reason=ctx.args.reason, at=_at(ctx)))


def cmd_withdraw(ctx):
    _emit_dossier(ctx, workflow.withdraw(ctx.args.code, ctx.officer(), reason=ctx.args.reason, at=_at(ctx)))


def cmd_stop(ctx):
    _emit_dossier(ctx, workflow.stop(ctx.args.code, ctx.officer(), reason=ctx.args.reason, at=_at(ctx)))


def cmd_request_payment(ctx):
    _emit_dossier(ctx, workflow.request_payment(ctx.args.code, ctx.officer(), note=ctx.args.note, at=_at(ctx)))


def cmd_paid(ctx):
    _emit_dossier(ctx, workflow.paid(ctx.args.code, ctx.officer(), note=ctx.args.note, at=_at(ctx)))
