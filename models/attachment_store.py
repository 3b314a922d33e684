"""The content-addressed store of electronic copies: bytes kept under their SHA-256.

Where (a decision, docs/attachments.md):
- a SQLite counter keeps each copy as a file in the folder ``tep-dinh-kem`` beside its
  database (``ab/abcdef….pdf``, the first two hex digits as a sub-folder so no folder grows
  past a few thousand entries). The database stays small, so the daily backups stay quick;
  a backup copies only the files it does not have yet into a store of the same shape beside
  it (models.backup), which every backup in that folder shares.
- a PostgreSQL office server keeps them in the ``attachment_blob`` table: every counter PC
  sees every copy, and the server's own backups (pg_dump) carry them.

A copy is written (and flushed to disk) before the row that names it is committed, so a power
cut leaves at worst an unreferenced file, never a row without its bytes. Every read checks the
bytes against their name.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from .db import database_path, is_postgres
from .errors import MotCuaError
from .private_files import private_dir, write_private

FOLDER_NAME = "tep-dinh-kem"


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def is_sha256(text: str) -> bool:
    return len(text) == 64 and all(c in "0123456789abcdef" for c in text)


class DamagedCopy(MotCuaError):
    """A stored copy whose bytes no longer match their SHA-256 (or that is missing)."""


class Store(Protocol):
    def put(self, sha256: str, data: bytes) -> None: ...
    def has(self, sha256: str) -> bool: ...
    def get(self, sha256: str) -> bytes: ...


def _damaged(sha256: str, why: str) -> DamagedCopy:
    return DamagedCopy(f"Bản điện tử {sha256[:12]}… {why}. Hãy khôi phục từ bản sao lưu hoặc đính kèm "
                       "lại bản chụp/quét.")


def checked(sha256: str, data: bytes) -> bytes:
    if sha256_of(data) != sha256:
        raise _damaged(sha256, "đã bị hỏng (mã băm SHA-256 không khớp nội dung)")
    return data


class FolderStore:
    """Files named by their SHA-256 under ``root``."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def path(self, sha256: str) -> Path:
        if not is_sha256(sha256):
            raise MotCuaError(f"“{sha256[:80]}” không phải mã SHA-256 (64 chữ số hệ 16, chữ thường).")
        return self.root / sha256[:2] / f"{sha256}.pdf"

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def put(self, sha256: str, data: bytes) -> None:
        """Write the copy if it is not there yet (or is damaged), flushed, under its name."""
        target = self.path(sha256)
        if target.is_file():
            try:
                checked(sha256, target.read_bytes())
                return
            except DamagedCopy:
                pass  # a damaged file is replaced by the good bytes
        private_dir(target.parent)
        temporary = target.with_name(f".tmp-{os.getpid()}-{target.name}")
        try:
            write_private(temporary, data)
            with open(temporary, "rb+") as handle:
                os.fsync(handle.fileno())
            os.replace(temporary, target)
        finally:
            temporary.unlink(missing_ok=True)

    def get(self, sha256: str) -> bytes:
        try:
            data = self.path(sha256).read_bytes()
        except FileNotFoundError:
            raise _damaged(sha256, f"không còn trong thư mục {self.root}") from None
        return checked(sha256, data)

    def names(self) -> Iterator[str]:
        if not self.root.is_dir():
            return
        for path in sorted(self.root.glob("??/*.pdf")):
            if is_sha256(path.stem):
                yield path.stem


class TableStore:
    """The ``attachment_blob`` table (a PostgreSQL server shared by several counters)."""

    def has(self, sha256: str) -> bool:
        from .attachment_tables import AttachmentBlob

        return AttachmentBlob.select().where(AttachmentBlob.sha256 == sha256).exists()

    def put(self, sha256: str, data: bytes) -> None:
        from .attachment_tables import AttachmentBlob

        AttachmentBlob.insert(sha256=sha256, size=len(data), data=data).on_conflict_ignore().execute()

    def get(self, sha256: str) -> bytes:
        from .attachment_tables import AttachmentBlob

        row = AttachmentBlob.get_or_none(AttachmentBlob.sha256 == sha256)
        if row is None:
            raise _damaged(sha256, "không còn trong cơ sở dữ liệu")
        return checked(sha256, bytes(row.data))


def folder_beside(db_file: Path) -> Path:
    return Path(db_file).parent / FOLDER_NAME


def current_store() -> Store:
    """The store of the open database."""
    if is_postgres():
        return TableStore()
    path = database_path()
    if path is None:
        raise MotCuaError("Chưa mở cơ sở dữ liệu.")
    return FolderStore(folder_beside(path))
