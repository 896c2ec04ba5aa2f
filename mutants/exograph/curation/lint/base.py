"""The rule registry and the located curation every rule reads.

A lint rule is a function from :class:`Lintable` (the validated curation, every record with its
file position, the raw source texts) to :class:`Hit` s. The registry turns hits into
:class:`Finding` s carrying the rule's code and fix, and drops those a record silences with
``lint_ignore``. Rules never see records that failed validation: their problems are reported by
``exograph validate`` and the rest of the curation is still linted.

A rule's *scope* says what it reads, which decides when it runs. An ``assertion`` rule reads one
assertion at a time (with the entities and its source), so it runs on each assertion file alone,
where the file is read, and its findings are kept per file like validation's
(:mod:`exograph.compiled.incremental`); an ``entity`` rule reads the entities only and runs where
they are checked, its findings kept with theirs; ``record`` rules read any one record and run in
both places. The ``curation`` rules compare records across files and run once over every record,
reduced to :class:`Kept` records: what those rules read and the positions they report at.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from exograph.curation.checks import Checked
from exograph.curation.lint.texts import SourceText
from exograph.curation.loader import Loaded
from exograph.curation.models import Assertion, Entity, Source

#: A position: file, line, column.
Mark = tuple[str, int, int]
Scope = Literal["assertion", "entity", "record", "curation"]


@dataclass(frozen=True, slots=True)
class Record:
    """One assertion or entity, named by the list it stands in, its index there, and its id or key."""

    path: tuple[str | int, ...]  # ("assertions", i) or ("entities", i)
    name: str  # assertion id or entity key
    lint_ignore: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"{'assertion' if self.path[0] == 'assertions' else 'entity'} '{self.name}'"

    def mark(self, *path: str | int) -> Mark:
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class Located(Record):
    """A record read from a file: any field's position can be asked for."""

    loaded: Loaded[Any]

    def mark(self, *path: str | int) -> Mark:
        mark = self.loaded.doc.mark((*self.path, *path))
        return self.loaded.file, mark.line, mark.column


@dataclass(frozen=True, slots=True)
class AssertionAt(Located):
    model: Assertion
    source: Source

    def kept(self) -> Kept:
        """What the curation-wide rules read of this assertion, with the positions they report at."""
        a = self.model
        claim = (self.source.id, a.regulator, a.target, a.aspect, a.context.model_dump_json())
        word = ("none" if a.direction == "regulates" else f"not-{a.direction}") if a.negated else a.direction
        ignores = tuple(self.mark("lint_ignore", j) for j in range(len(a.lint_ignore)))
        return Kept(self.path, self.name, self.lint_ignore, ignores, self.mark(), self.mark("direction"), claim, word)


@dataclass(frozen=True, slots=True)
class EntityAt(Located):
    model: Entity

    def kept(self) -> KeptEntity:
        ignores = tuple(self.mark("lint_ignore", j) for j in range(len(self.model.lint_ignore)))
        return KeptEntity(self.path, self.name, self.lint_ignore, ignores, self.mark("key"))


@dataclass(frozen=True, slots=True)
class KeptRecord(Record):
    """A record reduced to what the curation-wide rules read, kept between runs with the positions those
    rules report at (each ``lint_ignore`` entry here, more in subclasses)."""

    ignores: tuple[Mark, ...]

    def mark(self, *path: str | int) -> Mark:
        if len(path) == 2 and path[0] == "lint_ignore" and isinstance(path[1], int):
            return self.ignores[path[1]]
        raise KeyError(f"no position kept for {path}")


@dataclass(frozen=True, slots=True)
class Kept(KeptRecord):
    """An assertion: its claim, and the positions of the record and of its direction."""

    at: Mark
    direction: Mark
    #: Source, regulator, target, aspect and context (JSON): what two claims must share to contradict.
    claim: tuple[str, str, str, str, str]
    #: What the assertion says, as one comparable word: 'increases', 'decreases', 'none', 'not-increases'...
    word: str

    def mark(self, *path: str | int) -> Mark:
        if path in ((), ("direction",)):
            return self.direction if path else self.at
        return KeptRecord.mark(self, *path)

    def __reduce__(self) -> tuple[type[Kept], tuple[Any, ...]]:
        # A hundred thousand of these are read back per diff side: the default for a frozen slotted
        # dataclass looks its fields up once per object.
        fields = (self.path, self.name, self.lint_ignore, self.ignores, self.at, self.direction)
        return Kept, (*fields, self.claim, self.word)


@dataclass(frozen=True, slots=True)
class KeptEntity(KeptRecord):
    """An entity: the position of its key."""

    key: Mark

    def mark(self, *path: str | int) -> Mark:
        return self.key if path == ("key",) else KeptRecord.mark(self, *path)


@dataclass(slots=True)
class Lintable:
    """What rules read: entities by key, assertions in file order, and each source's raw text.

    ``assertion`` rules see one file's assertions, ``entity`` rules every entity, and ``curation``
    rules every entity and assertion, kept (``kept_entities`` and ``claims``).
    """

    checked: Checked
    entities: dict[str, EntityAt] = field(default_factory=dict)
    assertions: list[AssertionAt] = field(default_factory=list)
    claims: list[Kept] = field(default_factory=list)
    kept_entities: dict[str, KeptEntity] = field(default_factory=dict)
    #: Each entity's names as quotes may give them (:func:`~exograph.curation.lint.quotes.entity_names`), once asked.
    names: dict[str, list[str]] = field(default_factory=dict)
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

    def __reduce__(self) -> tuple[type[Finding], tuple[str, int, int, str, str, str, str]]:
        return Finding, (self.file, self.line, self.column, self.code, self.name, self.message, self.fix)


RuleFunction = Callable[[Lintable], Iterable[Hit]]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    summary: str
    fix: str
    check: RuleFunction | None  # None: computed by the runner from the other rules' findings
    scope: Scope = "assertion"


#: Every rule by code, filled by the rule modules as they are imported.
RULES: dict[str, Rule] = {}


def register(known: Rule) -> None:
    assert known.code not in RULES, f"rule {known.code} registered twice"
    RULES[known.code] = known


def rule(
    code: str, name: str, summary: str, fix: str, scope: Scope = "assertion"
) -> Callable[[RuleFunction], RuleFunction]:
    """Register a rule; ``summary`` says what it catches and ``fix`` what the curator should do."""

    def decorate(check: RuleFunction) -> RuleFunction:
        register(Rule(code, name, summary, fix, check, scope))
        return check

    return decorate


def finding(code: str, hit: Hit) -> Finding:
    known = RULES[code]
    file, line, column = hit.record.mark(*hit.path)
    message = f"{hit.record.label}: {hit.message}"
    return Finding(file, line, column, code, known.name, message, hit.fix or known.fix)
