"""The compiled form of the curation: plain, JSON-ready records.

Queries and exporters work on these rather than on pydantic models so that a
query process never imports pydantic, and so that the cache can store them as
JSON. ``build`` is the only place that turns validated models into records.
"""

from __future__ import annotations

from typing import Any, TypedDict

from exograph.vocab import LOCAL_PREFIX


class EntityRecord(TypedDict):
    key: str
    curie: str
    label: str
    kind: str
    synonyms: list[str]
    xrefs: list[str]
    broader: list[str]
    parent: str | None
    local: bool
    note: str | None


class CitedReference(TypedDict):
    number: int
    citation: str | None
    doi: str | None


class EvidenceRecord(TypedDict):
    source: str
    quote: str
    section: str
    references: list[CitedReference]
    assay: str | None
    perturbation: str | None


class AssertionRecord(TypedDict):
    id: str
    source: str
    regulator: str
    target: str
    direction: str
    aspect: str
    mechanism: str | None
    exosomal_cargo: bool
    hypothesis: bool
    negated: bool
    context: dict[str, Any]
    evidence: list[EvidenceRecord]
    note: str | None


class SourceRecord(TypedDict):
    id: str
    kind: str
    title: str
    authors: list[str]
    journal: str | None
    year: int | None
    doi: str | None
    pmid: str | None
    pmcid: str | None
    licence: str
    text: str
    sha256: str
    references: int


def build(checked: Any) -> tuple[dict[str, EntityRecord], list[AssertionRecord], dict[str, SourceRecord]]:
    """Turn a :class:`exograph.checks.Checked` into records (typed loosely to keep this import-light)."""
    entities: dict[str, EntityRecord] = {
        key: EntityRecord(
            key=e.key,
            curie=e.curie,
            label=e.label,
            kind=e.kind,
            synonyms=list(e.synonyms),
            xrefs=list(e.xrefs),
            broader=list(e.broader),
            parent=e.parent,
            local=e.curie.startswith(f"{LOCAL_PREFIX}:"),
            note=e.note,
        )
        for key, e in checked.entities.items()
    }
    sources: dict[str, SourceRecord] = {
        sid: SourceRecord(
            id=s.id,
            kind=s.kind,
            title=s.title,
            authors=list(s.authors),
            journal=s.journal,
            year=s.year,
            doi=s.doi,
            pmid=s.pmid,
            pmcid=s.pmcid,
            licence=s.licence,
            text=s.text,
            sha256=s.sha256,
            references=len(s.references),
        )
        for sid, s in checked.sources.items()
    }
    citations = {sid: {r.number: r for r in s.references} for sid, s in checked.sources.items()}
    assertions: list[AssertionRecord] = []
    for source_id, a in checked.assertions:
        refs = citations.get(source_id, {})
        evidence = [
            EvidenceRecord(
                source=source_id,
                quote=" ".join(ev.quote.split()),
                section=ev.section,
                references=[
                    CitedReference(
                        number=n,
                        citation=refs[n].citation if n in refs else None,
                        doi=refs[n].doi if n in refs else None,
                    )
                    for n in ev.references
                ],
                assay=ev.assay,
                perturbation=ev.perturbation,
            )
            for ev in a.evidence
        ]
        assertions.append(
            AssertionRecord(
                id=a.id,
                source=source_id,
                regulator=a.regulator,
                target=a.target,
                direction=a.direction,
                aspect=a.aspect,
                mechanism=a.mechanism,
                exosomal_cargo=a.exosomal_cargo,
                hypothesis=a.hypothesis,
                negated=a.negated,
                context=a.context.model_dump(exclude_defaults=True),
                evidence=evidence,
                note=a.note,
            )
        )
    return entities, assertions, sources
