"""RDF from Python: ``kg.to_rdflib()`` and ``kg.to_oxigraph()`` hold exactly the Turtle export's triples."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import rdflib

import exograph
from tests.conftest import PROJECT_ROOT


def test_to_rdflib_is_the_turtle_export(curation_ttl: Path) -> None:
    kg = exograph.load(PROJECT_ROOT)
    graph = kg.to_rdflib()
    exported = rdflib.Graph().parse(curation_ttl, format="turtle")
    assert len(graph) == len(exported) > 10_000
    assert set(graph) == set(exported)
    assert kg.to_rdflib() is graph  # built once
    assert dict(graph.namespaces())["biolink"] == rdflib.URIRef("https://w3id.org/biolink/vocab/")


def test_to_oxigraph_is_the_turtle_export_and_answers_sparql(curation_graph: pyoxigraph.Store) -> None:
    kg = exograph.load(PROJECT_ROOT)
    store = kg.to_oxigraph()
    assert set(store.quads_for_pattern(None, None, None)) == set(curation_graph.quads_for_pattern(None, None, None))
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?a a <https://w3id.org/biolink/vocab/Association> }"
    (row,) = kg.sparql(count)
    assert int(row["n"].value) == len(kg.store.assertion_ids())
    assert kg.to_oxigraph() is store  # built once


def test_a_base_iri_changes_exograph_s_own_iris(mini: Path) -> None:
    kg = exograph.load(mini)
    graph = kg.to_rdflib("https://example.org/kg/")
    subjects = {
        str(s) for s in graph.subjects(rdflib.RDF.type, rdflib.URIRef("https://w3id.org/biolink/vocab/Association"))
    }
    assert subjects and all(s.startswith("https://example.org/kg/assertion/") for s in subjects)
