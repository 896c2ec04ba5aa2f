"""Context coherence: steps from another disease, cell line or cell type are marked; --coherent drops them."""

from __future__ import annotations

from exograph.api import KnowledgeGraph

from .conftest import route


def test_steps_from_another_context_are_marked(kg: KnowledgeGraph) -> None:
    chain = next(c for c in kg.regulators("miR-21", depth=2).chains if route(c) == ["hypoxia", "HIF1A", "miR-21"])
    # the step next to the subject (HIF1A -> miR-21, in HCC) sets the context; hypoxia -> HIF1A is in breast cancer
    assert [s.other_context for s in chain.steps] == [("diseases",), ()]
    assert not chain.coherent


def test_unstated_or_broader_context_is_compatible(kg: KnowledgeGraph) -> None:
    chain = next(c for c in kg.regulators("miR-21", depth=2).chains if route(c) == ["KRAS", "TP53", "miR-21"])
    assert chain.coherent  # KRAS -> TP53 states no disease


def test_coherent_keeps_only_coherent_chains(kg: KnowledgeGraph) -> None:
    every = kg.regulators("miR-21", depth=2).chains
    coherent = kg.regulators("miR-21", depth=2, coherent=True).chains
    assert coherent == tuple(c for c in every if c.coherent)
    assert len(coherent) < len(every)


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
