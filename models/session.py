"""Opening a counter's database and knowing who acts: the entry point for the CLI and the GUI."""
from __future__ import annotations

from dataclasses import replace

from peewee import Database

from .accounts import (
    add_officer,
    anyone_can_sign_in,
    authenticate,
    check_password,
    get_officer_row,
    set_password,
)
from .db import open_database
from .errors import NotConfiguredError, SignInError
from .permissions import ROLES
from .settings import AgencySettings, load_settings, save_settings
from .tables import Officer


def open_counter(target: str, *, read_only: bool = False, check: bool = False) -> Database:
    """Open (create, migrate) the database and load the shipped catalog on first use; a catalog
    the province published for a date that has come is applied now (models.catalog_releases).

    ``read_only``: for commands that only look (no write lock, nothing created, migrated or
    applied); ``check``: run SQLite's quick_check first (the app does, at start).
    """
    db = open_database(target, read_only=read_only, check=check)
    if not read_only:
        # Imported here: the catalog's modules (and the calendar's) are not needed to show the
        # sign-in window; the desktop app loads them while the officer types the password.
        from .catalog import seed_if_empty
        from .catalog_releases import promote_due

        seed_if_empty()
        promote_due()
    return db


def default_username(username: str | None = None) -> str:
    """``--officer`` if given, else the configured default officer."""
    if username:
        return username
    default = load_settings().default_officer
    if default:
        return default
    raise NotConfiguredError(
        "Chưa có cán bộ mặc định. Hãy chạy lệnh setup hoặc dùng tùy chọn --officer TÊN_ĐĂNG_NHẬP."
    )


def acting_officer(username: str | None = None) -> Officer:
    """The account row of ``username`` (or of the default officer), without a password: for
    code that has already signed the person in, and for tests of the services."""
    return get_officer_row(default_username(username))


def require_someone_can_sign_in() -> None:
    if not anyone_can_sign_in():
        raise SignInError({"password": "Chưa có tài khoản nào đăng nhập được. Hãy chạy setup với "
                                       "--admin-password (hoặc mở giao diện) để đặt mật khẩu quản trị."})


def sign_in(username: str | None, password: str | None) -> Officer:
    """The account that acts, signed in with its password (throttled, models.accounts)."""
    require_someone_can_sign_in()
    name = default_username(username)
    if not password:
        raise SignInError({"password": f"Cần mật khẩu của cán bộ “{name}”."})
    return get_officer_row(authenticate(name, password).username)


def needs_sign_in_for_setup() -> bool:
    """``setup`` runs without signing in only while nobody can sign in (a new database, or one
    whose first admin has no password yet); afterwards it is an admin's settings change."""
    return anyone_can_sign_in()


def setup_agency(*, admin_username: str = "admin", admin_name: str = "Quản trị hệ thống",
                 admin_password: str | None = None, by: Officer | None = None,
                 **fields) -> AgencySettings:
    """Create or update the agency settings; on a new database also the first admin account,
    which holds every role (officer, leader, admin) until an admin changes it."""
    if admin_password is not None:
        check_password(admin_password)
    settings = replace(load_settings(), **{k: v for k, v in fields.items() if v is not None})
    first = Officer.select().order_by(Officer.id).first()
    if not settings.default_officer:
        settings = replace(settings, default_officer=first.username if first else admin_username)
    settings = save_settings(settings, by=by)
    if first is None:
        add_officer(admin_username, admin_name, tuple(ROLES), admin_password)
    elif admin_password and not anyone_can_sign_in():
        # set up before on the command line without a password: this one opens the counter
        set_password(first.username, admin_password, by=None)
    from .agency_key import ensure_agency_key  # cryptography: not on every start's path

    ensure_agency_key()  # from the first day, so that every backup holds it
    return settings
