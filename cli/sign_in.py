"""Signing in on the command line: every command that opens a counter database acts as a
signed-in account (DOMAIN §9).

The password comes from ``--password-file FILE`` (its first line), else the ``MOTCUA_PASSWORD``
environment variable (for scripts), else a prompt on the terminal. Without one, or with a
wrong one, the command stops with exit status 2 before doing anything. Sign-in is throttled
like the desktop app's (models.accounts), and a disabled account is refused.

Exceptions: ``--help``; ``setup`` while no account can sign in yet (a new database: it sets the
first admin's password); commands that open no counter database (``verify-sync``,
``apply-sync``, ``printers``, ``sync-key province-new``).
"""
from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from models.errors import SignInError
from models.session import (
    default_username,
    needs_sign_in_for_setup,
    require_someone_can_sign_in,
    sign_in,
)
from models.tables import Officer

PASSWORD_VARIABLE = "MOTCUA_PASSWORD"


def sign_in_for(args) -> Officer | None:
    """The signed-in account for this command, or None for setup on a new database."""
    if getattr(args, "setup", False) and not needs_sign_in_for_setup():
        return None
    require_someone_can_sign_in()
    username = default_username(getattr(args, "officer", None))
    return sign_in(username, read_password(args, username))


def read_password(args, username: str) -> str:
    path = getattr(args, "password_file", None)
    if path:
        try:
            text = Path(path).expanduser().read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise SignInError({"password": f"Không đọc được tệp mật khẩu {path}: "
                                           f"{exc.strerror or exc}."}) from exc
        return text.splitlines()[0] if text else ""
    if os.environ.get(PASSWORD_VARIABLE):
        return os.environ[PASSWORD_VARIABLE]
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(f"Mật khẩu của {username}: ")
    raise SignInError({"password": (
        f"Cần đăng nhập: mật khẩu của cán bộ “{username}” chưa được cung cấp. Đặt biến môi trường "
        f"{PASSWORD_VARIABLE}, dùng --password-file TỆP, hoặc chạy lệnh trong cửa sổ dòng lệnh để "
        "nhập mật khẩu.")})
