"""What a pathway picture shows: the entities and drawn edges around one entity, or between two.

A picture must be readable at a glance, so assertions that say the same thing
(same regulator, target, sign, aspect and flags) are drawn as one edge that
carries all their evidence, crowded neighbourhoods are cut to the best-supported
neighbours with a note of what was left out, and exosomal transfer is drawn as
its own vesicle edge from donor to recipient cells.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from exograph.compiled.records import AssertionRecord, filter_context
from exograph.compiled.store import Store

#: Context fields shown as the badge of an edge, most telling first.
BADGE_FIELDS = ("cell_lines", "cell_types", "diseases", "conditions")


@dataclass(frozen=True, slots=True)
class Node:
    key: str
    label: str
    kind: str
    focus: bool = False


@dataclass(frozen=True, slots=True)
class Evidence:
    """One assertion behind a drawn edge, as a reader wants to see it on hover."""

    assertion: str
    source: str
    citation: str
    quote: str
    context: str


@dataclass(frozen=True, slots=True)
class Edge:
    regulator: str
    target: str
    direction: str
    aspect: str
    hypothesis: bool
    negated: bool
    cargo: bool
    badge: str
    evidence: tuple[Evidence, ...]

    @property
    def id(self) -> str:
        """Stable across renders: the first assertion id names the edge."""
        return self.evidence[0].assertion


@dataclass(frozen=True, slots=True)
class Transfer:
    """Vesicles carrying ``cargo`` from donor to recipient cells."""

    donor: str
    recipient: str
    cargo: tuple[str, ...]


@dataclass(slots=True)
class Diagram:
    title: str
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    transfers: list[Transfer] = field(default_factory=list)
    omitted: list[str] = field(default_factory=list)


def _citation(store: Store, source: str, cache: dict[str, str]) -> str:
    if source not in cache:
        record = store.sources()[source]
        authors = record["authors"]
        first = authors[0].split()[0] if authors else (record["journal"] or source)
        more = " et al." if len(authors) > 1 else ""
        cache[source] = f"{first}{more} {record['year'] or ''}".strip()
    return cache[source]


def _badge(a: AssertionRecord, labels: dict[str, str]) -> str:
    parts = [labels.get(k, k) for name in BADGE_FIELDS for k in a["context"].get(name, [])]
    return " · ".join(dict.fromkeys(parts))


def _merge(store: Store, assertions: Iterable[AssertionRecord], labels: dict[str, str]) -> list[Edge]:
    """One drawn edge per distinct claim; its badge is the context shared by all its assertions."""
    groups: dict[tuple[str, str, str, str, bool, bool, bool], list[AssertionRecord]] = defaultdict(list)
    for a in assertions:
        key = (
            a["regulator"],
            a["target"],
            a["direction"],
            a["aspect"],
            a["hypothesis"],
            a["negated"],
            a["exosomal_cargo"],
        )
        groups[key].append(a)
    cache: dict[str, str] = {}
    edges = []
    for (regulator, target, direction, aspect, hypothesis, negated, cargo), members in groups.items():
        members.sort(key=lambda a: a["id"])
        badges = {_badge(a, labels) for a in members}
        evidence = tuple(
            Evidence(
                assertion=a["id"],
                source=a["source"],
                citation=_citation(store, a["source"], cache),
                quote=a["evidence"][0]["quote"],
                context=_badge(a, labels),
            )
            for a in members
        )
        badge = badges.pop() if len(badges) == 1 else f"{len(members)} contexts"
        edges.append(Edge(regulator, target, direction, aspect, hypothesis, negated, cargo, badge, evidence))
    edges.sort(key=lambda e: (e.regulator, e.target, e.direction, e.aspect, e.id))
    return edges


def _transfers(assertions: Iterable[AssertionRecord]) -> list[Transfer]:
    cargo: dict[tuple[str, str], set[str]] = defaultdict(set)
    for a in assertions:
        if a["exosomal_cargo"]:
            for donor in a["context"].get("donors", []):
                for recipient in a["context"].get("recipients", []):
                    cargo[donor, recipient].add(a["regulator"])
    return [Transfer(d, r, tuple(sorted(c))) for (d, r), c in sorted(cargo.items())]


def _support(a: AssertionRecord) -> tuple[int, int]:
    return (len({e["source"] for e in a["evidence"]}), len(a["evidence"]))


def _cap(focus: set[str], assertions: list[AssertionRecord], limit: int) -> tuple[list[AssertionRecord], list[str]]:
    """Keep the ``limit`` best-supported neighbours of the focus; say what was cut, and how to see it."""
    score: dict[str, tuple[int, int]] = defaultdict(lambda: (0, 0))
    for a in assertions:
        for end in (a["regulator"], a["target"]):
            if end not in focus:
                s = _support(a)
                old = score[end]
                score[end] = (old[0] + s[0], old[1] + s[1])
    ranked = sorted(score, key=lambda k: (-score[k][0], -score[k][1], k))
    if len(ranked) <= limit:
        return assertions, []
    kept = focus | set(ranked[:limit])
    cut = ranked[limit:]
    note = (
        f"{len(cut)} more neighbour{'s' if len(cut) != 1 else ''} not drawn "
        f"(fewest sources): {', '.join(cut[:8])}{' …' if len(cut) > 8 else ''}; "
        "list them all with 'exograph regulators' / 'exograph targets'"
    )
    return [a for a in assertions if a["regulator"] in kept and a["target"] in kept], [note]


def _finish(
    store: Store,
    title: str,
    named: set[str],
    focus: set[str],
    assertions: list[AssertionRecord],
    omitted: list[str],
    transfers: bool,
) -> Diagram:
    """Label and type every drawn node (``named`` ones always, ``focus`` ones highlighted).

    A chain diagram leaves vesicle transfers out: they are not steps of a chain.
    """
    transfers_drawn = _transfers(assertions) if transfers else []
    keys = {k for a in assertions for k in (a["regulator"], a["target"])} | named
    keys |= {k for t in transfers_drawn for k in (t.donor, t.recipient)}
    context_keys = {k for a in assertions for v in a["context"].values() if isinstance(v, list) for k in v}
    labels = store.labels(keys | context_keys)
    diagram = Diagram(title=title, omitted=omitted, transfers=transfers_drawn)
    for key in sorted(keys):
        diagram.nodes[key] = Node(key, labels.get(key, key), store.entity(key)["kind"], key in focus)
    diagram.edges = _merge(store, assertions, labels)
    return diagram


def neighbourhood(
    store: Store, key: str, depth: int = 1, limit: int = 24, filters: Mapping[str, Any] | None = None
) -> Diagram:
    """Everything within ``depth`` steps of ``key`` (upstream and downstream), best-supported first.

    ``filters``: the context filters of every query (:class:`exograph.query.neighbours.Filters`), all of
    which a drawn assertion must pass.
    """
    from exograph.query.neighbours import Filters, context_matcher

    matches = context_matcher(store, Filters(**filters)) if filters else None
    focus = set(store.narrower_closure(key))
    frontier, seen = set(focus), set(focus)
    found: dict[str, AssertionRecord] = {}
    for _ in range(max(depth, 1)):
        keys = sorted(frontier)
        step = store.by_target(keys) + store.by_regulator(keys)
        frontier = set()
        for a in step:
            if matches is not None and not matches(a["source"], filter_context(a)):
                continue
            found.setdefault(a["id"], a)
            for end in (a["regulator"], a["target"]):
                if end not in seen:
                    seen.add(end)
                    frontier.add(end)
    assertions, omitted = _cap(focus, sorted(found.values(), key=lambda a: a["id"]), limit)
    return _finish(store, store.labels([key])[key], {key}, focus, assertions, omitted, transfers=True)


def between(
    store: Store,
    start: str,
    end: str,
    max_length: int = 3,
    max_chains: int = 40,
    filters: Mapping[str, Any] | None = None,
) -> Diagram:
    """The chains from ``start`` to ``end`` that ``exograph path`` finds (with the same ``filters``), drawn together.

    Hypotheses and negated findings are left out, as chain queries leave them out: a drawn
    chain is one the papers state.
    """
    from exograph.api import KnowledgeGraph

    found = KnowledgeGraph(store).path(start, end, max_length, max_chains=max_chains, **(filters or {}))
    ids = dict.fromkeys(i for chain in found.chains for i in chain.assertion_ids)
    used = [a for a in (store.assertion(i) for i in ids) if a is not None]
    labels = store.labels([start, end])
    cut = found.query.cut
    omitted = []
    if cut:
        at_least = "" if found.query.complete else "at least "
        omitted.append(f"{at_least}{cut} more chain{'s' if cut != 1 else ''} not drawn (cap {max_chains})")
    if not found.chains:
        omitted.append(f"no chain of at most {max_length} steps from {labels[start]} to {labels[end]}")
    title = f"{labels[start]} → {labels[end]}"
    focus = set(store.narrower_closure(start)) | set(store.narrower_closure(end))
    return _finish(store, title, {start, end}, focus, used, omitted, transfers=False)
