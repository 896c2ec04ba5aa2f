"""Conflicts: one group per claim, each side listed once, what differs named; generic nodes, same signs
and different aspects are no conflicts. On the reason overlay and on tests/fixtures/context."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import exograph
from exograph.api import KnowledgeGraph
from exograph.compiled.records import diseases_written
from exograph.reason.index import Row

from .conftest import Cli


def sides(c: object) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    return c.increasing, c.decreasing, c.negated  # type: ignore[attr-defined]


def test_conflicts_sorted_unexplained_first(kg: KnowledgeGraph) -> None:
    result = kg.conflicts()
    assert [c.regulator for c in result.conflicts] == ["TP53", "hypoxia"]  # both explained: by key
    broad, by_disease = result.conflicts
    assert sides(by_disease) == (("mini2024-hypoxia-exosome-secretion",), ("chain2025-hypoxia-exosome-secretion",), ())
    assert [(d.field, d.first, d.second) for d in by_disease.differences] == [
        ("diseases", ("breast_cancer",), ("hepatocellular_carcinoma",))
    ]
    # exosome secretion is narrower than EV secretion: the claims meet on the hierarchy, and the
    # narrower vesicle population is what the texts' own words differ in
    assert broad.targets == ("ev_secretion", "exosome_secretion") and broad.explained
    assert [d.field for d in broad.differences] == ["target"]
    assert by_disease.status == "explained" and by_disease.kind == "opposite signs"


def test_conflicts_about_a_name(kg: KnowledgeGraph) -> None:
    assert [c.assertion_ids for c in kg.conflicts("TP53").conflicts] == [
        ("chain2025-tp53-exosome-secretion", "chain2025-tp53-ev-secretion")
    ]
    assert len(kg.conflicts("EV secretion").conflicts) == 2
    assert kg.conflicts("PDCD4").conflicts == ()


def test_a_claim_is_one_group_listing_each_assertion_once(context_tree: Path) -> None:
    found = exograph.load(context_tree).conflicts("hypoxia").conflicts
    assert len(found) == 1
    (hypoxia,) = found
    assert len(hypoxia.increasing) == 6 and hypoxia.decreasing == ("ctx2025-hypoxia-exosome-secretion-neuron",)
    assert len(set(hypoxia.assertion_ids)) == len(hypoxia.assertion_ids) == 7
    # the cells differ in every pair (malignant cells and Huh-7 against neurons), the target for the review's EVs
    cells = next(d for d in hypoxia.differences if d.field == "cells")
    assert cells.first == ("Huh-7", "malignant_cell") and cells.second == ("neuron",)
    assert hypoxia.status == "explained"


def test_what_is_not_a_conflict(context_tree: Path) -> None:
    kg = exograph.load(context_tree)
    # sorafenib raises RAB27A twice (same sign) and lowers its activity (another aspect)
    assert kg.conflicts("sorafenib").conflicts == ()
    # exosomes (a generic class node) from CAFs lower PDCD4, from macrophages raise it: no claim of one thing
    assert all(c.regulator != "extracellular_exosome" for c in kg.conflicts().conflicts)
    assert kg.conflicts("extracellular exosome").conflicts == ()


def test_the_generic_flag_decides(context_tree: Path) -> None:
    from tests.conftest import replace_in

    replace_in(context_tree / "curation/entities/entities.yaml", "    generic: true\n", "")
    (found,) = exograph.load(context_tree).conflicts("extracellular exosome").conflicts
    assert [d.field for d in found.differences] == ["donors"]


def test_activation_against_loss_of_function_explains(context_tree: Path) -> None:
    (tp53,) = exograph.load(context_tree).conflicts("TP53").conflicts
    assert [(d.field, d.first, d.second) for d in tp53.differences] == [
        ("perturbation", ("activation",), ("knockdown",))
    ]
    assert tp53.status == "explained"


def test_stated_and_negated_is_a_disagreement(context_tree: Path) -> None:
    (hif,) = exograph.load(context_tree).conflicts("HIF1A").conflicts
    assert sides(hif) == (("ctx2025-hif1a-rab27a-in-vitro",), (), ("ctx2025-hif1a-rab27a-in-vivo",))
    assert hif.kind == "stated and negated"
    assert [(d.field, d.first, d.second) for d in hif.differences] == [("system", ("in_vitro",), ("in_vivo",))]


def test_unexplained_says_where_to_look(cli: Cli, context_tree: Path) -> None:
    (rab,) = [c for c in exograph.load(context_tree).conflicts("RAB27A").conflicts if c.regulator == "RAB27A"]
    assert rab.status == "unexplained" and rab.differences == () and rab.one_sided == ("diseases",)
    table = cli("conflicts", "RAB27A", "--root", str(context_tree)).output.splitlines()
    assert table[0] == (
        "1. RAB27A -> exosomal secretion (secretion): 1 increasing, 1 decreasing: opposite signs; "
        "unexplained (unexplained pairs: only one states the disease)"
    )


def test_conflicts_cli_formats(cli: Cli, context_tree: Path) -> None:
    root = ("--root", str(context_tree))
    table = cli("conflicts", *root).output
    assert table.count("ctx2025-hypoxia-exosome-secretion-neuron") == 1
    assert "   differs in cells: Huh-7; malignant cell vs neuron" in table
    assert "HIF1A -> RAB27A (amount): 1 increasing, 1 negated: an effect stated and said absent" in table
    assert "     -x does not increase RAB27A  (in vivo)  [Roe 2025]  ctx2025-hif1a-rab27a-in-vivo" in table
    assert table.rstrip().endswith("(4 conflicts)")
    data = json.loads(cli("conflicts", *root, "--format", "json").output)
    first = data["conflicts"][0]
    assert first["status"] == "unexplained" and first["stated_by_one_side_only"] == ["diseases"]
    assert [a["id"] for a in first["assertions"]] == first["increasing"] + first["decreasing"]
    rows = cli("conflicts", "hypoxia", *root, "--format", "tsv").output.splitlines()
    assert rows[0].split("\t") == [
        "conflict",
        "regulator",
        "targets",
        "aspect",
        "status",
        "differences",
        "side",
        "assertion",
    ]
    assert [r.split("\t")[6] for r in rows[1:]] == ["increasing"] * 6 + ["decreasing"]


def test_conflicts_explain_in_every_format(cli: Cli, chain_root: Path) -> None:
    root = ("--root", str(chain_root), "--explain")
    sentence = "TP53 decreases extracellular vesicle secretion [Roe et al. 2025]."
    assert f"chain2025-tp53-ev-secretion: {sentence}" in cli("conflicts", "TP53", *root).output
    data = json.loads(cli("conflicts", "TP53", *root, "--format", "json").output)
    assert data["explanations"]["chain2025-tp53-ev-secretion"] == sentence
    header, *rows = cli("conflicts", "TP53", *root, "--format", "tsv").output.splitlines()
    assert header.endswith("\tassertion\texplanation") and rows[1].split("\t")[-1] == sentence


def test_a_condition_one_text_applies_explains(context_tree: Path) -> None:
    from tests.conftest import replace_in

    path = context_tree / "curation/assertions/ctxreview2024.yaml"
    replace_in(
        path,
        "    aspect: secretion\n    evidence:\n      - quote: RAB27A",
        "    aspect: secretion\n    context:\n      conditions: [hypoxia]\n    evidence:\n      - quote: RAB27A",
    )
    (rab,) = [c for c in exograph.load(context_tree).conflicts("RAB27A").conflicts if c.regulator == "RAB27A"]
    # an unstated disease is unknown; an unstated hypoxia was not applied
    assert [(d.field, d.first, d.second) for d in rab.differences] == [("conditions", (), ("hypoxia",))]
    assert rab.status == "explained"


def test_engineered_or_method_findings_are_compared_only_with_their_own_kind(context_tree: Path) -> None:
    from tests.conftest import replace_in

    path = context_tree / "curation/assertions/ctxreview2024.yaml"
    replace_in(
        path,
        "    direction: decreases\n    aspect: secretion\n",
        "    direction: decreases\n    aspect: secretion\n    scope: engineered\n",
    )
    kg = exograph.load(context_tree)
    assert [c for c in kg.conflicts("RAB27A").conflicts if c.regulator == "RAB27A"] == []
    claims = [c for c in kg.summary("RAB27A").claims if (c.regulator, c.target) == ("RAB27A", "exosome_secretion")]
    assert sorted((c.scope, c.direction) for c in claims) == [("biology", "increases"), ("engineered", "decreases")]


def test_conflicts_take_the_context_filters(cli: Cli, context_tree: Path) -> None:
    kg = exograph.load(context_tree)
    # in HCC only TP53 is stated both ways: the neuron and the review's unstated context do not pass
    assert [c.regulator for c in kg.conflicts(disease="HCC").conflicts] == ["TP53"]
    assert kg.conflicts(disease="HCC", perturbation="gain_of_function").conflicts == ()
    table = cli("conflicts", "--disease", "liver cancer", "--root", str(context_tree)).output
    assert table.startswith("1. TP53 -> exosomal secretion") and table.rstrip().endswith("(1 conflict)")


def test_a_filter_that_matches_nothing_is_a_usage_error_everywhere(cli: Cli, context_tree: Path) -> None:
    for command in (("path", "hypoxia", "RAB27A"), ("conflicts",), ("summary", "hypoxia")):
        result = cli(*command, "--disease", "neuron", "--root", str(context_tree))
        assert result.exit_code == 2, command
        assert "--disease: 'neuron' is a cell_type, not a disease" in result.output


# -- the reading itself: which pairs disagree, how a group's sides, differences and status are made --

SIGNED = [
    # (first: direction, aspect, negated), (second: ...), whether the two disagree
    (("increases", "amount", False), ("decreases", "amount", False), True),
    (("increases", "amount", False), ("increases", "amount", False), False),
    (("increases", "amount", False), ("regulates", "amount", False), False),
    (("regulates", "amount", False), ("regulates", "amount", False), False),
    (("increases", "amount", True), ("increases", "amount", False), True),
    (("decreases", "amount", True), ("decreases", "amount", False), True),
    (("increases", "amount", True), ("decreases", "amount", False), False),
    (("regulates", "amount", True), ("regulates", "amount", False), False),
    (("increases", "amount", True), ("decreases", "amount", True), False),
    # more degradation is less amount; more phosphorylation against less is a disagreement
    (("increases", "degradation", False), ("increases", "amount", False), True),
    (("increases", "degradation", False), ("decreases", "amount", False), False),
    (("increases", "degradation", True), ("decreases", "amount", False), True),
    (("increases", "phosphorylation", False), ("decreases", "phosphorylation", False), True),
]


def _row(i: str, direction: str = "increases", aspect: str = "secretion", negated: bool = False, **more: Any) -> Row:
    target = more.pop("target", "exosome_secretion")
    hypothesis = more.pop("hypothesis", False)
    context, written = json.dumps(more), diseases_written(more)
    return Row(i, "src", "R", target, direction, aspect, hypothesis, negated, context, None, "biology", False, written)


@pytest.mark.parametrize(("first", "second", "expected"), SIGNED)
def test_which_two_claims_disagree(first: tuple[str, str, bool], second: tuple[str, str, bool], expected: bool) -> None:
    from exograph.reason.conflicts import disagree

    a, b = _row("a", *first), _row("b", *second)
    assert disagree(a, b) is expected and disagree(b, a) is expected


def test_the_effect_on_the_target_reads_degradation_as_amount() -> None:
    from exograph.reason.conflicts import effect

    assert effect(_row("a", "increases", "degradation")) == ("amount", -1)
    assert effect(_row("a", "decreases", "degradation")) == ("amount", 1)
    assert effect(_row("a", "decreases", "phosphorylation")) == ("phosphorylation", -1)
    assert effect(_row("a", "regulates", "activity")) == ("activity", 0)


def test_a_group_lists_its_sides_what_differs_and_how_much_is_explained(context_tree: Path) -> None:
    from exograph.reason.conflicts import _conflict, disagree

    index = _index(context_tree)
    down_huh7 = _row("b-down-huh7", "decreases", cell_lines=["Huh-7"])
    down_bare = _row("c-down", "decreases")
    up_neuron = _row("d-up-neuron", cell_types=["neuron"])
    no_change = _row("a-no-change", negated=True, hypothesis=True, diseases=["lung_cancer"])
    rows = [down_huh7, down_bare, up_neuron, no_change]
    pairs = [(a, b) for i, a in enumerate(rows) for b in rows[i + 1 :] if disagree(a, b)]
    # a pair of another group is no part of this one
    elsewhere = (_row("x", cell_types=["neuron"]), _row("y", "decreases", cell_types=["CAF"]))
    found = _conflict(index, "R", "secretion", rows, [*pairs, elsewhere])
    assert (found.increasing, found.decreasing, found.negated) == (
        ("d-up-neuron",),
        ("b-down-huh7", "c-down"),
        ("a-no-change",),
    )
    assert found.kind == "opposite signs and stated and negated"
    # the increasing side is always the first, whatever the order of the pair
    assert [(d.field, d.first, d.second) for d in found.differences] == [("cells", ("neuron",), ("Huh-7",))]
    # one of three disagreeing pairs differs; the other two only say where to look
    assert found.status == "partly explained" and not found.explained
    assert found.one_sided == ("cells", "diseases")
    assert found.hypothesis and found.targets == ("exosome_secretion",)
    assert found.assertion_ids == ("d-up-neuron", "b-down-huh7", "c-down", "a-no-change")
    plain = _conflict(index, "R", "secretion", rows[:2] + rows[2:3], [(down_huh7, up_neuron)])
    assert plain.status == "explained" and plain.explained and plain.one_sided == () and not plain.hypothesis
    assert plain.kind == "opposite signs"
    bare = _conflict(index, "R", "secretion", [down_bare, up_neuron], [(down_bare, up_neuron)])
    assert bare.status == "unexplained" and bare.differences == () and bare.one_sided == ("cells",)


def test_every_difference_of_two_claims_in_order(context_tree: Path) -> None:
    from exograph.reason.conflicts import pair_differences

    index = _index(context_tree)
    first = _row(
        "a", target="ev_secretion", cell_lines=["Huh-7"], diseases=["hepatocellular_carcinoma"], organisms=["human"],
        conditions=["hypoxia"], donors=["CAF"], recipients=["neuron"], system="in_vitro", perturbations=["activation"],
    )  # fmt: skip
    second = _row(
        "b", "decreases", cell_types=["neuron"], diseases=["breast_cancer"], organisms=["mouse"],
        conditions=["sorafenib"], donors=["macrophage"], recipients=["macrophage"], system="in_vivo",
        perturbations=["knockdown", "treatment"],
    )  # fmt: skip
    assert list(pair_differences(index, first, second)) == [
        ("cells", ("Huh-7",), ("neuron",)),
        ("diseases", ("hepatocellular_carcinoma",), ("breast_cancer",)),
        ("organisms", ("human",), ("mouse",)),
        ("conditions", ("hypoxia",), ("sorafenib",)),
        ("donors", ("CAF",), ("macrophage",)),
        ("recipients", ("neuron",), ("macrophage",)),
        ("system", ("in_vitro",), ("in_vivo",)),
        ("perturbation", ("activation",), ("knockdown", "treatment")),
        ("target", ("ev_secretion",), ("exosome_secretion",)),
    ]
    # compatible values differ in nothing; a condition only one side applies is a difference, either way round
    same = _row("c", "decreases", cell_types=["hepatocyte"], diseases=["cancer"], conditions=["hypoxia"])
    assert list(pair_differences(index, _row("d", cell_lines=["Huh-7"], conditions=["hypoxia"]), same)) == []
    assert list(pair_differences(index, _row("e"), same)) == [("conditions", (), ("hypoxia",))]
    assert list(pair_differences(index, same, _row("e"))) == [("conditions", ("hypoxia",), ())]


def test_a_cell_line_s_disease_is_the_claim_s_in_conflicts_too(context_tree: Path) -> None:
    """As in coherence and the filters: a claim in Huh-7 cells stating no disease is a claim in HCC (the compiled
    context carries the line's disease), so against a breast-cancer claim the disease explains, and it counts
    as stated by both sides; a stated "cancer" is narrowed to HCC by the line."""
    from exograph.reason.conflicts import pair_differences
    from exograph.reason.context import one_sided

    index = _index(context_tree)
    in_line = _row("a", cell_lines=["Huh-7"], cell_line_diseases=["hepatocellular_carcinoma"])
    breast = _row("b", "decreases", cell_types=["hepatocyte"], diseases=["breast_cancer"])
    assert list(pair_differences(index, in_line, breast)) == [
        ("diseases", ("hepatocellular_carcinoma",), ("breast_cancer",))
    ]
    stated_cancer = _row(
        "c", cell_lines=["Huh-7"], cell_line_diseases=["hepatocellular_carcinoma"], diseases=["cancer"]
    )
    assert list(pair_differences(index, stated_cancer, breast)) == [
        ("diseases", ("hepatocellular_carcinoma",), ("breast_cancer",))
    ]
    assert one_sided(in_line.context, breast.context) == []


def test_disagreements_join_into_groups() -> None:
    from exograph.reason.conflicts import _components

    a, b, c, d, e = (_row(i) for i in "abcde")
    assert _components([(a, b), (c, d)]) == [[a, b], [c, d]]
    assert _components([(d, c), (a, b), (b, c)]) == [[a, b, c, d]]
    assert _components([(e, a), (c, d), (a, b)]) == [[a, b, e], [c, d]]
    assert _components([]) == []


def _index(root: Path) -> Any:
    from exograph.compiled.store import open_store
    from exograph.reason.index import Index

    return Index.open(open_store(root))


ASSERTIONS = "curation/assertions/ctx2025.yaml"


def test_conflicts_sorted_by_status_then_hypothesis_then_sides(context_tree: Path) -> None:
    from tests.conftest import replace_in

    def order() -> list[tuple[str, str]]:
        return [(c.regulator, c.status) for c in exograph.load(context_tree).conflicts().conflicts]

    # explained groups with a decreasing side come first (TP53, hypoxia), then one stated and negated (HIF1A)
    assert order() == [
        ("RAB27A", "unexplained"),
        ("TP53", "explained"),
        ("hypoxia", "explained"),
        ("HIF1A", "explained"),
    ]
    path = context_tree / ASSERTIONS
    neuron = "    direction: decreases\n    aspect: secretion\n    context:\n      cell_types: [neuron]\n"
    replace_in(path, neuron, neuron.replace("    context:", "    hypothesis: true\n    context:"))
    assert order() == [
        ("RAB27A", "unexplained"),
        ("TP53", "explained"),
        ("HIF1A", "explained"),
        ("hypoxia", "explained"),
    ]
    # without its cells the neuron claim differs from the primary HCC, lung and ovarian claims in nothing:
    # partly explained comes after unexplained, even after an unexplained hypothesis
    replace_in(path, "    hypothesis: true\n    context:\n      cell_types: [neuron]\n", "")
    rab27a = "  - id: ctx2025-rab27a-exosome-secretion\n"
    replace_in(path, rab27a, rab27a + "    hypothesis: true\n")
    assert order() == [
        ("RAB27A", "unexplained"), ("hypoxia", "partly explained"), ("TP53", "explained"), ("HIF1A", "explained")
    ]  # fmt: skip


def test_conflicts_about_an_entity_are_those_it_takes_part_in(context_tree: Path) -> None:
    from tests.conftest import replace_in

    path = context_tree / ASSERTIONS
    for suffix in ("activation", "loss"):
        replace_in(path, f"  - id: ctx2025-tp53-exosome-secretion-{suffix}\n    regulator: TP53\n",
                   f"  - id: ctx2025-tp53-exosome-secretion-{suffix}\n    regulator: HIF1A\n")  # fmt: skip
    kg = exograph.load(context_tree)

    def about(name: str) -> list[tuple[str, tuple[str, ...]]]:
        return [(c.regulator, c.targets) for c in kg.conflicts(name).conflicts]

    # HIF1A now disagrees with itself on RAB27A and on exosome secretion: a query about one target
    # lists that claim only, one about HIF1A both
    assert about("RAB27A") == [("RAB27A", ("exosome_secretion",)), ("HIF1A", ("RAB27A",))]
    assert sorted(about("HIF1A")) == [("HIF1A", ("RAB27A",)), ("HIF1A", ("exosome_secretion",))]
    assert ("HIF1A", ("RAB27A",)) not in about("exosome release")
    # a broader process gathers its narrower ones' conflicts, a narrower one its broader ones'
    assert sorted(about("extracellular vesicle secretion")) == sorted(about("exosome release")) == [
        ("HIF1A", ("exosome_secretion",)), ("RAB27A", ("exosome_secretion",)),
        ("hypoxia", ("ev_secretion", "exosome_secretion")),
    ]  # fmt: skip
    assert about("PDCD4") == [] and about("sorafenib") == []


def test_a_generic_target_is_compared_with_nothing(context_tree: Path) -> None:
    from tests.conftest import replace_in

    entities = context_tree / "curation/entities/entities.yaml"
    replace_in(
        entities, "    label: RAB27A\n    kind: gene\n", "    label: RAB27A\n    kind: gene\n    generic: true\n"
    )
    regulators = {c.regulator for c in exograph.load(context_tree).conflicts().conflicts}
    assert regulators == {"TP53", "hypoxia"}  # HIF1A's claims on RAB27A and RAB27A's own are compared with nothing


def test_a_conflict_as_plain_data(context_tree: Path) -> None:
    from exograph.reason.conflicts import as_json

    (hif,) = exograph.load(context_tree).conflicts("HIF1A").conflicts
    assert as_json(hif) == {
        "regulator": "HIF1A",
        "targets": ["RAB27A"],
        "aspect": "amount",
        "kind": "stated and negated",
        "status": "explained",
        "hypothesis": False,
        "increasing": ["ctx2025-hif1a-rab27a-in-vitro"],
        "decreasing": [],
        "negated": ["ctx2025-hif1a-rab27a-in-vivo"],
        "differences": [{"field": "system", "first": ["in_vitro"], "second": ["in_vivo"]}],
        "stated_by_one_side_only": [],
    }


def test_one_claim_stated_both_ways_on_two_unrelated_targets_is_two_groups(context_tree: Path) -> None:
    """HIF1A's secretion claims on RAB27A and on exosome secretion: two groups of one claim, each listed
    for a query about its own target (a group of another target listed first does not stop the search)."""
    from tests.conftest import replace_in

    path = context_tree / ASSERTIONS
    for suffix in ("activation", "loss"):
        replace_in(path, f"  - id: ctx2025-tp53-exosome-secretion-{suffix}\n    regulator: TP53\n",
                   f"  - id: ctx2025-tp53-exosome-secretion-{suffix}\n    regulator: HIF1A\n")  # fmt: skip
    for then in ("directness", "negated"):
        replace_in(path, f"    target: RAB27A\n    direction: increases\n    aspect: amount\n    {then}",
                   f"    target: RAB27A\n    direction: increases\n    aspect: secretion\n    {then}")  # fmt: skip
    kg = exograph.load(context_tree)
    hif1a = [(c.targets, c.aspect) for c in kg.conflicts("HIF1A").conflicts]
    assert sorted(hif1a) == [(("RAB27A",), "secretion"), (("exosome_secretion",), "secretion")]
    assert [c.targets for c in kg.conflicts("exosome release").conflicts if c.regulator == "HIF1A"] == [
        ("exosome_secretion",)
    ]
    assert [c.targets for c in kg.conflicts("RAB27A").conflicts if c.regulator == "HIF1A"] == [("RAB27A",)]


def test_conflicts_about_a_process_include_those_on_its_broader_process(context_tree: Path) -> None:
    from tests.conftest import replace_in

    path = context_tree / "curation/assertions/ctxreview2024.yaml"
    replace_in(path, "    regulator: RAB27A\n    target: exosome_secretion\n",
               "    regulator: RAB27A\n    target: ev_secretion\n")  # fmt: skip
    replace_in(context_tree / ASSERTIONS, "    regulator: RAB27A\n    target: exosome_secretion\n",
               "    regulator: RAB27A\n    target: ev_secretion\n")  # fmt: skip
    kg = exograph.load(context_tree)
    # RAB27A's claims are now on EV secretion only: a finding about EVs holds for exosomes
    assert ("RAB27A", ("ev_secretion",)) in [
        (c.regulator, c.targets) for c in kg.conflicts("exosome release").conflicts
    ]


def test_a_source_filter_compares_only_that_source_s_claims(context_tree: Path) -> None:
    kg = exograph.load(context_tree)
    # the review's RAB27A claim no longer meets the primary study's; its hypoxia claim leaves that group
    found = kg.conflicts(source="ctx2025").conflicts
    assert [c.regulator for c in found] == ["TP53", "hypoxia", "HIF1A"]
    assert "ctxreview2024-hypoxia-ev-secretion" not in found[1].assertion_ids


def test_the_increasing_side_is_first_against_a_negated_claim_too(context_tree: Path) -> None:
    from exograph.reason.conflicts import _conflict, _related

    index = _index(context_tree)
    negated = _row("a-none", negated=True, cell_types=["neuron"])
    stated = _row("b-up", cell_lines=["Huh-7"])
    found = _conflict(index, "R", "secretion", [negated, stated], [(negated, stated)])
    assert [(d.field, d.first, d.second) for d in found.differences] == [("cells", ("Huh-7",), ("neuron",))]
    # ... and the decreasing side too
    no_fall, falls = (
        _row("a-none", "decreases", negated=True, cell_types=["neuron"]),
        _row("b-down", "decreases", cell_lines=["Huh-7"]),
    )
    found = _conflict(index, "R", "secretion", [no_fall, falls], [(no_fall, falls)])
    assert [(d.field, d.first, d.second) for d in found.differences] == [("cells", ("Huh-7",), ("neuron",))]
    # claims on unrelated targets are never one claim; on a process and its broader one they are
    assert not _related(index, "RAB27A", "HIF1A")
    assert _related(index, "exosome_secretion", "ev_secretion") and _related(index, "ev_secretion", "exosome_secretion")
    assert _related(index, "RAB27A", "RAB27A")
