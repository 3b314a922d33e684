"""Opening a counter's database and knowing who acts: the entry point for the CLI and the GUI."""
from __future__ import annotations

from dataclasses import replace

from peewee import Database

from .accounts import add_officer, get_officer_row, has_officers
from .agency_key import ensure_agency_key
from .catalog import seed_if_empty
from .catalog_releases import promote_due
from .db import open_database
from .errors import NotConfiguredError
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
        seed_if_empty()
        promote_due()
    return db


def acting_officer(username: str | None = None) -> Officer:
    """``--officer`` if given, else the configured default officer."""
    if username:
        return get_officer_row(username)
    default = load_settings().default_officer
    if default:
        return get_officer_row(default)
    raise NotConfiguredError(
        "Chưa có cán bộ mặc định. Hãy chạy lệnh setup hoặc dùng tùy chọn --officer TÊN_ĐĂNG_NHẬP."
    )


def setup_agency(*, admin_username: str = "admin", admin_name: str = "Quản trị hệ thống",
                 admin_password: str | None = None, **fields) -> AgencySettings:
    """Create or update the agency settings; on a new database also the first admin account."""
    settings = replace(load_settings(), **{k: v for k, v in fields.items() if v is not None})
    settings = save_settings(settings)
    if not has_officers():
        add_officer(admin_username, admin_name, "admin", admin_password)
    if not settings.default_officer:
        first = Officer.select().order_by(Officer.id).first()
        settings = save_settings(replace(settings, default_officer=first.username))
    ensure_agency_key()  # from the first day, so that every backup holds it
    return settings
