"""Parser and dispatcher. Invalid input exits 2 with a Vietnamese message on stderr."""
from __future__ import annotations

import argparse
import functools
import importlib
import logging
import os
import re
import sys
from pathlib import Path

from models.db import close_database, is_url
from models.errors import MotCuaError
from models.logs import log_version
from models.paths import default_database
from models.storage_errors import classify, os_reason
from models.version import APP_VERSION

from .context import Context
from .sign_in import sign_in_for

log = logging.getLogger(__name__)


# Every cli/*_commands.py module, in name order; each has ``register(subparsers)`` and may have
# ``extend(subparsers)``, called once every module registered its commands. Named here,
# not found by scanning the folder, so the PyInstaller build (motcua.spec reads this list) and
# any other frozen or zipped install have them all; tests/cli/test_command_modules.py checks
# the list against the folder.
COMMAND_MODULES = (
    "admin_commands",
    "attachment_commands",
    "audit_commands",
    "backup_commands",
    "citizen_commands",
    "dossier_commands",
    "office_commands",
    "package_commands",
    "print_commands",
    "report_commands",
    "sync_commands",
)


def command_modules() -> list:
    return [importlib.import_module(f"{__package__}.{name}") for name in COMMAND_MODULES]


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
    (r"argument (.*): ignored explicit argument (.*)", r"\1: không nhận giá trị \2"),
    (r"argument (\S+): (.*)", r"\1: \2"),  # our own option types already speak Vietnamese
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
    parser.add_argument("--version", action="version", version=f"MotCua {APP_VERSION}",
                        help="hiện số phiên bản rồi thoát")
    _add_common_options(parser, None)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="lệnh",
                                     parser_class=VietnameseParser)
    modules = command_modules()
    for module in modules:
        module.register(commands)
    for module in modules:  # options one module adds to another's commands (``extend(commands)``)
        if hasattr(module, "extend"):
            module.extend(commands)
    for sub in _all_subparsers(commands):
        # The common options are accepted after the command too (`intake … --json`); there
        # they default to "not given", so a value given before the command stands.
        _add_common_options(sub, argparse.SUPPRESS)
    return parser


@functools.lru_cache(maxsize=1)
def _parser() -> argparse.ArgumentParser:
    """Built once per process (about 40 ms): scripts and tests run many commands in one."""
    return build_parser()


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
    """Run one command; returns the exit code (-1: no command, the caller starts the GUI).

    0 done; 2 refused with a Vietnamese message on stderr (bad input, a storage failure such as
    a full disk, a damaged database); 1 for a failure that is a bug (logged, and said in
    Vietnamese: no traceback reaches the user).
    """
    _quiet_logging()
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        return -1  # the caller starts the GUI
    handler = getattr(args, "handler", None)
    if handler is None:  # a command group without its sub-command
        parser.parse_args([*argv, "--help"])
        return 2
    log_version()
    logging.getLogger("motcua").info("command: %s", args.command)
    target = args.db or ""
    try:
        target = args.db or default_database()
        officer = None
        if not getattr(args, "no_db", False):
            officer = _open_signed_in(args, target)
        result = handler(Context(args, officer))
        return int(result or 0)
    except MotCuaError as exc:
        sys.stderr.write(f"Lỗi: {exc}\n")
        return 2
    except BrokenPipeError:  # the output was piped into a command that stopped reading
        return 0
    except KeyboardInterrupt:
        sys.stderr.write("Đã dừng theo yêu cầu (Ctrl+C); thao tác đang làm dở không được ghi.\n")
        return 130
    except Exception as exc:  # noqa: BLE001 - the last line of defence: never a traceback
        found = classify(exc, None if is_url(target) else target)
        if found is not None:
            sys.stderr.write(f"Lỗi: {found}\n")
            return 2
        if isinstance(exc, OSError):
            where = f" {exc.filename}" if exc.filename else ""
            sys.stderr.write(f"Lỗi: không đọc/ghi được tệp{where}: {os_reason(exc)}\n")
            return 2
        log.exception("command %s failed", args.command)
        sys.stderr.write("Lỗi: phần mềm gặp lỗi không mong đợi khi thực hiện lệnh này; không có gì "
                         "được ghi dở. Chi tiết đã ghi vào nhật ký; hãy báo quản trị hệ thống.\n")
        return 1
    finally:
        try:
            close_database()
        except Exception:  # noqa: BLE001 - closing a broken database must not raise either
            log.warning("closing the database failed", exc_info=True)


def _open_signed_in(args: argparse.Namespace, target: str):
    """Open the counter database and sign the officer in.

    A command that only looks opens the database read-only, but a sign-in writes (a failure
    counts towards the throttle, a success clears it, models.accounts): so it signs in on a
    writable connection first whenever the file can be written, and only then reopens
    read-only. On read-only media the sign-in is checked without being able to record it.
    """
    from models.session import open_counter
    from models.tables import Officer

    if not getattr(args, "read_only", False):
        open_counter(target)
        return sign_in_for(args)
    if is_url(target) or _writable(target):
        open_counter(target)
        officer = _checked(args, sign_in_for(args))  # a refusal is audited while we can write
        close_database()
        open_counter(target, read_only=True)
        return None if officer is None else Officer.get_by_id(officer.id)
    open_counter(target, read_only=True)
    return _checked(args, sign_in_for(args))


def _checked(args: argparse.Namespace, officer):
    """A look that needs a role (``permission`` in the command's defaults, e.g. "report.read")
    is checked at sign-in, before the database is reopened read-only; the service checks again."""
    from models.permissions import require

    permission = getattr(args, "permission", None)
    if permission and officer is not None:
        require(officer, permission)
    return officer


def _writable(path: str) -> bool:
    file = Path(path).expanduser()
    return file.is_file() and os.access(file, os.W_OK) and os.access(file.parent, os.W_OK)


def _quiet_logging() -> None:
    """Without a configured handler, Python prints warnings and tracebacks to stderr (its
    "last resort"); the command line must not. The app's log file, when set up, still gets
    everything."""
    root = logging.getLogger()
    if not root.handlers:
        root.addHandler(logging.NullHandler())
