"""Officer accounts (tài khoản cán bộ) and sign-in.

Passwords are hashed with scrypt from the standard library (memory-hard; n=2**14, r=8, p=1
uses 16 MiB per check, which slows guessing without slowing a sign-in).
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from .audit import audit, now
from .db import write_transaction
from .errors import NotFoundError, ValidationError
from .tables import Officer
from .limits import OFFICER_NAME_MAX
from .text import checked_text, clean

ROLES = {"officer": "Cán bộ tiếp nhận", "leader": "Lãnh đạo", "admin": "Quản trị"}
_USERNAME = re.compile(r"^[a-z0-9._-]{2,32}$")
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
PASSWORD_MIN = 8


@dataclass(frozen=True)
class OfficerInfo:
    id: int
    username: str
    full_name: str
    role: str
    active: bool
    has_password: bool

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def _info(row: Officer) -> OfficerInfo:
    return OfficerInfo(row.id, row.username, row.full_name, row.role, row.active, bool(row.password_hash))


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, dklen=32, **_SCRYPT)
    enc = lambda b: base64.b64encode(b).decode()  # noqa: E731
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${enc(salt)}${enc(digest)}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    expected = base64.b64decode(digest)
    actual = hashlib.scrypt(password.encode(), salt=base64.b64decode(salt), dklen=len(expected),
                            n=int(n), r=int(r), p=int(p))
    return hmac.compare_digest(actual, expected)


def _check_password(password: str) -> None:
    if len(password or "") < PASSWORD_MIN:
        raise ValidationError({"password": f"Mật khẩu phải có ít nhất {PASSWORD_MIN} ký tự."})


def add_officer(username: str, full_name: str, role: str = "officer", password: str | None = None,
                *, by: Officer | None = None, at: datetime | None = None) -> OfficerInfo:
    username = clean(username).lower()
    errors = {}
    try:
        full_name = checked_text(full_name, "full_name", "Họ và tên cán bộ", OFFICER_NAME_MAX)
    except ValidationError as exc:
        errors.update(exc.errors)
        full_name = "-"
    if not _USERNAME.match(username):
        errors["username"] = "Tên đăng nhập gồm 2–32 ký tự: chữ thường không dấu, số, dấu chấm, gạch."
    if not full_name:
        errors["full_name"] = "Họ và tên cán bộ không được để trống."
    if role not in ROLES:
        errors["role"] = "Vai trò phải là officer (cán bộ), leader (lãnh đạo) hoặc admin (quản trị)."
    if password is not None:
        try:
            _check_password(password)
        except ValidationError as exc:
            errors.update(exc.errors)
    if errors:
        raise ValidationError(errors)
    with write_transaction():
        if Officer.get_or_none(Officer.username == username):
            raise ValidationError({"username": f"Tên đăng nhập “{username}” đã tồn tại."})
        row = Officer.create(username=username, full_name=full_name, role=role,
                             password_hash=hash_password(password) if password else "",
                             created_at=at or now())
        audit("officer.add", by, "officer", username, {"role": role}, at=at)
    return _info(row)


def set_password(username: str, password: str, *, by: Officer | None = None) -> None:
    _check_password(password)
    with write_transaction():
        row = get_officer_row(username)
        row.password_hash = hash_password(password)
        row.save()
        audit("officer.passwd", by, "officer", row.username)


def update_officer(username: str, *, full_name: str | None = None, role: str | None = None,
                   active: bool | None = None, by: Officer | None = None) -> OfficerInfo:
    with write_transaction():
        row = get_officer_row(username)
        if full_name is not None:
            row.full_name = checked_text(full_name, "full_name", "Họ và tên cán bộ", OFFICER_NAME_MAX,
                                         required=True)
        if role is not None:
            if role not in ROLES:
                raise ValidationError({"role": "Vai trò không hợp lệ."})
            row.role = role
        if active is not None:
            row.active = active
        row.save()
        audit("officer.update", by, "officer", row.username,
              {"full_name": full_name, "role": role, "active": active})
    return _info(row)


def get_officer_row(username: str) -> Officer:
    row = Officer.get_or_none(Officer.username == clean(username).lower())
    if row is None:
        raise NotFoundError(f"Không có cán bộ với tên đăng nhập “{username}”.")
    return row


def list_officers() -> list[OfficerInfo]:
    return [_info(r) for r in Officer.select().order_by(Officer.username)]


def authenticate(username: str, password: str) -> OfficerInfo:
    """Sign-in: the officer, or ValidationError with one message for every kind of failure."""
    row = Officer.get_or_none(Officer.username == clean(username).lower())
    if row is None or not row.active or not row.password_hash or not verify_password(password, row.password_hash):
        raise ValidationError({"password": "Tên đăng nhập hoặc mật khẩu không đúng."})
    return _info(row)


def has_officers() -> bool:
    return Officer.select().exists()


def anyone_can_sign_in() -> bool:
    """False on a new database, and on one set up from the command line with no password yet."""
    return Officer.select().where((Officer.active == True) & (Officer.password_hash != "")).exists()  # noqa: E712


def open_admin_account(username: str, full_name: str, password: str) -> OfficerInfo:
    """The first-run wizard's administrator: a new account, or the password-less one that
    ``setup`` on the command line made (so the GUI can take over a CLI-configured counter)."""
    row = Officer.get_or_none(Officer.username == clean(username).lower())
    if row is None or row.password_hash:
        return add_officer(username, full_name, "admin", password)
    _check_password(password)
    if not clean(full_name):
        raise ValidationError({"full_name": "Họ và tên cán bộ không được để trống."})
    with write_transaction():
        row.full_name, row.role, row.active = clean(full_name), "admin", True
        row.password_hash = hash_password(password)
        row.save()
        audit("officer.passwd", row, "officer", row.username)
    return _info(row)
