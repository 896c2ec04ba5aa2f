"""HTML from templates: the shared Jinja environment, the network data views draw, and the render page.

Templates autoescape, so nothing a curator writes can become markup; JSON for
the browser goes through ``tojson``, which also escapes ``</script>``.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from exograph.web.diagram import Diagram, Edge
from exograph.web.style import NODE_STYLES, SIGNS, TRANSFER, aspect_label, edge_style

if TYPE_CHECKING:
    import jinja2

SIGN_WORDS = {"increases": "increases", "decreases": "decreases", "regulates": "regulates"}


@cache
def environment() -> jinja2.Environment:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("exograph.web", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def asset(name: str) -> str:
    return (resources.files("exograph.web") / "assets" / name).read_text(encoding="utf-8")


def edge_data(edge: Edge, labels: dict[str, str]) -> dict[str, Any]:
    """What the browser shows when an edge is tapped: the claim, then every quote with its citation."""
    return {
        "source_label": labels.get(edge.regulator, edge.regulator),
        "target_label": labels.get(edge.target, edge.target),
        "sign": "has no effect on" if edge.negated else SIGN_WORDS[edge.direction],
        "aspect": aspect_label(edge.aspect),
        "evidence": [
            {"assertion": e.assertion, "citation": e.citation, "quote": e.quote, "context": e.context}
            for e in edge.evidence
        ],
    }


def cytoscape_style() -> list[dict[str, Any]]:
    """The same visual vocabulary as the Graphviz pictures, as a cytoscape.js stylesheet."""
    style: list[dict[str, Any]] = [
        {
            "selector": "node",
            "style": {
                "label": "data(label)",
                "font-size": 11,
                "text-valign": "center",
                "text-wrap": "ellipsis",
                "text-max-width": 110,
                "width": "label",
                "height": 26,
                "padding": 8,
                "border-width": 1,
            },
        },
        {"selector": "node[?focus]", "style": {"border-width": 3, "font-weight": "bold"}},
        {
            "selector": "edge",
            "style": {
                "curve-style": "bezier",
                "width": 1.6,
                "label": "data(aspect)",
                "font-size": 9,
                "text-rotation": "autorotate",
                "text-background-color": "#fff",
                "text-background-opacity": 0.8,
            },
        },
        {"selector": "edge.hypothesis", "style": {"line-style": "dashed"}},
        {"selector": "edge.regulates", "style": {"target-arrow-fill": "hollow"}},
    ]
    for kind, node in NODE_STYLES.items():
        style.append(
            {
                "selector": f"node.{kind}",
                "style": {"shape": node.cy_shape, "background-color": node.fill, "border-color": node.border},
            }
        )
    for sign, edge in {**SIGNS, "negated": edge_style("increases", negated=True), "transfer": TRANSFER}.items():
        style.append(
            {
                "selector": f"edge.{sign}",
                "style": {
                    "line-color": edge.colour,
                    "target-arrow-color": edge.colour,
                    "target-arrow-shape": edge.cy_head,
                },
            }
        )
    return style


def network(diagram: Diagram) -> dict[str, Any]:
    """cytoscape.js elements for a diagram; node urls are relative to the site root."""
    labels = {k: n.label for k, n in diagram.nodes.items()}
    elements: list[dict[str, Any]] = [
        {
            "data": {"id": key, "label": node.label, "url": f"entity/{key}.html", "focus": node.focus},
            "classes": node.kind,
        }
        for key, node in diagram.nodes.items()
    ]
    for edge in diagram.edges:
        classes = ["negated" if edge.negated else edge.direction] + (["hypothesis"] if edge.hypothesis else [])
        elements.append(
            {
                "data": {"id": f"e-{edge.id}", "source": edge.regulator, "target": edge.target}
                | edge_data(edge, labels),
                "classes": " ".join(classes),
            }
        )
    return {"elements": elements, "style": cytoscape_style()}


def render_page(diagram: Diagram, svg: str) -> str:
    """A standalone page: the laid-out picture, and each edge's citation and quote on hover or tap."""
    labels = {k: n.label for k, n in diagram.nodes.items()}
    start = svg.find("<svg")
    return (
        environment()
        .get_template("render.html")
        .render(
            title=diagram.title,
            base="",
            inline_assets={"css": asset("site.css"), "js": asset("site.js")},
            svg=svg[start:] if start >= 0 else svg,
            edges={f"e-{e.id}": edge_data(e, labels) for e in diagram.edges},
        )
    )
