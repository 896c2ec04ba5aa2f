"""How an exograph entity and assertion read in the Biolink model (categories, association classes,
predicates, qualifiers).

Shared by the RDF and KGX exporters. Every assertion is one instance of the most specific Biolink
association class that can hold it, with only the qualifiers that class declares, so that Biolink's
own generated pydantic classes accept every edge (``tests/export/test_biolink_pydantic.py``). The
sign goes into Biolink's slots wherever Biolink has a way to say it:

- gene, gene product or family -> gene product, activity or abundance: ``GeneRegulatesGeneAssociation``
  (``regulates``, qualified ``causes``, aspect and direction); other aspects of a gene product
  (secretion, phosphorylation, localization ...): ``GeneToGeneAssociation`` with ``affects``, ``causes``,
  aspect and direction;
- chemical -> gene product: ``ChemicalAffectsGeneAssociation``; chemical -> any other biological entity
  (a process, a vesicle, a cell): ``ChemicalAffectsBiologicalEntityAssociation``; gene product -> chemical:
  ``GeneAffectsChemicalAssociation``; all with ``affects``, ``causes`` and ``object_direction_qualifier``;
- gene product -> process: ``MacromolecularMachineToBiologicalProcessAssociation`` with
  ``acts_upstream_of_positive_effect`` / ``_negative_effect`` (the sign in the predicate);
- process -> process: ``ProcessRegulatesProcessAssociation`` with ``regulates`` and, for a signed
  claim, the qualifiers Biolink's ``predicate_mapping.yaml`` gives RO:0002213 / RO:0002212
  (``causes``, ``activity_or_abundance``, ``upregulated`` / ``downregulated``). Biolink 4.4.6's class
  does not declare these three slots: they are the one documented exception (docs/exports.md);
- binding: ``PairwiseMolecularInteraction`` (``physically_interacts_with``, ``directly_physically_interacts_with``
  when the source says the binding is direct; unsigned by nature);
- anything else (a condition, a vesicle or a cell acting on a gene; a process acting on a molecule):
  a plain ``Association`` with ``affects``, which has no slot for a sign; the sign stays in
  exograph's own ``exo:direction`` / ``exograph_direction`` (docs/exports.md counts these edges).

Every category, class, predicate, qualifier and enum value used here is checked against the model
shipped in the ``biolink-model`` package by ``tests/export/test_biolink.py``.
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

#: Categories :func:`category` gives some GO terms besides their kind's.
EXTRA_CATEGORIES: Final = ("MacromolecularComplex", "MolecularActivity")

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

#: exograph context field -> Biolink context qualifier. Biolink makes the species one value and the
#: anatomical and disease contexts lists; a class holds only some of them (:data:`ASSOCIATIONS`).
CONTEXT_QUALIFIER: Final = {
    "organisms": "species_context_qualifier",
    "diseases": "disease_context_qualifier",
    "cell_types": "anatomical_context_qualifier",
}
SINGLE_VALUED: Final = frozenset({"species_context_qualifier"})

_CAUSAL: Final = frozenset(
    {
        "qualified_predicate",
        "object_aspect_qualifier",
        "object_direction_qualifier",
        "causal_mechanism_qualifier",
        "species_context_qualifier",
    }
)
#: Association class -> the qualifier slots it declares in Biolink 4.4.6 (of those exograph fills);
#: checked against Biolink's pydantic classes by the tests.
ASSOCIATIONS: Final[dict[str, frozenset[str]]] = {
    "Association": frozenset({"species_context_qualifier"}),
    "GeneRegulatesGeneAssociation": _CAUSAL,
    "GeneToGeneAssociation": _CAUSAL,
    "ChemicalAffectsGeneAssociation": _CAUSAL | {"anatomical_context_qualifier"},
    "ChemicalAffectsBiologicalEntityAssociation": _CAUSAL | {"anatomical_context_qualifier"},
    "GeneAffectsChemicalAssociation": _CAUSAL | {"anatomical_context_qualifier"},
    "MacromolecularMachineToBiologicalProcessAssociation": frozenset({"species_context_qualifier"}),
    "ProcessRegulatesProcessAssociation": frozenset({"species_context_qualifier"}),
    "PairwiseMolecularInteraction": _CAUSAL,
}
#: Slots Biolink's predicate mapping puts on an association whose class does not declare them.
MAPPING_ONLY: Final[dict[str, frozenset[str]]] = {
    "ProcessRegulatesProcessAssociation": frozenset(
        {"qualified_predicate", "object_aspect_qualifier", "object_direction_qualifier"}
    ),
}
#: Biolink categories that descend from ``biological entity`` (what ChemicalAffectsBiologicalEntity
#: accepts as object); chemicals, exposures, treatments and taxa do not.
BIOLOGICAL_ENTITY: Final = frozenset(
    {
        "AnatomicalEntity",
        "BiologicalProcess",
        "Cell",
        "CellLine",
        "CellularComponent",
        "Disease",
        "Gene",
        "GeneFamily",
        "MacromolecularComplex",
        "MicroRNA",
        "MolecularActivity",
        "NoncodingRNAProduct",
        "PhenotypicFeature",
        "Protein",
        "ProteinDomain",
        "ProteinIsoform",
        "SequenceVariant",
    }
)
#: Aspects Biolink puts under ``activity_or_abundance``: what ``regulates`` between genes means.
ACTIVITY_OR_ABUNDANCE: Final = frozenset({"activity_or_abundance", "activity", "abundance", "expression", "synthesis"})
MOLECULAR: Final = frozenset(
    {
        "Gene",
        "GeneFamily",
        "MacromolecularComplex",
        "MicroRNA",
        "NoncodingRNAProduct",
        "Protein",
        "ProteinIsoform",
        "ChemicalEntity",
    }
)
#: RO's process-to-process relations and the direction Biolink's predicate mapping gives them.
PROCESS_DIRECTION: Final = {"RO:0002213": "upregulated", "RO:0002212": "downregulated"}

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

    association: str
    predicate: str
    qualified_predicate: str | None
    object_aspect: str | None
    object_direction: str | None
    causal_mechanism: str | None
    knowledge_level: str

    @property
    def slots(self) -> frozenset[str]:
        """The qualifier slots this edge may fill: its class's, plus its predicate mapping's."""
        return ASSOCIATIONS[self.association] | MAPPING_ONLY.get(self.association, frozenset())

    @property
    def signed(self) -> bool:
        """Whether Biolink's slots (a direction qualifier or a signed predicate) say the sign."""
        return self.object_direction is not None or self.predicate.endswith(("_positive_effect", "_negative_effect"))


def _causes(
    association: str, predicate: str, aspect: str | None, direction: str | None, mechanism: str | None, level: str
) -> Edge:
    return Edge(association, predicate, "biolink:causes", aspect, direction, mechanism, level)


def edge(a: AssertionRecord, regulator: EntityRecord, target: EntityRecord, relation: str) -> Edge:
    """The Biolink reading of an assertion whose RO relation is ``relation``; see the module docstring."""
    direction = DIRECTION[a["direction"]]
    mechanism = MECHANISM.get(a["mechanism"] or "")
    level = "prediction" if a["hypothesis"] else "knowledge_assertion"
    subject, obj = category(regulator), category(target)
    aspect = ASPECT[a["aspect"]]
    if a["aspect"] == "binding":  # an interaction: no cause, no sign
        molecular = subject in MOLECULAR and obj in MOLECULAR
        association = "PairwiseMolecularInteraction" if molecular else "Association"
        kept = mechanism if molecular else None
        # RO:0002436 is Biolink's exact mapping of directly_physically_interacts_with: used when the source says direct
        direct = "directly_" if a["directness"] == "direct" else ""
        return Edge(association, f"biolink:{direct}physically_interacts_with", None, None, None, kept, level)
    if subject == "ChemicalEntity":
        if target["kind"] in GENE_OR_GENE_PRODUCT:
            return _causes("ChemicalAffectsGeneAssociation", "biolink:affects", aspect, direction, mechanism, level)
        if obj in BIOLOGICAL_ENTITY:
            shown = None if obj in ("BiologicalProcess", "MolecularActivity") else aspect
            association = "ChemicalAffectsBiologicalEntityAssociation"
            return _causes(association, "biolink:affects", shown, direction, mechanism, level)
    gene_like = regulator["kind"] in GENE_OR_GENE_PRODUCT or regulator["kind"] == "family"
    if gene_like and target["kind"] in GENE_OR_GENE_PRODUCT and aspect:
        if aspect in ACTIVITY_OR_ABUNDANCE and direction:
            return _causes("GeneRegulatesGeneAssociation", "biolink:regulates", aspect, direction, mechanism, level)
        return _causes("GeneToGeneAssociation", "biolink:affects", aspect, direction, mechanism, level)
    if regulator["kind"] in GENE_OR_GENE_PRODUCT and obj == "ChemicalEntity" and aspect:
        return _causes("GeneAffectsChemicalAssociation", "biolink:affects", aspect, direction, mechanism, level)
    if regulator["kind"] in GENE_OR_GENE_PRODUCT and obj == "BiologicalProcess":  # Biolink's domain: gene products
        effect = {"increased": "_positive_effect", "decreased": "_negative_effect", None: ""}[direction]
        association = "MacromolecularMachineToBiologicalProcessAssociation"
        return Edge(association, f"biolink:acts_upstream_of{effect}", None, None, None, None, level)
    if subject == "BiologicalProcess" and obj == "BiologicalProcess":
        mapped = PROCESS_DIRECTION.get(relation)
        if mapped is None:
            return Edge("ProcessRegulatesProcessAssociation", "biolink:regulates", None, None, None, None, level)
        association = "ProcessRegulatesProcessAssociation"
        return _causes(association, "biolink:regulates", "activity_or_abundance", mapped, None, level)
    return Edge("Association", "biolink:affects", None, None, None, None, level)


def context_qualifiers(edge: Edge, context: dict[str, list[str]]) -> dict[str, list[str]]:
    """Biolink context qualifier -> entity keys, for the qualifiers the edge's class holds."""
    return {
        qualifier: list(context.get(field, ()))
        for field, qualifier in CONTEXT_QUALIFIER.items()
        if qualifier in edge.slots and context.get(field)
    }
