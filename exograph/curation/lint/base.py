"""The rule registry and the located curation every rule reads.

A lint rule is a function from :class:`Lintable` (the validated curation, every record with its
file position, the raw source texts) to :class:`Hit` s. The registry turns hits into
:class:`Finding` s carrying the rule's code and fix, and drops those a record silences with
``lint_ignore``. Rules never see records that failed validation: their problems are reported by
``exograph validate`` and the rest of the curation is still linted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from exograph.curation.checks import Checked
from exograph.curation.lint.texts import SourceText
from exograph.curation.loader import Loaded
from exograph.curation.models import Assertion, Entity, Source


@dataclass(frozen=True, slots=True)
class Record:
    """One assertion or entity with the file and list index it was read from."""

    loaded: Loaded[Any]
    path: tuple[str | int, ...]  # ("assertions", i) or ("entities", i)
    name: str  # assertion id or entity key
    lint_ignore: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"{'assertion' if self.path[0] == 'assertions' else 'entity'} '{self.name}'"

    def mark(self, *path: str | int) -> tuple[str, int, int]:
        mark = self.loaded.doc.mark((*self.path, *path))
        return self.loaded.file, mark.line, mark.column


@dataclass(frozen=True, slots=True)
class AssertionAt(Record):
    model: Assertion
    source: Source


@dataclass(frozen=True, slots=True)
class EntityAt(Record):
    model: Entity


@dataclass(slots=True)
class Lintable:
    """What rules read: entities by key, assertions in file order, and each source's raw text."""

    checked: Checked
    entities: dict[str, EntityAt] = field(default_factory=dict)
    assertions: list[AssertionAt] = field(default_factory=list)
    texts: dict[str, SourceText] = field(default_factory=dict)
    #: Entity keys named by any assertion record as written, valid or not, so that an entity used only by
    #: a record that failed validation is not reported as unused.
    referenced: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule reports: where (record and field path), what, and optionally a specific fix."""

    record: Record
    path: tuple[str | int, ...]
    message: str
    fix: str | None = None
    others: tuple[Record, ...] = ()  # further records involved; any of them may silence the hit


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    """One lint finding, ordered by position."""

    file: str
    line: int
    column: int
    code: str
    name: str
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.code} {self.message} Fix: {self.fix}"


RuleFunction = Callable[[Lintable], Iterable[Hit]]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    summary: str
    fix: str
    check: RuleFunction | None  # None: computed by the runner from the other rules' findings


#: Every rule by code, filled by the rule modules as they are imported.
RULES: dict[str, Rule] = {}


def register(known: Rule) -> None:
    assert known.code not in RULES, f"rule {known.code} registered twice"
    RULES[known.code] = known


def rule(code: str, name: str, summary: str, fix: str) -> Callable[[RuleFunction], RuleFunction]:
    """Register a rule; ``summary`` says what it catches and ``fix`` what the curator should do."""

    def decorate(check: RuleFunction) -> RuleFunction:
        register(Rule(code, name, summary, fix, check))
        return check

    return decorate


def finding(code: str, hit: Hit) -> Finding:
    known = RULES[code]
    file, line, column = hit.record.mark(*hit.path)
    message = f"{hit.record.label}: {hit.message}"
    return Finding(file, line, column, code, known.name, message, hit.fix or known.fix)
