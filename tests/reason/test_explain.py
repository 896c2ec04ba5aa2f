"""Plain English: one sentence per assertion, a paragraph per chain."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exograph.api import KnowledgeGraph, UnknownAssertion

from .conftest import Cli, route


@pytest.mark.parametrize(
    ("assertion_id", "sentence"),
    [
        (
            "chain2025-sorafenib-rab27",
            "In Huh-7 cells (in vitro), sorafenib increases the activity of RAB27 "
            "[Roe et al. 2025; GST-JFC1 pull-down].",
        ),
        (
            "chain2025-hif1a-mir21",
            "In hepatocellular carcinoma, HIF1A directly increases the amount of hsa-mir-21 through transcription "
            "[Roe et al. 2025; ChIP].",
        ),
        (
            "mini2024-mir21-pdcd4",
            "Exosomal hsa-mir-21 from fibroblasts, taken up by malignant cells, decreases the amount of PDCD4 "
            "post-transcriptionally [Doe 2024; citing ref. 2].",
        ),
        ("mini2024-sorafenib-rab27a", "Sorafenib does not change the amount of RAB27A [Doe 2024]."),
        ("mini2024-hif1a-rab27a", "HIF1A may increase the amount of RAB27A through transcription [Doe 2024]."),
        ("chain2025-kras-hif1a", "KRAS regulates the activity of HIF1A [Roe et al. 2025]."),
        ("mini2024-rab27a-exosome-secretion", "RAB27A increases exosomal secretion [Doe 2024]."),
    ],
)
def test_sentences(kg: KnowledgeGraph, assertion_id: str, sentence: str) -> None:
    assert kg.explain(assertion_id) == sentence


def test_chain_paragraph(kg: KnowledgeGraph) -> None:
    chain = next(c for c in kg.drivers("PDCD4", depth=2).chains if route(c) == ["TP53", "miR-21", "PDCD4"])
    text = kg.explain(chain)
    assert text.startswith("In hepatocellular carcinoma, TP53 decreases the amount of hsa-mir-21 [Roe et al. 2025].")
    assert text.endswith("Together: TP53 is expected to increase PDCD4 (2 steps).")


def test_family_join_is_said(kg: KnowledgeGraph) -> None:
    chain = next(
        c
        for c in kg.drivers("exosome secretion", depth=2).chains
        if route(c) == ["sorafenib", "RAB27", "exosome_secretion"] and c.steps[0].target_link
    )
    assert "RAB27 is a family that includes RAB27A." in kg.explain(chain)


def test_unknown_id(kg: KnowledgeGraph, cli: Cli, chain_root: Path) -> None:
    with pytest.raises(UnknownAssertion):
        kg.explain("chain2025-nothing")
    result = cli("explain", "chain2025-nothing", "--root", str(chain_root))
    assert result.exit_code == 2 and "no assertion has the id 'chain2025-nothing'" in result.output


def test_explain_cli_and_explain_option(cli: Cli, chain_root: Path) -> None:
    out = cli("explain", "chain2025-kras-hif1a", "mini2024-rab27a-exosome-secretion", "--root", str(chain_root)).output
    assert out.splitlines() == [
        "KRAS regulates the activity of HIF1A [Roe et al. 2025].",
        "RAB27A increases exosomal secretion [Doe 2024].",
    ]
    table = cli("drivers", "RAB27A", "--root", str(chain_root), "--explain").output
    assert "chain2025-sorafenib-rab27: In Huh-7 cells (in vitro), sorafenib increases the activity of RAB27" in table
    chains = cli("drivers", "PDCD4", "--depth", "2", "--root", str(chain_root), "--explain").output
    assert "Together: TP53 is expected to increase PDCD4 (2 steps)." in chains


def test_links_to_the_queried_entity_are_said(kg: KnowledgeGraph) -> None:
    (family,) = kg.drivers("RAB27A").chains
    assert kg.explain(family).endswith("RAB27 is a family that includes RAB27A.")
    member = next(c for c in kg.targets("RAB27").chains if c.start_link == "member")
    assert kg.explain(member).startswith("RAB27A is a member of RAB27. ")


def test_explain_json_and_tsv(cli: Cli, chain_root: Path) -> None:
    args = ("explain", "chain2025-kras-hif1a", "--root", str(chain_root), "--format")
    sentence = "KRAS regulates the activity of HIF1A [Roe et al. 2025]."
    assert json.loads(cli(*args, "json").output) == [{"id": "chain2025-kras-hif1a", "sentence": sentence}]
    assert cli(*args, "tsv").output.splitlines() == ["id\tsentence", f"chain2025-kras-hif1a\t{sentence}"]


def test_the_plural_goes_on_the_noun() -> None:
    from exograph.reason.explain import plural

    assert plural("umbilical vein endothelial cell (HUVEC)") == "umbilical vein endothelial cells (HUVEC)"
    assert plural("extracellular vesicles (EVs)") == "extracellular vesicles (EVs)"
    assert plural("Rab11a+ (recycling-endosomal) exosomes") == "Rab11a+ (recycling-endosomal) exosomes"
    assert plural("extracellular exosome") == "extracellular exosomes"
