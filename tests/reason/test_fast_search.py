"""The shortcuts that make chain and path queries fast give exactly the answers of the plain search."""

from __future__ import annotations

import shutil
from itertools import product
from pathlib import Path
from typing import Any

import pytest

import exograph
from benchmarks.generate import write_curation
from exograph.api import KnowledgeGraph
from exograph.reason.chains import ChainOptions, _best, _rank_key, chains, paths, reachable, upstream

from .conftest import route


def _entities(kg: KnowledgeGraph) -> list[str]:
    rows = kg.index.store.db.execute("SELECT regulator FROM steps UNION SELECT target FROM steps").fetchall()
    return sorted(key for (key,) in rows)


def test_best_is_the_head_of_the_full_ranking(kg: KnowledgeGraph) -> None:
    found, _, _ = upstream(kg.index, kg.resolve("PDCD4"), ChainOptions(depth=3), None)
    lengths = {len(c.steps) for c in found}
    assert len(lengths) > 1  # the shortcut only matters when lengths differ
    ranked = sorted(found, key=_rank_key)
    for count in range(len(found) + 2):
        assert _best(found, count) == ranked[:count]


def test_rows_among_regulators_are_the_rows_from_those_regulators(kg: KnowledgeGraph) -> None:
    index, keys = kg.index, _entities(kg)
    targets = keys[: len(keys) // 2]
    every = index.rows("target", targets)
    regulators = sorted({r.regulator for r in every})
    assert len(regulators) > 2
    # a short list of regulators (looked up by regulator) and a long one (looked up by target)
    for among in (regulators[:2], regulators[:2] + keys):
        assert index.rows("target", targets, among) == [r for r in every if r.regulator in among]


def test_targets_are_the_targets_of_the_rows(kg: KnowledgeGraph) -> None:
    keys = _entities(kg)
    assert kg.index.targets(keys[:5]) == {r.target for r in kg.index.rows("regulator", keys[:5])}


def test_drivers_are_the_regulating_chains_of_sign_plus(kg: KnowledgeGraph) -> None:
    for name in ("PDCD4", "miR-21"):
        every = kg.regulators(name, depth=3, max_chains=1000).chains
        raising = [c for c in every if c.sign == 1 and not any(s.negated for s in c.steps)]
        assert kg.drivers(name, depth=3, max_chains=1000).chains == tuple(raising)


def test_paths_are_the_upstream_chains_that_begin_at_the_start(kg: KnowledgeGraph) -> None:
    """Pruned by reach (one level short of the length), a path search still finds every chain."""
    index, keys = kg.index, _entities(kg)
    checked = 0
    for end in keys:
        everything, _, _ = upstream(index, end, ChainOptions(depth=3, coherent=False), None)
        for start in keys:
            if start == end:
                continue
            aliases = index.aliases(start)
            expected = {
                tuple(route(c))
                for c in everything
                if c.steps[0].regulator in aliases and not any(s.regulator in aliases for s in c.steps[1:])
            }
            distance = reachable(index, start, 3)
            found = paths(index, start, end, ChainOptions(depth=3, max_chains=10_000, coherent=False), None)
            assert {tuple(route(c)) for c in found.chains} == expected, (start, end)
            assert all(distance.get(c.steps[0].regulator) == 0 for c in found.chains)
            checked += bool(expected)
    assert checked > 3


@pytest.mark.parametrize("across", [True, False], ids=["across contexts", "coherent"])
def test_chains_only_counted_are_counted_as_if_built(kg: KnowledgeGraph, across: bool) -> None:
    """With few chains asked for, the last level is only counted (across contexts: coherent chains are checked
    one by one): the cut must not change."""
    counted = 0
    every_flag = {"include_hypotheses": True, "include_negated": True}
    for name, kind, flags in product(_entities(kg), ("drivers", "regulators"), ({}, every_flag)):
        every = getattr(kg, kind)(name, depth=3, max_chains=10_000, across_contexts=across, **flags)
        shorter = sum(len(c.steps) < 3 for c in every.chains)
        for shown in (1, 2):
            few = getattr(kg, kind)(name, depth=3, max_chains=shown, across_contexts=across, **flags)
            assert few.chains == every.chains[:shown]
            assert len(few.chains) + few.query.cut == len(every.chains), (kind, name, shown, flags)
            counted += shorter >= shown and len(every.chains) > shorter
    assert counted  # the counting shortcut was taken, with chains left to count


@pytest.mark.parametrize("across", [True, False], ids=["across contexts", "coherent"])
def test_paths_only_counted_are_counted_as_if_built(kg: KnowledgeGraph, across: bool) -> None:
    """A path's last level, when shorter chains fill the answer, is counted: the cut must not change."""
    keys = _entities(kg)
    counted = 0
    for start, end in product(keys, keys):
        if start == end:
            continue
        every = kg.path(start, end, max_length=3, max_chains=10_000, include_hypotheses=True, across_contexts=across)
        if not every.chains:
            continue
        shorter = sum(len(c.steps) < 3 for c in every.chains)
        for shown in (1, 2):
            few = kg.path(start, end, max_length=3, max_chains=shown, include_hypotheses=True, across_contexts=across)
            assert few.chains == every.chains[:shown]
            assert len(few.chains) + few.query.cut == len(every.chains), (start, end, shown)
            counted += shorter >= shown and len(every.chains) > shorter
    assert counted  # the counting shortcut was taken, with chains left to count


def test_a_search_forwards_stops_within_an_entity_of_its_budget(tmp_path: Path) -> None:
    """One batch of frontier entities may hold many times the budget (RAB1A's family reaches hundreds of
    chains at the third step): the search forwards checks its budget after each entity, not each batch. No
    entity here adds as many chains as the budget, so what it finds stays under twice the budget."""
    write_curation(tmp_path, 5_000)
    kg = exograph.load(tmp_path)
    for budget in (20, 50):
        options = ChainOptions(depth=3, coherent=False, max_chains=10**6, budget=budget)
        found = chains(kg.index, "targets", kg.resolve("RAB1A"), options, None)
        assert not found.complete
        assert found.chains and len(found.chains) + found.cut <= 2 * budget, budget


def test_a_search_forwards_near_its_budget_fetches_steps_only_where_it_grows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last batch of a level is sized by the budget left, at the level's pace so far: fetching the steps
    of a full batch of entities the search never reached was a fifth of a depth-3 ``targets`` at 100,000
    assertions (here, with batches that only doubled, a third to two fifths of the entities fetched)."""
    from exograph.reason.index import Index

    write_curation(tmp_path, 20_000)
    kg = exograph.load(tmp_path)
    fetched: set[str] = set()
    rows = Index.rows

    def recording(self: Index, column: str, keys: Any, regulators: Any = None, ordered: bool = True) -> Any:
        keys = set(keys)
        fetched.update(keys)
        return rows(self, column, keys, regulators, ordered)

    monkeypatch.setattr(Index, "rows", recording)
    for budget in (1_000, 2_000, 5_000):
        fetched.clear()
        options = ChainOptions(depth=3, coherent=False, max_chains=10**6, budget=budget)
        found = chains(kg.index, "targets", kg.resolve("RAB1A"), options, None)
        assert not found.complete  # the budget ran out: the case this is about
        # coherent=False: every partial chain tried that composes is found, so its regulators are those reached
        reached = {s.regulator for c in found.chains for s in c.steps}
        assert len(fetched) > 40
        assert len(fetched - reached) <= 0.1 * len(fetched), (budget, len(fetched - reached), len(fetched))


@pytest.fixture(scope="module")
def edges(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    """The composition fixture plus tests/fixtures/counting: steps into the last level counted that composition
    cuts or keeps for reasons other than their class alone (see the test below)."""
    from tests.conftest import FIXTURES

    root = tmp_path_factory.mktemp("counting")
    for tree in ("mini", "reason", "compose", "counting"):
        shutil.copytree(FIXTURES / tree, root, dirs_exist_ok=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EXOGRAPH_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        return exograph.load(root)


@pytest.mark.parametrize(
    "subject",
    [
        # TP53_GOF_mutant -> exosome_secretion pools two findings: KRAS -> TP53 (its gene, a parent link) is cut
        "exosome_secretion",
        # a subtype shift of exosome secretion, cargo loading of a process: say nothing of what follows; the
        # degradation of RAB11a-positive exosomes or of large oncosomes: a class (exosome, microvesicle) joins
        # two steps only through a transfer, and these vesicles act in their own right (no cargo)
        "angiogenesis",
        # HIF1A -> hypoxic microenvironment in its own cells and as exosomal cargo, each on two findings: loading
        # HIF1A composes only into the cargo effect, its amount and degradation only into the other
        "hypoxic_microenvironment",
        # RAB35 -> secreted exosomes (filed under exosome secretion too) reaches exosomes at large only through the
        # finding in HepG2 cells: HIF1A -> RAB35, in Huh7 cells, keeps the other finding and is cut further on
        "SYTL1",
    ],
)
def test_chains_counted_where_composition_reads_more_than_a_class_are_counted_as_built(
    edges: KnowledgeGraph, subject: str
) -> None:
    counted = 0
    for kind, depth in product(("drivers", "regulators"), (2, 3)):
        every = getattr(edges, kind)(subject, depth=depth, max_chains=10_000, across_contexts=True)
        shorter = sum(len(c.steps) < depth for c in every.chains)
        for shown in (1, 2):
            few = getattr(edges, kind)(subject, depth=depth, max_chains=shown, across_contexts=True)
            assert few.chains == every.chains[:shown]
            assert len(few.chains) + few.query.cut == len(every.chains), (kind, depth, shown)
            counted += shorter >= shown
    assert counted > 4  # the last level was counted, not built


def test_searches_forwards_and_backwards_find_the_same_chains_joined_alike(edges: KnowledgeGraph) -> None:
    """Every two-step chain is found from where it starts (targets) and from where it ends (regulators), its
    steps joined by the same link: a family and its members, a gene and its variant, a narrower concept, a
    transfer of vesicles. A chain is named by its steps, not their assertions: marking keeps a pooled step to the
    assertions in the disease set nearest the query's subject, which differs by the end asked from (RAB27B ->
    RAB35 -> PDCD4: read from RAB27B's end, gastric cancer keeps RAB35's finding that states no disease; from
    PDCD4's, the pooled step sets lung cancer and is kept whole)."""
    keys = _entities(edges)
    flags = {"depth": 2, "max_chains": 10_000, "across_contexts": True, "include_hypotheses": True}

    def joined(kind: str) -> set[tuple[tuple[tuple[str, str, bool], ...], str | None]]:
        return {
            (tuple((s.regulator, s.target, s.cargo) for s in c.steps), c.steps[0].target_link)
            for key in keys
            for c in getattr(edges, kind)(key, **flags).chains
            if len(c.steps) == 2
        }

    forwards = joined("targets")
    assert forwards == joined("regulators")
    assert {link for _, link in forwards} == {None, "family", "member", "variant", "transfer"}


def test_chains_of_one_length_rank_primary_research_before_more_sources(edges: KnowledgeGraph) -> None:
    """Into angiogenesis, one step each: exosomes' effect in one primary study ranks before HIF-1a's, stated by
    two reviews (the weakest step's evidence: primary research first, then the number of distinct sources)."""
    ranked = [c.assertion_ids for c in edges.regulators("angiogenesis", depth=1, across_contexts=True).chains]
    primary = ranked.index(["count2025-exosome-angiogenesis"])
    assert primary < ranked.index(["review2025a-hif1a-angiogenesis", "review2025b-hif1a-angiogenesis"])


@pytest.mark.parametrize("kind", ["drivers", "regulators", "targets"])
def test_the_default_answer_is_the_unmarked_chains_across_contexts_for_every_entity(
    edges: KnowledgeGraph, kind: str
) -> None:
    """A coherent search leaves chains out as it meets them (its quick checks) and then marks the rest
    (``_finish``): for every entity of the counting fixture, what it keeps is exactly what the same query across
    contexts returns unmarked, and what it says it left out counts the marked chains of the answer's own kind
    (a lower bound only where it says so). Drivers count only chains of sign +: a chain of the other sign whose
    diseases disagree is not a driver left out."""
    checked = left_out = 0
    for subject in _entities(edges):
        coherent = getattr(edges, kind)(subject, depth=3, max_chains=10_000).query
        across = getattr(edges, kind)(subject, depth=3, max_chains=10_000, across_contexts=True).query
        assert across.other_contexts == 0
        unmarked = tuple(c for c in across.chains if c.coherent)
        assert coherent.chains == unmarked, subject
        marked = len(across.chains) - len(unmarked)
        # a step names the transfer it passes through, or none (not an empty one: "transfer": [] in JSON)
        assert all(s.via is None or (isinstance(s.via, str) and s.via) for c in across.chains for s in c.steps)
        assert 0 <= coherent.other_contexts <= marked, subject
        assert coherent.other_contexts == marked or not coherent.other_contexts_complete, subject
        checked, left_out = checked + len(unmarked), left_out + marked
        # a one-step partial chain always grows (a step alone agrees with itself), so a two-step search prunes
        # nothing and its count is exact: the chains its last level leaves out are counted, never grown
        assert getattr(edges, kind)(subject, depth=2).query.other_contexts_complete, subject
    assert checked > 50 and left_out > 5  # the fixture has chains of both sorts for this kind


def test_a_chain_found_without_the_composition_rules_is_kept_to_its_disease_without_them(
    edges: KnowledgeGraph,
) -> None:
    """why-not searches without the composition rules to say which one cut a chain. AKT -> RAB27B -> loading
    HIF1A -> SYTL1: read from SYTL1's end the chain is in gastric cancer, and the loading step keeps its finding
    that states no disease (not the one in lung cancer). Composed again, loading would not reach HIF1A's own
    effect: the chain would be kept whole and marked, and a coherent search would lose it."""
    hif1a = ["AKT", "RAB27B", "HIF1A", "SYTL1"]
    for coherent in (True, False):
        options = ChainOptions(depth=3, max_chains=100, compose=False, coherent=coherent)
        (chain,) = [c for c in paths(edges.index, "AKT", "SYTL1", options, None).chains if route(c) == hif1a]
        assert chain.coherent and chain.steps[1].assertions == ("count2025-rab27b-hif1a-loading",)
    composed = paths(edges.index, "AKT", "SYTL1", ChainOptions(depth=3, max_chains=100, coherent=False), None)
    assert [c for c in composed.chains if route(c) == hif1a] == []
    # ... which why-not counts as cut by a composition rule
    rule = [c for c in edges.why_not("AKT", "SYTL1", max_length=3).query.cuts if c.reason == "a composition rule"]
    assert rule and rule[0].count >= 1


@pytest.mark.parametrize("kind", ["targets", "regulators"])
def test_batches_decide_how_steps_are_fetched_never_what_is_found(
    edges: KnowledgeGraph, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """A level's frontier is fetched in batches that grow (FIRST_BATCH doubling up to BATCH): a search that
    finishes finds exactly what one batch of every entity finds, each chain once. Batches of one entity, then
    two, so that every frontier of the counting fixture is split."""
    import exograph.reason.chains as module

    options = ChainOptions(depth=3, coherent=False, max_chains=10**6)
    monkeypatch.setattr(module, "FIRST_BATCH", 1)
    monkeypatch.setattr(module, "BATCH", 2)
    batched = {key: chains(edges.index, kind, key, options, None) for key in _entities(edges)}
    monkeypatch.setattr(module, "FIRST_BATCH", 10**6)
    monkeypatch.setattr(module, "BATCH", 10**6)
    for key, answer in batched.items():
        assert answer.complete and len({tuple(c.assertion_ids) for c in answer.chains}) == len(answer.chains), key
        assert answer.chains == chains(edges.index, kind, key, options, None).chains, key
    # the widest frontier a search grew from (the far ends of its two-step chains): several batches
    ends = [
        {c.steps[-1].target if kind == "targets" else c.steps[0].regulator for c in a.chains if len(c.steps) == 2}
        for a in batched.values()
    ]
    assert max(len(e) for e in ends) >= 4


def test_two_pooled_steps_keep_the_findings_whose_cells_agree(edges: KnowledgeGraph) -> None:
    """AKT -> VHL (two findings in tumour cells) -> SYTL1 (one in tumour cells, one in fibroblasts): the chain
    rests on VHL's finding in tumour cells, found from either end (a pair of steps with one finding each is
    decided by their classes alone; any other pair is composed finding by finding)."""
    for answer in (
        edges.regulators("SYTL1", depth=2, across_contexts=True),
        edges.targets("AKT", depth=2, across_contexts=True),
    ):
        (chain,) = [c for c in answer.chains if route(c) == ["AKT", "VHL", "SYTL1"]]
        assert chain.steps[0].assertions == ("count2025-akt-vhl-amount", "count2025-akt-vhl-protein")
        assert chain.steps[1].assertions == ("count2025-vhl-sytl1-breast-cancer",)


def test_a_modification_its_degradation_speaks_for_is_no_step(edges: KnowledgeGraph) -> None:
    """AKT ubiquitinated RAB35 for proteasomal degradation, curated as both: chains go through the degradation
    (signed) only, from either end; VHL's ubiquitination of HIF1A, quoted apart from its degradation, stays a step."""
    flags = {"depth": 2, "max_chains": 10_000, "across_contexts": True}
    for answer in (edges.targets("AKT", **flags), edges.regulators("secreted_exosome", **flags)):
        through = [s.aspects for c in answer.chains for s in c.steps if (s.regulator, s.target) == ("AKT", "RAB35")]
        assert through and all(aspects == ("degradation",) for aspects in through), through
    vhl = [s.aspects for c in edges.targets("VHL", **flags).chains for s in c.steps if s.target == "HIF1A"]
    assert ("ubiquitination",) in vhl and ("degradation",) in vhl


def test_a_source_filter_keeps_the_chains_whose_every_step_is_from_that_source(edges: KnowledgeGraph) -> None:
    """--source holds for every step of a chain, from either end (a filter reads each row's source as well as
    its context)."""
    for kind, subject in (("targets", "AKT"), ("regulators", "SYTL1"), ("regulators", "HIF1A")):
        every = getattr(edges, kind)(subject, depth=2, max_chains=10_000, across_contexts=True).chains
        only = getattr(edges, kind)(subject, depth=2, max_chains=10_000, across_contexts=True, source="count2025")
        assert only.chains, (kind, subject)
        assert {s for c in only.chains for st in c.steps for s in st.sources} == {"count2025"}
        assert len(only.chains) < len(every), (kind, subject)  # other sources' chains are left out
