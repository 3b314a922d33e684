"""The office's PostgreSQL server as the counters see it: timeouts, a lost server, its checks.

When the server PC is switched off or the network cable is pulled, a counter must say so in
Vietnamese within seconds, leave nothing half written, and carry on by itself once the server
is back; it must never start a database of its own instead (two databases would issue the same
codes). So:

* every connection is opened with a connect timeout of ``CONNECT_TIMEOUT`` seconds and TCP
  keepalives (a server that vanished mid-query is noticed in about 10 s, not after the
  operating system's two hours);
* a failure of the connection itself (refused, timed out, closed by the server) becomes
  ``ServerUnavailable``, a MotCuaError with the Vietnamese message; the transaction it was in
  is abandoned (PostgreSQL rolls it back when the connection goes) and the connection is
  forgotten, so the next operation connects again — that is the reconnect;
* at connection the server's version and the role's rights are checked (``check_server``)
  and what is missing is said, with where to read how to give it.
"""
from __future__ import annotations

import logging
from urllib.parse import parse_qsl, unquote, urlparse

from peewee import PostgresqlDatabase

from .errors import MotCuaError
from .postgres_driver import give_peewee_the_driver

log = logging.getLogger(__name__)

CONNECT_TIMEOUT = 5
# Versions the app is tested on (docs/office-server.md); older than MIN_VERSION is refused.
MIN_VERSION = 130000
TESTED_VERSIONS = "13, 15, 16, 17"
KEEPALIVES = {"keepalives": 1, "keepalives_idle": 5, "keepalives_interval": 2, "keepalives_count": 3}

LOST = ("Mất kết nối máy chủ{where}: {reason}. Thao tác vừa làm chưa được ghi; hãy kiểm tra máy "
        "chủ của Trung tâm (đã bật chưa, dây mạng) rồi làm lại. Phần mềm tự kết nối lại khi máy "
        "chủ hoạt động.")

REFUSED = ("Không vào được máy chủ của Trung tâm{where}: {reason}. Hãy kiểm tra cài đặt kết nối của "
           "máy này (Cài đặt → Máy này và máy chủ, hoặc lệnh office-connect) hoặc hỏi quản trị; "
           "chưa có gì được ghi.")
SETTING_PROBLEMS = ("sai tài khoản hoặc mật khẩu", "máy chủ chưa cho phép máy này kết nối (pg_hba.conf)",
                    "chưa có cơ sở dữ liệu này trên máy chủ")


class ServerUnavailable(MotCuaError):
    """The office server cannot be reached now; nothing of the operation was written."""


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    lowered = text.lower()
    if "timeout" in lowered or "timed out" in lowered:
        return f"máy chủ không trả lời sau {CONNECT_TIMEOUT} giây"
    if "refused" in lowered:
        return "máy chủ từ chối kết nối (PostgreSQL chưa chạy hoặc sai cổng)"
    if "could not translate host name" in lowered or "name or service not known" in lowered:
        return "không tìm thấy tên máy chủ trên mạng"
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return "sai tài khoản hoặc mật khẩu"
    if "no pg_hba.conf entry" in lowered:
        return "máy chủ chưa cho phép máy này kết nối (pg_hba.conf)"
    if "does not exist" in lowered and "database" in lowered:
        return "chưa có cơ sở dữ liệu này trên máy chủ"
    if "terminating connection" in lowered or "shutdown" in lowered:
        return "máy chủ đang tắt"
    return "kết nối bị ngắt"


def _original(exc: BaseException) -> BaseException:
    """psycopg2's own error behind peewee's wrapper (peewee passes it as the first argument)."""
    if exc.args and isinstance(exc.args[0], BaseException):
        return exc.args[0]
    return exc.__cause__ or exc.__context__ or exc


def _connection_failure(exc: BaseException) -> bool:
    """True when ``exc`` means the connection itself failed (not a bad query)."""
    import psycopg2

    exc = _original(exc)

    if isinstance(exc, psycopg2.InterfaceError):
        return True
    if isinstance(exc, psycopg2.OperationalError):
        code = getattr(exc, "pgcode", None)
        # Class 57 (operator intervention: shutdown, terminated) and 08 (connection exception)
        # or no code at all (libpq: "server closed the connection unexpectedly").
        return code is None or code.startswith(("57P", "08"))
    return False


class OfficeServerDatabase(PostgresqlDatabase):
    """peewee's PostgreSQL database that turns a lost server into ServerUnavailable and
    reconnects on the next use."""

    def __init__(self, database, *, where: str = "", **kwargs):
        for key, value in KEEPALIVES.items():
            kwargs.setdefault(key, value)
        kwargs.setdefault("connect_timeout", CONNECT_TIMEOUT)
        super().__init__(database, **kwargs)
        self.where = where

    def _unavailable(self, exc: BaseException) -> ServerUnavailable:
        where = f" ({self.where})" if self.where else ""
        reason = _reason(exc)
        if reason in SETTING_PROBLEMS:
            return ServerUnavailable(REFUSED.format(where=where, reason=reason))
        return ServerUnavailable(LOST.format(where=where, reason=reason))

    def _forget_connection(self) -> None:
        """Drop a dead connection without talking to the server (it is not there)."""
        conn = self._state.conn
        self._state.reset()
        if conn is not None:
            try:
                conn.close()
            except Exception:  # noqa: BLE001 - already closed by the server or the network
                pass

    def _connect(self):
        try:
            return super()._connect()
        except Exception as exc:  # noqa: BLE001 - psycopg2 says why in English
            if _connection_failure(exc):
                raise self._unavailable(exc) from exc
            raise

    def connect(self, reuse_if_open: bool = False):
        try:
            return super().connect(reuse_if_open)
        except ServerUnavailable:
            raise
        except Exception as exc:  # noqa: BLE001 - peewee wraps psycopg2's error in its own
            cause = _original(exc)
            if _connection_failure(cause) or _connection_failure(exc):
                raise self._unavailable(cause) from exc
            raise

    def _execute_cursor(self, sql, params, **cursor_options):
        try:
            return super()._execute_cursor(sql, params, **cursor_options)
        except ServerUnavailable:
            raise
        except Exception as exc:  # noqa: BLE001
            cause = _original(exc)
            conn = self._state.conn
            dead = conn is not None and getattr(conn, "closed", 0)
            if dead or _connection_failure(cause):
                if not self.in_transaction():
                    self._forget_connection()
                raise self._unavailable(cause) from exc
            raise

    def rollback(self):
        conn = self._state.conn
        if conn is None or getattr(conn, "closed", 0):
            self._forget_connection()  # the server rolled it back when the connection went
            return
        try:
            super().rollback()
        except Exception:  # noqa: BLE001 - the connection died during the rollback itself
            if getattr(self._state.conn, "closed", 1):
                self._forget_connection()
                return
            raise

    def commit(self):
        try:
            super().commit()
        except ServerUnavailable:
            raise
        except Exception as exc:  # noqa: BLE001
            cause = _original(exc)
            if _connection_failure(cause):
                raise self._unavailable(cause) from exc
            raise

    def ping(self) -> None:
        """``SELECT 1``; ServerUnavailable when the server is away (then reconnects next time)."""
        if self.in_transaction():
            return
        self.execute_sql("SELECT 1").fetchone()


def server_database(url: str) -> OfficeServerDatabase:
    """The database behind a ``postgresql://`` URL, with the office's timeouts.

    Options in the URL's query (``?connect_timeout=10&sslmode=require``) are passed to libpq.
    """
    give_peewee_the_driver()  # in case this process loaded peewee without it
    try:
        import psycopg2  # noqa: F401 - the driver peewee uses
    except ImportError:
        raise MotCuaError("Bản MotCua này thiếu thư viện kết nối PostgreSQL (psycopg2). Hãy cài bản đầy đủ "
                          "(bộ cài Windows đã có sẵn) hoặc pip install 'motcua[postgres]'.") from None
    parts = urlparse(url)
    options: dict = dict(parse_qsl(parts.query))
    if parts.hostname:
        options["host"] = parts.hostname
    if parts.port:
        options["port"] = parts.port
    if parts.username:
        options["user"] = unquote(parts.username)
    if parts.password:
        options["password"] = unquote(parts.password)
    name = unquote(parts.path.lstrip("/"))
    where = f"{name}@{parts.hostname or 'localhost'}:{parts.port or 5432}"
    return OfficeServerDatabase(name, where=where, **options)


def is_office_server(db) -> bool:
    return isinstance(db, OfficeServerDatabase)


# -- what the server must offer -------------------------------------------------------------

TABLE_RIGHTS = "SELECT,INSERT,UPDATE,DELETE"


def server_problems(db: PostgresqlDatabase, *, schema_current: bool) -> list[str]:
    """What the server lacks for the app, each said in Vietnamese (empty: all is there).

    Version ``MIN_VERSION`` or newer; on a database not yet at the current schema, CREATE on
    schema public (PostgreSQL 15 no longer gives it to everyone) to create or upgrade the
    tables; on the tables the app's rows, and its sequences.
    """
    problems: list[str] = []
    version = int(db.execute_sql("SHOW server_version_num").fetchone()[0])
    if version < MIN_VERSION:
        shown = f"{version // 10000}.{version % 10000}" if version >= 100000 else str(version)
        problems.append(f"máy chủ PostgreSQL phiên bản {shown} quá cũ: cần từ 13 trở lên "
                        f"(đã thử với {TESTED_VERSIONS})")
    user = db.execute_sql("SELECT current_user").fetchone()[0]
    if not schema_current and not db.execute_sql(
            "SELECT has_schema_privilege('public', 'CREATE')").fetchone()[0]:
        problems.append(f"tài khoản {user} không được tạo bảng trong schema public (cần để tạo "
                        "hoặc nâng cấp các bảng; hãy cho tài khoản làm chủ cơ sở dữ liệu)")
    missing = [row[0] for row in db.execute_sql(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'public' AND c.relkind = 'r' AND NOT ("
        # one privilege per call: with a list, has_table_privilege is true when any is held
        + " AND ".join(f"has_table_privilege(c.oid, '{right}')" for right in TABLE_RIGHTS.split(","))
        + ")").fetchall()]
    if missing:
        problems.append(f"tài khoản {user} thiếu quyền đọc/ghi các bảng: {', '.join(sorted(missing)[:8])}"
                        + (" …" if len(missing) > 8 else ""))
    sequences = [row[0] for row in db.execute_sql(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'public' AND c.relkind = 'S' "
        "AND CASE WHEN c.relkind = 'S' THEN NOT has_sequence_privilege(c.oid, 'USAGE') ELSE false END").fetchall()]
    if sequences:
        problems.append(f"tài khoản {user} thiếu quyền dùng các dãy số: {', '.join(sorted(sequences)[:8])}")
    return problems


def check_server(db: PostgresqlDatabase, *, schema_current: bool) -> None:
    """MotCuaError listing what is missing on the server, if anything is."""
    problems = server_problems(db, schema_current=schema_current)
    if problems:
        raise MotCuaError("Máy chủ của Trung tâm chưa sẵn sàng cho MotCua: " + "; ".join(problems)
                          + ". Người quản trị hãy xem docs/office-server.md (hoặc chạy "
                          "scripts/setup_office_server.sh trên máy chủ Debian).")


def test_connection(url: str) -> str:
    """"Kiểm tra kết nối": connect to ``url`` on a connection of its own, check the server,
    and say in Vietnamese what was found; ServerUnavailable or MotCuaError says what is wrong."""
    from .migrations import SCHEMA_VERSION

    db = server_database(url)
    try:
        db.connect()
        version = db.execute_sql("SHOW server_version").fetchone()[0].split()[0]
        has_meta = db.table_exists("meta")
        found = 0
        if has_meta:
            row = db.execute_sql("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            found = int(row[0]) if row else 0
        check_server(db, schema_current=found == SCHEMA_VERSION)
        if has_meta and db.table_exists("dossier"):
            dossiers = db.execute_sql("SELECT COUNT(*) FROM dossier").fetchone()[0]
            state = f"đã có dữ liệu MotCua ({dossiers} hồ sơ)"
        else:
            state = "cơ sở dữ liệu trống (quầy đầu tiên sẽ tạo các bảng, hoặc chuyển dữ liệu lên bằng migrate-to)"
        return f"Kết nối được máy chủ {db.where}: PostgreSQL {version}, {state}."
    finally:
        if not db.is_closed():
            db.close()


def check_reachable() -> None:
    """For the app's banner: ServerUnavailable while the office server is away (a query on this
    thread's connection, which reconnects once the server is back); nothing for a local file."""
    from .tables import database

    db = database.obj
    if isinstance(db, OfficeServerDatabase):
        db.ping()


def uses_office_server() -> bool:
    from .tables import database

    return isinstance(database.obj, OfficeServerDatabase)


def server_name() -> str:
    """``motcua@192.168.1.10:5432`` for the status bar; "" for a local file."""
    from .tables import database

    db = database.obj
    return db.where if isinstance(db, OfficeServerDatabase) else ""
