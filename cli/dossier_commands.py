"""Dossier commands: intake, show, search, list and the workflow actions."""
from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass

from models import workflow
from models.dossiers import DossierView, get_dossier
from models.intake import IntakeRequest, parse_local_datetime, receive
from models.limits import LIST_LIMIT_MAX
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

    for spec in WORKFLOW_COMMANDS:
        p = commands.add_parser(spec.name, help=spec.help)
        p.add_argument("code")
        for option in spec.options:
            p.add_argument(option.flag, **option.argparse())
        p.add_argument("--at", help="thời điểm thực hiện (dd/mm/yyyy hh:mm hoặc ISO), mặc định: bây giờ")
        p.add_argument("--backdate-reason", default="", metavar="LÝ_DO",
                       help="bắt buộc khi --at sớm hơn hiện tại quá 10 phút (ghi lùi thời gian, chỉ lãnh "
                            "đạo); thời điểm ghi thật vẫn được lưu")
        p.set_defaults(handler=lambda ctx, spec=spec: _emit_dossier(ctx, spec.run(ctx)))


@dataclass(frozen=True)
class Option:
    """One option of a workflow command and the keyword of the service it feeds."""

    flag: str  # "--unit"
    keyword: str  # the workflow function's keyword argument
    help: str = ""
    required: bool = False
    many: bool = False
    parse: Callable[[str], object] | None = None

    def argparse(self) -> dict:
        options: dict = {"dest": self.keyword, "help": self.help or None}
        if self.required:
            options["required"] = True
        else:
            options["default"] = [] if self.many else ""
        if self.many:
            options["nargs"] = "+"
        return options

    def value(self, args):
        value = getattr(args, self.keyword)
        return self.parse(value) if self.parse and value else value


@dataclass(frozen=True)
class WorkflowCommand:
    """A workflow action on the command line: ``NAME CODE [options] [--at …] [--backdate-reason …]``."""

    name: str
    action: str  # key of models.workflow.ACTIONS
    help: str
    options: tuple[Option, ...] = ()

    def run(self, ctx: Context) -> DossierView:
        args = ctx.args
        at = parse_local_datetime(args.at, "at") if args.at else None
        values = {o.keyword: o.value(args) for o in self.options}
        return workflow.ACTIONS[self.action](args.code, ctx.officer(), at=at,
                                             backdate_reason=args.backdate_reason, **values)


NOTE = Option("--note", "note", "ghi chú")
REASON = Option("--reason", "reason", "lý do", required=True)
WORKFLOW_COMMANDS = (
    WorkflowCommand("forward", "forward", "chuyển hồ sơ cho bộ phận xử lý",
                    (Option("--unit", "unit", "đơn vị/bộ phận xử lý"), NOTE)),
    WorkflowCommand("supplement", "supplement", "yêu cầu bổ sung, hoàn thiện hồ sơ (dừng tính thời gian; "
                    "lần thứ hai: lãnh đạo, tính quá hạn)",
                    (Option("--missing", "missing", "các nội dung cần bổ sung", required=True, many=True),
                     REASON)),
    WorkflowCommand("resume", "resume", "nhận hồ sơ bổ sung, tiếp tục xử lý (dời ngày hẹn)", (NOTE,)),
    WorkflowCommand("extend", "extend", "hẹn lại ngày trả kết quả, kèm Phiếu xin lỗi và đề nghị gia hạn "
                    "thời gian giải quyết (sau thời điểm hẹn: chỉ lãnh đạo)",
                    (Option("--new-due", "new_due", "ngày hẹn mới (dd/mm/yyyy hh:mm hoặc ISO)", required=True,
                            parse=lambda text: parse_local_datetime(text, "new_due")),
                     REASON,
                     Option("--signer", "signer", "lãnh đạo ký phiếu xin lỗi (tên đăng nhập); mặc định: "
                            "người thực hiện nếu là lãnh đạo"))),
    WorkflowCommand("finish", "finish", "đánh dấu đã xử lý xong", (NOTE,)),
    WorkflowCommand("return", "return", "trả kết quả cho công dân",
                    (Option("--recipient", "recipient", "họ tên người nhận", required=True), NOTE)),
    WorkflowCommand("refuse", "refuse", "từ chối tiếp nhận (chỉ trong ngày tiếp nhận, trước khi chuyển xử lý)",
                    (REASON,)),
    WorkflowCommand("withdraw", "withdraw", "công dân rút hồ sơ", (Option("--reason", "reason", "lý do"),)),
    WorkflowCommand("stop", "stop", "dừng xử lý hồ sơ (lãnh đạo)", (REASON,)),
    WorkflowCommand("request-payment", "request_payment", "yêu cầu thực hiện nghĩa vụ tài chính",
                    (Option("--note", "note", "nội dung nghĩa vụ tài chính", required=True),)),
    WorkflowCommand("paid", "paid", "công dân đã thực hiện nghĩa vụ tài chính", (NOTE,)),
)


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
    elif d.appointment_at_reception != d.due_at:
        lines.append(f"Hẹn khi nhận:   {fmt_dt(d.appointment_at_reception)}")
    if d.late_from is not None:
        lines.append(f"Tính quá hạn từ: {fmt_dt(d.late_from)}")
    for event in d.events:
        lines.append(f"  {fmt_dt(event.at)}  {event.action_name}"
                     + (f": {event.note}" if event.note else "") + f" ({event.officer_name})"
                     + (f" – ghi lúc {fmt_dt(event.recorded_at)}, lý do ghi lùi: {event.backdate_reason}"
                        if event.backdated else ""))
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
