"""``exograph lint``: curation rules beyond hard validation, like ruff for curation.

Validation (:mod:`exograph.curation.checks`) rejects curation that cannot be compiled. Lint finds
curation that compiles but is probably wrong: a quote that does not name the regulator, a sign on a
stated absence of effect, a hedge on an assertion not marked hypothesis. Every finding has a
position, a rule code and a fix; a record silences a rule with ``lint_ignore: [CODE]`` plus a
``note`` saying why. Rules and how to satisfy them: ``docs/lint.md``.

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
from exograph.curation.lint import claims, entities, evidence, fields, quotes, suppress
from exograph.curation.lint.base import RULES, AssertionAt, EntityAt, Finding, Lintable, Rule, finding
from exograph.curation.lint.texts import SourceText
from exograph.curation.loader import Curation, Loaded, load
from exograph.curation.problems import Problem
from exograph.layout import Layout

__all__ = ["RULES", "Finding", "LintReport", "Rule", "UnknownCode", "lint", "select_codes"]
_RULE_MODULES = (claims, entities, evidence, fields, quotes, suppress)  # imported for their registrations


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


def _positions(loaded: Loaded[Any], name: str, field_name: str) -> dict[str, list[int]]:
    """Index in the file of each record by id or key: records that failed validation are left out of
    the model's list, so the model's index is not the file's."""
    found: dict[str, list[int]] = {}
    items = loaded.doc.data.get(name) if isinstance(loaded.doc.data, dict) else None
    for i, item in enumerate(items if isinstance(items, list) else []):
        if isinstance(item, dict) and isinstance(item.get(field_name), str):
            found.setdefault(item[field_name], []).append(i)
    return found


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


def lintable(curation: Curation, checked: checks.Checked) -> Lintable:
    """The validated records of a curation, each with its position, and the raw source texts."""
    result = Lintable(checked)
    for loaded in curation.entity_files:
        where = _positions(loaded, "entities", "key")
        for entity in loaded.model.entities:
            index = where[entity.key].pop(0)
            if checked.entities.get(entity.key) is entity:
                at = EntityAt(loaded, ("entities", index), entity.key, tuple(entity.lint_ignore), entity)
                result.entities[entity.key] = at
    clean = {id(a) for _, a in checked.assertions}
    for file in curation.assertion_files:
        where = _positions(file, "assertions", "id")
        source = checked.sources.get(file.model.source)
        for assertion in file.model.assertions:
            index = where[assertion.id].pop(0)
            if source is not None and id(assertion) in clean:
                record = AssertionAt(
                    file, ("assertions", index), assertion.id, tuple(assertion.lint_ignore), assertion, source
                )
                result.assertions.append(record)
        result.referenced |= _referenced(file)
    for source in checked.sources.values():
        path = curation.layout.root / "sources" / source.text
        if path.is_file():
            result.texts[source.id] = SourceText(path.read_text(encoding="utf-8", errors="replace"))
    return result


def run(target: Lintable, codes: Sequence[str]) -> list[Finding]:
    """Run the chosen rules; drop findings their records silence; report suppressions that silence nothing."""
    found: list[Finding] = []
    silenced: set[tuple[str | int, str, str]] = set()
    ran = set(codes)
    for code in codes:
        check = RULES[code].check
        for hit in check(target) if check is not None else ():
            quiet = [r for r in (hit.record, *hit.others) if code in r.lint_ignore]
            silenced.update((r.path[0], r.name, code) for r in quiet)
            if not quiet:
                found.append(finding(code, hit))
    if suppress.UNUSED.code in ran:
        for record in suppress.records(target):
            found += [finding(suppress.UNUSED.code, hit) for hit in suppress.unused(record, silenced, ran)]
    return sorted(found)


def lint(layout: Layout, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> LintReport:
    """Validate a root, then lint every record that validated."""
    codes = select_codes(select, ignore)
    curation = load(layout)
    checked, problems = checks.check(curation)
    return LintReport(sorted(problems), run(lintable(curation, checked), codes), codes)
