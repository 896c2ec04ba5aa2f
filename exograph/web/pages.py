"""HTML from templates: the shared Jinja environment, the network data views draw, and the render page.

Templates autoescape, so nothing a curator writes can become markup; JSON for
the browser goes through ``tojson``, which also escapes ``</script>``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from exograph.web.diagram import LINK_WORDS, Diagram, Edge, Evidence, Passage, Transfer
from exograph.web.style import (
    MEMBER,
    NEGATED,
    NEGATED_MARK,
    NODE_STYLES,
    SIGN_LEGEND,
    SIGNS,
    TRANSFER,
    aspect_label,
    node_style,
    sign_class,
)
from exograph.web.words import typeset

if TYPE_CHECKING:
    import jinja2


@cache
def environment() -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("exograph.web", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["typeset"] = typeset
    env.filters["https"] = https
    env.globals["sign_legend"] = SIGN_LEGEND
    env.globals["colours"] = {
        **{k: v.colour for k, v in SIGNS.items()},
        "negated": NEGATED.colour,
        "transfer": TRANSFER.colour,
        "member": MEMBER.colour,
    }
    return env


def https(url: str) -> str:
    """Identifier links over https: every resolver exograph links to serves it."""
    return "https://" + url[len("http://") :] if url.startswith("http://") else url


def asset(name: str) -> str:
    return (resources.files("exograph.web") / "assets" / name).read_text(encoding="utf-8")


def _evidence(evidence: tuple[Evidence, ...]) -> list[dict[str, Any]]:
    return [
        {
            "assertion": e.assertion,
            "citation": e.citation,
            "quote": e.quote,
            "reading": e.reading,
            "claim": e.claim,
            "context": e.context,
        }
        for e in evidence
    ]


def edge_data(edge: Edge) -> dict[str, Any]:
    """What the browser shows when an edge is tapped: the claim in explain's words, then every quote."""
    return {
        "caption": edge.caption,
        "aspect": aspect_label(edge.aspect),
        "mark": NEGATED_MARK if edge.negated else "",
        "evidence": _evidence(edge.evidence),
    }


def transfer_data(transfer: Transfer, diagram: Diagram) -> dict[str, Any]:
    return {
        "caption": transfer.caption(diagram.names, diagram.nodes[transfer.cargo].kind),
        "aspect": "in EVs",
        "mark": "",
        "evidence": _evidence(transfer.evidence),
    }


def passage_data(passage: Passage) -> dict[str, Any]:
    """A chain's vesicle transfer: what it says, then the quotes of the release and of the vesicles' effect."""
    return {
        "caption": passage.caption,
        "aspect": "vesicle transfer",
        "mark": "",
        "evidence": _evidence(passage.evidence),
    }


def cytoscape_style() -> list[dict[str, Any]]:
    """The same visual vocabulary as the Graphviz pictures, as a cytoscape.js stylesheet.

    Node names are 12 px, in a box the page measures to fit the wrapped name; the page lays the
    network out so that it fits its box at zoom 1 or more, so no label is drawn smaller than 10 px.
    """
    style: list[dict[str, Any]] = [
        {
            "selector": "node",
            "style": {
                "label": "data(label)",
                "font-size": 12,
                "text-valign": "center",
                "text-wrap": "wrap",
                "text-max-width": 120,
                "width": "data(w)",  # measured by the page (site.js): "label" sizes go stale in layouts
                "height": "data(h)",
                "border-width": 1,
                "color": "#111827",
            },
        },
        {"selector": "node[?focus]", "style": {"border-width": 3, "font-weight": "bold"}},
        {"selector": ".collapsed, .filtered", "style": {"display": "none"}},
        {
            "selector": "node.more",
            "style": {
                "shape": "round-rectangle",
                "background-color": "#fff",
                "border-style": "dashed",
                "border-color": "#4b5563",
                "font-weight": "bold",
            },
        },
        {
            "selector": "edge",
            "style": {
                "curve-style": "bezier",
                "width": 1.8,
                "arrow-scale": 1.4,
                "label": "data(mark)",
                "font-size": 16,
                "font-weight": "bold",
                "color": NEGATED.colour,
                "text-background-color": "#fff",
                "text-background-opacity": 1,
                "text-background-padding": 1,
            },
        },
        {"selector": "edge.hypothesis", "style": {"line-style": "dashed"}},
        # a double line, as in the pictures: a white core between two outlines of the sign's colour
        {"selector": "edge.cargo", "style": {"width": 2.6, "line-color": "#fff", "line-outline-width": 1.6}},
        {"selector": "edge.regulates", "style": {"target-arrow-fill": "hollow"}},
        {"selector": "edge.transfer", "style": {"line-style": "dotted", "width": 2.5, "target-arrow-fill": "hollow"}},
        {"selector": "edge.member", "style": {"line-style": "dashed", "width": 1.2, "target-arrow-fill": "hollow"}},
    ]
    for kind, node in NODE_STYLES.items():
        style.append(
            {
                "selector": f"node.{kind}",
                "style": {
                    "shape": node.cy_shape,
                    "background-color": node.fill,
                    "border-color": node.border,
                    "border-width": 3 if node.rings > 1 else 1,
                    "border-style": "double" if node.rings > 1 else "solid",
                },
            }
        )
    for sign, edge in {**SIGNS, "negated": NEGATED, "transfer": TRANSFER, "member": MEMBER}.items():
        style.append(
            {
                "selector": f"edge.{sign}",
                "style": {
                    "line-color": edge.colour,
                    "line-outline-color": edge.colour,
                    "target-arrow-color": edge.colour,
                    "target-arrow-shape": edge.cy_head,
                },
            }
        )
    style.append(style.pop(next(i for i, rule in enumerate(style) if rule["selector"] == "edge.cargo")))
    return style


def network(diagram: Diagram) -> dict[str, Any]:
    """cytoscape.js elements for a diagram; node urls are relative to the site root.

    Collapsed neighbours are in the data but hidden behind one "+N" node per group side, which
    the page expands on a tap; every node carries its side (upstream, downstream) and group.
    """
    names = diagram.names
    sides = _sides(diagram)
    elements: list[dict[str, Any]] = []
    for key, node in diagram.nodes.items():
        elements.append(
            {
                "data": {
                    "id": key,
                    "label": node.label,
                    "url": f"entity/{key}.html",
                    "focus": node.focus,
                    "side": sides.get(key, "other"),
                    "group": node.group,
                },
                "classes": node.kind + (" collapsed" if node.collapsed else ""),
            }
        )
    more: dict[str, int] = defaultdict(int)
    for node in diagram.nodes.values():
        if node.collapsed:
            more[sides.get(node.key, "other")] += 1
    for side, count in sorted(more.items()):
        elements.append(
            {
                "data": {
                    "id": f"more-{side}",
                    "label": f"+{count} more",
                    "side": side,
                    "more": side,
                    "focus": False,
                    "group": "~",
                },
                "classes": "more",
            }
        )
    for edge in diagram.edges:
        classes = [sign_class(edge.direction, edge.negated)]
        classes += ["hypothesis"] * edge.hypothesis + ["cargo"] * edge.cargo
        if not (diagram.shown(edge.regulator) and diagram.shown(edge.target)):
            classes.append("collapsed")
        elements.append(
            {
                "data": {
                    "id": f"e-{edge.id}",
                    "source": edge.regulator,
                    "target": edge.target,
                    "assertions": [e.assertion for e in edge.evidence],
                }
                | edge_data(edge),
                "classes": " ".join(classes),
            }
        )
    for transfer in diagram.transfers:
        hidden = not (diagram.shown(transfer.donor) and diagram.shown(transfer.cargo))
        elements.append(
            {
                "data": {
                    "id": transfer.id,
                    "source": transfer.donor,
                    "target": transfer.cargo,
                    "assertions": [e.assertion for e in transfer.evidence],
                }
                | transfer_data(transfer, diagram),
                "classes": "transfer" + (" collapsed" if hidden else ""),
            }
        )
    for link in diagram.links:
        elements.append(
            {
                "data": {
                    "id": f"l-{link.first}-{link.second}",
                    "source": link.first,
                    "target": link.second,
                    "caption": f"{names[link.first]} {LINK_WORDS[link.relation]} {names[link.second]}",
                    "mark": "",
                    "aspect": "",
                    "evidence": [],
                    "assertions": [],
                },
                "classes": "member",
            }
        )
    shown = [n for n in diagram.nodes.values() if not n.collapsed]
    kinds = list(dict.fromkeys(node_style(n.kind) for n in shown))
    signs = Counter(sign_class(e.direction, e.negated) for e in diagram.edges)
    summary = f"{len(diagram.nodes) - 1} neighbours" + "".join(
        f", {n} {words}" for sign, words in SIGN_LEGEND if (n := signs.get(sign))
    )
    return {
        "elements": elements,
        "style": cytoscape_style(),
        "kinds": [{"name": k.name, "fill": k.fill, "border": k.border, "rings": k.rings} for k in kinds],
        "summary": summary + "; the tables below list every assertion",
    }


def _sides(diagram: Diagram) -> dict[str, str]:
    """Where each node is drawn: the focus in the middle, its regulators upstream, its targets downstream."""
    sides: dict[str, str] = {}
    for key, node in diagram.nodes.items():
        if node.focus:
            sides[key] = "focus"
        elif node.group.startswith("regulators"):
            sides[key] = "upstream"
        elif node.group.startswith(("targets", "both")):
            sides[key] = "downstream"
    for t in diagram.transfers:
        sides.setdefault(t.donor, "upstream")
    return sides


def render_page(diagram: Diagram, svg: str) -> str:
    """A standalone page: the laid-out picture, and each edge's citation and quote on hover or tap."""
    start = svg.find("<svg")
    return (
        environment()
        .get_template("render.html")
        .render(
            title=diagram.title,
            base="",
            inline_assets={"css": asset("site.css"), "js": asset("site.js")},
            svg=svg[start:] if start >= 0 else svg,
            edges={f"e-{e.id}": edge_data(e) for e in diagram.edges}
            | {t.id: transfer_data(t, diagram) for t in diagram.transfers}
            | {p.id: passage_data(p) for p in diagram.passages},
        )
    )
