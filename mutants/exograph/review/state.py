"""One side's curation, compiled: its records, its validation problems, and a queryable store.

An invalid side is still compiled from what validated, so a reviewer sees what
can be compared next to the problems. Validation and lint go through the per-file
cache (:mod:`exograph.compiled.incremental`), as ``exograph validate`` and ``exograph
lint`` do, so an unchanged file is never read again. That cache is keyed by content and
shared by every root, so a revision unpacked into a temporary folder finds the results of
every file it shares with the working tree (or with a revision diffed before). The store
is written into a temporary folder this module creates and removes, never into the user's
compiled cache.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exograph.compiled.incremental import validate
from exograph.compiled.lint import findings
from exograph.compiled.records import EntityRecord, build
from exograph.compiled.store import Store, write_rows
from exograph.curation.lint import Finding
from exograph.curation.problems import Problem
from exograph.layout import Layout
from exograph.review.memstore import Records, RecordStore


@dataclass(frozen=True, slots=True)
class State:
    """The compiled curation of one side."""

    entities: dict[str, EntityRecord]
    assertions: Records
    sources: dict[str, dict[str, Any]]
    problems: list[Problem]
    #: Every lint finding, as ``exograph lint`` reports them.
    findings: list[Finding]
    store: Store


@contextmanager
def load_state(root: Path) -> Iterator[State]:
    """Compile ``root`` (keeping what validates) and open a store of it for queries."""
    layout = Layout(root)
    outcome = validate(layout, want_rows=True, lint=True)
    checked = outcome.checked
    entities, _, source_records = build(checked)
    sources = {sid: s.model_dump(mode="json") for sid, s in checked.sources.items()}
    assertions = Records(outcome.rows)
    with tempfile.TemporaryDirectory(prefix="exograph-review-") as tmp:
        path = Path(tmp) / "store.sqlite"
        write_rows(path, "review", entities, (), source_records)  # assertions: answered from memory
        db = sqlite3.connect(path)
        try:
            store = RecordStore(db, root, entities, assertions)
            yield State(entities, assertions, sources, outcome.problems, findings(outcome), store)
        finally:
            db.close()
