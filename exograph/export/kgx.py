"""KGX TSV (nodes.tsv and edges.tsv) on the Biolink model, for knowledge-graph pipelines."""

from __future__ import annotations

import csv
from pathlib import Path

from exograph.compiled.store import Store
from exograph.curation.vocab import CONTEXT_LIST_FIELDS
from exograph.export.biolink import ASPECT as BIOLINK_ASPECT
from exograph.export.biolink import DIRECTION as BIOLINK_DIRECTION
from exograph.export.biolink import category
from exograph.export.semantics import assertion_codes, publication

NODE_COLUMNS = ("id", "category", "name", "synonym", "xref", "provided_by")
EDGE_COLUMNS = (
    "id",
    "subject",
    "predicate",
    "object",
    "negated",
    "qualified_predicate",
    "object_aspect_qualifier",
    "object_direction_qualifier",
    "knowledge_level",
    "agent_type",
    "primary_knowledge_source",
    "publications",
    "has_evidence",
    "hypothesis",
    "exosomal_cargo",
    *CONTEXT_LIST_FIELDS,
)


def kgx(store: Store, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    entities = {e["key"]: e for e in store.entities()}
    sources = store.sources()
    with (folder / "nodes.tsv").open("w", encoding="utf-8", newline="") as handle:
        nodes = csv.writer(handle, delimiter="\t", lineterminator="\n")
        nodes.writerow(NODE_COLUMNS)
        for e in entities.values():
            nodes.writerow(
                (
                    e["curie"],
                    f"biolink:{category(e)}",
                    e["label"],
                    "|".join(e["synonyms"]),
                    "|".join(e["xrefs"]),
                    "infores:exograph",
                )
            )
    with (folder / "edges.tsv").open("w", encoding="utf-8", newline="") as handle:
        edges = csv.writer(handle, delimiter="\t", lineterminator="\n")
        edges.writerow(EDGE_COLUMNS)
        for a in store.assertions():
            target = entities[a["target"]]
            process = target["kind"] == "process"
            direction = BIOLINK_DIRECTION[a["direction"]]
            if process:
                predicate = {
                    "increased": "biolink:positively_regulates",
                    "decreased": "biolink:negatively_regulates",
                    None: "biolink:regulates",
                }[direction]
                qualified, aspect = "", ""
            else:
                predicate, qualified, aspect = "biolink:affects", "biolink:causes", BIOLINK_ASPECT[a["aspect"]] or ""
            ctx = a["context"]
            edges.writerow(
                (
                    f"exograph:{a['id']}",
                    entities[a["regulator"]]["curie"],
                    predicate,
                    target["curie"],
                    str(a["negated"]).lower(),
                    qualified,
                    aspect,
                    direction or "",
                    "knowledge_assertion",
                    "manual_agent",
                    "infores:exograph",
                    publication(sources[a["source"]]),
                    "|".join(assertion_codes(a, sources)),
                    str(a["hypothesis"]).lower(),
                    str(a["exosomal_cargo"]).lower(),
                    *("|".join(entities[k]["curie"] for k in ctx.get(name, [])) for name in CONTEXT_LIST_FIELDS),
                )
            )
