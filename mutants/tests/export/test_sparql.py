"""The Turtle export loaded into a real triple store (Oxigraph) and queried with SPARQL,
as a bioinformatician would."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph

from exograph.compiled.store import open_store
from exograph.export import EXPORTERS
from tests.conftest import PROJECT_ROOT

DRIVERS = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX exo: <https://w3id.org/exograph/vocab/>
PREFIX biolink: <https://w3id.org/biolink/vocab/>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?label ?quote WHERE {
  ?a a biolink:Association ; rdf:subject ?regulator ; rdf:object <http://identifiers.org/hgnc/9766> ;
     exo:direction "increases" ; biolink:negated false ; biolink:has_evidence ?e .
  ?regulator rdfs:label ?label .
  ?e prov:value ?quote .
}
"""


def load(root: Path, tmp_path: Path) -> pyoxigraph.Store:
    path = tmp_path / "graph.ttl"
    EXPORTERS["turtle"].write(open_store(root), path)
    store = pyoxigraph.Store()
    store.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    return store


def test_sparql_drivers_of_rab27a_on_fixture(mini: Path, tmp_path: Path) -> None:
    rows = list(load(mini, tmp_path).query(DRIVERS))
    assert [(r["label"].value, r["quote"].value) for r in rows] == [("HIF1A", "HIF-1 may drive RAB27A expression.")]


def test_sparql_on_project_curation(tmp_path: Path) -> None:
    store = load(PROJECT_ROOT, tmp_path)
    labels = {r["label"].value for r in store.query(DRIVERS)}
    assert {"sorafenib", "HNRNPH1", "MITF"} <= labels
    count = next(
        iter(store.query("SELECT (COUNT(?a) AS ?n) WHERE { ?a a <https://w3id.org/biolink/vocab/Association> }"))
    )
    assert int(count["n"].value) == len(open_store(PROJECT_ROOT).assertion_ids())
