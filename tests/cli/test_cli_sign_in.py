"""Signing in on the command line: the password from MOTCUA_PASSWORD, --password-file or the
terminal; missing or wrong → exit 2, a Vietnamese message, nothing done; throttled across runs
(each run is a restart); the audit log for leaders and admins."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.cli.conftest import ROOT, intake_json, js
from tests.conftest import TEST_PASSWORD


def test_no_password_no_command(cli):
    result = cli("--json", "intake", "--from-json", "-", stdin=intake_json(), password=None, expect=2)
    assert result.stdout == ""
    assert result.stderr.startswith("Lỗi: Cần đăng nhập: mật khẩu của cán bộ “admin” chưa được cung cấp.")
    assert "MOTCUA_PASSWORD" in result.stderr and "--password-file" in result.stderr
    assert js(cli("--json", "list")) == []  # nothing was received


def test_a_wrong_password_does_nothing(cli):
    result = cli("intake", "--from-json", "-", stdin=intake_json(), password="doan-mo-thoi", expect=2)
    assert result.stderr == "Lỗi: Tên đăng nhập hoặc mật khẩu không đúng.\n"
    assert js(cli("--json", "list")) == []
    # even reading needs the password
    assert "không đúng" in cli("list", password="doan-mo-thoi", expect=2).stderr


def test_password_file_wins_over_the_environment(cli, tmp_path):
    secret = tmp_path / "mat-khau.txt"
    secret.write_text(TEST_PASSWORD + "\n", encoding="utf-8")
    assert js(cli("--json", "--password-file", str(secret), "settings", password="sai-mat-khau"))["place"] == "Tam Đảo"
    missing = cli("settings", "--password-file", str(tmp_path / "khong-co.txt"), expect=2)
    assert "Không đọc được tệp mật khẩu" in missing.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal is POSIX")
def test_the_terminal_asks_for_the_password(cli, tmp_path):
    import pty

    main_fd, tty_fd = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "MOTCUA_PASSWORD"}
    env["MOTCUA_DB"] = str(tmp_path / "cli.sqlite3")
    process = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--json", "settings"], stdin=tty_fd,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp_path,
                               start_new_session=True)
    os.close(tty_fd)
    prompt = b""
    while b"admin: " not in prompt:  # typed once asked: turning echo off flushes earlier input
        chunk = os.read(process.stderr.fileno(), 256)
        assert chunk, prompt
        prompt += chunk
    assert "Mật khẩu của admin: ".encode() in prompt
    os.write(main_fd, (TEST_PASSWORD + "\n").encode())
    out, err = process.communicate(timeout=60)
    os.close(main_fd)
    assert process.returncode == 0, err.decode()
    assert b'"agency_code": "H12.22.01"' in out


def test_throttled_across_runs_until_an_admin_lifts_it(cli):
    cli("officers", "add", "hung", "--full-name", "Trần Văn Hùng", "--password", "mat-khau-hung")
    for _ in range(5):
        cli("--officer", "hung", "list", password="sai-mat-khau", expect=2)
    locked = cli("--officer", "hung", "list", password="mat-khau-hung", expect=2)
    assert "Đã nhập sai mật khẩu nhiều lần: phải chờ đến" in locked.stderr
    listed = next(o for o in js(cli("--json", "officers", "list")) if o["username"] == "hung")
    assert listed["locked_until"] is not None
    assert js(cli("--json", "officers", "unlock", "hung"))["unlocked"] is True
    assert js(cli("--json", "--officer", "hung", "list", password="mat-khau-hung")) == []


def test_a_disabled_account_cannot_run_commands(cli):
    cli("officers", "add", "hung", "--full-name", "Trần Văn Hùng", "--password", "mat-khau-hung")
    cli("officers", "update", "hung", "--active", "no")
    result = cli("--officer", "hung", "list", password="mat-khau-hung", expect=2)
    assert "Tài khoản “hung” đã ngừng sử dụng" in result.stderr


def test_setup_of_a_new_database_and_the_province_commands_need_no_password(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("MOTCUA_PASSWORD", "MOTCUA_DB")}
    db = str(tmp_path / "moi.sqlite3")

    def run(*args):
        return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", db, *args], capture_output=True,
                              text=True, env=env, cwd=tmp_path)
    assert run("--help").returncode == 0
    made = run("setup", "--agency-code", "H12.22.01", "--agency-name", "UBND XÃ TAM ĐẢO", "--place", "Tam Đảo",
               "--admin-password", TEST_PASSWORD)
    assert made.returncode == 0, made.stderr
    again = run("setup", "--place", "Tam Đảo")  # now there is an admin: sign in first
    assert again.returncode == 2 and "Cần đăng nhập" in again.stderr
    keys = run("sync-key", "province-new", "--out", str(tmp_path / "tinh"))
    assert keys.returncode == 0, keys.stderr
    verify = run("verify-sync", str(tmp_path / "khong-co.zip"))
    assert "Cần đăng nhập" not in verify.stderr


def test_roles_are_given_comma_separated(cli):
    added = js(cli("--json", "officers", "add", "lan", "--full-name", "Nguyễn Thị Lan", "--role", "officer,leader",
                   "--password", "mat-khau-lan"))
    assert added["roles"] == ["officer", "leader"]
    changed = js(cli("--json", "officers", "update", "lan", "--role", "leader"))
    assert changed["roles"] == ["leader"]
    bad = cli("officers", "add", "x1", "--full-name", "X", "--role", "boss", "--password", "mat-khau-x1", expect=2)
    assert "không có vai trò “boss”" in bad.stderr
    # a leader may not receive; the command says who and why
    refused = cli("--officer", "lan", "intake", "--from-json", "-", stdin=intake_json(), password="mat-khau-lan",
                  expect=2)
    assert refused.stderr == "Lỗi: Tài khoản lan (vai trò lãnh đạo) không được tiếp nhận hồ sơ.\n"


def test_audit_lists_who_did_what_for_leaders_and_admins(cli):
    code = js(cli("--json", "intake", "--from-json", "-", stdin=intake_json(received_at=None)))["code"]
    cli("officers", "add", "hung", "--full-name", "Trần Văn Hùng", "--password", "mat-khau-hung")
    cli("--officer", "hung", "stop", code, "--reason", "x", password="mat-khau-hung", expect=2)
    rows = js(cli("--json", "audit"))
    assert {"id", "at", "actor", "actor_name", "action", "entity", "entity_id", "refused", "details"} <= set(rows[0])
    assert [(r["actor"], r["action"], r["refused"]) for r in rows if r["entity_id"] == code] == [
        ("admin", "dossier.receive", False), ("hung", "dossier.stop", True)]
    assert [r["action"] for r in js(cli("--json", "audit", "--code", code.lower()))] == [
        "dossier.receive", "dossier.stop"]
    assert all(r["actor"] == "hung" for r in js(cli("--json", "audit", "--officer", "hung")))
    today = rows[-1]["at"][:10]
    assert js(cli("--json", "audit", "--from", today, "--to", today)) == rows
    assert js(cli("--json", "audit", "--to", "2000-01-01")) == []
    text = cli("audit", "--code", code).stdout
    assert "hung (Trần Văn Hùng)  BỊ TỪ CHỐI – Dừng xử lý" in text
    refused = cli("--officer", "hung", "audit", password="mat-khau-hung", expect=2)
    assert refused.stderr == "Lỗi: Tài khoản hung (vai trò cán bộ một cửa) không được xem nhật ký thao tác.\n"
