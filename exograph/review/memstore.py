"""A store whose assertions and labels are the side's records already in memory, for the many impact queries.

The answer impact asks drivers, regulators and targets of thousands of entities on each side;
reading their assertions back from SQLite decoded the same JSON records again for every
question, and the labels of their ends likewise (most of a large diff's time). The entity
tables (names, broader, members) are still SQLite, written by
:func:`exograph.compiled.store.write_rows`, so the real query code runs unchanged; only the
assertion and label lookups answer from the records, assertions in the store's order (by id).
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from exograph.compiled.records import AssertionRecord, EntityRecord
from exograph.compiled.store import Row, Store


class Records(Mapping[str, AssertionRecord]):
    """Assertion records by id, each decoded from its JSON text only when first read.

    Most records of two revisions are the same text on both sides: :meth:`same` compares the
    texts, so a large diff never decodes what it does not report.
    """

    def __init__(self, rows: Iterable[Row]) -> None:
        self.rows = {row[0]: row for row in rows}
        self.decoded: dict[str, AssertionRecord] = {}

    @classmethod
    def of(cls, records: Iterable[Mapping[str, Any]]) -> Records:
        return cls((a["id"], a["source"], a["regulator"], a["target"], a["direction"], json.dumps(a)) for a in records)

    def __getitem__(self, assertion_id: str) -> AssertionRecord:
        found = self.decoded.get(assertion_id)
        if found is None:
            found = self.decoded[assertion_id] = json.loads(self.rows[assertion_id][5])
        return found

    def __contains__(self, assertion_id: object) -> bool:
        return assertion_id in self.rows

    def __iter__(self) -> Iterator[str]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def same(self, other: Records, assertion_id: str) -> bool:
        """Whether the record ``assertion_id`` (in both) is the same text here and in ``other``."""
        return self.rows[assertion_id][5] == other.rows[assertion_id][5]


class RecordStore(Store):
    """:class:`Store` with assertions and labels served from the records instead of its tables."""

    def __init__(
        self, connection: sqlite3.Connection, root: Path, entities: Mapping[str, EntityRecord], assertions: Records
    ) -> None:
        super().__init__(connection, root)
        self.entity_labels = {key: e["label"] for key, e in entities.items()}
        self.records = assertions
        self.ends: dict[str, dict[str, list[str]]] = {"regulator": defaultdict(list), "target": defaultdict(list)}
        for assertion_id, _, regulator, target, *_ in assertions.rows.values():
            self.ends["regulator"][regulator].append(assertion_id)
            self.ends["target"][target].append(assertion_id)

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
        for assertion_id in sorted(self.records):
            yield self.records[assertion_id]
