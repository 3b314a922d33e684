"""Reading JSON that someone else wrote (intake files, catalogs, key files, day files, acks).

Python's json module trusts its input more than we can: a 5,000-digit number raises ValueError
(the integer string limit), ``[`` nested 200,000 deep raises RecursionError, a 30-digit integer
passes and overflows the database later, ``NaN`` passes as a float, and ``"\\ud800"`` gives a
string that cannot be written as UTF-8. ``loads`` refuses all of these with one exception,
``JSONInputError``, whose text is a Vietnamese sentence; ``read_json_document`` adds the file
handling (not found, too large, not UTF-8, not an object) for the small JSON files users give.
"""
from __future__ import annotations

import json
import re
from array import array
from itertools import accumulate
from pathlib import Path
from typing import Any

from .errors import MotCuaError
from .storage_errors import os_reason

MAX_DEPTH = 32  # our documents nest 6 deep; the margin is for DuLieu's free-form details
MAX_DIGITS = 18  # every integer fits in 64 bits (and no float needs more to be exact)
SMALL_FILE = 4 * 1024 * 1024  # key files, acks, intake and catalog files are far smaller

_NOT_STRUCTURE = bytes(set(range(256)) - set(b'[]{}"'))
_RUN = re.compile(rb'"[^"]*"|[\[\]{}]+')  # in the skeleton: a string, or a run of brackets
_BRACKET_STEP = bytes.maketrans(b"[]{}", b"\x01\xff\x01\xff")  # +1 / -1 as signed bytes
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


class JSONInputError(ValueError):
    """Not JSON, or JSON beyond what we read; ``str()`` is a Vietnamese sentence."""


def nesting_depth(data: bytes | bytearray, limit: int | None = None) -> int:
    """How deep arrays and objects nest in UTF-8 JSON, without parsing and without copying
    more than the document's brackets and quotes (brackets inside strings are not counted).
    With ``limit``, stops as soon as the depth passes it."""
    if b"\\" in data:  # escapes first: an escaped backslash, then an escaped quote
        data = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    skeleton = data.translate(None, _NOT_STRUCTURE)  # only [ ] { } and quotes are left
    # Two quotes side by side are an empty string or the end of one and the start of the next
    # (what stood between them is gone): removing them keeps every bracket in or out of a
    # string as it was, and leaves only the strings that hold brackets.
    skeleton = skeleton.replace(b'""', b"")
    depth = deepest = 0
    for run in _RUN.finditer(skeleton):
        text = run.group()
        if text[0] != 0x22:  # brackets outside any string
            steps = accumulate(array("b", text.translate(_BRACKET_STEP)), initial=depth)
            deepest = max(deepest, max(steps))
            if limit is not None and deepest > limit:
                break
            depth += text.count(b"[") + text.count(b"{") - text.count(b"]") - text.count(b"}")
    return deepest


def _integer(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise JSONInputError(f"có số nguyên quá lớn (hơn {MAX_DIGITS} chữ số)")
    return int(text)


def _float(text: str) -> float:
    if len(text) > 40:
        raise JSONInputError("có số quá dài")
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise JSONInputError("có số quá lớn")
    return value


def _constant(name: str) -> float:
    raise JSONInputError(f"có giá trị {name}, không phải số JSON hợp lệ")


def loads(data: bytes | bytearray | str, *, max_depth: int = MAX_DEPTH) -> Any:
    """Parse JSON within the limits above; JSONInputError says what is wrong."""
    if isinstance(data, str):
        try:
            raw = data.encode("utf-8")
        except UnicodeEncodeError:
            raise JSONInputError("có ký tự Unicode không hợp lệ (nửa cặp thay thế)") from None
    else:
        raw = data if isinstance(data, (bytes, bytearray)) else bytes(data)
        try:
            data = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise JSONInputError("không phải văn bản UTF-8") from None
    if nesting_depth(raw, max_depth) > max_depth:
        raise JSONInputError(f"lồng nhau quá sâu (quá {max_depth} tầng)")
    del raw
    try:
        value = json.loads(data, parse_int=_integer, parse_float=_float, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise JSONInputError(f"không phải JSON hợp lệ (dòng {exc.lineno}, cột {exc.colno})") from None
    except RecursionError:  # cannot happen under max_depth; kept so that nothing escapes
        raise JSONInputError("lồng nhau quá sâu") from None
    except ValueError as exc:
        if isinstance(exc, JSONInputError):
            raise
        raise JSONInputError("có số không đọc được") from None
    if _SURROGATE_ESCAPE.search(data):
        try:
            json.dumps(value, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise JSONInputError("có ký tự Unicode không hợp lệ (nửa cặp thay thế)") from None
    return value


def read_json(path: str | Path, what: str, *, limit: int = SMALL_FILE) -> Any:
    """JSON from a file a user gives, whatever its top-level type; MotCuaError in Vietnamese
    otherwise. ``what`` names the file in messages: "Tệp {what} {path} không đọc được …"."""
    return parse_document(read_file(path, what, limit=limit), f"Tệp {what} {path}", limit=limit)


def read_file(path: str | Path, what: str, *, limit: int = SMALL_FILE) -> bytes:
    """The bytes of a file a user gives, at most ``limit`` + 1 of them (then it is too large)."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
    except FileNotFoundError:
        raise MotCuaError(f"Không tìm thấy tệp {what}: {path}") from None
    except IsADirectoryError:
        raise MotCuaError(f"{path} là một thư mục, không phải tệp {what}.") from None
    except OSError as exc:
        raise MotCuaError(f"Không đọc được tệp {what} {path}: {os_reason(exc)}") from None
    if len(raw) > limit:
        raise MotCuaError(f"Tệp {what} {path} quá lớn (tối đa {limit // 1024 // 1024} MB).")
    return raw


def parse_document(raw: bytes, subject: str, *, limit: int = SMALL_FILE) -> Any:
    """``raw`` parsed, or MotCuaError "{subject} không đọc được …" (``subject`` names the source)."""
    if len(raw) > limit:
        raise MotCuaError(f"{subject} quá lớn (tối đa {limit // 1024 // 1024} MB).")
    try:
        return loads(raw)
    except JSONInputError as exc:
        if "JSON hợp lệ" in str(exc) or "UTF-8" in str(exc):
            raise MotCuaError(f"{subject} không đọc được (không phải JSON hợp lệ).") from None
        raise MotCuaError(f"{subject} không đọc được: {exc}.") from None


def read_json_document(path: str | Path, what: str, *, limit: int = SMALL_FILE) -> dict:
    """Like ``read_json``, and the document must be a JSON object."""
    document = read_json(path, what, limit=limit)
    if not isinstance(document, dict):
        raise MotCuaError(f"Tệp {what} {path} không đúng định dạng (cần một đối tượng JSON).")
    return document
