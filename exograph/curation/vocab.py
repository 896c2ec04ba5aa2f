"""Controlled vocabularies shared by the models, the checks and the exporters.

They live in one dependency-free module so that a query process can use them
without importing pydantic, and so that every consumer agrees on one spelling.
"""

from __future__ import annotations

import re
from typing import Final, Literal, get_args

Direction = Literal["increases", "decreases", "regulates"]
Aspect = Literal[
    "activity",
    "amount",
    "secretion",
    "biogenesis",
    "phosphorylation",
    "ubiquitination",
    "cargo_loading",
    "localization",
    "degradation",
    "uptake",
    "subtype_shift",
    "binding",
]
Mechanism = Literal[
    "phosphorylation",
    "dephosphorylation",
    "transcription",
    "post_transcriptional",
    "binding",
    "ubiquitination",
    "protein_stabilization",
    "trafficking",
    "enzymatic_conversion",
    "cerna_sponging",
    "signaling",
    "autoregulation",
]
Kind = Literal[
    "gene",
    "family",
    "mirna",
    "lncrna",
    "circrna",
    "chemical",
    "process",
    "component",
    "condition",
    "cell_line",
    "cell_type",
    "disease",
    "organism",
    "variant",
    "anatomy",
    "phenotype",
    "treatment",
    "protein",
    "isoform",
    "motif",
]
Directness = Literal["direct", "indirect", "unstated"]
System = Literal["in_vitro", "in_vivo", "ex_vivo", "clinical", "in_silico"]
Perturbation = Literal["knockdown", "knockout", "overexpression", "inhibition", "activation", "treatment", "mutation"]
SourceKind = Literal["review", "primary_research", "figure_record"]
#: What an assertion is about: natural biology, vesicles engineered to deliver something, or a laboratory method.
Scope = Literal["biology", "engineered", "method"]

DIRECTIONS: Final = get_args(Direction)
ASPECTS: Final = get_args(Aspect)
KINDS: Final = get_args(Kind)
SCOPES: Final = get_args(Scope)
#: Kinds that carry a ``parent`` gene (a sequence variant or a protein isoform of it).
PARENT_KINDS: Final = frozenset({"variant", "isoform"})
#: Aspects an entity may have on itself: its own export into vesicles or its own relocation.
SELF_ASPECTS: Final = frozenset({"secretion", "cargo_loading", "localization"})

#: Context fields in display order; each holds entity keys except ``system``.
CONTEXT_LIST_FIELDS: Final = (
    "organisms",
    "cell_lines",
    "cell_types",
    "diseases",
    "conditions",
    "donors",
    "recipients",
)

#: The kinds an entity may have to appear in each context field.
CONTEXT_KINDS: Final[dict[str, frozenset[str]]] = {
    "organisms": frozenset({"organism"}),
    "cell_lines": frozenset({"cell_line"}),
    "cell_types": frozenset({"cell_type"}),
    "diseases": frozenset({"disease"}),
    "conditions": frozenset(
        {"condition", "treatment", "phenotype", "chemical", "process", "gene", "protein", "family", "variant", "mirna"}
    ),
    "donors": frozenset({"cell_line", "cell_type", "anatomy", "organism"}),
    "recipients": frozenset({"cell_line", "cell_type", "anatomy", "organism"}),
}

LOCAL_PREFIX: Final = "exograph"
LOCAL_NAMESPACE: Final = "https://w3id.org/exograph/"


class Prefix:
    """One CURIE prefix: the local-id pattern bioregistry gives and the URI it expands to."""

    __slots__ = ("name", "pattern", "uri")

    def __init__(self, name: str, pattern: str, uri: str) -> None:
        self.name = name
        self.pattern = re.compile(pattern)
        self.uri = uri


#: Prefixes exograph grounds to. Patterns and URI prefixes are bioregistry's
#: (tests/test_vocab.py checks them against the bioregistry package).
PREFIXES: Final[dict[str, Prefix]] = {
    p.name: p
    for p in (
        Prefix("HGNC", r"^\d{1,5}$", "https://identifiers.org/hgnc:"),
        Prefix("FPLX", r"^[a-zA-Z0-9][A-Za-z0-9_]+$", "https://identifiers.org/fplx:"),
        Prefix("GO", r"^\d{7}$", "http://purl.obolibrary.org/obo/GO_"),
        Prefix("CHEBI", r"^\d+$", "http://purl.obolibrary.org/obo/CHEBI_"),
        Prefix("MONDO", r"^\d{7}$", "http://purl.obolibrary.org/obo/MONDO_"),
        Prefix("DOID", r"^\d+$", "http://purl.obolibrary.org/obo/DOID_"),
        Prefix("MESH", r"^(C|D|Q)\d+$", "https://identifiers.org/mesh:"),
        Prefix("MIRBASE", r"^MI\d{7}$", "https://identifiers.org/mirbase:"),
        Prefix("CL", r"^\d{7}$", "http://purl.obolibrary.org/obo/CL_"),
        Prefix("CVCL", r"^[A-Z0-9]{4}$", "https://www.cellosaurus.org/CVCL_"),
        Prefix("NCBITaxon", r"^\d+$", "http://purl.obolibrary.org/obo/NCBITaxon_"),
        Prefix("UBERON", r"^\d+$", "http://purl.obolibrary.org/obo/UBERON_"),
        Prefix("EFO", r"^\d{7}$", "http://www.ebi.ac.uk/efo/EFO_"),
        Prefix("CLO", r"^\d{7}$", "http://purl.obolibrary.org/obo/CLO_"),
        Prefix(
            "UniProt",
            r"^([OPQ]\d[A-Z0-9]{3}\d|[A-NR-Z]\d([A-Z][A-Z0-9]{2}\d){1,2})$",
            "http://purl.uniprot.org/uniprot/",
        ),
        Prefix(LOCAL_PREFIX, r"^[A-Za-z0-9][A-Za-z0-9_.+\-]*$", LOCAL_NAMESPACE + "entity/"),
    )
}


def curie_problem(curie: str) -> str | None:
    """Say what is wrong with a CURIE, or None when it is well-formed for its prefix."""
    prefix, sep, local = curie.partition(":")
    if not sep:
        return f"'{curie}' is not a CURIE (expected PREFIX:ID, e.g. HGNC:9766)"
    known = PREFIXES.get(prefix)
    if known is None:
        close = [p for p in PREFIXES if p.lower() == prefix.lower()]
        hint = f" (did you mean '{close[0]}'?)" if close else f" (known: {', '.join(PREFIXES)})"
        return f"unknown CURIE prefix '{prefix}'{hint}"
    if not known.pattern.match(local):
        return f"'{local}' is not a valid {prefix} identifier (pattern {known.pattern.pattern})"
    return None
