"""YAML -> models -> checks -> records: the one path from files to knowledge."""

from __future__ import annotations

from exograph.checks import Checked, check
from exograph.layout import Layout
from exograph.loader import load
from exograph.problems import CurationError, Problem
from exograph.records import AssertionRecord, EntityRecord, SourceRecord, build


def validate(layout: Layout) -> tuple[Checked, list[Problem]]:
    """Every problem in a root, sorted by file and position."""
    checked, problems = check(load(layout))
    return checked, sorted(problems)


def compile_root(layout: Layout) -> tuple[dict[str, EntityRecord], list[AssertionRecord], dict[str, SourceRecord]]:
    """Records for a clean root; raises :class:`CurationError` with every problem otherwise."""
    checked, problems = validate(layout)
    if problems:
        raise CurationError(problems)
    return build(checked)
