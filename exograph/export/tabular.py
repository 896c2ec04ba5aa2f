"""Graph and table formats: GraphML, node-link JSON, TSV and SIF."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from exograph.compiled.records import AssertionRecord, EntityRecord
from exograph.compiled.store import Store
from exograph.curation.vocab import CONTEXT_LIST_FIELDS
from exograph.export.graph import build_graph
from exograph.query.text import tsv_lines


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
        "exosomal_cargo": a["exosomal_cargo"],
        "system": a["context"].get("system") or "",
        "references": "|".join(f"{ev['source']}:{r['number']}" for ev in a["evidence"] for r in ev["references"]),
        "section": "|".join(ev["section"] for ev in a["evidence"]),
        "quote": " | ".join(ev["quote"] for ev in a["evidence"]),
    }
    attributes.update({name: "|".join(a["context"].get(name, [])) for name in CONTEXT_LIST_FIELDS})
    return attributes


def graphml(store: Store, path: Path) -> None:
    import networkx as nx

    graph = nx.MultiDiGraph()
    for e in store.entities():
        graph.add_node(e["key"], **node_attributes(e))
    for a in store.assertions():
        graph.add_edge(a["regulator"], a["target"], key=a["id"], **edge_attributes(a))
    nx.write_graphml(graph, path, encoding="utf-8")


def node_link(store: Store, path: Path) -> None:
    import networkx as nx

    data: dict[str, Any] = nx.node_link_data(build_graph(store), edges="edges")
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def tsv(store: Store, path: Path) -> None:
    labels = {e["key"]: e["label"] for e in store.entities()}
    path.write_text("\n".join(tsv_lines(list(store.assertions()), labels)) + "\n", encoding="utf-8")


def sif(store: Store, path: Path) -> None:
    """``regulator <TAB> direction_aspect <TAB> target``; negated assertions are left out (they are non-edges)."""
    with path.open("w", encoding="utf-8") as handle:
        for a in store.assertions():
            if not a["negated"]:
                handle.write(f"{a['regulator']}\t{a['direction']}_{a['aspect']}\t{a['target']}\n")
