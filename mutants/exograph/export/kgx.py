"""KGX (Knowledge Graph Exchange) on the Biolink model, as TSV and JSON Lines, for knowledge-graph pipelines.

One folder with ``nodes.tsv``/``edges.tsv`` (KGX TSV: list values joined with ``|``)
and ``nodes.jsonl``/``edges.jsonl`` (KGX JSON Lines: lists as JSON arrays), the
same records in both. Every edge reads the assertion as :mod:`exograph.export.biolink`
does for the RDF export (one mapping: predicate, qualified predicate, aspect and
direction qualifiers, causal mechanism, knowledge level), with CURIEs as Biolink
writes them (:func:`exograph.export.prefixes.standard_curie`). The tests run the
real ``kgx validate`` on both against the Biolink model in the ``biolink-model`` package.

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
from exograph.export import biolink
from exograph.export.prefixes import standard_curie
from exograph.export.semantics import assertion_codes, publication

NODE_COLUMNS: Final = ("id", "category", "name", "synonym", "xref", "provided_by")
EDGE_COLUMNS: Final = (
    "id",
    "category",
    "subject",
    "predicate",
    "object",
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
    "hypothesis",
    "exosomal_cargo",
    *CONTEXT_LIST_FIELDS,
)
LIST_COLUMNS: Final = frozenset(
    {"category", "synonym", "xref", "provided_by", "publications", "has_evidence", "supporting_text"}
    | set(CONTEXT_LIST_FIELDS)
)
#: Biolink context qualifiers hold one term; the first is used and all are in the context list columns.
SINGLE_CONTEXT: Final = {biolink.CONTEXT_QUALIFIER[f]: f for f in ("organisms", "diseases", "cell_types")}


def node(e: EntityRecord) -> dict[str, Any]:
    return {
        "id": standard_curie(e["curie"]),
        "category": [f"biolink:{biolink.category(e)}"],
        "name": e["label"],
        "synonym": e["synonyms"],
        "xref": [standard_curie(x) for x in e["xrefs"]],
        "provided_by": [biolink.KNOWLEDGE_SOURCE],
    }


def edge(a: AssertionRecord, entities: dict[str, EntityRecord], sources: dict[str, SourceRecord]) -> dict[str, Any]:
    regulator, target = entities[a["regulator"]], entities[a["target"]]
    reading = biolink.edge(a, regulator, target)
    ctx = a["context"]
    context = {
        slot: standard_curie(entities[ctx[field][0]]["curie"]) if ctx.get(field) else None
        for slot, field in SINGLE_CONTEXT.items()
    }
    return {
        "id": f"exograph:{a['id']}",
        "category": ["biolink:Association"],
        "subject": standard_curie(regulator["curie"]),
        "predicate": reading.predicate,
        "object": standard_curie(target["curie"]),
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
        "hypothesis": a["hypothesis"],
        "exosomal_cargo": a["exosomal_cargo"],
        **{f: [standard_curie(entities[k]["curie"]) for k in ctx.get(f, [])] for f in CONTEXT_LIST_FIELDS},
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
    _write(folder, "nodes", NODE_COLUMNS, (node(e) for e in entities.values()))
    _write(folder, "edges", EDGE_COLUMNS, (edge(a, entities, sources) for a in store.assertions()))
