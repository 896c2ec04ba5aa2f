"""Carry a curator's comments across ``exograph fmt``: a formatter never drops text.

The canonical form is written from the data (:mod:`exograph.curation.fmt`), which holds no comments,
so each comment is tied to the YAML node it belongs to and put back beside that node in the new text:
a comment on a line of its own goes before the next node (the outermost one starting on that line, so
a comment above a list item stays above the item however its keys are reordered), a comment after a
value stays at the end of that value's line, and comments after the last node stay at the end. Where
the node is gone (a default value ``fmt`` leaves out), the comment goes with its nearest ancestor.

A ``#`` starts a comment only where YAML reads one: at the start of a line or after a blank, outside
every scalar (so ``'CST #9202'`` in quotes, or ``CST#9202``, is text). Files without comments are
formatted exactly as before.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass

import yaml

try:  # libyaml is several times faster; fall back to the pure-Python scanner.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

#: A node's place in the document: mapping keys and list indices; ``KEY`` marks a mapping key itself.
NodePath = tuple[str | int, ...]
KEY = "<key>"


@dataclass(frozen=True, slots=True)
class Comment:
    text: str  # from the '#' to the end of its line
    inline: bool  # after a value on the same line, rather than on a line of its own
    anchor: NodePath | None  # None: after the last node


def _nodes(text: str) -> Iterator[tuple[NodePath, int]]:
    """Every node with the 0-based line it starts on."""
    root = yaml.compose(text, Loader=_Loader)
    if root is None:
        return
    stack: list[tuple[yaml.Node, NodePath]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        yield path, node.start_mark.line
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                yield (*path, str(key.value), KEY), key.start_mark.line
                stack.append((value, (*path, str(key.value))))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*path, i)) for i, item in enumerate(node.value))


def _by_line(text: str) -> dict[int, list[NodePath]]:
    lines: dict[int, list[NodePath]] = {}
    for path, line in _nodes(text):
        lines.setdefault(line, []).append(path)
    return lines


def _scalar_spans(text: str) -> tuple[list[int], list[int]]:
    """Where every scalar (plain, quoted or block) starts and ends, by character index."""
    starts, ends = [], []
    for token in yaml.scan(text, Loader=_Loader):
        if isinstance(token, yaml.ScalarToken):
            starts.append(token.start_mark.index)
            ends.append(token.end_mark.index)
    return starts, ends


def find(text: str) -> list[Comment]:
    """Every comment of ``text`` (a YAML file that parses), tied to its node."""
    if "#" not in text:
        return []
    starts, ends = _scalar_spans(text)
    nodes = _by_line(text)
    node_lines = sorted(nodes)
    comments = []
    offset = 0
    for number, line in enumerate(text.split("\n")):
        at = _comment_start(line, offset, starts, ends)
        offset += len(line) + 1
        if at is None:
            continue
        inline = bool(line[:at].strip())
        if inline and number in nodes:
            anchor: NodePath | None = max(nodes[number], key=len)  # the innermost: the value itself
        else:
            later = bisect.bisect_right(node_lines, number)
            anchor = min(nodes[node_lines[later]], key=len) if later < len(node_lines) else None
            inline = False
        comments.append(Comment(line[at:].rstrip(), inline, anchor))
    return comments


def _comment_start(line: str, offset: int, starts: list[int], ends: list[int]) -> int | None:
    """The column where ``line``'s comment starts, if it has one outside every scalar."""
    column = line.find("#")
    while column >= 0:
        index = offset + column
        if column == 0 or line[column - 1] in " \t":
            k = bisect.bisect_right(starts, index) - 1
            if k < 0 or index >= ends[k]:
                return column
        column = line.find("#", column + 1)
    return None


def place(text: str, comments: list[Comment]) -> str:
    """``text`` (the canonical form) with ``comments`` put back beside their nodes."""
    if not comments:
        return text
    first_line: dict[NodePath, int] = {}
    for path, start in _nodes(text):
        first_line.setdefault(path, start)
    lines = text.split("\n")
    before: dict[int, list[str]] = {}
    after: dict[int, list[str]] = {}
    tail: list[str] = []
    for comment in comments:
        at = _line_of(comment.anchor, first_line)
        if at is None:
            tail.append(comment.text)
        elif comment.inline:
            after.setdefault(at, []).append(comment.text)
        else:
            indent = lines[at][: len(lines[at]) - len(lines[at].lstrip(" "))]
            before.setdefault(at, []).append(indent + comment.text)
    out: list[str] = []
    for number, line in enumerate(lines):
        out += before.get(number, [])
        out.append("  ".join([line, *after[number]]) if number in after else line)
    if tail:
        if out and out[-1] == "":
            out.pop()
        out += [*tail, ""]
    return "\n".join(out)


def _line_of(anchor: NodePath | None, first_line: dict[NodePath, int]) -> int | None:
    if anchor is None:
        return None
    path = anchor
    while path not in first_line and path:
        path = path[:-1]
    return first_line.get(path, 0)
