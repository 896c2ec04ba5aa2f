"""Context coherence: chains joining steps from another disease, cell line or cell type are left out by default;
--across-contexts (``across_contexts=True``) brings them back, the steps marked."""

from __future__ import annotations

from exograph.api import KnowledgeGraph

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


def test_chains_grown_from_other_contexts_are_counted_as_a_lower_bound(kg: KnowledgeGraph) -> None:
    """A partial chain whose steps already come from different contexts is not grown (every longer chain
    through it would be left out too): the count of chains left out is then said to be a lower bound."""
    every = kg.regulators("miR-21", depth=3, across_contexts=True).chains
    default = kg.regulators("miR-21", depth=3)
    assert default.chains == tuple(c for c in every if c.coherent)
    assert not default.query.other_contexts_complete
    assert 1 <= default.query.other_contexts <= sum(not c.coherent for c in every)
    assert kg.regulators("miR-21", depth=2).query.other_contexts_complete  # the last level is never pruned
