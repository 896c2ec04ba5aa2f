"""Signed causal chains: what reaches X in up to N steps, what X reaches, every way from A to B.

A *step* joins two entities with every assertion (after filters) that says the same thing:
same regulator, target, sign and negation. A chain's sign is the product of its steps' signs
(increases x decreases = decreases, decreases x decreases = increases); an unsigned or negated
step makes the chain unsigned. Steps join where the curation says they may: the same entity,
a narrower concept (exosome secretion feeds a claim about EV secretion), or a family and its
members (marked, because a claim about the RAB27 family is not a claim about RAB27A).

Search is bounded: one SQL query per batch of frontier entities, no entity twice in a chain, at most ``budget``
partial chains explored. Chains are ranked by length, then by the evidence of their weakest
step (primary research first, then the number of distinct sources), then by their ids; the
first ``max_chains`` are kept and the rest counted as cut.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from exograph.reason.context import mark_context
from exograph.reason.index import Index, Row, effect_sign

#: How far a chain query may reach; deeper questions are better asked as paths between two names.
MAX_DEPTH = 6
#: Partial chains explored before search stops (and says its count of cut chains is a lower bound).
BUDGET = 20_000


@dataclass(frozen=True, slots=True)
class Step:
    """One link of a chain, with every assertion that supports it."""

    regulator: str
    target: str
    sign: int
    aspects: tuple[str, ...]
    assertions: tuple[str, ...]
    #: Distinct sources of the supporting assertions that are neither hypotheses nor negated.
    sources: tuple[str, ...]
    #: How many of those sources are primary research.
    primary: int
    hypothesis: bool
    negated: bool
    #: The distinct contexts (as compiled JSON) of the supporting assertions.
    contexts: tuple[str, ...] = ()
    #: How this step's target relates to the next step's regulator (or to the chain's end):
    #: None (the same entity, or a narrower one), family, member, parent or variant.
    target_link: str | None = None
    #: Context fields (diseases, cell_lines, cell_types) in which this step departs from the chain.
    other_context: tuple[str, ...] = ()

    @property
    def evidence(self) -> tuple[int, int]:
        return (self.primary, len(self.sources))


@dataclass(frozen=True, slots=True)
class Chain:
    """Steps from the most upstream regulator to the most downstream target."""

    steps: tuple[Step, ...]
    #: How the first step's regulator relates to the chain's start (targets and path queries).
    start_link: str | None = None
    #: The queried entities the chain starts and ends at, where the query named them: the
    #: outer links (``start_link``, the last step's ``target_link``) relate the chain to these.
    start: str | None = None
    end: str | None = None

    @property
    def joins(self) -> list[str | None]:
        """The entity each step's target joins: the next step's regulator, or the chain's end."""
        return [s.regulator for s in self.steps[1:]] + [self.end]

    @property
    def sign(self) -> int:
        return compose(s.sign for s in self.steps)

    @property
    def coherent(self) -> bool:
        return not any(s.other_context for s in self.steps)

    @property
    def marked(self) -> bool:
        """Whether any step is a hypothesis, negated, or joined through a family."""
        links = [self.start_link, *(s.target_link for s in self.steps)]
        return any(s.hypothesis or s.negated for s in self.steps) or any(links)

    @property
    def assertion_ids(self) -> list[str]:
        return [i for s in self.steps for i in s.assertions]


@dataclass(frozen=True, slots=True)
class ChainOptions:
    """What a chain may contain, and how many chains to return."""

    depth: int = 1
    max_chains: int = 50
    include_hypotheses: bool = False
    include_negated: bool = False
    coherent: bool = False
    budget: int = BUDGET


@dataclass(frozen=True, slots=True)
class Chains:
    """The ranked chains that answer a query, and how many more there were."""

    kind: str
    subject: str
    chains: tuple[Chain, ...]
    #: Chains found beyond ``max_chains`` (a lower bound when ``complete`` is false).
    cut: int
    #: False when the search budget ran out before every chain was explored.
    complete: bool
    end: str | None = None


def compose(signs: Iterable[int]) -> int:
    """The sign of a chain: the product of its steps' signs (0 = unsigned)."""
    product = 1
    for sign in signs:
        product *= sign
    return product


#: Whether an assertion's source and context pass the query's filters; None when there are none.
Matcher = Callable[[str, Mapping[str, Any]], bool] | None


class _Search:
    def __init__(self, index: Index, options: ChainOptions, matches: Matcher, column: str) -> None:
        self.index = index
        self.options = options
        self.matches = matches
        #: Which end of a step the search grows from: ``target`` (upstream) or ``regulator``.
        self.column = column
        #: The steps at each entity already fetched: a search meets the same entities at every level.
        self.known: dict[str, list[Step]] = {}

    def steps_at(self, keys: set[str], regulators: Collection[str] | None = None) -> dict[str, list[Step]]:
        """The steps whose ``column`` is each of ``keys``, fetching in one query only those not yet known.

        ``regulators`` restricts the steps fetched to those from these entities; a caller that
        passes it must pass the same set or a smaller one each time (as a path search does, its
        reach shrinking level by level) and filter the known steps again itself.
        """
        missing = keys - self.known.keys()
        if missing:
            rows: dict[str, list[Row]] = defaultdict(list)
            for row in self.index.rows(self.column, missing, regulators):
                rows[getattr(row, self.column)].append(row)
            for key in missing:
                self.known[key] = self.steps(rows.get(key, []))
        return self.known

    def kinds_at(self, keys: set[str]) -> dict[str, set[tuple[str, int, bool]]]:
        """The (regulator, sign, negated) of each step to each of ``keys``: what counting chains needs.

        From the known steps, or else pooled by SQLite without building rows or steps; with
        context filters every row must be checked, so the steps are built as usual.
        """
        if self.matches is not None:
            self.steps_at(keys)
        found: dict[str, set[tuple[str, int, bool]]] = {
            key: {(s.regulator, s.sign, s.negated) for s in self.known[key]} for key in keys & self.known.keys()
        }
        missing = keys - found.keys()
        for key in missing:
            found[key] = set()
        options = self.options
        for target, regulator, direction, aspect, negated in self.index.kinds(
            missing, options.include_hypotheses, options.include_negated
        ):
            found[target].add((regulator, 0, True) if negated else (regulator, effect_sign(direction, aspect), False))
        return found

    def usable(self, row: Row) -> bool:
        options = self.options
        if (row.hypothesis and not options.include_hypotheses) or (row.negated and not options.include_negated):
            return False
        return self.matches is None or self.matches(row.source, row.context)

    def steps(self, rows: list[Row]) -> list[Step]:
        """Rows grouped into steps: one per regulator, target, sign and negation."""
        groups: dict[tuple[str, str, int, bool], list[Row]] = defaultdict(list)
        for row in rows:
            if self.usable(row):
                groups[(row.regulator, row.target, 0 if row.negated else row.sign, row.negated)].append(row)
        found = []
        primary_sources = self.index.primary_sources
        for (regulator, target, sign, negated), members in sorted(groups.items()):
            if len(members) == 1:  # most steps rest on one assertion: skip the pooling below
                (row,) = members
                solid = set() if row.hypothesis or row.negated else {row.source}
                found.append(
                    Step(
                        regulator,
                        target,
                        sign,
                        (row.aspect,),
                        (row.id,),
                        tuple(solid),
                        len(solid & primary_sources),
                        row.hypothesis,
                        negated,
                        (row.context_json,),
                    )
                )
                continue
            solid = {r.source for r in members if not (r.hypothesis or r.negated)}
            found.append(
                Step(
                    regulator=regulator,
                    target=target,
                    sign=sign,
                    aspects=tuple(sorted({r.aspect for r in members})),
                    assertions=tuple(r.id for r in members),
                    sources=tuple(sorted(solid)),
                    primary=len(solid & primary_sources),
                    hypothesis=all(r.hypothesis for r in members),
                    negated=negated,
                    contexts=tuple(sorted({r.context_json for r in members})),
                )
            )
        return found


def _linked(step: Step, link: str | None) -> Step:
    return step if link is None else replace(step, target_link=link)


def _rank_key(chain: Chain) -> tuple[Any, ...]:
    weakest = min(s.evidence for s in chain.steps)
    total = len({src for s in chain.steps for src in s.sources})
    return (len(chain.steps), -weakest[0], -weakest[1], -total, chain.marked, chain.assertion_ids)


def _finish(
    kind: str,
    subject: str,
    found: list[Chain],
    complete: bool,
    options: ChainOptions,
    index: Index,
    end: str | None,
    unbuilt: int = 0,
) -> Chains:
    """Rank and mark the chains; ``unbuilt`` more were found but only counted (they cannot rank)."""
    anchor_last = kind != "targets"
    if options.coherent:  # otherwise only the chains kept need marking: ranking does not look at context
        found = [c for c in (mark_context(index, c, anchor_last) for c in found) if c.coherent]
    kept = [mark_context(index, c, anchor_last) for c in _best(found, options.max_chains)]
    return Chains(kind, subject, tuple(kept), len(found) + unbuilt - len(kept), complete, end)


def _best(found: list[Chain], count: int) -> list[Chain]:
    """The first ``count`` chains by rank, exactly as sorting them all would give.

    Length comes first in the rank, so chains longer than the ``count``-th shortest can never
    be kept: only the others need their (costlier) full key. Sorting is stable, so ties keep
    the order of ``found`` either way.
    """
    if count <= 0:
        return []
    if len(found) > count:
        longest = sorted(len(c.steps) for c in found)[count - 1]
        found = [c for c in found if len(c.steps) <= longest]
    return sorted(found, key=_rank_key)[:count]


#: Frontier entities whose steps are fetched in one SQL query; the budget is checked between batches.
BATCH = 256

#: A partial chain during search: its steps, the entities it holds, and the entity it grows from.
_Partial = tuple[tuple[Step, ...], frozenset[str], str]


def _batches(frontier: list[_Partial]) -> Iterator[dict[str, list[_Partial]]]:
    """The frontier grouped by the entity each partial chain grows from, ``BATCH`` entities at a time."""
    by_node: dict[str, list[_Partial]] = defaultdict(list)
    for partial in frontier:
        by_node[partial[2]].append(partial)
    nodes = list(by_node)
    for first in range(0, len(nodes), BATCH):
        yield {node: by_node[node] for node in nodes[first : first + BATCH]}


def upstream(
    index: Index,
    subject: str,
    options: ChainOptions,
    matches: Matcher,
    sign: int | None = None,
    start: tuple[str, Mapping[str, int]] | None = None,
) -> tuple[list[Chain], bool, int]:
    """Chains ending at ``subject``, built backwards one level at a time, and how many more were only counted.

    With ``sign``, only chains of that sign are returned (every partial chain still grows and
    counts against the budget). A negated step is unsigned, so a chain of sign +1 or -1 has none.

    With ``start`` (an entity and the distance of every entity to it, forward), only chains
    that begin at that entity are returned, and branches that cannot reach it are pruned.

    Chains are found shortest first and ranked by length first: once ``max_chains`` shorter ones
    are found, those of the last level can never be shown, so (unless ``coherent`` must look at
    each) they are counted, exactly as they would have been found, but not built.
    """
    search = _Search(index, options, matches, "target")
    frontier: list[_Partial] = [((), frozenset({subject}), subject)]  # steps downstream first
    start_aliases = index.aliases(start[0]) if start else {}
    found: list[Chain] = []
    explored = unbuilt = 0
    for depth in range(1, options.depth + 1):
        # with a start, a step's regulator must be within this many steps of it
        reach = options.depth - depth
        near = [e for e, d in start[1].items() if d <= reach] if start else None
        only_count = depth == options.depth and not start and not options.coherent and len(found) >= options.max_chains
        following: list[_Partial] = []
        for batch in _batches(frontier):
            aliases = {node: index.aliases(node) for node in batch}
            wanted = {a for alias in aliases.values() for a in alias}
            if only_count:
                kinds = search.kinds_at(wanted)
                for node, partials in batch.items():
                    tried, counted = _count([k for a in aliases[node] for k in kinds[a]], partials, sign)
                    explored, unbuilt = explored + tried, unbuilt + counted
                if explored > options.budget:
                    return found, False, unbuilt
                continue
            by_target = search.steps_at(wanted, near)
            for node, partials in batch.items():
                choices = [_linked(step, link) for a, link in aliases[node].items() for step in by_target[a]]
                if start:  # steps known from an earlier level may come from entities now out of reach
                    choices = [s for s in choices if start[1].get(s.regulator, options.depth + 1) <= reach]
                for steps, held, _ in partials:
                    below = compose(s.sign for s in steps)
                    for step in choices:
                        regulator = step.regulator
                        if regulator in held:
                            continue
                        chain_steps = (step, *steps)
                        explored += 1
                        if start and regulator in start_aliases:
                            found.append(Chain(chain_steps, start_aliases[regulator], start[0], subject))
                            continue
                        if not start and (sign is None or below * step.sign == sign):
                            found.append(Chain(chain_steps, end=subject))
                        if depth < options.depth:  # the last level's partial chains grow no further
                            following.append((chain_steps, held | {regulator, step.target}, regulator))
            if explored > options.budget:
                return found, False, unbuilt
        frontier = following
    return found, True, unbuilt


def _count(kinds: list[tuple[str, int, bool]], partials: list[_Partial], sign: int | None) -> tuple[int, int]:
    """For the last level's partial chains: how many chains one step longer upstream would explore and find."""
    explored = found = 0
    for steps, held, _ in partials:
        below = compose(s.sign for s in steps)
        for regulator, step_sign, _negated in kinds:
            if regulator not in held:
                explored += 1
                found += sign is None or below * step_sign == sign
    return explored, found


def downstream(index: Index, subject: str, options: ChainOptions, matches: Matcher) -> tuple[list[Chain], bool]:
    """Chains starting at ``subject``, built forwards one level at a time."""
    search = _Search(index, options, matches, "regulator")
    first = index.aliases(subject)
    frontier: list[_Partial] = [((), frozenset({subject}), subject)]  # steps upstream first
    found: list[Chain] = []
    explored = 0
    for depth in range(1, options.depth + 1):
        following: list[_Partial] = []
        for batch in _batches(frontier):
            # the regulators each partial chain may continue from, with how its last target relates to them
            joins = {node: _joins(index, node) if partials[0][0] else first for node, partials in batch.items()}
            grouped = search.steps_at({r for j in joins.values() for r in j})
            for node, partials in batch.items():
                for steps, held, _ in partials:
                    for regulator, link in joins[node].items():
                        for step in grouped.get(regulator, ()):
                            if step.target in held:
                                continue
                            # link: how the last target relates to this regulator (for a first step: none)
                            chain_steps = (*steps[:-1], _linked(steps[-1], link), step) if steps else (step,)
                            chain = Chain(chain_steps, first[chain_steps[0].regulator], start=subject)
                            explored += 1
                            found.append(chain)
                            if depth < options.depth:  # the last level's partial chains grow no further
                                following.append((chain_steps, held | {step.regulator, step.target}, step.target))
            if explored > options.budget:
                return found, False
        frontier = following
    return found, True


def _joins(index: Index, entity: str) -> dict[str, str | None]:
    """The regulators a step ending at ``entity`` may continue from, with how ``entity`` relates to each.

    The inverse of :meth:`Index.aliases`: a step reaching exosome secretion continues from a
    claim about EV secretion (broader), and one reaching RAB27A from a claim about its family.
    """
    joins: dict[str, str | None] = dict.fromkeys(index.ancestors(entity))
    for grouping, relation in index.groups.get(entity, ()):
        joins.setdefault(grouping, "member" if relation == "member" else "variant")
    for part, relation in index.parts.get(entity, ()):
        joins.setdefault(part, "family" if relation == "member" else "parent")
    return joins


def reachable(index: Index, start: str, depth: int) -> dict[str, int]:
    """For every entity a chain from ``start`` can continue from, the fewest steps to get there."""
    distance = dict.fromkeys(index.aliases(start), 0)
    level = set(distance)
    for d in range(1, depth + 1):
        targets = index.targets(level)
        level = set()
        for target in targets:
            for regulator in _joins(index, target):
                if regulator not in distance:
                    distance[regulator] = d
                    level.add(regulator)
        if not level:
            break
    return distance


def chains(index: Index, kind: str, subject: str, options: ChainOptions, matches: Matcher) -> Chains:
    """drivers (chains of sign +), regulators (every chain) or targets (chains from ``subject``)."""
    if kind == "targets":
        found, complete = downstream(index, subject, options, matches)
        return _finish(kind, subject, found, complete, options, index, None)
    found, complete, unbuilt = upstream(index, subject, options, matches, 1 if kind == "drivers" else None)
    return _finish(kind, subject, found, complete, options, index, None, unbuilt)


def paths(index: Index, start: str, end: str, options: ChainOptions, matches: Matcher) -> Chains:
    """Every chain from ``start`` to ``end`` of at most ``options.depth`` steps."""
    # a step taken at the last level must start at ``start`` itself, so the search never asks
    # whether an entity is a full ``depth`` steps away: the last level of reach is not needed
    distance = reachable(index, start, options.depth - 1)
    found, complete, unbuilt = upstream(index, end, options, matches, start=(start, distance))
    return _finish("path", start, found, complete, options, index, end, unbuilt)
