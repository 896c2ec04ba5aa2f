"""Signed causal chains: what reaches X in up to N steps, what X reaches, every way from A to B.

A *step* (:mod:`exograph.reason.steps`) joins two entities with every assertion (after filters)
that says the same thing. Two steps make a chain only where :mod:`exograph.reason.compose` says
their meanings compose (what a step changes decides what may follow; exposures, phenotypes and
class nodes are never passed through; vesicle output joins the vesicles' effects in recipient
cells through a marked transfer link). A chain's sign is the product of its steps' carried signs;
an unsigned or negated step makes the chain unsigned. Steps join the same entity, a narrower
concept (exosome secretion feeds a claim about EV secretion), or a family and its members
(marked, because a claim about the RAB27 family is not a claim about RAB27A).

Search is bounded: one SQL query per batch of frontier entities, no entity twice in a chain, at most ``budget``
partial chains explored. Chains are ranked by length, then by the evidence of their weakest
step (primary research first, then the number of distinct sources), then by their ids; the
first ``max_chains`` are kept and the rest counted as cut.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from exograph import collector
from exograph.reason import compose as rules
from exograph.reason.context import (
    EMPTY,
    Coherence,
    coherence,
    diseases_agree,
    diseases_follow,
    grown,
    mark_context,
    placed,
)
from exograph.reason.index import Index, Row, Shapes
from exograph.reason.steps import Step, group, make_step, narrowed, relinked

#: How far a chain query may reach; deeper questions are better asked as paths between two names.
MAX_DEPTH = 6
#: Partial chains explored before search stops (and says its count of cut chains is a lower bound).
BUDGET = 20_000


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
        return any(s.hypothesis or s.negated for s in self.steps) or any(
            link and link != rules.TRANSFER for link in links
        )

    @property
    def hedge(self) -> str | None:
        """The chain's weakest word: "does not" with a negated step, "may" with a hypothesis, else None."""
        if any(s.negated for s in self.steps):
            return "does not"
        return "may" if any(s.hypothesis for s in self.steps) else None

    @property
    def unsigned_because(self) -> str | None:
        """Why the chain carries no sign, from its first unsigned step."""
        for step in self.steps:
            reason = rules.reason_unsigned(step)
            if reason:
                return reason
        return None

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
    #: Only chains whose steps share a compatible context (the default); False also returns the others, marked.
    coherent: bool = True
    include_engineered: bool = False
    #: False only to ask which chains the composition rules cut (the "why not" of a path).
    compose: bool = True
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
    #: Chains left out (not counted in ``cut``) because their steps' contexts differ (``coherent``).
    other_contexts: int = 0
    #: False when partial chains from different contexts were not grown: ``other_contexts`` is then a lower bound.
    other_contexts_complete: bool = True


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
        #: Classes of rows already checked against a partial chain (see :meth:`composes`; the chain is kept
        #: alive, so that an id in a key is never reused meanwhile).
        self.composing: dict[tuple[Any, ...], tuple[tuple[Step, ...], bool]] = {}
        #: Steps already marked with a link (see :meth:`linked`), each beside the step it was made from.
        self.links: dict[tuple[int, str | None], tuple[Step, Step]] = {}
        #: The classes of the steps into each target, for counting (see :meth:`count`; None: count its rows).
        self.classes: dict[str, Counter[tuple[int, str, str]] | None] = {}
        #: Pairs of steps already composed (see :meth:`join`).
        self.joined: dict[tuple[int, int, str | None], tuple[Step, Step, tuple[Step, Step] | None]] = {}

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
                if self.usable(row):
                    rows[getattr(row, self.column)].append(row)
            for key in missing:
                self.known[key] = group(self.index, rows.get(key, []))
        return self.known

    def usable(self, row: Row) -> bool:
        if not self.allowed(row.hypothesis, row.negated, row.scope, row.aspect):
            return False
        if self.options.compose and rules.spoken_for(self.index, row):
            return False
        return self.matches is None or self.matches(row.source, row.context)

    def allowed(self, hypothesis: bool, negated: bool, scope: str, aspect: str) -> bool:
        """Whether the options allow a step of this kind (filters aside)."""
        options = self.options
        if (hypothesis and not options.include_hypotheses) or (negated and not options.include_negated):
            return False
        if scope == "engineered" and not options.include_engineered:
            return False
        # methods and bindings: never steps
        return not options.compose or rules.usable_shape(aspect, scope, engineered=True)

    def linked(self, step: Step, link: str | None) -> Step:
        """``step`` marked with how its target joins the next (made once per step and link: a search
        offers the same steps at every node that reaches them)."""
        if link == step.target_link:
            return step
        key = (id(step), link)
        known = self.links.get(key)
        if known is None:
            known = self.links[key] = (step, _linked(step, link))
        return known[1]

    def join(self, before: Step, after: Step, link: str | None) -> tuple[Step, Step] | None:
        """``before`` then ``after`` as composed (each kept to its rows that compose), or None.

        Kept by the steps' identity: a search meets the same pair of steps in many partial chains
        (the steps themselves are kept with the answer, so an id is never reused meanwhile).
        """
        if len(before.rows) == 1 == len(after.rows) and before.effect not in rules.READS_CELLS and self.options.compose:
            # most pairs: decided by the steps' classes, and one row each leaves nothing to narrow (compose.follow)
            index = self.index
            if rules.cut_between(
                index, before.target, before.effect, before.aspects, after.regulator, after.cargo, link
            ):
                return None
            if before.target_link != link or before.via is not None:
                before = relinked(before, link, None, before.other_context)
            return before, after
        key = (id(before), id(after), link)
        known = self.joined.get(key)
        if known is not None:
            return known[2]
        joined = self._join(before, after, link)
        self.joined[key] = (before, after, joined)
        return joined

    def _join(self, before: Step, after: Step, link: str | None) -> tuple[Step, Step] | None:
        if not self.options.compose:
            return _linked(before, link), after
        verdict = rules.follow(self.index, before, after, link)
        if verdict.cut is not None:
            return None
        if before.target_link != verdict.link or before.via != verdict.via:
            before = relinked(before, verdict.link, verdict.via, before.other_context)
        return narrowed(self.index, before, verdict.before), narrowed(self.index, after, verdict.rows)

    def settle(self, steps: list[Step]) -> tuple[Step, ...] | None:
        """``steps`` with every adjacent pair composing, steps narrowed to the rows that do; None if a pair
        no longer composes. Narrowing only removes rows, so this ends."""
        changed = True
        while changed:
            changed = False
            for i in range(len(steps) - 1):
                joined = self.join(steps[i], steps[i + 1], steps[i].target_link)
                if joined is None:
                    return None
                if joined[0].rows != steps[i].rows or joined[1].rows != steps[i + 1].rows:
                    changed = True
                steps[i : i + 2] = joined
        return tuple(steps)

    def add(self, steps: tuple[Step, ...], step: Step, before: bool) -> tuple[Step, ...] | None:
        """``step`` added before (upstream) or after ``steps``, composed; None if it does not compose."""
        if not steps:
            return (step,)
        pair = (
            self.join(step, steps[0], step.target_link) if before else self.join(steps[-1], step, steps[-1].target_link)
        )
        if pair is None:
            return None
        if before:
            if pair[1].rows == steps[0].rows:  # the step it joined kept all its rows: nothing further to settle
                return (*pair, *steps[1:])
            chain = [*pair, *steps[1:]]
        else:
            if pair[0].rows == steps[-1].rows:
                return (*steps[:-1], *pair)
            chain = [*steps[:-1], *pair]
        return tuple(chain) if len(chain) == 2 else self.settle(chain)

    def count(
        self,
        batch: dict[str, list[_Partial]],
        feeders: dict[str, dict[str, str | None]],
        sign: int | None,
        regulators: Collection[str] | None = None,
    ) -> tuple[int, int]:
        """For the last level's partial chains: how many chains one step longer upstream would explore and find.

        Without building them: a step is found when any of its rows composes, as :meth:`join` keeps the
        rows that do. Where composition reads no cells of the steps that would come first and each partial
        chain's first step rests on one row (the usual case), whether a step composes depends only on its
        class (:func:`compose.cut_between`), so a node's steps are counted by class: from the compiled shapes
        of the steps into it (:meth:`Index.shapes`; then only the steps from entities a partial chain holds,
        which are never tried, are read one by one), or, for a path's last level (``regulators``: only steps
        from these, a few), from its rows. Elsewhere each row is checked.
        """
        # each partial chain counts on its own; those whose first step rests on one row are counted by class
        single: dict[str, list[_Partial]] = {node: [] for node in batch}
        several: dict[str, list[_Partial]] = {node: [] for node in batch}
        for node, partials in batch.items():
            for partial in partials:
                (single if len(partial[0][0].rows) == 1 else several)[node].append(partial)
        classes: dict[str, tuple[list[_Class], dict[str, list[_Class]]]] = {}
        if regulators is None:
            classes = self._shaped({node: partials for node, partials in single.items() if partials}, feeders)
            by_rows = {node for node in batch if several[node] or node not in classes}
            rows = self._rows_into({a for node in by_rows for a in feeders[node]}, None)
        else:
            rows = self._rows_into({a for node in batch for a in feeders[node]}, regulators)
            for node in batch:
                by_regulator = _steps_by_regulator(feeders[node], rows)
                if by_regulator is not None:
                    classes[node] = ([c for steps in by_regulator.values() for c in steps], by_regulator)
        explored = found = 0
        for node, partials in batch.items():
            if node in classes:
                tried, counted = _count_classes(self.index, node, single[node], *classes[node], sign)
                more = several[node]
            else:
                tried, counted, more = 0, 0, partials
            if more:
                by_row = self._count_rows(more, feeders[node], rows, sign)
                tried, counted = tried + by_row[0], counted + by_row[1]
            explored, found = explored + tried, found + counted
        return explored, found

    def _rows_into(self, targets: set[str], regulators: Collection[str] | None) -> dict[str, list[_Counted]]:
        """The usable rows into ``targets`` (from ``regulators``), each with its carried sign and effect."""
        found: dict[str, list[_Counted]] = defaultdict(list)
        if targets:
            index = self.index
            for row in index.rows("target", targets, regulators, ordered=False):  # counts need no order
                if self.usable(row):
                    found[row.target].append((row, 0 if row.negated else row.sign, rules.effect(index, row)))
        return found

    def _shaped(
        self, batch: dict[str, list[_Partial]], feeders: dict[str, dict[str, str | None]]
    ) -> dict[str, tuple[list[_Class], dict[str, list[_Class]]]]:
        """For the nodes whose steps composition reads no cells of: the classes of the steps into each (from the
        compiled shapes), and the steps from each entity its partial chains hold (read one by one)."""
        shapes = self.index.shapes({a for node in batch for a in feeders[node]})
        classes = {node: c for node in batch if (c := self._classes(feeders[node], shapes)) is not None}
        holding = {node: frozenset().union(*(held for _, held, _, _ in batch[node])) for node in classes}
        pairs = {(h, a) for node, held in holding.items() for h in held for a in feeders[node]}
        from_held: dict[str, list[_Counted]] = defaultdict(list)
        index = self.index
        for row in index.between(pairs) if pairs else ():
            if self.usable(row):
                from_held[row.target].append((row, 0 if row.negated else row.sign, rules.effect(index, row)))
        found = {}
        for node, mine in classes.items():
            theirs = _steps_by_regulator(feeders[node], from_held) or {}  # never None: checked by shape above
            found[node] = (mine, {h: steps for h, steps in theirs.items() if h in holding[node]})
        return found

    def _classes(
        self, feeders: dict[str, str | None], shapes: Mapping[str, list[tuple[Shapes, int]]]
    ) -> list[_Class] | None:
        """How many steps end at each of ``feeders`` in each class (target, link, carried sign, effect, an
        aspect), from the compiled shapes; None when composition reads the cells of some of them."""
        classes: list[_Class] = []
        for target, link in feeders.items():
            counts = self._classes_at(target, shapes)
            if counts is None:
                return None
            classes += [(target, link, *key, n) for key, n in counts.items()]
        return classes

    def _classes_at(
        self, target: str, shapes: Mapping[str, list[tuple[Shapes, int]]]
    ) -> Counter[tuple[int, str, str]] | None:
        """:meth:`_classes` of one target (kept: families and broader concepts feed many nodes)."""
        if target in self.classes:
            return self.classes[target]
        counts: Counter[tuple[int, str, str]] | None = Counter()
        for profile, regulators in shapes.get(target, ()):
            # the steps one regulator with these shapes has into ``target``, as :func:`group` makes them
            steps: dict[tuple[int, bool, str, bool], str] = {}
            for shape in profile:
                if not self.allowed(shape.hypothesis, shape.negated, shape.scope, shape.aspect):
                    continue
                effect = rules.effect_of(self.index, target, shape.aspect)
                # a modification may be spoken for by a degradation (rules.spoken_for): counted row by row
                if effect in rules.READS_CELLS or shape.aspect in rules.MODIFICATIONS:
                    counts = None
                    break
                steps.setdefault((0 if shape.negated else shape.sign, shape.negated, effect, shape.cargo), shape.aspect)
            if counts is None:
                break
            for (step_sign, _, effect, _), aspect in steps.items():
                counts[(step_sign, effect, aspect)] += regulators
        self.classes[target] = counts
        return counts

    def _count_rows(
        self,
        partials: list[_Partial],
        feeders: dict[str, str | None],
        rows: Mapping[str, list[_Counted]],
        sign: int | None,
    ) -> tuple[int, int]:
        """:meth:`count` of one node from every row into its feeders: each row is checked against each group of
        partial chains that read the same to composition, until one row of its step composes."""
        # the steps that may end at the node, each with its rows (and how its target joins the node)
        keyed: dict[tuple[Any, ...], list[tuple[Row, str | None]]] = defaultdict(list)
        for a, link in feeders.items():
            for row, step_sign, effect in rows.get(a, ()):
                keyed[(row.regulator, row.target, step_sign, row.negated, effect, row.cargo, link)].append((row, link))
        counts = Counter(key[0] for key in keyed)
        groups: dict[tuple[Any, ...], list[_Partial]] = defaultdict(list)
        for partial in partials:
            steps = partial[0]
            groups[(_reading(steps), compose(s.sign for s in steps))].append(partial)
        explored = found = 0
        for (_, below), members in groups.items():
            steps = members[0][0]
            composing: Counter[str] = Counter()
            for key, pairs in keyed.items():
                if sign is not None and below * key[2] != sign:
                    continue
                if any(self.composes(row, key[4], link, steps) for row, link in pairs):
                    composing[key[0]] += 1
            total = sum(composing.values())
            for _, held, _, _ in members:  # steps from an entity the chain holds are never tried
                explored += len(keyed)
                found += total
                for h in held:
                    explored -= counts.get(h, 0)
                    found -= composing.get(h, 0)
        return explored, found

    def composes(self, row: Row, effect: str, link: str | None, steps: tuple[Step, ...]) -> bool:
        """Whether a step resting on ``row`` may come before ``steps`` (checked once per class of row)."""
        after = steps[0]
        if effect not in rules.READS_CELLS and len(after.rows) == 1:
            # composition reads no cells of these rows: one answer for the class
            return not rules.cut_between(
                self.index, row.target, effect, (row.aspect,), after.regulator, after.cargo, link
            )
        key = ("composes", row.target, row.aspect, row.cargo, row.context_json, link, _reading(steps))
        known = self.composing.get(key)
        if known is not None:
            return known[1]
        step = _linked(make_step(self.index, [row], effect), link)
        verdict = rules.follow(self.index, step, after, link)
        if verdict.cut is not None:
            found = False
        elif len(verdict.rows) == len(after.rows) or len(steps) == 1:
            found = True
        else:  # the next step lost rows: the rest of the chain must compose again
            found = self.add(steps, step, before=True) is not None
        self.composing[key] = (steps, found)
        return found


#: A class of steps into a node, counted together: target, link, carried sign, effect, an aspect, how many.
_Class = tuple[str, str | None, int, str, str, int]
#: A usable row with its carried sign and effect.
_Counted = tuple[Row, int, str]


def _steps_by_regulator(
    feeders: dict[str, str | None], rows: Mapping[str, list[_Counted]]
) -> dict[str, list[_Class]] | None:
    """The steps the rows into ``feeders`` make (as :func:`group` makes them), by regulator, each a class of
    one; None when composition reads the cells of one of them."""
    steps: dict[str, dict[tuple[str, int, bool, str, bool], str]] = defaultdict(dict)
    for target in feeders:
        for row, step_sign, effect in rows.get(target, ()):
            if effect in rules.READS_CELLS:
                return None
            steps[row.regulator].setdefault((target, step_sign, row.negated, effect, row.cargo), row.aspect)
    return {
        r: [(k[0], feeders[k[0]], k[1], k[3], aspect, 1) for k, aspect in keys.items()] for r, keys in steps.items()
    }


def _count_classes(
    index: Index,
    node: str,
    partials: list[_Partial],
    classes: list[_Class],
    held_steps: dict[str, list[_Class]],
    sign: int | None,
) -> tuple[int, int]:
    """:meth:`_Search.count` of one node from the classes of the steps into it (``held_steps``: those from
    entities the partial chains hold, by entity): partial chains alike to composition (the first step's
    cargo, the sign so far) share one answer per class."""
    every = sum(c[-1] for c in classes)
    groups: dict[tuple[bool, int], list[_Partial]] = defaultdict(list)
    for partial in partials:
        steps = partial[0]
        groups[(steps[0].cargo, compose(s.sign for s in steps))].append(partial)
    explored = found = 0
    for (cargo, below), members in groups.items():
        total = _composing(index, classes, node, cargo, below, sign)
        composing = {h: _composing(index, steps, node, cargo, below, sign) for h, steps in held_steps.items()}
        explored += every * len(members)
        found += total * len(members)
        for _, held, _, _ in members:  # steps from an entity the chain holds are never tried
            for h, count in composing.items():
                if h in held:
                    explored -= len(held_steps[h])
                    found -= count
    return explored, found


def _composing(index: Index, classes: list[_Class], node: str, cargo: bool, below: int, sign: int | None) -> int:
    """How many steps of ``classes`` compose before a partial chain from ``node`` (its first step's ``cargo``)
    whose steps so far carry ``below``, and give a chain of ``sign`` (None: any)."""
    return sum(
        n
        for target, link, step_sign, effect, aspect, n in classes
        if (sign is None or below * step_sign == sign)
        and not rules.cut_between(index, target, effect, (aspect,), node, cargo, link)
    )


def _reading(steps: tuple[Step, ...]) -> tuple[Any, ...]:
    """All that composition reads of a partial chain when a step is put before it: its first step's
    regulator, and its cells when it acts as cargo (the whole chain when that step rests on several rows,
    which a join may narrow)."""
    after = steps[0]
    if len(after.rows) > 1:
        return (id(steps),)
    (row,) = after.rows
    return (after.regulator, after.effect, row.cargo, row.context_json if row.cargo else "")


def _linked(step: Step, link: str | None) -> Step:
    return step if link == step.target_link else relinked(step, link, step.via, step.other_context)


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
    tally: Counter[str],
    unbuilt: int = 0,
) -> Chains:
    """Rank and mark the chains; ``unbuilt`` more were found but only counted (they cannot rank). ``tally``:
    the chains the search already left out (their diseases disagree), and the partial chains from different
    contexts it did not grow (so the chains left out are a lower bound)."""
    anchor_last = kind != "targets"
    left_out = tally["left out"]
    if options.coherent:  # otherwise only the chains kept need marking: ranking does not look at context
        marked = [mark_context(index, c, anchor_last, options.compose) for c in found]
        found = [c for c in marked if c.coherent]
        left_out += len(marked) - len(found)
        kept = _best(found, options.max_chains)
    else:
        kept = [mark_context(index, c, anchor_last, options.compose) for c in _best(found, options.max_chains)]
    pruned = tally["partial chains"] > 0
    return Chains(kind, subject, tuple(kept), len(found) + unbuilt - len(kept), complete, end, left_out, not pruned)


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
#: The first batch of a level, each next one twice as large (up to ``BATCH``).
FIRST_BATCH = 16

#: A partial chain during search: its steps, the entities it holds, the entity it grows from, and its coherence
#: (what the context check passes on to the step that grows it; see :class:`_Coherent`).
_Partial = tuple[tuple[Step, ...], frozenset[str], str, Coherence]


class _Batches:
    """A level's frontier grouped by the entity each partial chain grows from, in batches of ``FIRST_BATCH``
    entities doubling up to ``BATCH``: a search that runs out of budget early in a level has not fetched
    the steps of hundreds of entities it never grows, and one that does not still fetches in few queries.

    With a ``budget`` (a search that checks it after each entity, so that batches decide nothing it finds),
    nor more than the budget left is expected to grow at the level's pace so far (the caller sets
    :attr:`explored` after each batch): near its budget a search fetches the steps of about the entities it
    will reach (a depth-3 ``targets`` at 100,000 assertions had fetched a fifth of its steps at entities it
    never reached)."""

    def __init__(self, frontier: list[_Partial], budget: int | None = None, explored: int = 0) -> None:
        self.by_node: dict[str, list[_Partial]] = defaultdict(list)
        for partial in frontier:
            self.by_node[partial[2]].append(partial)
        self.budget, self.start = budget, explored
        #: Partial chains explored so far by the whole search.
        self.explored = explored

    def __iter__(self) -> Iterator[dict[str, list[_Partial]]]:
        nodes = list(self.by_node)
        first, size = 0, FIRST_BATCH
        while first < len(nodes):
            yield {node: self.by_node[node] for node in nodes[first : first + size]}
            first += size
            size = min(2 * size, BATCH)
            spent = self.explored - self.start
            if self.budget is not None and spent:  # the entities the budget left grows, at the pace so far
                size = max(1, min(size, math.ceil((self.budget - self.explored) * first / spent)))


def _feeders(index: Index, node: str, options: ChainOptions, first: bool) -> dict[str, str | None]:
    """The targets whose steps may end at ``node`` (with how each relates to it), growing upstream.

    Any for the query's own subject (``first``); past it, none for an entity no chain passes
    through, and for vesicles also the processes that make or take them up (a transfer link).
    """
    aliases = index.aliases(node)
    if first:
        return aliases
    transfers = dict.fromkeys(rules.transfer_sources(index, node), rules.TRANSFER)
    if not options.compose or rules.is_vesicle(index, node):
        return {**aliases, **transfers}
    return aliases if rules.passable(index, node) else {}


def upstream(
    index: Index,
    subject: str,
    options: ChainOptions,
    matches: Matcher,
    sign: int | None = None,
    start: tuple[str, Mapping[str, int]] | None = None,
    tally: Counter[str] | None = None,
) -> tuple[list[Chain], bool, int]:
    """Chains ending at ``subject``, built backwards one level at a time, and how many more were only counted.

    With ``sign``, only chains of that sign are returned (every partial chain still grows and
    counts against the budget). A negated step is unsigned, so a chain of sign +1 or -1 has none.

    With ``start`` (an entity and the distance of every entity to it, forward), only chains
    that begin at that entity are returned, and branches that cannot reach it are pruned.

    Chains are found shortest first and ranked by length first: once ``max_chains`` shorter ones
    are found, those of the last level can never be shown, so (unless ``coherent`` or a filter
    must look at each) they are counted, exactly as they would have been found, but not built.
    A path's last level takes only steps from its start (the entities at distance 0), and every
    one that composes is found, as the unsigned count finds it.

    With ``tally`` (and ``coherent``), chains whose diseases disagree are left out as they are found
    (marking would leave them out), and counted there with the partial chains not grown.
    """
    search = _Search(index, options, matches, "target")
    check = _Coherent(index, True, tally) if options.coherent else None
    frontier: list[_Partial] = [((), frozenset({subject}), subject, EMPTY)]  # steps downstream first
    start_aliases = index.aliases(start[0]) if start else {}
    found: list[Chain] = []
    explored = unbuilt = 0
    for depth in range(1, options.depth + 1):
        # with a start, a step's regulator must be within this many steps of it
        reach = options.depth - depth
        near = [e for e, d in start[1].items() if d <= reach] if start else None
        only_count = (
            depth == options.depth
            and not options.coherent
            and options.compose
            and matches is None
            and len(found) >= options.max_chains
        )
        following: list[_Partial] = []
        for batch in _Batches(frontier):  # the budget is checked per batch: their sizes decide what is found
            feeders = {node: _feeders(index, node, options, depth == 1) for node in batch}
            wanted = {a for alias in feeders.values() for a in alias}
            if only_count:
                tried, counted = search.count(batch, feeders, sign, near)
                explored, unbuilt = explored + tried, unbuilt + counted
                if explored > options.budget:
                    return found, False, unbuilt
                continue
            by_target = search.steps_at(wanted, near)
            for node, partials in batch.items():
                if start:  # steps known from an earlier level may come from entities now out of reach
                    distance, beyond = start[1], options.depth + 1
                    choices = [
                        search.linked(step, link)
                        for a, link in feeders[node].items()
                        for step in by_target[a]
                        if distance.get(step.regulator, beyond) <= reach
                    ]
                else:
                    choices = [search.linked(step, link) for a, link in feeders[node].items() for step in by_target[a]]
                for steps, held, _, state in partials:
                    for step in choices:
                        regulator = step.regulator
                        if regulator in held:
                            continue
                        explored += 1
                        chain_steps = search.add(steps, step, before=True)
                        if chain_steps is None:
                            continue
                        if start and regulator in start_aliases:
                            if check is None or check.judge(state, steps, chain_steps, True, False)[0]:
                                found.append(Chain(chain_steps, start_aliases[regulator], start[0], subject))
                            continue
                        keep = not start and (sign is None or compose(s.sign for s in chain_steps) == sign)
                        grow = depth < options.depth
                        kept, grown_state = check.judge(state, steps, chain_steps, keep, grow) if check else OPEN
                        if keep and kept:
                            found.append(Chain(chain_steps, end=subject))
                        if grow and grown_state is not None:
                            following.append((chain_steps, held | {regulator, step.target}, regulator, grown_state))
            if explored > options.budget:
                return found, False, unbuilt
        frontier = following
    return found, True, unbuilt


def downstream(
    index: Index, subject: str, options: ChainOptions, matches: Matcher, tally: Counter[str] | None = None
) -> tuple[list[Chain], bool]:
    """Chains starting at ``subject``, built forwards one level at a time (``tally``: as for :func:`upstream`)."""
    search = _Search(index, options, matches, "regulator")
    check = _Coherent(index, False, tally) if options.coherent else None
    first = index.aliases(subject)
    frontier: list[_Partial] = [((), frozenset({subject}), subject, EMPTY)]  # steps upstream first
    found: list[Chain] = []
    explored = 0
    for depth in range(1, options.depth + 1):
        following: list[_Partial] = []
        batches = _Batches(frontier, options.budget, explored)
        for batch in batches:
            # the regulators each partial chain may continue from, with how its last target relates to them
            joins = {node: _joins(index, node) if partials[0][0] else first for node, partials in batch.items()}
            grouped = search.steps_at({r for j in joins.values() for r in j})
            for node, partials in batch.items():
                for steps, held, _, state in partials:
                    for regulator, link in joins[node].items():
                        for step in grouped.get(regulator, ()):
                            if step.target in held:
                                continue
                            explored += 1
                            # link: how the last target relates to this regulator (for a first step: none)
                            chain_steps: tuple[Step, ...] | None = (step,)
                            if steps:
                                last = search.linked(steps[-1], link)
                                chain_steps = search.add((*steps[:-1], last), step, before=False)
                            if chain_steps is None:
                                continue
                            grow = depth < options.depth
                            kept, grown_state = check.judge(state, steps, chain_steps, True, grow) if check else OPEN
                            if kept:
                                found.append(Chain(chain_steps, first[chain_steps[0].regulator], start=subject))
                            if grow and grown_state is not None:
                                held_now = held | {step.regulator, step.target}
                                following.append((chain_steps, held_now, step.target, grown_state))
                if explored > options.budget:  # per entity: one batch may hold many times the budget
                    return found, False
            batches.explored = explored
        frontier = following
    return found, True


#: A search's verdict on a chain when it checks no context: kept, and it may grow.
OPEN: tuple[bool, Coherence] = (True, EMPTY)


@dataclass(frozen=True, slots=True)
class _Coherent:
    """The context checks of a coherent search, growing chains in front (``anchor_last``: upstream) or
    behind. Each partial chain carries what its context passes on to the step that grows it (its
    coherence), so a longer chain is checked against its one new step. With ``tally``, found chains whose
    diseases disagree are left out as they are met and counted there, with the partial chains not grown."""

    index: Index
    anchor_last: bool
    tally: Counter[str] | None

    def judge(
        self, state: Coherence, before: tuple[Step, ...], after: tuple[Step, ...], keep: bool, grow: bool
    ) -> tuple[bool, Coherence]:
        """Whether chain ``after``, grown by one step from partial chain ``before`` (whose coherence is ``state``),
        is kept when found (asked when ``keep``: :meth:`kept`), and its coherence (when ``grow``: :meth:`grown`;
        else None). Where its diseases disagree, it neither is kept nor grows: :meth:`grown` would first ask
        what :meth:`kept` asked, and most chains of a large search end there."""
        carried = self.carried(state, before, after)
        if carried is None or self.tally is None:
            return (not keep or self.kept(carried, after)), (self.grown(carried, after) if grow else None)
        if diseases_follow(self.index, carried, self._new(after).diseases):  # kept, as kept() would find
            return True, (self.grown(carried, after) if grow else None)
        if keep:
            self.tally["left out"] += 1
        if grow:
            self.tally["partial chains"] += 1
        return False, None

    def carried(self, state: Coherence, before: tuple[Step, ...], after: tuple[Step, ...]) -> Coherence:
        """What partial chain ``before`` (whose coherence is ``state``) passes on to the step that grew it into
        ``after``; None when composing that step kept an earlier one to fewer assertions (another step then,
        as narrowing makes one: see :func:`exograph.reason.steps.narrowed`), so ``after`` is read whole."""
        kept = after[1:] if self.anchor_last else after[:-1]
        for a, b in zip(kept, before, strict=True):  # a loop, not any(...): asked of every chain a search meets
            if a.contexts is not b.contexts:
                return None
        return state

    def grown(self, carried: Coherence, after: tuple[Step, ...]) -> Coherence:
        """The coherence of partial chain ``after``, from what the chain it grew from passes on (``carried``),
        or None: it grows no further, as no longer chain through steps from different contexts would be
        coherent either (the chain's disease is set next to the query's subject, which growing moves away
        from). Checked without narrowing steps to their assertions (cheaper; it prunes no chain narrowing
        keeps)."""
        if carried is None:
            found = coherence(self.index, tuple(placed(s) for s in after), self.anchor_last)
        else:
            found = grown(self.index, carried, placed(self._new(after)), self.anchor_last)
        if found is None and self.tally is not None:
            self.tally["partial chains"] += 1
        return found

    def kept(self, carried: Coherence, after: tuple[Step, ...]) -> bool:
        """Whether a chain found is kept for ranking: with ``tally``, not one whose diseases disagree, which
        marking would leave out (:func:`context.diseases_agree`, read as :meth:`grown` reads it)."""
        if self.tally is None:
            return True
        if carried is None:
            agree = diseases_agree(self.index, tuple(s.diseases for s in after), self.anchor_last)
        else:
            agree = diseases_follow(self.index, carried, self._new(after).diseases)
        if not agree:
            self.tally["left out"] += 1
        return agree

    def _new(self, after: tuple[Step, ...]) -> Step:
        return after[0] if self.anchor_last else after[-1]


def _joins(index: Index, entity: str) -> dict[str, str | None]:
    """The regulators a step ending at ``entity`` may continue from, with how ``entity`` relates to each.

    The inverse of :meth:`Index.aliases`: a step reaching exosome secretion continues from a
    claim about EV secretion (broader), and one reaching RAB27A from a claim about its family;
    a step on a vesicle process continues from the vesicles it makes or takes up (a transfer).
    """
    joins: dict[str, str | None] = dict.fromkeys(index.ancestors(entity))
    for grouping, relation in index.groups.get(entity, ()):
        joins.setdefault(grouping, "member" if relation == "member" else "variant")
    for part, relation in index.parts.get(entity, ()):
        joins.setdefault(part, "family" if relation == "member" else "parent")
    for vesicle in rules.transfer_targets(index, entity):
        joins.setdefault(vesicle, rules.TRANSFER)
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
    tally: Counter[str] = Counter()
    with collector.paused():  # a search builds many objects and no cycles
        if kind == "targets":
            found, complete = downstream(index, subject, options, matches, tally)
            return _finish(kind, subject, found, complete, options, index, None, tally)
        sign = 1 if kind == "drivers" else None
        found, complete, unbuilt = upstream(index, subject, options, matches, sign, None, tally)
        return _finish(kind, subject, found, complete, options, index, None, tally, unbuilt)


def paths(index: Index, start: str, end: str, options: ChainOptions, matches: Matcher) -> Chains:
    """Every chain from ``start`` to ``end`` of at most ``options.depth`` steps."""
    tally: Counter[str] = Counter()
    with collector.paused():
        # a step taken at the last level must start at ``start`` itself, so the search never asks
        # whether an entity is a full ``depth`` steps away: the last level of reach is not needed
        distance = reachable(index, start, options.depth - 1)
        found, complete, unbuilt = upstream(index, end, options, matches, start=(start, distance), tally=tally)
        return _finish("path", start, found, complete, options, index, end, tally, unbuilt)
