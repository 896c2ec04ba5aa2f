"""The synthetic curation's statements as a BEL script, for timing PyBEL on equivalent content.

One BEL statement per piece of evidence (BEL carries one evidence text per statement), under
its citation (the source's PubMed id), with the same context as annotations. Namespaces and
annotations are declared by pattern so PyBEL parses and checks every term without downloading
anything.
"""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.generate import Assertion, Entity, plan, revision

FUNCTIONS = {"gene": "p", "family": "complex", "mirna": "m", "chemical": "a", "process": "bp"}
NAMESPACES = {"gene": "HGNC", "family": "FPLX", "mirna": "MIRBASE", "chemical": "CHEBI", "process": "GO"}
RELATIONS = {"increases": "increases", "decreases": "decreases", "regulates": "regulates"}
ANNOTATIONS = {"organisms": "Species", "cell_lines": "CellLine", "diseases": "Disease", "conditions": "Condition"}

HEADER = """SET DOCUMENT Name = "exograph synthetic benchmark"
SET DOCUMENT Version = "1.0.0"
SET DOCUMENT Authors = "exograph benchmarks"
SET DOCUMENT Description = "The statements of a synthetic exograph curation"
SET DOCUMENT ContactInfo = "benchmarks@example.org"
SET DOCUMENT Licenses = "CC0"
"""


def term(e: Entity, aspect: str | None = None) -> str:
    """A BEL term: the entity in its namespace, wrapped for the aspect that changes."""
    inner = f'{FUNCTIONS[e.kind]}({NAMESPACES[e.kind]}:"{e.label}")'
    if aspect == "activity" and e.kind == "gene":
        return f"act({inner})"
    if aspect == "secretion":
        return f"sec({inner})" if e.kind != "process" else inner
    return inner


def statements(a: Assertion, entities: dict[str, Entity]) -> list[str]:
    lines = []
    for name, value in a.context.items():
        if name in ANNOTATIONS:
            lines.append(f"SET {ANNOTATIONS[name]} = {json.dumps(value[0])}")
    for e in a.evidence:
        lines.append(f"SET Evidence = {json.dumps(e.quote)}")
        reg, tgt = entities[a.regulator], entities[a.target]
        lines.append(f"{term(reg)} {RELATIONS[a.direction]} {term(tgt, a.aspect)}")
    lines += [f"UNSET {ANNOTATIONS[n]}" for n in a.context if n in ANNOTATIONS]
    return lines


def write_bel(path: Path, n: int, rev: int = 0, seed: int = 12) -> int:
    """Write the BEL script of the curation ``generate.write_curation(…, n, rev, seed)`` writes; count statements."""
    found, sources = plan(n, seed)
    entities = {e.key: e for e in found}
    out = [HEADER]
    out += [f'DEFINE NAMESPACE {ns} AS PATTERN ".+"' for ns in sorted(set(NAMESPACES.values()))]
    out += [f'DEFINE ANNOTATION {name} AS PATTERN ".+"' for name in sorted(ANNOTATIONS.values())]
    count = 0
    for source, assertions in revision(sources, rev):
        out.append(f'\nSET Citation = {{"PubMed", "{source.pmid}"}}')
        for a in assertions:
            block = statements(a, entities)
            count += sum(1 for line in block if not line.startswith(("SET", "UNSET")))
            out += block
        out.append("UNSET Citation")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return count
