"""Which Relation Ontology (RO) relation states an assertion as a plain triple.

RO gives most of its causal relations a domain and a range (material entity, process), and
declares material entities and processes disjoint, so the relation must be chosen from the
kinds at *both* ends: a reasoner that loads RO would otherwise infer that autophagy is a
material entity. ``docs/rdf.md`` shows the same table for readers.

Every id and label below is checked against RO's own release (the extract in
``exograph/export/data/ro.json``) by ``tests/export/test_ontologies.py``, and every triple the
exporter writes is checked against RO's domain and range axioms there too.
"""

from __future__ import annotations

from typing import Final

#: RO relations the exporter uses, by their RO label.
RO: Final[dict[str, str]] = {
    "causally related to": "RO:0002410",
    "causally influences": "RO:0002566",
    "involved in regulation of": "RO:0002428",
    "involved in positive regulation of": "RO:0002429",
    "involved in negative regulation of": "RO:0002430",
    "regulates": "RO:0002211",
    "positively regulates": "RO:0002213",
    "negatively regulates": "RO:0002212",
    "regulates levels of": "RO:0002332",
    "regulates activity of": "RO:0011002",
    "directly regulates activity of": "RO:0002448",
    "directly positively regulates activity of": "RO:0002450",
    "directly negatively regulates activity of": "RO:0002449",
    "indirectly regulates activity of": "RO:0011004",
    "indirectly positively regulates activity of": "RO:0011013",
    "indirectly negatively regulates activity of": "RO:0011016",
    "regulates quantity of": "RO:0011003",
    "directly regulates quantity of": "RO:0011021",
    "directly positively regulates quantity of": "RO:0011009",
    "directly negatively regulates quantity of": "RO:0011010",
    "indirectly regulates quantity of": "RO:0011022",
    "indirectly positively regulates quantity of": "RO:0011024",
    "indirectly negatively regulates quantity of": "RO:0011023",
    "increases by expression quantity of": "RO:0011008",
    "decreases by repression quantity of": "RO:0011007",
}

MATERIAL: Final = "BFO:0000040"  # material entity
PROCESS: Final = "BFO:0000015"  # process

#: The BFO class of each kind, as the nodes are typed in the export. Conditions (hypoxia, acidic pH,
#: smoking) and diseases are left untyped: they are neither material entities nor processes, so only
#: RO's unrestricted "causally related to" may link them.
KIND_BFO: Final[dict[str, str]] = {
    **dict.fromkeys(
        (
            "gene",
            "family",
            "mirna",
            "lncrna",
            "circrna",
            "chemical",
            "component",
            "cell_line",
            "cell_type",
            "organism",
            "variant",
            "anatomy",
        ),
        MATERIAL,
    ),
    "process": PROCESS,
}

#: Aspects that change how much of the target there is ("regulates quantity of");
#: ``activity`` changes what it does; the rest have no RO counterpart ("causally influences").
QUANTITY_ASPECTS: Final = frozenset({"amount", "secretion", "biogenesis", "cargo_loading", "degradation"})
ACTIVITY_ASPECTS: Final = frozenset({"activity"})
#: Mechanisms that are direct by definition, used when the curation leaves directness unstated.
DIRECT_MECHANISMS: Final = frozenset(
    {"binding", "phosphorylation", "dephosphorylation", "ubiquitination", "protein_stabilization"}
)

_SIGN: Final = {"increases": "positively ", "decreases": "negatively ", "regulates": ""}
_SIGN_ADJECTIVE: Final = {"increases": "positive ", "decreases": "negative ", "regulates": ""}


def _entity_to_entity(direction: str, aspect: str, mechanism: str | None, directness: str) -> str:
    if aspect not in QUANTITY_ASPECTS | ACTIVITY_ASPECTS:
        return "causally influences"
    if aspect == "degradation" and direction != "regulates":  # more degradation means less of the target
        direction = "decreases" if direction == "increases" else "increases"
    quantity = aspect in QUANTITY_ASPECTS
    if quantity and mechanism == "transcription" and direction != "regulates":
        return (
            "increases by expression quantity of" if direction == "increases" else "decreases by repression quantity of"
        )
    what = "quantity" if quantity else "activity"
    if directness == "unstated":
        directness = "direct" if mechanism in DIRECT_MECHANISMS else "unstated"
    if directness == "unstated":  # RO has no signed relation that leaves directness open
        return f"regulates {what} of"
    return f"{directness}ly {_SIGN[direction]}regulates {what} of"


def relation_name(
    regulator_kind: str, target_kind: str, direction: str, aspect: str, mechanism: str | None, directness: str
) -> str:
    """The RO label for one assertion; see the module docstring and docs/rdf.md for the table."""
    regulator, target = KIND_BFO.get(regulator_kind), KIND_BFO.get(target_kind)
    if regulator is None or target is None:
        return "causally related to"
    if target == PROCESS:
        if regulator == PROCESS:
            return f"{_SIGN[direction]}regulates"
        return f"involved in {_SIGN_ADJECTIVE[direction]}regulation of"
    if regulator == PROCESS:
        return "regulates levels of" if aspect in QUANTITY_ASPECTS else "causally related to"
    return _entity_to_entity(direction, aspect, mechanism, directness)


def relation(
    regulator_kind: str, target_kind: str, direction: str, aspect: str, mechanism: str | None, directness: str
) -> str:
    """The RO CURIE for one assertion."""
    return RO[relation_name(regulator_kind, target_kind, direction, aspect, mechanism, directness)]
