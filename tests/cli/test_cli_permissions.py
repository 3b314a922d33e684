"""Roles on the command line: every role × every action, signed in with its password — allowed,
or refused with exit status 2, the service's Vietnamese message, and nothing done."""
from __future__ import annotations

import json

import pytest

from cli.app import run
from models.db import close_database, open_database
from models.permissions import ROLES
from models.tables import AuditLog, Dossier, StatusEvent
from tests.permission_cases import (
    CASES,
    PASSWORD,
    ROLE_ACCOUNTS,
    allowed,
    make_accounts,
    refusal_message,
    refused_as,
)


def _state() -> tuple:
    """What a refused command must leave as it was (dossiers and their steps)."""
    return (Dossier.select().count(), StatusEvent.select().count(),
            [tuple(r) for r in Dossier.select(Dossier.code, Dossier.status, Dossier.due_at).tuples()])


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize("action", sorted(CASES))
def test_every_role_and_action_on_the_command_line(officer, db_path, tmp_path, capsys, monkeypatch,
                                                   qapp, action, role):
    # (qapp: `print` needs a Qt application; the GUI tests later need it to be a QApplication)
    make_accounts(officer)
    case = CASES[action]
    ctx = case.prepare(officer, tmp_path)
    before = _state()
    argv = case.command(ctx)
    monkeypatch.setenv("MOTCUA_PASSWORD", PASSWORD)
    code = run(["--db", str(db_path), "--officer", ROLE_ACCOUNTS[role], *argv])  # closes the database
    out, err = capsys.readouterr()
    open_database(str(db_path))
    try:
        if allowed(action, role):
            # (printing to a printer that does not exist, or reading a file that is no
            # acknowledgement, fails after the permission was granted; a package that is not
            # one is refused for its content, status 1)
            assert code == {"form.print": 2, "sync.ack": 2, "package.apply": 1}.get(action, 0), err
            assert "không được" not in err, err
            return
        assert code == 2
        assert err == f"Lỗi: {refusal_message(action, role)}\n"
        assert out == ""
        assert _state() == before
        last = AuditLog.select().order_by(AuditLog.id.desc()).first()
        assert last.action == refused_as(action, role)
        assert json.loads(last.details)["refused"] == refusal_message(action, role)
    finally:
        close_database()
