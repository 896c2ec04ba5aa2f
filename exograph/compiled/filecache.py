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

SCHEMA = "CREATE TABLE IF NOT EXISTS files (rel TEXT PRIMARY KEY, key BLOB NOT NULL, checks BLOB, rows BLOB)"


class FileCache:
    """Results by file (``rel``), each valid only under its ``key``."""

    def __init__(self, path: Path | None) -> None:
        self.db: sqlite3.Connection | None = None
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path, timeout=5)
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

    def checks(self, wanted: dict[str, bytes]) -> dict[str, bytes]:
        """The stored checks of each file whose key is the one wanted."""
        found = {}
        for rel, key, checks in self._rows("SELECT rel, key, checks FROM files"):
            if isinstance(rel, str) and wanted.get(rel) == key and isinstance(checks, bytes):
                found[rel] = checks
        return found

    def rows(self, rel: str) -> bytes | None:
        got = self._rows("SELECT rows FROM files WHERE rel = ?", (rel,))
        return got[0][0] if got and isinstance(got[0][0], bytes) else None

    def store(self, results: Iterable[tuple[str, bytes, bytes, bytes]], keep: set[str] | None = None) -> None:
        """Save ``(rel, key, checks, rows)`` results and forget files not in ``keep`` (when given)."""
        if self.db is None:
            return
        try:
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)", results)
                stale = [r for (r,) in self.db.execute("SELECT rel FROM files") if keep is not None and r not in keep]
                self.db.executemany("DELETE FROM files WHERE rel = ?", ((r,) for r in stale))
        except sqlite3.Error:
            self.db = None

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
