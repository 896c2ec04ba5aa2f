"""Context coherence: chains joining steps from another disease, cell line or cell type are left out by default;
--across-contexts (``across_contexts=True``) brings them back, the steps marked."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from exograph.api import Chain, KnowledgeGraph

from .conftest import route


def test_steps_from_another_context_are_marked(kg: KnowledgeGraph) -> None:
    chain = next(
        c
        for c in kg.regulators("miR-21", depth=2, across_contexts=True).chains
        if route(c) == ["hypoxia", "HIF1A", "miR-21"]
    )
    # the step next to the subject (HIF1A -> miR-21, in HCC) sets the context; hypoxia -> HIF1A is in breast cancer
    assert [s.other_context for s in chain.steps] == [("diseases",), ()]
    assert not chain.coherent


def test_unstated_or_broader_context_is_compatible(kg: KnowledgeGraph) -> None:
    chain = next(c for c in kg.regulators("miR-21", depth=2).chains if route(c) == ["KRAS", "TP53", "miR-21"])
    assert chain.coherent  # KRAS -> TP53 states no disease


def test_only_coherent_chains_by_default(kg: KnowledgeGraph) -> None:
    """The default used to return every chain, marked; now it leaves the marked ones out and counts them."""
    every = kg.regulators("miR-21", depth=2, across_contexts=True)
    default = kg.regulators("miR-21", depth=2)
    assert default.chains == tuple(c for c in every.chains if c.coherent)
    assert len(default.chains) < len(every.chains)
    assert default.query.other_contexts == len(every.chains) - len(default.chains)
    assert every.query.other_contexts == 0
    # coherent=True, the old way of asking, is the default; coherent=False the old default
    assert kg.regulators("miR-21", depth=2, coherent=True).chains == default.chains
    assert kg.regulators("miR-21", depth=2, coherent=False).chains == every.chains


def test_coherence_uses_the_disease_hierarchy(chain_root: object) -> None:
    from pathlib import Path

    import exograph
    from tests.conftest import replace_in

    root = Path(str(chain_root))
    entities = root / "curation/entities/reason.yaml"
    with entities.open("a", encoding="utf-8") as handle:
        handle.write("  - key: cancer\n    curie: MONDO:0004992\n    label: cancer\n    kind: disease\n")
    replace_in(entities, "    synonyms: [HCC, hepatoma]\n", "    synonyms: [HCC, hepatoma]\n    broader: [cancer]\n")
    replace_in(
        root / "curation/assertions/chain2025.yaml", "      diseases: [breast_cancer]\n", "      diseases: [cancer]\n"
    )
    chain = next(
        c
        for c in exograph.load(root).regulators("miR-21", depth=2).chains
        if route(c) == ["hypoxia", "HIF1A", "miR-21"]
    )
    assert chain.coherent  # a claim about cancer holds for hepatocellular carcinoma


def _index(root: object) -> object:
    from pathlib import Path

    from exograph.compiled.store import open_store
    from exograph.reason.index import Index

    return Index.open(open_store(Path(str(root))))


def test_diseases_compare_through_the_hierarchy(context_tree: object) -> None:
    from exograph.reason.context import field_clash

    index = _index(context_tree)
    hcc, cancer, breast = ({"diseases": [k]} for k in ("hepatocellular_carcinoma", "cancer", "breast_cancer"))
    assert field_clash(index, "diseases", hcc, cancer) is None  # HCC lies within cancer (two levels up)
    assert field_clash(index, "diseases", hcc, breast) == (("hepatocellular_carcinoma",), ("breast_cancer",))
    assert field_clash(index, "diseases", hcc, {}) is None  # unstated is compatible


def test_a_cell_line_lies_within_its_cell_type(context_tree: object) -> None:
    from exograph.reason.context import cell_clash

    index = _index(context_tree)
    assert cell_clash(index, {"cell_lines": ["Huh-7"]}, {"cell_types": ["hepatocyte"]}) is None
    assert cell_clash(index, {"cell_lines": ["Huh-7"]}, {"cell_types": ["neuron"]}) == (("Huh-7",), ("neuron",))


def test_donors_with_donors_recipients_with_recipients(context_tree: object) -> None:
    from exograph.reason.context import field_clash

    index = _index(context_tree)
    caf, fibroblast, macrophage = (
        {"donors": [k], "recipients": ["neuron"]} for k in ("CAF", "fibroblast", "macrophage")
    )
    assert field_clash(index, "donors", caf, fibroblast) is None
    assert field_clash(index, "donors", caf, macrophage) == (("CAF",), ("macrophage",))
    assert field_clash(index, "recipients", caf, macrophage) is None  # the same recipients: only donors differ


def test_the_recipient_of_one_step_is_where_the_next_acts(context_tree: object) -> None:
    from exograph.reason.context import affected_cells, handoff

    index = _index(context_tree)
    transfer = {"donors": ["CAF"], "recipients": ["macrophage"]}
    assert affected_cells(transfer) == {"macrophage"}
    assert handoff(index, affected_cells(transfer), [{"cell_types": ["macrophage"]}])
    assert not handoff(index, affected_cells(transfer), [{"cell_types": ["neuron"]}])
    # secretion in Huh-7 hands over to exosomes sent by hepatocytes (Huh-7 lies within hepatocyte)
    assert handoff(index, affected_cells({"cell_lines": ["Huh-7"]}), [{"donors": ["hepatocyte"]}])
    assert not handoff(index, affected_cells({"cell_lines": ["Huh-7"]}), [{"donors": ["CAF"]}])


def test_a_chain_step_in_other_cells_is_marked(kg: KnowledgeGraph, chain_root: object) -> None:
    from pathlib import Path

    import exograph
    from tests.conftest import replace_in

    root = Path(str(chain_root))
    before = next(c for c in kg.regulators("miR-21", depth=2).chains if route(c) == ["KRAS", "TP53", "miR-21"])
    assert before.coherent
    path = root / "curation/assertions/chain2025.yaml"
    replace_in(
        path, "    aspect: degradation\n", "    aspect: degradation\n    context:\n      cell_types: [fibroblast]\n"
    )
    disease = "      diseases: [hepatocellular_carcinoma]\n"
    quote = "    evidence:\n      - quote: TP53 repressed"
    replace_in(path, disease + quote, disease + "      cell_types: [malignant_cell]\n" + quote)
    found = exograph.load(root).regulators("miR-21", depth=2, across_contexts=True).chains
    after = next(c for c in found if route(c) == ["KRAS", "TP53", "miR-21"])
    # TP53 changed in fibroblasts, acting on miR-21 in malignant cells: the step farther from miR-21 is marked
    assert [s.other_context for s in after.steps] == [("cells",), ()]


# -- the reading itself, on tests/fixtures/context's hierarchies: chains built by hand, one field at a time --


def _chain(*contexts: dict[str, object]) -> object:
    """A chain of len(contexts) steps A0 -> A1 -> ..., each step stated in one context."""
    import json

    from exograph.compiled.records import diseases_written
    from exograph.reason.chains import Chain
    from exograph.reason.steps import Step

    steps = tuple(
        Step(
            f"A{i}",
            f"A{i + 1}",
            1,
            ("amount",),
            (f"a{i}",),
            ("s",),
            1,
            False,
            False,
            (json.dumps(c),),
            (diseases_written(c),),
        )
        for i, c in enumerate(contexts)
    )
    return Chain(steps)


def _marks(context_tree: object, anchor_last: bool, *contexts: dict[str, object]) -> list[tuple[str, ...]]:
    from exograph.reason.context import mark_context

    marked = mark_context(_index(context_tree), _chain(*contexts), anchor_last)  # type: ignore[arg-type]
    return [s.other_context for s in marked.steps]


HCC, BREAST, CANCER = ({"diseases": [k]} for k in ("hepatocellular_carcinoma", "breast_cancer", "cancer"))


def test_the_step_next_to_the_subject_sets_the_disease(context_tree: object) -> None:
    # a chain ending at the subject (regulators, drivers): the last step's disease; one starting there (targets)
    assert _marks(context_tree, True, BREAST, HCC) == [("diseases",), ()]
    assert _marks(context_tree, False, BREAST, HCC) == [(), ("diseases",)]
    # the nearest step that states a disease sets it, and it stays set: every later step is read against it
    assert _marks(context_tree, False, {}, HCC, BREAST, BREAST) == [(), (), ("diseases",), ("diseases",)]
    assert _marks(context_tree, True, BREAST, BREAST, HCC, {}) == [("diseases",), ("diseases",), (), ()]
    # broader and narrower diseases, or none stated, are one context
    assert _marks(context_tree, False, HCC, CANCER, {}, HCC) == [(), (), (), ()]
    # cells and the rest are not chain fields of the disease kind: only diseases are marked so
    assert _marks(context_tree, False, {"organisms": ["mouse"]}, {"organisms": ["human"]}) == [(), ()]


def test_the_cells_a_step_acts_in_are_where_the_step_before_had_its_effect(context_tree: object) -> None:
    transfer = {"donors": ["CAF"], "recipients": ["macrophage"]}
    neuron, macrophage = {"cell_types": ["neuron"]}, {"cell_types": ["macrophage"]}
    assert _marks(context_tree, False, transfer, macrophage) == [(), ()]
    # the step that does not act where the one before had its effect is marked, or the one before it when
    # that one is farther from the subject
    assert _marks(context_tree, False, transfer, neuron) == [(), ("cells",)]
    assert _marks(context_tree, True, transfer, neuron) == [("cells",), ()]
    # a step that names no cells passes the last cells named on: Huh-7 then (nothing) then neurons do not meet
    huh7 = {"cell_lines": ["Huh-7"]}
    assert _marks(context_tree, False, huh7, {}, neuron) == [(), (), ("cells",)]
    assert _marks(context_tree, False, huh7, {}, {"donors": ["hepatocyte"]}) == [(), (), ()]
    # the first step has nothing before it, and a step naming no cells may act anywhere
    assert _marks(context_tree, False, neuron, {}, neuron) == [(), (), ()]
    # one step's cells and disease both off: both fields are said
    assert _marks(context_tree, False, {**HCC, **huh7}, {**BREAST, **neuron}) == [(), ("diseases", "cells")]


def test_an_unmarked_chain_is_coherent_and_a_marked_one_is_not(context_tree: object) -> None:
    from exograph.reason.context import mark_context

    index = _index(context_tree)
    plain = _chain(HCC, CANCER)
    assert mark_context(index, plain, True) == plain and plain.coherent  # type: ignore[arg-type, attr-defined]
    assert not mark_context(index, _chain(HCC, BREAST), True).coherent  # type: ignore[arg-type]


def test_where_a_step_acts_and_where_its_effect_happens() -> None:
    from exograph.reason.context import acting_cells, affected_cells

    cells = {"cell_lines": ["Huh-7"], "cell_types": ["hepatocyte"]}
    transfer = {"donors": ["CAF"], "recipients": ["macrophage"], "cell_types": ["neuron"]}
    assert acting_cells(transfer) == {"CAF"} and affected_cells(transfer) == {"macrophage"}
    assert acting_cells(cells) == affected_cells(cells) == {"Huh-7", "hepatocyte"}
    assert acting_cells({"donors": [], **cells}) == {"Huh-7", "hepatocyte"}
    assert acting_cells({}) == affected_cells({}) == set()


def test_a_handoff_needs_cells_on_both_sides_to_fail(context_tree: object) -> None:
    from exograph.reason.context import handoff

    index = _index(context_tree)
    assert handoff(index, set(), [{"cell_types": ["neuron"]}])
    assert handoff(index, {"macrophage"}, [{}, {"organisms": ["human"]}])
    assert not handoff(index, {"macrophage"}, [{"cell_types": ["neuron"]}])
    # several contexts of one step: it acts where any of them does
    assert handoff(index, {"macrophage"}, [{"cell_types": ["neuron"]}, {"donors": ["macrophage"]}])
    # a broader cell of the step before contains the narrower one of the next, and the other way round
    assert handoff(index, {"fibroblast"}, [{"donors": ["CAF"]}])
    assert handoff(index, {"CAF"}, [{"donors": ["fibroblast"]}])


def test_values_pool_fields_over_contexts() -> None:
    from exograph.reason.context import values

    contexts = [
        {"cell_lines": ["Huh-7"], "diseases": ["hcc"], "system": "in_vitro"},
        {"cell_types": ["hepatocyte"], "diseases": [], "system": "in_vivo", "organisms": ["human"]},
    ]
    assert values(contexts, ["cells", "diseases", "system"]) == {
        "cells": {"Huh-7", "hepatocyte"},
        "diseases": {"hcc"},
        "system": {"in_vitro", "in_vivo"},  # a single value is one value, not its letters
    }
    assert values(contexts, ["conditions"]) == {}  # a field no context states is left out


def test_only_one_side_states_it() -> None:
    from exograph.reason.context import one_sided

    first = {"diseases": ["hcc"], "cell_lines": ["Huh-7"], "system": "in_vitro", "organisms": []}
    second = {"diseases": ["lung"], "recipients": ["neuron"], "organisms": ["human"]}
    assert one_sided(first, second) == ["organisms", "cells", "recipients", "system"]
    assert one_sided(first, first) == []


def test_gain_against_loss_of_function_is_a_clash_and_nothing_else_is() -> None:
    from exograph.reason.context import perturbation_clash

    gain, loss = {"perturbations": ["overexpression"]}, {"perturbations": ["knockdown", "inhibition"]}
    assert perturbation_clash(gain, loss) == (("overexpression",), ("knockdown", "inhibition"))
    assert perturbation_clash(loss, gain) == (("knockdown", "inhibition"), ("overexpression",))
    assert perturbation_clash(loss, {"perturbations": ["knockout"]}) is None  # two losses
    assert perturbation_clash(gain, {}) is None and perturbation_clash({}, loss) is None
    # a perturbation that is neither (a mutation, a treatment) says nothing about the function
    assert perturbation_clash({"perturbations": ["mutation"]}, loss) is None
    # one side both gained and lost it: the two sides share a change, so nothing tells them apart
    assert perturbation_clash({"perturbations": ["activation", "knockout"]}, loss) is None


def test_clashes_need_both_sides_to_state_the_field(context_tree: object) -> None:
    from exograph.reason.context import cell_clash, differing, field_clash

    index = _index(context_tree)
    assert cell_clash(index, {}, {"cell_types": ["neuron"]}) is None
    assert cell_clash(index, {"cell_types": ["neuron"]}, {}) is None
    # every value of each side is given, sorted
    assert cell_clash(index, {"cell_types": ["neuron", "macrophage"]}, {"cell_lines": ["Huh-7"]}) == (
        ("macrophage", "neuron"),
        ("Huh-7",),
    )
    # some value of one side within some value of the other is enough
    assert field_clash(index, "diseases", {"diseases": ["breast_cancer", "liver_cancer"]}, HCC) is None
    assert differing(
        index, {"diseases": {"breast_cancer"}, "cells": {"neuron"}}, {"diseases": {"cancer"}, "cells": {"CAF"}}
    ) == ["cells"]
    assert differing(index, {"cells": {"neuron"}}, {"diseases": {"cancer"}}) == []


def test_chains_grown_from_other_contexts_are_counted_as_a_lower_bound(kg: KnowledgeGraph) -> None:
    """A partial chain whose steps already come from different contexts is not grown (every longer chain
    through it would be left out too): the count of chains left out is then said to be a lower bound."""
    every = kg.regulators("miR-21", depth=3, across_contexts=True).chains
    default = kg.regulators("miR-21", depth=3)
    assert default.chains == tuple(c for c in every if c.coherent)
    assert not default.query.other_contexts_complete
    assert 1 <= default.query.other_contexts <= sum(not c.coherent for c in every)
    assert kg.regulators("miR-21", depth=2).query.other_contexts_complete  # the last level is never pruned


def test_growing_a_chain_reads_coherence_as_marking_it(context_tree: object) -> None:
    """context.grown_coherent (the search's quick check, one step at a time) against mark_context, on every
    chain of up to three steps over contexts that name cells, donors only, recipients only, both, a disease
    or nothing: a step with donors and no recipients passes the cells before it on to the next step."""
    from itertools import product

    from exograph.reason.context import grown_coherent, mark_context, placed

    index = _index(context_tree)
    kinds: list[dict[str, object]] = [
        {},
        HCC,
        BREAST,
        {"cell_lines": ["Huh-7"]},
        {"cell_types": ["neuron"]},
        {"donors": ["CAF"]},
        {"donors": ["hepatocyte"]},
        {"recipients": ["macrophage"]},
        {"recipients": ["neuron"]},
        {"donors": ["CAF"], "recipients": ["macrophage"]},
    ]
    seen: dict[bool, int] = {True: 0, False: 0}
    for size, anchor_last in product((1, 2, 3), (True, False)):
        for contexts in product(kinds, repeat=size):
            chain = _chain(*contexts)
            expected = mark_context(index, chain, anchor_last, narrow=False).coherent  # type: ignore[arg-type, attr-defined]
            compiled = tuple(placed(s) for s in chain.steps)  # type: ignore[attr-defined]
            assert grown_coherent(index, compiled, anchor_last) == expected, (contexts, anchor_last)  # type: ignore[arg-type]
            seen[expected] += 1
    assert seen[True] > 100 and seen[False] > 100


# -- a cell line's disease is the step's disease --


def _lines_root(context_tree: object) -> object:
    """The context fixture with Huh-7 a line of HCC, and RAB27A -> exosome secretion found in breast cancer:
    HIF1A -> RAB27A, stated in Huh-7 cells with no disease, then reads as a step in HCC."""
    from pathlib import Path

    from tests.conftest import replace_in

    root = Path(str(context_tree))
    line = "    kind: cell_line\n    broader: [hepatocyte]\n"
    replace_in(root / "curation/entities/entities.yaml", line, line + "    diseases: [hepatocellular_carcinoma]\n")
    path = root / "curation/assertions/ctx2025.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - id: {BREAST_SECRETION}\n")
    path.write_text(text[:start] + text[start:].replace("[hepatocellular_carcinoma]", "[breast_cancer]", 1))
    return root


BREAST_SECRETION = "ctx2025-rab27a-exosome-secretion"


def test_a_step_in_a_cell_line_is_in_the_line_s_disease(context_tree: object) -> None:
    import exograph

    kg = exograph.load(_lines_root(context_tree))

    def huh7(chains: tuple[Chain, ...]) -> list[Chain]:
        return [c for c in chains if route(c)[0] == "HIF1A" and BREAST_SECRETION in c.steps[-1].assertions]

    # Huh-7 (HCC) then breast cancer: the step farther from the subject is marked, the chain left out by default
    every = huh7(kg.regulators("exosome_secretion", depth=2, across_contexts=True).chains)
    assert [[s.other_context for s in c.steps] for c in every] == [[("diseases",), ()]]
    assert huh7(kg.regulators("exosome_secretion", depth=2).chains) == []


def test_a_stated_disease_is_narrowed_by_the_cell_line_s(context_tree: object) -> None:
    """A row stating "cancer" in Huh-7 cells is a claim in HCC: no longer compatible with breast cancer; a row
    stating a narrower disease than its line's keeps it."""
    from exograph.reason.index import Index

    index = _index(context_tree)
    assert isinstance(index, Index)
    line = ["hepatocellular_carcinoma"]
    in_huh7 = {"cell_lines": ["Huh-7"], "cell_line_diseases": line}
    cases = [
        ({**in_huh7}, {"hepatocellular_carcinoma"}),
        ({**in_huh7, "diseases": ["cancer"]}, {"hepatocellular_carcinoma"}),
        ({**in_huh7, "diseases": ["hepatocellular_carcinoma"]}, {"hepatocellular_carcinoma"}),
        ({"cell_lines": ["Huh-7"], "cell_line_diseases": ["liver_cancer"], **HCC}, {"hepatocellular_carcinoma"}),
        ({**CANCER}, {"cancer"}),
    ]
    from exograph.compiled.records import diseases_written

    assert [set(index.diseases(diseases_written(c))) for c, _ in cases] == [want for _, want in cases]
    # ... as the chain checks read each step, one after another in one index (each answer its own, though kept)
    from exograph.reason.context import diseases_agree

    in_breast_line = {"cell_lines": ["MCF-7"], "cell_line_diseases": ["breast_cancer"]}
    for context, want in [*cases, (in_breast_line, {"breast_cancer"})]:
        for disease in ("hepatocellular_carcinoma", "breast_cancer"):
            steps = ((diseases_written(context),), (diseases_written({"diseases": [disease]}),))
            assert diseases_agree(index, steps, True) == (disease in want or want == {"cancer"}), (context, disease)
    assert _marks(context_tree, False, {**in_huh7, **CANCER}, BREAST) == [(), ("diseases",)]
    assert _marks(context_tree, False, CANCER, BREAST) == [(), ()]  # stated alone, cancer holds for breast cancer


def test_a_chain_in_cancer_narrows_to_the_cancer_a_step_names(context_tree: object) -> None:
    """Every step agrees with 'cancer', but a chain that holds in breast cancer at one step and in liver cancer
    at another joins two cancers: the chain's disease narrows as its steps name narrower ones. A broader step
    after a narrower one still agrees. The quick checks and marking read it alike."""
    import json

    from exograph.compiled.records import diseases_written
    from exograph.reason.context import diseases_agree, grown_coherent

    index = _index(context_tree)
    cancer, breast, liver, hcc = (
        ((json.dumps({"diseases": [k]}),), (diseases_written({"diseases": [k]}),))
        for k in ("cancer", "breast_cancer", "liver_cancer", "hepatocellular_carcinoma")
    )
    for anchor_last in (True, False):
        order = _from_the_subject(anchor_last)

        def written(*steps: Any) -> Any:
            return tuple(s[1] for s in steps)

        assert not diseases_agree(index, written(*order(cancer, breast, liver)), anchor_last)
        assert not grown_coherent(index, order(cancer, breast, liver), anchor_last)  # type: ignore[arg-type]
        for agreeing in (order(cancer, breast, cancer), order(cancer, liver, hcc), order(liver, cancer, hcc)):
            assert diseases_agree(index, written(*agreeing), anchor_last)
            assert grown_coherent(index, agreeing, anchor_last)  # type: ignore[arg-type]
        assert not grown_coherent(index, order(hcc, cancer, liver, breast), anchor_last)  # type: ignore[arg-type]


def _from_the_subject(anchor_last: bool) -> Callable[..., tuple[tuple[str, ...], ...]]:
    """Steps given from the query's subject outwards, in the chain's order."""

    def order(*steps: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
        return tuple(reversed(steps)) if anchor_last else steps

    return order
