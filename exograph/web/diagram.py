"""What a pathway picture shows: the entities and drawn edges around one entity, or between two.

A picture must be readable at a glance, so assertions that say the same thing
(same regulator, target, sign, aspect and flags) are drawn as one edge that
carries all their evidence; a hub's neighbours are grouped by side, sign and
kind, and the best-supported of each group are drawn (every direct neighbour
before any farther one) while the rest are *collapsed*: named in a remainder
under a picture, a "+N" node on the site. Exosomal transfer is drawn as its own
vesicle edge from the donor cells to the cargo, carrying the cargo assertions.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from exograph.compiled.records import AssertionRecord, SourceRecord, filter_context
from exograph.compiled.store import Store
from exograph.reason.compose import TRANSFER
from exograph.reason.explain import citation as cite
from exograph.reason.explain import via_text
from exograph.reason.steps import Step
from exograph.web.style import node_style
from exograph.web.words import claim, typeset

if TYPE_CHECKING:
    from exograph.api import ChainResult

#: Context fields shown as the badge of an edge, most telling first.
BADGE_FIELDS = ("cell_lines", "cell_types", "diseases", "conditions")
#: How a family, a variant or a gene relates to another drawn entity, as an edge label.
LINK_WORDS = {"family": "includes", "member": "member of", "parent": "gene of", "variant": "variant of"}
#: Where a neighbour stands to the focus, in the order groups are listed.
SIDES = ("regulators", "targets", "both", "farther")


@dataclass(frozen=True, slots=True)
class Node:
    key: str
    label: str
    kind: str
    focus: bool = False
    #: Drawn only on request (the site's "+N" node); named in a picture's remainder.
    collapsed: bool = False
    #: The neighbour group (side · sign · kind) the node is listed under; empty for a focus.
    group: str = ""


@dataclass(frozen=True, slots=True)
class Evidence:
    """One assertion behind a drawn edge, as a reader wants to see it on hover."""

    assertion: str
    source: str
    citation: str
    quote: str
    context: str
    #: The claim in the sentence rules of ``explain`` (negated: "does not", hypothesis: "may").
    claim: str = ""

    @property
    def reading(self) -> str:
        """The quote typeset for reading (HTML, escaped); ``quote`` stays verbatim."""
        return str(typeset(self.quote))


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
    #: What the edge says, as ``explain`` says it (without mechanism, which may differ between its assertions).
    caption: str = ""

    @property
    def id(self) -> str:
        """Stable across renders: the first assertion id names the edge."""
        return self.evidence[0].assertion


@dataclass(frozen=True, slots=True)
class Transfer:
    """Vesicles from ``donor`` cells carrying ``cargo``: the cargo assertions are its evidence."""

    donor: str
    cargo: str
    recipients: tuple[str, ...]
    evidence: tuple[Evidence, ...]

    @property
    def id(self) -> str:
        return f"t-{self.donor}-{self.cargo}"

    def caption(self, names: dict[str, str], cargo_kind: str) -> str:
        """'fibroblast release vesicles carrying miR-21 to malignant cell'; vesicles are not their own cargo."""
        donor, cargo = names.get(self.donor, self.donor), names.get(self.cargo, self.cargo)
        into = " to " + ", ".join(names.get(r, r) for r in self.recipients) if self.recipients else ""
        what = cargo if cargo_kind == "component" else f"vesicles carrying {cargo}"
        return f"{donor} release {what}{into}"


@dataclass(frozen=True, slots=True)
class Passage:
    """A chain's vesicle transfer: the vesicles ``made`` releases, acting as ``vesicles`` in recipient cells.

    Drawn as its own marked step (secretion -> [exosomes from Huh-7 to Huh-7] -> their effect), so a
    chain never looks broken where the vesicles leave one cell for another. Its evidence is the
    assertions on both sides: the release and the vesicles' effect, each of which names the cells.
    """

    made: str
    vesicles: str
    #: The transfer as ``explain`` words it: "extracellular exosomes from Huh-7 cells to Huh-7 cells".
    says: tuple[str, ...]
    evidence: tuple[Evidence, ...]

    @property
    def id(self) -> str:
        return f"v-{self.made}-{self.vesicles}"

    @property
    def caption(self) -> str:
        return f"{' or '.join(self.says)}: the vesicles released pass to the cells in which they act"


@dataclass(frozen=True, slots=True)
class Link:
    """``first`` is a family including, a member of, the gene of or a variant of ``second``."""

    first: str
    second: str
    relation: str


@dataclass(slots=True)
class Diagram:
    title: str
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    transfers: list[Transfer] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    #: A chain's vesicle transfers, each between the step that releases vesicles and the step they act in.
    passages: list[Passage] = field(default_factory=list)
    omitted: list[str] = field(default_factory=list)
    #: The entity a neighbourhood is drawn around (its edges are spread over ports), if any.
    centre: str | None = None
    #: Display names of every entity the diagram names, drawn or in a context (donors, recipients).
    names: dict[str, str] = field(default_factory=dict)

    def shown(self, key: str) -> bool:
        node = self.nodes.get(key)
        return node is not None and not node.collapsed

    def remainder(self) -> list[tuple[str, list[str]]]:
        """The collapsed neighbours by group, each named by its display name, groups in a stable order."""
        groups: dict[str, list[str]] = defaultdict(list)
        for node in self.nodes.values():
            if node.collapsed:
                groups[node.group].append(node.label)
        return [(g, sorted(names, key=str.casefold)) for g, names in sorted(groups.items(), key=_group_order)]


def _group_order(item: tuple[str, list[str]]) -> tuple[int, str]:
    side = item[0].split(" · ")[0]
    return (SIDES.index(side) if side in SIDES else len(SIDES), item[0])


class _Words:
    """Display names, kinds and citations of one store, fetched once per picture."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.sources: dict[str, SourceRecord] = store.sources()
        self.names: dict[str, str] = {}
        self.kinds: dict[str, str] = {}

    def learn(self, keys: Iterable[str]) -> None:
        for key in set(keys) - set(self.names):
            try:
                record = self.store.entity(key)
            except KeyError:
                self.names[key], self.kinds[key] = key, ""
                continue
            self.names[key] = record.get("display") or record["label"]
            self.kinds[key] = record["kind"]

    def citation(self, source: str) -> str:
        return cite(self.sources.get(source), source)

    def evidence(self, a: AssertionRecord) -> Evidence:
        return Evidence(
            assertion=a["id"],
            source=a["source"],
            citation=self.citation(a["source"]),
            quote=a["evidence"][0]["quote"],
            context=_badge(a, self.names),
            claim=claim(a, self.names, self.kinds, self.sources),
        )


def _badge(a: AssertionRecord, names: dict[str, str]) -> str:
    parts = [names.get(k, k) for name in BADGE_FIELDS for k in a["context"].get(name, [])]
    return " · ".join(dict.fromkeys(parts))


def _context_keys(assertions: Iterable[AssertionRecord]) -> set[str]:
    return {k for a in assertions for v in a["context"].values() if isinstance(v, list) for k in v}


def _merge(words: _Words, assertions: Iterable[AssertionRecord]) -> list[Edge]:
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
    edges = []
    for (regulator, target, direction, aspect, hypothesis, negated, cargo), members in groups.items():
        members.sort(key=lambda a: a["id"])
        badges = {_badge(a, words.names) for a in members}
        evidence = tuple(words.evidence(a) for a in members)
        badge = badges.pop() if len(badges) == 1 else f"{len(members)} contexts"
        caption = claim(members[0], words.names, words.kinds, words.sources, how=False)
        edges.append(Edge(regulator, target, direction, aspect, hypothesis, negated, cargo, badge, evidence, caption))
    edges.sort(key=lambda e: (e.regulator, e.target, e.direction, e.aspect, e.id))
    return edges


def _transfers(words: _Words, assertions: Iterable[AssertionRecord]) -> list[Transfer]:
    """Donor cells -> cargo, for every exosomal-cargo assertion that names its donors."""
    found: dict[tuple[str, str], list[AssertionRecord]] = defaultdict(list)
    for a in assertions:
        if a["exosomal_cargo"]:
            for donor in a["context"].get("donors", []):
                if donor != a["regulator"]:
                    found[donor, a["regulator"]].append(a)
    transfers = []
    for (donor, cargo), members in sorted(found.items()):
        members.sort(key=lambda a: a["id"])
        recipients = tuple(dict.fromkeys(r for a in members for r in a["context"].get("recipients", [])))
        transfers.append(Transfer(donor, cargo, recipients, tuple(words.evidence(a) for a in members)))
    return transfers


def _links(store: Store, keys: set[str]) -> list[Link]:
    """Family -> member (and gene -> variant) steps between drawn entities, so a family is no dead end."""
    links = set()
    for key in keys:
        record = store.entity(key)
        for member in record.get("members", []):
            if member in keys:
                links.add(Link(key, member, "family"))
        if record.get("parent") in keys:
            links.add(Link(record["parent"], key, "parent"))  # type: ignore[arg-type]
    return sorted(links, key=lambda link: (link.first, link.second))


def _support(a: AssertionRecord) -> tuple[int, int]:
    return (len({e["source"] for e in a["evidence"]}), len(a["evidence"]))


def _groups(focus: set[str], assertions: list[AssertionRecord], words: _Words) -> dict[str, str]:
    """Each direct neighbour's group: which side of the focus it is on, the sign it has, and its kind."""
    sides: dict[str, set[str]] = defaultdict(set)
    signs: dict[str, Counter[str]] = defaultdict(Counter)
    for a in assertions:
        sign = "no change" if a["negated"] else a["direction"].replace("regulates", "unsigned")
        if a["target"] in focus and a["regulator"] not in focus:
            sides[a["regulator"]].add("regulators")
            signs[a["regulator"]][sign] += 1
        if a["regulator"] in focus and a["target"] not in focus:
            sides[a["target"]].add("targets")
            signs[a["target"]][sign] += 1
    groups = {}
    for key, side in sides.items():
        where = side.pop() if len(side) == 1 else "both"
        sign = signs[key].most_common(1)[0][0]
        groups[key] = f"{where} · {sign} · {node_style(words.kinds.get(key, '')).name}"
    return groups


def _rank(
    focus: set[str], assertions: list[AssertionRecord], depth_of: dict[str, int], groups: dict[str, str]
) -> list[str]:
    """Neighbours in the order they are kept: nearer first; within a depth, groups take turns, best first.

    Taking turns keeps every side, sign and kind of a hub in the picture, rather than the
    alphabetically first of many single-source neighbours.
    """
    score: dict[str, tuple[int, int]] = defaultdict(lambda: (0, 0))
    for a in assertions:
        for end in (a["regulator"], a["target"]):
            if end not in focus:
                s, old = _support(a), score[end]
                score[end] = (old[0] + s[0], old[1] + s[1])
    ranked: list[str] = []
    for depth in sorted({depth_of[k] for k in score}):
        queues: dict[str, list[str]] = defaultdict(list)
        for key in sorted(score, key=lambda k: (-score[k][0], -score[k][1], k)):
            if depth_of[key] == depth:
                queues[groups.get(key, "farther")].append(key)
        order = sorted(queues, key=lambda g: (-score[queues[g][0]][0], g))
        while any(queues.values()):
            for group in order:
                if queues[group]:
                    ranked.append(queues[group].pop(0))
    return ranked


def _finish(
    words: _Words,
    title: str,
    named: set[str],
    focus: set[str],
    assertions: list[AssertionRecord],
    omitted: list[str],
    *,
    collapsed: frozenset[str] | set[str] = frozenset(),
    groups: dict[str, str] | None = None,
    transfers: bool = True,
) -> Diagram:
    """Name and type every node (``named`` ones always, ``focus`` ones highlighted).

    A chain diagram leaves vesicle transfers out: they are not steps of a chain.
    """
    keys = {k for a in assertions for k in (a["regulator"], a["target"])} | named
    words.learn(keys | _context_keys(assertions))
    drawn_transfers = _transfers(words, [a for a in assertions if a["regulator"] not in collapsed]) if transfers else []
    keys |= {t.donor for t in drawn_transfers}
    words.learn(keys)
    diagram = Diagram(title=title, omitted=omitted, transfers=drawn_transfers, names=words.names)
    for key in sorted(keys):
        diagram.nodes[key] = Node(
            key,
            words.names.get(key, key),
            words.kinds.get(key, ""),
            key in focus,
            key in collapsed,
            (groups or {}).get(key, "" if key in focus or key in named else "farther"),
        )
    diagram.edges = _merge(words, assertions)
    diagram.links = _links(words.store, {k for k in keys if k not in collapsed})
    return diagram


def neighbourhood(
    store: Store, key: str, depth: int = 1, limit: int = 24, filters: Mapping[str, Any] | None = None
) -> Diagram:
    """Everything within ``depth`` steps of ``key`` (upstream and downstream).

    At most ``limit`` neighbours are drawn; the others are kept in the diagram as collapsed nodes
    (with their edges), so a picture can name them and a site can expand them. ``filters``: the
    context filters of every query (:class:`exograph.query.neighbours.Filters`), all of which a drawn
    assertion must pass.
    """
    from exograph.query.neighbours import Filters, context_matcher

    matches = context_matcher(store, Filters(**filters)) if filters else None
    lines = store.line_diseases()
    focus = set(store.narrower_closure(key))
    frontier, seen = set(focus), set(focus)
    depth_of: dict[str, int] = dict.fromkeys(focus, 0)
    found: dict[str, AssertionRecord] = {}
    for step_number in range(1, max(depth, 1) + 1):
        keys = sorted(frontier)
        step = store.by_target(keys) + store.by_regulator(keys)
        frontier = set()
        for a in sorted(step, key=lambda a: a["id"]):
            if matches is not None and not matches(a["source"], filter_context(a, lines)):
                continue
            found.setdefault(a["id"], a)
            for end in (a["regulator"], a["target"]):
                if end not in seen:
                    seen.add(end)
                    depth_of[end] = step_number
                    frontier.add(end)
    assertions = sorted(found.values(), key=lambda a: a["id"])
    words = _Words(store)
    words.learn(seen)
    groups = _groups(focus, assertions, words)
    ranked = _rank(focus, assertions, depth_of, groups)
    collapsed = set(ranked[limit:])
    omitted = []
    if matches is not None and not assertions:
        omitted.append(f"no assertion about {words.names.get(key, key)} passes the filters")
    if collapsed:
        omitted.append(
            f"{len(collapsed)} more neighbour{'s' if len(collapsed) != 1 else ''} not drawn (fewest sources); "
            "list them all with 'exograph regulators' / 'exograph targets'"
        )
    diagram = _finish(
        words,
        words.names.get(key, key),
        {key},
        focus,
        assertions,
        omitted,
        collapsed=collapsed,
        groups=groups,
    )
    diagram.centre = key
    return diagram


def between(
    store: Store,
    start: str,
    end: str,
    max_length: int = 3,
    max_chains: int = 40,
    filters: Mapping[str, Any] | None = None,
    across_contexts: bool = False,
) -> Diagram:
    """The chains from ``start`` to ``end`` that ``exograph path`` finds (with the same ``filters`` and
    ``across_contexts``), drawn together.

    Hypotheses and negated findings are left out, as chain queries leave them out: a drawn
    chain is one the papers state. Where a chain passes from a family to its member (or the
    reverse), that step is drawn too.
    """
    from exograph.api import KnowledgeGraph

    graph = KnowledgeGraph(store)
    found = graph.path(
        start, end, max_length, max_chains=max_chains, across_contexts=across_contexts, **(filters or {})
    )
    words = _Words(store)
    words.learn([start, end])
    notes = []
    if not found.chains:  # what `exograph path` says under an empty answer, in short
        notes.append(f"no chain of at most {max_length} steps from {words.names[start]} to {words.names[end]}")
        why = graph.why_not(start, end, max_length, across_contexts=across_contexts, **(filters or {})).query
        notes += [f"{cut.count} chain{'s' if cut.count != 1 else ''} cut by {cut.reason}" for cut in why.cuts]
    return drawn_chains(store, found, f"{words.names[start]} → {words.names[end]}", notes, words)


def drawn_chains(
    store: Store, found: ChainResult, title: str, notes: list[str] | None = None, words: _Words | None = None
) -> Diagram:
    """The chains of a query (a path, or what drives an entity) drawn together, each family step and
    each vesicle transfer as its own marked edge; how many chains were cut is said under the title."""
    words = words or _Words(store)
    query = found.query
    named = {query.subject} | ({query.end} if query.end else set())
    words.learn(named)
    ids = dict.fromkeys(i for chain in found.chains for i in chain.assertion_ids)
    used = [a for a in (store.assertion(i) for i in ids) if a is not None]
    omitted = []
    if query.cut:
        at_least = "" if query.complete else "at least "
        drawn = len(found.chains)
        omitted.append(f"{at_least}{query.cut} more chain{'s' if query.cut != 1 else ''} not drawn (cap {drawn})")
    omitted += notes or []
    focus = {k for key in named for k in store.narrower_closure(key)}
    chain_links: set[Link] = set()
    handed: dict[tuple[str, str], list[Step]] = defaultdict(list)
    for chain in found.chains:
        if chain.start_link and chain.start:
            chain_links.add(_oriented(chain.steps[0].regulator, chain.start, chain.start_link))
        for step, joins in zip(chain.steps, chain.joins, strict=True):
            if step.target_link == TRANSFER and step.via and joins:
                handed[step.target, joins] += [step, next(s for s in chain.steps if s.regulator == joins)]
            elif step.target_link and joins:
                chain_links.add(_oriented(step.target, joins, step.target_link))
    joined = {k for link in chain_links for k in (link.first, link.second)} | {k for pair in handed for k in pair}
    diagram = _finish(words, title, named | joined, focus, used, omitted, transfers=False)
    diagram.links = sorted(set(diagram.links) | chain_links, key=lambda link: (link.first, link.second))
    diagram.passages = [
        _passage(store, words, made, vesicles, steps) for (made, vesicles), steps in sorted(handed.items())
    ]
    return diagram


def _passage(store: Store, words: _Words, made: str, vesicles: str, steps: list[Step]) -> Passage:
    """One drawn transfer for every chain step that hands ``made``'s vesicles on as ``vesicles``."""
    vias = [s.via for s in steps if s.via and s.target == made]
    words.learn(k for via in vias for k in re.split(r", | from | to ", via))
    says = tuple(dict.fromkeys(via_text(via, words.names, words.kinds) for via in vias))
    ordered = [s for s in steps if s.target == made] + [s for s in steps if s.regulator == vesicles]
    ids = dict.fromkeys(i for s in ordered for i in s.assertions)  # the release first, then the effect
    records = [a for a in (store.assertion(i) for i in ids) if a is not None]
    return Passage(made, vesicles, says, tuple(words.evidence(a) for a in records))


def _oriented(first: str, second: str, relation: str) -> Link:
    """A chain link as a drawn step: always from the family (or gene) to the member (or variant)."""
    if relation in ("member", "variant"):
        return Link(second, first, "family" if relation == "member" else "parent")
    return Link(first, second, relation)
