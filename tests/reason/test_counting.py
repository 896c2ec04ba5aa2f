"""Counting the last level by class (compiled step shapes, compose.cut_between) gives the row-by-row count.

A long answer's last level is counted, not built (tests/reason/test_fast_search.py checks the count against
the chains built); most of it is counted by class of step, from the compiled ``step_shapes`` rather than
from each row. These tests hold the class count to the count from every row, on both chain fixtures.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from itertools import product
from typing import Any

import pytest

import exograph
from benchmarks.generate import write_curation
from exograph.api import KnowledgeGraph
from exograph.reason import chains
from exograph.reason.chains import ChainOptions, _Search
from exograph.reason.compose import TRANSFER
from exograph.reason.context import EMPTY
from exograph.reason.index import Shape
from exograph.reason.steps import group
from tests.conftest import PROJECT_ROOT


@pytest.fixture(params=["kg", "ckg"])
def graph(request: pytest.FixtureRequest) -> KnowledgeGraph:
    """The chain fixture, and the composition fixture (vesicle transfers, cargo, cells, hedges)."""
    return request.getfixturevalue(request.param)  # type: ignore[no-any-return]


def _entities(kg: KnowledgeGraph) -> list[str]:
    rows = kg.index.store.db.execute("SELECT regulator FROM steps UNION SELECT target FROM steps").fetchall()
    return sorted(key for (key,) in rows)


def test_step_shapes_are_the_shapes_of_each_regulators_steps(graph: KnowledgeGraph) -> None:
    """For each target: each distinct set of shapes one regulator's steps into it have, and how many regulators."""
    by_pair: dict[tuple[str, str], set[Shape]] = defaultdict(set)
    for r in graph.index.all_rows():
        by_pair[(r.target, r.regulator)].add(Shape(r.direction, r.aspect, r.hypothesis, r.negated, r.scope, r.cargo))
    expected = Counter((target, tuple(sorted(shapes))) for (target, _), shapes in by_pair.items())
    stored = graph.index.shapes({target for target, _ in by_pair} | {"no_such_entity"})
    assert {(t, shapes): n for t, found in stored.items() for shapes, n in found} == expected
    assert any(len(shapes) > 1 for _, shapes in expected)  # a regulator with several shapes into one target


def test_steps_between_pairs_are_the_steps_of_those_pairs(graph: KnowledgeGraph) -> None:
    every = graph.index.all_rows()
    pairs = {(r.regulator, r.target) for r in every[::3]} | {("no_such_entity", every[0].target)}
    found = graph.index.between(pairs)
    assert sorted(found) == sorted(r for r in every if (r.regulator, r.target) in pairs)
    assert found


@pytest.fixture
def counted_both_ways(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int, int]]:
    """Every count of a last level made both ways (asserted equal); yields (explored, found, nodes by class)."""
    seen: list[tuple[int, int, int]] = []
    count, by_class = _Search.count, chains._count_classes
    classed: list[int] = []

    def spy(index: Any, node: str, partials: list[Any], *rest: Any) -> tuple[int, int]:
        classed.append(len(partials))
        return by_class(index, node, partials, *rest)

    def checked(self: _Search, batch: Any, feeders: Any, sign: int | None, regulators: Any = None) -> tuple[int, int]:
        classed.clear()
        fast = count(self, batch, feeders, sign, regulators)
        rows = self._rows_into({a for node in batch for a in feeders[node]}, regulators)
        by_row = [self._count_rows(partials, feeders[node], rows, sign) for node, partials in batch.items()]
        assert fast == (sum(e for e, _ in by_row), sum(f for _, f in by_row))
        seen.append((*fast, sum(1 for n in classed if n)))
        return fast

    monkeypatch.setattr(chains, "_count_classes", spy)
    monkeypatch.setattr(_Search, "count", checked)
    return seen


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    """The project's curation, whose modifications include one its degradation speaks for (compose.spoken_for)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EXOGRAPH_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        return exograph.load(PROJECT_ROOT)


@pytest.mark.parametrize("name", ["kg", "ckg", "project"])
def test_every_node_is_counted_by_class_as_from_every_row(request: pytest.FixtureRequest, name: str) -> None:
    """Each one-row step as a partial chain, also as if its regulator acted as vesicle cargo (which only loading
    may precede), holding in turn each regulator of a step into it: counted by class as from every row, for
    every sign asked and for a path's last level (steps from a few regulators only)."""
    graph: KnowledgeGraph = request.getfixturevalue(name)
    index = graph.index
    search = _Search(index, ChainOptions(depth=2, include_hypotheses=True, include_negated=True), None, "target")
    steps = [s for s in group(index, [r for r in index.all_rows() if search.usable(r)]) if len(s.rows) == 1]
    batch: dict[str, list[Any]] = defaultdict(list)
    for step in steps:
        node = step.regulator
        into = sorted({r.regulator for r in index.rows("target", index.aliases(node))})
        as_cargo = replace(step, cargo=True, rows=(step.rows[0]._replace(cargo=True),))
        for first, holding in product((step, as_cargo), [None, *into]):
            held = frozenset({step.target, node} | ({holding} if holding else set()))
            batch[node].append(((first,), held, node, EMPTY))
    feeders = {node: index.aliases(node) for node in batch}
    some = sorted({s.regulator for s in steps})[::2]
    found = Counter[bool]()
    for sign, regulators in product((None, 1, -1), (None, some)):
        rows = search._rows_into({a for node in batch for a in feeders[node]}, regulators)
        by_row = [search._count_rows(partials, feeders[node], rows, sign) for node, partials in batch.items()]
        expected = (sum(e for e, _ in by_row), sum(f for _, f in by_row))
        assert search.count(batch, feeders, sign, regulators) == expected, (sign, regulators)
        found[regulators is None] += expected[1]
    assert found[True] > 0 and found[False] > 0


def test_chains_counted_by_class_are_counted_as_from_every_row(
    graph: KnowledgeGraph, counted_both_ways: list[tuple[int, int, int]]
) -> None:
    # only chains across contexts are counted: coherent ones are checked one by one
    every_flag = {"include_hypotheses": True, "include_negated": True}
    for name, kind, flags, depth in product(_entities(graph), ("drivers", "regulators"), ({}, every_flag), (3, 4)):
        getattr(graph, kind)(name, depth=depth, max_chains=1, across_contexts=True, **flags)
    assert sum(found for _, found, _ in counted_both_ways) > 10
    assert sum(classed for _, _, classed in counted_both_ways) > 10  # most nodes were counted by class


def test_paths_counted_by_class_are_counted_as_from_every_row(
    graph: KnowledgeGraph, counted_both_ways: list[tuple[int, int, int]]
) -> None:
    keys = _entities(graph)
    for start, end in product(keys, keys):
        if start != end:
            graph.path(start, end, max_length=3, max_chains=1, include_hypotheses=True, across_contexts=True)
    assert sum(found for _, found, _ in counted_both_ways) > 5
    assert sum(classed for _, _, classed in counted_both_ways) > 3


def test_one_row_steps_join_by_class_as_their_rows_do(graph: KnowledgeGraph) -> None:
    """Two steps of one row each, the earlier reading no cells, compose by class: exactly as composing them
    row by row (compose.follow) decides."""
    index = graph.index
    options = ChainOptions(depth=3, include_hypotheses=True, include_negated=True, include_engineered=True)
    search = _Search(index, options, None, "target")
    steps = group(index, [r for r in index.all_rows() if search.usable(r)])
    joined = cut = 0
    for step, after, link in product(steps, steps, (None, "family", "member", TRANSFER)):
        before = search.linked(step, link)
        fast, slow = search.join(before, after, link), search._join(before, after, link)
        assert fast == slow, (before.assertions, after.assertions, link)
        assert fast is None or [s.rows for s in fast] == [s.rows for s in slow]  # type: ignore[union-attr]
        joined, cut = joined + (fast is not None), cut + (fast is None)
    assert joined > 20 and cut > 20


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    """A generated curation (benchmarks/generate.py) dense enough that many regulators share a shape into a
    target and partial chains hold regulators of the steps they would take next."""
    root = tmp_path_factory.mktemp("generated")
    write_curation(root, 6000)
    return exograph.load(root)


def test_generated_chains_counted_by_class_are_counted_as_from_every_row(
    generated: KnowledgeGraph, counted_both_ways: list[tuple[int, int, int]]
) -> None:
    query = "SELECT target FROM steps GROUP BY target ORDER BY count(*) DESC, target LIMIT 4"
    busiest = [key for (key,) in generated.store.db.execute(query)]
    for name, kind in product(busiest, ("drivers", "regulators")):
        getattr(generated, kind)(name, depth=3, max_chains=1, across_contexts=True)
    for start, end in product(busiest, busiest):
        if start != end:
            generated.path(start, end, max_length=3, max_chains=1, across_contexts=True)
    assert sum(found for _, found, _ in counted_both_ways) > 500
    assert sum(classed for _, _, classed in counted_both_ways) > 100
