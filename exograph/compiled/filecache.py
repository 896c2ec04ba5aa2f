"""Per-file results kept between runs, so an edit re-reads only the file it touched.

Each assertion file's results (its problems with their positions, what the cross-file rules
found in it, and its compiled rows) are kept in a small SQLite file beside the compiled
cache, under a key that the caller derives from the file's bytes, every file it is checked
against and the code that checks it: a result is reused only for exactly the same inputs.
A cache that cannot be opened or written is skipped, never an error: it only saves time.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

#: ``lint`` is NULL for a file checked by a run that did not lint. A cache of an older layout (its
#: table named otherwise) is dropped: its keys could never match the current code's anyway.
SCHEMA = (
    "CREATE TABLE IF NOT EXISTS results (rel TEXT PRIMARY KEY, key BLOB NOT NULL, checks BLOB, rows BLOB, lint BLOB)"
)
OLD_TABLES = ("files",)


class FileCache:
    """Results by file (``rel``), each valid only under its ``key``."""

    def __init__(self, path: Path | None) -> None:
        self.db: sqlite3.Connection | None = None
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path, timeout=5)
            for table in OLD_TABLES:
                self.db.execute(f"DROP TABLE IF EXISTS {table}")
            self.db.execute(SCHEMA)
        except (OSError, sqlite3.Error):
            self.db = None

    def _rows(self, sql: str, args: Iterable[object] = ()) -> list[tuple[object, ...]]:
        if self.db is None:
            return []
        try:
            return self.db.execute(sql, tuple(args)).fetchall()
        except sqlite3.Error:
            self.db = None
            return []

    def checks(self, wanted: dict[str, bytes], lint: bool = False) -> dict[str, bytes]:
        """The stored checks of each file whose key is the one wanted (and that was linted, with ``lint``)."""
        found = {}
        for rel, key, checks, linted in self._rows("SELECT rel, key, checks, lint IS NOT NULL FROM results"):
            if isinstance(rel, str) and wanted.get(rel) == key and isinstance(checks, bytes) and (linted or not lint):
                found[rel] = checks
        return found

    def part(self, rel: str, column: Literal["rows", "lint"]) -> bytes | None:
        """A file's stored rows or lint."""
        got = self._rows(f"SELECT {column} FROM results WHERE rel = ?", (rel,))
        return got[0][0] if got and isinstance(got[0][0], bytes) else None

    def store(
        self, results: Iterable[tuple[str, bytes, bytes, bytes, bytes | None]], keep: set[str] | None = None
    ) -> None:
        """Save ``(rel, key, checks, rows, lint)`` results and forget files not in ``keep`` (when given)."""
        if self.db is None:
            return
        try:
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?, ?)", results)
                stale = [r for (r,) in self.db.execute("SELECT rel FROM results") if keep is not None and r not in keep]
                self.db.executemany("DELETE FROM results WHERE rel = ?", ((r,) for r in stale))
        except sqlite3.Error:
            self.db = None

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
