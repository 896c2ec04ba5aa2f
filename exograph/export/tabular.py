"""Graph and table formats: GraphML, node-link JSON, TSV and SIF.

Every value is written so its format's own reader gives back the curated text: XML
escaping for GraphML (and no character XML 1.0 cannot hold), CSV quoting for TSV, and
node-link attribute names that no entity or assertion field uses.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from exograph.compiled.records import AssertionRecord, EntityRecord
from exograph.compiled.store import Store
from exograph.curation.vocab import CONTEXT_LIST_FIELDS
from exograph.export.graph import build_graph
from exograph.query.text import tsv_text

#: Node-link JSON names: entity nodes carry ``id`` (the CURIE) and assertion edges ``source`` (the
#: paper), so the node name, edge ends and edge key use names no record field has.
NODE_LINK_NAMES = {"name": "key", "source": "regulator", "target": "target", "key": "key"}
#: Characters XML 1.0 cannot hold at all; validation keeps them out, and GraphML never writes them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def node_attributes(e: EntityRecord) -> dict[str, str | bool]:
    """Flat attributes only: GraphML readers (Cytoscape) reject nulls and nested values."""
    return {
        "label": e["label"],
        "kind": e["kind"],
        "curie": e["curie"],
        "local": e["local"],
        "synonyms": "|".join(e["synonyms"]),
        "xrefs": "|".join(e["xrefs"]),
        "broader": "|".join(e["broader"]),
        "parent": e["parent"] or "",
    }


def effect(a: AssertionRecord) -> str:
    """``increases``, ``decreases`` or ``regulates``; ``negated`` when the source states the effect is absent."""
    return "negated" if a["negated"] else a["direction"]


def interaction_label(a: AssertionRecord) -> str:
    """Cytoscape's edge type; a negated claim starts with "no effect" so no tool reads it as the effect it denies."""
    stated = f"{a['direction']} {a['aspect']}"
    return f"no effect (negated: {stated})" if a["negated"] else stated


def edge_attributes(a: AssertionRecord) -> dict[str, str | bool]:
    attributes: dict[str, str | bool] = {
        "assertion_id": a["id"],
        "interaction": interaction_label(a),
        "direction": a["direction"],
        "aspect": a["aspect"],
        "mechanism": a["mechanism"] or "",
        "directness": a["directness"],
        "source": a["source"],
        "hypothesis": a["hypothesis"],
        "negated": a["negated"],
        "scope": a["scope"],
        "exosomal_cargo": a["exosomal_cargo"],
        "system": a["context"].get("system") or "",
        "references": "|".join(f"{ev['source']}:{r['number']}" for ev in a["evidence"] for r in ev["references"]),
        "section": "|".join(ev["section"] for ev in a["evidence"]),
        "quote": " | ".join(ev["quote"] for ev in a["evidence"]),
    }
    attributes.update({name: "|".join(a["context"].get(name, [])) for name in CONTEXT_LIST_FIELDS})
    return attributes


def _xml_safe(attributes: dict[str, str | bool]) -> dict[str, str | bool]:
    return {k: _NOT_XML.sub("\ufffd", v) if isinstance(v, str) else v for k, v in attributes.items()}


def graphml(store: Store, path: Path) -> None:
    import networkx as nx

    graph = nx.MultiDiGraph()
    for e in store.entities():
        graph.add_node(e["key"], **_xml_safe(node_attributes(e)))
    for a in store.assertions():
        graph.add_edge(a["regulator"], a["target"], key=a["id"], **_xml_safe(edge_attributes(a)))
    nx.write_graphml(graph, path, encoding="utf-8")


def node_link(store: Store, path: Path) -> None:
    """Read back with ``nx.node_link_graph(data, edges="edges", **NODE_LINK_NAMES)``."""
    import networkx as nx

    graph = build_graph(store)
    graph.graph["node_link"] = {"edges": "edges", **NODE_LINK_NAMES}
    data: dict[str, Any] = nx.node_link_data(graph, edges="edges", **NODE_LINK_NAMES)
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def tsv(store: Store, path: Path) -> None:
    labels = {e["key"]: e["label"] for e in store.entities()}
    path.write_text(tsv_text(list(store.assertions()), labels), encoding="utf-8", newline="")


_VERB = {"increases": "increase", "decreases": "decrease", "regulates": "regulate"}


def sif_interaction(a: AssertionRecord) -> str:
    """``increases_amount``; a hypothesis says ``may_increase_amount``, as exograph says "may" everywhere."""
    if a["hypothesis"]:
        return f"may_{_VERB[a['direction']]}_{a['aspect']}"
    return f"{a['direction']}_{a['aspect']}"


def sif(store: Store, path: Path, all_scopes: bool = False) -> None:
    """``regulator <TAB> interaction <TAB> target``. SIF has no attributes, so every line is read as an edge:
    negated assertions are left out (they are non-edges), and so are findings on engineered vesicles or lab
    methods unless ``all_scopes`` (they are not natural biology); hypotheses say ``may_``."""
    with path.open("w", encoding="utf-8") as handle:
        for a in store.assertions():
            if not a["negated"] and (all_scopes or a["scope"] == "biology"):
                handle.write(f"{a['regulator']}\t{sif_interaction(a)}\t{a['target']}\n")
