"""Read what can be read of a record-list file whose YAML is broken in one record.

A syntax error stops the YAML parser for the whole file; in a file of records
(``entities:`` or ``assertions:``) that would hide every sibling of the broken one and
bury its message under "not a known entity" lines. The record holding the error is
blanked out (line numbers kept) and the file parsed again, a few times at most.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from exograph.curation.yamlread import Document, YamlError, read_yaml

_ITEM = re.compile(r"^( *)- ")
#: A ``key:`` or ``id:`` written in a record, found without YAML.
_NAMED = re.compile(r"^[ \-]*(key|id):[ \t]*['\"]?([A-Za-z0-9][A-Za-z0-9_.+\-]*)")


@dataclass(slots=True)
class Recovered:
    """The document read once broken records were blanked, and where they were."""

    doc: Document | None
    errors: list[YamlError]  # found in what was read
    dropped_errors: list[YamlError] = field(default_factory=list)  # the errors that made records be dropped
    dropped: list[tuple[int, int]] = field(default_factory=list)  # 0-based [start, end) line spans


def record_spans(lines: list[str], name: str) -> list[tuple[int, int]]:
    """The 0-based line spans of the items of the top-level list ``name``, found by indentation."""
    head = next((i for i, line in enumerate(lines) if re.match(rf"^{name}[ \t]*:[ \t]*(#.*)?$", line)), None)
    if head is None:
        return []
    starts: list[int] = []
    indent: int | None = None
    end = len(lines)
    for i in range(head + 1, len(lines)):
        line = lines[i]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _ITEM.match(line)
        if indent is None:
            if item is None:
                return []
            indent = len(item.group(1))
        lead = len(line) - len(line.lstrip(" "))
        if item is not None and len(item.group(1)) == indent:
            starts.append(i)
        elif lead < indent or (indent == 0 and lead == 0):
            end = i
            break
    return [(start, starts[k + 1] if k + 1 < len(starts) else end) for k, start in enumerate(starts)]


def recover(text: str, name: str, errors: list[YamlError], attempts: int = 20) -> Recovered:
    """Blank the record each syntax error falls in until the rest parses; give up if an error is outside records."""
    lines = text.split("\n")
    spans = record_spans(lines, name)
    kept: list[YamlError] = []
    dropped: list[tuple[int, int]] = []
    for _ in range(min(attempts, len(spans))):
        syntax = errors[-1]
        line = (syntax.start or syntax.mark).line - 1
        span = next((s for s in spans if s[0] <= line < s[1]), None)
        if span is None or span in dropped:
            break
        dropped.append(span)
        kept += [e for e in errors if span[0] <= e.mark.line - 1 < span[1] or e is syntax]
        for i in range(*span):
            lines[i] = ""
        doc, errors = read_yaml("\n".join(lines).encode("utf-8"))
        if doc is not None:
            return Recovered(doc, errors, kept, dropped)
    return Recovered(None, errors)


def names_in(text: str, wanted: str, spans: list[tuple[int, int]] | None = None) -> dict[str, int]:
    """Values of ``wanted`` (``key`` or ``id``) written in ``spans`` of ``text`` (all of it by default), by line."""
    lines = text.split("\n")
    found: dict[str, int] = {}
    for start, end in spans if spans is not None else [(0, len(lines))]:
        for i in range(start, end):
            if (match := _NAMED.match(lines[i])) and match.group(1) == wanted:
                found.setdefault(match.group(2), i + 1)
    return found
