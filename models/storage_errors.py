"""What a storage failure means for the user, in Vietnamese.

SQLite and the operating system report a full disk, a read-only file, a lock held too long or a
damaged file as English exception texts; ``storage_message`` turns each into its own sentence
that says what to do, so that neither the command line nor the app shows a traceback for them.
"""
from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

import peewee

from .errors import MotCuaError

FULL = ("Ổ đĩa đã đầy, không ghi được dữ liệu. Hãy giải phóng dung lượng (xóa tệp không cần, "
        "chép bớt bản sao lưu cũ sang ổ khác) rồi làm lại; dữ liệu đã lưu trước đó không mất.")
READ_ONLY = ("Không ghi được: tệp cơ sở dữ liệu hoặc thư mục chứa nó chỉ cho phép đọc{where}. Hãy "
             "kiểm tra quyền ghi (hoặc ổ đĩa/thẻ nhớ bị khóa ghi), hoặc chỉ dùng các lệnh xem.")
LOCKED = ("Cơ sở dữ liệu đang bị một chương trình khác giữ quá lâu (hơn 30 giây): có thể một cửa "
          "sổ MotCua khác đang xuất tệp hoặc sao lưu. Hãy chờ một lát rồi làm lại.")
DAMAGED = ("Cơ sở dữ liệu{where} bị hỏng, không đọc được. Hãy khôi phục từ bản sao lưu mới nhất "
           "(lệnh restore TỆP, hoặc mở phần mềm để chọn bản sao lưu).")
CANNOT_OPEN = ("Không mở được tệp cơ sở dữ liệu{where}: thư mục không tồn tại hoặc không có quyền "
               "truy cập.")
IO = ("Lỗi đọc/ghi ổ đĩa{where}: ổ đĩa hoặc thẻ nhớ có thể đã bị rút ra hoặc bị hỏng. Hãy kiểm tra "
      "ổ đĩa rồi làm lại.")
NO_PERMISSION = "Không có quyền đọc/ghi tệp {path}. Hãy kiểm tra quyền truy cập của thư mục."


class StorageError(MotCuaError):
    """A storage failure with its Vietnamese message; ``kind`` names which one."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


class DatabaseDamaged(StorageError):
    """The database file is not a sound SQLite database (or not one at all). ``reason`` says
    what was found, in a few words, for the app's dialog (the message is the command line's)."""

    def __init__(self, message: str, path: str = "", reason: str = "dữ liệu bị hỏng, không đọc được"):
        super().__init__("damaged", message)
        self.path = path
        self.reason = reason


def _where(path: str | None) -> str:
    return f" ({path})" if path else ""


FULL_BELOW = 1024 * 1024  # free bytes under which a write failure is a full disk


def _disk_full(path: str | None) -> bool:
    if not path or "://" in path:
        return False
    try:
        return shutil.disk_usage(Path(path).expanduser().parent).free < FULL_BELOW
    except OSError:
        return False


def classify(exc: BaseException, path: str | None = None) -> StorageError | None:
    """The StorageError ``exc`` stands for, or None when it is not a storage failure.

    The causes are looked at too: when a COMMIT fails on a full disk, SQLite rolls back by
    itself and peewee's own ROLLBACK then fails with "no transaction is active", which hides
    the full disk behind it.
    """
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        found = _classify_one(exc, path)
        if found is not None:
            return found
        exc = exc.__cause__ or exc.__context__
    return None


def _classify_one(exc: BaseException, path: str | None) -> StorageError | None:
    if isinstance(exc, StorageError):
        return exc
    if isinstance(exc, (sqlite3.Error, peewee.DatabaseError, peewee.InterfaceError)):
        text = str(exc).lower()
        if "disk is full" in text or "database or disk is full" in text:
            return StorageError("full", FULL)
        if "readonly" in text or "read-only" in text:
            return StorageError("read_only", READ_ONLY.format(where=_where(path)))
        if "locked" in text or "busy" in text:
            return StorageError("locked", LOCKED)
        if "malformed" in text or "not a database" in text or "corrupt" in text:
            return DatabaseDamaged(DAMAGED.format(where=_where(path)), path or "")
        if "unable to open" in text:
            return StorageError("cannot_open", CANNOT_OPEN.format(where=_where(path)))
        if "disk i/o" in text:
            # SQLite says "I/O error" when a full disk stops it growing its WAL index (-shm).
            return StorageError("full", FULL) if _disk_full(path) else StorageError("io", IO.format(where=_where(path)))
        return None
    if isinstance(exc, OSError):
        code = exc.errno
        if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            return StorageError("full", FULL)
        if code == errno.EROFS:
            return StorageError("read_only", READ_ONLY.format(where=_where(exc.filename or path)))
        if code in (errno.EACCES, errno.EPERM):
            return StorageError("permission", NO_PERMISSION.format(path=exc.filename or path or ""))
        if code == errno.EIO:
            if _disk_full(exc.filename or path):
                return StorageError("full", FULL)
            return StorageError("io", IO.format(where=_where(exc.filename or path)))
    return None


_OS_REASONS = {
    errno.ENOENT: "không tìm thấy tệp hoặc thư mục", errno.EISDIR: "đây là một thư mục, không phải tệp",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục", errno.EACCES: "không có quyền truy cập",
    errno.EPERM: "không được phép", errno.ENOSPC: "ổ đĩa đã đầy", errno.EROFS: "ổ đĩa chỉ cho phép đọc",
    errno.EEXIST: "tệp đã có", errno.ENAMETOOLONG: "tên tệp quá dài", errno.EIO: "lỗi đọc/ghi ổ đĩa",
    errno.EBUSY: "tệp đang được chương trình khác dùng", errno.EINVAL: "tên tệp hoặc đường dẫn không hợp lệ",
}


def os_reason(exc: OSError) -> str:
    """Why a file operation failed, in Vietnamese (the system's own text is English)."""
    return _OS_REASONS.get(exc.errno, f"lỗi hệ điều hành số {exc.errno}" if exc.errno else "lỗi hệ điều hành")


def storage_message(exc: BaseException, path: str | None = None) -> str | None:
    found = classify(exc, path)
    return str(found) if found else None
