"""The quick coherence checks a chain search uses agree with marking the chain (context.mark_context).

``grown_coherent`` decides whether a partial chain grows from the answer for the chain one step shorter;
``diseases_agree`` leaves out found chains without marking them. Both are held here to ``mark_context`` on
every chain the search finds across contexts, on the composition fixture and on a generated curation (whose
assertions state diseases and cell lines, so that both answers occur often), once more with a disease on every
cell line (a step's disease then often comes from its line alone).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace

import pytest
import yaml

import exograph
from benchmarks.generate import write_curation
from exograph.api import KnowledgeGraph
from exograph.compiled.records import diseases_written
from exograph.reason import chains
from exograph.reason.context import (
    Placed,
    coherence,
    diseases_agree,
    diseases_follow,
    grown,
    grown_coherent,
    mark_context,
    placed,
)
from exograph.reason.steps import Step


def _at(*contexts: str) -> Placed:
    """A step's placing (:func:`placed`) from its assertions' compiled contexts, as the compiled steps keep it."""
    return contexts, tuple(sorted({diseases_written(json.loads(c)) for c in contexts}))


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    root = tmp_path_factory.mktemp("generated")
    write_curation(root, 1_500)
    return exograph.load(root)


@pytest.fixture(scope="module")
def lined(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    """The generated curation with a disease on every cell line; each assertion in a line states the line's
    disease or none, so that steps differ in disease through their cell lines alone (ancestors too: a third of
    the lines are lines of a disease within another)."""
    root = tmp_path_factory.mktemp("lined")
    write_curation(root, 1_500)
    line_disease = {f"CL{i:02d}": f"cancer_{i % 12}" for i in range(60)}
    for path in (root / "curation/entities").glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entity in data["entities"]:
            if entity["key"] in line_disease:
                entity["diseases"] = [line_disease[entity["key"]]]
            elif entity["kind"] == "disease" and int(entity["key"].split("_")[1]) >= 12:
                entity["broader"] = [f"cancer_{int(entity['key'].split('_')[1]) % 12}"]
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    for n, path in enumerate(sorted((root / "curation/assertions").glob("*.yaml"))):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for i, assertion in enumerate(data["assertions"]):
            context = assertion.get("context", {})
            for line in context.get("cell_lines", ()):
                if (n + i) % 2:
                    context.pop("diseases", None)
                else:
                    context["diseases"] = [line_disease[line]]
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return exograph.load(root)


@pytest.fixture(params=["ckg", "generated", "lined"])
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
            assert grown_coherent(index, tuple(placed(s) for s in part), anchor_last) == expected, part
            seen[expected] += 1
    assert seen[True] > 5 and seen[False] > 3, seen


def test_chains_whose_diseases_disagree_are_never_coherent(graph: KnowledgeGraph) -> None:
    index = graph.index
    seen = Counter[bool]()
    for chain, anchor_last in _found(graph):
        agree = diseases_agree(index, tuple(s.diseases for s in chain.steps), anchor_last)
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
    pooled = Step("x", "s", 1, ("amount",), ("a1", "a2"), (), 0, False, False, *_at(liver, breast))
    narrowed = replace(pooled, assertions=("a1",), contexts=(liver,), diseases=_at(liver)[1])
    for anchor_last in (True, False):
        new = Step("w", "x", 1, ("amount",), ("a3",), (), 0, False, False, *_at(breast))
        grown = (new, narrowed) if anchor_last else (narrowed, replace(new, regulator="s", target="w"))
        state = coherence(index, (placed(pooled),), anchor_last)
        assert state is not None
        tally = Counter[str]()
        check = chains._Coherent(index, anchor_last, tally)
        carried = check.carried(state, (pooled,), grown)
        assert check.grown(carried, grown) is None and tally["partial chains"] == 1
        assert not check.kept(carried, grown)  # found: left out, counted
        assert tally["left out"] == 1
        # not narrowed: the carried answer is used, and the pooled step agrees with the new one
        whole = (new, pooled) if anchor_last else (pooled, grown[1])
        assert check.carried(state, (pooled,), whole) is state
        assert check.grown(state, whole) is not None
        assert check.kept(state, whole)


def test_a_field_only_some_of_a_steps_assertions_state_binds_nothing(ckg: KnowledgeGraph) -> None:
    """Marking may keep a step to those of its assertions that leave a field open (those in the chain's
    disease, those that compose), so the quick checks never let such a field cut a chain: the step's other
    assertions may be the ones kept. Where every assertion states it, it binds."""
    index = ckg.index
    liver, breast, unstated = '{"diseases": ["liver_cancer_q"]}', '{"diseases": ["breast_cancer_q"]}', "{}"
    for anchor_last in (True, False):
        in_breast = coherence(index, (_at(breast),), anchor_last)
        assert in_breast is not None
        assert grown(index, in_breast, _at(liver), anchor_last) is None
        assert grown(index, in_breast, _at(liver, unstated), anchor_last) is not None
        assert not diseases_follow(index, in_breast, _at(liver)[1])
        assert diseases_follow(index, in_breast, _at(liver, unstated)[1])
        chain = ((breast,), (liver, unstated)) if not anchor_last else ((liver, unstated), (breast,))
        assert diseases_agree(index, tuple(_at(*c)[1] for c in chain), anchor_last)
        assert not diseases_agree(index, tuple(_at(c[0])[1] for c in chain), anchor_last)
    fibroblast, hepatocyte = '{"cell_types": ["fibroblast_q"]}', '{"cell_types": ["hepatocyte_q"]}'
    for anchor_last in (True, False):  # the next step acts in hepatocytes; the one before it has its effect
        in_hepatocytes = coherence(index, (_at(hepatocyte),), anchor_last)
        assert grown(index, in_hepatocytes, _at(fibroblast), anchor_last) is None
        assert grown(index, in_hepatocytes, _at(fibroblast, unstated), anchor_last) is not None
    # growing behind, a step that states where its effect happens in only some assertions passes on no cells:
    # the next step may act anywhere (in fibroblasts), not only where the step before it had its effect
    mixed = coherence(index, (_at(hepatocyte), _at(hepatocyte, unstated)), False)
    assert mixed is not None and mixed[1] == ()
    assert grown(index, mixed, _at(fibroblast), False) is not None
