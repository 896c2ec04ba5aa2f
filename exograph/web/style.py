"""One visual vocabulary for every picture: Graphviz diagrams, the site's network views, the legend.

The conventions are those of pathway figures: arrows for increases, flat heads
for decreases, open heads for unsigned effects, dashed lines for hypotheses,
a cross for negated findings; colour and shape say what kind of thing a node is.
Sign colours are the Okabe–Ito palette (blue, vermillion, grey, reddish purple),
which people with any common colour-vision deficiency tell apart, and every sign
also has its own head shape, so colour is never the only cue.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class NodeStyle:
    name: str  # what the legend calls the group
    fill: str
    border: str
    dot_shape: str  # Graphviz
    cy_shape: str  # cytoscape.js
    cx2_shape: str  # CX2 (Cytoscape desktop, NDEx), which knows fewer shapes than cytoscape.js
    rings: int = 1  # a vesicle is drawn with a double outline, as in pathway figures


GENE = NodeStyle("gene or protein", "#dbeafe", "#1d4ed8", "box", "round-rectangle", "round-rectangle")
FAMILY = NodeStyle("family or complex", "#dbeafe", "#1d4ed8", "box3d", "round-rectangle", "rectangle")
RNA = NodeStyle("miRNA or other RNA", "#fce7f3", "#be185d", "cds", "tag", "parallelogram")
CHEMICAL = NodeStyle("chemical or drug", "#fef3c7", "#b45309", "hexagon", "hexagon", "hexagon")
PROCESS = NodeStyle("process", "#dcfce7", "#15803d", "ellipse", "ellipse", "ellipse")
CONDITION = NodeStyle("condition", "#ffedd5", "#c2410c", "octagon", "octagon", "octagon")
VESICLE = NodeStyle("vesicle or component", "#ede9fe", "#6d28d9", "ellipse", "ellipse", "ellipse", rings=2)
CELL = NodeStyle("cell", "#f1f5f9", "#475569", "egg", "barrel", "rectangle")
DISEASE = NodeStyle("disease", "#fee2e2", "#b91c1c", "tab", "round-tag", "diamond")

NODE_STYLES: Final[dict[str, NodeStyle]] = {
    "gene": GENE,
    "variant": GENE,
    "family": FAMILY,
    "mirna": RNA,
    "lncrna": RNA,
    "circrna": RNA,
    "chemical": CHEMICAL,
    "process": PROCESS,
    "condition": CONDITION,
    "component": VESICLE,
    "cell_line": CELL,
    "cell_type": CELL,
    "anatomy": CELL,
    "organism": CELL,
    "disease": DISEASE,
    "phenotype": PROCESS,
    "treatment": CHEMICAL,
    "protein": GENE,
    "isoform": GENE,
    "motif": GENE,
}


@dataclass(frozen=True, slots=True)
class EdgeStyle:
    colour: str
    dot_head: str
    cy_head: str
    cx2_head: str


SIGNS: Final[dict[str, EdgeStyle]] = {
    "increases": EdgeStyle("#0072B2", "normal", "triangle", "triangle"),
    "decreases": EdgeStyle("#D55E00", "tee", "tee", "tee"),
    "regulates": EdgeStyle("#616161", "empty", "triangle", "open_delta"),  # open head: the sign is not stated
}
#: A negated finding keeps no head (nothing was changed) and carries a cross at mid-edge, where no other
#: arrowhead can cover it; CX2 and cytoscape.js also have a crossed head.
NEGATED: Final = EdgeStyle("#CC79A7", "none", "triangle-cross", "triangle-cross")
NEGATED_MARK: Final = "✕"
#: Exosomal transfer: vesicles from donor cells carrying a cargo.
TRANSFER: Final = EdgeStyle("#009E73", "odot", "circle", "open_circle")
#: A family or complex and its member, drawn so that a chain through the family is not a dead end.
MEMBER: Final = EdgeStyle("#616161", "odiamond", "diamond", "diamond")
#: How much larger than Graphviz's default each head is drawn: a 4-pixel tee is not seen.
ARROW_SIZE: Final = {"normal": "1.3", "tee": "1.6", "empty": "1.4", "none": "1", "odot": "1.2", "odiamond": "1.2"}

#: What the legend says of each sign, in the words of the sentences.
SIGN_LEGEND: Final = (
    ("increases", "increases"),
    ("decreases", "decreases"),
    ("regulates", "changes (sign not stated)"),
    ("negated", "does not change (negated finding)"),
)


def node_style(kind: str) -> NodeStyle:
    return NODE_STYLES.get(kind, GENE)


def edge_style(direction: str, negated: bool) -> EdgeStyle:
    return NEGATED if negated else SIGNS[direction]


def sign_class(direction: str, negated: bool) -> str:
    """The CSS / SVG class of an edge's sign: the direction, or ``negated``."""
    return "negated" if negated else direction


def aspect_label(aspect: str) -> str:
    return aspect.replace("_", " ")
