"""Parser and dispatcher. Invalid input exits 2 with a Vietnamese message on stderr."""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from models.db import close_database
from models.errors import MotCuaError
from models.paths import default_database

from .context import Context


def command_modules() -> list:
    """Every ``cli/*_commands.py`` module, in name order; each has ``register(subparsers)``."""
    package = importlib.import_module(__package__)
    names = sorted(m.name for m in pkgutil.iter_modules(package.__path__) if m.name.endswith("_commands"))
    return [importlib.import_module(f"{__package__}.{name}") for name in names]


class VietnameseParser(argparse.ArgumentParser):
    """argparse that reports usage errors in Vietnamese and exits 2."""

    def error(self, message: str) -> None:  # pragma: no cover - exercised through main()
        self.print_usage(sys.stderr)
        sys.stderr.write(f"Lỗi: tham số không hợp lệ ({message}).\n")
        sys.exit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = VietnameseParser(
        prog="motcua",
        description="MotCua – phần mềm Bộ phận Một cửa. Không có lệnh: mở giao diện.",
    )
    parser.add_argument("--db", help="tệp SQLite hoặc URL postgresql://… (mặc định: MOTCUA_DB "
                                     "hoặc thư mục dữ liệu của người dùng)")
    parser.add_argument("--officer", help="tên đăng nhập của cán bộ thực hiện (mặc định: cán bộ "
                                          "mặc định trong cài đặt)")
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=VietnameseParser)
    for module in command_modules():
        module.register(commands)
    return parser


def run(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        return -1  # the caller starts the GUI
    handler = getattr(args, "handler", None)
    if handler is None:  # a command group without its sub-command
        parser.parse_args([*argv, "--help"])
        return 2
    from models.session import open_counter

    try:
        if not getattr(args, "no_db", False):
            open_counter(args.db or default_database())
        result = handler(Context(args))
        return int(result or 0)
    except MotCuaError as exc:
        sys.stderr.write(f"Lỗi: {exc}\n")
        return 2
    except OSError as exc:
        sys.stderr.write(f"Lỗi: không đọc/ghi được tệp: {exc}\n")
        return 2
    finally:
        close_database()
