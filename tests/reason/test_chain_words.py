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
