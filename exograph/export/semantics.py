"""How exograph's vocabulary maps onto Biolink, RO and ECO, shared by the RDF and KGX exporters."""

from __future__ import annotations

from typing import Final

from exograph.compiled.records import AssertionRecord, SourceRecord

BIOLINK_CATEGORY: Final[dict[str, str]] = {
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
}

#: exograph aspect -> Biolink GeneOrGeneProductOrChemicalEntityAspectEnum value (None: no counterpart).
BIOLINK_ASPECT: Final[dict[str, str | None]] = {
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
}
BIOLINK_DIRECTION: Final = {"increases": "increased", "decreases": "decreased", "regulates": None}

#: ECO evidence codes for manual curation, chosen from what the source is and what it cites.
ECO_DIRECT_ASSAY: Final = "ECO:0000314"  # direct assay evidence used in manual assertion
ECO_TRACEABLE_AUTHOR_STATEMENT: Final = "ECO:0000304"  # author statement supported by traceable reference
ECO_AUTHOR_STATEMENT: Final = "ECO:0000303"  # author statement without traceable support


def evidence_code(source: SourceRecord, cited: bool, assay: str | None) -> str:
    """A primary study's own experiment is direct assay evidence; a claim that cites others is traceable."""
    if cited:
        return ECO_TRACEABLE_AUTHOR_STATEMENT
    if source["kind"] == "primary_research" and assay:
        return ECO_DIRECT_ASSAY
    return ECO_AUTHOR_STATEMENT


def publication(source: SourceRecord) -> str:
    """The best public identifier of a source, as a CURIE."""
    if source["doi"]:
        return f"doi:{source['doi']}"
    if source["pmid"]:
        return f"PMID:{source['pmid']}"
    return f"exograph:source/{source['id']}"


def assertion_codes(a: AssertionRecord, sources: dict[str, SourceRecord]) -> list[str]:
    return sorted({evidence_code(sources[ev["source"]], bool(ev["references"]), ev["assay"]) for ev in a["evidence"]})
