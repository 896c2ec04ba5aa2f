"""``exograph lint``: curation rules beyond hard validation, like ruff for curation.

Validation (:mod:`exograph.curation.checks`) rejects curation that cannot be compiled. Lint finds
curation that compiles but is probably wrong: a quote that does not name the regulator, a sign on a
stated absence of effect, a hedge on an assertion not marked hypothesis. Every finding has a
position, a rule code and a fix; a record silences a rule with ``lint_ignore: [CODE]`` plus a
``note`` saying why. Rules and how to satisfy them: ``docs/lint.md``.

Lint runs in steps so that an edit re-lints only its file: :func:`lint_file` runs the rules that
read one assertion at a time on one file, and :func:`lint_entities` those that read entities, each
where validation reads those files and kept with its results; :func:`finish` runs the rules that
span records over what every file kept, then judges every suppression.
:func:`exograph.compiled.lint.lint` runs them for a root:

    report = lint(Layout(root), select=["EXO1"], ignore=["EXO102"])
    report.problems   # validation problems (the records they touch are not linted)
    report.findings   # sorted Finding objects
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from exograph.curation import checks
from exograph.curation.lint import claims, entities, evidence, fields, quotes, scope, suppress
from exograph.curation.lint.base import (
    RULES,
    AssertionAt,
    EntityAt,
    Finding,
    Kept,
    KeptEntity,
    Lintable,
    Record,
    Rule,
    finding,
)
from exograph.curation.lint.texts import SourceText
from exograph.curation.loader import Curation, Loaded
from exograph.curation.models import AssertionFile
from exograph.curation.problems import Problem

__all__ = [
    "RULES",
    "EntityLint",
    "FileLint",
    "Finding",
    "LintReport",
    "Rule",
    "UnknownCode",
    "finish",
    "lint_entities",
    "lint_file",
    "select_codes",
]
_RULE_MODULES = (claims, entities, evidence, fields, quotes, scope, suppress)  # imported for their registrations


class UnknownCode(ValueError):
    """A --select or --ignore value that is no rule code or prefix of one."""


@dataclass(slots=True)
class LintReport:
    problems: list[Problem] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)  # the rules that ran

    def statistics(self) -> list[tuple[str, str, int]]:
        """``(code, name, count)`` for every rule that found something, most frequent first."""
        counts = Counter(f.code for f in self.findings)
        return sorted(((c, RULES[c].name, n) for c, n in counts.items()), key=lambda row: (-row[2], row[0]))


def select_codes(select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[str]:
    """Rule codes chosen by code prefixes (``EXO1`` is every EXO1xx rule); all rules by default."""

    def expand(prefixes: Iterable[str]) -> set[str]:
        chosen: set[str] = set()
        for prefix in prefixes:
            matched = {c for c in RULES if c.startswith(prefix.strip().upper())}
            if not prefix.strip() or not matched:
                raise UnknownCode(f"'{prefix}' is not a lint rule code or prefix (known: {', '.join(sorted(RULES))})")
            chosen |= matched
        return chosen

    chosen = expand(select) if select else set(RULES)
    return sorted(chosen - expand(ignore))


@dataclass(slots=True)
class FileLint:
    """One assertion file's lint, every rule of ``assertion`` and ``record`` scope: what :func:`finish`
    needs of it. Each entry carries the index of its assertion among the file's valid ones, so that one
    dropped later as a duplicate of another file's is left out, as if never linted."""

    findings: list[tuple[int, Finding]] = field(default_factory=list)
    silenced: list[tuple[int, Silenced]] = field(default_factory=list)
    claims: list[tuple[int, Kept]] = field(default_factory=list)
    #: Entity keys the file's records name as written, valid or not: an entity used only by a record
    #: that failed validation is not unused.
    referenced: set[str] = field(default_factory=set)


@dataclass(slots=True)
class EntityLint:
    """The entities' lint, every rule of ``entity`` and ``record`` scope, and every valid entity, kept."""

    findings: list[Finding] = field(default_factory=list)
    silenced: set[Silenced] = field(default_factory=set)
    entities: dict[str, KeptEntity] = field(default_factory=dict)


#: A rule silenced on a record: (list name, id or key, code).
Silenced = tuple[str | int, str, str]


def _codes(*scopes: str) -> list[str]:
    return [c for c, r in RULES.items() if r.scope in scopes]


def _referenced(loaded: Loaded[Any]) -> set[str]:
    """Every string under regulator, target and context of the file's raw assertion records."""
    found: set[str] = set()
    items = loaded.doc.data.get("assertions") if isinstance(loaded.doc.data, dict) else None
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        found.update(v for v in (item.get("regulator"), item.get("target")) if isinstance(v, str))
        context = item.get("context")
        for values in context.values() if isinstance(context, dict) else ():
            if isinstance(values, list):
                found.update(v for v in values if isinstance(v, str))
    return found


def _hits(target: Lintable, codes: Iterable[str]) -> tuple[list[tuple[Record, Finding]], list[tuple[Record, str]]]:
    """Findings of the rules ``codes``, each with the record it is on, and the codes records silenced."""
    found: list[tuple[Record, Finding]] = []
    silenced: list[tuple[Record, str]] = []
    for code in codes:
        check = RULES[code].check
        for hit in check(target) if check is not None else ():
            quiet = [r for r in (hit.record, *hit.others) if code in r.lint_ignore]
            silenced += [(r, code) for r in quiet]
            if not quiet:
                found.append((hit.record, finding(code, hit)))
    return found, silenced


def _silenced(record: Record, code: str) -> Silenced:
    return record.path[0], record.name, code


def lint_file(
    loaded: Loaded[AssertionFile], checked: checks.Checked, valid: Sequence[bool], text: SourceText | None
) -> FileLint:
    """Lint one assertion file's ``valid`` assertions (those that passed every check of the file alone)."""
    result = FileLint(referenced=_referenced(loaded))
    source = checked.sources.get(loaded.model.source)
    if source is None:
        return result
    index: dict[int, int] = {}  # id(record) -> index among the valid assertions
    target = Lintable(checked, texts={source.id: text} if text is not None else {})
    for k, (assertion, ok) in enumerate(zip(loaded.model.assertions, valid, strict=True)):
        if ok:
            at = AssertionAt(
                ("assertions", loaded.positions[k]),
                assertion.id,
                tuple(assertion.lint_ignore),
                loaded,
                assertion,
                source,
            )
            target.assertions.append(at)
            index[id(at)] = k
            result.claims.append((k, at.kept()))
    found, silenced = _hits(target, _codes("assertion", "record"))
    result.findings = [(index[id(r)], f) for r, f in found]
    result.silenced = [(index[id(r)], _silenced(r, code)) for r, code in silenced]
    return result


def lint_entities(curation: Curation, checked: checks.Checked) -> EntityLint:
    """Lint the valid entities (for a key defined twice, the definition validation kept)."""
    target = Lintable(checked)
    for loaded in curation.entity_files:
        for k, entity in enumerate(loaded.model.entities):
            if checked.entities.get(entity.key) is entity:
                path = ("entities", loaded.positions[k])
                target.entities[entity.key] = EntityAt(path, entity.key, tuple(entity.lint_ignore), loaded, entity)
    found, silenced = _hits(target, _codes("entity", "record"))
    kept = {key: at.kept() for key, at in target.entities.items()}
    return EntityLint([f for _, f in found], {_silenced(r, code) for r, code in silenced}, kept)


def finish(
    checked: checks.Checked,
    entities: EntityLint,
    files: Iterable[tuple[FileLint, Sequence[bool]]],
    codes: Sequence[str],
) -> list[Finding]:
    """Every finding of the rules ``codes``: the entities', each file's for the assertions still ``kept``
    after the checks across files, and those of the rules that span records; then suppressions that
    silenced nothing."""
    target = Lintable(checked, kept_entities=entities.entities)
    found = list(entities.findings)
    silenced = set(entities.silenced)
    for file, kept in files:
        found += [f for k, f in file.findings if kept[k]]
        silenced.update(s for k, s in file.silenced if kept[k])
        target.claims += [at for k, at in file.claims if kept[k]]
        target.referenced |= file.referenced
    spanning, quiet = _hits(target, _codes("curation"))
    found += [f for _, f in spanning]
    silenced.update(_silenced(r, code) for r, code in quiet)
    ran = set(codes)
    found = [f for f in found if f.code in ran]
    if suppress.UNUSED.code in ran:
        for record in suppress.records(target):
            found += [finding(suppress.UNUSED.code, hit) for hit in suppress.unused(record, silenced, ran)]
    return sorted(found)
