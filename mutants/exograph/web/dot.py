"""Lay out a :class:`~exograph.web.diagram.Diagram` with Graphviz and write SVG or PNG.

Every label is an HTML-like label built from escaped text, so nothing a
curator writes can be read by Graphviz as markup or as an escape sequence.
Nodes and edges carry ``id`` and ``class`` attributes in the SVG, so the HTML
view can attach evidence to them and tests can read what was drawn.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from exograph.web.diagram import Diagram, Edge, Transfer
from exograph.web.style import NEGATED_MARK, TRANSFER, aspect_label, edge_style, node_style

if TYPE_CHECKING:
    import graphviz

FORMATS = ("svg", "png")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
LEGEND = (
    "→ increases &nbsp; ⊣ decreases &nbsp; ▷ unsigned &nbsp; dashed: hypothesis &nbsp; "
    f"{NEGATED_MARK}: no effect (negated) &nbsp; ○ dotted: vesicle transfer"
)


def text(value: str, limit: int = 60) -> str:
    """Printable, escaped, and short enough for a figure."""
    value = _CONTROL.sub("", value)
    if len(value) > limit:
        value = value[: limit - 1] + "…"
    return html.escape(value, quote=True)


def attr(value: str) -> str:
    """An escString attribute (tooltip): backslashes would otherwise start Graphviz escapes."""
    return _CONTROL.sub("", value).replace("\\", "\\\\")


def _edge_classes(edge: Edge) -> str:
    classes = ["negated" if edge.negated else edge.direction]
    if edge.hypothesis:
        classes.append("hypothesis")
    if edge.cargo:
        classes.append("cargo")
    return " ".join(classes)


def _edge(graph: graphviz.Digraph, edge: Edge) -> None:
    style = edge_style(edge.direction, edge.negated)
    label = text(aspect_label(edge.aspect))
    if edge.badge:
        label += f'<BR/><FONT POINT-SIZE="8" COLOR="#6b7280">{text(edge.badge, 40)}</FONT>'
    if len(edge.evidence) > 1:
        label += f'<BR/><FONT POINT-SIZE="8" COLOR="#6b7280">{len(edge.evidence)} assertions</FONT>'
    tooltip = " | ".join(f"{e.assertion} [{e.citation}]: {e.quote}" for e in edge.evidence)
    graph.edge(
        edge.regulator,
        edge.target,
        label=f"<{label}>",
        id=f"e-{edge.id}",
        **{"class": _edge_classes(edge)},
        color=style.colour,
        fontcolor=style.colour,
        arrowhead=style.dot_head,
        style="dashed" if edge.hypothesis else "solid",
        penwidth="1.6" if edge.cargo else "1.2",
        headlabel=f"<{NEGATED_MARK}>" if edge.negated else "",
        tooltip=attr(tooltip[:900]),
    )


def _transfer(graph: graphviz.Digraph, transfer: Transfer, labels: dict[str, str]) -> None:
    cargo = ", ".join(labels.get(c, c) for c in transfer.cargo)
    graph.edge(
        transfer.donor,
        transfer.recipient,
        label=f'<<FONT COLOR="{TRANSFER.colour}">EVs: {text(cargo, 50)}</FONT>>',
        id=f"t-{transfer.donor}-{transfer.recipient}",
        **{"class": "transfer"},
        color=TRANSFER.colour,
        arrowhead=TRANSFER.dot_head,
        style="dotted",
        penwidth="2",
        tooltip=attr(f"vesicles from {transfer.donor} to {transfer.recipient} carrying {cargo}"),
    )


def build(diagram: Diagram) -> graphviz.Digraph:
    import graphviz

    graph = graphviz.Digraph(
        "exograph",
        graph_attr={
            "rankdir": "LR",
            "fontname": "Helvetica",
            "fontsize": "11",
            "labelloc": "b",
            "nodesep": "0.25",
            "ranksep": "0.6",
            "bgcolor": "white",
            "label": f"<{text(diagram.title)}"
            + "".join(f'<BR/><FONT POINT-SIZE="9">{text(note, 160)}</FONT>' for note in diagram.omitted)
            + f'<BR/><FONT POINT-SIZE="9" COLOR="#475569">{LEGEND}</FONT>>',
        },
        node_attr={"fontname": "Helvetica", "fontsize": "11", "style": "filled", "margin": "0.08,0.04"},
        edge_attr={"fontname": "Helvetica", "fontsize": "9", "arrowsize": "0.8"},
    )
    labels = {k: n.label for k, n in diagram.nodes.items()}
    for key, node in diagram.nodes.items():
        style = node_style(node.kind)
        graph.node(
            key,
            label=f"<<B>{text(node.label, 40)}</B>>" if node.focus else f"<{text(node.label, 40)}>",
            id=f"n-{key}",
            **{"class": f"kind-{node.kind}{' focus' if node.focus else ''}"},
            shape=style.dot_shape,
            fillcolor=style.fill,
            color=style.border,
            penwidth="2.4" if node.focus else "1",
            peripheries=str(style.rings),
            tooltip=attr(f"{node.label} ({node.kind.replace('_', ' ')})"),
        )
    for edge in diagram.edges:
        _edge(graph, edge)
    for transfer in diagram.transfers:
        _transfer(graph, transfer, labels)
    return graph


def render_bytes(diagram: Diagram, fmt: str) -> bytes:
    """The laid-out picture; raises :class:`GraphvizMissing` when Graphviz's ``dot`` is not installed."""
    import graphviz

    try:
        data: bytes = build(diagram).pipe(format=fmt)
    except graphviz.ExecutableNotFound as exc:
        raise GraphvizMissing from exc
    return data


class GraphvizMissing(RuntimeError):
    """Graphviz's ``dot`` program is not on PATH."""

    def __init__(self) -> None:
        super().__init__(
            "Graphviz's 'dot' program is not installed; install it (e.g. 'apt-get install graphviz', "
            "'brew install graphviz', 'conda install graphviz') or write HTML without a layout engine"
        )
