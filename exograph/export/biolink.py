"""How an exograph entity and assertion read in the Biolink model (categories, predicates, qualifiers).

Shared by the RDF and KGX exporters. Every category, predicate, qualifier and enum value used
here is checked against the model shipped in the ``biolink-model`` package by
``tests/export/test_biolink.py``. Biolink's predicate mapping is followed: a change in a gene
product or chemical is ``affects`` qualified by ``causes``, an aspect and a direction; a gene
product acting on a process is ``acts upstream of (positive/negative effect)``; anything else is
an unqualified ``affects`` (its sign stays in exograph's own ``exo:direction``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from exograph.compiled.records import AssertionRecord, EntityRecord

CATEGORY: Final[dict[str, str]] = {
    "gene": "Gene",
    "family": "GeneFamily",
    "mirna": "MicroRNA",
    "lncrna": "NoncodingRNAProduct",
    "circrna": "NoncodingRNAProduct",
    "chemical": "ChemicalEntity",
    "process": "BiologicalProcess",
    "component": "CellularComponent",
    "condition": "EnvironmentalExposure",
    "cell_line": "CellLine",
    "cell_type": "Cell",
    "disease": "Disease",
    "organism": "OrganismTaxon",
    "variant": "SequenceVariant",
    "anatomy": "AnatomicalEntity",
    "phenotype": "PhenotypicFeature",
    "treatment": "Treatment",
    "protein": "Protein",
    "isoform": "ProteinIsoform",
    "motif": "ProteinDomain",
}

#: Kinds Biolink calls gene or gene product; with chemicals they take aspect and direction qualifiers.
GENE_OR_GENE_PRODUCT: Final = frozenset({"gene", "mirna", "lncrna", "circrna", "protein", "isoform"})
QUALIFIABLE: Final = GENE_OR_GENE_PRODUCT | {"chemical"}

#: exograph aspect -> GeneOrGeneProductOrChemicalEntityAspectEnum (None: no counterpart).
ASPECT: Final[dict[str, str | None]] = {
    "activity": "activity",
    "amount": "abundance",
    "secretion": "secretion",
    "biogenesis": "synthesis",
    "phosphorylation": "phosphorylation",
    "ubiquitination": "ubiquitination",
    "cargo_loading": "transport",
    "localization": "localization",
    "degradation": "degradation",
    "uptake": "uptake",
    "subtype_shift": None,
    "binding": None,
}
DIRECTION: Final[dict[str, str | None]] = {"increases": "increased", "decreases": "decreased", "regulates": None}

#: exograph mechanism -> CausalMechanismQualifierEnum.
MECHANISM: Final[dict[str, str]] = {
    "phosphorylation": "phosphorylation",
    "dephosphorylation": "dephosphorylation",
    "transcription": "transcriptional_regulation",
    "post_transcriptional": "post_transcriptional_regulation",
    "binding": "binding",
    "ubiquitination": "ubiquitination",
    "protein_stabilization": "stabilization",
    "trafficking": "relocalization",
    "enzymatic_conversion": "catalytic_activity",
    "cerna_sponging": "sequestration",
    "signaling": "signaling_mediated_control",
    "autoregulation": "signaling_mediated_control",
}

#: exograph context field -> Biolink context qualifier.
CONTEXT_QUALIFIER: Final = {
    "organisms": "species_context_qualifier",
    "diseases": "disease_context_qualifier",
    "cell_types": "anatomical_context_qualifier",
}

KNOWLEDGE_SOURCE: Final = "infores:exograph"
AGENT_TYPE: Final = "manual_agent"


def category(e: EntityRecord) -> str:
    """The Biolink class of an entity: GO complexes are complexes, GO molecular functions are activities.

    GO names every molecular function "... activity" or "... binding"; the tests check this rule
    against GO's own namespaces for every GO term in the curation.
    """
    go = e["curie"].startswith("GO:")
    if e["kind"] == "family" and go:
        return "MacromolecularComplex"
    if e["kind"] == "process" and go and e["label"].endswith((" activity", " binding")):
        return "MolecularActivity"
    return CATEGORY[e["kind"]]


@dataclass(frozen=True, slots=True)
class Edge:
    """The Biolink reading of one assertion (CURIEs and enum values; None where it does not apply)."""

    predicate: str
    qualified_predicate: str | None
    object_aspect: str | None
    object_direction: str | None
    causal_mechanism: str | None
    knowledge_level: str


def edge(a: AssertionRecord, regulator: EntityRecord, target: EntityRecord) -> Edge:
    direction = DIRECTION[a["direction"]]
    mechanism = MECHANISM.get(a["mechanism"] or "")
    level = "prediction" if a["hypothesis"] else "knowledge_assertion"
    if a["aspect"] == "binding":  # an interaction: no cause, no sign
        return Edge("biolink:physically_interacts_with", None, None, None, mechanism, level)
    if target["kind"] in QUALIFIABLE:
        return Edge("biolink:affects", "biolink:causes", ASPECT[a["aspect"]], direction, mechanism, level)
    if regulator["kind"] in GENE_OR_GENE_PRODUCT and category(target) == "BiologicalProcess":
        effect = {"increased": "_positive_effect", "decreased": "_negative_effect", None: ""}[direction]
        return Edge(f"biolink:acts_upstream_of{effect}", None, None, None, mechanism, level)
    return Edge("biolink:affects", None, None, None, mechanism, level)
