"""A chain step pooling assertions from several diseases keeps those that agree with the chain's disease
(exograph.reason.context.mark_context, docs/reasoning.md): the steps beside it are composed again on what is
left, so that a transfer names only the cells of the assertions kept; where only the other diseases'
assertions compose, the chain is kept as it was and the step marked.

Each chain is built by hand on a hand-built index (the diseases, cells and vesicles it needs, nothing else), as
the search would find it, and marked as the search marks what it found.
"""

from __future__ import annotations

import pytest

from exograph.reason import compose
from exograph.reason.chains import Chain
from exograph.reason.compose import follow
from exograph.reason.context import mark_context
from exograph.reason.index import Index
from exograph.reason.steps import Step, relinked

from .test_compose_rules import row, step

BROADER = {
    "hepatocellular_carcinoma": {"liver_cancer"},
    "liver_cancer": {"cancer"},
    "breast_cancer": {"cancer"},
    "exosome": {"extracellular_vesicle"},
    "exosome_secretion": {"ev_secretion"},
    "Huh-7": {"hepatocyte"},
}
HCC, BREAST, LIVER = ["hepatocellular_carcinoma"], ["breast_cancer"], ["liver_cancer"]


@pytest.fixture
def index() -> Index:
    built = Index(store=None)  # type: ignore[arg-type]  # marking and composing read only the maps below
    for child, parents in BROADER.items():
        built.broader[child] |= parents
        for parent in parents:
            built.narrower[parent].add(child)
    built.kinds = {
        **dict.fromkeys(["extracellular_vesicle", "exosome"], "component"),
        **dict.fromkeys(["exosome_secretion", "ev_secretion"], "process"),
    }
    built.generic = frozenset({"extracellular_vesicle", "exosome"})
    return built


def marks(chain: Chain) -> list[tuple[str, ...]]:
    return [s.other_context for s in chain.steps]


def kept(chain: Chain) -> list[tuple[str, ...]]:
    """The assertions each step rests on."""
    return [s.assertions for s in chain.steps]


def ids(*steps: Step) -> list[tuple[str, ...]]:
    return [s.assertions for s in steps]


def test_a_pooled_step_keeps_the_assertions_in_the_chain_s_disease(index: Index) -> None:
    in_hcc, in_breast = row("A", "B", diseases=HCC), row("A", "B", diseases=BREAST)
    pooled = step(index, in_hcc, in_breast)
    hcc, breast = step(index, row("B", "C", diseases=HCC)), step(index, row("B", "C", diseases=BREAST))
    # a chain ending at the subject C (regulators): the last step sets the disease, the first keeps its claim in it
    for last, expected in ((hcc, in_hcc), (breast, in_breast)):
        found = mark_context(index, Chain((pooled, last)), anchor_last=True)
        assert kept(found) == ids(step(index, expected), last)
        assert marks(found) == [(), ()] and found.coherent
        assert found.steps[0].contexts == (expected.context_json,)
    # a broader disease (liver cancer) keeps the HCC claim
    liver = step(index, row("B", "C", diseases=LIVER))
    assert kept(mark_context(index, Chain((pooled, liver)), anchor_last=True)) == ids(step(index, in_hcc), liver)
    # narrow=False (the search's cheaper reading) keeps every step whole: some of its claims agree, so unmarked
    whole = mark_context(index, Chain((pooled, hcc)), anchor_last=True, narrow=False)
    assert whole == Chain((pooled, hcc)) and kept(whole) == ids(pooled, hcc)
    # a chain starting at the subject A (targets): the pooled first step sets both diseases, so it stays whole
    both = Chain((pooled, hcc))
    assert mark_context(index, both, anchor_last=False) == both
    # ... and a pooled step farther from the subject is narrowed at that end too
    later = step(index, row("C", "D", diseases=BREAST), row("C", "D", diseases=HCC))
    found = mark_context(index, Chain((hcc, later)), anchor_last=False)
    assert kept(found) == [hcc.assertions, later.assertions[1:]]


def test_a_step_none_of_whose_assertions_agree_is_kept_whole_and_marked(index: Index) -> None:
    pooled = step(index, row("A", "B", diseases=BREAST), row("A", "B", diseases=["lung_cancer"]))
    last = step(index, row("B", "C", diseases=HCC))
    found = mark_context(index, Chain((pooled, last)), anchor_last=True)
    assert kept(found) == ids(pooled, last)
    assert marks(found) == [("diseases",), ()]


def test_a_transfer_names_only_the_cells_of_the_assertions_kept(index: Index) -> None:
    """RAB27A raises exosome secretion in Huh-7 (HCC) and in MCF-7 (breast cancer); exosomes from each carry
    something that lowers PDCD4 in recipient cells; PDCD4 then acts in HCC. The chain is in HCC: the transfer
    is of Huh-7 exosomes to macrophages, not of MCF-7 exosomes to fibroblasts."""
    made = step(
        index,
        row("RAB27A", "exosome_secretion", "secretion", cell_lines=["Huh-7"], diseases=HCC),
        row("RAB27A", "exosome_secretion", "secretion", cell_lines=["MCF-7"], diseases=BREAST),
    )
    lowers = ("exosome", "PDCD4", "amount", "decreases", True)
    carried = step(
        index,
        row(*lowers, donors=["Huh-7"], recipients=["macrophage"], diseases=HCC),
        row(*lowers, donors=["MCF-7"], recipients=["fibroblast"], diseases=BREAST),
    )
    onward = step(index, row("PDCD4", "AKT", diseases=HCC))
    found_as = follow(index, made, carried, None)  # what the search composed: both transfers
    assert found_as.via == "exosome from Huh-7, MCF-7 to fibroblast, macrophage"
    chain = Chain((relinked(made, compose.TRANSFER, found_as.via), carried, onward))
    found = mark_context(index, chain, anchor_last=True)
    assert found.steps[0].via == "exosome from Huh-7 to macrophage"
    assert found.steps[0].target_link == compose.TRANSFER
    assert kept(found) == [made.assertions[:1], carried.assertions[:1], onward.assertions]
    assert found.coherent


def test_narrowing_one_step_narrows_every_step_whose_cells_met_only_the_assertions_left_out(index: Index) -> None:
    """A -> B -> C -> D from A (targets): the first step, in HCC hepatocytes and HCC macrophages, sets the disease;
    the last pools a claim in HCC hepatocytes and one in breast-cancer macrophages. The chain keeps the
    hepatocyte claims all the way back: C in macrophages no longer acts on D, so neither do B and A there."""
    cells = ({"cell_types": ["hepatocyte"]}, {"cell_types": ["macrophage"]})
    first = step(index, *(row("A", "B", diseases=HCC, **c) for c in cells))
    second = step(index, *(row("B", "C", **c) for c in cells))
    last = step(index, row("C", "D", diseases=HCC, **cells[0]), row("C", "D", diseases=BREAST, **cells[1]))
    found = mark_context(index, Chain((first, second, last)), anchor_last=False)
    assert kept(found) == [s.assertions[:1] for s in (first, second, last)]
    assert found.coherent
    # and forward: D's step in HCC sets the disease of a chain to D (regulators); A -> B pools HCC hepatocytes and
    # breast-cancer macrophages, keeps the first, and B -> C keeps its claim in the same cells
    pooled = step(index, row("A", "B", diseases=HCC, **cells[0]), row("A", "B", diseases=BREAST, **cells[1]))
    end = step(index, row("C", "D", diseases=HCC))
    found = mark_context(index, Chain((pooled, second, end)), anchor_last=True)
    assert kept(found) == [pooled.assertions[:1], second.assertions[:1], end.assertions]
    assert found.coherent


def test_a_chain_composing_only_through_another_disease_s_assertions_is_kept_as_it_was_and_marked(
    index: Index,
) -> None:
    """X raises RAB27A in HCC; RAB27A raises exosome secretion in hepatocytes (no disease stated) and in MCF-7
    cells (breast cancer); exosomes from hepatocytes in breast cancer (its liver metastases) and from MCF-7
    cells (no disease stated) lower PDCD4. In HCC, the secretion claim left (hepatocytes) does not make the
    vesicles left (from MCF-7): the chain holds only through breast-cancer claims, so it is kept whole and
    the two steps that would lose them are marked."""
    start = step(index, row("X", "RAB27A", diseases=HCC))
    made = step(
        index,
        row("RAB27A", "exosome_secretion", "secretion", cell_types=["hepatocyte"]),
        row("RAB27A", "exosome_secretion", "secretion", cell_lines=["MCF-7"], diseases=BREAST),
    )
    carried = step(
        index,
        row("exosome", "PDCD4", "amount", "decreases", True, donors=["hepatocyte"], diseases=BREAST),
        row("exosome", "PDCD4", "amount", "decreases", True, donors=["MCF-7"]),
    )
    found_as = follow(index, made, carried, None)  # at search time each claim of one step meets one of the other
    assert found_as.before == made.rows and found_as.rows == carried.rows
    chain = Chain((start, relinked(made, compose.TRANSFER, found_as.via), carried))
    found = mark_context(index, chain, anchor_last=False)
    assert kept(found) == kept(chain)
    assert marks(found) == [(), ("diseases",), ("diseases",)]
    assert found.steps[1].via == found_as.via == "exosome from MCF-7, hepatocyte"
    assert found.steps[1].target_link == compose.TRANSFER
    # kept whole (narrow=False), each step states only breast cancer: marked as well
    assert marks(mark_context(index, chain, anchor_last=False, narrow=False)) == marks(found)
    # narrowed without composing again (a chain the composition rules did not build: composed=False), both steps
    # keep their claims that state no disease; the cells are still followed: hepatocytes do not send MCF-7's
    # exosomes, so the step acting after them is marked
    plain = mark_context(index, chain, anchor_last=False, composed=False)
    assert kept(plain) == [start.assertions, made.assertions[:1], carried.assertions[1:]]
    assert marks(plain) == [(), (), ("cells",)]


def test_a_step_whose_claims_in_the_chain_s_disease_do_not_compose_is_marked_though_it_states_that_disease(
    index: Index,
) -> None:
    """A loads miR-21 into vesicles in HCC fibroblasts and in breast-cancer macrophages; exosomes from HCC
    macrophages and from breast-cancer fibroblasts carry miR-21, which lowers PDCD4; PDCD4 then acts in HCC.
    Each step states HCC among its diseases, but in HCC the fibroblasts load miR-21 and the macrophages send
    it: the chain holds only by joining claims across the two diseases, so both steps are marked."""
    loads = ("A", "miR-21", "cargo_loading")
    loading = step(
        index,
        row(*loads, cell_types=["fibroblast"], diseases=HCC),
        row(*loads, cell_types=["macrophage"], diseases=BREAST),
    )
    lowers = ("miR-21", "PDCD4", "amount", "decreases", True)
    carried = step(
        index, row(*lowers, donors=["macrophage"], diseases=HCC), row(*lowers, donors=["fibroblast"], diseases=BREAST)
    )
    onward = step(index, row("PDCD4", "AKT", diseases=HCC))
    assert follow(index, loading, carried, None).rows == carried.rows  # as the search found it: every claim meets one
    chain = Chain((loading, carried, onward))
    found = mark_context(index, chain, anchor_last=True)
    assert kept(found) == kept(chain)
    assert marks(found) == [("diseases",), ("diseases",), ()]
    # kept whole (narrow=False), every step has a claim in HCC: none is marked
    assert mark_context(index, chain, anchor_last=True, narrow=False) == chain
    # narrowed without composing again (composed=False): the HCC claims, and the cells that do not meet are marked
    plain = mark_context(index, chain, anchor_last=True, composed=False)
    assert kept(plain) == [loading.assertions[:1], carried.assertions[:1], onward.assertions]
    assert marks(plain) == [("cells",), (), ()]


def test_the_search_s_quick_checks_leave_out_what_marking_marks_from_either_end(index: Index) -> None:
    """A -> B in HCC, B -> C in breast cancer, C -> D pooling both. Read from A (targets) the second step
    disagrees; read from D (regulators) the pooled step allows both diseases, B -> C narrows the chain's to
    breast cancer, and A -> B disagrees. The quick checks (diseases_agree, grown_coherent) leave the chain out
    either way, as marking marks it."""
    from exograph.reason.context import diseases_agree, grown_coherent, placed

    in_hcc, in_breast = row("A", "B", diseases=HCC), row("B", "C", diseases=BREAST)
    pooled = step(index, row("C", "D", diseases=HCC), row("C", "D", diseases=BREAST))
    steps = (step(index, in_hcc), step(index, in_breast), pooled)
    assert marks(mark_context(index, Chain(steps), anchor_last=True)) == [("diseases",), (), ()]
    assert marks(mark_context(index, Chain(steps), anchor_last=False)) == [(), ("diseases",), ()]
    for anchor_last in (True, False):
        assert not diseases_agree(index, tuple(s.diseases for s in steps), anchor_last)
        assert not grown_coherent(index, tuple(placed(s) for s in steps), anchor_last)


def test_a_step_in_a_broader_disease_does_not_widen_the_chain_s(index: Index) -> None:
    """A step in HCC, then one in cancer, then one in breast cancer, read from either end: the chain holds in HCC (the
    narrower of each pair that agree), so a step in breast cancer disagrees wherever it comes after a broader one.
    Widened to cancer, the breast-cancer step would agree."""
    from exograph.reason.context import diseases_agree, grown_coherent, narrower, placed

    assert narrower(index, {"diseases": frozenset(HCC)}, {"diseases": frozenset({"cancer"})}) == {
        "diseases": frozenset(HCC)
    }
    assert narrower(index, {"diseases": frozenset({"cancer"})}, {"diseases": frozenset(HCC)}) == {
        "diseases": frozenset(HCC)
    }
    # of a chain in HCC or breast cancer (a step pooling both), a step in liver cancer keeps HCC, the one it agrees with
    both = {"diseases": frozenset(HCC + BREAST)}
    assert narrower(index, both, {"diseases": frozenset(LIVER)}) == {"diseases": frozenset(HCC)}
    hcc, cancer = step(index, row("A", "B", diseases=HCC)), step(index, row("B", "C", diseases=["cancer"]))
    breast = step(index, row("C", "D", diseases=BREAST))
    for anchor_last, steps in ((False, (hcc, cancer, breast)), (True, (breast, cancer, hcc))):
        found = mark_context(index, Chain(steps), anchor_last=anchor_last)
        assert not found.coherent
        expected = [("diseases",), (), ()] if anchor_last else [(), (), ("diseases",)]
        assert marks(found) == expected  # the breast-cancer step, at the far end
        assert not diseases_agree(index, tuple(s.diseases for s in steps), anchor_last)
        assert not grown_coherent(index, tuple(placed(s) for s in steps), anchor_last)
