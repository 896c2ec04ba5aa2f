"""Every export keeps every field: each format is read back by its own reader and compared with the store.

The RDF formats have their own round trip over the whole curation (tests/export/test_rdf_round_trip.py).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest

from exograph.compiled.store import Store, open_store
from exograph.curation.vocab import CONTEXT_LIST_FIELDS
from exograph.export import EXPORTERS
from exograph.export.kgx import EDGE_COLUMNS, NODE_COLUMNS
from exograph.export.prefixes import standard_curie
from exograph.export.tabular import NODE_LINK_NAMES, edge_attributes, node_attributes
from exograph.query.text import TSV_COLUMNS, tsv_row
from tests.conftest import replace_in


@pytest.fixture
def store(mini: Path) -> Store:
    """The mini curation with the fields it leaves empty filled in, and text that needs escaping."""
    assertions = mini / "curation/assertions/mini2024.yaml"
    knockdown = "        perturbation: knockdown"
    replace_in(assertions, knockdown, f"{knockdown}\n        assay: 'A & B <x> \"q\"'")
    hypothesis = "    hypothesis: true\n"
    replace_in(assertions, hypothesis, f"{hypothesis}    directness: direct\n    note: 'a | b\t\"c\" <d>'\n")
    entities = mini / "curation/entities/entities.yaml"
    replace_in(entities, "    synonyms: [hypoxic]", "    synonyms: [hypoxic, 'low \"O2\" & <more>']\n    note: why")
    return open_store(mini)


def export(store: Store, fmt: str, tmp_path: Path) -> Path:
    path = tmp_path / f"graph.{fmt}"
    EXPORTERS[fmt].write(store, path)
    return path


def test_json_keeps_every_field(store: Store, tmp_path: Path) -> None:
    data = json.loads(export(store, "json", tmp_path).read_text(encoding="utf-8"))
    graph = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges", **NODE_LINK_NAMES)
    for e in store.entities():
        expected = {k: v for k, v in e.items() if k not in ("key", "curie")} | {"id": e["curie"]}
        assert graph.nodes[e["key"]] == expected
    for a in store.assertions():
        expected = {k: v for k, v in a.items() if k not in ("regulator", "target")}
        assert graph.edges[a["regulator"], a["target"], a["id"]] == expected
    assert graph.number_of_edges() == len(list(store.assertions()))


def test_graphml_keeps_every_flat_field(store: Store, tmp_path: Path) -> None:
    graph = nx.read_graphml(export(store, "graphml", tmp_path), force_multigraph=True)
    for e in store.entities():
        assert graph.nodes[e["key"]] == node_attributes(e)
    for a in store.assertions():
        assert graph.edges[a["regulator"], a["target"], a["id"]] == edge_attributes(a)
    assert graph.nodes["hypoxia"]["synonyms"] == 'hypoxic|low "O2" & <more>'


def test_tsv_keeps_every_field(store: Store, tmp_path: Path) -> None:
    with export(store, "tsv", tmp_path).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    labels = {e["key"]: e["label"] for e in store.entities()}
    assert rows[0] == list(TSV_COLUMNS)
    assert rows[1:] == [tsv_row(a, labels) for a in store.assertions()]


def test_sif_keeps_every_asserted_edge(store: Store, tmp_path: Path) -> None:
    with export(store, "sif", tmp_path).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    verb = {"increases": "increase", "decreases": "decrease", "regulates": "regulate"}
    expected = [
        [
            a["regulator"],
            f"may_{verb[a['direction']]}_{a['aspect']}" if a["hypothesis"] else f"{a['direction']}_{a['aspect']}",
            a["target"],
        ]
        for a in store.assertions()
    ]
    assert rows == [row for row, a in zip(expected, store.assertions(), strict=True) if not a["negated"]]


def test_kgx_keeps_every_node_and_edge(store: Store, tmp_path: Path) -> None:
    folder = export(store, "kgx", tmp_path)

    def read(name: str) -> list[dict[str, str]]:
        with (folder / name).open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))

    nodes = {row["id"]: row for row in read("nodes.tsv")}
    assert all(list(row) == list(NODE_COLUMNS) for row in nodes.values())
    for e in store.entities():
        row = nodes[standard_curie(e["curie"])]
        assert (row["name"], row["synonym"], row["xref"]) == (e["label"], "|".join(e["synonyms"]), "|".join(e["xrefs"]))
    entities = {e["key"]: e for e in store.entities()}
    edges = {row["id"]: row for row in read("edges.tsv")}
    for a in store.assertions():
        row = edges[f"exograph:{a['id']}"]
        assert list(row) == list(EDGE_COLUMNS)
        assert (row["subject"], row["object"]) == tuple(
            standard_curie(entities[k]["curie"]) for k in (a["regulator"], a["target"])
        )
        assert (row["negated"], row["hypothesis"]) == (str(a["negated"]).lower(), str(a["hypothesis"]).lower())
        for name in CONTEXT_LIST_FIELDS:
            assert row[name] == "|".join(standard_curie(entities[k]["curie"]) for k in a["context"].get(name, []))
    assert len(edges) == len(list(store.assertions()))
