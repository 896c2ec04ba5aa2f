"""Context filters on tests/fixtures/context: joined by all, following the broader hierarchy, and the
filters of issue 19 (system, donor, recipient, perturbation) on every query and in the Python API."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

import exograph
from exograph.compiled.store import open_store
from exograph.query.filters import BadFilter
from exograph.query.neighbours import Filters, regulators, targets

Cli = Callable[..., Result]


def ids(result: object) -> list[str]:
    return sorted(a["id"] for a in result.assertions)  # type: ignore[attr-defined]


def test_a_broad_disease_gathers_its_narrower_diseases(context_tree: Path) -> None:
    store = open_store(context_tree)
    found = ids(targets(store, "hypoxia", Filters(disease="cancer")))
    # HCC lies within liver cancer, within cancer: two levels down; lung, ovarian, breast one level down
    assert found == [
        "ctx2025-hypoxia-exosome-secretion-breast",
        "ctx2025-hypoxia-exosome-secretion-hcc",
        "ctx2025-hypoxia-exosome-secretion-huh7",
        "ctx2025-hypoxia-exosome-secretion-lung",
        "ctx2025-hypoxia-exosome-secretion-ovarian",
    ]
    assert ids(targets(store, "hypoxia", Filters(disease="liver cancer"))) == found[1:3]
    # the hierarchy goes down, never up: a claim in HCC says nothing of cancer as a whole
    assert ids(targets(store, "hypoxia", Filters(disease="lung cancer"))) == ["ctx2025-hypoxia-exosome-secretion-lung"]


def test_a_cell_type_gathers_its_cell_lines_and_subtypes(context_tree: Path) -> None:
    store = open_store(context_tree)
    assert ids(targets(store, "hypoxia", Filters(cell_type="hepatocyte"))) == ["ctx2025-hypoxia-exosome-secretion-huh7"]
    # the CAF donors lie within fibroblast
    assert ids(targets(store, "miR-21", Filters(donor="fibroblast"))) == [
        "ctx2025-mir21-pdcd4-macrophage",
        "ctxreview2024-mir21-pdcd4",
    ]


def test_combined_filters_must_all_hold(context_tree: Path) -> None:
    store = open_store(context_tree)
    # HCC alone: three rows; in vivo alone: two; both at once: only the one that is both
    assert len(targets(store, "hypoxia", Filters(disease="HCC")).assertions) == 2
    assert len(targets(store, "hypoxia", Filters(system="in_vivo")).assertions) == 2
    assert ids(targets(store, "hypoxia", Filters(disease="HCC", system="in_vivo"))) == [
        "ctx2025-hypoxia-exosome-secretion-hcc"
    ]
    assert ids(targets(store, "miR-21", Filters(donor="CAF", recipient="macrophage"))) == [
        "ctx2025-mir21-pdcd4-macrophage"
    ]
    assert targets(store, "miR-21", Filters(donor="fibroblast", recipient="neuron")).assertions == []


def test_donor_and_recipient_look_only_at_their_own_field(context_tree: Path) -> None:
    store = open_store(context_tree)
    # macrophages are the recipients of miR-21 and the donors of the exosomes that raise PDCD4
    assert ids(regulators(store, "PDCD4", Filters(recipient="macrophage"))) == ["ctx2025-mir21-pdcd4-macrophage"]
    assert ids(regulators(store, "PDCD4", Filters(donor="macrophage"))) == ["ctx2025-exosome-pdcd4-macrophage"]


def test_perturbation_filter_and_its_classes(context_tree: Path) -> None:
    store = open_store(context_tree)
    assert ids(regulators(store, "exosome release", Filters(perturbation="knockdown"))) == [
        "ctx2025-rab27a-exosome-secretion",
        "ctx2025-tp53-exosome-secretion-loss",
    ]
    assert ids(regulators(store, "exosome release", Filters(perturbation="gain_of_function"))) == [
        "ctx2025-tp53-exosome-secretion-activation"
    ]


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        (Filters(system="in_vitr"), "--system: 'in_vitr' is not a known system; did you mean: in_vitro"),
        (Filters(perturbation="knockout_of"), "--perturbation: 'knockout_of' is not a known perturbation"),
        (Filters(donor="hypoxia"), "--donor: 'hypoxia' is a condition, not an anatomy or cell_line or cell_type"),
        # nothing close: three of the six diseases are offered
        (
            Filters(disease="hypoxia"),
            "--disease: 'hypoxia' is a condition, not a disease "
            "(for example: breast_cancer, cancer, hepatocellular_carcinoma)",
        ),
    ],
)
def test_filter_values_that_match_nothing_raise(context_tree: Path, filters: Filters, message: str) -> None:
    with pytest.raises(BadFilter) as info:
        targets(open_store(context_tree), "hypoxia", filters)
    assert str(info.value).startswith(message)


def test_the_python_api_takes_every_filter(context_tree: Path) -> None:
    kg = exograph.load(context_tree)
    direct = kg.neighbours("targets", "hypoxia", system="in_vivo", disease="cancer")
    assert ids(direct) == ["ctx2025-hypoxia-exosome-secretion-breast", "ctx2025-hypoxia-exosome-secretion-hcc"]
    chains = kg.targets("hypoxia", depth=2, system="in_vivo")
    assert {i for c in chains.chains for i in c.assertion_ids} == {
        "ctx2025-hypoxia-exosome-secretion-breast",
        "ctx2025-hypoxia-exosome-secretion-hcc",
    }
    found = kg.path("TP53", "exosome release", perturbation="loss_of_function", include_negated=True)
    assert [c.assertion_ids for c in found.chains] == [["ctx2025-tp53-exosome-secretion-loss"]]
    with pytest.raises(TypeError, match="unknown filter"):
        kg.targets("hypoxia", sytem="in_vivo")


def test_the_cli_takes_every_filter(cli: Cli, context_tree: Path) -> None:
    root = ("--root", str(context_tree), "--format", "json")
    data = json.loads(cli("targets", "hypoxia", "--system", "in_vivo", "--disease", "cancer", *root).output)
    assert sorted(a["id"] for a in data["assertions"]) == [
        "ctx2025-hypoxia-exosome-secretion-breast",
        "ctx2025-hypoxia-exosome-secretion-hcc",
    ]
    chains = json.loads(cli("drivers", "PDCD4", "--depth", "2", "--donor", "macrophage", *root).output)
    assert [[s["assertions"] for s in c["steps"]] for c in chains["chains"]] == [[["ctx2025-exosome-pdcd4-macrophage"]]]
    bad = cli("targets", "hypoxia", "--system", "in_glass", "--root", str(context_tree))
    assert bad.exit_code == 2 and "'in_glass' is not one of" in bad.output


def _huh7_in_hcc(root: Path) -> None:
    """Huh-7 records its disease, as the project's cell lines do (Cellosaurus: hepatocellular carcinoma)."""
    from tests.conftest import replace_in

    entities = root / "curation/entities/entities.yaml"
    line = "    kind: cell_line\n    broader: [hepatocyte]\n"
    replace_in(entities, line, line + "    diseases: [hepatocellular_carcinoma]\n")


def test_a_cell_line_brings_its_disease_to_the_disease_filter(context_tree: Path, cli: Cli) -> None:
    _huh7_in_hcc(context_tree)
    store = open_store(context_tree)
    # ctx2025-sorafenib-rab27a-huh7 states no disease; its cell line is a line of HCC, within liver cancer and cancer
    for disease in ("HCC", "liver cancer", "cancer"):
        assert ids(regulators(store, "RAB27A", Filters(disease=disease, negated=False))) == [
            "ctx2025-hif1a-rab27a-in-vitro",
            "ctx2025-sorafenib-rab27a-activity",
            "ctx2025-sorafenib-rab27a-hcc",
            "ctx2025-sorafenib-rab27a-huh7",
        ], disease
    assert ids(regulators(store, "RAB27A", Filters(disease="breast cancer"))) == []
    # the command line and a chain's steps decide alike (the compiled steps carry the line's disease)
    result = cli("regulators", "RAB27A", "--disease", "HCC", "--format", "tsv", "--root", str(context_tree))
    assert "ctx2025-hif1a-rab27a-in-vitro" in result.output
    chains = exograph.load(context_tree).regulators("exosome_secretion", depth=2, disease="HCC").chains
    assert any(c.steps[0].assertions == ("ctx2025-hif1a-rab27a-in-vitro",) for c in chains)
