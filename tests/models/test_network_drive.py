"""SQLite on a network share is refused with a message that points to PostgreSQL."""
from __future__ import annotations

from pathlib import Path

import pytest

from models import db as db_module
from models.errors import MotCuaError
from models.network_drive import is_unc, mount_fs_type, on_network_drive
from models.storage_errors import DatabaseDamaged

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
proc /proc proc rw 0 0
//nas/hoso /mnt/hoso cifs rw,vers=3.0 0 0
nas:/export /srv/nfs nfs4 rw 0 0
/dev/sdb1 /mnt/hoso/local ext4 rw 0 0
/dev/sdc1 /media/USB\\040KINGSTON vfat rw 0 0
"""


@pytest.mark.parametrize("path, expected", [
    ("/home/canbo/motcua.sqlite3", "ext4"),
    ("/mnt/hoso/motcua.sqlite3", "cifs"),
    ("/mnt/hoso/local/motcua.sqlite3", "ext4"),  # the deepest mount point wins
    ("/mnt/hosox/motcua.sqlite3", "ext4"),  # a prefix of a name is not the mount
    ("/srv/nfs/a/b.sqlite3", "nfs4"),
    ("/media/USB KINGSTON/motcua.sqlite3", "vfat"),
])
def test_the_mount_of_a_path(path, expected):
    assert mount_fs_type(Path(path), MOUNTS) == expected


def test_network_mounts_are_recognised():
    assert on_network_drive("/mnt/hoso/motcua.sqlite3", mounts_text=MOUNTS) == "ổ mạng (cifs)"
    assert on_network_drive("/srv/nfs/x.sqlite3", mounts_text=MOUNTS) == "ổ mạng (nfs4)"
    assert on_network_drive("/home/canbo/x.sqlite3", mounts_text=MOUNTS) is None


def test_unc_paths():
    assert is_unc(r"\\may-chu\hoso\motcua.sqlite3")
    assert is_unc("\\\\?\\UNC\\may-chu\\hoso\\x.sqlite3")
    assert not is_unc("\\\\?\\C:\\MotCua\\x.sqlite3") and not is_unc("C:\\MotCua\\x.sqlite3")
    assert on_network_drive(r"\\may-chu\hoso\motcua.sqlite3") == "đường dẫn mạng (UNC)"


def test_a_local_database_here_is_not_on_a_network_drive(tmp_path):
    assert on_network_drive(tmp_path / "motcua.sqlite3") is None


def test_opening_sqlite_on_a_share_is_refused_and_creates_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(db_module, "on_network_drive", lambda path: "ổ mạng (cifs)")
    target = tmp_path / "share" / "motcua.sqlite3"
    with pytest.raises(MotCuaError, match="PostgreSQL") as caught:
        db_module.open_database(str(target))
    assert "ổ mạng (cifs)" in str(caught.value)
    assert not target.exists() and not target.parent.exists()


def test_a_damaged_database_gets_a_vietnamese_message(tmp_path):
    damaged = tmp_path / "motcua.sqlite3"
    damaged.write_bytes(b"not a database at all" * 500)
    with pytest.raises(DatabaseDamaged, match="hỏng"):
        db_module.open_database(str(damaged))
