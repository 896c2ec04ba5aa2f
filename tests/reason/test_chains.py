"""Chain search on the fixture: sign algebra, bounds, flags, filters, ranking, paths."""

from __future__ import annotations

import pytest

from exograph.api import KnowledgeGraph
from exograph.reason.chains import compose

from .conftest import route


def by_route(result: object) -> dict[tuple[str, ...], int]:
    return {tuple(route(c)): c.sign for c in result.chains}  # type: ignore[attr-defined]


def test_sign_algebra() -> None:
    assert compose([1, -1]) == -1 and compose([-1, 1]) == -1
    assert compose([-1, -1]) == 1 and compose([1, 1, 1]) == 1
    assert compose([1, 0, -1]) == 0 and compose([0]) == 0


def test_increases_then_decreases_is_decreases(kg: KnowledgeGraph) -> None:
    signs = by_route(kg.regulators("PDCD4", depth=2))
    assert signs[("HIF1A", "miR-21", "PDCD4")] == -1


def test_decreases_then_decreases_is_increases_and_drives(kg: KnowledgeGraph) -> None:
    assert by_route(kg.regulators("PDCD4", depth=2))[("TP53", "miR-21", "PDCD4")] == 1
    drivers = by_route(kg.drivers("PDCD4", depth=3))
    assert ("TP53", "miR-21", "PDCD4") in drivers
    assert ("HIF1A", "miR-21", "PDCD4") not in drivers  # a chain of sign - does not drive
    assert set(drivers.values()) == {1}


def test_unsigned_step_makes_the_chain_unsigned(kg: KnowledgeGraph) -> None:
    signs = by_route(kg.regulators("PDCD4", depth=3))
    assert signs[("KRAS", "HIF1A", "miR-21", "PDCD4")] == 0
    assert ("KRAS", "HIF1A", "miR-21", "PDCD4") not in by_route(kg.drivers("PDCD4", depth=3))


def test_raising_degradation_lowers_the_target(kg: KnowledgeGraph) -> None:
    # KRAS increases the degradation of TP53 (-), TP53 -| miR-21 (-), miR-21 -| PDCD4 (-): overall -
    assert by_route(kg.regulators("PDCD4", depth=3))[("KRAS", "TP53", "miR-21", "PDCD4")] == -1


def test_depth_bounds_chain_length(kg: KnowledgeGraph) -> None:
    assert {len(c.steps) for c in kg.regulators("PDCD4", depth=2).chains} == {1, 2}
    assert max(len(c.steps) for c in kg.regulators("PDCD4", depth=3).chains) == 3
    with pytest.raises(ValueError, match="depth"):
        kg.regulators("PDCD4", depth=0)


def test_cut_counts_what_is_left_out(kg: KnowledgeGraph) -> None:
    every = kg.regulators("PDCD4", depth=3)
    assert every.query.cut == 0 and every.query.complete
    first_two = kg.regulators("PDCD4", depth=3, max_chains=2)
    assert first_two.chains == every.chains[:2]
    assert first_two.query.cut == len(every.chains) - 2 > 0


def test_budget_stops_search_and_says_so(kg: KnowledgeGraph) -> None:
    from exograph.query.neighbours import Filters, context_matcher
    from exograph.reason.chains import ChainOptions, chains

    matcher = context_matcher(kg.store, Filters())
    bounded = chains(kg.index, "regulators", "PDCD4", ChainOptions(depth=3, budget=2), matcher)
    assert not bounded.complete
    assert len(bounded.chains) < len(kg.regulators("PDCD4", depth=3).chains)


def test_hypotheses_and_negated_left_out_unless_asked_and_marked(kg: KnowledgeGraph) -> None:
    plain = kg.regulators("RAB27A", depth=2)
    ids = {i for c in plain.chains for i in c.assertion_ids}
    assert "mini2024-hif1a-rab27a" not in ids and "mini2024-sorafenib-rab27a" not in ids
    wide = kg.regulators("RAB27A", depth=2, include_hypotheses=True, include_negated=True)
    steps = {s.assertions: s for c in wide.chains for s in c.steps}
    assert steps[("mini2024-hif1a-rab27a",)].hypothesis
    negated = steps[("mini2024-sorafenib-rab27a",)]
    assert negated.negated and negated.sign == 0
    assert all(c.marked for c in wide.chains if {"mini2024-hif1a-rab27a"} & set(c.assertion_ids))


def test_every_step_must_match_the_filters(kg: KnowledgeGraph) -> None:
    routes = by_route(kg.regulators("PDCD4", depth=3, disease="HCC"))
    # mir-21 -| PDCD4 states no disease, so no chain through it matches HCC
    assert routes == {}
    hcc = by_route(kg.regulators("miR-21", depth=2, disease="HCC"))
    assert ("TP53", "miR-21") in hcc and ("KRAS", "TP53", "miR-21") not in hcc


def test_ranking_length_then_evidence(kg: KnowledgeGraph) -> None:
    result = kg.regulators("exosome secretion", depth=2)
    lengths = [len(c.steps) for c in result.chains]
    assert lengths == sorted(lengths)
    singles = [c for c in result.chains if len(c.steps) == 1]
    # RAB27A has two sources, one primary research: it ranks above claims from one source
    assert route(singles[0]) == ["RAB27A", "exosome_secretion"]
    assert singles[0].steps[0].evidence == (1, 2)
    # among one-source steps, primary research (chain2025) before the review (mini2024)
    order = [c.steps[0].assertions for c in singles if c.steps[0].regulator == "hypoxia"]
    assert order == [("chain2025-hypoxia-exosome-secretion",), ("mini2024-hypoxia-exosome-secretion",)]


def test_targets_go_downstream(kg: KnowledgeGraph) -> None:
    routes = by_route(kg.targets("KRAS", depth=3))
    assert routes[("KRAS", "TP53", "miR-21", "PDCD4")] == -1
    assert routes[("KRAS", "TP53")] == -1


def test_path_finds_every_chain_between_two_names(kg: KnowledgeGraph) -> None:
    result = kg.path("KRAS", "PDCD4", max_length=3)
    assert {tuple(route(c)) for c in result.chains} == {
        ("KRAS", "TP53", "miR-21", "PDCD4"),
        ("KRAS", "HIF1A", "miR-21", "PDCD4"),
    }
    assert kg.path("KRAS", "PDCD4", max_length=2).chains == ()
    assert result.query.end == "PDCD4"


def test_no_entity_twice_in_a_chain(kg: KnowledgeGraph) -> None:
    for chain in kg.regulators("exosome secretion", depth=4, include_hypotheses=True).chains:
        nodes = route(chain)
        assert len(nodes) == len(set(nodes))


def test_each_answer_names_its_query(kg: KnowledgeGraph) -> None:
    """The JSON answer (``--format json``) and the "No chains for ..." line name the query asked."""
    import json

    from exograph.reason.render import chains_json, chains_table

    for kind in ("drivers", "regulators", "targets"):
        found = getattr(kg, kind)("PDCD4", depth=2)
        assert json.loads(chains_json(found))["query"] == kind
        none = getattr(kg, kind)("fibroblast", depth=2)  # a cell type: no step starts or ends there
        assert chains_table(none, {}).startswith(f"No chains for {kind} fibroblast match.")
    assert json.loads(chains_json(kg.path("miR-21", "PDCD4")))["query"] == "path"
