"""Done when: every chain drivers/regulators/targets --depth 3 print for the 40 most connected entities
of the project's curation, and every path among them, passes the composition table of docs/reasoning.md.

The rules are re-stated here from the table, on the assertion records themselves, and not imported
from exograph.reason.compose: a test that read its rules from the code it checks could not fail.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

import exograph
from exograph.api import ChainResult, KnowledgeGraph
from exograph.compiled.records import AssertionRecord
from exograph.reason.chains import Chain
from exograph.reason.render import chain_header
from tests.conftest import PROJECT_ROOT

TOP = 40
#: What a step on each aspect changes (the table's rows), re-stated.
MODIFIED = {"phosphorylation", "ubiquitination", "localization"}
VESICLE_PROCESS_ROOTS = {"ev_secretion", "ev_biogenesis", "ev_uptake"}
#: Cell behaviours, outcomes a chain ends at (the table's "phenotypes end them").
BEHAVIOURS = {"cell_proliferation", "cell_migration", "cell_motility", "cell_invasion"}


@dataclass
class Curation:
    kg: KnowledgeGraph
    kinds: dict[str, str]
    generic: set[str]
    broader: dict[str, set[str]]
    exposures: set[str]
    records: dict[str, AssertionRecord]

    def up(self, key: str) -> set[str]:
        seen, todo = {key}, [key]
        while todo:
            for parent in self.broader.get(todo.pop(), ()):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        return seen

    def vesicle_process(self, key: str) -> bool:
        return self.kinds.get(key) == "process" and bool(self.up(key) & VESICLE_PROCESS_ROOTS)

    def vesicle(self, key: str) -> bool:
        return self.kinds.get(key) == "component" and "extracellular_vesicle" in self.up(key)

    def agree(self, first: set[str], second: set[str]) -> bool:
        return any(a in self.up(b) or b in self.up(a) for a in first for b in second)


@pytest.fixture(scope="module")
def curation(tmp_path_factory: pytest.TempPathFactory) -> Curation:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EXOGRAPH_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        kg = exograph.load(PROJECT_ROOT)
    kinds, generic, broader = {}, set(), {}
    for key, kind, data in kg.store.db.execute("SELECT key, kind, data FROM entities"):
        record = json.loads(data)
        kinds[key], broader[key] = kind, set(record["broader"])
        if record.get("generic"):
            generic.add(key)
    records = kg.assertions(r.id for r in kg.index.all_rows())
    given = {c for a in records.values() for c in a["context"].get("conditions", [])}
    exposures = {k for k, kind in kinds.items() if kind in ("condition", "treatment")}
    exposures |= {k for k in given if kinds.get(k) == "chemical"}
    return Curation(kg, kinds, generic, broader, exposures, records)


def _top(curation: Curation) -> list[str]:
    counts: Counter[str] = Counter()
    for a in curation.records.values():
        counts[a["regulator"]] += 1
        counts[a["target"]] += 1
    return [key for key, _ in counts.most_common(TOP)]


def _printed(curation: Curation) -> Iterator[ChainResult]:
    kg, top = curation.kg, _top(curation)
    for key in top:
        for kind in ("drivers", "regulators", "targets"):
            yield getattr(kg, kind)(key, 3)
    for start in top:
        for end in top:
            if start != end:
                yield kg.path(start, end)


def _cells(a: AssertionRecord, *fields: str) -> set[str]:
    return {c for f in fields for c in a["context"].get(f, [])}


def _sign(a: AssertionRecord) -> int:
    if a["negated"] or a["aspect"] in MODIFIED:
        return 0
    sign = {"increases": 1, "decreases": -1}.get(a["direction"], 0)
    return -sign if a["aspect"] == "degradation" else sign


def _pair_problem(c: Curation, first: list[AssertionRecord], then: list[AssertionRecord], joined: str) -> str | None:
    """Whether some assertion of ``then`` may follow some of ``first`` (joined at entity ``joined``)."""
    target = first[0]["target"]
    for node in {target, joined}:
        if node in c.exposures or c.kinds.get(node) == "phenotype" or c.up(node) & BEHAVIOURS:
            return f"passes through the exposure, phenotype or cell behaviour {node}"
    aspects = {a["aspect"] for a in first}
    makes_vesicles = any(
        (a["aspect"] in ("secretion", "biogenesis", "amount") and c.vesicle(target))
        or (c.vesicle_process(target) and a["aspect"] in ("secretion", "biogenesis", "activity", "amount", "uptake"))
        for a in first
    )
    if makes_vesicles and (any(b["exosomal_cargo"] for b in then) or c.vesicle(joined)):
        if not all(b["exosomal_cargo"] for b in then) or not c.vesicle(joined):
            return "vesicle output not followed by the vesicles acting in recipient cells"
        role = "recipients" if "uptake" in aspects or "uptake" in target else "donors"
        mine = set().union(*(_cells(a, "cell_lines", "cell_types", role) for a in first))
        theirs = set().union(*(_cells(b, role) for b in then))
        if not (mine and theirs and c.agree(mine, theirs)):
            return f"a transfer whose {role} are not named by both steps or differ"
        return None
    for node in {target, joined}:
        if node in c.generic:
            return f"passes through the class {node}"
    if makes_vesicles:  # a claim about the vesicle process itself follows, in the same cells
        return None if all(not b["exosomal_cargo"] for b in then) else "vesicle output followed by cargo"
    if aspects & {"cargo_loading", "secretion"}:
        return None if all(b["exosomal_cargo"] for b in then) else "loading not followed by the cargo's effects"
    if aspects & {"subtype_shift", "uptake", "binding"}:
        return f"a step on {aspects} is followed"
    if any(b["exosomal_cargo"] for b in then):
        return "a change in the donor cell followed by an effect as vesicle cargo"
    return None


def _chain_problems(c: Curation, chain: Chain) -> Iterator[str]:
    for step in chain.steps:
        for i in step.assertions:
            a = c.records[i]
            if a["scope"] != "biology" or a["aspect"] == "binding":
                yield f"{i} is {a['scope']} / {a['aspect']}: never a step"
    for first, then, joined in zip(chain.steps, chain.steps[1:], chain.joins, strict=False):
        problem = _pair_problem(
            c, [c.records[i] for i in first.assertions], [c.records[i] for i in then.assertions], str(joined)
        )
        if problem:
            yield f"{first.assertions[0]} -> {then.assertions[0]}: {problem}"
    sign = 1
    for step in chain.steps:
        signs = {_sign(c.records[i]) for i in step.assertions}
        if len(signs) != 1:
            yield f"a step pools assertions of signs {signs}"
        sign *= signs.pop()
    if sign != chain.sign:
        yield f"the chain's sign {chain.sign} is not the product of its steps' ({sign})"
    hypothesis = any(all(c.records[i]["hypothesis"] for i in s.assertions) for s in chain.steps)
    if hypothesis and chain.hedge is None:
        yield "a hypothesis in the chain but no hedge"


def test_every_printed_chain_composes(curation: Curation) -> None:
    problems: list[str] = []
    walked = 0
    for result in _printed(curation):
        read = [chain_header(chain, result.labels, result.kinds) for chain in result.chains]
        if len(read) != len(set(read)):
            problems.append(f"two chains read the same in {result.query.kind} {result.query.subject}")
        for chain in result.chains:
            walked += 1
            problems += [f"{result.query.kind} {result.query.subject}: {p}" for p in _chain_problems(curation, chain)]
    assert walked > 1000  # the walk is not vacuous
    assert problems == [], "\n".join(problems[:20])


def test_the_rules_catch_what_the_issue_found(curation: Curation) -> None:
    """The re-stated rules fail the chains issue 19 rejected, so the walk above can fail."""
    from exograph.reason.chains import ChainOptions, paths

    raw = paths(curation.kg.index, "sorafenib", "AKT", ChainOptions(depth=5, max_chains=10_000, compose=False), None)
    kept = curation.kg.path("sorafenib", "AKT", max_length=5)
    assert len(raw.chains) > len(kept.chains)
    assert any(list(_chain_problems(curation, c)) for c in raw.chains)
    assert kept.chains and not any(list(_chain_problems(curation, c)) for c in kept.chains)
