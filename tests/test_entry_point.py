"""main.py: a broken desktop install is reported for what it is, never as the help text."""
from __future__ import annotations

import sys

import pytest

import main

# commands run in-process sign in as scripts do (MOTCUA_PASSWORD)
pytestmark = pytest.mark.usefixtures("signed_in")


def test_an_import_error_in_the_gui_is_shown(monkeypatch, capsys):
    from models import logs

    monkeypatch.setattr(logs, "configure_logging", lambda **kw: None)
    monkeypatch.setitem(sys.modules, "ui.app", None)  # importing it now raises ImportError
    boxes = []
    monkeypatch.setattr(main, "native_message_box", lambda title, text: boxes.append(text))
    assert main.main([]) == 1
    err = capsys.readouterr().err
    assert "không mở được giao diện" in err and "ui.app" in err
    assert "Cách dùng" not in err  # not the help text
    assert boxes == []  # a console program: stderr is enough
    assert main.main([], windowed=True) == 1
    assert len(boxes) == 1 and "ui.app" in boxes[0]  # the windowed one has no console


def test_both_entry_points_are_declared():
    import tomllib
    from pathlib import Path

    project = tomllib.loads((Path(main.__file__).parent / "pyproject.toml").read_text())["project"]
    assert project["scripts"]["motcua"] == "main:main"
    assert project["gui-scripts"]["motcua-gui"] == "main:gui_main"


@pytest.mark.parametrize(("argv", "expected"), [
    ([], {"db": None, "officer": None}),
    (["--db", "x.sqlite3"], {"db": "x.sqlite3", "officer": None}),
    (["--db=x.sqlite3", "--officer", "hang"], {"db": "x.sqlite3", "officer": "hang"}),
    (["list"], None),  # a command: the command line's parser reads it
    (["--db", "x.sqlite3", "list"], None),
    (["--version"], None),
    (["--help"], None),
    (["--db"], None),  # a mistake: argparse says what is wrong
    (["--json"], None),
])
def test_the_desktop_start_skips_the_command_parser_only_without_a_command(argv, expected):
    assert main.desktop_options(argv) == expected


def test_a_command_line_mistake_still_gets_the_parser_message(capsys):
    with pytest.raises(SystemExit) as stopped:
        main.main(["--db"])
    assert stopped.value.code == 2
    assert "--db: cần một giá trị" in capsys.readouterr().err
