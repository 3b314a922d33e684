"""Roles in the services (DOMAIN §9): every role × every action, allowed or refused with its
message, and every refusal in the audit log — also those refused inside a transaction."""
from __future__ import annotations

import json

import pytest

from models.accounts import add_officer, get_officer_row, set_password, update_officer
from models.audit import audit_log
from models.errors import PermissionDenied, ValidationError
from models.intake import receive
from models.permissions import PERMISSIONS, ROLES, can, parse_roles, require
from models.tables import AuditLog, Dossier
from tests.factories import request
from tests.permission_cases import (
    CASES,
    PASSWORD,
    account,
    allowed,
    make_accounts,
    new_dossier,
    refusal_message,
    refused_as,
)


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize("action", sorted(CASES))
def test_every_role_and_action(officer, tmp_path, qapp, action, role):
    # (qapp: printing needs a Qt application; the GUI tests later need it to be a QApplication)
    make_accounts(officer)
    case = CASES[action]
    ctx = case.prepare(officer, tmp_path)
    actor = account(role)
    audit_rows = AuditLog.select().count()
    if allowed(action, role):
        case.service(actor, ctx)
        assert not AuditLog.select().where(AuditLog.details.contains('"refused"')).exists()
        return
    with pytest.raises(PermissionDenied) as refused:
        case.service(actor, ctx)
    message = refusal_message(action, role)
    assert str(refused.value) == message
    # the refusal is in the audit log, naming the account — even when it was refused inside
    # the action's transaction, which rolled back
    rows = list(AuditLog.select().where(AuditLog.id > 0).order_by(AuditLog.id.desc()).limit(1))
    assert AuditLog.select().count() == audit_rows + 1
    assert rows[0].officer_id == actor.id and rows[0].action == refused_as(action, role)
    assert json.loads(rows[0].details)["refused"] == message


def test_the_table_names_every_role_and_something_for_each(officer):
    assert set(ROLES) == {"officer", "leader", "admin"}
    for role in ROLES:
        assert any(role in allowed_roles for allowed_roles, _ in PERMISSIONS.values())
    assert parse_roles("leader, officer") == ("officer", "leader")
    with pytest.raises(ValidationError) as error:
        parse_roles("officer,boss")
    assert "không có vai trò “boss”" in str(error.value)


def test_the_setup_account_holds_every_role(officer):
    assert officer.roles == "officer,leader,admin"
    assert all(can(officer, action) for action in PERMISSIONS)


def test_a_disabled_account_is_refused_everywhere_even_while_signed_in(officer):
    add_officer("hung", "Trần Văn Hùng", "officer", PASSWORD, by=officer)
    hung = get_officer_row("hung")  # signed in before being disabled (a GUI session)
    code = new_dossier(officer)
    update_officer("hung", active=False, by=officer)
    with pytest.raises(PermissionDenied) as refused:
        receive(request(), hung)
    assert str(refused.value) == "Tài khoản hung đã ngừng sử dụng, không được tiếp nhận hồ sơ."
    assert Dossier.select().count() == 1  # nothing received
    with pytest.raises(PermissionDenied):
        from models import workflow

        workflow.forward(code, hung)
    refused_rows = [r for r in audit_log(by=officer, officer="hung") if r.refused]
    assert [r.action for r in refused_rows] == ["dossier.receive", "dossier.forward"]


def test_ones_own_password_is_anyones_but_anothers_is_the_admins(officer):
    make_accounts(officer)
    clerk = account("officer")
    set_password("canbo", "mat-khau-cua-toi", by=clerk)
    with pytest.raises(PermissionDenied) as refused:
        set_password("lanhdao", "mat-khau-cua-toi", by=clerk)
    assert "không được đặt mật khẩu cho tài khoản khác" in str(refused.value)


def test_an_admin_cannot_lock_themselves_out(officer):
    with pytest.raises(ValidationError) as error:
        update_officer("admin", roles="officer", by=officer)
    assert "Không thể tự bỏ quyền quản trị" in str(error.value)
    assert get_officer_row("admin").roles == "officer,leader,admin"


def test_an_extension_is_signed_by_a_leader(officer):
    from datetime import timedelta

    from models import workflow
    from models.audit import now as clock
    from models.holidays_admin import load_calendar

    make_accounts(officer)
    clerk = account("officer")
    code = new_dossier(officer)
    new_due = (clock() + timedelta(days=10)).replace(hour=16, minute=0, second=0)
    while not load_calendar().is_working_day(new_due.date()):
        new_due += timedelta(days=1)
    with pytest.raises(ValidationError) as error:  # an officer must name the leader who signs
        workflow.extend(code, clerk, new_due=new_due, reason="Chờ xác minh")
    assert error.value.field == "signer"
    with pytest.raises(ValidationError) as error:  # …and a leader it must be
        workflow.extend(code, clerk, new_due=new_due, reason="Chờ xác minh", signer="quantri")
    assert "không phải lãnh đạo" in str(error.value)
    view = workflow.extend(code, clerk, new_due=new_due, reason="Chờ xác minh", signer="lanhdao")
    change = view.due_history[-1]
    assert (change.signer, change.signer_name, change.overdue) == ("lanhdao", "Cán bộ lanhdao", False)
    # a leader signs their own
    view = workflow.extend(code, account("leader"), new_due=new_due + timedelta(days=7), reason="Thêm",
                           now=clock())
    assert view.due_history[-1].signer == "lanhdao"


def test_require_reads_the_account_again(officer):
    add_officer("hung", "Trần Văn Hùng", "officer,leader", PASSWORD, by=officer)
    hung = get_officer_row("hung")
    assert require(hung, "dossier.stop").username == "hung"
    update_officer("hung", roles="officer", by=officer)
    with pytest.raises(PermissionDenied):
        require(hung, "dossier.stop")  # the row in hand still says leader; the database does not
