"""Officer accounts (tài khoản cán bộ), their roles, and sign-in with throttling.

Passwords are hashed with scrypt from the standard library (memory-hard; n=2**14, r=8, p=1
uses 16 MiB per check, which slows guessing without slowing a sign-in).

Sign-in is throttled per user name typed: after ``FREE_FAILURES`` consecutive failures each
further attempt must wait longer (30 s, 1, 2, 4, 8 min), up to ``LOCK`` (15 min), which an admin
can lift. The state is in the database, so restarting the program does not reset it. A name that
does not exist is checked against a dummy hash and throttled the same way, so it answers as
slowly — and locks as surely — as a real one: the answer never tells whether the name exists.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from .audit import audit
from .audit import now as clock
from .db import write_transaction
from .errors import NotFoundError, PermissionDenied, SignInError, ValidationError
from .limits import OFFICER_NAME_MAX, OFFICER_TITLE_MAX
from .permissions import ADMIN, LEADER, ROLES, parse_roles, require, roles_of
from .tables import Officer, SignInAttempts
from .text import checked_text, clean

_USERNAME = re.compile(r"^[a-z0-9._-]{2,32}$")
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
PASSWORD_MIN = 8
FREE_FAILURES = 5
FIRST_WAIT = timedelta(seconds=30)
LOCK = timedelta(minutes=15)
WRONG = "Tên đăng nhập hoặc mật khẩu không đúng."
# A hash of a random password with the same parameters: an unknown name costs one scrypt too.
_DUMMY_HASH = ("scrypt$16384$8$1$DQcY5zRrFSUpPmBwBSx0XQ==$"
               "2DhfcNZTA/wvnRPETUPfy7u5GHm3l6a3GlHEaWMahjE=")


@dataclass(frozen=True)
class OfficerInfo:
    id: int
    username: str
    full_name: str
    roles: tuple[str, ...]
    active: bool
    has_password: bool
    locked_until: datetime | None = None
    title: str = ""  # chức danh, e.g. "Công chức Tư pháp - Hộ tịch" ("" when none is set)

    @property
    def is_admin(self) -> bool:
        return ADMIN in self.roles

    @property
    def is_leader(self) -> bool:
        return LEADER in self.roles

    @property
    def role_names(self) -> str:
        """ "Cán bộ một cửa, Lãnh đạo" """
        return ", ".join(ROLES[r] for r in self.roles)

    def to_dict(self) -> dict:
        return {"id": self.id, "username": self.username, "full_name": self.full_name,
                "roles": list(self.roles), "active": self.active, "has_password": self.has_password,
                "title": self.title, "locked_until": self.locked_until.isoformat() if self.locked_until else None}


def _info(row: Officer, locked_until: datetime | None = None) -> OfficerInfo:
    return OfficerInfo(row.id, row.username, row.full_name, roles_of(row), row.active,
                       bool(row.password_hash), locked_until, row.title)


def _title(value: str | None) -> str:
    return checked_text(value, "title", "Chức danh", OFFICER_TITLE_MAX)


def title_of(officer) -> str:
    """The officer's title (chức danh) as stored now, read afresh: a step records the title the
    person held when it was recorded (StatusEvent.officer_title), even when the account was
    changed while they were signed in. "" for none (or no officer)."""
    if officer is None:
        return ""
    return Officer.select(Officer.title).where(Officer.id == officer.id).scalar() or ""


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


def check_password(password: str) -> None:
    if len(password or "") < PASSWORD_MIN:
        raise ValidationError({"password": f"Mật khẩu phải có ít nhất {PASSWORD_MIN} ký tự."})


def _roles_text(roles: str | Iterable[str]) -> str:
    return ",".join(parse_roles(roles))


def _bootstrapping() -> bool:
    """No account can sign in yet (a new database, or one set up on the command line without a
    password): the first admin account is made without anyone signed in."""
    return not anyone_can_sign_in()


def add_officer(username: str, full_name: str, roles: str | Iterable[str] = "officer",
                password: str | None = None, *, by: Officer | None = None,
                at: datetime | None = None, title: str = "") -> OfficerInfo:
    """A new account; ``roles`` is one role or several ("officer,leader"); ``title`` its
    chức danh (ChucDanh of its steps in the day file)."""
    actor = None if by is None and _bootstrapping() else require(
        by, "officer.add", entity="officer", entity_id=clean(username).lower())
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
    try:
        title = _title(title)
    except ValidationError as exc:
        errors.update(exc.errors)
    try:
        roles_text = _roles_text(roles)
    except ValidationError as exc:
        errors.update(exc.errors)
    if password is not None:
        try:
            check_password(password)
        except ValidationError as exc:
            errors.update(exc.errors)
    if errors:
        raise ValidationError(errors)
    with write_transaction():
        if Officer.get_or_none(Officer.username == username):
            raise ValidationError({"username": f"Tên đăng nhập “{username}” đã tồn tại."})
        row = Officer.create(username=username, full_name=full_name, roles=roles_text,
                             password_hash=hash_password(password) if password else "",
                             created_at=at or clock(), title=title)
        audit("officer.add", actor, "officer", username, {"roles": roles_text, "title": title}, at=at)
    return _info(row)


def set_password(username: str, password: str, *, by: Officer | None) -> None:
    """A new password: one's own (any role), or another account's (admin)."""
    check_password(password)
    target = get_officer_row(username)
    if by is not None and by.id == target.id:
        actor = require(by, "officer.own_password", entity="officer", entity_id=target.username)
    elif by is None and _bootstrapping():
        actor = None
    else:
        actor = require(by, "officer.passwd", entity="officer", entity_id=target.username)
    with write_transaction():
        row = get_officer_row(username)
        row.password_hash = hash_password(password)
        row.save()
        audit("officer.passwd", actor, "officer", row.username)


def update_officer(username: str, *, full_name: str | None = None,
                   roles: str | Iterable[str] | None = None, active: bool | None = None,
                   title: str | None = None, by: Officer | None) -> OfficerInfo:
    """Rename, change the roles or the title (chức danh) of, or disable/enable an account
    (admin). Steps already recorded keep the title they were recorded with."""
    actor = require(by, "officer.update", entity="officer", entity_id=clean(username).lower())
    roles_text = None if roles is None else _roles_text(roles)
    title = None if title is None else _title(title)
    with write_transaction():
        row = get_officer_row(username)
        if full_name is not None:
            row.full_name = checked_text(full_name, "full_name", "Họ và tên cán bộ", OFFICER_NAME_MAX,
                                         required=True)
        if roles_text is not None:
            row.roles = roles_text
        if active is not None:
            row.active = active
        if title is not None:
            row.title = title
        if row.id == actor.id and (ADMIN not in roles_of(row) or not row.active):
            raise ValidationError({"roles": "Không thể tự bỏ quyền quản trị hoặc tự khóa tài khoản "
                                            "đang dùng; hãy nhờ một quản trị viên khác."})
        row.save()
        audit("officer.update", actor, "officer", row.username,
              {"full_name": full_name, "roles": roles_text, "active": active, "title": title})
    return _info(row, _locked_until(row.username, clock()))


def get_officer_row(username: str) -> Officer:
    row = Officer.get_or_none(Officer.username == clean(username).lower())
    if row is None:
        raise NotFoundError(f"Không có cán bộ với tên đăng nhập “{username}”.")
    return row


def list_officers(*, now: datetime | None = None) -> list[OfficerInfo]:
    now = now or clock()
    locks = {a.username: a.locked_until for a in SignInAttempts.select()
             if a.locked_until is not None and a.locked_until > now}
    return [_info(r, locks.get(r.username)) for r in Officer.select().order_by(Officer.username)]


def leaders() -> list[OfficerInfo]:
    """Active accounts holding the leader role: who can sign an apology."""
    return [_info(r) for r in Officer.select().where(Officer.active == True)  # noqa: E712
            .order_by(Officer.full_name) if LEADER in roles_of(r)]


# -- sign-in ------------------------------------------------------------------------------------
def _wait_after(failures: int) -> timedelta:
    """How long the next attempt must wait after ``failures`` consecutive failures."""
    if failures < FREE_FAILURES:
        return timedelta(0)
    return min(FIRST_WAIT * 2 ** (failures - FREE_FAILURES), LOCK)


def _key(username: str) -> str:
    return clean(username).lower()[:64]


def _locked_until(key: str, now: datetime) -> datetime | None:
    attempts = SignInAttempts.get_or_none(SignInAttempts.username == key)
    if attempts is not None and attempts.locked_until is not None and attempts.locked_until > now:
        return attempts.locked_until
    return None


def _record_failure(key: str, now: datetime) -> None:
    with write_transaction():
        attempts = SignInAttempts.get_or_none(SignInAttempts.username == key)
        failures = (attempts.failures if attempts else 0) + 1
        wait = _wait_after(failures)
        locked_until = now + wait if wait else None
        SignInAttempts.insert(username=key, failures=failures, last_failure_at=now,
                              locked_until=locked_until).on_conflict(
            conflict_target=[SignInAttempts.username],
            update={SignInAttempts.failures: failures, SignInAttempts.last_failure_at: now,
                    SignInAttempts.locked_until: locked_until},
        ).execute()
        if wait:
            audit("officer.sign_in_locked", None, "officer", key,
                  {"failures": failures, "locked_until": locked_until}, at=now)


def authenticate(username: str, password: str, *, now: datetime | None = None) -> OfficerInfo:
    """Sign-in: the officer, or SignInError (a ValidationError on "password" or "username")."""
    now = now or clock()
    key = _key(username)
    locked = _locked_until(key, now)
    if locked is not None:
        raise SignInError({"password": f"Đã nhập sai mật khẩu nhiều lần: phải chờ đến "
                                       f"{locked:%H:%M:%S %d/%m/%Y} mới được thử lại, hoặc nhờ quản "
                                       f"trị viên mở khóa (officers unlock {key})."})
    row = Officer.get_or_none(Officer.username == key)
    known = row is not None and bool(row.password_hash)
    matches = verify_password(password or "", row.password_hash if known else _DUMMY_HASH)
    if not (known and matches):
        _record_failure(key, now)
        raise SignInError({"password": WRONG})
    if not row.active:
        # Only someone who knows the password learns that the account is disabled.
        raise SignInError({"username": f"Tài khoản “{key}” đã ngừng sử dụng; hãy liên hệ quản trị viên."})
    if SignInAttempts.get_or_none(SignInAttempts.username == key) is not None:
        with write_transaction():
            SignInAttempts.delete().where(SignInAttempts.username == key).execute()
    return _info(row)


def unlock(username: str, *, by: Officer | None) -> bool:
    """Lift a sign-in lock (and forget the failures) — admin. True if there was one."""
    key = _key(username)
    actor = require(by, "officer.unlock", entity="officer", entity_id=key)
    with write_transaction():
        removed = SignInAttempts.delete().where(SignInAttempts.username == key).execute()
        audit("officer.unlock", actor, "officer", key)
    return bool(removed)


def has_officers() -> bool:
    return Officer.select().exists()


def anyone_can_sign_in() -> bool:
    """False on a new database, and on one set up from the command line with no password yet."""
    return Officer.select().where((Officer.active == True) & (Officer.password_hash != "")).exists()  # noqa: E712


def open_admin_account(username: str, full_name: str, password: str) -> OfficerInfo:
    """The first-run wizard's administrator: a new account, or the password-less one that
    ``setup`` on the command line made (so the GUI can take over a CLI-configured counter).

    Only while nobody can sign in (the wizard's condition); the account holds every role.
    """
    if not _bootstrapping():
        raise PermissionDenied("Đã có tài khoản đăng nhập được; hãy đăng nhập để thêm tài khoản.")
    row = Officer.get_or_none(Officer.username == clean(username).lower())
    if row is None:
        return add_officer(username, full_name, tuple(ROLES), password)
    check_password(password)
    if not clean(full_name):
        raise ValidationError({"full_name": "Họ và tên cán bộ không được để trống."})
    with write_transaction():
        row.full_name, row.roles, row.active = clean(full_name), ",".join(ROLES), True
        row.password_hash = hash_password(password)
        row.save()
        audit("officer.passwd", row, "officer", row.username)
    return _info(row)
