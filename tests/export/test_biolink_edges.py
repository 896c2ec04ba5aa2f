"""The Biolink reading of one assertion, case by case: the table of exograph.export.biolink's docstring.

Each row is an assertion between two kinds of entity and the class, predicate and qualifiers Biolink
must read it as; a wrong row is a silent wrong export (a sign lost, a causal claim read as an
interaction, a qualifier on a class that does not hold it). Every reading is also built as an instance
of its class with Biolink's own generated pydantic classes, which forbid undeclared slots.
"""

from __future__ import annotations

from typing import Any

import pytest

from exograph.compiled.records import AssertionRecord, EntityRecord
from exograph.export import biolink
from exograph.export.relations import relation

CURIES = {
    "gene": "HGNC:1",
    "family": "FPLX:F",
    "mirna": "MIRBASE:MI1",
    "lncrna": "HGNC:2",
    "circrna": "exograph:circ",
    "protein": "UniProtKB:P1",
    "isoform": "UniProtKB:P1-2",
    "chemical": "CHEBI:1",
    "process": "exograph:process",
    "component": "GO:0070062",
    "condition": "MESH:D1",
    "cell_type": "CL:1",
    "cell_line": "CVCL:1",
    "disease": "MONDO:1",
    "variant": "exograph:variant",
    "phenotype": "HP:1",
    "treatment": "exograph:treatment",
    "organism": "NCBITaxon:9606",
    "anatomy": "UBERON:1",
    "motif": "exograph:motif",
}


def entity(kind: str, curie: str | None = None, label: str = "thing") -> EntityRecord:
    return {"key": kind, "curie": curie or CURIES[kind], "label": label, "kind": kind}  # type: ignore[typeddict-item]


def assertion(
    aspect: str = "amount",
    direction: str = "increases",
    mechanism: str | None = None,
    hypothesis: bool = False,
    directness: str = "unstated",
) -> AssertionRecord:
    return {  # type: ignore[typeddict-item]
        "aspect": aspect,
        "direction": direction,
        "mechanism": mechanism,
        "hypothesis": hypothesis,
        "directness": directness,
    }


def read(regulator: str, target: str, **fields: Any) -> biolink.Edge:
    a, r, t = assertion(**fields), entity(regulator), entity(target)
    ro = relation(r["kind"], t["kind"], a["direction"], a["aspect"], a["mechanism"], a["directness"])
    return biolink.edge(a, r, t, ro)


def reading(edge: biolink.Edge) -> tuple[str | None, ...]:
    return (
        edge.association,
        edge.predicate,
        edge.qualified_predicate,
        edge.object_aspect,
        edge.object_direction,
        edge.causal_mechanism,
        edge.knowledge_level,
    )


KNOWN = "knowledge_assertion"
CAUSES = "biolink:causes"
#: A plain association: no class of Biolink holds the claim, the sign stays in exograph's own fields.
PLAIN = ("Association", "biolink:affects", None, None, None, None, KNOWN)
CASES: list[tuple[str, str, dict[str, Any], tuple[str | None, ...]]] = [
    # gene product -> gene product, activity or abundance: regulates, with aspect and direction
    ("gene", "gene", {},
     ("GeneRegulatesGeneAssociation", "biolink:regulates", CAUSES, "abundance", "increased", None, KNOWN)),
    ("mirna", "gene", {"direction": "decreases", "mechanism": "post_transcriptional"},
     ("GeneRegulatesGeneAssociation", "biolink:regulates", CAUSES, "abundance", "decreased",
      "post_transcriptional_regulation", KNOWN)),
    ("protein", "isoform", {"aspect": "activity", "mechanism": "phosphorylation"},
     ("GeneRegulatesGeneAssociation", "biolink:regulates", CAUSES, "activity", "increased", "phosphorylation", KNOWN)),
    ("lncrna", "circrna", {"aspect": "biogenesis", "mechanism": "cerna_sponging"},
     ("GeneRegulatesGeneAssociation", "biolink:regulates", CAUSES, "synthesis", "increased", "sequestration", KNOWN)),
    ("family", "mirna", {"mechanism": "transcription"},
     ("GeneRegulatesGeneAssociation", "biolink:regulates", CAUSES, "abundance", "increased",
      "transcriptional_regulation", KNOWN)),
    # ... another aspect, or no direction: affects, with the aspect (and the direction when there is one)
    ("gene", "gene", {"aspect": "secretion", "mechanism": "trafficking"},
     ("GeneToGeneAssociation", "biolink:affects", CAUSES, "secretion", "increased", "relocalization", KNOWN)),
    ("gene", "protein", {"aspect": "phosphorylation", "direction": "decreases", "mechanism": "dephosphorylation"},
     ("GeneToGeneAssociation", "biolink:affects", CAUSES, "phosphorylation", "decreased", "dephosphorylation", KNOWN)),
    ("gene", "gene", {"direction": "regulates", "mechanism": "signaling"},
     ("GeneToGeneAssociation", "biolink:affects", CAUSES, "abundance", None, "signaling_mediated_control", KNOWN)),
    ("family", "gene", {"aspect": "ubiquitination", "mechanism": "ubiquitination"},
     ("GeneToGeneAssociation", "biolink:affects", CAUSES, "ubiquitination", "increased", "ubiquitination", KNOWN)),
    ("gene", "gene", {"aspect": "cargo_loading", "mechanism": "protein_stabilization"},
     ("GeneToGeneAssociation", "biolink:affects", CAUSES, "transport", "increased", "stabilization", KNOWN)),
    ("gene", "gene", {"aspect": "localization", "mechanism": "autoregulation"},
     ("GeneToGeneAssociation", "biolink:affects", CAUSES, "localization", "increased", "signaling_mediated_control",
      KNOWN)),
    ("gene", "gene", {"aspect": "degradation", "direction": "decreases", "mechanism": "enzymatic_conversion"},
     ("GeneToGeneAssociation", "biolink:affects", CAUSES, "degradation", "decreased", "catalytic_activity", KNOWN)),
    ("gene", "gene", {"aspect": "uptake", "mechanism": "binding"},
     ("GeneToGeneAssociation", "biolink:affects", CAUSES, "uptake", "increased", "binding", KNOWN)),
    # an aspect Biolink has no word for: no causal class holds it
    ("gene", "gene", {"aspect": "subtype_shift"}, PLAIN),
    # chemical -> gene product, -> another biological entity (no aspect on a process or an activity)
    ("chemical", "gene", {"direction": "decreases"},
     ("ChemicalAffectsGeneAssociation", "biolink:affects", CAUSES, "abundance", "decreased", None, KNOWN)),
    ("chemical", "gene", {"aspect": "activity", "mechanism": "enzymatic_conversion"},
     ("ChemicalAffectsGeneAssociation", "biolink:affects", CAUSES, "activity", "increased", "catalytic_activity",
      KNOWN)),
    ("chemical", "mirna", {"aspect": "activity", "direction": "regulates"},
     ("ChemicalAffectsGeneAssociation", "biolink:affects", CAUSES, "activity", None, None, KNOWN)),
    ("chemical", "process", {},
     ("ChemicalAffectsBiologicalEntityAssociation", "biolink:affects", CAUSES, None, "increased", None, KNOWN)),
    ("chemical", "process", {"direction": "decreases", "mechanism": "signaling"},
     ("ChemicalAffectsBiologicalEntityAssociation", "biolink:affects", CAUSES, None, "decreased",
      "signaling_mediated_control", KNOWN)),
    ("chemical", "component", {"aspect": "secretion"},
     ("ChemicalAffectsBiologicalEntityAssociation", "biolink:affects", CAUSES, "secretion", "increased", None, KNOWN)),
    ("chemical", "cell_type", {"direction": "decreases"},
     ("ChemicalAffectsBiologicalEntityAssociation", "biolink:affects", CAUSES, "abundance", "decreased", None, KNOWN)),
    ("chemical", "family", {},
     ("ChemicalAffectsBiologicalEntityAssociation", "biolink:affects", CAUSES, "abundance", "increased", None, KNOWN)),
    ("chemical", "phenotype", {},
     ("ChemicalAffectsBiologicalEntityAssociation", "biolink:affects", CAUSES, "abundance", "increased", None, KNOWN)),
    # ... an exposure, a taxon, another chemical or a treatment is no biological entity
    ("chemical", "condition", {}, PLAIN),
    ("chemical", "chemical", {}, PLAIN),
    ("chemical", "treatment", {}, PLAIN),
    ("chemical", "organism", {}, PLAIN),
    # gene product -> chemical
    ("gene", "chemical", {"aspect": "biogenesis", "direction": "decreases"},
     ("GeneAffectsChemicalAssociation", "biolink:affects", CAUSES, "synthesis", "decreased", None, KNOWN)),
    ("isoform", "chemical", {"mechanism": "enzymatic_conversion"},
     ("GeneAffectsChemicalAssociation", "biolink:affects", CAUSES, "abundance", "increased", "catalytic_activity",
      KNOWN)),
    ("family", "chemical", {}, PLAIN),
    ("gene", "chemical", {"aspect": "subtype_shift"}, PLAIN),
    # gene product -> process: the sign in the predicate, no qualifier
    ("gene", "process", {"aspect": "secretion"},
     ("MacromolecularMachineToBiologicalProcessAssociation", "biolink:acts_upstream_of_positive_effect",
      None, None, None, None, KNOWN)),
    ("mirna", "process", {"direction": "decreases", "mechanism": "post_transcriptional"},
     ("MacromolecularMachineToBiologicalProcessAssociation", "biolink:acts_upstream_of_negative_effect",
      None, None, None, None, KNOWN)),
    ("protein", "process", {"direction": "regulates"},
     ("MacromolecularMachineToBiologicalProcessAssociation", "biolink:acts_upstream_of",
      None, None, None, None, KNOWN)),
    ("family", "process", {}, PLAIN),
    # process -> process: the predicate mapping's reading of RO:0002213 / RO:0002212; none for RO:0002211
    ("process", "process", {"mechanism": "signaling"},
     ("ProcessRegulatesProcessAssociation", "biolink:regulates", CAUSES, "activity_or_abundance", "upregulated",
      None, KNOWN)),
    ("process", "process", {"direction": "decreases"},
     ("ProcessRegulatesProcessAssociation", "biolink:regulates", CAUSES, "activity_or_abundance", "downregulated",
      None, KNOWN)),
    ("process", "process", {"direction": "regulates"},
     ("ProcessRegulatesProcessAssociation", "biolink:regulates", None, None, None, None, KNOWN)),
    # anything else: a plain association, the sign left to exograph's own fields
    ("condition", "gene", {}, PLAIN),
    ("component", "gene", {"direction": "decreases", "mechanism": "post_transcriptional"},
     PLAIN),
    ("process", "gene", {}, PLAIN),
    ("cell_type", "process", {}, PLAIN),
    # a hypothesis is a prediction, whatever the class
    ("gene", "gene", {"hypothesis": True},
     ("GeneRegulatesGeneAssociation", "biolink:regulates", CAUSES, "abundance", "increased", None, "prediction")),
    ("condition", "process", {"hypothesis": True},
     ("Association", "biolink:affects", None, None, None, None, "prediction")),
]  # fmt: skip


@pytest.mark.parametrize(("regulator", "target", "fields", "expected"), CASES)
def test_each_kind_of_claim_reads_as_its_biolink_association(
    regulator: str, target: str, fields: dict[str, Any], expected: tuple[str | None, ...]
) -> None:
    edge = read(regulator, target, **fields)
    assert reading(edge) == expected
    _instance(edge)


def _instance(edge: biolink.Edge) -> None:
    """Biolink's own class accepts the reading (the predicate-mapping slots of process edges aside)."""
    from biolink_model.datamodel import pydanticmodel_v2

    values: dict[str, Any] = {
        "qualified_predicate": edge.qualified_predicate,
        "object_aspect_qualifier": edge.object_aspect,
        "object_direction_qualifier": edge.object_direction,
        "causal_mechanism_qualifier": edge.causal_mechanism,
    }
    mapping_only = biolink.MAPPING_ONLY.get(edge.association, frozenset())
    kept = {k: v for k, v in values.items() if v is not None and k not in mapping_only}
    getattr(pydanticmodel_v2, edge.association)(
        id="x:1", subject="x:2", object="x:3", predicate=edge.predicate, knowledge_level=edge.knowledge_level,
        agent_type=biolink.AGENT_TYPE, **kept,
    )  # fmt: skip


MOLECULES = ("gene", "family", "mirna", "lncrna", "circrna", "protein", "isoform", "chemical")


@pytest.mark.parametrize("kind", MOLECULES)
def test_a_binding_between_molecules_is_a_molecular_interaction(kind: str) -> None:
    for first, second in ((kind, "gene"), ("protein", kind)):
        edge = read(first, second, aspect="binding", direction="regulates", mechanism="binding")
        assert reading(edge) == (
            "PairwiseMolecularInteraction", "biolink:physically_interacts_with", None, None, None, "binding", KNOWN
        )  # fmt: skip
        assert not edge.signed
        _instance(edge)


def test_a_go_complex_binding_is_molecular_too() -> None:
    complex_, gene = entity("family", "GO:0000502", "proteasome complex"), entity("gene")
    a = assertion("binding", "regulates", "binding", directness="direct")
    edge = biolink.edge(a, complex_, gene, "RO:0002436")
    assert (edge.association, edge.predicate, edge.causal_mechanism) == (
        "PairwiseMolecularInteraction",
        "biolink:directly_physically_interacts_with",
        "binding",
    )


@pytest.mark.parametrize("kind", ["process", "component", "cell_type", "condition", "phenotype", "motif", "variant"])
def test_a_binding_with_anything_else_is_a_plain_association(kind: str) -> None:
    for first, second in ((kind, "gene"), ("gene", kind)):
        edge = read(first, second, aspect="binding", direction="regulates", mechanism="binding", hypothesis=True)
        expected = ("Association", "biolink:physically_interacts_with", None, None, None, None, "prediction")
        assert reading(edge) == expected


def test_go_molecular_functions_are_activities_and_complexes_complexes() -> None:
    assert biolink.category(entity("process", "GO:0004672", "protein kinase activity")) == "MolecularActivity"
    assert biolink.category(entity("process", "GO:0005515", "protein binding")) == "MolecularActivity"
    assert biolink.category(entity("process", "GO:1990182", "exosomal secretion")) == "BiologicalProcess"
    # the rule is GO's naming: a label of another source that ends in "activity" is still a process
    assert biolink.category(entity("process", "exograph:x", "sorting activity")) == "BiologicalProcess"
    assert biolink.category(entity("family", "GO:0000502", "proteasome complex")) == "MacromolecularComplex"
    assert biolink.category(entity("family", "FPLX:RAB", "RAB")) == "GeneFamily"
    assert biolink.category(entity("component", "GO:0005737", "enzyme activity")) == "CellularComponent"


def test_a_chemical_acting_on_a_molecular_activity_has_no_aspect() -> None:
    kinase = entity("process", "GO:0004672", "protein kinase activity")
    edge = biolink.edge(assertion("activity", "decreases"), entity("chemical"), kinase, "RO:0002212")
    assert reading(edge) == (
        "ChemicalAffectsBiologicalEntityAssociation", "biolink:affects", CAUSES, None, "decreased", None, KNOWN
    )  # fmt: skip


def test_a_signed_edge_says_its_sign_in_a_qualifier_or_the_predicate() -> None:
    assert read("gene", "gene").signed
    assert read("gene", "process", direction="decreases").signed
    assert read("gene", "process").signed
    assert read("process", "process", direction="decreases").signed
    assert not read("gene", "process", direction="regulates").signed
    assert not read("gene", "gene", direction="regulates").signed
    assert not read("condition", "gene").signed  # the sign is exograph's own field only


CONTEXT = {"organisms": ["human"], "diseases": ["hcc"], "cell_types": ["hepatocyte"], "cell_lines": ["Huh-7"]}


def test_context_qualifiers_only_where_the_class_holds_them() -> None:
    everything = {
        "species_context_qualifier": ["human"],
        "anatomical_context_qualifier": ["hepatocyte"],
    }
    assert biolink.context_qualifiers(read("chemical", "gene"), CONTEXT) == everything
    assert biolink.context_qualifiers(read("gene", "chemical"), CONTEXT) == everything
    assert biolink.context_qualifiers(read("chemical", "process"), CONTEXT) == everything
    species = {"species_context_qualifier": ["human"]}
    for regulator, target in (("gene", "gene"), ("gene", "process"), ("process", "process"), ("condition", "gene")):
        assert biolink.context_qualifiers(read(regulator, target), CONTEXT) == species, (regulator, target)
    # a field the claim leaves unstated (absent or empty) is no qualifier
    assert biolink.context_qualifiers(read("chemical", "gene"), {"organisms": [], "cell_types": ["neuron"]}) == {
        "anatomical_context_qualifier": ["neuron"]
    }
    assert biolink.context_qualifiers(read("chemical", "gene"), {}) == {}


def test_process_edges_may_fill_the_predicate_mapping_s_slots() -> None:
    process = read("process", "process")
    assert process.slots == {
        "species_context_qualifier", "qualified_predicate", "object_aspect_qualifier", "object_direction_qualifier",
    }  # fmt: skip
    assert read("gene", "process").slots == {"species_context_qualifier"}
