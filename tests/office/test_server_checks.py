"""At connection the app checks the server's version and its own rights, and says what is missing."""
from __future__ import annotations

from urllib.parse import urlparse

import psycopg2
import pytest

from models import office_server
from models.db import close_database
from models.errors import MotCuaError
from models.office_server import ServerUnavailable
from models.session import open_counter, setup_agency


def test_missing_rights_on_the_tables_are_named(office_db, machine):
    open_counter(office_db)
    setup_agency(agency_code="H12.22.01", governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo")
    close_database()
    owner = psycopg2.connect(office_db)
    owner.autocommit = True
    with owner.cursor() as cur:  # as an admin who gave the role too little would leave it
        cur.execute("REVOKE INSERT, UPDATE ON dossier FROM CURRENT_USER")
    owner.close()
    with pytest.raises(MotCuaError, match=r"thiếu quyền đọc/ghi các bảng: dossier.*docs/office-server.md"):
        open_counter(office_db)
    close_database()
    with pytest.raises(MotCuaError, match="dossier"):
        office_server.test_connection(office_db)


def test_an_old_server_is_refused_with_its_version(office_db, machine, monkeypatch):
    monkeypatch.setattr(office_server, "MIN_VERSION", 990000)
    with pytest.raises(MotCuaError, match=r"phiên bản .* quá cũ: cần từ 13 trở lên"):
        open_counter(office_db)
    close_database()


def test_a_wrong_password_says_so_and_a_closed_port_says_so(office_db, machine):
    parts = urlparse(office_db)
    wrong = parts._replace(netloc=f"{parts.username}:sai-mat-khau@{parts.hostname}:{parts.port}").geturl()
    with pytest.raises(ServerUnavailable, match="sai tài khoản hoặc mật khẩu"):
        open_counter(wrong)
    close_database()
    closed = parts._replace(netloc=f"{parts.username}:{parts.password}@127.0.0.1:9").geturl()
    with pytest.raises(ServerUnavailable, match="máy chủ từ chối kết nối"):
        open_counter(closed)
    close_database()
