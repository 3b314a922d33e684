"""This machine's place in the office: its own database, or the Centre's server, and its counter.

A Trung tâm phục vụ hành chính công has several counters (quầy) receiving at once under one
agency code and one daily sequence. Each counter PC either keeps its own SQLite file ("Máy này
dùng riêng") or connects to the office's PostgreSQL server ("Kết nối máy chủ của Trung tâm").
That choice, and the counter number printed on receipts and in the register, belong to the
machine, not to the data: they live in the data folder (models.paths, machine-wide on
Windows), never in the database.

Two files:

* ``office.json`` — ``{"mode": "server", "host", "port", "database", "user", "counter"}``
  (``"mode": "local"`` for a counter on its own);
* ``office-password`` — the server password alone, created owner-only (models.private_files).

Why a private file and not the OS keyring: a counter PC is used by whoever signs in to Windows
that morning, while the keyring (Windows Credential Manager, Secret Service) is per Windows
user and needs a desktop session unlocked; a service-less file in the program's own folder
serves every account the installer gave the folder to, and an IT admin can see and replace it.
The password is a database role's password with only the rights of the app's one database
(docs/office-server.md), never an administrator's.
"""
from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from urllib.parse import quote, unquote, urlparse

from .errors import MotCuaError, ValidationError
from .private_files import write_private

log = logging.getLogger(__name__)

CONFIG_FILE = "office.json"
PASSWORD_FILE = "office-password"
DEFAULT_PORT = 5432
CONNECT_TIMEOUT = 5  # seconds: an office server that does not answer in 5 s is away
COUNTER_MAX = 99
MODES = ("local", "server")


@dataclass(frozen=True)
class OfficeConnection:
    """How this machine reaches its data; ``counter`` is its counter number (0: not set)."""

    mode: str = "local"
    host: str = ""
    port: int = DEFAULT_PORT
    database: str = "motcua"
    user: str = "motcua"
    password: str = ""
    counter: int = 0

    @property
    def uses_server(self) -> bool:
        return self.mode == "server"

    def url(self) -> str:
        """The PostgreSQL URL for this connection (password included: never print it)."""
        auth = quote(self.user, safe="")
        if self.password:
            auth += ":" + quote(self.password, safe="")
        return f"postgresql://{auth}@{self.host}:{self.port}/{quote(self.database, safe='')}"

    def where(self) -> str:
        """The server as people name it, without the password: ``motcua@192.168.1.10:5432``."""
        return f"{self.database}@{self.host}:{self.port}"


def _folder() -> Path:
    from .paths import data_dir

    return data_dir()


def config_path() -> Path:
    return _folder() / CONFIG_FILE


def password_path() -> Path:
    return _folder() / PASSWORD_FILE


def load_connection() -> OfficeConnection:
    """What this machine was set to (a machine never set up is a counter on its own)."""
    path = config_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return OfficeConnection()
    except (OSError, ValueError) as exc:
        raise MotCuaError(f"Tệp cấu hình kết nối {path} bị hỏng hoặc không đọc được ({exc}). "
                          "Hãy đặt lại kết nối trong Cài đặt (quản trị) hoặc xóa tệp này.") from None
    known = {k: raw[k] for k in ("mode", "host", "port", "database", "user", "counter") if k in raw}
    connection = OfficeConnection(**known)
    if connection.uses_server:
        try:
            password = password_path().read_text(encoding="utf-8").rstrip("\r\n")
        except FileNotFoundError:
            password = ""
        connection = replace(connection, password=password)
    return connection


def validate_connection(connection: OfficeConnection) -> OfficeConnection:
    """The connection cleaned, or ValidationError naming each wrong field in Vietnamese."""
    errors: dict[str, str] = {}
    mode = connection.mode if connection.mode in MODES else ""
    if not mode:
        errors["mode"] = "Chọn Máy này dùng riêng hoặc Kết nối máy chủ của Trung tâm."
    host = (connection.host or "").strip()
    database = (connection.database or "").strip()
    user = (connection.user or "").strip()
    try:
        port = int(connection.port)
    except (TypeError, ValueError):
        port = 0
    try:
        counter = int(connection.counter)
    except (TypeError, ValueError):
        counter = -1
    if not 0 <= counter <= COUNTER_MAX:
        errors["counter"] = f"Số quầy phải là số nguyên từ 1 đến {COUNTER_MAX} (0: không ghi số quầy)."
    if mode == "server":
        if not host or any(c.isspace() for c in host) or "/" in host:
            errors["host"] = "Chưa nhập địa chỉ máy chủ (tên máy hoặc địa chỉ IP, ví dụ 192.168.1.10)."
        if not 1 <= port <= 65535:
            errors["port"] = "Cổng phải là số từ 1 đến 65535 (PostgreSQL thường dùng 5432)."
        if not database:
            errors["database"] = "Chưa nhập tên cơ sở dữ liệu (ví dụ motcua)."
        if not user:
            errors["user"] = "Chưa nhập tên tài khoản trên máy chủ (ví dụ motcua)."
    if errors:
        raise ValidationError(errors)
    return replace(connection, mode=mode, host=host, port=port, database=database, user=user,
                   counter=counter)


def save_connection(connection: OfficeConnection) -> OfficeConnection:
    """Store this machine's choice: the JSON file, and the password in its owner-only file."""
    connection = validate_connection(connection)
    folder = _folder()
    values = asdict(connection)
    values.pop("password")
    if connection.uses_server:
        write_private(folder / PASSWORD_FILE, connection.password.encode("utf-8"))
    else:
        try:
            os.remove(folder / PASSWORD_FILE)
        except FileNotFoundError:
            pass
    temporary = folder / (CONFIG_FILE + ".tmp")
    write_private(temporary, json.dumps(values, ensure_ascii=False, indent=2).encode("utf-8"))
    os.replace(temporary, folder / CONFIG_FILE)
    log.info("office connection set: %s", connection.where() if connection.uses_server else "local")
    return connection


def connection_from_url(url: str, *, counter: int = 0) -> OfficeConnection:
    """``postgresql://user:password@host:port/database`` → an OfficeConnection."""
    parts = urlparse(url)
    if parts.scheme not in ("postgresql", "postgres"):
        raise ValidationError({"url": "Địa chỉ máy chủ phải có dạng "
                                      "postgresql://tài_khoản:mật_khẩu@máy_chủ:5432/tên_cơ_sở_dữ_liệu."})
    try:
        port = parts.port or DEFAULT_PORT
    except ValueError:
        raise ValidationError({"port": "Cổng trong địa chỉ máy chủ không hợp lệ."}) from None
    return validate_connection(OfficeConnection(
        mode="server", host=parts.hostname or "", port=port,
        database=unquote(parts.path.lstrip("/")), user=unquote(parts.username or ""),
        password=unquote(parts.password or ""), counter=counter))


def configured_database() -> str | None:
    """The server URL when this machine is set to the Centre's server, else None."""
    connection = load_connection()
    return connection.url() if connection.uses_server else None


# -- the counter number of this machine, for the services of this process -------------------

_counter: int | None = None


def counter_number() -> int:
    """This machine's counter number (quầy số), 0 when none is set.

    ``MOTCUA_COUNTER`` overrides the stored one (a test, or a script standing in for a counter).
    """
    global _counter
    configured = os.environ.get("MOTCUA_COUNTER")
    if configured and configured.isdigit():
        return int(configured)
    if _counter is None:
        try:
            _counter = load_connection().counter
        except MotCuaError:
            _counter = 0
    return _counter


def forget_cached_counter() -> None:
    """After the settings changed the counter number."""
    global _counter
    _counter = None


def counter_label(number: int | None) -> str:
    """"Quầy số 3", or "" when there is no number."""
    return f"Quầy số {number}" if number else ""


def configure(connection: OfficeConnection, *, by) -> OfficeConnection:
    """Change this machine's connection or counter number (action "server.configure", admin).

    A server connection is tested first (models.office_server.test_connection): a machine is
    never set to a server it cannot reach or that lacks what the app needs.
    """
    from .audit import audit
    from .db import write_transaction
    from .office_server import test_connection
    from .permissions import require

    by = require(by, "server.configure", entity="settings", entity_id="office")
    connection = validate_connection(connection)
    if connection.uses_server:
        test_connection(connection.url())
    with write_transaction():
        audit("server.configure", by, "machine", connection.where() if connection.uses_server else "local",
              {"mode": connection.mode, "counter": connection.counter})
    saved = save_connection(connection)
    forget_cached_counter()
    return saved
