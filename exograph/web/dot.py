"""Lay out a :class:`~exograph.web.diagram.Diagram` with Graphviz and write SVG or PNG.

Every label is an HTML-like label built from escaped text, so nothing a
curator writes can be read by Graphviz as markup or as an escape sequence.
Nodes and edges carry ``id`` and ``class`` attributes in the SVG, so the HTML
view can attach evidence to them and tests can read what was drawn.

A hub stays readable: its incoming and outgoing edges end at ports spread along
its sides (not at one point), its collapsed neighbours are named in a remainder
under the picture, and a graphic legend draws every colour, head, line and node
shape the picture uses.
"""

from __future__ import annotations

import html
import re
import textwrap
from typing import TYPE_CHECKING

from exograph.web.diagram import LINK_WORDS, Diagram, Edge, Evidence, Link, Passage, Transfer
from exograph.web.style import (
    ARROW_SIZE,
    MEMBER,
    NEGATED_MARK,
    SIGN_LEGEND,
    TRANSFER,
    aspect_label,
    edge_style,
    node_style,
    sign_class,
)

if TYPE_CHECKING:
    import graphviz

FORMATS = ("svg", "png")
#: PNG resolution: twice the screen's 96 dpi, so a picture stays sharp on a high-density display or in print.
DEFAULT_DPI = 192
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
#: Most ports on one side of a hub: arrowheads are spread over them instead of meeting at one point.
_PORTS = 10
#: Most collapsed neighbours a picture names (by whole names, never a cut word).
_NAMED = 90
_GREY = "#4b5563"


def text(value: str, limit: int = 60) -> str:
    """Printable, escaped, and short enough for a figure; cut only between words."""
    value = _CONTROL.sub("", value)
    if len(value) > limit:
        value = value[:limit].rsplit(" ", 1)[0] if " " in value[:limit] else value[: limit - 1]
        value += "…"
    return html.escape(value, quote=True)


def wrapped(value: str, width: int = 22, lines: int = 3) -> str:
    """A node name on up to ``lines`` lines broken between words, so the words that tell nodes apart stay."""
    value = _CONTROL.sub("", value)
    parts = textwrap.wrap(value, width, break_long_words=False, break_on_hyphens=False) or [""]
    if len(parts) > lines:
        parts = parts[:lines]
        parts[-1] += " …"
    return "<BR/>".join(html.escape(p, quote=True) for p in parts)


def attr(value: str) -> str:
    """An escString attribute (tooltip): backslashes would otherwise start Graphviz escapes."""
    return _CONTROL.sub("", value).replace("\\", "\\\\")


def _edge_classes(edge: Edge) -> str:
    classes = [sign_class(edge.direction, edge.negated)]
    if edge.hypothesis:
        classes.append("hypothesis")
    if edge.cargo:
        classes.append("cargo")
    return " ".join(classes)


def _line(colour: str, cargo: bool) -> str:
    """A cargo edge is a double line: two strokes of the sign's colour with white between."""
    return f"{colour}:white:{colour}" if cargo else colour


def _edge(graph: graphviz.Digraph, edge: Edge, ports: dict[str, str]) -> None:
    style = edge_style(edge.direction, edge.negated)
    label = text(aspect_label(edge.aspect))
    if edge.hypothesis:
        label = f"<I>may</I> · {label}"
    if edge.negated:
        label = f'<FONT POINT-SIZE="16" COLOR="{style.colour}"><B>{NEGATED_MARK}</B></FONT> no change · {label}'
    if edge.cargo:
        label = f"exosomal · {label}"
    if edge.badge:
        label += f'<BR/><FONT POINT-SIZE="9" COLOR="{_GREY}">{text(edge.badge, 40)}</FONT>'
    if len(edge.evidence) > 1:
        label += f'<BR/><FONT POINT-SIZE="9" COLOR="{_GREY}">{len(edge.evidence)} assertions</FONT>'
    tooltip = edge.caption + " — " + " | ".join(f"[{e.citation}] {e.quote}" for e in edge.evidence)
    extra = {}
    if f"in:{edge.id}" in ports:
        extra["headport"] = ports[f"in:{edge.id}"]
    if f"out:{edge.id}" in ports:
        extra["tailport"] = ports[f"out:{edge.id}"]
    graph.edge(
        edge.regulator,
        edge.target,
        label=f"<{label}>",
        id=f"e-{edge.id}",
        **{"class": _edge_classes(edge)},
        color=_line(style.colour, edge.cargo),
        fontcolor=style.colour if not edge.negated else "#1f2937",
        arrowhead=style.dot_head,
        arrowsize=ARROW_SIZE[style.dot_head],
        style="dashed" if edge.hypothesis else "solid",
        penwidth="1.4",
        tooltip=attr(tooltip[:900]),
        **extra,
    )


def _vesicles(graph: graphviz.Digraph, ends: tuple[str, str], label: str, id_: str, tooltip: str, css: str) -> None:
    """A transfer of vesicles, drawn as the legend's transfer edge."""
    graph.edge(
        *ends,
        label=f'<<FONT COLOR="{TRANSFER.colour}">{label}</FONT>>',
        id=id_,
        **{"class": css},
        color=TRANSFER.colour,
        arrowhead=TRANSFER.dot_head,
        arrowsize=ARROW_SIZE[TRANSFER.dot_head],
        style="dotted",
        penwidth="2",
        tooltip=attr(tooltip)[:900],
    )


def _quotes(evidence: tuple[Evidence, ...]) -> str:
    return " | ".join(f"[{e.citation}] {e.quote}" for e in evidence)


def _transfer(graph: graphviz.Digraph, transfer: Transfer, diagram: Diagram) -> None:
    names = diagram.names
    into = " to " + ", ".join(names.get(r, r) for r in transfer.recipients) if transfer.recipients else ""
    caption = transfer.caption(names, diagram.nodes[transfer.cargo].kind)
    tooltip = f"{caption} — {_quotes(transfer.evidence)}"
    _vesicles(graph, (transfer.donor, transfer.cargo), f"in EVs{text(into, 40)}", transfer.id, tooltip, "transfer")


def _passage(graph: graphviz.Digraph, passage: Passage) -> None:
    """A chain's transfer as its own step: '[exosomes from Huh-7 cells to Huh-7 cells]', the quotes of both sides."""
    label = "<BR/>".join(f"[{wrapped(says, 34, 4)}]" for says in passage.says)
    tooltip = f"{passage.caption} — {_quotes(passage.evidence)}"
    _vesicles(graph, (passage.made, passage.vesicles), label, passage.id, tooltip, "transfer passage")


def _link(graph: graphviz.Digraph, link: Link) -> None:
    graph.edge(
        link.first,
        link.second,
        label=f'<<FONT COLOR="{MEMBER.colour}">{text(LINK_WORDS[link.relation])}</FONT>>',
        id=f"l-{link.first}-{link.second}",
        **{"class": "member"},
        color=MEMBER.colour,
        arrowhead=MEMBER.dot_head,
        arrowsize=ARROW_SIZE[MEMBER.dot_head],
        style="dashed",
        penwidth="1",
    )


def _hub_ports(diagram: Diagram, drawn: list[Edge], key: str) -> tuple[dict[str, str], int, int]:
    """Spread the focus's incoming edges over ports on its left side and outgoing ones on its right.

    Edges are given ports in the order of their neighbour's group, so that a group's arrowheads sit together.
    """
    incoming = [e for e in drawn if e.target == key and e.regulator != key]
    outgoing = [e for e in drawn if e.regulator == key and e.target != key]

    def order(other: str) -> tuple[str, str]:
        return (diagram.nodes[other].group, diagram.nodes[other].label.casefold())

    ports: dict[str, str] = {}
    n_in, n_out = min(len(incoming), _PORTS), min(len(outgoing), _PORTS)
    for i, e in enumerate(sorted(incoming, key=lambda e: order(e.regulator))):
        ports[f"in:{e.id}"] = f"i{i * n_in // max(len(incoming), 1)}:w"
    for i, e in enumerate(sorted(outgoing, key=lambda e: order(e.target))):
        ports[f"out:{e.id}"] = f"o{i * n_out // max(len(outgoing), 1)}:e"
    return ports, n_in, n_out


def _hub_label(name: str, n_in: int, n_out: int) -> str:
    """An HTML table: a column of port cells either side of the name, as tall as the arrowheads need."""
    rows = max(n_in, n_out, 1)

    def cell(prefix: str, i: int, count: int) -> str:
        if i >= count:
            return '<TD BORDER="0" WIDTH="4"></TD>' if count else ""
        span = "" if i < count - 1 else f' ROWSPAN="{rows - count + 1}"'
        return f'<TD PORT="{prefix}{i}" BORDER="0" WIDTH="4" HEIGHT="14"{span}></TD>'

    body = []
    for i in range(rows):
        left = cell("i", i, n_in) if i < n_in else ""
        middle = f'<TD ROWSPAN="{rows}" BORDER="0"><B>{name}</B></TD>' if i == 0 else ""
        right = cell("o", i, n_out) if i < n_out else ""
        if i == 0 and not n_in:
            left = f'<TD ROWSPAN="{rows}" BORDER="0" WIDTH="4"></TD>'
        if i == 0 and not n_out:
            right = f'<TD ROWSPAN="{rows}" BORDER="0" WIDTH="4"></TD>'
        body.append(f"<TR>{left}{middle}{right}</TR>")
    return f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">{"".join(body)}</TABLE>>'


def _legend(graph: graphviz.Digraph, diagram: Diagram, drawn: list[Edge]) -> None:
    """A legend drawn with the picture's own marks: each sign, line, and node shape it uses."""
    entries: list[tuple[str, dict[str, str], str]] = []
    used = {sign_class(e.direction, e.negated) for e in drawn}
    for sign, words in SIGN_LEGEND:
        if sign in used:
            style = edge_style(sign if sign != "negated" else "regulates", sign == "negated")
            label = f"{NEGATED_MARK} {words}" if sign == "negated" else words
            entries.append(
                (
                    sign,
                    {"color": style.colour, "arrowhead": style.dot_head, "arrowsize": ARROW_SIZE[style.dot_head]},
                    label,
                )
            )
    if any(e.hypothesis for e in drawn):
        entries.append(
            ("hypothesis", {"color": _GREY, "style": "dashed", "arrowhead": "none"}, "dashed: hypothesis (may)")
        )
    if any(e.cargo for e in drawn):
        entries.append(
            ("cargo", {"color": _line(_GREY, True), "arrowhead": "none"}, "double line: exosomal cargo acting")
        )
    if diagram.transfers or diagram.passages:
        entries.append(
            (
                "transfer",
                {"color": TRANSFER.colour, "style": "dotted", "penwidth": "2", "arrowhead": TRANSFER.dot_head},
                "dotted: vesicles passed from donor to recipient cells",
            )
        )
    if diagram.links:
        entries.append(
            (
                "member",
                {"color": MEMBER.colour, "style": "dashed", "arrowhead": MEMBER.dot_head},
                "family includes member",
            )
        )
    kinds = list(dict.fromkeys(node_style(n.kind) for n in diagram.nodes.values() if not n.collapsed))
    half = (len(entries) + 1) // 2
    columns = [entries[:half], entries[half:]]
    with graph.subgraph(name="cluster_legend") as legend:
        legend.attr(label="<<B>Legend</B>>", fontsize="11", color="#9ca3af", style="rounded", id="legend")
        previous = None
        for number, column in enumerate(columns):
            if not column:
                continue
            with legend.subgraph() as tails, legend.subgraph() as heads:
                tails.attr(rank="same")
                heads.attr(rank="same")
                for name, _, words in column:
                    tails.node(f"legend-{name}-from", label="", shape="point", width="0.03", color="white",
                               id=f"legend-{name}-from")  # fmt: skip
                    heads.node(f"legend-{name}", label=f"<{html.escape(words)}>", shape="plaintext",
                               style="", fontsize="10", id=f"legend-{name}")  # fmt: skip
            for name, edge_attrs, _ in column:
                legend.edge(f"legend-{name}-from", f"legend-{name}", id=f"legend-edge-{name}",
                            **({"penwidth": "1.6", "minlen": "1"} | edge_attrs))  # fmt: skip
            if previous:
                legend.edge(previous, f"legend-{column[0][0]}-from", style="invis", id=f"legend-join-{number}")
            previous = f"legend-{column[0][0]}"
        # node shapes in columns no taller than the line entries' columns, so the legend stays as low as they are
        height = max(half, 2)
        for number, start in enumerate(range(0, len(kinds), height)):
            column_kinds = kinds[start : start + height]
            with legend.subgraph() as shapes:
                shapes.attr(rank="same")
                for kind in column_kinds:
                    shapes.node(
                        f"legend-kind-{kind.dot_shape}-{kind.fill}",
                        label=f"<{html.escape(kind.name)}>",
                        shape=kind.dot_shape,
                        style="filled",
                        fillcolor=kind.fill,
                        color=kind.border,
                        peripheries=str(kind.rings),
                        fontsize="10",
                        id=f"legend-kind-{kind.dot_shape}-{kind.fill[1:]}",
                    )
            first = column_kinds[0]
            if previous:
                join = "legend-join-kinds" if number == 0 else f"legend-join-kinds-{number}"
                legend.edge(previous, f"legend-kind-{first.dot_shape}-{first.fill}", style="invis", id=join)
            previous = f"legend-kind-{first.dot_shape}-{first.fill}"


def _remainder(diagram: Diagram) -> str:
    """The collapsed neighbours, by group and display name, wrapped between names."""
    lines: list[str] = []
    named = 0
    for group, names in diagram.remainder():
        shown = names[: max(_NAMED - named, 0)]
        named += len(shown)
        if not shown:
            break
        more = f" and {len(names) - len(shown)} more" if len(shown) < len(names) else ""
        line = f"{group}: " + ", ".join(shown) + more
        lines += textwrap.wrap(line, 120, break_long_words=False, break_on_hyphens=False)
    total = sum(len(names) for _, names in diagram.remainder())
    if named < total:
        lines.append(f"… {total - named} more not named here")
    return "".join(f'<BR ALIGN="LEFT"/>{html.escape(_CONTROL.sub("", line))}' for line in lines)


def build(diagram: Diagram, dpi: int | None = None) -> graphviz.Digraph:
    import graphviz

    remainder = _remainder(diagram)
    label = f"<<B>{text(diagram.title, 80)}</B>"
    label += "".join(f'<BR/><FONT POINT-SIZE="10">{text(note, 160)}</FONT>' for note in diagram.omitted)
    if remainder:
        label += f'<BR/><FONT POINT-SIZE="10" COLOR="{_GREY}">Not drawn, by group:{remainder}<BR ALIGN="LEFT"/></FONT>'
    graph_attr = {
        "rankdir": "LR",
        "fontname": "Helvetica",
        "fontsize": "13",
        "labelloc": "t",
        "labeljust": "l",
        "nodesep": "0.3",
        "ranksep": "0.9",
        "bgcolor": "white",
        "label": label + ">",
    }
    if dpi:
        graph_attr["dpi"] = str(dpi)
    graph = graphviz.Digraph(
        "exograph",
        graph_attr=graph_attr,
        node_attr={"fontname": "Helvetica", "fontsize": "12", "style": "filled", "margin": "0.1,0.05"},
        edge_attr={"fontname": "Helvetica", "fontsize": "10"},
    )
    drawn = [e for e in diagram.edges if diagram.shown(e.regulator) and diagram.shown(e.target)]
    hub = diagram.centre if diagram.shown(diagram.centre or "") else None
    ports, n_in, n_out = _hub_ports(diagram, drawn, hub) if hub else ({}, 0, 0)
    for key, node in diagram.nodes.items():
        if node.collapsed:
            continue
        style = node_style(node.kind)
        name = wrapped(node.label)
        label = (
            _hub_label(name, n_in, n_out)
            if key == hub and (n_in > 1 or n_out > 1)
            else (f"<<B>{name}</B>>" if node.focus else f"<{name}>")
        )
        graph.node(
            key,
            label=label,
            id=f"n-{key}",
            **{"class": f"kind-{node.kind}{' focus' if node.focus else ''}"},
            shape=style.dot_shape,
            fillcolor=style.fill,
            color=style.border,
            penwidth="2.4" if node.focus else "1",
            peripheries=str(style.rings),
            tooltip=attr(f"{node.label} ({node.kind.replace('_', ' ')})"),
        )
    for edge in drawn:
        _edge(graph, edge, ports)
    for transfer in diagram.transfers:
        if diagram.shown(transfer.donor) and diagram.shown(transfer.cargo):
            _transfer(graph, transfer, diagram)
    for passage in diagram.passages:
        _passage(graph, passage)
    for link in diagram.links:
        _link(graph, link)
    _legend(graph, diagram, drawn)
    return graph


def render_bytes(diagram: Diagram, fmt: str, dpi: int | None = None) -> bytes:
    """The laid-out picture; raises :class:`GraphvizMissing` when Graphviz's ``dot`` is not installed."""
    import graphviz

    try:
        data: bytes = build(diagram, dpi if fmt == "png" else None).pipe(format=fmt)
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
