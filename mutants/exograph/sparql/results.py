"""SPARQL answers printed as a table for people, or as the standard SPARQL JSON/CSV results for scripts."""

from __future__ import annotations

import io

import pyoxigraph

from exograph.export.prefixes import namespaces

FORMATS = ("table", "json", "csv")
_RESULT_FORMATS = {"json": pyoxigraph.QueryResultsFormat.JSON, "csv": pyoxigraph.QueryResultsFormat.CSV}
_RDF_FORMATS = {"json": pyoxigraph.RdfFormat.JSON_LD, "csv": pyoxigraph.RdfFormat.N_TRIPLES}

Results = pyoxigraph.QuerySolutions | pyoxigraph.QueryBoolean | pyoxigraph.QueryTriples


def _short(term: object, names: list[tuple[str, str]]) -> str:
    if isinstance(term, pyoxigraph.NamedNode):
        for namespace, prefix in names:
            if term.value.startswith(namespace):
                return f"{prefix}:{term.value[len(namespace) :]}"
        return f"<{term.value}>"
    if isinstance(term, pyoxigraph.Literal):
        return term.value
    return "" if term is None else str(term)


def table(results: Results) -> str:
    """Aligned columns, IRIs abbreviated with the export's prefixes, literals as plain text."""
    if isinstance(results, pyoxigraph.QueryBoolean):
        return ("yes" if bool(results) else "no") + "\n"
    if isinstance(results, pyoxigraph.QueryTriples):
        text = pyoxigraph.serialize(results, format=pyoxigraph.RdfFormat.TURTLE, prefixes=namespaces())
        return (text or b"").decode("utf-8")
    names = sorted(((ns, p) for p, ns in namespaces().items()), key=lambda n: -len(n[0]))
    header = [v.value for v in results.variables]
    rows = [[_short(row[i], names) for i in range(len(header))] for row in results]
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(header)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip() for cells in [header, *rows]]
    return "\n".join([*lines, f"({len(rows)} row{'s' if len(rows) != 1 else ''})"]) + "\n"


def render(results: Results, fmt: str) -> str:
    """``fmt`` is table, json (SPARQL 1.1 JSON results; JSON-LD for CONSTRUCT) or csv (N-Triples for CONSTRUCT)."""
    if fmt == "table":
        return table(results)
    out = io.BytesIO()
    if isinstance(results, pyoxigraph.QueryTriples):
        pyoxigraph.serialize(results, out, _RDF_FORMATS[fmt])
    else:
        results.serialize(out, _RESULT_FORMATS[fmt])
    text = out.getvalue().decode("utf-8")
    return text if text.endswith("\n") else text + "\n"
