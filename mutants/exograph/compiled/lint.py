"""Lint a root through the per-file cache: an edit re-lints only the file it touched.

Each assertion file's lint is made where validation reads the file and kept with its results
(:mod:`exograph.compiled.incremental`); the rules that span records then run over every file's
kept records, and every suppression is judged. The
findings are those of linting the whole curation at once (``tests/compiled/test_lint.py`` checks
that on random edits against a run with no cache).
"""

from __future__ import annotations

from collections.abc import Sequence

from exograph.compiled.incremental import Outcome, validate
from exograph.curation.lint import Finding, LintReport, finish, select_codes
from exograph.layout import Layout


def lint(layout: Layout, select: Sequence[str] = (), ignore: Sequence[str] = (), cache: bool = True) -> LintReport:
    """Validate a root, then lint every record that validated; :class:`~exograph.curation.lint.UnknownCode`
    for a ``select`` or ``ignore`` value that names no rule."""
    codes = select_codes(select, ignore)
    outcome = validate(layout, cache=cache, lint=True)
    return LintReport(outcome.problems, findings(outcome, codes), codes)


def findings(outcome: Outcome, codes: Sequence[str] | None = None) -> list[Finding]:
    """The findings of the rules ``codes`` (all by default) for an ``outcome`` of ``validate(lint=True)``."""
    return finish(outcome.checked, outcome.entity_lint, outcome.lint, select_codes() if codes is None else codes)
