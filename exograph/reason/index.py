"""What chain search reads from the compiled store: light step rows and the entity hierarchies.

Why a separate table of steps: a depth-3 query at 100,000 assertions touches thousands of
assertions; parsing each one's full JSON (quotes, references) would cost more than the whole
search. Steps are fetched one SQL query per batch of entities (never one per entity), using
``json_each`` so that a frontier of any size is one bound parameter.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import Any, NamedTuple

from exograph.compiled.store import Store

#: The sign of each direction; ``regulates`` states no sign.
SIGNS = {"increases": 1, "decreases": -1, "regulates": 0}

_COLUMNS = (
    "id, source, regulator, target, direction, aspect, hypothesis, negated, context, mechanism, scope, cargo, diseases"
)


class Row(NamedTuple):
    """One assertion as chain search needs it (no evidence text).

    A named tuple rather than a dataclass: a chain query builds tens of thousands of them, and a
    tuple is built several times faster than a frozen dataclass.
    """

    id: str
    source: str
    regulator: str
    target: str
    direction: str
    aspect: str
    hypothesis: bool
    negated: bool
    context_json: str
    mechanism: str | None
    scope: str
    #: Whether the regulator acts as vesicle cargo in recipient cells (``exosomal_cargo``).
    cargo: bool
    #: The diseases its context states and those of its cell lines, as written (see :func:`written_diseases`).
    diseases: str

    @property
    def sign(self) -> int:
        return effect_sign(self.direction, self.aspect)

    @property
    def context(self) -> dict[str, Any]:
        return parse_context(self.context_json)


#: Aspects that change a molecule without the curation saying what that does to its amount or activity,
#: and bindings (an interaction, not a regulation): steps on them carry no sign (exograph.reason.compose).
UNSIGNED_ASPECTS = frozenset({"phosphorylation", "ubiquitination", "localization", "binding"})


def effect_sign(direction: str, aspect: str) -> int:
    """The sign a step carries to what follows it: more degradation is less of the target; a
    modification whose consequence is not stated carries none."""
    if aspect in UNSIGNED_ASPECTS:
        return 0
    sign = SIGNS[direction]
    return -sign if aspect == "degradation" else sign


def stated_sign(direction: str, aspect: str) -> int:
    """The sign a claim states on its target's aspect, read as an amount for degradation (for conflicts:
    more phosphorylation against less is a disagreement, even though neither carries a sign along a chain)."""
    sign = SIGNS[direction]
    return -sign if aspect == "degradation" else sign


class Shape(NamedTuple):
    """What chain search counts of a step row: all of it but its regulator, source and context."""

    direction: str
    aspect: str
    hypothesis: bool
    negated: bool
    scope: str
    cargo: bool

    @property
    def sign(self) -> int:
        return effect_sign(self.direction, self.aspect)


#: The distinct shapes of one regulator's steps into one target.
Shapes = tuple[Shape, ...]


@lru_cache(maxsize=4096)
def _shapes(text: str) -> Shapes:
    """The same few sets of shapes recur at every target: each is parsed once."""
    return tuple(Shape(d, a, bool(h), bool(n), s, bool(c)) for d, a, h, n, s, c in json.loads(text))


@lru_cache(maxsize=65536)
def parse_context(text: str) -> dict[str, Any]:
    """Contexts repeat (most are empty or shared by a paper's claims): parse each text once."""
    return json.loads(text)  # type: ignore[no-any-return]


@lru_cache(maxsize=65536)
def written_diseases(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The diseases a claim states, and those of its cell lines, from the text the chain steps keep of them
    (:func:`exograph.compiled.records.diseases_written`; few distinct, so each is read once; :meth:`Index.diseases`
    narrows one by the other through the hierarchy)."""
    stated, lines = json.loads(text)
    return frozenset(stated), frozenset(lines)


def _row(values: tuple[Any, ...]) -> Row:
    i, source, regulator, target, direction, aspect, hypothesis, negated, context, mechanism, scope, cargo, written = (
        values
    )
    return Row(
        i,
        source,
        regulator,
        target,
        direction,
        aspect,
        bool(hypothesis),
        bool(negated),
        context,
        mechanism,
        scope,
        bool(cargo),
        written,
    )


@dataclass(slots=True)
class Index:
    """The store plus the small maps every reasoning query needs (hierarchies, source kinds)."""

    store: Store
    broader: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    narrower: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    #: ``groups[member]``: (family or gene, relation) pairs; ``parts[family]``: (member, relation) pairs.
    groups: dict[str, set[tuple[str, str]]] = field(default_factory=lambda: defaultdict(set))
    parts: dict[str, set[tuple[str, str]]] = field(default_factory=lambda: defaultdict(set))
    primary_sources: frozenset[str] = frozenset()
    #: The kind of every entity whose kind matters to composition (phenotypes, components, processes...).
    kinds: dict[str, str] = field(default_factory=dict)
    #: Class nodes (``generic: true``) and exposures (conditions, treatments, drugs given as conditions).
    generic: frozenset[str] = frozenset()
    exposures: frozenset[str] = frozenset()
    #: Answers derived from the maps above, kept for the life of the index (see exograph.reason.compose).
    memo: dict[tuple[Any, ...], Any] = field(default_factory=dict)

    @classmethod
    def open(cls, store: Store) -> Index:
        index = cls(store)
        for child, parent in store.db.execute("SELECT child, parent FROM broader"):
            index.broader[child].add(parent)
            index.narrower[parent].add(child)
        for grouping, part, relation in store.db.execute("SELECT grouping, part, relation FROM members"):
            index.parts[grouping].add((part, relation))
            index.groups[part].add((grouping, relation))
        kinds = store.db.execute("SELECT id, json_extract(data, '$.kind') FROM sources").fetchall()
        index.primary_sources = frozenset(sid for sid, kind in kinds if kind == "primary_research")
        nodes = store.db.execute(
            "SELECT key, kind, generic, exposure FROM nodes WHERE generic OR exposure OR kind IN"
            " ('phenotype', 'component', 'process', 'condition', 'treatment')"
        ).fetchall()
        index.kinds = {key: kind for key, kind, _, _ in nodes}
        index.generic = frozenset(key for key, _, generic, _ in nodes if generic)
        index.exposures = frozenset(key for key, _, _, exposure in nodes if exposure)
        return index

    def _closure(self, key: str, edges: Mapping[str, set[str]]) -> set[str]:
        seen, todo = {key}, [key]
        while todo:
            for nxt in edges.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    def ancestors(self, key: str) -> frozenset[str]:
        """``key`` and every broader concept above it (kept: chain search asks for the same ones often)."""
        found = self.memo.get(("ancestors", key))
        if found is None:
            found = self.memo[("ancestors", key)] = frozenset(self._closure(key, self.broader))
        return found

    def diseases(self, written: str) -> frozenset[str]:
        """The diseases a claim holds in (``written``: its :attr:`Row.diseases`): those its row states and those of
        the cell lines it names, each dropped where one of the other is narrower. A claim in K-562 cells holds in
        chronic myelogenous leukemia, whether its row states no disease or "cancer".

        Kept per text: coherence and composition ask it of every step of every partial chain.
        """
        stated, lines = written_diseases(written)
        if not lines:  # most claims: what the row states, whatever the hierarchy
            return stated
        key = ("diseases", written)
        found: frozenset[str] | None = self.memo.get(key)
        if found is None:
            found = self.memo[key] = frozenset(
                {s for s in stated if not any(s != d and s in self.ancestors(d) for d in lines)}
                | {d for d in lines if not any(s != d and d in self.ancestors(s) for s in stated)}
            )
        return found

    def aliases(self, key: str) -> dict[str, str | None]:
        """The entities whose assertions speak for ``key``, each with how it relates to ``key``.

        ``None`` for the key itself and its narrower concepts (a broad process gathers its
        narrower ones, unmarked, as plain queries always did); ``family`` for a family ``key``
        belongs to, ``member`` for a member of family ``key``, ``parent`` for the gene of
        variant ``key``, ``variant`` for a variant of gene ``key``.
        """
        found: dict[str, str | None] = dict.fromkeys(self._closure(key, self.narrower))
        for grouping, relation in self.groups.get(key, ()):
            found.setdefault(grouping, "family" if relation == "member" else "parent")
        for part, relation in self.parts.get(key, ()):
            found.setdefault(part, "member" if relation == "member" else "variant")
        return found

    def rows(
        self, column: str, keys: Iterable[str], regulators: Iterable[str] | None = None, ordered: bool = True
    ) -> list[Row]:
        """Every step whose ``column`` (regulator or target) is one of ``keys``, in one query.

        With ``regulators``, only the steps from one of them: a path search asks only for steps
        from entities that can still be reached from its start, and SQLite drops the rest
        before Python builds a row for each. ``ordered=False`` leaves them in the store's order, for a
        caller that only counts.
        """
        assert column in ("regulator", "target")
        wanted, among = set(keys), None if regulators is None else set(regulators)
        # SQLite would look rows up by ``column`` whatever the sizes: a unary + tells it to look
        # them up by the shorter list of the two and only check the other
        by_column = among is None or len(wanted) <= len(among)
        listed = "IN (SELECT value FROM json_each(?))"
        query = f"SELECT {_COLUMNS} FROM steps WHERE {'' if by_column else '+'}{column} {listed}"
        parameters = [json.dumps(sorted(wanted))]
        if among is not None:
            query += f" AND {'+' if by_column else ''}regulator {listed}"
            parameters.append(json.dumps(sorted(among)))
        # sorted here, not by ORDER BY: SQLite would copy every row, context included, into a
        # temporary tree first (a third of a chain query). Python's order of str is SQLite's
        # BINARY order of their UTF-8 bytes, and ids are unique, so the order is the same.
        found = self.store.db.execute(query, parameters).fetchall()
        if ordered:
            found.sort(key=itemgetter(0))
        return [_row(r) for r in found]

    def between(self, pairs: Iterable[tuple[str, str]]) -> list[Row]:
        """Every step from each (regulator, target) pair, in one query (unordered: for a caller that counts)."""
        query = (
            f"SELECT {_COLUMNS} FROM steps WHERE (regulator, target) IN"
            " (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))"
        )
        return [_row(r) for r in self.store.db.execute(query, (json.dumps(sorted(set(pairs))),))]

    def shapes(self, targets: Iterable[str]) -> dict[str, list[tuple[Shapes, int]]]:
        """For each of ``targets``, the shapes of the steps one regulator has into it, and how many regulators
        have those (the compiled ``step_shapes``: a count of chains needs no more of most steps)."""
        query = "SELECT target, shapes, regulators FROM step_shapes WHERE target IN (SELECT value FROM json_each(?))"
        found: dict[str, list[tuple[Shapes, int]]] = defaultdict(list)
        for target, text, count in self.store.db.execute(query, (json.dumps(sorted(set(targets))),)):
            found[target].append((_shapes(text), count))
        return found

    def targets(self, regulators: Iterable[str]) -> set[str]:
        """The entities some step from one of ``regulators`` reaches (no row is built)."""
        query = "SELECT DISTINCT target FROM steps WHERE regulator IN (SELECT value FROM json_each(?))"
        return {t for (t,) in self.store.db.execute(query, (json.dumps(sorted(set(regulators))),))}

    def all_rows(self) -> list[Row]:
        return [_row(r) for r in self.store.db.execute(f"SELECT {_COLUMNS} FROM steps ORDER BY id")]
