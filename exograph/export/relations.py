"""Which Relation Ontology (RO) relation states an assertion as a plain triple.

RO gives most of its causal relations a domain and a range (material entity, process), and
declares material entities and processes disjoint (through BFO's continuant and occurrent), so the
relation must be chosen from the kinds at *both* ends: a reasoner that loads RO would otherwise
infer that autophagy is a material entity. ``docs/rdf.md`` shows the same table for readers.

No package on PyPI, npm or Debian ships RO, so the RO facts exograph relies on are kept here as a
small typed table: each relation the exporter emits, with its label, the domain and range RO
declares on it and its super-properties, plus the few super-properties that carry a domain or
range. ``tests/export/test_ontologies.py`` checks every plain triple of the whole curation's export
against these axioms; ``tests/export/test_ro_biolink.py`` checks each association's RO relation
against the RO mappings of the Biolink model package.
"""

from __future__ import annotations

from typing import Final, NamedTuple

CONTINUANT: Final = "BFO:0000002"
OCCURRENT: Final = "BFO:0000003"
INDEPENDENT_CONTINUANT: Final = "BFO:0000004"
MATERIAL: Final = "BFO:0000040"  # material entity
PROCESS: Final = "BFO:0000015"  # process

#: BFO's class hierarchy for the classes above, and its one disjointness that matters here.
BFO_PARENT: Final[dict[str, str]] = {
    MATERIAL: INDEPENDENT_CONTINUANT,
    INDEPENDENT_CONTINUANT: CONTINUANT,
    PROCESS: OCCURRENT,
}
BFO_DISJOINT: Final = frozenset({frozenset({CONTINUANT, OCCURRENT})})


class RoTerm(NamedTuple):
    """An RO object property: ``domain``/``range`` as declared on the property itself (None: none
    declared), ``parents`` its nearest super-properties in this table (``rdfs:subPropertyOf``,
    directly or through properties not listed here). A sub-property inherits its parents' domain
    and range."""

    curie: str
    label: str
    domain: str | None = None
    range: str | None = None
    parents: tuple[str, ...] = ()


_M, _P = MATERIAL, PROCESS

# These rows state what RO release 2025-12-17 (http://purl.obolibrary.org/obo/ro/releases/2025-12-17/ro.owl)
# declares for these terms; BFO's classes are those RO imports. No package ships RO, so they are ours.
#: Every RO relation the exporter emits.
RELATIONS: Final = (
    RoTerm("RO:0002410", "causally related to"),
    RoTerm("RO:0002436", "molecularly interacts with", parents=("RO:0002434",)),
    RoTerm("RO:0002566", "causally influences", CONTINUANT, CONTINUANT, ("RO:0002410",)),
    RoTerm("RO:0002428", "involved in regulation of", parents=("RO:0002263",)),
    RoTerm("RO:0002429", "involved in positive regulation of", parents=("RO:0002428",)),
    RoTerm("RO:0002430", "involved in negative regulation of", parents=("RO:0002428",)),
    RoTerm("RO:0002211", "regulates", _P, _P, ("RO:0002411",)),
    RoTerm("RO:0002213", "positively regulates", parents=("RO:0002211",)),
    RoTerm("RO:0002212", "negatively regulates", parents=("RO:0002211",)),
    RoTerm("RO:0002332", "regulates levels of", _P, _M),
    RoTerm("RO:0011002", "regulates activity of", _M, _M, ("RO:0002566",)),
    RoTerm("RO:0002448", "directly regulates activity of", _M, _M, ("RO:0011002",)),
    RoTerm("RO:0002450", "directly positively regulates activity of", _M, _M, ("RO:0002448",)),
    RoTerm("RO:0002449", "directly negatively regulates activity of", _M, _M, ("RO:0002448",)),
    RoTerm("RO:0011004", "indirectly regulates activity of", _M, _M, ("RO:0011002",)),
    RoTerm("RO:0011013", "indirectly positively regulates activity of", _M, _M, ("RO:0011004",)),
    RoTerm("RO:0011016", "indirectly negatively regulates activity of", parents=("RO:0011004",)),
    RoTerm("RO:0011003", "regulates quantity of", _M, _M, ("RO:0002566",)),
    RoTerm("RO:0011021", "directly regulates quantity of", parents=("RO:0011003",)),
    RoTerm("RO:0011009", "directly positively regulates quantity of", _M, _M, ("RO:0011021",)),
    RoTerm("RO:0011010", "directly negatively regulates quantity of", _M, _M, ("RO:0011021",)),
    RoTerm("RO:0011022", "indirectly regulates quantity of", parents=("RO:0011003",)),
    RoTerm("RO:0011024", "indirectly positively regulates quantity of", parents=("RO:0011022",)),
    RoTerm("RO:0011023", "indirectly negatively regulates quantity of", parents=("RO:0011022",)),
    RoTerm("RO:0011008", "increases by expression quantity of", _M, _M, ("RO:0011024",)),
    RoTerm("RO:0011007", "decreases by repression quantity of", _M, _M, ("RO:0011023",)),
)
#: Super-properties the exporter does not emit, for the domain, range or Biolink mapping they carry.
SUPER_RELATIONS: Final = (
    RoTerm("RO:0002595", "causal relation between material entity and a process", _M, _P, ("RO:0002410",)),
    RoTerm("RO:0002263", "acts upstream of", parents=("RO:0002595",)),
    RoTerm("RO:0002501", "causal relation between processes", OCCURRENT, OCCURRENT, ("RO:0002410",)),
    RoTerm("RO:0002411", "causally upstream of", parents=("RO:0002501",)),
    RoTerm("RO:0002434", "interacts with"),
)
#: Every RO term above by CURIE.
RO_TERMS: Final = {t.curie: t for t in (*RELATIONS, *SUPER_RELATIONS)}
#: RO relations the exporter uses, by their RO label.
RO: Final = {t.label: t.curie for t in RELATIONS}

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
            "protein",
            "isoform",
            "motif",
        ),
        MATERIAL,
    ),
    "process": PROCESS,
    # a therapy is a planned process; a phenotype (a state, a quality) is neither and keeps the generic relation
    "treatment": PROCESS,
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
    if aspect == "binding":  # a physical interaction, not a causal effect
        return "molecularly interacts with"
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
