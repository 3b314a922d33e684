"""The zip container of a day file, signed as a whole.

The Ed25519 signature sits in the zip comment, the very end of the file, and covers every
byte before it. So any flipped byte anywhere, even in zip bookkeeping no member hash covers,
breaks the signature, and a file cut short loses its signature first. The manifest's per-member
hashes remain, to say *which* member changed.

Entries are written in a fixed order with a fixed date, fixed attributes and a fixed
compression level (encrypted members are stored as they are), so the same members give the
same bytes (with the same zlib).
"""
from __future__ import annotations

import base64
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from .format import zip_date_time

SIG_PREFIX = b"MOTCUA-SIG1 Ed25519 "
SIG_B64_LEN = 88  # base64 of a 64-byte signature
SIG_COMMENT_LEN = len(SIG_PREFIX) + SIG_B64_LEN
EOCD = b"PK\x05\x06"
EOCD_SIZE = 22
MAX_UNPACKED = 512 * 1024 * 1024  # a day of one commune is a few MB; refuse zip bombs
COMPRESS_LEVEL = 6


class ContainerError(Exception):
    """The file cannot be read as a signed day file at all; ``code`` names the problem."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class Container:
    members: dict[str, bytes]
    broken: dict[str, str] = field(default_factory=dict)  # member name → why it cannot be read
    signature: bytes = b""
    signed_part: bytes = b""


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


def open_container(data: bytes) -> Container:
    if not data:
        raise ContainerError("truncated", "Tệp rỗng (0 byte).")
    if not data.startswith(b"PK\x03\x04"):
        raise ContainerError("not_a_sync_file", "Đây không phải tệp đồng bộ MotCua (không phải tệp ZIP).")
    _check_tail(data)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except Exception:  # noqa: BLE001 - a damaged zip raises many kinds; all mean "corrupt"
        raise ContainerError("corrupt", "Cấu trúc tệp ZIP bị hỏng, không đọc được danh sách thành phần.")
    names = [i.filename for i in infos]
    if len(set(names)) != len(names):
        raise ContainerError("corrupt", "Tệp chứa hai thành phần trùng tên.")
    if sum(i.file_size for i in infos) > MAX_UNPACKED:
        raise ContainerError("corrupt", "Tệp khai báo dung lượng giải nén quá lớn; từ chối để an toàn.")
    container = Container(members={}, signature=b"", signed_part=data[:-SIG_COMMENT_LEN])
    for info in infos:
        try:
            container.members[info.filename] = archive.read(info)
        except Exception:  # noqa: BLE001 - bad CRC, bad deflate data, flags flipped to "encrypted" …
            container.broken[info.filename] = "dữ liệu nén bị hỏng"
    try:
        container.signature = base64.b64decode(data[-SIG_B64_LEN:], validate=True)
    except ValueError:
        container.signature = b""
    return container
