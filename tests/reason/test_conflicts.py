"""Conflicts: one group per claim, each side listed once, what differs named; generic nodes, same signs
and different aspects are no conflicts. On the reason overlay and on tests/fixtures/context."""

from __future__ import annotations

import json
from pathlib import Path

import exograph
from exograph.api import KnowledgeGraph

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
