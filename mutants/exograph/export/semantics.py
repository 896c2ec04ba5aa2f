"""Per-assertion readings shared by the table-like exporters (KGX): publication CURIE, ECO codes."""

from __future__ import annotations

from exograph.compiled.records import AssertionRecord, SourceRecord
from exograph.export.evidence import evidence_code


def publication(source: SourceRecord) -> str:
    """The best public identifier of a source, as a CURIE."""
    if source["doi"]:
        return f"doi:{source['doi']}"
    if source["pmid"]:
        return f"PMID:{source['pmid']}"
    return f"exograph:source/{source['id']}"


def assertion_codes(a: AssertionRecord, sources: dict[str, SourceRecord]) -> list[str]:
    """The ECO classes of an assertion's evidence, as the RDF export types its evidence nodes."""
    return sorted(
        {
            evidence_code(
                sources[ev["source"]]["kind"], bool(ev["references"]), ev["assay"], ev["perturbation"], a["mechanism"]
            )
            for ev in a["evidence"]
        }
    )
