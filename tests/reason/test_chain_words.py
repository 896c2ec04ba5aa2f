"""A chain's paragraph says each step by a finding that reads as its header does (issue 19's audit)."""

from __future__ import annotations

import pytest

import exograph
from exograph.api import KnowledgeGraph
from tests.conftest import PROJECT_ROOT


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EXOGRAPH_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        return exograph.load(PROJECT_ROOT)


def test_a_step_that_is_not_a_hypothesis_is_not_said_with_may(real: KnowledgeGraph) -> None:
    """hypoxia -> exosome secretion (regulates) rests on a stated finding and a hypothesis: the header says
    "regulates", so the paragraph must too, not the hypothesis's "may" (which sorts first by id)."""
    found = real.path("hypoxia", "exosome secretion", 1, max_chains=50, include_hypotheses=True)
    (chain,) = [c for c in found.chains if c.sign == 0]
    (step,) = chain.steps
    flags = [real.assertion(i)["hypothesis"] for i in step.assertions]
    assert flags[0] and not all(flags) and not step.hypothesis
    said = real.explain(chain)
    assert " may " not in said and "regulates exosome secretion" in said
    assert "(1 more assertion says the same.)" in said


def test_every_chain_paragraph_hedges_as_its_steps(real: KnowledgeGraph) -> None:
    """Across the showcase's neighbourhood: 'may' in a step's sentence only when the step is a hypothesis."""
    found = real.path("hypoxia", "exosome secretion", 2, max_chains=500, include_hypotheses=True)
    checked = 0
    for chain in found.chains:
        if not any(s.hypothesis for s in chain.steps):
            assert " may " not in real.explain(chain), chain.assertion_ids
            checked += 1
    assert checked > 20


@pytest.mark.parametrize(
    ("label", "kind", "several"),
    [
        ("Rab GTPases", "family", True),
        ("cancer risk factors", "condition", True),
        ("microRNAs", "mirna", True),
        ("PHDs (EGLN prolyl hydroxylases)", "family", True),
        ("Hrs", "gene", False),  # a gene is one molecule however it ends
        ("Ras", "family", False),
        ("oxidative stress", "condition", False),
        ("cell redox homeostasis", "process", False),
        ("Epstein-Barr virus (EBV)", "organism", False),
        ("hypoxia", "condition", False),
    ],
)
def test_plural_names(label: str, kind: str, several: bool) -> None:
    from exograph.reason.explain import many

    assert many(label, kind) is several


def test_plural_regulators_take_a_plural_verb(real: KnowledgeGraph) -> None:
    """Issue 19's "Cancer risk factors regulates exosome secretion" and "Rab GTPases increases ...": sentences,
    chain steps and headers agree with a plural name."""
    said = real.explain("wang2021-s9-cancer-risk-factors-exosome-secretion")
    assert said.startswith("Cancer risk factors regulate exosome secretion")
    found = real.path("hypoxia", "exosome secretion", 2, max_chains=500)
    records = real.assertions(i for c in found.chains for i in c.assertion_ids)
    from exograph.reason.render import chains_table

    table = chains_table(found, records)
    assert "   Rab GTPases increase exosome secretion" in table and "Rab GTPases increases" not in table
    assert "Rab GTPases increases" not in " ".join(real.explain(c) for c in found.chains)


def test_a_sentence_keeps_the_case_of_the_name_it_starts_with(real: KnowledgeGraph) -> None:
    """ "PVHL directly increases ..." and "P53 ..." misname the protein: only a plain word is capitalised."""
    assert real.explain("mu2025-a-vhl-hif1a-ubiquitination").startswith("pVHL directly increases")
    assert real.explain("neoplasia2021-a-p53-chmp4c-expression").startswith("p53 directly increases")
    assert real.explain("wang2021-s9-cancer-risk-factors-exosome-biogenesis").startswith("Cancer risk factors")
