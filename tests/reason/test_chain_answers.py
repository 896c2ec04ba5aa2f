"""Chain search's whole answer on the tiny fixture: which chains, in which order, with which sign, links and
hedges; how many are cut for each number shown; what a budget, coherence or a filter leaves out.

Each answer is read off the fixture's claims by hand (the comments say why), so any search that finds the
same chains, however it finds them, passes; one that drops, adds, reorders or mis-signs a chain does not.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from exograph.api import ChainResult, KnowledgeGraph
from exograph.reason.chains import Chain, ChainOptions, Chains, chains, paths


def read(chain: Chain) -> str:
    """A chain as one line: its steps (each with how its target joins the next), sign, hedge, and * if marked."""
    start = f"({chain.start_link}) " if chain.start_link else ""
    steps = " ".join(
        f"{s.regulator}>{s.target}" + (f" ({s.target_link})" if s.target_link else "") for s in chain.steps
    )
    sign = {1: "+", -1: "-", 0: "0"}[chain.sign]
    return f"{start}{steps} {sign}" + (f" {chain.hedge}" if chain.hedge else "") + (" *" if chain.marked else "")


def answer(result: ChainResult) -> list[str]:
    return [read(c) for c in result.chains]


Query = Callable[..., ChainResult]

#: Each query, by what it asks, and every chain it answers, best first.
ANSWERS: dict[str, tuple[Callable[[KnowledgeGraph], Query], list[str]]] = {
    # miR-21 -| PDCD4 in two sources (two steps: one primary, one review); upstream HIF1A (+) and TP53 (-) on
    # miR-21; hypoxia (+) on HIF1A; KRAS regulates HIF1A (no sign) and raises TP53's degradation (-)
    "regulators PDCD4, 3 steps": (
        lambda kg: lambda **o: kg.regulators("PDCD4", depth=3, **o),
        [
            "miR-21>PDCD4 -",
            "miR-21>PDCD4 -",
            "HIF1A>miR-21 miR-21>PDCD4 -",
            "TP53>miR-21 miR-21>PDCD4 +",
            "hypoxia>HIF1A HIF1A>miR-21 miR-21>PDCD4 -",
            "KRAS>HIF1A HIF1A>miR-21 miR-21>PDCD4 0",
            "KRAS>TP53 TP53>miR-21 miR-21>PDCD4 -",
        ],
    ),
    "drivers PDCD4, 3 steps": (
        lambda kg: lambda **o: kg.drivers("PDCD4", depth=3, **o),
        ["TP53>miR-21 miR-21>PDCD4 +"],
    ),
    # with hypotheses (HIF1A may drive RAB27A) and negated findings (sorafenib does not change RAB27A); the
    # family RAB27 joins its member RAB27A both ways, marked
    "regulators exosome secretion, 2 steps, every finding": (
        lambda kg: (
            lambda **o: kg.regulators("exosome secretion", depth=2, include_hypotheses=True, include_negated=True, **o)
        ),
        [
            "RAB27A>exosome_secretion +",
            "hypoxia>exosome_secretion -",
            "RAB27>exosome_secretion +",
            "TP53>exosome_secretion +",
            "hypoxia>exosome_secretion +",
            "sorafenib>RAB27 (family) RAB27A>exosome_secretion + *",
            "KRAS>TP53 TP53>exosome_secretion -",
            "sorafenib>RAB27 RAB27>exosome_secretion +",
            "HIF1A>RAB27A RAB27A>exosome_secretion + may *",
            "sorafenib>RAB27A RAB27A>exosome_secretion 0 does not *",
            "HIF1A>RAB27A (member) RAB27>exosome_secretion + may *",
            "sorafenib>RAB27A (member) RAB27>exosome_secretion 0 does not *",
        ],
    ),
    # a broad process gathers its narrower one: EV secretion and exosome secretion
    "regulators EV secretion, 2 steps": (
        lambda kg: lambda **o: kg.regulators("ev_secretion", depth=2, **o),
        [
            "RAB27A>exosome_secretion +",
            "hypoxia>exosome_secretion -",
            "RAB27>exosome_secretion +",
            "TP53>ev_secretion -",
            "TP53>exosome_secretion +",
            "hypoxia>exosome_secretion +",
            "sorafenib>RAB27 (family) RAB27A>exosome_secretion + *",
            "KRAS>TP53 TP53>ev_secretion +",
            "KRAS>TP53 TP53>exosome_secretion -",
            "sorafenib>RAB27 RAB27>exosome_secretion +",
        ],
    ),
    "targets KRAS, 3 steps": (
        lambda kg: lambda **o: kg.targets("KRAS", depth=3, **o),
        [
            "KRAS>HIF1A 0",
            "KRAS>TP53 -",
            "KRAS>HIF1A HIF1A>miR-21 0",
            "KRAS>TP53 TP53>ev_secretion +",
            "KRAS>TP53 TP53>exosome_secretion -",
            "KRAS>TP53 TP53>miR-21 +",
            "KRAS>HIF1A HIF1A>miR-21 miR-21>PDCD4 0",
            "KRAS>TP53 TP53>miR-21 miR-21>PDCD4 -",
        ],
    ),
    "targets hypoxia, 3 steps": (
        lambda kg: lambda **o: kg.targets("hypoxia", depth=3, **o),
        [
            "hypoxia>exosome_secretion -",
            "hypoxia>HIF1A +",
            "hypoxia>exosome_secretion +",
            "hypoxia>HIF1A HIF1A>miR-21 +",
            "hypoxia>HIF1A HIF1A>miR-21 miR-21>PDCD4 -",
        ],
    ),
    # a family's targets include its members' (marked), a member's its family's
    "targets RAB27": (
        lambda kg: lambda **o: kg.targets("RAB27", depth=2, **o),
        ["(member) RAB27A>exosome_secretion + *", "RAB27>exosome_secretion +"],
    ),
    "targets RAB27A": (
        lambda kg: lambda **o: kg.targets("RAB27A", depth=2, **o),
        ["RAB27A>exosome_secretion +", "(family) RAB27>exosome_secretion + *"],
    ),
    "path KRAS to exosome secretion": (
        lambda kg: lambda **o: kg.path("KRAS", "exosome secretion", max_length=3, **o),
        ["KRAS>TP53 TP53>exosome_secretion -"],
    ),
    "path KRAS to PDCD4": (
        lambda kg: lambda **o: kg.path("KRAS", "PDCD4", max_length=3, **o),
        ["KRAS>HIF1A HIF1A>miR-21 miR-21>PDCD4 0", "KRAS>TP53 TP53>miR-21 miR-21>PDCD4 -"],
    ),
    "path RAB27 to exosome secretion": (
        lambda kg: lambda **o: kg.path("RAB27", "exosome secretion", max_length=2, **o),
        ["(member) RAB27A>exosome_secretion + *", "RAB27>exosome_secretion +"],
    ),
    "path sorafenib to exosome secretion": (
        lambda kg: lambda **o: kg.path("sorafenib", "exosome secretion", max_length=2, **o),
        ["sorafenib>RAB27 (family) RAB27A>exosome_secretion + *", "sorafenib>RAB27 RAB27>exosome_secretion +"],
    ),
}


@pytest.mark.parametrize("name", ANSWERS)
def test_every_chain_in_rank_order(kg: KnowledgeGraph, name: str) -> None:
    ask, expected = ANSWERS[name]
    result = ask(kg)(across_contexts=True)  # every chain that composes; coherence is tested on its own below
    assert answer(result) == expected
    assert (result.query.cut, result.query.complete) == (0, True)


@pytest.mark.parametrize("name", ANSWERS)
def test_the_first_chains_and_how_many_were_cut(kg: KnowledgeGraph, name: str) -> None:
    ask, expected = ANSWERS[name]
    for shown in range(1, len(expected) + 2):
        result = ask(kg)(max_chains=shown, across_contexts=True)
        assert answer(result) == expected[:shown], shown
        assert result.query.cut == max(len(expected) - shown, 0), shown
        assert result.query.complete


def test_a_budget_stops_the_search_and_says_so(kg: KnowledgeGraph) -> None:
    """Past its budget of partial chains a search stops: what it found is part of the answer, never more, and
    the answer says it is incomplete (so its count of cut chains is a lower bound)."""
    index, pdcd4, kras = kg.index, kg.resolve("PDCD4"), kg.resolve("KRAS")
    searches = {
        "regulators": lambda o: chains(index, "regulators", pdcd4, o, None),
        "drivers": lambda o: chains(index, "drivers", pdcd4, o, None),
        "targets": lambda o: chains(index, "targets", kras, o, None),
        "path": lambda o: paths(index, kras, pdcd4, o, None),
    }
    for kind, search in searches.items():
        full = search(ChainOptions(depth=3))
        assert full.complete and search(ChainOptions(depth=3, budget=10**6)).complete, kind
        bounded = search(ChainOptions(depth=3, budget=1))
        assert not bounded.complete, kind
        assert {read(c) for c in bounded.chains} <= {read(c) for c in full.chains}, kind
        assert len(bounded.chains) < len(full.chains), kind


def test_no_chain_asked_for_cuts_them_all(kg: KnowledgeGraph) -> None:
    for kind, name in (("regulators", "PDCD4"), ("targets", "KRAS"), ("drivers", "PDCD4")):
        found = chains(kg.index, kind, kg.resolve(name), ChainOptions(depth=3, max_chains=0), None)
        every = chains(kg.index, kind, kg.resolve(name), ChainOptions(depth=3), None)
        assert found.chains == () and found.cut == len(every.chains) > 0, kind


def test_coherent_chains_are_counted_among_themselves(kg: KnowledgeGraph) -> None:
    """hypoxia > HIF1A holds in breast cancer, HIF1A > miR-21 in hepatocellular carcinoma: not coherent."""
    _, expected = ANSWERS["regulators PDCD4, 3 steps"]
    coherent = [c for c in expected if not c.startswith("hypoxia")]
    assert answer(kg.regulators("PDCD4", depth=3)) == coherent  # the default
    assert answer(kg.regulators("PDCD4", depth=3, coherent=True)) == coherent  # its old spelling
    few = kg.regulators("PDCD4", depth=3, max_chains=2)
    assert answer(few) == coherent[:2] and few.query.cut == len(coherent) - 2
    every = kg.regulators("PDCD4", depth=3, across_contexts=True)
    assert [c.coherent for c in every.chains] == [not c.startswith("hypoxia") for c in expected]


def test_a_filter_holds_for_every_step(kg: KnowledgeGraph) -> None:
    """Only TP53 -| miR-21 and HIF1A > miR-21 state hepatocellular carcinoma; their upstream steps do not."""
    assert answer(kg.regulators("miR-21", depth=3, disease="HCC")) == ["HIF1A>miR-21 +", "TP53>miR-21 -"]
    assert answer(kg.regulators("miR-21", depth=3, disease="HCC", max_chains=1)) == ["HIF1A>miR-21 +"]
    assert kg.regulators("miR-21", depth=3, disease="HCC", max_chains=1).query.cut == 1
    # downstream as upstream: TP53's other steps, and miR-21 > PDCD4 after it, state no disease
    assert answer(kg.targets("TP53", depth=2, disease="HCC")) == ["TP53>miR-21 -"]


def test_what_a_chain_says_of_itself(kg: KnowledgeGraph) -> None:
    every = kg.regulators("exosome secretion", depth=2, include_hypotheses=True, include_negated=True).chains
    by_reading = {read(c): c for c in every}
    family = by_reading["sorafenib>RAB27 (family) RAB27A>exosome_secretion + *"]
    assert family.joins == ["RAB27A", "exosome_secretion"]
    assert family.assertion_ids == [
        "chain2025-sorafenib-rab27",
        "chain2025-rab27a-exosome-secretion",
        "mini2024-rab27a-exosome-secretion",
    ]
    assert family.unsigned_because is None and family.sign == 1
    negated = by_reading["sorafenib>RAB27A RAB27A>exosome_secretion 0 does not *"]
    assert negated.unsigned_because == "a negated finding says there is no change"
    unsigned = kg.targets("KRAS", depth=2).chains[0]
    assert read(unsigned) == "KRAS>HIF1A 0"
    assert unsigned.unsigned_because == "the finding states no direction (regulates)"
    assert unsigned.joins == [None]  # a targets query names no end
    assert (unsigned.start, unsigned.end) == ("KRAS", None)  # ... but its start
    regulating = kg.regulators("PDCD4", depth=1).chains[0]
    assert (regulating.start, regulating.end) == (None, "PDCD4")
    path = kg.path("KRAS", "PDCD4", max_length=3).chains[0]
    assert path.joins == ["HIF1A", "miR-21", "PDCD4"] and (path.start, path.end) == ("KRAS", "PDCD4")


DEEPEST: dict[str, Callable[..., ChainResult]] = {
    "regulators PDCD4": lambda kg, d, **o: kg.regulators("PDCD4", depth=d, **o),
    "regulators exosome secretion": lambda kg, d, **o: kg.regulators(
        "exosome secretion", depth=d, include_hypotheses=True, include_negated=True, **o
    ),
    "targets KRAS": lambda kg, d, **o: kg.targets("KRAS", depth=d, **o),
    "targets hypoxia": lambda kg, d, **o: kg.targets("hypoxia", depth=d, **o),
    "targets sorafenib": lambda kg, d, **o: kg.targets("sorafenib", depth=d, **o),
    "path KRAS to PDCD4": lambda kg, d, **o: kg.path("KRAS", "PDCD4", max_length=d, **o),
    "path hypoxia to PDCD4": lambda kg, d, **o: kg.path("hypoxia", "PDCD4", max_length=d, **o),
    "path sorafenib to exosome secretion": lambda kg, d, **o: kg.path(
        "sorafenib", "exosome secretion", max_length=d, **o
    ),
}


@pytest.mark.parametrize("across", [True, False], ids=["across contexts", "coherent"])
@pytest.mark.parametrize("name", DEEPEST)
def test_a_shallower_query_answers_the_deeper_ones_short_chains(kg: KnowledgeGraph, name: str, across: bool) -> None:
    """Depth bounds the chains and nothing else: the answer at depth d is the answer at depth 4 without the
    chains longer than d, in the same order (coherent chains, the default, and across contexts)."""
    ask = DEEPEST[name]
    deepest = ask(kg, 4, across_contexts=across).chains
    if across:  # every query here has a chain of two steps or more (coherent ones may not)
        assert max(len(c.steps) for c in deepest) >= 2
    for depth in range(1, 4):
        shallower = ask(kg, depth, across_contexts=across)
        assert answer(shallower) == [read(c) for c in deepest if len(c.steps) <= depth], depth


def test_a_path_holds_to_its_filters(kg: KnowledgeGraph) -> None:
    """hypoxia > HIF1A is stated in breast cancer, HIF1A > miR-21 in hepatocellular carcinoma."""
    assert kg.path("hypoxia", "PDCD4", max_length=3).chains == ()  # not coherent: left out by default
    chain = ["hypoxia>HIF1A HIF1A>miR-21 miR-21>PDCD4 -"]
    assert answer(kg.path("hypoxia", "PDCD4", max_length=3, across_contexts=True)) == chain
    assert kg.path("hypoxia", "PDCD4", max_length=3, disease="breast cancer").chains == ()
    assert answer(kg.path("hypoxia", "miR-21", max_length=2, disease="HCC")) == []
    assert answer(kg.path("HIF1A", "miR-21", max_length=2, disease="HCC")) == ["HIF1A>miR-21 +"]


@pytest.fixture
def loop(chain_root: Path) -> KnowledgeGraph:
    """The chain fixture with a loop: PDCD4 raises miR-21 (which lowers PDCD4), and HIF1A."""
    import exograph
    from tests.curation.lint.conftest import Tree

    tree = Tree(chain_root)
    tree.add_text("PDCD4 raised miR-21 levels. PDCD4 raised HIF1A levels.")
    tree.add_assertion("a-pdcd4-mir21", "PDCD4", "miR-21", "PDCD4 raised miR-21 levels.")
    tree.add_assertion("b-pdcd4-hif1a", "PDCD4", "HIF1A", "PDCD4 raised HIF1A levels.")
    return exograph.load(chain_root)


def test_no_entity_twice_and_the_way_past_a_loop(loop: KnowledgeGraph) -> None:
    """Past PDCD4 the loop back to miR-21 is closed (miR-21 is in the chain), the way on to HIF1A is not."""
    assert answer(loop.targets("TP53", depth=3)) == [
        "TP53>ev_secretion -",
        "TP53>exosome_secretion +",
        "TP53>miR-21 -",
        "TP53>miR-21 miR-21>PDCD4 +",
        "TP53>miR-21 miR-21>PDCD4 PDCD4>HIF1A +",
    ]
    assert answer(loop.regulators("HIF1A", depth=3)) == [
        "hypoxia>HIF1A +",
        "KRAS>HIF1A 0",
        "PDCD4>HIF1A +",
        "miR-21>PDCD4 PDCD4>HIF1A -",
        "miR-21>PDCD4 PDCD4>HIF1A -",
        "TP53>miR-21 miR-21>PDCD4 PDCD4>HIF1A +",
    ]
    assert answer(loop.path("TP53", "HIF1A", max_length=3)) == ["TP53>miR-21 miR-21>PDCD4 PDCD4>HIF1A +"]


BUDGETED: dict[str, tuple[Callable[[KnowledgeGraph, int], Chains], int]] = {
    # hypoxia's three steps
    "targets hypoxia, 1 step": (lambda kg, b: chains(kg.index, "targets", "hypoxia", _across(1, b), None), 3),
    # KRAS's two steps, then HIF1A's one and TP53's three
    "targets KRAS, 2 steps": (lambda kg, b: chains(kg.index, "targets", "KRAS", _across(2, b), None), 6),
    # HIF1A > miR-21 and TP53 > miR-21, then hypoxia and KRAS into HIF1A, KRAS into TP53
    "regulators miR-21, 2 steps": (lambda kg, b: chains(kg.index, "regulators", "miR-21", _across(2, b), None), 5),
    # the same five tried (three of them of sign +), and counted rather than built past the first chain
    "drivers miR-21, 2 steps": (lambda kg, b: chains(kg.index, "drivers", "miR-21", _across(2, b), None), 5),
    "regulators miR-21, 2 steps, one shown": (
        lambda kg, b: chains(kg.index, "regulators", "miR-21", _across(2, b, max_chains=1), None),
        5,
    ),
    # HIF1A and TP53 into miR-21 (both one step from KRAS), then KRAS into each
    "path KRAS to miR-21": (lambda kg, b: paths(kg.index, "KRAS", "miR-21", _across(2, b), None), 4),
    "path KRAS to miR-21, one shown": (
        lambda kg, b: paths(kg.index, "KRAS", "miR-21", _across(2, b, max_chains=1), None),
        4,
    ),
}


def _across(depth: int, budget: int, **options: Any) -> ChainOptions:
    return ChainOptions(depth=depth, budget=budget, coherent=False, **options)


@pytest.mark.parametrize("name", BUDGETED)
def test_the_budget_counts_each_partial_chain_tried_once(kg: KnowledgeGraph, name: str) -> None:
    """A budget of as many partial chains as a search tries (read off the fixture by hand) lets it finish; one
    less stops it, and the answer says so."""
    search, tried = BUDGETED[name]
    assert search(kg, tried).complete
    assert not search(kg, tried - 1).complete


def test_coherent_search_says_when_it_stopped_growing_chains_from_different_contexts(kg: KnowledgeGraph) -> None:
    """hypoxia > HIF1A (breast cancer) then HIF1A > miR-21 (HCC) is left out of a coherent answer: counted, and,
    when a longer query would grow it further, not grown, so the count is a lower bound (and says so)."""
    two = kg.targets("hypoxia", depth=2).query
    assert (two.other_contexts, two.other_contexts_complete) == (1, True)  # the last level: nothing ungrown
    three = kg.targets("hypoxia", depth=3).query
    # the three-step chain on to PDCD4 is never built: still one left out, and "at least"
    assert (three.other_contexts, three.other_contexts_complete) == (1, False)
    assert [read(c) for c in three.chains] == [read(c) for c in two.chains]
    upstream = kg.regulators("PDCD4", depth=3).query  # hypoxia > HIF1A > miR-21 > PDCD4: the last level
    assert (upstream.other_contexts, upstream.other_contexts_complete) == (1, True)
    deeper = kg.regulators("miR-21", depth=3).query  # hypoxia > HIF1A > miR-21 grows no further
    assert (deeper.other_contexts, deeper.other_contexts_complete) == (1, False)


#: A cascade for the narrowing tests, and each gene's HGNC id.
CASCADE = {"EGFR": "HGNC:3236", "AKT1": "HGNC:391", "STAT3": "HGNC:11364", "MYC": "HGNC:7553", "CCND1": "HGNC:1582"}


def _cascade(chain_root: Path, contexts: dict[str, list[dict[str, list[str]]]]) -> KnowledgeGraph:
    """The chain fixture with the first steps of EGFR > AKT1 > STAT3 > MYC > CCND1, each step pooling one finding
    per context listed for it (``contexts``: the step's name, e.g. "egfr-akt1", to its findings' contexts, each
    named by its first five letters: "egfr-akt1-fibro", or none); a step not listed is left out."""
    import exograph
    from tests.curation.lint.conftest import Tree

    tree = Tree(chain_root)
    for gene, curie in CASCADE.items():
        tree.add_entity(gene, curie, "gene")
    for regulator, target in pairwise(CASCADE):
        name = f"{regulator}-{target}".lower()
        for context in contexts.get(name, ()):
            where = next(iter(context.values()), [""])[0]  # no context: no cells, no disease
            quote = f"{regulator} raised {target} levels" + (f" in {where.replace('_', ' ')}." if where else ".")
            tree.add_text(quote)
            key = f"{name}-{where[:5].strip('_')}" if where else name
            tree.add_assertion(key, regulator, target, quote, **({"context": context} if context else {}))
    return exograph.load(chain_root)


def _pooled(chain_root: Path, cells: dict[str, tuple[str, ...]]) -> KnowledgeGraph:
    """:func:`_cascade` with one finding per cell type listed for each step (fibroblast or malignant_cell)."""
    return _cascade(chain_root, {name: [{"cell_types": [c]} for c in types] for name, types in cells.items()})


def _ids(result: ChainResult, route: list[str]) -> list[list[str]]:
    """The assertions of each step of the chain along ``route`` (entities, first to last)."""
    (chain,) = [c for c in result.chains if [c.steps[0].regulator, *(s.target for s in c.steps)] == route]
    return [[i.removeprefix("mini2024-") for i in s.assertions] for s in chain.steps]


BOTH = ("fibroblast", "malignant_cell")


def test_a_step_put_before_narrows_every_later_step_to_the_cells_that_agree(chain_root: Path) -> None:
    """Built upstream from MYC: AKT1 > STAT3 > MYC keeps both findings of each step (fibroblasts to fibroblasts,
    tumour cells to tumour cells); EGFR > AKT1, found only in fibroblasts, narrows AKT1 > STAT3 to fibroblasts,
    and that narrows STAT3 > MYC in turn: the whole chain is about fibroblasts."""
    kg = _pooled(chain_root, {"egfr-akt1": ("fibroblast",), "akt1-stat3": BOTH, "stat3-myc": BOTH})
    route = ["AKT1", "STAT3", "MYC"]
    two = [["akt1-stat3-fibro", "akt1-stat3-malig"], ["stat3-myc-fibro", "stat3-myc-malig"]]
    fibroblasts = [["egfr-akt1-fibro"], ["akt1-stat3-fibro"], ["stat3-myc-fibro"]]
    for across in (True, False):
        assert _ids(kg.regulators("MYC", depth=3, across_contexts=across), route) == two
        assert _ids(kg.regulators("MYC", depth=3, across_contexts=across), ["EGFR", *route]) == fibroblasts
        assert _ids(kg.path("EGFR", "MYC", max_length=3, across_contexts=across), ["EGFR", *route]) == fibroblasts
        assert _ids(kg.targets("EGFR", depth=3, across_contexts=across), ["EGFR", *route]) == fibroblasts


def test_a_step_put_after_narrows_every_earlier_step_to_the_cells_that_agree(chain_root: Path) -> None:
    """The mirror image, built downstream from EGFR: STAT3 > MYC, found only in fibroblasts, narrows the steps
    before it back to EGFR."""
    kg = _pooled(chain_root, {"egfr-akt1": BOTH, "akt1-stat3": BOTH, "stat3-myc": ("fibroblast",)})
    route = ["EGFR", "AKT1", "STAT3"]
    two = [["egfr-akt1-fibro", "egfr-akt1-malig"], ["akt1-stat3-fibro", "akt1-stat3-malig"]]
    fibroblasts = [["egfr-akt1-fibro"], ["akt1-stat3-fibro"], ["stat3-myc-fibro"]]
    for across in (True, False):
        assert _ids(kg.targets("EGFR", depth=3, across_contexts=across), route) == two
        assert _ids(kg.targets("EGFR", depth=3, across_contexts=across), [*route, "MYC"]) == fibroblasts
        assert _ids(kg.regulators("MYC", depth=3, across_contexts=across), [*route, "MYC"]) == fibroblasts


def test_narrowing_an_inner_step_narrows_the_steps_before_it_again(chain_root: Path) -> None:
    """Four steps downstream from EGFR: MYC > CCND1, found only in fibroblasts, narrows STAT3 > MYC, which narrows
    AKT1 > STAT3, which narrows EGFR > AKT1: each narrowing is carried back to the first step."""
    cells = {"egfr-akt1": BOTH, "akt1-stat3": BOTH, "stat3-myc": BOTH, "myc-ccnd1": ("fibroblast",)}
    kg = _pooled(chain_root, cells)
    route = ["EGFR", "AKT1", "STAT3", "MYC", "CCND1"]
    fibroblasts = [["egfr-akt1-fibro"], ["akt1-stat3-fibro"], ["stat3-myc-fibro"], ["myc-ccnd1-fibro"]]
    for across in (True, False):
        assert _ids(kg.targets("EGFR", depth=4, across_contexts=across), route) == fibroblasts
        assert _ids(kg.regulators("CCND1", depth=4, across_contexts=across), route) == fibroblasts


@pytest.mark.usefixtures("loop")
def test_a_closed_way_leaves_the_other_steps_from_the_same_entity_open(chain_root: Path) -> None:
    """The loop fixture and PDCD4 > RAB27B: from PDCD4 the way back to HIF1A is closed (HIF1A starts the chain);
    PDCD4's other step, to RAB27B, tried after it, is not."""
    from tests.curation.lint.conftest import Tree

    tree = Tree(chain_root)
    tree.add_text("PDCD4 raised RAB27B levels.")
    tree.add_assertion("c-pdcd4-rab27b", "PDCD4", "RAB27B", "PDCD4 raised RAB27B levels.")
    import exograph

    found = answer(exograph.load(chain_root).targets("HIF1A", depth=3))
    assert found == ["HIF1A>miR-21 +", "HIF1A>miR-21 miR-21>PDCD4 -", "HIF1A>miR-21 miR-21>PDCD4 PDCD4>RAB27B -"]


def test_partial_chains_on_pooled_and_single_findings_are_counted_alike(chain_root: Path) -> None:
    """Two chains of two steps grow from AKT1 towards MYC: through STAT3 (AKT1 > STAT3 pools two findings) and
    through CCND1 (one finding each). EGFR > AKT1 before either, at the last level, is counted as it is found."""
    import exograph
    from tests.curation.lint.conftest import Tree

    _cascade(chain_root, {"egfr-akt1": [{}], "akt1-stat3": [{"cell_types": [c]} for c in BOTH], "stat3-myc": [{}]})
    tree = Tree(chain_root)
    for regulator, target in (("AKT1", "CCND1"), ("CCND1", "MYC")):
        quote = f"{regulator} raised {target} levels."
        tree.add_text(quote)
        tree.add_assertion(f"{regulator}-{target}".lower(), regulator, target, quote)
    kg = exograph.load(chain_root)
    every = kg.regulators("MYC", depth=3, max_chains=1000, across_contexts=True)
    assert sum(c.steps[0].regulator == "EGFR" for c in every.chains) == 2
    for shown in (1, 2, 3):
        few = kg.regulators("MYC", depth=3, max_chains=shown, across_contexts=True)
        assert few.chains == every.chains[:shown]
        assert len(few.chains) + few.query.cut == len(every.chains), shown


def test_narrowing_keeps_a_family_link(chain_root: Path) -> None:
    """AKT1 > EGFR (fibroblasts) narrows EGFR > RAB27 to fibroblasts, and that narrows RAB27A > MYC after it: the
    claim about the RAB27 family still continues into its member RAB27A's, marked as such."""
    import exograph
    from tests.curation.lint.conftest import Tree

    tree = Tree(chain_root)
    for gene in ("AKT1", "EGFR", "MYC"):
        tree.add_entity(gene, CASCADE[gene], "gene")
    findings = {("AKT1", "EGFR"): ("fibroblast",), ("EGFR", "RAB27"): BOTH, ("RAB27A", "MYC"): BOTH}
    for (regulator, target), cells in findings.items():
        for cell in cells:
            quote = f"{regulator} raised {target} levels in {cell.replace('_', ' ')}s."
            tree.add_text(quote)
            name = f"{regulator}-{target}-{cell[:5]}".lower()
            tree.add_assertion(name, regulator, target, quote, context={"cell_types": [cell]})
    found = exograph.load(chain_root).regulators("MYC", depth=3, across_contexts=True)
    (chain,) = [c for c in found.chains if c.steps[0].regulator == "AKT1"]
    assert read(chain) == "AKT1>EGFR EGFR>RAB27 (family) RAB27A>MYC + *"
    ids = [[i.removeprefix("mini2024-") for i in s.assertions] for s in chain.steps]
    assert ids == [["akt1-egfr-fibro"], ["egfr-rab27-fibro"], ["rab27a-myc-fibro"]]
