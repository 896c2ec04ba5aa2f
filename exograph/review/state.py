"""One side's curation, compiled: its records, its validation problems, and a queryable store.

An invalid side is still compiled from what validated, so a reviewer sees what
can be compared next to the problems. The store is written into a temporary
folder this module creates and removes, never into the user's cache (a
revision's temporary root would otherwise leave a cache file per diff).
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exograph.compiled.build import validate
from exograph.compiled.records import AssertionRecord, EntityRecord, build
from exograph.compiled.store import Store, write
from exograph.curation.problems import Problem
from exograph.layout import Layout


@dataclass(frozen=True, slots=True)
class State:
    """The compiled curation of one side."""

    entities: dict[str, EntityRecord]
    assertions: dict[str, AssertionRecord]
    sources: dict[str, dict[str, Any]]
    problems: list[Problem]
    store: Store


@contextmanager
def load_state(root: Path) -> Iterator[State]:
    """Compile ``root`` (keeping what validates) and open a store of it for queries."""
    checked, problems = validate(Layout(root))
    entities, assertions, source_records = build(checked)
    sources = {sid: s.model_dump(mode="json") for sid, s in checked.sources.items()}
    with tempfile.TemporaryDirectory(prefix="exograph-review-") as tmp:
        path = Path(tmp) / "store.sqlite"
        write(path, "review", entities, assertions, source_records)
        db = sqlite3.connect(path)
        try:
            yield State(entities, {a["id"]: a for a in assertions}, sources, problems, Store(db, root))
        finally:
            db.close()
