"""Admin commands: setup, officers, holidays, catalog, procedures, due-date."""
from __future__ import annotations

import getpass
import sys
from dataclasses import asdict
from datetime import date

from models import accounts, catalog
from models.calendar import WORKING_DAYS
from models.dates import COUNTER_YEARS
from models.errors import ValidationError
from models.holidays_admin import list_days, load_calendar, remove_override, set_override
from models.intake import parse_local_datetime
from models.limits import WORKING_DAYS_MAX
from models.permissions import require
from models.session import setup_agency
from models.settings import load_settings

from .context import Context, fmt_dt, parse_day
from .options import whole


def register(commands) -> None:
    p = commands.add_parser("setup", help="tạo hoặc sửa thông tin cơ quan (lần đầu: tạo tài khoản quản trị)")
    p.add_argument("--agency-code", help="mã định danh điện tử của cơ quan, ví dụ 000.00.24.H12")
    p.add_argument("--agency-name", help="đơn vị chủ quản, ví dụ “UBND XÃ TAM ĐẢO”")
    p.add_argument("--unit-name", help="tên bộ phận, mặc định “BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ”")
    p.add_argument("--place", help="địa danh ở dòng ngày tháng, ví dụ “Tam Đảo”")
    p.add_argument("--office-hours", help="giờ làm việc, ví dụ 07:00-11:30,13:30-17:00")
    p.add_argument("--receipt-copies", type=whole(1, 5), help="số liên giấy tiếp nhận (mặc định 2)")
    p.add_argument("--head-title", help="chức danh thủ trưởng ký phiếu xin lỗi")
    p.add_argument("--head-name", help="họ tên thủ trưởng")
    p.add_argument("--page-size", choices=["A4", "A5"], help="khổ giấy")
    p.add_argument("--printer", help="máy in mặc định")
    p.add_argument("--lookup-url", help="địa chỉ tra cứu in trong mã QR, {code} là mã hồ sơ")
    p.add_argument("--register-volume", help="quyển số của Sổ theo dõi hồ sơ")
    p.add_argument("--contact-phone", help="số điện thoại hướng dẫn in trên phiếu bổ sung")
    p.add_argument("--default-officer", help="cán bộ mặc định cho dòng lệnh")
    p.add_argument("--admin-password", help="mật khẩu tài khoản admin đầu tiên (tối thiểu 8 ký tự); "
                                            "tài khoản này giữ cả ba vai trò cán bộ, lãnh đạo, quản trị")
    p.set_defaults(handler=cmd_setup, setup=True)

    p = commands.add_parser("settings", help="xem thông tin cơ quan đã cài đặt")
    p.set_defaults(handler=lambda ctx: ctx.emit(asdict(load_settings())), read_only=True)

    p = commands.add_parser("procedures", help="danh mục thủ tục hành chính")
    p.add_argument("--search", default="", help="lọc theo tên/mã, không cần dấu")
    p.add_argument("--all", action="store_true", help="gồm cả thủ tục đã ngừng áp dụng")
    p.set_defaults(handler=cmd_procedures, read_only=True)

    p = commands.add_parser("due-date", help="tính ngày hẹn trả kết quả")
    p.add_argument("--received", required=True, help="thời điểm tiếp nhận (ISO)")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--working-days", type=whole(0, WORKING_DAYS_MAX),
                   help=f"số ngày làm việc (0–{WORKING_DAYS_MAX})")
    g.add_argument("--procedure", help="mã thủ tục")
    p.set_defaults(handler=cmd_due_date, read_only=True)

    officers = commands.add_parser("officers", help="tài khoản cán bộ").add_subparsers(dest="sub", metavar="SUB")
    title_help = ("chức danh, ví dụ “Công chức Tư pháp - Hộ tịch”, “Phó Chủ tịch UBND xã” "
                  "(ghi vào tệp đồng bộ gửi tỉnh)")
    roles_help = ("một hoặc nhiều vai trò, cách nhau bởi dấu phẩy: officer (cán bộ một cửa), "
                  "leader (lãnh đạo), admin (quản trị); ví dụ officer,leader")
    p = officers.add_parser("add", help="thêm cán bộ (quản trị)")
    p.add_argument("username")
    p.add_argument("--full-name", required=True)
    p.add_argument("--role", default="officer", metavar="VAI_TRÒ", help=roles_help)
    p.add_argument("--password", help="mật khẩu (nếu bỏ trống: hỏi, hoặc đọc từ stdin)")
    p.add_argument("--title", default="", help=title_help)
    p.set_defaults(handler=cmd_officer_add)
    p = officers.add_parser("list", help="danh sách cán bộ")
    p.set_defaults(handler=cmd_officer_list, read_only=True)
    p = officers.add_parser("passwd", help="đặt mật khẩu (của mình; của người khác: quản trị)")
    p.add_argument("username")
    p.add_argument("--password")
    p.set_defaults(handler=cmd_officer_passwd)
    p = officers.add_parser("update", help="sửa họ tên, vai trò, khóa/mở tài khoản (quản trị)")
    p.add_argument("username")
    p.add_argument("--full-name")
    p.add_argument("--role", metavar="VAI_TRÒ", help=roles_help)
    p.add_argument("--active", choices=["yes", "no"])
    p.add_argument("--title", help=title_help + "; chuỗi rỗng để xóa")
    p.set_defaults(handler=cmd_officer_update)
    p = officers.add_parser("unlock", help="mở khóa đăng nhập sau nhiều lần nhập sai mật khẩu (quản trị)")
    p.add_argument("username")
    p.set_defaults(handler=cmd_officer_unlock)

    holidays = commands.add_parser("holidays", help="ngày nghỉ, ngày làm bù").add_subparsers(dest="sub", metavar="SUB")
    p = holidays.add_parser("list", help="các ngày nghỉ lễ và ngày làm bù trong năm")
    p.add_argument("--year", type=whole(*COUNTER_YEARS), default=date.today().year)
    p.set_defaults(handler=cmd_holidays_list, read_only=True)
    for name, working, text in (("add-off", False, "thêm ngày nghỉ"), ("add-working", True, "thêm ngày làm việc bù")):
        p = holidays.add_parser(name, help=text)
        p.add_argument("date", help="YYYY-MM-DD")
        p.add_argument("--reason", required=True, help="căn cứ, ví dụ số công văn")
        p.set_defaults(handler=cmd_holidays_add, working=working)
    p = holidays.add_parser("remove", help="bỏ một ngày đã thêm")
    p.add_argument("date")
    p.set_defaults(handler=cmd_holidays_remove)

    cat = commands.add_parser("catalog", help="nhập/xuất danh mục thủ tục").add_subparsers(dest="sub", metavar="SUB")
    p = cat.add_parser("import", help="nhập danh mục từ JSON hoặc CSV")
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra và báo cáo, không ghi")
    p.add_argument("--deactivate-missing", action="store_true",
                   help="ngừng áp dụng các thủ tục không có trong tệp")
    p.set_defaults(handler=cmd_catalog_import)
    p = cat.add_parser("export", help="xuất danh mục ra JSON hoặc CSV (theo đuôi tệp)")
    p.add_argument("file")
    p.set_defaults(handler=cmd_catalog_export, read_only=True)
    p = cat.add_parser("fields", help="các lĩnh vực của danh mục và mã lĩnh vực (MaLinhVuc)")
    p.set_defaults(handler=cmd_catalog_fields, read_only=True)
    p = cat.add_parser("field-code", help="đặt mã lĩnh vực (MaLinhVuc) theo danh mục của tỉnh (quản trị)")
    p.add_argument("field", help="tên lĩnh vực, đúng như trong danh mục, ví dụ “Hộ tịch”")
    p.add_argument("code", help="mã lĩnh vực do tỉnh cấp; chuỗi rỗng để xóa")
    p.set_defaults(handler=cmd_catalog_field_code)


def _password(given: str | None) -> str:
    if given:
        return given
    if sys.stdin.isatty():
        first = getpass.getpass("Mật khẩu: ")
        if getpass.getpass("Nhập lại mật khẩu: ") != first:
            raise ValidationError({"password": "Hai lần nhập mật khẩu không khớp."})
        return first
    return sys.stdin.readline().rstrip("\n")


def cmd_setup(ctx: Context) -> None:
    a = ctx.args
    settings = setup_agency(
        admin_password=a.admin_password, by=ctx.signed_in,
        agency_code=a.agency_code, governing_body=a.agency_name, unit_name=a.unit_name,
        place=a.place, office_hours=a.office_hours, receipt_copies=a.receipt_copies,
        head_title=a.head_title, head_name=a.head_name, page_size=a.page_size, printer=a.printer,
        lookup_url=a.lookup_url, register_volume=a.register_volume, contact_phone=a.contact_phone,
        default_officer=a.default_officer,
    )
    ctx.emit(asdict(settings), f"Đã lưu thông tin cơ quan {settings.agency_code} – "
                               f"{settings.governing_body}. Cán bộ mặc định: {settings.default_officer}.")


def cmd_procedures(ctx: Context) -> None:
    items = catalog.list_procedures(include_inactive=ctx.args.all, search=ctx.args.search)
    ctx.emit([p.to_dict() for p in items],
             [f"{p.code:<14} {p.time_limit_text:<22} {p.name}" for p in items]
             + [f"Tổng số: {len(items)} thủ tục"])


def cmd_due_date(ctx: Context) -> None:
    received = parse_local_datetime(ctx.args.received, "received")
    calendar = load_calendar()
    if ctx.args.procedure:
        p = catalog.get_procedure(ctx.args.procedure)
        due = calendar.due_at(received, p.duration_value, p.duration_unit, p.cutoff_time)
    else:
        due = calendar.due_at(received, ctx.args.working_days, WORKING_DAYS)
    ctx.emit({"received_at": received.isoformat(), "due_at": due.isoformat()},
             f"Hẹn trả kết quả: {fmt_dt(due)}")


def cmd_officer_add(ctx: Context) -> None:
    a = ctx.args
    officer = ctx.officer()
    # refused or wrong before the new account's password is asked for
    require(officer, "officer.add", entity="officer", entity_id=a.username)
    roles = accounts.parse_roles(a.role)
    info = accounts.add_officer(a.username, a.full_name, roles, _password(a.password), by=officer,
                                title=a.title)
    ctx.emit(info.to_dict(), f"Đã thêm cán bộ {info.username} ({info.full_name}, {info.role_names}).")


def cmd_officer_list(ctx: Context) -> None:
    items = accounts.list_officers()
    ctx.emit([o.to_dict() for o in items],
             [f"{o.username:<16} {o.role_names:<36} {'' if o.active else '(ngừng sử dụng) '}"
              f"{f'(khóa đăng nhập đến {fmt_dt(o.locked_until)}) ' if o.locked_until else ''}{o.full_name}"
              f" – {o.title or 'chưa có chức danh'}"
              for o in items])


def cmd_officer_passwd(ctx: Context) -> None:
    officer = ctx.officer()
    if accounts.get_officer_row(ctx.args.username).id != officer.id:
        require(officer, "officer.passwd", entity="officer", entity_id=ctx.args.username)
    accounts.set_password(ctx.args.username, _password(ctx.args.password), by=officer)
    ctx.emit({"username": ctx.args.username, "ok": True}, "Đã đặt mật khẩu mới.")


def cmd_officer_update(ctx: Context) -> None:
    a = ctx.args
    active = None if a.active is None else a.active == "yes"
    info = accounts.update_officer(a.username, full_name=a.full_name, roles=a.role, active=active,
                                   title=a.title, by=ctx.officer())
    ctx.emit(info.to_dict(), f"Đã cập nhật cán bộ {info.username} ({info.role_names}"
                             f"{'' if info.active else ', ngừng sử dụng'}).")


def cmd_officer_unlock(ctx: Context) -> None:
    removed = accounts.unlock(ctx.args.username, by=ctx.officer())
    ctx.emit({"username": ctx.args.username, "unlocked": removed},
             f"Đã mở khóa đăng nhập cho {ctx.args.username}." if removed
             else f"Tài khoản {ctx.args.username} không bị khóa đăng nhập.")


_SOURCES = {"admin": "quản trị viên", "official": "quyết định có sẵn trong phần mềm", "holidays": "luật"}


def cmd_holidays_list(ctx: Context) -> None:
    days = list_days(ctx.args.year)

    def source(d: dict) -> str:
        if d["source"] == "province":
            return f"gói của tỉnh số {d['package']}" + (f", {d['basis']}" if d["basis"] else "")
        return _SOURCES.get(d["source"], d["source"])
    ctx.emit(days, [f"{date.fromisoformat(d['date']):%d/%m/%Y}  "
                    f"{'làm việc' if d['working'] else 'nghỉ':<9} {d['reason']} [{source(d)}]" for d in days])


def cmd_holidays_add(ctx: Context) -> None:
    day = parse_day(ctx.args.date)
    set_override(day, ctx.args.working, ctx.args.reason, officer=ctx.officer())
    ctx.emit({"date": day.isoformat(), "working": ctx.args.working, "reason": ctx.args.reason},
             f"Đã ghi ngày {day:%d/%m/%Y} là {'ngày làm việc' if ctx.args.working else 'ngày nghỉ'}.")


def cmd_holidays_remove(ctx: Context) -> int:
    day = parse_day(ctx.args.date)
    removed = remove_override(day, officer=ctx.officer())
    ctx.emit({"date": day.isoformat(), "removed": removed},
             f"Đã bỏ ngày {day:%d/%m/%Y}." if removed else f"Ngày {day:%d/%m/%Y} chưa được thêm.")
    return 0


def cmd_catalog_import(ctx: Context) -> int:
    a = ctx.args
    report = catalog.import_catalog(a.file, dry_run=a.dry_run, deactivate_missing=a.deactivate_missing,
                                    officer=ctx.officer())
    lines = [f"Lỗi: {e}" for e in report.errors] or [
        f"Thêm mới: {len(report.added)} thủ tục" + (f" ({', '.join(report.added)})" if report.added else ""),
        f"Cập nhật: {len(report.updated)} thủ tục"
        + "".join(f"\n  {c}: {', '.join(f)}" for c, f in report.updated.items()),
        f"Không đổi: {report.unchanged}",
        f"Ngừng áp dụng: {len(report.deactivated)}",
        "Đã ghi vào cơ sở dữ liệu." if report.applied else "Chạy thử: chưa ghi gì.",
    ]
    if report.errors:
        sys.stderr.write("\n".join(lines) + "\nKhông nhập thủ tục nào.\n")
        if ctx.json:
            ctx.emit(report.to_dict())
        return 2
    ctx.emit(report.to_dict(), lines)
    return 0


def cmd_catalog_fields(ctx: Context) -> None:
    fields = catalog.list_fields()
    ctx.emit([f.to_dict() for f in fields],
             [f"{f.code or '(chưa có mã)':<16} {f.name} – {f.procedures} thủ tục" for f in fields]
             or ["Danh mục chưa có thủ tục nào."])


def cmd_catalog_field_code(ctx: Context) -> None:
    changed = catalog.set_field_code(ctx.args.field, ctx.args.code, by=ctx.officer())
    code = ctx.args.code.strip()
    ctx.emit({"field": ctx.args.field, "code": code, "procedures": changed},
             f"Lĩnh vực “{ctx.args.field}”: " + (f"mã {code}" if code else "đã xóa mã")
             + f" ({changed} thủ tục thay đổi).")


def cmd_catalog_export(ctx: Context) -> None:
    count = catalog.export_catalog(ctx.args.file)
    ctx.emit({"path": ctx.args.file, "count": count}, f"Đã xuất {count} thủ tục ra {ctx.args.file}.")


