"""The quick coherence checks a chain search uses agree with marking the chain (context.mark_context).

``grown_coherent`` decides whether a partial chain grows from the answer for the chain one step shorter;
``diseases_agree`` leaves out found chains without marking them. Both are held here to ``mark_context`` on
every chain the search finds across contexts, on the composition fixture and on a generated curation (whose
assertions state diseases and cell lines, so that both answers occur often).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

import exograph
from benchmarks.generate import write_curation
from exograph.api import KnowledgeGraph
from exograph.reason import chains
from exograph.reason.context import coherence, diseases_agree, grown_coherent, mark_context
from exograph.reason.steps import Step


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    root = tmp_path_factory.mktemp("generated")
    write_curation(root, 1_500)
    return exograph.load(root)


@pytest.fixture(params=["ckg", "generated"])
def graph(request: pytest.FixtureRequest) -> KnowledgeGraph:
    return request.getfixturevalue(request.param)  # type: ignore[no-any-return]


def _found(graph: KnowledgeGraph) -> list[tuple[chains.Chain, bool]]:
    """Every chain the search finds across contexts for the most connected entities, with its anchoring."""
    index = graph.index
    rows = index.store.db.execute(
        "SELECT e FROM (SELECT regulator AS e FROM steps UNION ALL SELECT target FROM steps)"
        " GROUP BY e ORDER BY count(*) DESC, e LIMIT 12"
    ).fetchall()
    options = chains.ChainOptions(depth=3, max_chains=10_000, coherent=False, include_hypotheses=True)
    found: list[tuple[chains.Chain, bool]] = []
    for (key,) in rows:
        for kind in ("regulators", "targets"):
            answer = chains.chains(index, kind, key, options, None)
            # as the search meets them: before marking (the answer's chains are marked)
            found += [
                (chains.Chain(tuple(replace(s, other_context=()) for s in c.steps)), kind != "targets")
                for c in answer.chains
            ]
    return found


def test_a_partial_chain_grows_exactly_when_marking_leaves_it_coherent(graph: KnowledgeGraph) -> None:
    index = graph.index
    seen = Counter[bool]()
    for chain, anchor_last in _found(graph):
        steps = chain.steps
        # every partial chain the search meets on the way, grown away from the subject one step at a time
        for size in range(1, len(steps) + 1):
            part = steps[len(steps) - size :] if anchor_last else steps[:size]
            expected = mark_context(index, chains.Chain(part), anchor_last, narrow=False).coherent
            assert grown_coherent(index, tuple(s.contexts for s in part), anchor_last) == expected, part
            seen[expected] += 1
    assert seen[True] > 5 and seen[False] > 3, seen


def test_chains_whose_diseases_disagree_are_never_coherent(graph: KnowledgeGraph) -> None:
    index = graph.index
    seen = Counter[bool]()
    for chain, anchor_last in _found(graph):
        agree = diseases_agree(index, tuple(s.contexts for s in chain.steps), anchor_last)
        if not agree:
            assert not mark_context(index, chain, anchor_last).coherent
        seen[agree] += 1
    assert seen[True] > 5 and seen[False] > 3, seen


def test_the_coherent_search_finds_exactly_the_coherent_chains_found_across_contexts(graph: KnowledgeGraph) -> None:
    """The search carries each partial chain's coherence to the step that grows it (and works it out again
    when composing that step narrowed an earlier one): what it keeps is what marking keeps of every chain
    found across contexts, for chains grown at either end and for paths."""
    index = graph.index
    every = {"max_chains": 100_000, "include_hypotheses": True, "budget": 10**9}
    across = chains.ChainOptions(depth=3, coherent=False, **every)  # type: ignore[arg-type]
    coherent = chains.ChainOptions(depth=3, **every)  # type: ignore[arg-type]
    rows = index.store.db.execute(
        "SELECT e FROM (SELECT regulator AS e FROM steps UNION ALL SELECT target FROM steps)"
        " GROUP BY e ORDER BY count(*) DESC, e LIMIT 8"
    ).fetchall()
    keys = [key for (key,) in rows]
    asked = [
        (lambda o, k=k, kind=kind: chains.chains(index, kind, k, o, None))
        for k in keys
        for kind in ("regulators", "targets")
    ]
    asked += [(lambda o, a=a, b=b: chains.paths(index, a, b, o, None)) for a in keys for b in keys if a != b]
    left_out = 0
    for ask in asked:
        kept = [c.assertion_ids for c in ask(coherent).chains]
        every_chain = ask(across).chains
        expected = [c.assertion_ids for c in every_chain if c.coherent]
        assert sorted(kept) == sorted(expected)
        left_out += len(every_chain) - len(expected)
    assert left_out > 0


def test_a_step_that_composing_narrowed_is_read_again(ckg: KnowledgeGraph) -> None:
    """Joining a new step may keep an earlier step to the assertions that compose with it: the partial chain's
    coherence is then that of the narrowed steps, not the one carried from before (pooled over assertions
    from two diseases, the earlier step agreed with anything either of them agrees with)."""
    index = ckg.index
    liver, breast = '{"diseases": ["liver_cancer_q"]}', '{"diseases": ["breast_cancer_q"]}'
    pooled = Step("x", "s", 1, ("amount",), ("a1", "a2"), (), 0, False, False, contexts=(liver, breast))
    narrowed = replace(pooled, assertions=("a1",), contexts=(liver,))
    options = chains.ChainOptions()
    for anchor_last in (True, False):
        new = Step("w", "x", 1, ("amount",), ("a3",), (), 0, False, False, contexts=(breast,))
        grown = (new, narrowed) if anchor_last else (narrowed, replace(new, regulator="s", target="w"))
        state = coherence(index, (pooled.contexts,), anchor_last)
        assert state is not None
        carried = chains._carried(state, (pooled,), grown, anchor_last)
        assert chains._grown(index, carried, grown, anchor_last, options, None) is None
        tally = Counter[str]()
        assert not chains._kept(index, carried, grown, anchor_last, options, tally)  # found: left out, counted
        assert tally["left out"] == 1
        # not narrowed: the carried answer is used, and the pooled step agrees with the new one
        whole = (new, pooled) if anchor_last else (pooled, grown[1])
        assert chains._carried(state, (pooled,), whole, anchor_last) is state
        assert chains._grown(index, state, whole, anchor_last, options, None) is not None
        assert chains._kept(index, state, whole, anchor_last, options, tally)
