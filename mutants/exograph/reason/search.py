"""Free-text search over labels, synonyms, notes and quotes (SQLite FTS5, ranked by BM25).

Every word must match (as a prefix, so ``hypox`` finds hypoxia); when no record holds them
all, records holding any of them are returned instead, ranked lower by BM25 itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from exograph.compiled.store import Store

#: BM25 weights of the indexed columns: a name outweighs a word in a quote.
_WEIGHTS = "0, 0, 10.0, 5.0, 1.0"


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str  # entity or assertion
    key: str  # entity key or assertion id
    label: str
    snippet: str
    score: float


def _query(text: str, joiner: str) -> str:
    words = re.findall(r"\w+", text.casefold())
    return f" {joiner} ".join(f'"{w}"*' for w in words)


def search(store: Store, text: str, limit: int = 20) -> tuple[list[Hit], list[Hit]]:
    """The best entities and the best assertions for ``text``, each list ranked best first."""
    results: dict[str, list[Hit]] = {"entity": [], "assertion": []}
    if not re.search(r"\w", text):
        return [], []
    for kind, hits in results.items():
        for joiner in ("AND", "OR"):
            rows = store.db.execute(
                f"SELECT key, label, snippet(search, 4, '[', ']', '…', 12), bm25(search, {_WEIGHTS}) AS score "
                "FROM search WHERE search MATCH ? AND kind = ? ORDER BY score, key LIMIT ?",
                (_query(text, joiner), kind, limit),
            ).fetchall()
            if rows:
                hits.extend(Hit(kind, key, label, snippet, -score) for key, label, snippet, score in rows)
                break
    return results["entity"], results["assertion"]
