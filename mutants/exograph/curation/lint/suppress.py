"""EXO0xx: ``lint_ignore`` entries that silence nothing.

A suppression is an exception a reviewer accepted for one record; once the record changes, or the
code is mistyped, it must go, or it would silently hide the next real problem.
"""

from __future__ import annotations

from collections.abc import Iterator

from exograph.curation.lint.base import RULES, Hit, Lintable, Record, Rule, register, rule


def records(lintable: Lintable) -> Iterator[Record]:
    """The records whose suppressions are judged once every rule ran: entities and assertions, kept."""
    yield from lintable.kept_entities.values()
    yield from lintable.claims


@rule(
    "EXO001",
    "unknown-lint-code",
    "lint_ignore names a code that is not a lint rule.",
    "correct the code (exograph lint --help and docs/lint.md list them) or remove it",
    scope="record",
)
def unknown_codes(lintable: Lintable) -> Iterator[Hit]:
    for record in (*lintable.entities.values(), *lintable.assertions):
        for j, code in enumerate(record.lint_ignore):
            if code not in RULES:
                yield Hit(record, ("lint_ignore", j), f"lint_ignore names '{code}', which is not a lint rule")


UNUSED = Rule(
    "EXO002",
    "unused-suppression",
    "lint_ignore silences a rule that finds nothing on this record.",
    "remove the code from lint_ignore (and its reason from the note)",
    None,
)
register(UNUSED)


def unused(record: Record, silenced: set[tuple[str | int, str, str]], ran: set[str]) -> Iterator[Hit]:
    """Hits for codes of ``record.lint_ignore`` that ran but silenced nothing on it."""
    for j, code in enumerate(record.lint_ignore):
        if code in ran and code in RULES and (record.path[0], record.name, code) not in silenced:
            yield Hit(record, ("lint_ignore", j), f"lint_ignore silences {code}, which finds nothing here")
