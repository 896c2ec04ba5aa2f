"""Per-file results kept between runs, so an edit re-reads only the file it touched.

Each assertion file's results (its problems with their positions, what the cross-file rules
found in it, its compiled rows and, once linted, its lint) are kept under a key that the caller
derives from the file's path in its root, its bytes, every file it is checked against and the
code that checks it: a result is reused only for exactly the same inputs. Because the key says
everything the result depends on, one store serves every root: a git revision a diff unpacks, a
second clone or a copy finds the results of the files it shares with any root checked before,
so a diff against ``main`` reads again only the files the branch changed. The store keeps at
most :data:`BUDGET` bytes of results, forgetting the least recently used first. A store that
cannot be opened or written is skipped, never an error: it only saves time.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Literal

#: ``lint`` is NULL for a file checked by a run that did not lint; ``used`` is when a run last read it.
SCHEMA = (
    "CREATE TABLE IF NOT EXISTS results (key BLOB PRIMARY KEY, checks BLOB NOT NULL, rows BLOB, lint BLOB, "
    "size INTEGER NOT NULL, used REAL NOT NULL)"
)
#: The bytes of results kept (about seven revisions of a 100,000-assertion curation).
BUDGET = 1 << 30
#: What an eviction brings the store down to, so that it does not run again on the next store.
AFTER_EVICTION = 0.8
#: SQLite's default limit on the parameters of one statement is 999 on older builds.
_BATCH = 500

#: One file's results to keep: key, checks, rows, lint (None when not linted).
Entry = tuple[bytes, bytes, bytes, bytes | None]


def _batches(keys: list[bytes]) -> Iterator[list[bytes]]:
    for start in range(0, len(keys), _BATCH):
        yield keys[start : start + _BATCH]


class FileCache:
    """Results by key, shared by every root (see the module docstring)."""

    def __init__(self, path: Path | None, budget: int = BUDGET) -> None:
        self.db: sqlite3.Connection | None = None
        self.budget = budget
        self.last = 0.0
        if path is None:
            return
        for attempt in range(2):
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(path, timeout=10)
                self.db.execute(SCHEMA)
                return
            except sqlite3.DatabaseError:  # damaged (a killed copy, a full disk): exograph's own file, made anew
                self.close()
                if attempt or path.is_symlink() or not path.is_file():
                    break
                with contextlib.suppress(OSError):
                    path.unlink()
            except (OSError, sqlite3.Error):
                break
        self.close()

    def _run(self, sql: str, args: Iterable[object] = ()) -> list[tuple[object, ...]]:
        if self.db is None:
            return []
        try:
            return self.db.execute(sql, tuple(args)).fetchall()
        except sqlite3.Error:
            self.db = None
            return []

    def checks(self, keys: Iterable[bytes], lint: bool = False) -> dict[bytes, bytes]:
        """The stored checks under each of ``keys`` that has them (and its lint, with ``lint``); marks them used."""
        found: dict[bytes, bytes] = {}
        for batch in _batches(list(dict.fromkeys(keys))):
            marks = ", ".join("?" * len(batch))
            sql = f"SELECT key, checks, lint IS NOT NULL FROM results WHERE key IN ({marks})"
            for key, checks, linted in self._run(sql, batch):
                if isinstance(key, bytes) and isinstance(checks, bytes) and (linted or not lint):
                    found[key] = checks
        now = self._now()
        self._write(lambda db: db.executemany("UPDATE results SET used = ? WHERE key = ?", [(now, k) for k in found]))
        return found

    def part(self, key: bytes, column: Literal["rows", "lint"]) -> bytes | None:
        """A file's stored rows or lint."""
        got = self._run(f"SELECT {column} FROM results WHERE key = ?", (key,))
        return got[0][0] if got and isinstance(got[0][0], bytes) else None

    def store(self, entries: Iterable[Entry]) -> None:
        """Keep ``entries``, then forget the least recently used results while over the budget."""
        now = self._now()
        rows = [(key, c, r, lint, len(c) + len(r) + len(lint or b""), now) for key, c, r, lint in entries]
        if rows:
            self._write(lambda db: db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?, ?, ?)", rows))
            self._evict()

    def _evict(self) -> None:
        total = self._run("SELECT COALESCE(SUM(size), 0) FROM results")
        if not total or not isinstance(total[0][0], int) or total[0][0] <= self.budget:
            return
        excess = total[0][0] - int(self.budget * AFTER_EVICTION)
        stale: list[tuple[bytes]] = []
        for key, size in self._run("SELECT key, size FROM results ORDER BY used, key"):
            if excess <= 0:
                break
            if isinstance(key, bytes) and isinstance(size, int):
                stale.append((key,))
                excess -= size
        self._write(lambda db: db.executemany("DELETE FROM results WHERE key = ?", stale))

    def _now(self) -> float:
        """The time, later than any this object gave before (a clock may repeat itself between two calls)."""
        self.last = max(time.time(), self.last + 1e-6)
        return self.last

    def _write(self, change: Callable[[sqlite3.Connection], object]) -> None:
        if self.db is None:
            return
        try:
            with self.db:
                change(self.db)
        except sqlite3.Error:
            self.db = None

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
        self.db = None
