"""Checking records against the JSON Schemas in resources/schemas/.

The schema files are the single statement of the format. They use a small part of JSON Schema
(2020-12), which this module compiles into plain Python checks: a general validator costs about
half a millisecond per dossier record, too slow for a 5,000-dossier day exported in under a
second. A keyword outside that part is refused when the schema is loaded, so the files cannot
silently say more than is checked; the tests compare the results with the reference validator.

Messages name the field but never repeat its value: they go into manifests, acks and logs,
which must hold no personal data.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache

from models.paths import RESOURCES

SCHEMAS = RESOURCES / "schemas"
# One schema file per version of the day-file format; version 1 files (before digitisation)
# still verify against their own.
DAY_SCHEMAS = {1: SCHEMAS / "sync-day-v1.schema.json", 2: SCHEMAS / "sync-day-v2.schema.json"}
DAY_SCHEMA = DAY_SCHEMAS[max(DAY_SCHEMAS)]  # the version the export writes
ACK_SCHEMA = SCHEMAS / "sync-ack-v1.schema.json"

_ANNOTATIONS = {"$schema", "$id", "$comment", "title", "description", "examples", "format", "$defs"}
_SUPPORTED = _ANNOTATIONS | {
    "$ref", "type", "required", "properties", "additionalProperties", "items", "enum", "const",
    "pattern", "minLength", "maxLength", "minimum", "maximum", "minItems", "maxItems",
}
_TYPE_NAMES = {"string": "chuỗi", "integer": "số nguyên", "number": "số", "boolean": "đúng/sai",
               "object": "đối tượng", "array": "danh sách", "null": "rỗng (null)"}


class SchemaError(Exception):
    """The schema file itself uses something this module does not check."""


class _Generator:
    """Writes one Python function per schema definition, then compiles them together.

    Generated code (rather than a tree of closures) keeps a 40-field record to tens of
    microseconds. Paths are only built when a message is written.
    """

    def __init__(self, root: dict):
        self.root = root
        self.names: dict[str, str] = {}  # "#/$defs/x" → function name
        self.pending: list[tuple[str, dict]] = []
        self.constants: dict[str, object] = {"_where": _where}
        self.lines: list[str] = []
        self.counter = 0
        self.inlining: list[str] = []

    def constant(self, value) -> str:
        self.counter += 1
        name = f"_C{self.counter}"
        self.constants[name] = value
        return name

    def resolve(self, pointer: str) -> dict:
        if not pointer.startswith("#/"):
            raise SchemaError(f"only local $ref is supported: {pointer}")
        node = self.root
        for part in pointer[2:].split("/"):
            node = node[part]
        return node

    def function_for(self, pointer: str) -> str:
        if pointer not in self.names:
            self.names[pointer] = f"_v{len(self.names)}"
            self.pending.append((pointer, self.resolve(pointer)))
        return self.names[pointer]

    def build(self, entry: dict | None, pointer: str | None) -> Callable:
        top = self.function_for(pointer) if pointer else None
        if entry is not None:
            self.names["#"] = top = "_v_root"
            self.pending.append(("#", entry))
        done: set[str] = set()
        while self.pending:
            pointer, node = self.pending.pop()
            if pointer in done:
                continue
            done.add(pointer)
            self.inlining = [pointer]
            self.lines.append(f"def {self.names[pointer]}(v0, p0, errors):")
            body = len(self.lines)
            self.node(node, 0, "p0", 1)
            if len(self.lines) == body:
                self.lines.append("    pass")
        namespace = dict(self.constants)
        exec(compile("\n".join(self.lines), "<sync schema>", "exec"), namespace)  # noqa: S102
        return namespace[top]

    def emit(self, indent: int, text: str) -> None:
        self.lines.append("    " * indent + text)

    def fail(self, indent: int, path: str, message: str) -> None:
        self.emit(indent, f"errors.append(_where({path}) + {message!r})")

    def node(self, node, depth: int, path: str, indent: int) -> None:
        v = f"v{depth}"
        if node is True or node == {}:
            return
        if node is False:
            self.fail(indent, path, ": không được có")
            return
        unknown = set(node) - _SUPPORTED
        if unknown:
            raise SchemaError(f"unsupported keywords: {sorted(unknown)}")
        if "$ref" in node:
            pointer = node["$ref"]
            if pointer in self.inlining:  # recursive: call the definition's function
                self.emit(indent, f"{self.function_for(pointer)}({v}, {path}, errors)")
            else:  # inline: a call per field would cost more than the check itself
                self.inlining.append(pointer)
                self.node(self.resolve(pointer), depth, path, indent)
                self.inlining.pop()
        if "type" in node:
            names = node["type"] if isinstance(node["type"], list) else [node["type"]]
            test = " or ".join(_TYPE_TESTS[n].format(v=v) for n in names)
            label = " hoặc ".join(_TYPE_NAMES[n] for n in names)
            self.emit(indent, f"if not ({test}):")
            self.fail(indent + 1, path, f": phải là {label}")
            self.emit(indent, "else:")
            indent += 1
            self.emit(indent, "pass")
        for keyword in ("const", "enum"):
            if keyword in node:
                values = [node["const"]] if keyword == "const" else node["enum"]
                allowed = self.constant(frozenset(_key(x) for x in values))
                self.emit(indent, f"if _key({v}) not in {allowed}:")
                self.fail(indent + 1, path, ": giá trị không đúng" if keyword == "const"
                          else ": giá trị không thuộc danh mục cho phép")
                self.constants["_key"] = _key
        self.strings(node, v, path, indent)
        self.numbers(node, v, path, indent)
        self.arrays(node, depth, path, indent)
        self.objects(node, depth, path, indent)

    def strings(self, node, v: str, path: str, indent: int) -> None:
        if "pattern" in node:
            rx = self.constant(re.compile(node["pattern"]))
            self.emit(indent, f"if type({v}) is str and not {rx}.search({v}):")
            self.fail(indent + 1, path, ": không đúng định dạng")
        if "minLength" in node:
            self.emit(indent, f"if type({v}) is str and len({v}) < {int(node['minLength'])}:")
            self.fail(indent + 1, path, ": để trống")
        if "maxLength" in node:
            self.emit(indent, f"if type({v}) is str and len({v}) > {int(node['maxLength'])}:")
            self.fail(indent + 1, path, ": quá dài")

    def numbers(self, node, v: str, path: str, indent: int) -> None:
        for keyword, op in (("minimum", "<"), ("maximum", ">")):
            if keyword in node:
                self.emit(indent, f"if type({v}) in (int, float) and {v} {op} {node[keyword]!r}:")
                self.fail(indent + 1, path, ": giá trị ngoài khoảng cho phép")

    def arrays(self, node, depth: int, path: str, indent: int) -> None:
        v = f"v{depth}"
        for keyword, op in (("minItems", "<"), ("maxItems", ">")):
            if keyword in node:
                self.emit(indent, f"if type({v}) is list and len({v}) {op} {int(node[keyword])}:")
                self.fail(indent + 1, path, ": số phần tử không hợp lệ")
        if "items" in node and node["items"] not in (True, {}):
            child, index = f"v{depth + 1}", f"i{depth + 1}"
            self.emit(indent, f"if type({v}) is list:")
            self.emit(indent + 1, f"for {index}, {child} in enumerate({v}):")
            self.node(node["items"], depth + 1, f"({path} + '[' + str({index}) + ']')", indent + 2)
            self.emit(indent + 2, "pass")

    def objects(self, node, depth: int, path: str, indent: int) -> None:
        v = f"v{depth}"
        required = node.get("required", [])
        props = node.get("properties", {})
        extra = node.get("additionalProperties", True)
        if not (required or props or extra is not True):
            return
        self.emit(indent, f"if type({v}) is dict:")
        indent += 1
        self.emit(indent, "pass")
        if required:
            wanted, key = self.constant(frozenset(required)), f"k{depth + 1}"
            self.emit(indent, f"if not {wanted} <= {v}.keys():")
            self.emit(indent + 1, f"for {key} in sorted({wanted} - {v}.keys()):")
            self.fail(indent + 2, f"({path} + '.' + {key} if {path} else {key})", ": thiếu")
        child = f"v{depth + 1}"
        for name, schema in props.items():
            if schema in (True, {}):
                continue
            # try/except costs nothing when the key is there (the usual case), unlike .get().
            self.emit(indent, "try:")
            self.emit(indent + 1, f"{child} = {v}[{name!r}]")
            self.emit(indent, "except KeyError:")
            self.emit(indent + 1, "pass")
            self.emit(indent, "else:")
            self.node(schema, depth + 1, _child_path(path, name), indent + 1)
            self.emit(indent + 1, "pass")
        if extra is True:
            return
        known = self.constant(frozenset(props))
        key = f"k{depth + 1}"
        self.emit(indent, f"if not {v}.keys() <= {known}:")
        indent += 1
        self.emit(indent, f"for {key} in sorted({v}.keys() - {known}):")
        if extra is False:
            self.fail(indent + 1, f"({path} + '.' + {key} if {path} else {key})", ": không có trong định dạng")
        else:
            self.emit(indent + 1, f"{child} = {v}[{key}]")
            self.node(extra, depth + 1, f"({path} + '.' + {key} if {path} else {key})", indent + 1)
            self.emit(indent + 1, "pass")


_TYPE_TESTS = {
    "string": "type({v}) is str", "integer": "type({v}) is int",
    "number": "type({v}) in (int, float)", "boolean": "type({v}) is bool",
    "object": "type({v}) is dict", "array": "type({v}) is list", "null": "{v} is None",
}


def _key(value):
    """Equality as JSON Schema means it: True is not 1."""
    if value is None or isinstance(value, (str, int, float)):
        return (type(value).__name__, value)
    return (type(value).__name__, json.dumps(value, sort_keys=True))


def _where(path: str) -> str:
    return f"trường “{path}”" if path else "bản ghi"


def _child_path(path: str, name: str) -> str:
    """A Python expression for the path of a named child, evaluated only on error."""
    return f"({path} + {'.' + name!r} if {path} else {name!r})"


class Validator:
    """Checks a value against one definition of a schema file; returns Vietnamese messages."""

    def __init__(self, schema: dict, definition: str | None = None):
        generator = _Generator(schema)
        if definition:
            self._check = generator.build(None, f"#/$defs/{definition}")
        else:
            self._check = generator.build(schema, None)

    def errors(self, value, path: str = "") -> list[str]:
        found: list[str] = []
        self._check(value, path, found)
        return found


@cache
def load_schema(path: str) -> dict:
    return json.loads(open(path, encoding="utf-8").read())


@cache
def day_validator(definition: str, version: int | None = None) -> Validator:
    """A validator for one part of a day file: manifest, HoSo, TienDo, dossiersMember …, of
    the format's ``version`` (default: the one the export writes)."""
    return Validator(load_schema(str(DAY_SCHEMAS[version] if version else DAY_SCHEMA)), definition)


@cache
def ack_validator() -> Validator:
    return Validator(load_schema(str(ACK_SCHEMA)), "ack")
