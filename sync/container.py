"""The zip container of a day file, signed as a whole.

The Ed25519 signature sits in the zip comment, the very end of the file, and covers every
byte before it. So any flipped byte anywhere, even in zip bookkeeping no member hash covers,
breaks the signature, and a file cut short loses its signature first. The manifest's per-member
hashes remain, to say *which* member changed.

Entries are written in a fixed order with a fixed date, fixed attributes and a fixed
compression level (encrypted members are stored as they are), so the same members give the
same bytes (with the same zlib).

Reading is bounded, whatever the file claims: a file over MAX_FILE is not read, the zip may
list at most MAX_MEMBERS entries (checked in the end record before the zip directory is
parsed), and members are decompressed as a stream up to a limit the caller gives (the sizes
the zip's headers declare are never trusted), so a lying or bomb-like zip costs at most that.
"""
from __future__ import annotations

import base64
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from .format import zip_date_time

SIG_PREFIX = b"MOTCUA-SIG1 Ed25519 "
SIG_B64_LEN = 88  # base64 of a 64-byte signature
SIG_COMMENT_LEN = len(SIG_PREFIX) + SIG_B64_LEN
EOCD = b"PK\x05\x06"
EOCD_SIZE = 22
COMPRESS_LEVEL = 6
# A busy commune's day is a few MB; the bench's 5,000-dossier day makes a 12 MB hoso.json.
MAX_FILE = 64 * 1024 * 1024
MAX_MEMBERS = 8  # a day file has 3
MAX_DIRECTORY = 64 * 1024  # the zip's directory of members (ours is about 200 bytes)
MAX_MANIFEST = 4 * 1024 * 1024
# One record member, decompressed: about 9,500 dossiers of 2.5 KB (the bench's 5,000-dossier
# day is 12.7 MB). It bounds the memory a file can make the importer use (parsed JSON takes
# 3–5 times its size): with a 50 MB file the whole run stays under 300 MB.
MAX_MEMBER = 24 * 1024 * 1024
_CHUNK = 1024 * 1024


class ContainerError(Exception):
    """The file cannot be read as a signed day file at all; ``code`` names the problem."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


class MemberTooLarge(Exception):
    """A member decompresses to more than the limit it was read with."""


@dataclass
class Container:
    """An opened day file: its members are read on demand (``read``), each at most once."""

    archive: zipfile.ZipFile | None
    infos: dict[str, zipfile.ZipInfo] = field(default_factory=dict)
    signature: bytes = b""
    signed_part: bytes | memoryview = b""  # a view of the file, not a copy

    @property
    def names(self) -> list[str]:
        return list(self.infos)

    def read(self, name: str, limit: int) -> bytearray:
        """The member's bytes, decompressed as a stream and never more than ``limit``:
        MemberTooLarge beyond it, ValueError when the data is damaged (bad deflate data,
        wrong CRC, cut short). A bytearray, not copied into bytes: members are big."""
        out = bytearray()
        try:
            with self.archive.open(self.infos[name]) as stream:
                while True:
                    chunk = stream.read(min(_CHUNK, limit + 1 - len(out)))
                    if not chunk:
                        break
                    out += chunk
                    if len(out) > limit:
                        raise MemberTooLarge(name)
        except MemberTooLarge:
            raise
        except Exception as exc:  # noqa: BLE001 - bad CRC, bad deflate, flags flipped to "encrypted" …
            raise ValueError(f"{name}: {type(exc).__name__}") from None
        return out



def write_container(members: list[tuple[str, bytes]], sign: Callable[[bytes], bytes],
                    day: date, stored: frozenset[str] = frozenset()) -> bytes:
    """Zip ``members`` in the given order and sign the result; ``stored`` ones uncompressed
    (encrypted data does not compress)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=zip_date_time(day))
            info.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            info.create_system = 3  # the same on every OS
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=COMPRESS_LEVEL)
        archive.comment = b"\0" * SIG_COMMENT_LEN  # placeholder of the final length
    blob = buffer.getvalue()
    signed = blob[:-SIG_COMMENT_LEN]
    signature = base64.b64encode(sign(signed))
    assert len(signature) == SIG_B64_LEN
    return signed + SIG_PREFIX + signature


def _check_tail(data: bytes) -> None:
    """The end of the file must be the end record with our signature as its comment."""
    at = len(data) - EOCD_SIZE - SIG_COMMENT_LEN
    if (at >= 0 and data[at:at + 4] == EOCD
            and int.from_bytes(data[at + 20:at + 22], "little") == SIG_COMMENT_LEN
            and data[at + EOCD_SIZE:].startswith(SIG_PREFIX)):
        return
    last = data.rfind(EOCD, max(0, len(data) - 65557))
    if last >= 0 and len(data) >= last + EOCD_SIZE:
        declared = int.from_bytes(data[last + 20:last + 22], "little")
        if last + EOCD_SIZE + declared > len(data):
            raise ContainerError("truncated", "Tệp bị cắt cụt: phần cuối của tệp bị thiếu "
                                              "(có thể chép chưa xong hoặc thẻ nhớ bị rút ra sớm).")
        raise ContainerError("unsigned", "Tệp không mang chữ ký số của cơ quan gửi.")
    raise ContainerError("truncated", "Tệp bị cắt cụt: không tìm thấy phần kết thúc của tệp ZIP "
                                      "(có thể chép chưa xong hoặc thẻ nhớ bị rút ra sớm).")


def _check_directory(data: bytes, max_members: int = MAX_MEMBERS, max_directory: int = MAX_DIRECTORY) -> None:
    """The end record (just before our signature) must announce a small, plain zip: at most
    MAX_MEMBERS entries, no zip64, a directory inside the file. Checked before zipfile builds
    its list, which a lying count would otherwise make as large as it likes."""
    at = len(data) - EOCD_SIZE - SIG_COMMENT_LEN
    record = data[at:at + EOCD_SIZE]
    disk_entries = int.from_bytes(record[8:10], "little")
    entries = int.from_bytes(record[10:12], "little")
    size = int.from_bytes(record[12:16], "little")
    offset = int.from_bytes(record[16:20], "little")
    if entries > max_members or disk_entries != entries:
        raise ContainerError("corrupt", f"Tệp ZIP khai báo {entries} thành phần; tệp đồng bộ có tối đa "
                                        f"{max_members}. Từ chối để an toàn.")
    if size > max_directory:  # zipfile reads entries until the directory's size, not its count
        raise ContainerError("corrupt", "Danh mục thành phần của tệp ZIP lớn bất thường; từ chối để an "
                                        "toàn.")
    if size == 0xFFFFFFFF or offset == 0xFFFFFFFF or offset + size > at:
        raise ContainerError("corrupt", "Cấu trúc tệp ZIP bị hỏng (danh mục thành phần nằm ngoài tệp).")


def open_container(data: bytes, *, max_members: int = MAX_MEMBERS,
                   max_directory: int = MAX_DIRECTORY) -> Container:
    """A day file (or, with larger limits, a companion file of copies) opened for reading."""
    if not data:
        raise ContainerError("truncated", "Tệp rỗng (0 byte).")
    if not data.startswith(b"PK\x03\x04"):
        raise ContainerError("not_a_sync_file", "Đây không phải tệp đồng bộ MotCua (không phải tệp ZIP).")
    _check_tail(data)
    _check_directory(data, max_members, max_directory)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except Exception:  # noqa: BLE001 - a damaged zip raises many kinds; all mean "corrupt"
        raise ContainerError("corrupt", "Cấu trúc tệp ZIP bị hỏng, không đọc được danh sách thành phần.") from None
    names = [i.filename for i in infos]
    if len(set(names)) != len(names):
        raise ContainerError("corrupt", "Tệp chứa hai thành phần trùng tên.")
    container = Container(archive, {i.filename: i for i in infos},
                          signed_part=memoryview(data)[:-SIG_COMMENT_LEN])
    try:
        container.signature = base64.b64decode(data[-SIG_B64_LEN:], validate=True)
    except ValueError:
        container.signature = b""
    return container
