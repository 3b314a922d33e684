"""Office commands: this machine's connection and counter number, and moving up to the server."""
from __future__ import annotations

from dataclasses import replace

from .context import Context
from .options import whole


def register(commands) -> None:
    p = commands.add_parser("migrate-to", help="(quản trị) chuyển toàn bộ dữ liệu của quầy này (tệp "
                                               "SQLite) vào cơ sở dữ liệu trống trên máy chủ của Trung tâm")
    p.add_argument("url", metavar="URL", help="postgresql://tài_khoản:mật_khẩu@máy_chủ:5432/tên_cơ_sở_dữ_liệu")
    p.add_argument("--no-switch", action="store_true",
                   help="không chuyển máy này sang dùng máy chủ sau khi chuyển dữ liệu")
    p.set_defaults(handler=cmd_migrate_to)

    p = commands.add_parser("office", help="máy này: dùng riêng hay kết nối máy chủ, số quầy; kiểm tra "
                                           "kết nối")
    p.set_defaults(handler=cmd_office, no_db=True)

    p = commands.add_parser("office-connect", help="(quản trị) cho máy này kết nối máy chủ của Trung tâm "
                                                   "(kiểm tra kết nối trước khi lưu)")
    p.add_argument("url", metavar="URL", help="postgresql://tài_khoản:mật_khẩu@máy_chủ:5432/tên_cơ_sở_dữ_liệu")
    p.add_argument("--counter", type=whole(0, 99), help="số quầy của máy này (1–99)")
    p.set_defaults(handler=cmd_office_connect, no_db=True)

    p = commands.add_parser("office-local", help="(quản trị) cho máy này dùng riêng tệp cơ sở dữ liệu "
                                                 "của nó (không dùng máy chủ)")
    p.add_argument("--counter", type=whole(0, 99), help="số quầy của máy này (0: không ghi)")
    p.set_defaults(handler=cmd_office_local, no_db=True)

    p = commands.add_parser("office-counter", help="(quản trị) đặt số quầy của máy này (in trên giấy "
                                                   "tiếp nhận và sổ theo dõi)")
    p.add_argument("number", type=whole(0, 99), help="số quầy (1–99; 0: không ghi)")
    p.set_defaults(handler=cmd_office_counter)


def _shown(connection) -> dict:
    return {"mode": connection.mode, "server": connection.where() if connection.uses_server else None,
            "counter": connection.counter}


def cmd_office(ctx: Context) -> None:
    from models.office import counter_label, load_connection
    from models.office_server import test_connection

    connection = load_connection()
    data = _shown(connection)
    lines = [("Máy này kết nối máy chủ của Trung tâm: " + connection.where()) if connection.uses_server
             else "Máy này dùng riêng tệp cơ sở dữ liệu của nó.",
             counter_label(connection.counter) or "Chưa đặt số quầy."]
    if connection.uses_server:
        data["check"] = test_connection(connection.url())
        lines.append(data["check"])
    ctx.emit(data, lines)


def _open_and_officer(ctx: Context, target: str):
    from models.session import open_counter

    open_counter(target)
    return ctx.officer()


def cmd_office_connect(ctx: Context) -> None:
    from models.office import configure, connection_from_url, load_connection

    a = ctx.args
    current = load_connection()
    connection = connection_from_url(a.url, counter=current.counter if a.counter is None else a.counter)
    # The admin signs in on the server the machine is joining.
    saved = configure(connection, by=_open_and_officer(ctx, connection.url()))
    ctx.emit(_shown(saved), [f"Đã lưu: máy này kết nối máy chủ {saved.where()}"
                             + (f", quầy số {saved.counter}." if saved.counter else ".")])


def cmd_office_local(ctx: Context) -> None:
    from models.office import OfficeConnection, configure, load_connection
    from models.paths import DATABASE_FILE, data_dir

    a = ctx.args
    current = load_connection()
    connection = OfficeConnection(counter=current.counter if a.counter is None else a.counter)
    target = ctx.args.db or str(data_dir() / DATABASE_FILE)
    saved = configure(connection, by=_open_and_officer(ctx, target))
    ctx.emit(_shown(saved), ["Đã lưu: máy này dùng riêng tệp cơ sở dữ liệu của nó."])


def cmd_office_counter(ctx: Context) -> None:
    from models.office import configure, load_connection

    saved = configure(replace(load_connection(), counter=ctx.args.number), by=ctx.officer())
    ctx.emit(_shown(saved), [f"Đã lưu: máy này là quầy số {saved.counter}." if saved.counter
                             else "Đã bỏ số quầy của máy này."])


def cmd_migrate_to(ctx: Context) -> None:
    from models.migrate_to import migrate_to

    report = migrate_to(ctx.args.url, by=ctx.officer(), switch=not ctx.args.no_switch)
    ctx.emit(report.to_dict(), report.lines())
