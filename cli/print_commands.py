"""Printing commands: forms to PDF files, print jobs, the list of printers."""
from __future__ import annotations

from pathlib import Path

from models.errors import MotCuaError, ValidationError
from models.form_kinds import FORM_KINDS, FORM_NAMES, REGISTER_NAME
from models.private_files import write_private

from .context import Context, parse_day
from .options import whole

OTHER_FORMS = [k for k in FORM_KINDS if k != "receipt"]


def register(commands) -> None:
    p = commands.add_parser("receipt", help="xuất Giấy tiếp nhận hồ sơ và hẹn trả kết quả ra PDF")
    p.add_argument("code")
    p.add_argument("--out", required=True, help="tệp PDF")
    p.set_defaults(handler=cmd_receipt, read_only=True)

    p = commands.add_parser("form", help="xuất một phiếu ra PDF: " + ", ".join(
        f"{k} ({FORM_NAMES[k]})" for k in OTHER_FORMS))
    p.add_argument("kind", choices=OTHER_FORMS)
    p.add_argument("code")
    p.add_argument("--out", required=True)
    p.set_defaults(handler=cmd_form, read_only=True)

    p = commands.add_parser("register", help="xuất Sổ theo dõi hồ sơ trong một khoảng ngày ra PDF "
                                             "(mọi lĩnh vực, hoặc từng lĩnh vực / nhóm lĩnh vực)")
    p.add_argument("--from", dest="date_from", required=True, help="dd/mm/yyyy hoặc YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", required=True, help="dd/mm/yyyy hoặc YYYY-MM-DD")
    p.add_argument("--field", action="append", default=[], metavar="LĨNH_VỰC",
                   help="chỉ hồ sơ của lĩnh vực này (lặp lại cho một nhóm lĩnh vực), ví dụ “Hộ tịch”")
    p.add_argument("--out", required=True)
    p.set_defaults(handler=cmd_register, read_only=True)

    p = commands.add_parser("print", help="in giấy tiếp nhận (hoặc phiếu khác) ra máy in")
    p.add_argument("code")
    p.add_argument("--kind", choices=list(FORM_KINDS), default="receipt")
    p.add_argument("--printer", help="tên máy in (mặc định: máy in trong cài đặt, rồi máy in mặc định)")
    p.add_argument("--copies", type=whole(1, 10), default=1, help="số bản (1–10)")
    p.set_defaults(handler=cmd_print)

    p = commands.add_parser("printers", help="danh sách máy in")
    p.set_defaults(handler=cmd_printers, no_db=True)


def _write(path: str, pdf: bytes) -> dict:
    """A form holds the citizen's data: the PDF is owner-only (models.private_files)."""
    target = Path(path).expanduser()
    target.parent.mkdir(parents=True, exist_ok=True)
    write_private(target, pdf)
    return {"path": str(target), "bytes": len(pdf)}


def cmd_receipt(ctx: Context) -> None:
    from models.forms import render_form

    result = _write(ctx.args.out, render_form("receipt", ctx.args.code))
    ctx.emit(result, f"Đã xuất giấy tiếp nhận ra {result['path']}.")


def cmd_form(ctx: Context) -> None:
    from models.forms import render_form

    result = _write(ctx.args.out, render_form(ctx.args.kind, ctx.args.code))
    ctx.emit(result, f"Đã xuất {FORM_NAMES[ctx.args.kind]} ra {result['path']}.")


def cmd_register(ctx: Context) -> None:
    from models.forms import render_register

    pdf = render_register(parse_day(ctx.args.date_from, "from"), parse_day(ctx.args.date_to, "to"),
                          fields=ctx.args.field)
    result = _write(ctx.args.out, pdf)
    ctx.emit(result, f"Đã xuất {REGISTER_NAME} ra {result['path']}.")


def cmd_print(ctx: Context) -> None:
    from models.forms import print_form
    from printing.dispatch import PrintError

    if not 1 <= ctx.args.copies <= 20:
        raise ValidationError({"copies": "Số bản in phải từ 1 đến 20."})
    try:
        print_form(ctx.args.kind, ctx.args.code, by=ctx.officer(), printer=ctx.args.printer,
                   copies=ctx.args.copies)
    except PrintError as exc:
        # The dossier is saved already; only the paper is missing.
        raise MotCuaError(f"{exc} Hồ sơ {ctx.args.code} vẫn được lưu và được đánh dấu chưa in; "
                          "có thể in lại sau.") from exc
    ctx.emit({"code": ctx.args.code, "printed": True}, f"Đã gửi lệnh in hồ sơ {ctx.args.code}.")


def cmd_printers(ctx: Context) -> None:
    from printing.dispatch import list_printers

    printers = list_printers()
    ctx.emit(printers, [f"{'*' if p['is_default'] else ' '} {p['name']}" for p in printers]
             or ["Chưa cài đặt máy in nào."])
