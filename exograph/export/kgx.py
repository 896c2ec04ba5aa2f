"""KGX TSV (nodes.tsv and edges.tsv) on the Biolink model, for knowledge-graph pipelines.

KGX reads its TSV without quoting, so values are written unquoted; validation keeps tabs
and line breaks out of names, and any that still arrive are blanked rather than let
them split a row.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from pathlib import Path
from typing import IO

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


class _Writer:
    """A TSV row writer in the form KGX reads: no quoting, no tab or line break inside a value."""

    def __init__(self, handle: IO[str]) -> None:
        self.rows = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, quotechar=None)

    def writerow(self, row: Iterable[str]) -> None:
        self.rows.writerow([_BREAKS.sub(" ", value) for value in row])


_BREAKS = re.compile(r"[\t\n\r]")


def kgx(store: Store, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    entities = {e["key"]: e for e in store.entities()}
    sources = store.sources()
    with (folder / "nodes.tsv").open("w", encoding="utf-8", newline="") as handle:
        nodes = _Writer(handle)
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
        edges = _Writer(handle)
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
