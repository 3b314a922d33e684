"""Day files a forger, a broken stick or a buggy program could bring to the province.

Each builder takes a sound file's members (sync_fixtures.members_of) and the agency's signing
function, and writes one hostile file. Big members are written as a stream (a zip bomb is
built without holding its inflated content in memory). Used by test_sync_hostile.py and, in a
subprocess, by the memory measurement.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import struct
import zipfile
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from sync.container import SIG_B64_LEN, SIG_COMMENT_LEN, SIG_PREFIX

Sign = Callable[[bytes], bytes]
Member = tuple[str, bytes | Callable[[], Iterable[bytes]]]
MB = 1024 * 1024


def canonical(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def signed_zip(members: list[Member], sign: Sign, day: date, *, stored: frozenset[str] = frozenset()) -> bytes:
    """Like sync.container.write_container, but a member may be a generator of chunks."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(day.year, day.month, day.day, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            if callable(data):
                with archive.open(info, "w", force_zip64=False) as out:
                    for chunk in data():
                        out.write(chunk)
            else:
                archive.writestr(info, data, compresslevel=6)
        archive.comment = b"\0" * SIG_COMMENT_LEN
    blob = buffer.getvalue()
    return resign(blob, sign)


def resign(blob: bytes, sign: Sign) -> bytes:
    """Sign again a file whose bytes were changed (as a forger holding the key would)."""
    import base64

    signed = blob[:-SIG_COMMENT_LEN]
    signature = base64.b64encode(sign(signed))
    assert len(signature) == SIG_B64_LEN
    return signed + SIG_PREFIX + signature


def _digest(chunks: Callable[[], Iterable[bytes]]) -> tuple[str, int]:
    hasher, size = hashlib.sha256(), 0
    for chunk in chunks():
        hasher.update(chunk)
        size += len(chunk)
    return hasher.hexdigest(), size


def with_member(members: list[tuple[str, bytes]], name: str, data, sign: Sign, day: date,
                *, stored: frozenset[str] = frozenset(), declared: int | None = None) -> bytes:
    """The file with member ``name`` replaced (bytes or a chunk generator) and the manifest's
    hash and size made to match, signed: only what is inside can betray it. ``declared``: let
    the manifest give that size (and a made-up hash) instead of hashing a huge member."""
    if declared is not None:
        sha, size = "0" * 64, declared
    else:
        sha, size = _digest(data) if callable(data) else (hashlib.sha256(data).hexdigest(), len(data))
    out: list[Member] = []
    for member, content in members:
        if member == "manifest.json":
            manifest = json.loads(content)
            manifest["members"][name].update(sha256=sha, size=size)
            content = canonical(manifest)
        out.append((member, data if member == name else content))
    return signed_zip(out, sign, day, stored=stored)


def zeros(total: int, chunk: int = MB) -> Callable[[], Iterable[bytes]]:
    def generate():
        left = total
        while left > 0:
            yield b"\0" * min(chunk, left)
            left -= chunk
    return generate


def json_records(total: int) -> Callable[[], Iterable[bytes]]:
    """A hoso.json member about ``total`` bytes long of small, wrong records (wide, not deep)."""
    record = canonical({"Uid": "0" * 32, "MaHoSo": "X", "ChuHoSo": "Nguyễn Thị Hằng " * 8}) + b","
    count = max(1, total // len(record))

    def generate():
        yield b'{"HoSo":['
        block = record * 1000
        for _ in range(count // 1000):
            yield block
        yield record * (count % 1000) + b'{}],"header":{}}'
    return generate


def deep(total: int) -> Callable[[], Iterable[bytes]]:
    def generate():
        yield b'{"HoSo":'
        left = total
        while left > 0:
            yield b"[" * min(MB, left)
            left -= MB
    return generate


def patch_declared_size(blob: bytes, name: bytes, size: int) -> bytes:
    """Make the zip's central directory lie about a member's uncompressed size."""
    at = 0
    while True:
        at = blob.index(b"PK\x01\x02", at)
        length = struct.unpack("<H", blob[at + 28:at + 30])[0]
        if blob[at + 46:at + 46 + length] == name:
            return blob[:at + 24] + struct.pack("<I", size) + blob[at + 28:]
        at += 4


def random_bytes(path: Path, size: int) -> Path:
    with open(path, "wb") as out:
        left = size
        while left > 0:
            out.write(os.urandom(min(MB, left)))
            left -= MB
    return path

