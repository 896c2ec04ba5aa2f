"""CX2, the Cytoscape Exchange format version 2, for Cytoscape, Cytoscape Web and NDEx.

CX2 carries the graph, typed attributes and a visual style in one JSON file, so
a network opened in Cytoscape or uploaded to NDEx looks like exograph's own
pictures without any styling by hand: green arrows for increases, red flat
heads for decreases, grey open heads for unsigned effects, dashed lines for
hypotheses, grey crossed heads for negated findings, colour and shape by kind.

Specification: https://cytoscape.org/cx/cx2/specification/cytoscape-exchange-format-specification-(version-2)
and its visual-style page (visual property names, shape and line-style enums).
The file is written as plain JSON here (no runtime dependency); the tests read
it back with the ``ndex2`` package's own CX2 reader.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final

from exograph import __version__
from exograph.compiled.records import AssertionRecord, EntityRecord, SourceRecord
from exograph.compiled.store import Store
from exograph.curation.vocab import CONTEXT_LIST_FIELDS
from exograph.export.semantics import publication
from exograph.export.tabular import effect, interaction_label
from exograph.web.style import NEGATED, NODE_STYLES, SIGNS

#: kind -> (fill, border, CX2 node shape), and effect (see :func:`exograph.export.tabular.effect`) ->
#: (line colour, CX2 target arrow shape): the visual vocabulary of exograph's pictures (exograph.web.style).
NODE_STYLE: Final[dict[str, tuple[str, str, str]]] = {
    kind: (style.fill, style.border, style.cx2_shape) for kind, style in NODE_STYLES.items()
}
EDGE_STYLE: Final[dict[str, tuple[str, str]]] = {
    effect: (style.colour, style.cx2_head) for effect, style in {**SIGNS, "negated": NEGATED}.items()
}

NODE_TYPES: Final = {
    "name": "string",
    "represents": "string",
    "kind": "string",
    "key": "string",
    "synonyms": "list_of_string",
    "xrefs": "list_of_string",
    "broader": "list_of_string",
    "members": "list_of_string",
    "parent": "string",
    "local": "boolean",
}
EDGE_TYPES: Final = {
    "interaction": "string",
    "effect": "string",
    "assertion_id": "string",
    "direction": "string",
    "aspect": "string",
    "mechanism": "string",
    "directness": "string",
    "negated": "boolean",
    "hypothesis": "boolean",
    "scope": "string",
    "exosomal_cargo": "boolean",
    "source": "string",
    "publication": "string",
    "quotes": "list_of_string",
    "sections": "list_of_string",
    "references": "list_of_string",
    "assays": "list_of_string",
    "perturbations": "list_of_string",
    "system": "string",
    "note": "string",
    **dict.fromkeys(CONTEXT_LIST_FIELDS, "list_of_string"),
}
NETWORK_TYPES: Final = {
    "name": "string",
    "description": "string",
    "version": "string",
    "licence": "string",
    "source licences": "list_of_string",
}


def _node(e: EntityRecord) -> dict[str, Any]:
    values: dict[str, Any] = {
        "name": e["label"],
        "represents": e["curie"],
        "kind": e["kind"],
        "key": e["key"],
        "synonyms": e["synonyms"],
        "xrefs": e["xrefs"],
        "broader": e["broader"],
        "members": e["members"],
        "local": e["local"],
    }
    if e["parent"]:
        values["parent"] = e["parent"]
    return values


def _edge(a: AssertionRecord, sources: dict[str, SourceRecord]) -> dict[str, Any]:
    evidence = a["evidence"]
    values: dict[str, Any] = {
        "interaction": interaction_label(a),
        "effect": effect(a),
        "assertion_id": a["id"],
        "direction": a["direction"],
        "aspect": a["aspect"],
        "directness": a["directness"],
        "negated": a["negated"],
        "hypothesis": a["hypothesis"],
        "scope": a["scope"],
        "exosomal_cargo": a["exosomal_cargo"],
        "source": a["source"],
        "publication": publication(sources[a["source"]]),
        "quotes": [ev["quote"] for ev in evidence],
        "sections": [ev["section"] for ev in evidence],
        "references": [f"{ev['source']}:{r['number']}" for ev in evidence for r in ev["references"]],
        "assays": [ev["assay"] for ev in evidence if ev["assay"]],
        "perturbations": [ev["perturbation"] for ev in evidence if ev["perturbation"]],
        **{name: a["context"].get(name, []) for name in CONTEXT_LIST_FIELDS},
    }
    # CX2 has no null: optional scalars are left out rather than written as empty strings
    optional = {"mechanism": a["mechanism"], "system": a["context"].get("system"), "note": a["note"]}
    values.update({k: v for k, v in optional.items() if v})
    return values


def _discrete(attribute: str, kind: str, pairs: dict[Any, str]) -> dict[str, Any]:
    return {
        "type": "DISCRETE",
        "definition": {"attribute": attribute, "type": kind, "map": [{"v": v, "vp": vp} for v, vp in pairs.items()]},
    }


def visual_properties() -> dict[str, Any]:
    """The pictures' conventions as CX2 defaults and discrete mappings on ``kind``, ``effect`` and ``hypothesis``."""
    kinds = NODE_STYLE.items()
    return {
        "default": {
            "network": {"NETWORK_BACKGROUND_COLOR": "#FFFFFF"},
            "node": {
                "NODE_SHAPE": "round-rectangle",
                "NODE_BACKGROUND_COLOR": "#FFFFFF",
                "NODE_BORDER_COLOR": "#475569",
                "NODE_BORDER_WIDTH": 1.5,
                "NODE_BORDER_STYLE": "solid",
                "NODE_WIDTH": 90.0,
                "NODE_HEIGHT": 36.0,
                "NODE_LABEL_COLOR": "#111827",
                "NODE_LABEL_FONT_SIZE": 11,
            },
            "edge": {
                "EDGE_WIDTH": 2.0,
                "EDGE_LINE_COLOR": EDGE_STYLE["regulates"][0],
                "EDGE_TARGET_ARROW_COLOR": EDGE_STYLE["regulates"][0],
                "EDGE_TARGET_ARROW_SHAPE": EDGE_STYLE["regulates"][1],
                "EDGE_SOURCE_ARROW_SHAPE": "none",
                "EDGE_LINE_STYLE": "solid",
                "EDGE_LABEL_FONT_SIZE": 9,
            },
        },
        "nodeMapping": {
            "NODE_LABEL": {"type": "PASSTHROUGH", "definition": {"attribute": "name", "type": "string"}},
            "NODE_BACKGROUND_COLOR": _discrete("kind", "string", {k: s[0] for k, s in kinds}),
            "NODE_BORDER_COLOR": _discrete("kind", "string", {k: s[1] for k, s in kinds}),
            "NODE_SHAPE": _discrete("kind", "string", {k: s[2] for k, s in kinds}),
            # a vesicle is drawn with a double outline, as in pathway figures
            "NODE_BORDER_STYLE": _discrete("kind", "string", {"component": "double"}),
        },
        "edgeMapping": {
            "EDGE_LABEL": {"type": "PASSTHROUGH", "definition": {"attribute": "aspect", "type": "string"}},
            "EDGE_LINE_COLOR": _discrete("effect", "string", {k: s[0] for k, s in EDGE_STYLE.items()}),
            "EDGE_TARGET_ARROW_COLOR": _discrete("effect", "string", {k: s[0] for k, s in EDGE_STYLE.items()}),
            "EDGE_TARGET_ARROW_SHAPE": _discrete("effect", "string", {k: s[1] for k, s in EDGE_STYLE.items()}),
            "EDGE_LINE_STYLE": _discrete("hypothesis", "boolean", {True: "dashed", False: "solid"}),
        },
    }


def build_cx2(store: Store) -> list[dict[str, Any]]:
    """The whole graph as a CX2 document (a list of aspects); node ids follow entity order, edge ids assertion order."""
    entities = list(store.entities())
    node_id = {e["key"]: i for i, e in enumerate(entities)}
    sources = store.sources()
    nodes = [{"id": node_id[e["key"]], "v": _node(e)} for e in entities]
    edges = [
        {"id": i, "s": node_id[a["regulator"]], "t": node_id[a["target"]], "v": _edge(a, sources)}
        for i, a in enumerate(store.assertions())
    ]
    network = {
        "name": "exograph",
        "description": "A hand-curated knowledge graph of the mechanisms that regulate exosomes (extracellular "
        "vesicles) in cancer: one node per entity, one edge per assertion, each with its quotes and context.",
        "version": __version__,
        "licence": "exograph curation: MIT; quotes remain under the licence of their source (see source licences)",
        "source licences": [f"{s['id']}: {s['licence']}" for s in sources.values()],
    }

    def declare(types: dict[str, str]) -> dict[str, dict[str, str]]:
        return {name: {"d": kind} for name, kind in types.items()}

    aspects: list[tuple[str, list[Any]]] = [
        (
            "attributeDeclarations",
            [{"networkAttributes": declare(NETWORK_TYPES), "nodes": declare(NODE_TYPES), "edges": declare(EDGE_TYPES)}],
        ),
        ("networkAttributes", [network]),
        ("nodes", nodes),
        ("edges", edges),
        ("visualProperties", [visual_properties()]),
    ]
    return [
        {"CXVersion": "2.0", "hasFragments": False},
        {"metaData": [{"name": name, "elementCount": len(items)} for name, items in aspects]},
        *({name: items} for name, items in aspects),
        {"status": [{"error": "", "success": True}]},
    ]


def cx2(store: Store, path: Path) -> None:
    path.write_text(json.dumps(build_cx2(store), ensure_ascii=False) + "\n", encoding="utf-8")
