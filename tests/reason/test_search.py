"""Free-text search: entities and assertions apart, ranked."""

from __future__ import annotations

import json
from pathlib import Path

from exograph.api import KnowledgeGraph

from .conftest import Cli


def test_label_and_synonym_hits_rank_first(kg: KnowledgeGraph) -> None:
    result = kg.search("p53")
    assert [h.key for h in result.entities] == ["TP53"]
    assert {h.key for h in result.assertions} == set()  # quotes say TP53, not p53
    tp53 = kg.search("TP53")
    assert tp53.entities[0].key == "TP53"
    assert {h.key for h in tp53.assertions} == {
        "chain2025-kras-tp53-degradation",
        "chain2025-tp53-ev-secretion",
        "chain2025-tp53-exosome-secretion",
        "chain2025-tp53-mir21",
    }


def test_notes_quotes_and_prefixes(kg: KnowledgeGraph) -> None:
    assert [h.key for h in kg.search("tumour suppressor").entities] == ["TP53"]  # from the note
    quotes = kg.search("hepatoma exosome").assertions
    assert [h.key for h in quotes][:2] == ["chain2025-hypoxia-exosome-secretion", "chain2025-rab27a-exosome-secretion"]
    assert "hypoxia" in {h.key for h in kg.search("hypox").entities}


def test_all_words_preferred_over_any(kg: KnowledgeGraph) -> None:
    both = kg.search("KRAS degradation").assertions
    assert [h.key for h in both] == ["chain2025-kras-tp53-degradation"]
    either = kg.search("KRAS zebrafish").assertions  # no record has both: any word will do
    assert {h.key for h in either} == {"chain2025-kras-hif1a", "chain2025-kras-tp53-degradation"}


def test_nothing_and_punctuation(kg: KnowledgeGraph, cli: Cli, chain_root: Path) -> None:
    assert kg.search("\"'*()").entities == ()
    assert cli("search", "xyzzy", "--root", str(chain_root)).output == "Nothing matches 'xyzzy'.\n"


def test_search_cli_formats(cli: Cli, chain_root: Path) -> None:
    table = cli("search", "RAB27", "--root", str(chain_root)).output
    assert table.startswith("ENTITIES\n  RAB27  (RAB27)") and "\nASSERTIONS\n" in table
    data = json.loads(cli("search", "RAB27", "--root", str(chain_root), "--format", "json").output)
    assert data["entities"][0]["key"] == "RAB27" and set(data) == {"text", "entities", "assertions"}
    rows = cli("search", "RAB27", "--root", str(chain_root), "--format", "tsv").output.splitlines()
    assert rows[0] == "section\trank\tkey\tlabel\tscore\thypothesis\tnegated\tsnippet" and rows[1].startswith(
        "entity\t1\tRAB27\t"
    )
