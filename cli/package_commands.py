"""Province packages, the way back down: make (province), apply, and the online dossiers' queue."""
from __future__ import annotations

from models.errors import ValidationError

from .context import Context, fmt_dt
from .dossier_commands import dossier_lines


def register(commands) -> None:
    p = commands.add_parser("make-package", help="(cấp tỉnh) lập gói dữ liệu cho một xã: danh mục, lịch, "
                                                 "hồ sơ trực tuyến, tiến độ hồ sơ liên thông")
    p.add_argument("--agency", required=True, metavar="CODE", help="mã định danh của cơ quan nhận gói")
    p.add_argument("--key", required=True, metavar="PROVINCE_KEY",
                   help="khóa bí mật của tỉnh (province-private-key.json của sync-key province-new)")
    p.add_argument("--counter-key", required=True, metavar="COUNTER_PUBLIC_KEY",
                   help="khóa công khai của xã (tệp của lệnh sync-key export)")
    p.add_argument("--out", required=True, metavar="DIR", help="thư mục ghi gói")
    p.add_argument("--catalog", metavar="FILE", help="danh mục (JSON như catalog export, có “decision” và "
                                                     "“effective_from”)")
    p.add_argument("--calendar", metavar="FILE", help="lịch nghỉ, làm bù theo năm (JSON)")
    p.add_argument("--online", metavar="FILE", help="hồ sơ nộp trực tuyến (JSON: tiếp nhận + “code”, "
                                                    "“submitted_at”)")
    p.add_argument("--updates", metavar="FILE", help="tiến độ hồ sơ xã đã chuyển lên cấp trên (JSON)")
    p.add_argument("--from", dest="from_db", metavar="DB",
                   help="cơ sở dữ liệu tập trung (sau apply-sync): gửi lại những gì xã chưa xác nhận")
    p.set_defaults(handler=cmd_make_package, no_db=True)

    p = commands.add_parser("apply-package", help="áp dụng gói dữ liệu của tỉnh (tệp hoặc thư mục thẻ nhớ)")
    p.add_argument("files", nargs="+", metavar="FILE", help="tệp motcua-province_….zip hoặc thư mục chứa các gói")
    p.set_defaults(handler=cmd_apply_package)

    p = commands.add_parser("package-status", help="các gói của tỉnh đã nhận, danh mục chờ hiệu lực, "
                                                   "hồ sơ trực tuyến chờ tiếp nhận")
    p.add_argument("--limit", type=int, default=20)
    p.set_defaults(handler=cmd_package_status, read_only=True)

    p = commands.add_parser("accept", help="tiếp nhận một hồ sơ nộp trực tuyến (sau khi kiểm tra giấy tờ)")
    p.add_argument("code", help="mã hồ sơ tại quầy hoặc mã trên Cổng dịch vụ công")
    p.add_argument("--note", default="", help="ghi chú khi tiếp nhận")
    p.set_defaults(handler=cmd_accept)


def cmd_make_package(ctx: Context) -> None:
    from sync.package_make import make_package

    a = ctx.args
    made = make_package(agency=a.agency, key=a.key, counter_key=a.counter_key, out=a.out, catalog=a.catalog,
                        calendar=a.calendar, online=a.online, updates=a.updates, central_db=a.from_db)
    ctx.emit(made.to_dict(), made.lines())


def cmd_apply_package(ctx: Context) -> int:
    from sync.package_apply import REFUSED, apply_packages

    outcomes = apply_packages(ctx.args.files, by=ctx.officer())
    lines: list[str] = []
    for outcome in outcomes:
        if len(outcomes) > 1 or outcome.status == REFUSED:
            lines.append(f"{outcome.name}:")
        lines += outcome.lines()
    ctx.emit({"packages": [o.to_dict() for o in outcomes]}, lines)
    return 1 if any(o.status == REFUSED for o in outcomes) else 0


def cmd_package_status(ctx: Context) -> None:
    from models.catalog_releases import held_releases
    from models.online import waiting_count
    from sync.package_apply import package_history

    history, held, waiting = package_history(ctx.args.limit), held_releases(), waiting_count()
    lines = [f"Hồ sơ trực tuyến chờ tiếp nhận: {waiting}"]
    lines += [f"Danh mục theo {h.decision}: chờ hiệu lực từ {h.effective_from:%d/%m/%Y} ({h.procedures} thủ tục)"
              for h in held]
    if history:
        lines.append("Các gói của tỉnh đã nhận:")
    for h in history:
        state = "đã áp dụng" if h.status == "applied" else f"không áp dụng – {h.message}"
        confirmed = ", tỉnh đã nhận xác nhận" if h.ack_confirmed else ""
        lines.append(f"  Gói số {h.sequence} ({h.file_name}) lúc {fmt_dt(h.seen_at)}: {state}{confirmed}")
    ctx.emit({"waiting_online": waiting, "held_catalogs": [h.to_dict() for h in held],
              "packages": [h.to_dict() for h in history]}, lines)


def cmd_accept(ctx: Context) -> None:
    from models.online import accept

    if not ctx.args.code.strip():
        raise ValidationError({"code": "Chưa nhập mã hồ sơ."})
    view = accept(ctx.args.code, ctx.officer(), note=ctx.args.note)
    ctx.emit(view.to_dict(), dossier_lines(view) + [f"In giấy tiếp nhận: receipt {view.code} --out TỆP.pdf"])
