"""A gene's query lists its families' claims, a family's query its members' claims, marked."""

from __future__ import annotations

import json
from pathlib import Path

from exograph.api import KnowledgeGraph

from .conftest import Cli, route


def test_member_query_lists_family_claims_marked(cli: Cli, chain_root: Path) -> None:
    result = cli("drivers", "RAB27A", "--root", str(chain_root))
    line = next(line for line in result.output.splitlines() if "chain2025-sorafenib-rab27" in line)
    assert "family-level: RAB27" in line
    data = json.loads(cli("regulators", "RAB27A", "--root", str(chain_root), "--format", "json").output)
    assert data["levels"] == {"chain2025-sorafenib-rab27": "family-level: RAB27"}


def test_family_query_gathers_members_marked(cli: Cli, chain_root: Path) -> None:
    data = json.loads(cli("targets", "RAB27", "--root", str(chain_root), "--format", "json").output)
    ids = [a["id"] for a in data["assertions"]]
    assert set(ids) == {
        "chain2025-rab27-exosome-secretion",
        "chain2025-rab27a-exosome-secretion",
        "mini2024-rab27a-exosome-secretion",
    }
    assert data["levels"] == {
        "chain2025-rab27a-exosome-secretion": "member-level: RAB27A",
        "mini2024-rab27a-exosome-secretion": "member-level: RAB27A",
    }


def test_plain_queries_without_families_are_unchanged(cli: Cli, mini: Path) -> None:
    data = json.loads(cli("regulators", "RAB27A", "--root", str(mini), "--format", "json").output)
    assert "levels" not in data


def test_chains_join_through_families_marked(kg: KnowledgeGraph) -> None:
    result = kg.drivers("exosome secretion", depth=2)
    through = {
        c.steps[1].regulator: c for c in result.chains if route(c) == ["sorafenib", "RAB27", "exosome_secretion"]
    }
    # sorafenib -> RAB27 (the family) -> exosome secretion, a claim about the family itself: unmarked
    assert through["RAB27"].steps[0].target_link is None and not through["RAB27"].marked
    # sorafenib -> RAB27 joined to RAB27A -> exosome secretion: RAB27 is a family of RAB27A, marked
    assert through["RAB27A"].steps[0].target_link == "family" and through["RAB27A"].marked
    assert through["RAB27A"].sign == 1


def test_chain_query_on_a_member_includes_its_family(kg: KnowledgeGraph) -> None:
    chains = kg.drivers("RAB27A").chains
    assert [(route(c), c.steps[-1].target_link) for c in chains] == [(["sorafenib", "RAB27"], "family")]
    members = kg.targets("RAB27").chains
    assert {(c.start_link, c.steps[0].regulator) for c in members} == {(None, "RAB27"), ("member", "RAB27A")}
