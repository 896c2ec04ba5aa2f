"""A strict YAML reader that remembers where every value stands.

Curators write YAML by hand, so the reader refuses the constructs that silently
change meaning (duplicate keys, YAML 1.1 booleans such as ``NO``, anchors and
aliases, tabs, non-UTF-8 bytes) and records the line and column of every node so
that later checks can point at the exact spot.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # libyaml is several times faster; fall back to the pure-Python parser.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path = tuple[str | int, ...]
_RESOLVER = yaml.resolver.Resolver()
_TRUE_FALSE = {"true", "false"}


@dataclass(frozen=True, slots=True)
class Mark:
    """A 1-based line and column."""

    line: int
    column: int


@dataclass(slots=True)
class YamlError(Exception):
    """A problem found while reading, with its position and, where known, the path of the value it is in."""

    message: str
    mark: Mark
    path: Path | None = None
    start: Mark | None = None  # for a syntax error: where the construct that failed began


@dataclass(slots=True)
class Document:
    """The plain data of one file and the position of every path in it."""

    data: Any
    marks: dict[Path, Mark] = field(default_factory=dict)

    def mark(self, path: Path) -> Mark:
        """The position of ``path``, or of its nearest ancestor that has one."""
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, Mark(1, 1))


def _mark(event: Any) -> Mark:
    return Mark(event.start_mark.line + 1, event.start_mark.column + 1)


class _Builder:
    """Turns the event stream into plain values, checking as it goes."""

    def __init__(self, events: list[Any]) -> None:
        self.events = events
        self.pos = 0
        self.marks: dict[Path, Mark] = {}
        self.errors: list[YamlError] = []
        self.quoted: list[tuple[int, int]] = []  # character spans of quoted and block scalars

    def next(self) -> Any:
        event = self.events[self.pos]
        self.pos += 1
        return event

    def value(self, path: Path) -> Any:
        event = self.next()
        self.marks[path] = _mark(event)
        if isinstance(event, yaml.AliasEvent):
            self.errors.append(
                YamlError(f"alias '*{event.anchor}' is not allowed: write the value out", _mark(event), path)
            )
            return None
        if getattr(event, "anchor", None):
            message = f"anchor '&{event.anchor}' is not allowed: write values out"
            self.errors.append(YamlError(message, _mark(event), path))
        if isinstance(event, yaml.ScalarEvent):
            if event.style and event.start_mark and event.end_mark:
                self.quoted.append((event.start_mark.index, event.end_mark.index))
            return self.scalar(event, path)
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            while not isinstance(self.events[self.pos], yaml.SequenceEndEvent):
                items.append(self.value((*path, len(items))))
            self.next()
            return items
        if isinstance(event, yaml.MappingStartEvent):
            return self.mapping(path)
        raise AssertionError(f"unexpected YAML event {event!r}")  # pragma: no cover

    def mapping(self, path: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        while not isinstance(self.events[self.pos], yaml.MappingEndEvent):
            key_event = self.events[self.pos]
            key = self.value((*path, "<key>"))
            if not isinstance(key, str):
                self.errors.append(YamlError(f"mapping key {key!r} must be text", _mark(key_event), path))
                key = str(key)
            if key in result:
                self.errors.append(
                    YamlError(
                        f"duplicate key '{key}' (first at line {self.marks[(*path, key)].line})", _mark(key_event), path
                    )
                )
                self.value((*path, "<duplicate>"))
                continue
            key_mark = _mark(key_event)
            result[key] = self.value((*path, key))
            self.marks.setdefault((*path, key, "<key>"), key_mark)
        self.next()
        return result

    def scalar(self, event: Any, path: Path) -> Any:
        text: str = event.value
        if event.style or not event.implicit[0]:
            return text  # quoted or explicitly tagged: it is text as written
        tag: str = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
        if tag.endswith(":bool"):
            if text in _TRUE_FALSE:
                return text == "true"
            self.errors.append(
                YamlError(
                    f"'{text}' is a YAML 1.1 boolean: write true or false, or quote it ('{text}') if you mean text",
                    _mark(event),
                    path,
                )
            )
            return text
        if tag.endswith(":null"):
            return None
        if tag.endswith(":int"):
            try:
                return int(text, 10)
            except ValueError:
                self.errors.append(
                    YamlError(f"'{text}' is not a plain decimal integer: quote it if it is text", _mark(event), path)
                )
                return text
        if tag.endswith(":float"):
            try:
                number = float(text)
            except ValueError:
                number = math.nan
            if math.isfinite(number):
                return number
            self.errors.append(
                YamlError(f"'{text}' is not a plain decimal number: quote it if it is text", _mark(event), path)
            )
            return text
        return text  # timestamps and the rest stay as the curator wrote them


def _indent_tabs(text: str, quoted: list[tuple[int, int]]) -> list[YamlError]:
    """Tabs in the indentation of a line, except inside quoted or block scalars (there they are text)."""
    errors, offset = [], 0
    for n, line in enumerate(text.split("\n"), 1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            index = offset + indent.index("\t")
            if not any(start <= index < end for start, end in quoted):
                where = Mark(n, index - offset + 1)
                errors.append(YamlError("tab character in indentation: indent with spaces", where))
        offset += len(line) + 1
    return errors


#: Characters no curation file may hold as such: controls other than tab and line breaks, bidirectional
#: controls (which make text display differently from what it holds) and YAML's Unicode line breaks.
_RAW_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _unsafe_characters(text: str) -> tuple[str, list[YamlError]]:
    """Report unsafe characters where they stand, and blank them so the rest of the file can be read."""
    errors = []
    for match in _RAW_UNSAFE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - text.rfind("\n", 0, match.start())
        errors.append(
            YamlError(
                f"character U+{ord(match.group()):04X} is not allowed in a curation file: remove it", Mark(line, column)
            )
        )
    return (_RAW_UNSAFE.sub(" ", text), errors) if errors else (text, errors)


def read_yaml(raw: bytes) -> tuple[Document | None, list[YamlError]]:
    """Parse one YAML document strictly; return it with every problem found."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [YamlError(f"file is not UTF-8 (byte 0x{raw[exc.start]:02x}): save it as UTF-8", Mark(line, 1))]
    text, unsafe = _unsafe_characters(text)
    document, errors = _parse(text)
    return document, unsafe + errors


def _parse(text: str) -> tuple[Document | None, list[YamlError]]:
    try:
        events = list(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Mark(mark.line + 1, mark.column + 1) if mark else Mark(1, 1)
        start = Mark(exc.context_mark.line + 1, exc.context_mark.column + 1) if exc.context_mark else None
        syntax = YamlError(f"YAML syntax error: {exc.problem or exc.context}", where, None, start)
        return None, [*_indent_tabs(text, []), syntax]
    except yaml.YAMLError as exc:  # e.g. a character YAML does not allow, reported without a position
        return None, [YamlError(f"YAML error: {exc}", Mark(1, 1))]
    builder = _Builder(events)
    builder.next()  # StreamStart
    if isinstance(builder.events[builder.pos], yaml.StreamEndEvent):
        return Document(None, {(): Mark(1, 1)}), _indent_tabs(text, [])
    builder.next()  # DocumentStart
    try:
        data = builder.value(())
    except RecursionError:
        return None, [YamlError("values are nested too deeply", Mark(1, 1))]
    builder.next()  # DocumentEnd
    if not isinstance(builder.events[builder.pos], yaml.StreamEndEvent):
        builder.errors.append(YamlError("only one YAML document per file", _mark(builder.events[builder.pos])))
    return Document(data, builder.marks), _indent_tabs(text, builder.quoted) + builder.errors
