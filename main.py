"""MotCua entry point: a command runs on the command line; no command starts the desktop app.

``motcua`` (console) and ``motcua-gui`` (windowed: no console on Windows) both come here. A
windowed program has no stderr to read, so there a failure before the window opens is shown in
a message box as well as written to the log.
"""
from __future__ import annotations

import sys
from pathlib import Path

GUI_ENTRY_SUFFIX = "-gui"  # the windowed executable of the PyInstaller build: motcua-gui(.exe)


# The options the desktop app takes; anything else on the command line is for cli.app.
GUI_OPTIONS = ("--db", "--officer")


def main(argv: list[str] | None = None, *, windowed: bool = False) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from models.logs import configure_logging

    configure_logging()
    options = desktop_options(argv)
    if options is None:
        from cli.app import run

        code = run(argv)
        if code != -1:
            return code
        from cli.app import build_parser

        args = build_parser().parse_args(argv)
        options = {"db": args.db, "officer": args.officer}
    try:
        from ui.app import run_gui
    except ImportError as exc:  # a broken install: say what is missing, never fall back silently
        return _report_broken_gui(exc, windowed)
    return run_gui(**options)


def desktop_options(argv: list[str]) -> dict[str, str | None] | None:
    """``{"db": …, "officer": …}`` when ``argv`` starts the desktop app (no command, only the
    app's own options); None when the command line's parser must read it (a command, --help,
    --version, a mistake). The shortcut's start so skips building every command's parser."""
    options: dict[str, str | None] = {"db": None, "officer": None}
    rest = list(argv)
    while rest:
        name, equals, value = rest.pop(0).partition("=")
        if name not in GUI_OPTIONS:
            return None
        if not equals:
            if not rest or rest[0].startswith("-"):
                return None
            value = rest.pop(0)
        options[name[2:]] = value
    return options


def gui_main() -> int:
    """The windowed entry point (``motcua-gui``)."""
    return main(windowed=True)


def _report_broken_gui(exc: ImportError, windowed: bool) -> int:
    import logging

    logging.getLogger("motcua").critical("the desktop app cannot start", exc_info=exc)
    missing = exc.name or str(exc)
    message = (f"Lỗi: không mở được giao diện vì thiếu thư viện hoặc tệp của chương trình "
               f"({missing}: {exc}). Hãy cài lại MotCua; các lệnh dòng lệnh vẫn dùng được "
               f"(motcua --help).")
    from models.logs import current_log_file

    log = current_log_file()
    if log is not None:
        message += f"\nChi tiết trong tệp nhật ký: {log}"
    if sys.stderr is not None:
        sys.stderr.write(message + "\n")
    if windowed or sys.stderr is None:
        native_message_box("MotCua", message)
    return 1


def native_message_box(title: str, text: str) -> None:
    """A message box without Qt (Qt may be what failed); only Windows has one at hand."""
    if sys.platform == "win32":
        import ctypes

        ctypes.windll.user32.MessageBoxW(None, text, title, 0x10)  # MB_ICONERROR


def _started_windowed() -> bool:
    """The PyInstaller build has two executables on one script; the windowed one ends in -gui."""
    return Path(sys.executable).stem.lower().endswith(GUI_ENTRY_SUFFIX) and getattr(sys, "frozen", False)


if __name__ == "__main__":
    sys.exit(main(windowed=_started_windowed()))
