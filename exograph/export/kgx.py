"""KGX (Knowledge Graph Exchange) on the Biolink model, as TSV and JSON Lines, for knowledge-graph pipelines.

One folder with ``nodes.tsv``/``edges.tsv`` (KGX TSV: list values joined with ``|``)
and ``nodes.jsonl``/``edges.jsonl`` (KGX JSON Lines: lists as JSON arrays), the
same records in both. Every edge reads the assertion as :mod:`exograph.export.biolink`
does for the RDF export (one mapping: association class as the edge's category, predicate,
the RO relation as ``original_predicate``, the qualifiers that class holds, knowledge level).
Node ids are the best identifier Biolink accepts for each entity's category
(:mod:`exograph.export.identifiers`; the curation's CURIE stays in ``xref``). The tests
validate every edge with Biolink's own pydantic classes and run the real ``kgx validate``
with the JSON-LD context it really loads.

Hypotheses are ``knowledge_level: prediction``; engineered-vesicle and method findings
(``exograph_scope``) are kept, marked, so a pipeline can filter them.

Negation: ``negated`` is true on a denied effect (Biolink's own slot); the
assertion keeps its predicate and qualifiers, as Biolink reads a negated edge.

KGX reads its TSV without quoting, so values are written unquoted; validation keeps tabs
and line breaks out of names, and any that still arrive are blanked rather than let
them split a row.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

from exograph.compiled.records import AssertionRecord, EntityRecord, SourceRecord
from exograph.compiled.store import Store
from exograph.curation.vocab import CONTEXT_LIST_FIELDS
from exograph.export import biolink, relations
from exograph.export.identifiers import node_ids
from exograph.export.prefixes import standard_curie
from exograph.export.semantics import assertion_codes, publication

NODE_COLUMNS: Final = ("id", "category", "name", "synonym", "xref", "provided_by")
EDGE_COLUMNS: Final = (
    "id",
    "category",
    "subject",
    "predicate",
    "object",
    "original_predicate",
    "negated",
    "qualified_predicate",
    "object_aspect_qualifier",
    "object_direction_qualifier",
    "causal_mechanism_qualifier",
    "species_context_qualifier",
    "disease_context_qualifier",
    "anatomical_context_qualifier",
    "knowledge_level",
    "agent_type",
    "primary_knowledge_source",
    "publications",
    "has_evidence",
    "supporting_text",
    # exograph's own properties (KGX keeps non-Biolink columns as they are)
    "exograph_direction",
    "exograph_aspect",
    "exograph_directness",
    "exograph_scope",
    "hypothesis",
    "exosomal_cargo",
    *CONTEXT_LIST_FIELDS,
)
LIST_COLUMNS: Final = frozenset(
    {
        "category",
        "synonym",
        "xref",
        "provided_by",
        "publications",
        "has_evidence",
        "supporting_text",
        "disease_context_qualifier",
        "anatomical_context_qualifier",
    }
    | set(CONTEXT_LIST_FIELDS)
)


def node(e: EntityRecord, node_id: str) -> dict[str, Any]:
    own = standard_curie(e["curie"])
    xrefs = [standard_curie(x) for x in e["xrefs"]]
    return {
        "id": node_id,
        "category": [f"biolink:{biolink.category(e)}"],
        "name": e["label"],
        "synonym": e["synonyms"],
        "xref": ([own] if own != node_id else []) + [x for x in xrefs if x != node_id],
        "provided_by": [biolink.KNOWLEDGE_SOURCE],
    }


def edge(
    a: AssertionRecord, entities: dict[str, EntityRecord], sources: dict[str, SourceRecord], ids: dict[str, str]
) -> dict[str, Any]:
    regulator, target = entities[a["regulator"]], entities[a["target"]]
    ro = relations.relation(
        regulator["kind"], target["kind"], a["direction"], a["aspect"], a["mechanism"], a["directness"]
    )
    reading = biolink.edge(a, regulator, target, ro)
    ctx = a["context"]
    context: dict[str, Any] = dict.fromkeys(biolink.CONTEXT_QUALIFIER.values())
    for qualifier, keys in biolink.context_qualifiers(reading, ctx).items():
        values = [ids[k] for k in keys]
        context[qualifier] = values[0] if qualifier in biolink.SINGLE_VALUED else values
    return {
        "id": f"exograph:{a['id']}",
        "category": [f"biolink:{reading.association}"],
        "subject": ids[a["regulator"]],
        "predicate": reading.predicate,
        "object": ids[a["target"]],
        "original_predicate": ro,
        "negated": a["negated"],
        "qualified_predicate": reading.qualified_predicate,
        "object_aspect_qualifier": reading.object_aspect,
        "object_direction_qualifier": reading.object_direction,
        "causal_mechanism_qualifier": reading.causal_mechanism,
        **context,
        "knowledge_level": reading.knowledge_level,
        "agent_type": biolink.AGENT_TYPE,
        "primary_knowledge_source": biolink.KNOWLEDGE_SOURCE,
        "publications": [publication(sources[a["source"]])],
        "has_evidence": assertion_codes(a, sources),
        "supporting_text": [ev["quote"] for ev in a["evidence"]],
        "exograph_direction": a["direction"],
        "exograph_aspect": a["aspect"],
        "exograph_directness": a["directness"],
        "exograph_scope": a["scope"],
        "hypothesis": a["hypothesis"],
        "exosomal_cargo": a["exosomal_cargo"],
        **{f: [ids[k] for k in ctx.get(f, [])] for f in CONTEXT_LIST_FIELDS},
    }


_BREAKS: Final = re.compile(r"[\t\n\r]")


def _tsv_value(column: str, value: Any) -> str:
    if value is None:
        return ""
    if column in LIST_COLUMNS:
        return "|".join(_BREAKS.sub(" ", v) for v in value)
    if isinstance(value, bool):
        return str(value).lower()
    return _BREAKS.sub(" ", str(value))


def _write(folder: Path, name: str, columns: tuple[str, ...], records: Iterator[dict[str, Any]]) -> None:
    with (
        (folder / f"{name}.tsv").open("w", encoding="utf-8", newline="") as tsv,
        (folder / f"{name}.jsonl").open("w", encoding="utf-8") as jsonl,
    ):
        writer = csv.writer(tsv, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, quotechar=None)
        writer.writerow(columns)
        for record in records:
            writer.writerow([_tsv_value(c, record[c]) for c in columns])
            present = {k: v for k, v in record.items() if v is not None and v != []}
            jsonl.write(json.dumps(present, ensure_ascii=False) + "\n")


def kgx(store: Store, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    entities, sources = {e["key"]: e for e in store.entities()}, store.sources()
    ids = node_ids(entities.values())
    _write(folder, "nodes", NODE_COLUMNS, (node(e, ids[key]) for key, e in entities.items()))
    _write(folder, "edges", EDGE_COLUMNS, (edge(a, entities, sources, ids) for a in store.assertions()))
