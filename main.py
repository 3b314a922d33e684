"""MotCua entry point: a command runs on the command line; no command starts the desktop app."""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from cli.app import build_parser, run

    argv = sys.argv[1:] if argv is None else argv
    code = run(argv)
    if code != -1:
        return code
    try:
        from ui.app import run_gui
    except ImportError:  # the desktop app is not installed in this build
        build_parser().print_help()
        return 0
    args = build_parser().parse_args(argv)
    return run_gui(db=args.db, officer=args.officer)


if __name__ == "__main__":
    sys.exit(main())
