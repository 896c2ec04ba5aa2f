"""A store whose assertions and labels are the side's records already in memory, for the many impact queries.

The answer impact asks drivers, regulators and targets of thousands of entities on each side;
reading their assertions back from SQLite decoded the same JSON records again for every
question, and the labels of their ends likewise (most of a large diff's time). The entity
tables (names, broader, members) are still SQLite, written by
:func:`exograph.compiled.store.write_rows`, so the real query code runs unchanged; only the
assertion and label lookups answer from the records, assertions in the store's order (by id).
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from exograph.compiled.records import AssertionRecord, EntityRecord
from exograph.compiled.store import Store


class RecordStore(Store):
    """:class:`Store` with assertions and labels served from the records instead of its tables."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        root: Path,
        entities: Mapping[str, EntityRecord],
        assertions: Mapping[str, AssertionRecord],
    ) -> None:
        super().__init__(connection, root)
        self.entity_labels = {key: e["label"] for key, e in entities.items()}
        self.records = dict(sorted(assertions.items()))
        self.ends: dict[str, dict[str, list[str]]] = {"regulator": defaultdict(list), "target": defaultdict(list)}
        for assertion_id, a in self.records.items():
            for column, index in self.ends.items():
                index[a[column]].append(assertion_id)  # type: ignore[literal-required]

    def labels(self, keys: Iterable[str]) -> dict[str, str]:
        return {key: self.entity_labels[key] for key in sorted(set(keys)) if key in self.entity_labels}

    def _assertions(self, column: str, keys: list[str]) -> list[AssertionRecord]:
        index = self.ends[column]
        ids = sorted({i for key in dict.fromkeys(keys) for i in index.get(key, ())})
        return [self.records[i] for i in ids]

    def assertion(self, assertion_id: str) -> AssertionRecord | None:
        return self.records.get(assertion_id)

    def assertion_ids(self) -> list[str]:
        return list(self.records)

    def assertions(self) -> Iterator[AssertionRecord]:
        yield from self.records.values()
