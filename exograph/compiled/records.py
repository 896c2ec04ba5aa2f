"""The compiled form of the curation: plain, JSON-ready records.

Queries and exporters work on these rather than on pydantic models so that a
query process never imports pydantic, and so that the cache can store them as
JSON. ``build`` is the only place that turns validated models into records.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, TypedDict

from exograph.curation.vocab import LOCAL_PREFIX


class EntityRecord(TypedDict):
    key: str
    curie: str
    label: str
    name: str | None
    display: str
    kind: str
    generic: bool
    synonyms: list[str]
    xrefs: list[str]
    broader: list[str]
    parent: str | None
    members: list[str]
    diseases: list[str]
    local: bool
    note: str | None
    lint_ignore: list[str]


class CitedReference(TypedDict):
    number: int
    citation: str | None
    doi: str | None
    pmid: str | None


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
    directness: str
    exosomal_cargo: bool
    scope: str
    hypothesis: bool
    negated: bool
    context: dict[str, Any]
    evidence: list[EvidenceRecord]
    note: str | None
    lint_ignore: list[str]


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
    """Turn a :class:`exograph.curation.checks.Checked` into records (typed loosely to keep this import-light)."""
    entities = {
        key: EntityRecord(  # type: ignore[typeddict-item]
            **e.model_dump(), display=e.name or e.label, local=e.curie.startswith(f"{LOCAL_PREFIX}:")
        )
        for key, e in checked.entities.items()
    }
    sources = {
        sid: SourceRecord(
            **s.model_dump(exclude={"references", "volume", "pages"}),  # type: ignore[typeddict-item]
            references=len(s.references),
        )
        for sid, s in checked.sources.items()
    }
    citations = {sid: {r.number: r for r in s.references} for sid, s in checked.sources.items()}
    assertions = [assertion_record(sid, a, citations.get(sid, {})) for sid, a in checked.assertions]
    return entities, assertions, sources


def assertion_record(source_id: str, a: Any, refs: dict[int, Any]) -> AssertionRecord:
    """The record of one validated assertion; ``refs`` is its source's reference list by number."""
    record = a.model_dump()
    record["context"] = a.context.model_dump(exclude_defaults=True)
    for evidence in record["evidence"]:
        evidence["source"] = source_id
        evidence["quote"] = " ".join(evidence["quote"].split())
        evidence["references"] = [
            CitedReference(
                number=n,
                citation=refs[n].citation if n in refs else None,
                doi=refs[n].doi if n in refs else None,
                pmid=refs[n].pmid if n in refs else None,
            )
            for n in evidence["references"]
        ]
    return AssertionRecord(**record, source=source_id)  # type: ignore[typeddict-item,no-any-return]


#: The context fields whose cell lines bring their disease to the claim (:func:`filter_context`).
LINE_FIELDS = ("cell_lines", "donors", "recipients")


def line_diseases(entities: Mapping[str, EntityRecord]) -> dict[str, list[str]]:
    """The diseases of each cell line that records some, by key (what :func:`filter_context` reads)."""
    return {k: e["diseases"] for k, e in entities.items() if e.get("diseases")}


def diseases_written(context: Mapping[str, Any]) -> str:
    """The diseases a compiled context (:func:`filter_context`) states and those of its cell lines, as the chain
    steps keep them beside it (``[[stated], [of its cell lines]]``, sorted): the few distinct ones are read once
    each, where parsing every step's whole context for them was a sixth of a path query at 100,000 assertions."""
    return json.dumps([sorted(context.get("diseases", ())), sorted(context.get("cell_line_diseases", ()))])


def filter_context(a: AssertionRecord, lines: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """What the filters and coherence read of an assertion: its context, the perturbations its evidence names,
    and the diseases of the cell lines it names (``lines``: :func:`line_diseases`) as ``cell_line_diseases``:
    a claim made in K-562 cells is a claim in chronic myelogenous leukemia whether or not its row says so.

    The compiled chain steps store exactly this (:func:`exograph.compiled.store.reasoning_rows`), so a
    filter decides alike for a plain query and for every step of a chain.
    """
    context = a["context"]
    perturbations = sorted({e["perturbation"] for e in a["evidence"] if e["perturbation"]})
    diseases = sorted({d for f in LINE_FIELDS for k in context.get(f, ()) for d in lines.get(k, ())})
    if not perturbations and not diseases:
        return context
    return {
        **context,
        **({"perturbations": perturbations} if perturbations else {}),
        **({"cell_line_diseases": diseases} if diseases else {}),
    }
