"""Free-text search over labels, synonyms, quotes and notes (SQLite FTS5), best hit first.

The words of the query are matched whole (with their stems: *reduces* finds *reduced*); only when
whole words find nothing are they read as the starts of words (``hypox`` finds hypoxia), and then
only as typed, never as FTS5's stem of them (*reduces* would be *reduc*, and find *reductive*). So
``miR-21`` never finds miR-211 while miR-21 is there. A word written with hyphens is a phrase of its
parts (``miR-21`` is *mir* then *21*). Every word must match; when no record holds them all, records
holding any of them are returned instead. Entities and assertions are searched apart.

Hits are ranked: an entity the query names exactly (label, synonym, key or CURIE) first; then
assertions that the claim itself matches (names, id, quotes) and that are established, then claims
marked hypothesis or negated, then those only a curator's note matches; BM25 decides within each.
Queries are bounded (:data:`QUERY_CHARS`, :data:`QUERY_WORDS`) so a search stays quick.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from exograph.compiled.store import Store

#: BM25 weights of the indexed columns (label, names, quotes, note): a name outweighs a word in a quote.
_WEIGHTS = "0, 0, 10.0, 5.0, 1.0, 0.5"
#: The claim's own columns, without the curator's note.
_CLAIM = "{label names body}"
#: How many BM25-ranked rows are read per hit wanted, so that a better-ranked kind of hit further down the
#: BM25 order is not cut before the ranking sees it.
_DEPTH = 5
#: The longest query, in characters and in words.
QUERY_CHARS = 1_000
QUERY_WORDS = 64


class BadQuery(ValueError):
    """A query too long to search; the message gives the limit."""


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str  # entity or assertion
    key: str  # entity key or assertion id
    label: str
    snippet: str
    score: float
    hypothesis: bool = False
    negated: bool = False


def _words(text: str) -> list[list[str]]:
    """The query's words, each as its alphanumeric parts (a hyphenated word is a phrase)."""
    if len(text) > QUERY_CHARS:
        raise BadQuery(f"the search text is {len(text):,} characters long; at most {QUERY_CHARS:,} are allowed")
    words = [parts for word in text.split() if (parts := re.findall(r"\w+", word.casefold()))]
    if len(words) > QUERY_WORDS:
        raise BadQuery(f"the search text has {len(words):,} words; at most {QUERY_WORDS} are allowed")
    return words


def _phrase(parts: list[str], prefix: bool) -> str:
    return '"' + " ".join(parts) + '"' + ("*" if prefix else "")


def _literal(parts: list[str]) -> re.Pattern[str]:
    """The word as typed, as the start of a word of the text (FTS5 stems a prefix: *reduces* would be *reduc*)."""
    return re.compile(r"(?<!\w)" + r"\W*".join(map(re.escape, parts)), re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Query:
    """One reading of the words: whole or as prefixes, all or any of them."""

    words: list[list[str]]
    prefix: bool
    every: bool

    def match(self) -> str:
        return (" AND " if self.every else " OR ").join(_phrase(parts, self.prefix) for parts in self.words)

    def holds(self, text: str) -> bool:
        """Whether a prefix match holds the words as typed (always, for whole words)."""
        if not self.prefix:
            return True
        found = (_literal(parts).search(text) for parts in self.words)
        return all(found) if self.every else any(found)


def _readings(words: list[list[str]]) -> list[_Query]:
    """Whole words before prefixes, every word before any word: the first reading that finds something wins."""
    return [_Query(words, prefix, every) for every in (True, False) for prefix in (False, True)]


def search(store: Store, text: str, limit: int = 20) -> tuple[list[Hit], list[Hit]]:
    """The best entities and the best assertions for ``text``, each list ranked best first.

    Raises :class:`BadQuery` for a query longer than the limits.
    """
    words = _words(text)
    if not words:
        return [], []
    named = store.resolve(text.strip())
    entities: list[Hit] = []
    assertions: list[Hit] = []
    for reading in _readings(words):
        entities = entities or _entities(store, reading, named, limit)
        assertions = assertions or _assertions(store, reading, limit)
    return entities, assertions


_SELECT = (
    "SELECT search.key, search.label, snippet(search, {column}, '[', ']', '…', 12), "
    "snippet(search, 5, '[', ']', '…', 12), bm25(search, {weights}) AS score, "
    "search.label || ' ' || search.names || ' ' || search.body || ' ' || search.note "
    "{flags} FROM search {join} WHERE search MATCH ? AND search.kind = ? ORDER BY score, search.key LIMIT ?"
)


def _snippet(text: str, note: str) -> str:
    """The quotes' (or label's) snippet, or the note's where only the note holds a marked match."""
    return (note if "[" not in text and "[" in note else text).strip()


def _entities(store: Store, reading: _Query, named: str | None, limit: int) -> list[Hit]:
    sql = _SELECT.format(column=2, weights=_WEIGHTS, flags="", join="")
    rows = store.db.execute(sql, (reading.match(), "entity", limit * _DEPTH)).fetchall()
    if named is not None and named not in {row[0] for row in rows}:  # the entity the query names is never cut
        rows += store.db.execute(
            sql.replace("search.kind = ?", "search.kind = ? AND search.key = ?"), (reading.match(), "entity", named, 1)
        ).fetchall()
    hits = [
        Hit("entity", key, label, _snippet(snippet, note), -score)
        for key, label, snippet, note, score, text in rows
        if reading.holds(text)
    ]
    hits.sort(key=lambda h: (h.key != named, -h.score, h.key))
    return hits[:limit]


def _assertions(store: Store, reading: _Query, limit: int) -> list[Hit]:
    sql = _SELECT.format(
        column=4,
        weights=_WEIGHTS,
        flags=", steps.hypothesis, steps.negated",
        join="JOIN steps ON steps.id = search.key",
    )
    query = reading.match()
    claims = store.db.execute(sql, (f"{_CLAIM} : ({query})", "assertion", limit * _DEPTH)).fetchall()
    found = {row[0] for row in claims}
    notes = [row for row in store.db.execute(sql, (query, "assertion", limit)).fetchall() if row[0] not in found]
    hits = [
        (in_note, Hit("assertion", key, label, _snippet(snippet, note), -score, bool(hypothesis), bool(negated)))
        for in_note, rows in ((False, claims), (True, notes))
        for key, label, snippet, note, score, text, hypothesis, negated in rows
        if reading.holds(text)
    ]
    hits.sort(key=lambda pair: (pair[0], pair[1].hypothesis or pair[1].negated, -pair[1].score, pair[1].key))
    return [hit for _, hit in hits[:limit]]
