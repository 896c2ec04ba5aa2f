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


def _record(**fields: object) -> dict[str, object]:
    """An assertion record as the store keeps it: sorafenib raising cell proliferation, with ``fields`` over it."""
    record: dict[str, object] = {
        "id": "x-1",
        "source": "x",
        "regulator": "sorafenib",
        "target": "cell_proliferation",
        "direction": "increases",
        "aspect": "activity",
        "mechanism": None,
        "directness": "indirect",
        "exosomal_cargo": False,
        "hypothesis": False,
        "negated": False,
        "context": {},
        "evidence": [{"assay": None, "references": []}],
    }
    return {**record, **fields}


LABELS = {
    "sorafenib": "sorafenib",
    "cell_proliferation": "cell proliferation",
    "Huh-7": "Huh-7",
    "malignant_cell": "malignant cell",
    "fibroblast": "fibroblast",
    "hepatocellular_carcinoma": "hepatocellular carcinoma",
}
KINDS = {
    "cell_proliferation": "process",
    "Huh-7": "cell_line",
    "malignant_cell": "cell_type",
    "fibroblast": "cell_type",
}


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (  # the growth of neighbouring cells, through the vesicles the treated cells release (liang2021)
            {
                "context": {
                    "cell_lines": ["Huh-7"],
                    "diseases": ["hepatocellular_carcinoma"],
                    "donors": ["Huh-7"],
                    "recipients": ["Huh-7"],
                    "system": "in_vitro",
                }
            },
            "In hepatocellular carcinoma (in vitro), sorafenib indirectly increases cell proliferation through vesicles"
            " passed between Huh-7 cells [x].",
        ),
        (
            {"negated": True, "context": {"donors": ["Huh-7"], "recipients": ["fibroblast"]}},
            "Sorafenib does not indirectly change cell proliferation through vesicles from Huh-7 cells taken up by"
            " fibroblasts [x].",
        ),
        (
            {"hypothesis": True, "directness": "unstated", "context": {"donors": ["malignant_cell"]}},
            "Sorafenib may increase cell proliferation through vesicles from malignant cells [x].",
        ),
        (
            {"direction": "decreases", "context": {"recipients": ["fibroblast"], "cell_types": ["malignant_cell"]}},
            "In malignant cells, sorafenib indirectly decreases cell proliferation through vesicles taken up by"
            " fibroblasts [x].",
        ),
    ],
)
def test_a_claim_through_vesicles_names_their_donors_and_recipients(fields: dict[str, object], expected: str) -> None:
    """Not only vesicle cargo: a treatment of the donor cells whose effect is found in the cells that take up their
    vesicles says so (it stood beside the same treatment's opposite effect on the treated cells themselves)."""
    from exograph.reason.explain import sentence

    assert sentence(_record(**fields), LABELS, KINDS, {}) == expected  # type: ignore[arg-type]
