"""SPARQL answers printed as a table for people, or as the standard SPARQL JSON/CSV results for scripts."""

from __future__ import annotations

import csv
import io
import itertools
import json
from dataclasses import dataclass

import pyoxigraph

from exograph.export.prefixes import namespaces

FORMATS = ("table", "json", "csv")
_RESULT_FORMATS = {"json": pyoxigraph.QueryResultsFormat.JSON, "csv": pyoxigraph.QueryResultsFormat.CSV}
_RDF_FORMATS = {"json": pyoxigraph.RdfFormat.JSON_LD, "csv": pyoxigraph.RdfFormat.N_TRIPLES}

Results = pyoxigraph.QuerySolutions | pyoxigraph.QueryBoolean | pyoxigraph.QueryTriples
Term = pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal | pyoxigraph.Triple
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _short(term: object, names: list[tuple[str, str]]) -> str:
    if isinstance(term, pyoxigraph.NamedNode):
        for namespace, prefix in names:
            if term.value.startswith(namespace):
                return f"{prefix}:{term.value[len(namespace) :]}"
        return f"<{term.value}>"
    if isinstance(term, pyoxigraph.Literal):
        return term.value
    return "" if term is None else str(term)


@dataclass(frozen=True, slots=True)
class Rendered:
    """An answer as text, how many rows (or triples) it shows, and whether more were cut at the limit."""

    text: str
    shown: int | None  # None for ASK
    cut: bool
    unit: str = "rows"


def render(results: Results, fmt: str, limit: int) -> Rendered:
    """At most ``limit`` rows or triples as ``fmt``: table, json (SPARQL 1.1 JSON results; JSON-LD for
    CONSTRUCT) or csv (N-Triples for CONSTRUCT). Rows past the limit are never read: an endless answer stops."""
    if isinstance(results, pyoxigraph.QueryBoolean):
        if fmt == "table":
            return Rendered(("yes" if bool(results) else "no") + "\n", None, False)
        out = io.BytesIO()
        results.serialize(out, _RESULT_FORMATS[fmt])
        return Rendered(_ended(out.getvalue().decode("utf-8")), None, False)
    if isinstance(results, pyoxigraph.QueryTriples):
        triples = list(itertools.islice(results, limit + 1))
        shown = triples[:limit]
        if fmt == "table":
            text = pyoxigraph.serialize(shown, format=pyoxigraph.RdfFormat.TURTLE, prefixes=namespaces())
            text = (text or b"").replace(b"\t", b"    ")  # tabs read as controls to the terminal escaping
        else:
            text = pyoxigraph.serialize(shown, format=_RDF_FORMATS[fmt])
        return Rendered(_ended((text or b"").decode("utf-8")), len(shown), len(triples) > limit, "triples")
    header = [v.value for v in results.variables]
    solutions = list(itertools.islice(results, limit + 1))
    rows = [[row[i] for i in range(len(header))] for row in solutions[:limit]]
    cut = len(solutions) > limit
    writer = {"table": _table, "json": _json, "csv": _csv}[fmt]
    return Rendered(writer(header, rows, cut), len(rows), cut)


def _ended(text: str) -> str:
    return text if not text or text.endswith("\n") else text + "\n"


def _table(header: list[str], rows: list[list[Term | None]], cut: bool) -> str:
    """Aligned columns, IRIs abbreviated with the export's prefixes, literals as plain text."""
    names = sorted(((ns, p) for p, ns in namespaces().items()), key=lambda n: -len(n[0]))
    cells = [[_short(term, names) for term in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(header)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in [header, *cells]]
    count = f"{len(cells)} row{'s' if len(cells) != 1 else ''}"
    return "\n".join([*lines, f"(first {count}: more were cut at the limit)" if cut else f"({count})"]) + "\n"


def _json_term(term: Term) -> dict[str, object]:
    """A term as SPARQL 1.1 JSON results write it."""
    if isinstance(term, pyoxigraph.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, pyoxigraph.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, pyoxigraph.Literal):
        found: dict[str, object] = {"type": "literal", "value": term.value}
        if term.language:
            found["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            found["datatype"] = term.datatype.value
        return found
    parts = {"subject": term.subject, "predicate": term.predicate, "object": term.object}
    return {"type": "triple", "value": {k: _json_term(v) for k, v in parts.items()}}


def _json(header: list[str], rows: list[list[Term | None]], cut: bool) -> str:  # noqa: ARG001 - the writers' signature
    bindings = [{h: _json_term(t) for h, t in zip(header, row, strict=True) if t is not None} for row in rows]
    document = {"head": {"vars": header}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def _csv(header: list[str], rows: list[list[Term | None]], cut: bool) -> str:  # noqa: ARG001 - the writers' signature
    """SPARQL 1.1 CSV results: IRIs and literals as their plain value, blank nodes as ``_:label``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_csv_term(t) for t in row])
    return out.getvalue()


def _csv_term(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, pyoxigraph.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, pyoxigraph.NamedNode | pyoxigraph.Literal):
        return term.value
    return str(term)
