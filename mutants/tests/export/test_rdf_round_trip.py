"""Every assertion field survives the Turtle export: rebuilt from the graph, each record is the same."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pyoxigraph

from exograph.compiled.store import open_store
from exograph.curation.vocab import CONTEXT_LIST_FIELDS
from tests.conftest import PROJECT_ROOT

EXO = "https://w3id.org/exograph/vocab/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
DCT = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
BIOLINK = "https://w3id.org/biolink/vocab/"


def properties(graph: pyoxigraph.Store, node: Any) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = defaultdict(list)
    for quad in graph.quads_for_pattern(node, None, None):
        found[quad.predicate.value].append(quad.object)
    return found


def rebuilt(graph: pyoxigraph.Store, node: Any, keys: dict[str, str]) -> dict[str, Any]:
    """The assertion record as the graph states it."""
    p = properties(graph, node)

    def one(name: str) -> str | None:
        values = p.get(name, [])
        assert len(values) <= 1, (node, name)
        return values[0].value if values else None

    def flag(name: str) -> bool:
        return one(name) == "true"

    evidence = []
    for e in sorted(p[BIOLINK + "has_evidence"], key=lambda n: int(n.value.rsplit("/", 1)[1])):
        ep = properties(graph, e)
        numbers = []
        for ref in ep.get(DCT + "references", []):
            by_source = properties(graph, ref)
            numbers += [int(n.value) for n in by_source[EXO + "referenceNumber"]]
        evidence.append(
            {
                "quote": ep[PROV + "value"][0].value,
                "section": ep[EXO + "section"][0].value,
                "assay": ep[EXO + "assay"][0].value if EXO + "assay" in ep else None,
                "perturbation": ep[EXO + "perturbation"][0].value if EXO + "perturbation" in ep else None,
                "references": sorted(set(numbers)),
            }
        )
    context: dict[str, Any] = {
        name: sorted(keys[n.value] for n in p[EXO + name]) for name in CONTEXT_LIST_FIELDS if EXO + name in p
    }
    if one(EXO + "system"):
        context["system"] = one(EXO + "system")
    return {
        "id": one(DCT + "identifier"),
        "regulator": keys[p[RDF + "subject"][0].value],
        "target": keys[p[RDF + "object"][0].value],
        "direction": one(EXO + "direction"),
        "aspect": one(EXO + "aspect"),
        "mechanism": one(EXO + "mechanism"),
        "directness": one(EXO + "directness"),
        "hypothesis": flag(EXO + "hypothesis"),
        "negated": flag(BIOLINK + "negated"),
        "exosomal_cargo": flag(EXO + "exosomalCargo"),
        "context": context,
        "evidence": evidence,
    }


def expected(a: dict[str, Any]) -> dict[str, Any]:
    context = {k: sorted(v) if isinstance(v, list) else v for k, v in a["context"].items() if v}
    evidence = [
        {
            "quote": ev["quote"],
            "section": ev["section"],
            "assay": ev["assay"],
            "perturbation": ev["perturbation"],
            "references": sorted({r["number"] for r in ev["references"]}),
        }
        for ev in a["evidence"]
    ]
    fields = ("id", "regulator", "target", "direction", "aspect", "mechanism", "directness")
    flags = ("hypothesis", "negated", "exosomal_cargo")
    return {**{f: a[f] for f in fields + flags}, "context": context, "evidence": evidence}


def test_every_assertion_field_round_trips(curation_graph: pyoxigraph.Store) -> None:
    keys = {
        q.subject.value: q.object.value
        for q in curation_graph.quads_for_pattern(None, pyoxigraph.NamedNode(EXO + "key"), None)
    }
    association = pyoxigraph.NamedNode(BIOLINK + "Association")
    nodes = {q.subject for q in curation_graph.quads_for_pattern(None, pyoxigraph.NamedNode(RDF + "type"), association)}
    from_graph = {r["id"]: r for r in (rebuilt(curation_graph, n, keys) for n in nodes)}
    records = {a["id"]: expected(dict(a)) for a in open_store(PROJECT_ROOT).assertions()}
    assert from_graph.keys() == records.keys()
    for assertion_id, record in records.items():
        assert from_graph[assertion_id] == record, assertion_id
