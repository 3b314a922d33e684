"""Parser and dispatcher. Invalid input exits 2 with a Vietnamese message on stderr."""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys

from models.db import close_database
from models.errors import MotCuaError
from models.paths import default_database

from .context import Context
from .sign_in import sign_in_for


def command_modules() -> list:
    """Every ``cli/*_commands.py`` module, in name order; each has ``register(subparsers)``."""
    package = importlib.import_module(__package__)
    names = sorted(m.name for m in pkgutil.iter_modules(package.__path__) if m.name.endswith("_commands"))
    return [importlib.import_module(f"{__package__}.{name}") for name in names]


class VietnameseHelp(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, "Cách dùng: " if prefix is None else prefix)


class VietnameseParser(argparse.ArgumentParser):
    """argparse with Vietnamese headings and help, reporting usage errors in Vietnamese (exit 2)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", VietnameseHelp)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "tham số"
        self._optionals.title = "tùy chọn"
        self.add_argument("-h", "--help", action="help", help="hiện trợ giúp này rồi thoát")

    def error(self, message: str) -> None:
        self.print_usage(sys.stderr)
        sys.stderr.write(f"Lỗi: {translate_argparse(message)}.\n")
        sys.exit(2)


_ARGPARSE_MESSAGES = [
    (r"the following arguments are required: (.*)", r"thiếu tham số bắt buộc: \1"),
    (r"one of the arguments (.*) is required", r"cần một trong các tham số: \1"),
    (r"unrecognized arguments: (.*)", r"tham số không nhận ra: \1"),
    (r"argument (.*): invalid choice: (.*) \(choose from (.*)\)", r"\1: lựa chọn \2 không hợp lệ (chọn một trong: \3)"),
    (r"argument (.*): invalid int value: (.*)", r"\1: \2 không phải số nguyên"),
    (r"argument (.*): expected one argument", r"\1: cần một giá trị"),
    (r"argument (.*): expected at least one argument", r"\1: cần ít nhất một giá trị"),
    (r"argument (.*): not allowed with argument (.*)", r"\1: không dùng cùng với \2"),
]


def translate_argparse(message: str) -> str:
    """argparse's own error sentences, in Vietnamese (the rest of the message is names)."""
    for pattern, replacement in _ARGPARSE_MESSAGES:
        if re.fullmatch(pattern, message):
            return re.sub(pattern, replacement, message)
    return f"tham số không hợp lệ ({message})"


def build_parser() -> argparse.ArgumentParser:
    parser = VietnameseParser(
        prog="motcua",
        description="MotCua – phần mềm Bộ phận Một cửa. Không có lệnh: mở giao diện.",
    )
    _add_common_options(parser, None)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="lệnh",
                                     parser_class=VietnameseParser)
    for module in command_modules():
        module.register(commands)
    for sub in _all_subparsers(commands):
        # The common options are accepted after the command too (`intake … --json`); there
        # they default to "not given", so a value given before the command stands.
        _add_common_options(sub, argparse.SUPPRESS)
    return parser


def _add_common_options(parser: argparse.ArgumentParser, default) -> None:
    present = {s for action in parser._actions for s in action.option_strings}
    extra = {} if default is None else {"default": default}
    if "--db" not in present:
        parser.add_argument("--db", help="tệp SQLite hoặc URL postgresql://… (mặc định: MOTCUA_DB "
                                         "hoặc thư mục dữ liệu của người dùng)", **extra)
    if "--officer" not in present:
        parser.add_argument("--officer", help="tên đăng nhập của cán bộ thực hiện (mặc định: "
                                              "cán bộ mặc định trong cài đặt)", **extra)
    if "--json" not in present:
        parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON", **extra)
    if "--password-file" not in present:
        parser.add_argument("--password-file", metavar="TỆP",
                            help="đọc mật khẩu đăng nhập từ dòng đầu của tệp (hoặc đặt biến môi "
                                 "trường MOTCUA_PASSWORD; không có thì hỏi trên màn hình)", **extra)


def _all_subparsers(commands) -> list[argparse.ArgumentParser]:
    """Every command's parser, sub-commands (officers add, holidays list …) included."""
    found = []
    for sub in dict.fromkeys(commands.choices.values()):
        found.append(sub)
        for action in sub._actions:
            if isinstance(action, argparse._SubParsersAction):
                found += _all_subparsers(action)
    return found


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
        officer = None
        if not getattr(args, "no_db", False):
            open_counter(args.db or default_database())
            officer = sign_in_for(args)
        result = handler(Context(args, officer))
        return int(result or 0)
    except MotCuaError as exc:
        sys.stderr.write(f"Lỗi: {exc}\n")
        return 2
    except BrokenPipeError:  # the output was piped into a command that stopped reading
        return 0
    except OSError as exc:
        sys.stderr.write(f"Lỗi: không đọc/ghi được tệp: {exc}\n")
        return 2
    finally:
        close_database()
