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

from exograph import collector

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
    #: Plain (unquoted) text values that a `` #`` on their line cut short: path -> what YAML took as a
    #: comment (``note: CST #9202 was used`` reads as ``CST``; lint rule EXO403 reports it).
    cut: dict[Path, str] = field(default_factory=dict)

    def mark(self, path: Path) -> Mark:
        """The position of ``path``, or of its nearest ancestor that has one."""
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, Mark(1, 1))


def _mark(event: Any) -> Mark:
    return Mark(event.start_mark.line + 1, event.start_mark.column + 1)


_Scalar, _SeqStart, _SeqEnd = yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.SequenceEndEvent
_MapStart, _MapEnd, _Alias = yaml.MappingStartEvent, yaml.MappingEndEvent, yaml.AliasEvent
#: Resolved tags of short plain scalars (keys, vocabulary words, numbers): most scalars repeat.
_TAGS: dict[str, str] = {}
_TAG_CACHE_WIDTH = 40


def _tag(text: str) -> str:
    tag = _TAGS.get(text)
    if tag is None:
        tag = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
        if len(text) <= _TAG_CACHE_WIDTH:
            _TAGS[text] = tag
    return tag


#: Blanks and a comment right after a plain value, on the same line.
_TRAILING_COMMENT = re.compile(r"[ \t]+(#[^\n]*)")


class _Builder:
    """Turns the event stream into plain values, checking as it goes (the hot loop of reading curation)."""

    def __init__(self, events: list[Any], text: str = "") -> None:
        self.events = events
        self.text = text if "#" in text else ""  # only a file with a '#' can have a comment cutting a value
        self.cut: dict[Path, str] = {}
        self.pos = 0
        self.marks: dict[Path, Mark] = {}
        self.errors: list[YamlError] = []
        self.quoted: list[tuple[int, int]] = []  # character spans of quoted and block scalars

    def next(self) -> Any:
        event = self.events[self.pos]
        self.pos += 1
        return event

    def value(self, path: Path) -> Any:
        event = self.events[self.pos]
        self.pos += 1
        start = event.start_mark
        mark = self.marks[path] = Mark(start.line + 1, start.column + 1)
        kind = type(event)
        if kind is _Alias:
            self.errors.append(YamlError(f"alias '*{event.anchor}' is not allowed: write the value out", mark, path))
            return None
        if getattr(event, "anchor", None):
            self.errors.append(YamlError(f"anchor '&{event.anchor}' is not allowed: write values out", mark, path))
        if kind is _Scalar:
            if event.style and event.end_mark:
                self.quoted.append((start.index, event.end_mark.index))
            if event.style or not event.implicit[0]:
                return event.value  # quoted or explicitly tagged: it is text as written
            if self.text and (comment := _TRAILING_COMMENT.match(self.text, event.end_mark.index)):
                self.cut[path] = comment.group(1)
            return self.scalar(event.value, mark, path)
        if kind is _SeqStart:
            items: list[Any] = []
            events = self.events
            while type(events[self.pos]) is not _SeqEnd:
                items.append(self.value((*path, len(items))))
            self.pos += 1
            return items
        if kind is _MapStart:
            return self.mapping(path)
        raise AssertionError(f"unexpected YAML event {event!r}")  # pragma: no cover

    def mapping(self, path: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        events, marks = self.events, self.marks
        while type(events[self.pos]) is not _MapEnd:
            key = self.value((*path, "<key>"))
            key_mark = marks[(*path, "<key>")]
            if not isinstance(key, str):
                self.errors.append(YamlError(f"mapping key {key!r} must be text", key_mark, path))
                key = str(key)
            if key in result:
                first = marks[(*path, key)].line
                self.errors.append(YamlError(f"duplicate key '{key}' (first at line {first})", key_mark, path))
                self.value((*path, "<duplicate>"))
                continue
            result[key] = self.value((*path, key))
            marks.setdefault((*path, key, "<key>"), key_mark)
        self.pos += 1
        return result

    def scalar(self, text: str, mark: Mark, path: Path) -> Any:
        return _plain(text, mark, path, self.errors)


def _plain(text: str, mark: Mark, path: Path, errors: list[YamlError]) -> Any:
    """A plain scalar as YAML 1.2 reads it, refusing what YAML 1.1 would read differently."""
    tag = _tag(text)
    if tag.endswith(":str"):
        return text
    if tag.endswith(":bool"):
        if text in _TRUE_FALSE:
            return text == "true"
        errors.append(
            YamlError(
                f"'{text}' is a YAML 1.1 boolean: write true or false, or quote it ('{text}') if you mean text",
                mark,
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
            errors.append(YamlError(f"'{text}' is not a plain decimal integer: quote it if it is text", mark, path))
            return text
    if tag.endswith(":float"):
        try:
            number = float(text)
        except ValueError:
            number = math.nan
        if math.isfinite(number):
            return number
        errors.append(YamlError(f"'{text}' is not a plain decimal number: quote it if it is text", mark, path))
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
        with collector.paused():
            events = list(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Mark(mark.line + 1, mark.column + 1) if mark else Mark(1, 1)
        start = Mark(exc.context_mark.line + 1, exc.context_mark.column + 1) if exc.context_mark else None
        syntax = YamlError(f"YAML syntax error: {exc.problem or exc.context}", where, None, start)
        return None, [*_indent_tabs(text, []), syntax]
    except yaml.YAMLError as exc:  # e.g. a character YAML does not allow, reported without a position
        return None, [YamlError(f"YAML error: {exc}", Mark(1, 1))]
    builder = _Builder(events, text)
    builder.next()  # StreamStart
    if isinstance(builder.events[builder.pos], yaml.StreamEndEvent):
        return Document(None, {(): Mark(1, 1)}), _indent_tabs(text, [])
    builder.next()  # DocumentStart
    try:
        with collector.paused():
            data = builder.value(())
    except RecursionError:
        return None, [YamlError("values are nested too deeply", Mark(1, 1))]
    builder.next()  # DocumentEnd
    if not isinstance(builder.events[builder.pos], yaml.StreamEndEvent):
        builder.errors.append(YamlError("only one YAML document per file", _mark(builder.events[builder.pos])))
    return Document(data, builder.marks, builder.cut), _indent_tabs(text, builder.quoted) + builder.errors
