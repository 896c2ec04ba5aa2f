"""YAML -> models -> checks -> records: the one path from files to knowledge."""

from __future__ import annotations

import json

from exograph.compiled.records import AssertionRecord, EntityRecord, SourceRecord, build
from exograph.curation.checks import Checked, check
from exograph.curation.loader import load
from exograph.curation.problems import Problem
from exograph.layout import Layout


def validate(layout: Layout) -> tuple[Checked, list[Problem]]:
    """Every problem in a root, sorted by file and position."""
    checked, problems = check(load(layout))
    return checked, sorted(problems)


def compile_root(layout: Layout) -> tuple[dict[str, EntityRecord], list[AssertionRecord], dict[str, SourceRecord]]:
    """Records for a clean root; raises :class:`CurationError` with every problem otherwise.

    Goes through the per-file cache (:mod:`exograph.compiled.incremental`), so only changed files are re-read.
    """
    from exograph.compiled.incremental import compile_rows

    compiled = compile_rows(layout)
    entities, _, sources = build(compiled.checked)
    return entities, [json.loads(row[5]) for row in compiled.rows], sources
