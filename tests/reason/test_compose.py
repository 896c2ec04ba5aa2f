"""The composition model on tests/fixtures/compose: every rule of docs/reasoning.md, "How steps compose"."""

from __future__ import annotations

from itertools import product
from pathlib import Path

import pytest

from exograph.api import ChainResult, KnowledgeGraph
from exograph.reason.chains import ChainOptions, chains
from exograph.reason.render import chain_header

from .conftest import Cli, route


def ids(result: ChainResult) -> list[list[str]]:
    return [c.assertion_ids for c in result.chains]


def headers(result: ChainResult) -> list[str]:
    return [chain_header(c, result.labels, result.kinds) for c in result.chains]


def test_secretion_joins_the_vesicles_effects_in_recipient_cells(ckg: KnowledgeGraph) -> None:
    """Liang 2021's mechanism: sorafenib -> Rab27a activity -> more exosomes -> AKT in recipient cells."""
    found = ckg.path("sorafenib", "chemoresistance", max_length=5)
    assert [
        "compose2025-sorafenib-rab27a",
        "compose2025-rab27a-exosome-secretion",
        "compose2025-exosome-akt",
        "compose2025-akt-chemoresistance",
    ] in ids(found)
    chain = next(c for c in found.chains if "compose2025-sorafenib-rab27a" in c.assertion_ids)
    assert chain.sign == 1 and chain.steps[1].target_link == "transfer"
    assert "-> [extracellular exosomes from Huh-7 cells to Huh-7 cells] ->" in chain_header(
        chain, found.labels, found.kinds
    )


def test_transfer_needs_donors_that_agree(ckg: KnowledgeGraph) -> None:
    # fibroblast exosomes never follow the secretion of Huh-7 cells
    for chain in ckg.targets("RAB27A", depth=3).chains:
        assert "compose2025-fibroblast-exosome-akt" not in chain.assertion_ids
    assert ckg.path("RAB27A", "AKT", max_length=2).chains  # the Huh-7 exosomes do


def test_degradation_flips_and_ubiquitination_is_unsigned(ckg: KnowledgeGraph) -> None:
    found = ckg.path("VHL", "exosome secretion")
    signs = {c.steps[0].assertions[0]: c.sign for c in found.chains}
    assert signs == {"compose2025-vhl-hif1a-degradation": -1, "compose2025-vhl-hif1a-ubiquitination": 0}
    unsigned = next(c for c in found.chains if c.sign == 0)
    assert unsigned.unsigned_because == (
        "the curation does not say what ubiquitination does to the amount or activity of HIF1A"
    )
    assert headers(found)[0] == (
        "VHL: increases the degradation of HIF1A (so less HIF1A) -> increases exosomal secretion"
    )


def test_cargo_loading_composes_only_into_cargo_effects(ckg: KnowledgeGraph) -> None:
    assert ckg.path("KFERQ-like motif", "exosome secretion").chains == ()
    (chain,) = [c for c in ckg.targets("KFERQ-like motif", depth=2).chains if len(c.steps) == 2]
    assert chain.assertion_ids == [
        "compose2025-kferq-hif1a-loading",
        "compose2025-exosomal-hif1a-hypoxic-microenvironment",
    ]
    # a change of HIF1A in its own cells never continues as its effect as cargo
    for chain in ckg.regulators("hypoxic microenvironment", depth=3).chains:
        assert chain.steps[-1].cargo and (len(chain.steps) == 1 or chain.steps[-2].effect == "loading")


def test_exposures_phenotypes_and_classes_are_never_intermediates(ckg: KnowledgeGraph) -> None:
    for result in (ckg.targets("HIF1A", depth=3), ckg.regulators("RAB27A", depth=3), ckg.targets("VHL", depth=3)):
        for chain in result.chains:
            inner = route(chain)[1:-1]
            assert not {"hypoxia", "hypoxic_microenvironment", "microRNAs", "sorafenib"} & set(inner), route(chain)
    assert ckg.path("HIF1A", "RAB27A").chains == ()
    assert ckg.path("HIF1A", "exosome secretion", max_length=2).chains[0].assertion_ids == [
        "compose2025-hif1a-exosome-secretion"
    ]
    assert len(ckg.path("HIF1A", "exosome secretion", max_length=2).chains) == 1


def test_methods_and_bindings_are_never_steps_engineered_only_when_asked(ckg: KnowledgeGraph) -> None:
    every = [i for r in (ckg.targets("acidic pH", depth=2), ckg.targets("RAB27A", depth=2)) for i in ids(r)]
    used = {i for chain in every for i in chain}
    assert "compose2025-acidic-ph-exosome-method" not in used and "compose2025-rab27a-binds-sytl1" not in used
    plain = {i for chain in ids(ckg.regulators("AKT", depth=1)) for i in chain}
    asked = {i for chain in ids(ckg.regulators("AKT", depth=1, include_engineered=True)) for i in chain}
    assert asked - plain == {"compose2025-engineered-exosome-akt"}


def test_hedges_propagate(ckg: KnowledgeGraph) -> None:
    maybe = ckg.path("hypoxia", "exosome secretion", max_length=4, include_hypotheses=True)
    hedged = [c for c in maybe.chains if any(s.hypothesis for s in c.steps)]
    assert hedged and all(c.hedge == "may" for c in hedged)
    assert all(" may increase " in h for h, c in zip(headers(maybe), maybe.chains, strict=True) if c.hedge)
    assert all("Together: Hypoxia may " in ckg.explain(c) for c in hedged)
    negated = ckg.targets("sorafenib", depth=2, include_negated=True)
    said = [c for c in negated.chains if any(s.negated for s in c.steps)]
    assert said and all(c.hedge == "does not" for c in said)
    for chain in said:
        assert "does not change" in chain_header(chain, negated.labels, negated.kinds)
        assert "expected to" not in ckg.explain(chain)


def test_no_two_chains_read_the_same(ckg: KnowledgeGraph) -> None:
    for result in (
        ckg.targets("sorafenib", depth=3),
        ckg.regulators("PDCD4", depth=3),
        ckg.regulators("exosome secretion", depth=3, include_hypotheses=True, include_negated=True),
        ckg.targets("HIF1A", depth=3),
    ):
        read = headers(result)
        assert len(read) == len(set(read)), read


def test_why_not_says_where_the_search_stops(ckg: KnowledgeGraph, cli: Cli, compose_root: Path) -> None:
    why = ckg.why_not("KFERQ-like motif", "exosome secretion")
    assert why.query.reaches[0] == "HIF1A" and "HIF1A" in why.query.reached_from
    (cut,) = why.query.cuts
    assert cut.reason == "a composition rule"
    assert cut.rules[0] == "loading HIF1A into vesicles composes only into its effects as cargo"
    out = cli("path", "sorafenib", "AKT", "--max-length", "2", "--root", str(compose_root)).output
    assert out.startswith("No chains for path sorafenib to AKT match.\nWhy not:\n")
    assert "2 chains cut by the length (--max-length 2), e.g.:" in out
    hypothesis = cli("path", "HIF1A", "RAB27A", "--root", str(compose_root)).output
    assert "1 chain cut by a hypothesis (--include-hypotheses shows it), e.g.:" in hypothesis
    cut = "[hypoxic microenvironment is an exposure, phenotype or cell behaviour: chains start or end there]"
    assert cut in hypothesis
    found = cli("path", "sorafenib", "AKT", "--max-length", "4", "--root", str(compose_root)).output
    assert "Why not" not in found
    assert "Why not:" in cli("path", "sorafenib", "AKT", "--why-not", "--root", str(compose_root)).output


@pytest.mark.parametrize("across", [True, False], ids=["across contexts", "coherent"])
def test_chains_only_counted_follow_the_same_rules(ckg: KnowledgeGraph, across: bool) -> None:
    """The last level of a long answer is counted, not built (across contexts; coherent chains are checked one
    by one): the count obeys the composition rules too."""
    names = [k for (k,) in ckg.store.db.execute("SELECT key FROM entities ORDER BY key")]
    counted = 0
    every_flag = {"include_hypotheses": True, "include_negated": True, "include_engineered": True}
    for name, kind, flags in product(names, ("drivers", "regulators"), ({"include_hypotheses": True}, every_flag)):
        every = getattr(ckg, kind)(name, depth=3, max_chains=10_000, across_contexts=across, **flags)
        shorter = sum(len(c.steps) < 3 for c in every.chains)
        for shown in (1, 2):
            few = getattr(ckg, kind)(name, depth=3, max_chains=shown, across_contexts=across, **flags)
            assert few.chains == every.chains[:shown], (kind, name, shown, flags)
            assert len(few.chains) + few.query.cut == len(every.chains), (kind, name, shown, flags)
            counted += shorter >= 1 and len(every.chains) > shorter
    assert counted > 3


def test_modifications_carry_no_sign_along_chains_but_still_conflict(ckg: KnowledgeGraph) -> None:
    """More against less phosphorylation of STAT3 is a disagreement, though neither signs a chain."""
    (conflict,) = ckg.conflicts("STAT3").conflicts
    assert conflict.increasing == ("compose2025-hif1a-stat3-phosphorylation",)
    assert conflict.decreasing == ("compose2025-hif1a-stat3-dephosphorylation",)
    assert {c.sign for c in ckg.targets("HIF1A", depth=1).chains if c.steps[0].target == "STAT3"} == {0}


@pytest.mark.parametrize("across", [True, False], ids=["across contexts", "coherent"])
def test_paths_only_counted_follow_the_same_rules(ckg: KnowledgeGraph, across: bool) -> None:
    """A path's last level, counted rather than built (across contexts), obeys the composition rules too."""
    names = [k for (k,) in ckg.store.db.execute("SELECT key FROM entities ORDER BY key")]
    reached = {r for (r,) in ckg.store.db.execute("SELECT DISTINCT regulator FROM steps")}
    counted = 0
    flags = {"include_hypotheses": True, "include_negated": True, "across_contexts": across}
    for start in sorted(reached & set(names)):
        for end in names:
            if start == end:
                continue
            every = ckg.path(start, end, max_length=3, max_chains=10_000, **flags)
            shorter = sum(len(c.steps) < 3 for c in every.chains)
            few = ckg.path(start, end, max_length=3, max_chains=1, **flags)
            assert few.chains == every.chains[:1], (start, end)
            assert len(few.chains) + few.query.cut == len(every.chains), (start, end)
            counted += shorter >= 1 and len(every.chains) > shorter
    assert counted


def test_a_change_in_a_gene_does_not_continue_as_its_variant(ckg: KnowledgeGraph) -> None:
    """KRAS activates p53; what gain-of-function mutant p53 does is not what activated p53 does."""
    for result in (ckg.targets("KRAS", depth=3), ckg.path("KRAS", "exosome secretion", max_length=2)):
        assert not [c for c in ids(result) if "compose2025-gof-tp53-exosome-secretion" in c], ids(result)
    # what activated p53 itself does still follows
    assert ["compose2025-kras-tp53-activity", "chain2025-tp53-exosome-secretion"] in ids(
        ckg.path("KRAS", "exosome secretion", max_length=2)
    )
    # asked why not, the chains the rule cut are found again without composing, each still joining p53 to its
    # variant (a parent link), and the rule is named for each
    (rule,) = [c for c in ckg.why_not("KRAS", "exosome secretion").query.cuts if c.reason == "a composition rule"]
    assert set(rule.rules) == {"a change in TP53 says nothing about what its variant TP53_GOF_mutant does"}


def test_a_transfer_continues_only_into_effects_of_the_same_vesicles(ckg: KnowledgeGraph) -> None:
    """Liver tumour cells' exosomes do what exosomes from tumour cells do; not what HepG2 exosomes were found
    to do (a finding on one cell line's vesicles is not one on any tumour cell's), nor breast tumour exosomes."""
    (chain,) = [c for c in ckg.path("KRAS", "STAT3").chains if c.steps[0].via]
    assert chain.assertion_ids == ["compose2025-kras-exosome-secretion", "compose2025-tumour-exosome-stat3"]
    # the narrower donors still meet the broader claim: HepG2 exosomes are exosomes from tumour cells
    assert chain.steps[0].via == "exosome from malignant_cell to endothelial_cell"


def test_a_subpopulation_shift_continues_only_as_that_subpopulations_effects(ckg: KnowledgeGraph) -> None:
    """Fewer RAB11a-positive exosomes (half of a switch between kinds of exosomes) is not fewer exosomes:
    it continues into what RAB11a-positive exosomes do, never into what exosomes at large do."""
    chains = ids(ckg.targets("KRAS", depth=3))
    after = [c[1:] for c in chains if c[0] == "compose2025-kras-rab11a-exosome-secretion"]
    assert after == [[], ["compose2025-rab11a-exosome-angiogenesis"]], chains
    (chain,) = ckg.path("KRAS", "angiogenesis").chains
    assert chain.sign == -1 and chain.steps[0].via == "recycling_endosomal_exosome from malignant_cell"


def test_a_cell_behaviour_ends_a_chain(ckg: KnowledgeGraph) -> None:
    """Exosomes make recipient cells migrate; "cell migration changes EV release" is no step after that: a
    behaviour is an outcome (it was a hub every effect on migration flowed through). It still starts a chain."""
    for chain in ckg.path("RAB27A", "EV secretion", max_length=4).chains:
        assert "cell_migration" not in route(chain)[1:-1], route(chain)
    assert ["compose2025-exosome-migration"] in ids(ckg.targets("exosome", depth=3))
    assert ids(ckg.targets("cell migration", depth=2)) == [["compose2025-migration-ev-secretion"]]


def _stat3_chain(root: Path, first: str) -> object:
    """The chain ``first`` -> KRAS -> exosome secretion -> [exosomes] -> STAT3 on ``root``, or None."""
    import exograph

    found = exograph.load(root).targets(first, depth=3, max_chains=500, across_contexts=True)
    return next((c for c in found.chains if route(c)[1:] == ["KRAS", "exosome_secretion", "STAT3"]), None)


def test_a_pooled_step_keeps_only_the_assertions_from_the_chains_disease(compose_root: Path) -> None:
    """Hypoxia raises KRAS in HCC; KRAS raises exosome secretion (no disease stated); the exosomes -> STAT3 step
    pools a finding from tumour cells (no disease) and one from breast-cancer cells into fibroblasts. The chain's
    disease is HCC: the step keeps the tumour-cell finding only, and the transfer names only its cells. (Before,
    diseases were compared over the whole step: the step, stating only breast cancer, marked the chain.)"""
    import exograph
    from tests.conftest import replace_in

    path = compose_root / "curation/assertions/compose2025.yaml"
    hcc = "{cell_types: [malignant_cell], diseases: [hepatocellular_carcinoma]}"
    replace_in(path, f"    context: {hcc}\n", "    context: {cell_types: [malignant_cell]}\n")
    with path.open("a", encoding="utf-8") as handle:
        handle.write(
            "  - id: compose2025-hypoxia-kras\n    regulator: hypoxia\n    target: KRAS\n    direction: increases\n"
            f"    aspect: amount\n    context: {hcc}\n"
            "    evidence:\n      - {quote: Hypoxia raised KRAS in liver tumour cells., section: Text}\n"
        )
    _add_to_source(compose_root, "Hypoxia raised KRAS in liver tumour cells.")
    chain = _stat3_chain(compose_root, "hypoxia")
    assert chain is not None and chain.coherent  # type: ignore[attr-defined]
    steps = chain.steps  # type: ignore[attr-defined]
    assert steps[-1].assertions == ("compose2025-tumour-exosome-stat3",)
    assert steps[-2].via == "exosome from malignant_cell to endothelial_cell"
    # a search for coherent chains only finds it too: it reads the chain's disease from hypoxia's end, as marking
    # does (read from STAT3's end, the pooled step would set breast cancer, and the step in HCC would differ)
    coherent = exograph.load(compose_root).targets("hypoxia", depth=3, max_chains=500).chains
    assert [c for c in coherent if route(c)[1:] == ["KRAS", "exosome_secretion", "STAT3"]] == [chain]
    # asked from STAT3's end, the pooled step nearest it sets the chain's disease whole: the step in HCC differs
    upstream = exograph.load(compose_root).regulators("STAT3", depth=3, max_chains=500, across_contexts=True)
    (marked,) = [c for c in upstream.chains if route(c) == ["hypoxia", "KRAS", "exosome_secretion", "STAT3"]]
    assert not marked.coherent
    # so a search for coherent chains only, read from STAT3's end, leaves it out (it passes the quick checks, where
    # the pooled step binds no disease, and marking from STAT3's end leaves it out) and counts it
    default = exograph.load(compose_root).regulators("STAT3", depth=3, max_chains=500)
    assert [c for c in default.chains if route(c) == ["hypoxia", "KRAS", "exosome_secretion", "STAT3"]] == []
    assert default.query.other_contexts == sum(not c.coherent for c in upstream.chains)


def test_a_transfer_follows_diseases_as_it_follows_cells(compose_root: Path) -> None:
    """Exosomes from breast-cancer cells are exosomes from cancer cells, but what was found for them is not
    what any cancer cell's exosomes do: a step stated for "cancer" does not reach a breast-cancer exosome finding
    (it used to, diseases being compared both ways), as a step in any malignant cell does not reach HepG2's."""
    from tests.conftest import replace_in

    entities = compose_root / "curation/entities/reason.yaml"
    with entities.open("a", encoding="utf-8") as handle:
        handle.write("  - key: cancer\n    curie: MONDO:0004992\n    label: cancer\n    kind: disease\n")
    mini = compose_root / "curation/entities/entities.yaml"
    replace_in(
        mini,
        "    label: breast cancer\n    kind: disease\n",
        "    label: breast cancer\n    kind: disease\n    broader: [cancer]\n",
    )
    path = compose_root / "curation/assertions/compose2025.yaml"
    hcc = "{cell_types: [malignant_cell], diseases: [hepatocellular_carcinoma]}"
    replace_in(path, f"    context: {hcc}\n", "    context: {cell_types: [malignant_cell], diseases: [cancer]}\n")
    chain = next(c for c in _chains_from(compose_root, "KRAS") if route(c) == ["KRAS", "exosome_secretion", "STAT3"])
    assert chain.steps[-1].assertions == ("compose2025-tumour-exosome-stat3",)
    # the other way round composes: a breast-cancer step reaches a finding stated for cancer cells at large
    replace_in(path, "diseases: [cancer]}\n", "diseases: [breast_cancer]}\n")
    replace_in(
        path,
        "{donors: [malignant_cell], recipients: [endothelial_cell]}",
        "{donors: [malignant_cell], recipients: [endothelial_cell], diseases: [cancer]}",
    )
    chain = next(c for c in _chains_from(compose_root, "KRAS") if route(c) == ["KRAS", "exosome_secretion", "STAT3"])
    assert set(chain.steps[-1].assertions) == {"compose2025-tumour-exosome-stat3", "compose2025-breast-exosome-stat3"}


def test_a_transfer_reads_the_disease_of_the_donor_cell_line(compose_root: Path) -> None:
    """KRAS raises exosome secretion in Huh-7 cells, stating no disease: Huh-7 is a line of HCC, so what exosomes
    from breast-cancer cells do is not what its exosomes do (the K-562 chain of the blind review, seed 4242: CML
    cells' exosomes given a multiple-myeloma finding); the finding on tumour cells' exosomes at large still holds."""
    from tests.conftest import replace_in

    entities = compose_root / "curation/entities/reason.yaml"
    line = "    label: Huh-7\n    kind: cell_line\n"
    replace_in(entities, line, line + "    broader: [malignant_cell]\n    diseases: [hepatocellular_carcinoma]\n")
    path = compose_root / "curation/assertions/compose2025.yaml"
    hcc = "{cell_types: [malignant_cell], diseases: [hepatocellular_carcinoma]}"
    replace_in(path, f"    context: {hcc}\n", "    context: {cell_lines: [Huh-7]}\n")
    chain = next(c for c in _chains_from(compose_root, "KRAS") if route(c) == ["KRAS", "exosome_secretion", "STAT3"])
    assert chain.steps[-1].assertions == ("compose2025-tumour-exosome-stat3",)
    assert chain.steps[-2].via == "exosome from malignant_cell to endothelial_cell"
    # with the breast-cancer finding alone the transfer is cut, not kept and marked (a coherence mark is for a
    # join that composes; these are not the same vesicles)
    tumour = (
        "    context: {donors: [malignant_cell], recipients: [endothelial_cell]}\n    evidence:\n      - {quote: Exo"
    )
    replace_in(path, tumour, tumour.replace("malignant_cell", "fibroblast"))
    found = [route(c) for c in _chains_from(compose_root, "KRAS")]
    assert ["KRAS", "exosome_secretion", "STAT3"] not in found and ["KRAS", "exosome_secretion"] in found


def _chains_from(root: Path, name: str) -> tuple[object, ...]:
    import exograph

    return exograph.load(root).targets(name, depth=2, max_chains=500, across_contexts=True).chains  # type: ignore[return-value]


def _add_to_source(root: Path, sentence: str) -> None:
    """Append ``sentence`` to the fixture's source text, recording its new checksum."""
    import hashlib

    from tests.conftest import replace_in

    text = root / "sources/compose2025.txt"
    old = hashlib.sha256(text.read_bytes()).hexdigest()
    with text.open("a", encoding="utf-8") as handle:
        handle.write(f"\n{sentence}\n")
    replace_in(root / "sources/compose2025.yaml", old, hashlib.sha256(text.read_bytes()).hexdigest())


def test_a_vesicles_targets_gather_its_narrower_kinds_never_its_broader_ones(ckg: KnowledgeGraph) -> None:
    """What exosomes do, extracellular vesicles do (EVs gather exosomes), and what RAB11a-positive exosomes do,
    exosomes do; not the other way round: what exosomes at large do is not what one kind of exosome does."""
    exosomes = ids(ckg.targets("exosome", depth=2, across_contexts=True))
    assert ids(ckg.targets("extracellular_vesicle", depth=2, across_contexts=True)) == exosomes
    assert ["compose2025-rab11a-exosome-angiogenesis"] in exosomes and len(exosomes) > 1
    rab11a = [["compose2025-rab11a-exosome-angiogenesis"]]
    assert ids(ckg.targets("recycling_endosomal_exosome", depth=2, across_contexts=True)) == rab11a


def test_a_binding_is_never_a_step_when_chains_are_only_counted(compose_root: Path) -> None:
    """With SYTL1 > exosome secretion, the chains into exosome secretion through SYTL1 are two steps long; RAB27A
    binding SYTL1 is no step, whether the last level is built or, with fewer chains asked for, only counted."""
    import exograph

    sentence = "SYTL1 knock-down lowered exosome release from Huh7 cells."
    _add_to_source(compose_root, sentence)
    with (compose_root / "curation/assertions/compose2025.yaml").open("a", encoding="utf-8") as handle:
        handle.write(
            "  - id: compose2025-sytl1-exosome-secretion\n    regulator: SYTL1\n    target: exosome_secretion\n"
            "    direction: increases\n    aspect: amount\n    context: {cell_lines: [Huh-7]}\n"
            f"    evidence:\n      - {{quote: {sentence}, section: Text, perturbation: knockdown}}\n"
        )
    kg = exograph.load(compose_root)
    every = kg.regulators("exosome_secretion", depth=2, max_chains=1000, across_contexts=True)
    assert ["compose2025-sytl1-exosome-secretion"] in ids(every)
    assert not [c for c in every.chains if c.steps[0].regulator == "RAB27A" and c.steps[0].target == "SYTL1"]
    for shown in (1, 2):
        few = kg.regulators("exosome_secretion", depth=2, max_chains=shown, across_contexts=True)
        assert few.chains == every.chains[:shown]
        assert len(few.chains) + few.query.cut == len(every.chains)
    # counting tries the steps building would, no binding among them: both finish within the same budgets
    finished = {
        shown: [
            chains(
                kg.index, "regulators", "exosome_secretion", ChainOptions(2, shown, coherent=False, budget=b), None
            ).complete
            for b in range(30)
        ]
        for shown in (1, 1000)
    }
    assert finished[1] == finished[1000] and not finished[1][0] and finished[1][-1]


def test_a_modification_curated_from_its_degradation_s_quote_is_no_step(compose_root: Path) -> None:
    """VHL's ubiquitination of HIF1A is a step of its own ("what that does to it is not stated") while its quote
    is its own; curated from the sentence that states the degradation it leads to, the degradation speaks for
    it: chains go through the signed degradation only."""
    import exograph
    from tests.conftest import replace_in

    def aspects() -> set[tuple[str, ...]]:
        found = exograph.load(compose_root).targets("VHL", depth=2, max_chains=10_000, across_contexts=True)
        return {s.aspects for c in found.chains for s in c.steps if (s.regulator, s.target) == ("VHL", "HIF1A")}

    assert aspects() == {("degradation",), ("ubiquitination",)}
    path = compose_root / "curation/assertions/compose2025.yaml"
    degradation = "VHL ubiquitinated HIF-1a for proteasomal degradation."
    replace_in(path, "VHL ubiquitinated HIF-1a in these cells.", degradation)
    assert aspects() == {("degradation",)}
