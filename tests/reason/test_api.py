"""The Python API: typed frozen results, the documented entry point, and a light import."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

import exograph
from exograph.api import KnowledgeGraph
from exograph.query.neighbours import UnknownName

HEAVY = ("pydantic", "yaml", "networkx", "rdflib")


def test_results_are_frozen(kg: KnowledgeGraph) -> None:
    result = kg.drivers("PDCD4", depth=2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.chains[0].steps[0].sign = -1  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        kg.conflicts().conflicts[0].status = "unexplained"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        kg.summary("PDCD4").claims[0].score = 1.0  # type: ignore[misc]


def test_bad_arguments(kg: KnowledgeGraph, tmp_path: Path) -> None:
    with pytest.raises(UnknownName, match="did you mean: hypoxia"):
        kg.path("hypoxa", "PDCD4")
    with pytest.raises(TypeError, match="unknown filter"):
        kg.drivers("PDCD4", tissue="liver")
    with pytest.raises(FileNotFoundError):
        exograph.load(tmp_path)
    with pytest.raises(ValueError, match="kind must be one of"):
        kg.neighbours("upstream", "PDCD4")
    assert [a["id"] for a in kg.neighbours("regulators", "PDCD4").assertions] == ["mini2024-mir21-pdcd4"]


def test_filters_by_name(kg: KnowledgeGraph) -> None:
    in_huh7 = kg.targets("sorafenib", depth=2, cell_line="Huh7").chains
    assert [c.assertion_ids for c in in_huh7] == [
        ["chain2025-sorafenib-rab27"]
    ]  # RAB27's next step states no cell line


@pytest.mark.usefixtures("kg")  # compiles the cache, so the fresh process below only reads it
def test_queries_import_nothing_heavy(chain_root: Path) -> None:
    script = (
        "import sys, exograph\n"
        f"assert not [m for m in {HEAVY!r} if m in sys.modules], 'import exograph'\n"
        f"kg = exograph.load({str(chain_root)!r})\n"
        "kg.drivers('PDCD4', depth=3); kg.path('KRAS', 'PDCD4'); kg.conflicts(); kg.search('TP53')\n"
        "kg.explain('chain2025-kras-hif1a'); kg.explain(kg.regulators('PDCD4', depth=2).chains[-1])\n"
        f"print([m for m in {HEAVY!r} if m in sys.modules])\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
