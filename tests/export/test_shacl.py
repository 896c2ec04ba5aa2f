"""The whole curation's Turtle export checked against the shipped SHACL shapes (pySHACL) and the
SPARQL checks (pyoxigraph); each check is also shown to fail on a broken graph."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pyshacl
import rdflib

from exograph.export.shapes import SHAPES, SPARQL_CHECKS, VOCABULARY, sparql_violations

BIOLINK = rdflib.Namespace("https://w3id.org/biolink/vocab/")
EXO = rdflib.Namespace("https://w3id.org/exograph/vocab/")


def validate(graph: rdflib.Graph) -> tuple[bool, str]:
    conforms, _, text = pyshacl.validate(graph, shacl_graph=rdflib.Graph().parse(SHAPES, format="turtle"))
    return bool(conforms), str(text)


def test_whole_curation_conforms_to_the_shapes(curation_ttl: Path) -> None:
    conforms, report = validate(rdflib.Graph().parse(curation_ttl, format="turtle"))
    assert conforms, report[:3000]


def test_shapes_catch_a_missing_quote_and_a_bad_knowledge_level(curation_ttl: Path) -> None:
    graph = rdflib.Graph().parse(curation_ttl, format="turtle")
    association = next(graph.subjects(rdflib.RDF.type, BIOLINK.Association))
    graph.remove((association, BIOLINK.supporting_text, None))
    graph.set((association, BIOLINK.knowledge_level, rdflib.Literal("observation")))
    conforms, report = validate(graph)
    assert not conforms
    assert "supporting_text" in report and "knowledge_level" in report


def test_sparql_checks_pass_on_the_whole_curation(curation_graph: pyoxigraph.Store) -> None:
    assert sparql_violations(curation_graph) == {}


def test_shapes_require_negation_on_every_association(curation_ttl: Path) -> None:
    """An export that leaves out ``biolink:negated`` (here: on the negated findings) states them as facts."""
    graph = rdflib.Graph().parse(curation_ttl, format="turtle")
    negated = list(graph.subjects(BIOLINK.negated, rdflib.Literal(True)))
    assert negated
    for association in negated:
        graph.remove((association, BIOLINK.negated, None))
    conforms, report = validate(graph)
    assert not conforms and "negated" in report and "MinCount" in report


def test_shapes_check_biolink_s_rdf_reading(curation_ttl: Path) -> None:
    """rdf:predicate must be a Biolink predicate and the RO relation must be the original predicate."""
    graph = rdflib.Graph().parse(curation_ttl, format="turtle")
    association = next(graph.subjects(rdflib.RDF.type, BIOLINK.Association))
    relation = graph.value(association, BIOLINK.original_predicate)
    graph.set((association, rdflib.RDF.predicate, relation))
    graph.add((association, BIOLINK.predicate, BIOLINK.affects))
    conforms, report = validate(graph)
    assert not conforms and "Result Path: rdf:predicate" in report and "Result Path: biolink:predicate" in report
    graph.remove((association, BIOLINK.original_predicate, None))
    assert "Result Path: biolink:original_predicate" in validate(graph)[1]


def test_sparql_checks_catch_what_they_promise(curation_graph: pyoxigraph.Store) -> None:
    store = pyoxigraph.Store()
    store.extend(curation_graph.quads_for_pattern(None, None, None))
    exo = "https://w3id.org/exograph/vocab/"
    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    biolink = "https://w3id.org/biolink/vocab/"
    only_hypothesised = f"""SELECT ?s ?p ?o WHERE {{
        ?a <{exo}hypothesis> true ; <{rdf}subject> ?s ; <{biolink}original_predicate> ?p ; <{rdf}object> ?o .
        FILTER NOT EXISTS {{ ?s ?p ?o }} }}"""
    hypothesis = next(iter(store.query(only_hypothesised)))
    store.add(pyoxigraph.Quad(hypothesis["s"], hypothesis["p"], hypothesis["o"]))
    planted = pyoxigraph.NamedNode("https://w3id.org/exograph/assertion/x")
    store.add(
        pyoxigraph.Quad(planted, pyoxigraph.NamedNode(rdf + "type"), pyoxigraph.NamedNode(biolink + "Association"))
    )
    store.add(pyoxigraph.Quad(planted, pyoxigraph.NamedNode(rdf + "predicate"), hypothesis["p"]))
    for slot in (
        "qualified_predicate",
        "object_aspect_qualifier",
        "object_direction_qualifier",
        "causal_mechanism_qualifier",
        "anatomical_context_qualifier",
        "disease_context_qualifier",
    ):
        store.add(pyoxigraph.Quad(planted, pyoxigraph.NamedNode(biolink + slot), pyoxigraph.Literal("x")))
    store.add(pyoxigraph.Quad(pyoxigraph.BlankNode(), pyoxigraph.NamedNode(exo + "key"), pyoxigraph.Literal("x")))
    assert set(sparql_violations(store)) == set(SPARQL_CHECKS)


def test_every_exo_term_in_the_export_is_declared(curation_ttl: Path) -> None:
    vocabulary = rdflib.Graph().parse(VOCABULARY, format="turtle")
    used = {p for p in rdflib.Graph().parse(curation_ttl, format="turtle").predicates() if str(p).startswith(str(EXO))}
    declared = set(vocabulary.subjects(rdflib.RDFS.label, None))
    assert used and used <= declared, used - declared
    for term in declared - {rdflib.URIRef(str(EXO))}:
        assert (term, rdflib.RDFS.comment, None) in vocabulary, term
