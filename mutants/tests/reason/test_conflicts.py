"""Conflicts: opposite signs on the same target or a broader/narrower one; unexplained first."""

from __future__ import annotations

import json
from pathlib import Path

from exograph.api import KnowledgeGraph

from .conftest import Cli


def pairs(result: object) -> list[tuple[str, str]]:
    return [(c.first, c.second) for c in result.conflicts]  # type: ignore[attr-defined]


def test_conflicts_sorted_unexplained_first(kg: KnowledgeGraph) -> None:
    result = kg.conflicts()
    assert pairs(result) == [
        ("chain2025-tp53-ev-secretion", "chain2025-tp53-exosome-secretion"),
        ("chain2025-hypoxia-exosome-secretion", "mini2024-hypoxia-exosome-secretion"),
    ]
    broad, by_disease = result.conflicts
    # exosome secretion is narrower than EV secretion: the claims meet on the hierarchy
    assert broad.targets == ("ev_secretion", "exosome_secretion") and not broad.explained
    assert by_disease.differing_context == ("diseases",) and by_disease.explained
    assert by_disease.kind == "opposite signs"


def test_conflicts_about_a_name(kg: KnowledgeGraph) -> None:
    assert pairs(kg.conflicts("TP53")) == [("chain2025-tp53-ev-secretion", "chain2025-tp53-exosome-secretion")]
    assert len(kg.conflicts("EV secretion").conflicts) == 2
    assert kg.conflicts("PDCD4").conflicts == ()


def test_stated_and_negated_is_a_conflict(cli: Cli, chain_root: Path) -> None:
    import exograph
    from tests.conftest import replace_in

    path = chain_root / "curation/assertions/chain2025.yaml"
    replace_in(
        path,
        "    target: RAB27\n    direction: increases\n    aspect: activity",
        "    target: RAB27A\n    direction: increases\n    aspect: amount",
    )
    found = exograph.load(chain_root).conflicts("sorafenib").conflicts
    assert [(c.first, c.second, c.kind, c.explained) for c in found] == [
        ("chain2025-sorafenib-rab27", "mini2024-sorafenib-rab27a", "stated and negated", False)
    ]
    table = cli("conflicts", "sorafenib", "--root", str(chain_root)).output.splitlines()
    assert table[1].startswith("   -> increases RAB27A  (Huh-7; in vitro)  [Roe et al. 2025]")
    assert table[2].startswith("   -x does not increase RAB27A  (no context stated)  [Doe 2024]")


def test_conflicts_cli_formats(cli: Cli, chain_root: Path) -> None:
    table = cli("conflicts", "--root", str(chain_root)).output
    assert "TP53 on secretion: opposite signs (not explained by context)" in table
    assert "Hypoxia on secretion: opposite signs (context differs in diseases)" in table
    assert table.rstrip().endswith("(2 conflicts)")
    data = json.loads(cli("conflicts", "--root", str(chain_root), "--format", "json").output)
    first = data["conflicts"][0]
    assert [a["id"] for a in first["assertions"]] == ["chain2025-tp53-ev-secretion", "chain2025-tp53-exosome-secretion"]
    assert first["explained_by_context"] is False and first["kind"] == "opposite signs"
    rows = cli("conflicts", "hypoxia", "--root", str(chain_root), "--format", "tsv").output.splitlines()
    assert rows[0].split("\t")[-2:] == ["first", "second"] and len(rows) == 2


def test_conflicts_explain_in_every_format(cli: Cli, chain_root: Path) -> None:
    root = ("--root", str(chain_root), "--explain")
    sentence = "TP53 decreases extracellular vesicle secretion [Roe et al. 2025]."
    assert f"chain2025-tp53-ev-secretion: {sentence}" in cli("conflicts", "TP53", *root).output
    data = json.loads(cli("conflicts", "TP53", *root, "--format", "json").output)
    assert data["explanations"]["chain2025-tp53-ev-secretion"] == sentence
    header, row = cli("conflicts", "TP53", *root, "--format", "tsv").output.splitlines()
    assert header.endswith("\tfirst_explanation\tsecond_explanation") and row.split("\t")[-2] == sentence
