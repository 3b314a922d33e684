"""Backup commands: make, list and restore backups, their settings, and the integrity check."""
from __future__ import annotations

from pathlib import Path

from models.backup import KEEP_DAYS_RANGE

from .context import Context, fmt_dt
from .options import whole


def register(commands) -> None:
    p = commands.add_parser("backup", help="sao lưu cơ sở dữ liệu (kiểm tra toàn vẹn trước khi dùng được)")
    p.add_argument("--out", metavar="FILE", help="tệp sao lưu; không có: vào thư mục sao lưu (và thư mục "
                                                 "thứ hai), xóa các bản tự động quá hạn giữ")
    p.add_argument("--force", action="store_true", help="cho phép ghi đè tệp --out đã có")
    p.set_defaults(handler=cmd_backup)

    p = commands.add_parser("backups", help="danh sách các bản sao lưu (mới nhất trước)")
    p.set_defaults(handler=cmd_backups, read_only=True)

    p = commands.add_parser("backup-settings", help="xem/đặt thư mục sao lưu, thư mục thứ hai (USB), số "
                                                    "ngày giữ bản sao lưu tự động")
    low, high = KEEP_DAYS_RANGE
    p.add_argument("--keep-days", type=whole(low, high), help=f"số ngày giữ ({low}–{high}, mặc định 30)")
    p.add_argument("--folder", metavar="DIR", help="thư mục sao lưu (\"\": về mặc định cạnh cơ sở dữ liệu)")
    p.add_argument("--second-folder", metavar="DIR", help="thư mục thứ hai, ví dụ ổ USB (\"\": bỏ)")
    p.set_defaults(handler=cmd_backup_settings)

    p = commands.add_parser("restore", help="(quản trị) khôi phục từ một bản sao lưu; mã hồ sơ và lần "
                                            "xuất tiếp tục sau các số đã cấp")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(handler=cmd_restore, no_db=True)

    p = commands.add_parser("check-db", help="kiểm tra toàn vẹn cơ sở dữ liệu (PRAGMA integrity_check)")
    p.set_defaults(handler=cmd_check_db, no_db=True)


def cmd_backup(ctx: Context) -> None:
    from models.backup import auto_backup, make_backup

    result = make_backup(ctx.args.out, force=ctx.args.force) if ctx.args.out else auto_backup(kind="manual")
    ctx.emit(result.to_dict(), result.lines())


KINDS = {"daily": "tự động hằng ngày", "closing": "tự động khi đóng", "manual": "theo yêu cầu",
         "before_restore": "trước khi khôi phục"}


def cmd_backups(ctx: Context) -> None:
    from models.backup import backup_settings, list_backups, vn_count, vn_megabytes

    settings = backup_settings()
    found = list_backups([f for f in (settings.folder, settings.second_folder) if f])
    lines = [f"Thư mục sao lưu: {settings.folder}"
             + (f"; thư mục thứ hai: {settings.second_folder}" if settings.second_folder else "")
             + f"; giữ bản tự động {settings.keep_days} ngày."]
    lines += [f"{fmt_dt(b.created_at):<17} {vn_count(b.dossiers):>9} hồ sơ  {vn_megabytes(b.size):>10}  "
              f"{KINDS.get(b.kind, 'khác'):<20} {b.path}" for b in found] or ["Chưa có bản sao lưu nào."]
    ctx.emit({"folder": str(settings.folder), "backups": [b.to_dict() for b in found]}, lines)


def cmd_backup_settings(ctx: Context) -> None:
    from models.backup import backup_settings, save_backup_settings

    a = ctx.args
    if a.keep_days is None and a.folder is None and a.second_folder is None:
        settings = backup_settings()  # only looking: anyone signed in
    else:
        settings = save_backup_settings(keep_days=a.keep_days, folder=a.folder,
                                        second_folder=a.second_folder, by=ctx.officer())
    ctx.emit({"folder": str(settings.folder),
              "second_folder": str(settings.second_folder) if settings.second_folder else None,
              "keep_days": settings.keep_days},
             [f"Thư mục sao lưu: {settings.folder}",
              f"Thư mục thứ hai: {settings.second_folder or '(không có)'}",
              f"Giữ bản sao lưu tự động: {settings.keep_days} ngày"])


def cmd_restore(ctx: Context) -> None:
    from models.restore import restore_backup
    from sync.witness import issued_in_day_files

    target = ctx.args.db or _default_database()
    if "://" in target:  # the Centre's server: the admin signs in on it
        from models.session import open_counter

        open_counter(target)
        report = restore_backup(ctx.args.file, db_path=target, by=ctx.officer())
        ctx.emit(report.to_dict(), report.lines())
        return
    target = Path(target)
    report = restore_backup(ctx.args.file, db_path=target, by=_acting_admin(ctx, target),
                            witness=issued_in_day_files)
    ctx.emit(report.to_dict(), report.lines())


def _default_database() -> str:
    from models.paths import default_database

    return default_database()


def _acting_admin(ctx: Context, target: Path):
    """Who restores: signed in on the database being replaced when it can still be opened
    (then it must be an admin, models.restore); None when it cannot be opened or nobody can
    sign in to it yet."""
    from models.accounts import anyone_can_sign_in
    from models.db import close_database, is_url
    from models.errors import MotCuaError
    from models.session import open_counter

    from .sign_in import sign_in_for

    if is_url(str(target)):
        raise MotCuaError("Khôi phục bằng MotCua chỉ dùng cho cơ sở dữ liệu SQLite; máy chủ PostgreSQL được "
                          "khôi phục bằng công cụ của PostgreSQL (pg_restore).")
    if not target.exists():
        return None
    try:
        open_counter(str(target), check=True)
    except MotCuaError:
        return None
    try:
        return sign_in_for(ctx.args) if anyone_can_sign_in() else None
    finally:
        close_database()


def cmd_check_db(ctx: Context) -> int:
    from models.backup import integrity_problem
    from models.db import is_url

    target = ctx.args.db or _default_database()
    if is_url(target):
        ctx.emit({"ok": None}, "Kiểm tra toàn vẹn chỉ dùng cho cơ sở dữ liệu SQLite.")
        return 2
    problem = integrity_problem(Path(target))
    ctx.emit({"path": target, "ok": problem is None, "problem": problem},
             f"Cơ sở dữ liệu {target}: toàn vẹn, không có lỗi." if problem is None
             else f"Cơ sở dữ liệu {target} BỊ HỎNG: {problem}. Hãy khôi phục từ bản sao lưu (lệnh restore).")
    return 0 if problem is None else 2
