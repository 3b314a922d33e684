"""Every permission of models.permissions, exercised the way a user would: through its service
(``service``) and through its command (``command``), on a counter prepared for it (``prepare``).

Shared by tests/models/test_permissions.py and tests/cli/test_cli_permissions.py. The clock is the
real one (the command line has no other): dossiers are received now, and "late" dossiers were
received weeks ago.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from models import workflow
from models.accounts import add_officer, get_officer_row
from models.audit import now as clock
from models.intake import IntakeRequest, PersonInput, receive
from models.permissions import PERMISSIONS

MARRIAGE = "1.004873"  # 3 working days
ROLE_ACCOUNTS = {"officer": "canbo", "leader": "lanhdao", "admin": "quantri"}
PASSWORD = "mat-khau-thu-nghiem"


def make_accounts(admin) -> None:
    """One account per role (the setup account holds all three and prepares the counter)."""
    for role, username in ROLE_ACCOUNTS.items():
        add_officer(username, f"Cán bộ {username}", role, PASSWORD, by=admin)


def new_dossier(admin, *, days_ago: int = 0, hours_ago: int = 0, name: str = "Nguyễn Thị Hằng") -> str:
    """A dossier received now (or ``days_ago`` — then late: 3 working days have passed — or
    ``hours_ago``, entered now)."""
    now = clock()
    received = now - timedelta(days=days_ago, hours=hours_ago) if days_ago or hours_ago else None
    return receive(IntakeRequest(procedure=MARRIAGE, received_at=received, applicant=PersonInput(
        name=name, id_number="001190012345", phone="0912345678")), admin, now=now).code


def _working_day(after: timedelta) -> datetime:
    from models.holidays_admin import load_calendar

    moment = (clock() + after).replace(hour=16, minute=0, second=0, microsecond=0)
    while not load_calendar().is_working_day(moment.date()):
        moment += timedelta(days=1)
    return moment


@dataclass
class Case:
    """``prepare(admin, tmp)`` → context; ``service(actor, ctx)`` does the action as ``actor``;
    ``command(ctx)`` is the same action on the command line (without --officer)."""

    prepare: Callable[..., dict] = lambda admin, tmp: {}
    service: Callable[..., object] | None = None
    command: Callable[[dict], list[str]] | None = None
    first: str | None = None  # a permission checked before this one (its refusal comes first)


def _received(admin, tmp) -> dict:
    return {"code": new_dossier(admin)}


def _paused(admin, tmp) -> dict:
    code = new_dossier(admin)
    workflow.request_supplement(code, admin, missing=["Tờ khai"], reason="Thiếu")
    return {"code": code}


def _asked_once(admin, tmp) -> dict:
    ctx = _paused(admin, tmp)
    workflow.resume(ctx["code"], admin)
    return ctx


def _financial(admin, tmp) -> dict:
    code = new_dossier(admin)
    workflow.request_payment(code, admin, note="Nộp lệ phí")
    return {"code": code}


def _finished(admin, tmp) -> dict:
    code = new_dossier(admin)
    workflow.finish(code, admin)
    return {"code": code}


def _late(admin, tmp) -> dict:
    return {"code": new_dossier(admin, days_ago=14), "new_due": _working_day(timedelta(days=3))}


def _intake_file(admin, tmp) -> dict:
    path = Path(tmp) / "intake.json"
    path.write_text(json.dumps({"procedure": MARRIAGE, "applicant": {
        "name": "Lê Văn An", "id_number": "001090012345", "phone": "0912345678"}}, ensure_ascii=False),
        encoding="utf-8")
    return {"file": str(path)}


def _extend_ctx(admin, tmp) -> dict:
    return {"code": new_dossier(admin), "new_due": _working_day(timedelta(days=10))}


def _catalog_file(admin, tmp) -> dict:
    path = Path(tmp) / "catalog.json"
    path.write_text(json.dumps({"procedures": [{
        "code": "9.999999", "name": "Thủ tục thử", "field": "Thử", "duration": {"value": 1, "unit": "working_days"},
        "documents": [{"name": "Tờ khai"}]}]}, ensure_ascii=False), encoding="utf-8")
    return {"file": str(path), "entries": json.loads(path.read_text(encoding="utf-8"))["procedures"]}


def _province_key(admin, tmp) -> dict:
    from sync.keys import new_province_keys

    _private, public = new_province_keys()
    path = Path(tmp) / "province-public.json"
    path.write_text(json.dumps(public), encoding="utf-8")
    return {"file": str(path)}


def _locked(admin, tmp) -> dict:
    from models.accounts import authenticate
    from models.errors import SignInError

    for _ in range(6):
        try:
            authenticate("khoa", "sai-mat-khau")
        except SignInError:
            pass
    add_officer("khoa", "Cán bộ bị khóa", "officer", PASSWORD, by=admin)
    return {"user": "khoa"}


def _other_account(admin, tmp) -> dict:
    add_officer("khac", "Cán bộ khác", "officer", PASSWORD, by=admin)
    return {"user": "khac"}


def _period_report(actor, ctx):
    from models.report_period import Period
    from models.reports import period_report

    return period_report(Period.month(clock().year, clock().month), officer=actor)


def _audit(actor, ctx):
    from models.audit import audit_log

    return audit_log(by=actor)


def _settings(actor, ctx):
    from models.settings import load_settings, save_settings

    return save_settings(load_settings(), by=actor)


def _catalog(actor, ctx):
    from models.catalog import import_entries

    return import_entries(ctx["entries"], officer=actor)


def _calendar(actor, ctx):
    from models.holidays_admin import set_override

    return set_override(date(2030, 1, 7), False, "Công văn thử", officer=actor)


def _keys(actor, ctx):
    from sync.keys import set_province_key

    return set_province_key(ctx["file"], by=actor)


def _print(actor, ctx):
    from models.forms import print_form
    from printing.dispatch import PrintError

    try:
        print_form("receipt", ctx["code"], by=actor, printer="Máy in không có")
    except PrintError:
        return "printed (no such printer)"


def _export(actor, ctx):
    from sync.export import run_export

    return run_export(clock().date(), ctx["out"], by=actor)


def _ack(actor, ctx):
    from models.errors import MotCuaError, PermissionDenied
    from sync.ack import import_ack

    try:
        import_ack(ctx["file"], by=actor)
    except PermissionDenied:
        raise
    except MotCuaError:
        return "read (not an acknowledgement)"


def _export_ctx(admin, tmp) -> dict:
    return {"out": str(Path(tmp) / "out")}


def _ack_ctx(admin, tmp) -> dict:
    path = Path(tmp) / "ack.json"
    path.write_text("{}", encoding="utf-8")
    return {"file": str(path)}


def _print_ctx(admin, tmp) -> dict:
    return {"code": new_dossier(admin)}


def _online_ctx(admin, tmp) -> dict:
    """An online dossier waiting at the counter (status 1), as a province package brings it."""
    from models.db import write_transaction
    from models.online import register_submissions
    from tests.package_fixtures import online_dossier

    now = clock().replace(microsecond=0)
    code = "G22.39-" + now.strftime("%y%m%d") + "-0001"
    with write_transaction():
        register_submissions([online_dossier(code, submitted_at=now.isoformat())], by=admin, now=now)
    return {"code": code}


def _fee_ctx(admin, tmp) -> dict:
    """A dossier with a fee to pay (chứng thực hợp đồng, giao dịch: 50.000 đồng)."""
    code = receive(IntakeRequest(procedure="2.001035", applicant=PersonInput(
        name="Nguyễn Thị Hằng", id_number="001190012345", phone="0912345678")), admin).code
    return {"code": code}


def _junk_package(admin, tmp) -> dict:
    path = Path(tmp) / "motcua-province_H12.22.01_20260101000000.zip"
    path.write_bytes(b"not a package")
    return {"file": str(path)}


def _apply_package(actor, ctx):
    from sync.package_apply import apply_package_file

    return apply_package_file(ctx["file"], by=actor)  # refused for its content, not its reader


def _attach_ctx(admin, tmp) -> dict:
    from tests.scans import png_bytes

    path = Path(tmp) / "to-khai.png"
    path.write_bytes(png_bytes(1))
    return {"code": new_dossier(admin), "file": str(path)}


def _attach(actor, ctx):
    from models.attachments import attach

    return attach(ctx["code"], [ctx["file"]], actor, paper=1)


def _attachment_settings(actor, ctx):
    from models.attachments import save_attachment_settings

    return save_attachment_settings(by=actor, max_mb=10)


def _backup_settings(actor, ctx):
    from models.backup import save_backup_settings

    return save_backup_settings(keep_days=20, by=actor)


PAST = "--backdate-reason"

CASES: dict[str, Case] = {
    "dossier.receive": Case(
        _intake_file,
        lambda a, c: receive(IntakeRequest(procedure=MARRIAGE, applicant=PersonInput(
            name="Lê Văn An", id_number="001090012345", phone="0912345678")), a),
        lambda c: ["intake", "--from-json", c["file"]]),
    "dossier.forward": Case(_received, lambda a, c: workflow.forward(c["code"], a, unit="Tư pháp"),
                            lambda c: ["forward", c["code"], "--unit", "Tư pháp"]),
    "dossier.supplement": Case(_received, lambda a, c: workflow.request_supplement(
        c["code"], a, missing=["Tờ khai"], reason="Thiếu"),
        lambda c: ["supplement", c["code"], "--missing", "Tờ khai", "--reason", "Thiếu"]),
    "dossier.resume": Case(_paused, lambda a, c: workflow.resume(c["code"], a),
                           lambda c: ["resume", c["code"]]),
    "dossier.request_payment": Case(_received, lambda a, c: workflow.request_payment(c["code"], a, note="Lệ phí"),
                                    lambda c: ["request-payment", c["code"], "--note", "Lệ phí"]),
    "dossier.paid": Case(_financial, lambda a, c: workflow.paid(c["code"], a), lambda c: ["paid", c["code"]]),
    "dossier.finish": Case(_received, lambda a, c: workflow.finish(c["code"], a), lambda c: ["finish", c["code"]]),
    "dossier.return": Case(_finished, lambda a, c: workflow.return_result(c["code"], a, recipient="Lê Văn An"),
                           lambda c: ["return", c["code"], "--recipient", "Lê Văn An"]),
    "dossier.refuse": Case(_received, lambda a, c: workflow.refuse(c["code"], a, reason="Không hợp lệ"),
                           lambda c: ["refuse", c["code"], "--reason", "Không hợp lệ"]),
    "dossier.withdraw": Case(_received, lambda a, c: workflow.withdraw(c["code"], a),
                             lambda c: ["withdraw", c["code"]]),
    "dossier.extend": Case(
        _extend_ctx,
        lambda a, c: workflow.extend(c["code"], a, new_due=c["new_due"], reason="Chờ xác minh",
                                     signer=ROLE_ACCOUNTS["leader"]),
        lambda c: ["extend", c["code"], "--new-due", c["new_due"].isoformat(), "--reason", "Chờ xác minh",
                   "--signer", ROLE_ACCOUNTS["leader"]]),
    "dossier.extend_late": Case(
        _late,
        lambda a, c: workflow.extend(c["code"], a, new_due=c["new_due"], reason="Chờ xác minh",
                                     signer=ROLE_ACCOUNTS["leader"]),
        lambda c: ["extend", c["code"], "--new-due", c["new_due"].isoformat(), "--reason", "Chờ xác minh",
                   "--signer", ROLE_ACCOUNTS["leader"]],
        first="dossier.extend"),
    "dossier.supplement_again": Case(
        _asked_once, lambda a, c: workflow.request_supplement(c["code"], a, missing=["Giấy khác"], reason="Thiếu"),
        lambda c: ["supplement", c["code"], "--missing", "Giấy khác", "--reason", "Thiếu"]),
    "dossier.stop": Case(_received, lambda a, c: workflow.stop(c["code"], a, reason="Tranh chấp"),
                         lambda c: ["stop", c["code"], "--reason", "Tranh chấp"]),
    "dossier.backdate": Case(
        lambda admin, tmp: {"code": new_dossier(admin, hours_ago=2)},
        lambda a, c: workflow.finish(c["code"], a, at=clock() - timedelta(minutes=30),
                                     backdate_reason="Ghi từ sổ giấy"),
        lambda c: ["finish", c["code"], "--at", (clock() - timedelta(minutes=30)).isoformat(),
                   PAST, "Ghi từ sổ giấy"]),
    "report.read": Case(service=_period_report, command=lambda c: ["report", "--period",
                                                                     f"month:{clock():%Y-%m}"]),
    "audit.read": Case(service=_audit, command=lambda c: ["audit"]),
    "officer.add": Case(service=lambda a, c: add_officer("moi", "Cán bộ mới", "officer", PASSWORD, by=a),
                        command=lambda c: ["officers", "add", "moi", "--full-name", "Cán bộ mới",
                                           "--password", PASSWORD]),
    "officer.update": Case(_other_account, lambda a, c: __import__("models.accounts", fromlist=["x"])
                           .update_officer(c["user"], full_name="Tên mới", by=a),
                           lambda c: ["officers", "update", c["user"], "--full-name", "Tên mới"]),
    "officer.passwd": Case(_other_account, lambda a, c: __import__("models.accounts", fromlist=["x"])
                           .set_password(c["user"], "mat-khau-moi-1", by=a),
                           lambda c: ["officers", "passwd", c["user"], "--password", "mat-khau-moi-1"]),
    "officer.unlock": Case(_locked, lambda a, c: __import__("models.accounts", fromlist=["x"]).unlock(c["user"], by=a),
                           lambda c: ["officers", "unlock", c["user"]]),
    "settings.update": Case(service=_settings, command=lambda c: ["setup", "--place", "Tam Đảo"]),
    "catalog.import": Case(_catalog_file, _catalog, lambda c: ["catalog", "import", c["file"]]),
    "calendar.update": Case(service=_calendar, command=lambda c: ["holidays", "add-off", "2030-01-07",
                                                                   "--reason", "Công văn thử"]),
    "sync.keys": Case(_province_key, _keys, lambda c: ["sync-key", "set-province", c["file"]]),
    "form.print": Case(_print_ctx, _print, lambda c: ["print", c["code"], "--printer", "Máy in không có"]),
    "sync.export": Case(_export_ctx, _export, lambda c: ["export-sync", "--out", c["out"]]),
    "sync.ack": Case(_ack_ctx, _ack, lambda c: ["import-ack", c["file"]]),
    "dossier.accept": Case(_online_ctx, lambda a, c: __import__("models.online", fromlist=["x"])
                           .accept(c["code"], a), lambda c: ["accept", c["code"]]),
    "fee.record_payment": Case(_fee_ctx, lambda a, c: __import__("models.fee_service", fromlist=["x"])
                               .record_payment(c["code"], a, method="cash"),
                               lambda c: ["paid", c["code"], "--method", "cash"]),
    "satisfaction.rate": Case(_received, lambda a, c: __import__("models.satisfaction", fromlist=["x"])
                              .rate(c["code"], a, level=1), lambda c: ["rate", c["code"], "--level", "1"]),
    "package.apply": Case(_junk_package, _apply_package, lambda c: ["apply-package", c["file"]]),
    "backup.settings": Case(service=_backup_settings, command=lambda c: ["backup-settings", "--keep-days", "20"]),
    "attachment.add": Case(_attach_ctx, _attach, lambda c: ["attach", c["code"], c["file"], "--paper", "1"]),
    "attachment.settings": Case(service=_attachment_settings,
                                command=lambda c: ["attachment-settings", "--max-mb", "10"]),
}
# "officer.own_password" is every role's (tested apart: one's own password); "dossier.sign_apology"
# is checked on the leader an extension names, not on the account acting (tested apart).
# "backup.restore" replaces the database the others run on: tests/models/test_restore.py.
# "server.configure" and "server.migrate" need a PostgreSQL server: tests/office/.
APART = {"officer.own_password", "dossier.sign_apology", "backup.restore", "server.configure",
         "server.migrate"}
assert set(CASES) | APART == set(PERMISSIONS), set(PERMISSIONS) - set(CASES) - APART


def allowed(action: str, role: str) -> bool:
    first = CASES[action].first
    return role in PERMISSIONS[action][0] and (first is None or role in PERMISSIONS[first][0])


def refused_as(action: str, role: str) -> str:
    """The permission whose refusal the account meets first."""
    first = CASES[action].first
    return first if first is not None and role not in PERMISSIONS[first][0] else action


def refusal_message(action: str, role: str) -> str:
    from models.permissions import ROLES

    refused = refused_as(action, role)
    return (f"Tài khoản {ROLE_ACCOUNTS[role]} (vai trò {ROLES[role].lower()}) không được "
            f"{PERMISSIONS[refused][1]}.")


def account(role: str):
    return get_officer_row(ROLE_ACCOUNTS[role])
