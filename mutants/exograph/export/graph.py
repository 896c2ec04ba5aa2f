"""The curation as a networkx MultiDiGraph: one node per entity, one edge per assertion.

Edges are keyed by assertion id, so two papers asserting the same pair stay two
edges, each with its own evidence and context.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from exograph.compiled.store import Store


def build_graph(store: Store) -> Any:
    """Every entity as a node (attributes: id, label, kind, synonyms, ...), every assertion as an edge."""
    graph = nx.MultiDiGraph(name="exograph")
    for e in store.entities():
        graph.add_node(e["key"], id=e["curie"], **{k: v for k, v in e.items() if k not in ("key", "curie")})
    for a in store.assertions():
        graph.add_edge(
            a["regulator"], a["target"], key=a["id"], **{k: v for k, v in a.items() if k not in ("regulator", "target")}
        )
    return graph
