"""The curation as an RDF graph on standard vocabularies.

Every assertion is a node of its own (typed biolink:Association, with
rdf:subject/predicate/object), so its context, flags and evidence stay attached.
A plain regulator -> target triple is added only for assertions stated as fact
(not hypotheses, not negated), using the Relation Ontology:

* entity -> process: RO "involved in positive/negative regulation of";
* entity -> entity: the "causally influences" branch (RO:0002566), split into
  "regulates activity of" and "regulates quantity of" by the assertion's aspect,
  and direct or indirect by its mechanism.

Evidence nodes carry an ECO class, the verbatim quote, and PROV-O links to the
source and to the primary references it cites.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from exograph.compiled.records import AssertionRecord, EntityRecord, SourceRecord
from exograph.compiled.store import Store
from exograph.curation.vocab import CONTEXT_LIST_FIELDS, LOCAL_NAMESPACE, expand
from exograph.export.semantics import (
    BIOLINK_ASPECT,
    BIOLINK_CATEGORY,
    BIOLINK_DIRECTION,
    evidence_code,
)

OBO = Namespace("http://purl.obolibrary.org/obo/")
BIOLINK = Namespace("https://w3id.org/biolink/vocab/")
EXO = Namespace(LOCAL_NAMESPACE + "vocab/")
ASSERTION = Namespace(LOCAL_NAMESPACE + "assertion/")
SOURCE = Namespace(LOCAL_NAMESPACE + "source/")

#: Aspects that change how much of the target there is (RO "regulates quantity of" branch);
#: the rest change what it does (RO "regulates activity of" branch).
QUANTITY_ASPECTS: Final = frozenset({"amount", "cargo_loading", "secretion", "biogenesis", "degradation"})
DIRECT_MECHANISMS: Final = frozenset(
    {"binding", "phosphorylation", "dephosphorylation", "ubiquitination", "protein_stabilization"}
)

RO: Final = {
    "involved in regulation of": "RO_0002428",
    "involved in positive regulation of": "RO_0002429",
    "involved in negative regulation of": "RO_0002430",
    "causally influences": "RO_0002566",
    "regulates activity of": "RO_0011002",
    "regulates quantity of": "RO_0011003",
    "directly positively regulates activity of": "RO_0002450",
    "directly negatively regulates activity of": "RO_0002449",
    "indirectly positively regulates activity of": "RO_0011013",
    "indirectly negatively regulates activity of": "RO_0011016",
    "directly positively regulates quantity of": "RO_0011009",
    "directly negatively regulates quantity of": "RO_0011010",
    "indirectly positively regulates quantity of": "RO_0011024",
    "indirectly negatively regulates quantity of": "RO_0011023",
    "increases expression of": "RO_0003003",
    "represses expression of": "RO_0003002",
}


def ro(name: str) -> URIRef:
    return OBO[RO[name]]


def predicate(a: AssertionRecord, target_kind: str) -> URIRef:
    """The RO relation that best states assertion ``a`` as a plain triple."""
    direction = a["direction"]
    if target_kind == "process":
        sign = {"increases": "positive ", "decreases": "negative ", "regulates": ""}[direction]
        return ro(f"involved in {sign}regulation of")
    if direction == "regulates":
        return ro("regulates quantity of" if a["aspect"] in QUANTITY_ASPECTS else "regulates activity of")
    positive = direction == "increases"
    if a["aspect"] == "degradation":  # more degradation means less of the target
        positive = not positive
    if a["aspect"] == "amount" and a["mechanism"] == "transcription":
        return ro("increases expression of" if positive else "represses expression of")
    reach = "directly" if a["mechanism"] in DIRECT_MECHANISMS else "indirectly"
    sign = "positively" if positive else "negatively"
    kind = "quantity" if a["aspect"] in QUANTITY_ASPECTS else "activity"
    return ro(f"{reach} {sign} regulates {kind} of")


def _source_iri(source: SourceRecord) -> URIRef:
    return URIRef(f"https://doi.org/{source['doi']}") if source["doi"] else SOURCE[source["id"]]


def _add_entity(graph: Graph, e: EntityRecord, iris: dict[str, URIRef]) -> None:
    node = iris[e["key"]]
    graph.add((node, RDF.type, BIOLINK[BIOLINK_CATEGORY[e["kind"]]]))
    graph.add((node, RDFS.label, Literal(e["label"])))
    graph.add((node, EXO.key, Literal(e["key"])))
    graph.add((node, EXO.kind, Literal(e["kind"])))
    for synonym in e["synonyms"]:
        graph.add((node, SKOS.altLabel, Literal(synonym)))
    for xref in e["xrefs"]:
        graph.add((node, SKOS.exactMatch, URIRef(expand(xref))))
    for broader in e["broader"]:
        graph.add((node, SKOS.broader, iris[broader]))
    if e["parent"]:
        graph.add((node, BIOLINK.is_sequence_variant_of, iris[e["parent"]]))
    if e["local"]:
        graph.add((node, EXO.localIdentifier, Literal(True)))


def _add_source(graph: Graph, source: SourceRecord) -> None:
    node = _source_iri(source)
    graph.add((node, RDF.type, DCTERMS.BibliographicResource))
    graph.add((node, RDF.type, PROV.Entity))
    graph.add((node, DCTERMS.identifier, Literal(source["id"])))
    graph.add((node, DCTERMS.title, Literal(source["title"])))
    for author in source["authors"]:
        graph.add((node, DCTERMS.creator, Literal(author)))
    if source["year"]:
        graph.add((node, DCTERMS.date, Literal(str(source["year"]), datatype=XSD.gYear)))
    graph.add((node, DCTERMS.license, Literal(source["licence"])))


def _add_assertion(
    graph: Graph, a: AssertionRecord, iris: dict[str, URIRef], kinds: dict[str, str], sources: dict[str, SourceRecord]
) -> None:
    node = ASSERTION[a["id"]]
    relation = predicate(a, kinds[a["target"]])
    subject, obj = iris[a["regulator"]], iris[a["target"]]
    if not a["hypothesis"] and not a["negated"]:
        graph.add((subject, relation, obj))
    graph.add((node, RDF.type, BIOLINK.Association))
    graph.add((node, RDF.type, PROV.Entity))
    graph.add((node, DCTERMS.identifier, Literal(a["id"])))
    graph.add((node, RDF.subject, subject))
    graph.add((node, RDF.predicate, relation))
    graph.add((node, RDF.object, obj))
    graph.add((node, EXO.direction, Literal(a["direction"])))
    graph.add((node, EXO.aspect, Literal(a["aspect"])))
    aspect, direction = BIOLINK_ASPECT[a["aspect"]], BIOLINK_DIRECTION[a["direction"]]
    if aspect:
        graph.add((node, BIOLINK.object_aspect_qualifier, Literal(aspect)))
    if direction:
        graph.add((node, BIOLINK.object_direction_qualifier, Literal(direction)))
    if a["mechanism"]:
        graph.add((node, EXO.mechanism, Literal(a["mechanism"])))
    graph.add((node, BIOLINK.negated, Literal(a["negated"])))
    graph.add((node, EXO.hypothesis, Literal(a["hypothesis"])))
    graph.add((node, EXO.exosomalCargo, Literal(a["exosomal_cargo"])))
    for name in CONTEXT_LIST_FIELDS:
        for key in a["context"].get(name, []):
            graph.add((node, EXO[name], iris[key]))
    if a["context"].get("system"):
        graph.add((node, EXO.system, Literal(a["context"]["system"])))
    source = sources[a["source"]]
    graph.add((node, PROV.wasDerivedFrom, _source_iri(source)))
    for i, ev in enumerate(a["evidence"], 1):
        evidence = URIRef(f"{node}/evidence/{i}")
        graph.add((node, BIOLINK.has_evidence, evidence))
        code = evidence_code(source, bool(ev["references"]), ev["assay"])
        graph.add((evidence, RDF.type, OBO[code.replace(":", "_")]))
        graph.add((evidence, RDF.type, PROV.Entity))
        graph.add((evidence, EXO.quote, Literal(ev["quote"])))
        graph.add((evidence, EXO.section, Literal(ev["section"])))
        graph.add((evidence, PROV.wasQuotedFrom, _source_iri(source)))
        if ev["assay"]:
            graph.add((evidence, EXO.assay, Literal(ev["assay"])))
        if ev["perturbation"]:
            graph.add((evidence, EXO.perturbation, Literal(ev["perturbation"])))
        for ref in ev["references"]:
            cited = URIRef(f"https://doi.org/{ref['doi']}") if ref["doi"] else BNode()
            graph.add((evidence, DCTERMS.references, cited))
            graph.add((cited, EXO.referenceNumber, Literal(ref["number"])))
            if ref["citation"]:
                graph.add((cited, DCTERMS.bibliographicCitation, Literal(ref["citation"])))


def build_rdf(store: Store) -> Graph:
    """The whole store as an rdflib Graph with conventional prefixes bound."""
    graph = Graph()
    for prefix, namespace in (
        ("obo", OBO),
        ("biolink", BIOLINK),
        ("exo", EXO),
        ("assertion", ASSERTION),
        ("prov", PROV),
        ("dcterms", DCTERMS),
        ("skos", SKOS),
    ):
        graph.bind(prefix, namespace)
    entities = list(store.entities())
    iris = {e["key"]: URIRef(expand(e["curie"])) for e in entities}
    kinds = {e["key"]: e["kind"] for e in entities}
    for e in entities:
        _add_entity(graph, e, iris)
    sources = store.sources()
    for source in sources.values():
        _add_source(graph, source)
    for a in store.assertions():
        _add_assertion(graph, a, iris, kinds, sources)
    return graph


#: A local name that is safe to abbreviate in Turtle (a strict subset of PN_LOCAL).
_SAFE_LOCAL = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_-]*$")


def write_turtle(graph: Graph, path: Path) -> None:
    """Write ``graph`` as Turtle, one block per subject, in time linear in its size.

    rdflib's pretty Turtle serializer needs minutes past a few hundred thousand triples; this
    writer keeps rdflib's own term escaping and only groups triples by subject, abbreviating IRIs
    under the namespaces bound on the graph.
    """
    namespaces = sorted(((str(ns), prefix) for prefix, ns in graph.namespaces() if prefix), key=lambda n: -len(n[0]))

    def term(node: object) -> str:
        if isinstance(node, URIRef):
            for namespace, prefix in namespaces:
                if node.startswith(namespace) and _SAFE_LOCAL.match(node[len(namespace) :]):
                    return f"{prefix}:{node[len(namespace) :]}"
        return node.n3()  # type: ignore[attr-defined,no-any-return]

    with path.open("w", encoding="utf-8") as out:
        out.writelines(f"@prefix {prefix}: <{namespace}> .\n" for namespace, prefix in sorted(namespaces))
        for subject in sorted(set(graph.subjects()), key=str):
            pairs = sorted((term(p), term(o)) for p, o in graph.predicate_objects(subject))
            body = " ;\n    ".join(f"{p} {o}" for p, o in pairs)
            out.write(f"\n{term(subject)}\n    {body} .\n")
