"""CX2: read back with the ndex2 package's own CX2 reader; every entity, assertion and field survives."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from ndex2.cx2 import CX2Network, RawCX2NetworkFactory

from exograph.compiled.store import Store, open_store
from exograph.curation.vocab import CONTEXT_LIST_FIELDS
from exograph.export import EXPORTERS
from tests.conftest import PROJECT_ROOT

# Shapes and line styles the CX2 visual-style specification enumerates
NODE_SHAPES = {"ellipse", "triangle", "rectangle", "round-rectangle", "parallelogram", "diamond", "hexagon", "octagon"}
ARROW_SHAPES = {"none", "triangle", "triangle-cross", "square", "diamond", "circle", "open_delta", "tee", "vee"}
LINE_STYLES = {"solid", "dotted", "dashed", "double"}


def read(store: Store, tmp_path: Path) -> CX2Network:
    path = tmp_path / "graph.cx2"
    EXPORTERS["cx2"].write(store, path)
    return RawCX2NetworkFactory().get_cx2network(str(path))


def discrete(mapping: dict[str, Any]) -> dict[Any, str]:
    return {entry["v"]: entry["vp"] for entry in mapping["definition"]["map"]}


@pytest.mark.parametrize("root", ["mini", "project"])
def test_every_entity_and_assertion_survives_the_ndex2_reader(root: str, mini: Path, tmp_path: Path) -> None:
    store = open_store(mini if root == "mini" else PROJECT_ROOT)
    network = read(store, tmp_path)
    entities = {e["key"]: e for e in store.entities()}
    assertions = {a["id"]: a for a in store.assertions()}
    nodes, edges = network.get_nodes(), network.get_edges()
    assert len(nodes) == len(entities) and len(edges) == len(assertions)

    by_id = {n["id"]: n["v"] for n in nodes.values()}
    for values in by_id.values():
        e = entities[values["key"]]
        assert (values["name"], values["represents"], values["kind"]) == (e["label"], e["curie"], e["kind"])
        assert values["synonyms"] == e["synonyms"] and values["xrefs"] == e["xrefs"]
    sources = store.sources()
    for edge in edges.values():
        v = edge["v"]
        a = assertions[v["assertion_id"]]
        assert (by_id[edge["s"]]["key"], by_id[edge["t"]]["key"]) == (a["regulator"], a["target"])
        assert (v["direction"], v["aspect"], v["directness"]) == (a["direction"], a["aspect"], a["directness"])
        assert (v["negated"], v["hypothesis"], v["exosomal_cargo"]) == (
            a["negated"],
            a["hypothesis"],
            a["exosomal_cargo"],
        )
        assert v.get("mechanism") == a["mechanism"] and v.get("system") == a["context"].get("system")
        assert v["scope"] == a["scope"]
        assert v["quotes"] == [ev["quote"] for ev in a["evidence"]] and v["source"] == a["source"]
        assert v["publication"].removeprefix("doi:").removeprefix("PMID:") in {
            sources[a["source"]]["doi"],
            sources[a["source"]]["pmid"],
            f"exograph:source/{a['source']}",
        }
        for name in CONTEXT_LIST_FIELDS:
            assert v[name] == a["context"].get(name, [])
        assert v["interaction"].startswith("no effect") == a["negated"]

    attributes = network.get_network_attributes()
    assert attributes["name"] == "exograph" and attributes["version"] and "MIT" in attributes["licence"]
    assert len(attributes["source licences"]) == len(sources)
    declared = network.get_attribute_declarations()
    assert declared["edges"]["quotes"] == {"d": "list_of_string"} and declared["nodes"]["local"] == {"d": "boolean"}


def test_style_is_the_pictures_style(mini: Path, tmp_path: Path) -> None:
    network = read(open_store(mini), tmp_path)
    style = network.get_visual_properties()
    edge_map, node_map = style["edgeMapping"], style["nodeMapping"]
    colour = discrete(edge_map["EDGE_LINE_COLOR"])
    head = discrete(edge_map["EDGE_TARGET_ARROW_SHAPE"])
    line = discrete(edge_map["EDGE_LINE_STYLE"])
    assert (head["increases"], head["decreases"], head["negated"]) == ("triangle", "tee", "triangle-cross")
    # Okabe-Ito, the pictures' colour-blind-safe palette
    assert colour["increases"] == "#0072B2" and colour["decreases"] == "#D55E00" and colour["negated"] == "#CC79A7"
    assert line == {True: "dashed", False: "solid"}
    assert set(head.values()) <= ARROW_SHAPES and set(line.values()) <= LINE_STYLES
    assert set(discrete(node_map["NODE_SHAPE"]).values()) <= NODE_SHAPES
    assert style["default"]["node"]["NODE_SHAPE"] in NODE_SHAPES

    # what each mini edge looks like: the negated one crossed and grey, the hypothesis dashed
    looks = {
        e["v"]["assertion_id"]: (head[e["v"]["effect"]], colour[e["v"]["effect"]], line[e["v"]["hypothesis"]])
        for e in network.get_edges().values()
    }
    assert looks["mini2024-sorafenib-rab27a"] == ("triangle-cross", "#CC79A7", "solid")
    assert looks["mini2024-hif1a-rab27a"] == ("triangle", "#0072B2", "dashed")
    assert looks["mini2024-mir21-pdcd4"] == ("tee", "#D55E00", "solid")
    kinds = {n["v"]["key"]: n["v"]["kind"] for n in network.get_nodes().values()}
    assert discrete(node_map["NODE_BACKGROUND_COLOR"])[kinds["miR-21"]] == "#fce7f3"


def test_ndex2_writes_back_what_it_read(mini: Path, tmp_path: Path) -> None:
    """ndex2's own writer reproduces our nodes, edges and style: nothing was dropped as unreadable."""
    network = read(open_store(mini), tmp_path)
    network.write_as_raw_cx2(str(tmp_path / "again.cx2"))
    ours = {next(iter(a)): a for a in json.loads((tmp_path / "graph.cx2").read_text(encoding="utf-8"))}
    theirs = {next(iter(a)): a for a in json.loads((tmp_path / "again.cx2").read_text(encoding="utf-8"))}
    for aspect in ("nodes", "edges", "visualProperties", "networkAttributes"):
        assert theirs[aspect] == ours[aspect]


def test_graphml_interaction_of_a_negated_claim_says_no_effect(mini: Path, tmp_path: Path) -> None:
    """Cytoscape styles and filters GraphML edges by ``interaction``: a denied effect must not read as the effect."""
    import networkx as nx

    EXPORTERS["graphml"].write(open_store(mini), tmp_path / "graph.graphml")
    graph = nx.read_graphml(tmp_path / "graph.graphml", force_multigraph=True)
    interactions = {d["assertion_id"]: d["interaction"] for _, _, d in graph.edges(data=True)}
    assert interactions["mini2024-sorafenib-rab27a"] == "no effect (negated: increases amount)"
    assert interactions["mini2024-mir21-pdcd4"] == "decreases amount"
