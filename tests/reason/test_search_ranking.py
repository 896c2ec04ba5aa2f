"""Search puts the best hit first, on its own fixture (tests/fixtures/search over the mini tree), so a
curation change cannot hide a regression: whole names before prefixes, stems that do not join unrelated
words, exact names and established claims before hypotheses, negations and notes, flags on every hit,
the query echoed safely, and bounded queries."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import exograph
from exograph.api import KnowledgeGraph
from exograph.reason.search import QUERY_CHARS, QUERY_WORDS, BadQuery
from tests.conftest import FIXTURES

from .conftest import Cli


@pytest.fixture
def search_root(mini: Path) -> Path:
    shutil.copytree(FIXTURES / "search", mini, dirs_exist_ok=True)
    return mini


@pytest.fixture
def kg(search_root: Path) -> KnowledgeGraph:
    return exograph.load(search_root)


def keys(hits: tuple[exograph.api.Hit, ...]) -> list[str]:
    return [h.key for h in hits]


def test_whole_names_before_prefixes(kg: KnowledgeGraph) -> None:
    result = kg.search("miR-21 macrophage")
    assert "miR-211" not in keys(result.entities)
    assert keys(result.assertions)[0] == "search2025-mir21-pdcd4"
    assert "search2025-mir211-idh1" not in keys(result.assertions)
    assert keys(kg.search("miR-211").assertions) == ["search2025-mir211-idh1"]


def test_a_stem_does_not_join_unrelated_words(kg: KnowledgeGraph) -> None:
    result = kg.search("reduces")
    assert keys(result.entities) == []  # not "reductive carboxylation"
    assert keys(result.assertions) == ["mini2024-rab27a-exosome-secretion", "search2025-mir21-pdcd4"]
    assert keys(kg.search("reductive").entities)[0] == "reductive_carboxylation"


def test_a_partial_word_is_still_a_prefix(kg: KnowledgeGraph) -> None:
    result = kg.search("hypox")
    assert keys(result.entities) == ["hypoxia"]
    assert keys(result.assertions) == ["mini2024-hypoxia-exosome-secretion", "search2025-hypoxia-mir21"]


def test_exact_names_and_established_claims_first(kg: KnowledgeGraph) -> None:
    assert keys(kg.search("PDCD4").entities)[0] == "PDCD4"  # IDH1's note names it too
    assert keys(kg.search("RAB27A").assertions) == [
        "mini2024-rab27a-exosome-secretion",
        "search2025-sorafenib-rab27a",
        "mini2024-hif1a-rab27a",  # hypothesis
        "mini2024-sorafenib-rab27a",  # negated
    ]
    noted = kg.search("finding")
    assert keys(noted.assertions) == ["search2025-sorafenib-rab27a"]
    assert "[finding]" in noted.assertions[0].snippet  # the note's words, where only the note matched


def test_flags_on_every_hit(kg: KnowledgeGraph, cli: Cli, search_root: Path) -> None:
    hits = {h.key: h for h in kg.search("RAB27A").assertions}
    assert hits["mini2024-hif1a-rab27a"].hypothesis and not hits["mini2024-hif1a-rab27a"].negated
    assert hits["mini2024-sorafenib-rab27a"].negated
    table = cli("search", "RAB27A", "--root", str(search_root)).output
    assert "  mini2024-hif1a-rab27a  [hypothesis]\n" in table
    assert "  mini2024-sorafenib-rab27a  [negated]\n" in table
    data = json.loads(cli("search", "RAB27A", "--root", str(search_root), "--format", "json").output)
    assert {(h["key"], h["hypothesis"], h["negated"]) for h in data["assertions"]} >= {
        ("mini2024-hif1a-rab27a", True, False),
        ("mini2024-sorafenib-rab27a", False, True),
    }
    rows = cli("search", "RAB27A", "--root", str(search_root), "--format", "tsv").output.splitlines()
    assert any(r.startswith("assertion\t") and "\tfalse\ttrue\t" in r for r in rows)


def test_the_query_is_echoed_safely(cli: Cli, search_root: Path) -> None:
    out = cli("search", "\x1b]0;owned\x07\x1b[2Jzzz", "--root", str(search_root)).output
    assert "\x1b" not in out and "\x07" not in out
    assert out.startswith("Nothing matches '")


def test_queries_are_bounded(kg: KnowledgeGraph, cli: Cli, search_root: Path) -> None:
    words = " ".join(["exosome"] * 5_000)
    with pytest.raises(BadQuery, match="characters long"):
        kg.search(words)
    with pytest.raises(BadQuery, match=f"at most {QUERY_WORDS}"):
        kg.search(" ".join(["a"] * (QUERY_WORDS + 1)))
    result = cli("search", "x" * (QUERY_CHARS + 1), "--root", str(search_root))
    assert result.exit_code == 2 and "at most 1,000 are allowed" in result.output
    assert keys(kg.search(" ".join(["secretion"] * QUERY_WORDS)).assertions)  # the longest query still works
