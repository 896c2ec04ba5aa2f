"""The curation as RDF on standard vocabularies, streamed through pyoxigraph's writers.

Every assertion is a node of its own, a ``biolink:Association`` (and its more specific Biolink
class) read as Biolink's RDF reads an association: ``rdf:subject``, ``rdf:predicate`` (the Biolink
predicate: Biolink's JSON-LD context maps its ``subject``/``predicate``/``object`` slots to these),
``rdf:object`` and Biolink's slots, so its context, flags and evidence stay attached. The RO relation
of :mod:`exograph.export.relations` is the association's ``biolink:original_predicate`` and, only for
assertions stated as fact about natural biology (not hypotheses, not negated, ``scope: biology``), a
plain regulator -> RO -> target triple. Evidence nodes carry an ECO class
(:mod:`exograph.export.evidence`), the verbatim quote as ``prov:value`` and PROV-O links to the
source and to the references it cites.

Why the export builds no rdflib graph: the triples are generated in a fixed order from the store (entities by key,
assertions by id) and written by pyoxigraph's Rust serialisers as they come, so the output is
byte-identical between runs, has no blank nodes (every node has an IRI made from stable ids), and
100,000 assertions export in seconds without holding the graph in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, Final

from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, serialize

from exograph import __version__
from exograph.compiled.records import AssertionRecord, CitedReference, EntityRecord, SourceRecord
from exograph.compiled.store import Store
from exograph.curation.vocab import CONTEXT_LIST_FIELDS
from exograph.export import biolink, relations
from exograph.export.evidence import evidence_code
from exograph.export.identifiers import MEMBER_PREFIXES
from exograph.export.prefixes import DEFAULT_BASE, VOCAB, check_base, doi_iri, iri, namespaces

FORMATS: Final = {"turtle": RdfFormat.TURTLE, "nt": RdfFormat.N_TRIPLES, "jsonld": RdfFormat.JSON_LD}
LICENCE: Final = "https://spdx.org/licenses/MIT"


@cache
def node(value: str) -> NamedNode:
    return NamedNode(value)


@cache
def curie(value: str) -> NamedNode:
    return node(iri(value))


RDF_TYPE, RDFS_LABEL = curie("rdf:type"), curie("rdfs:label")
XSD_GYEAR, XSD_DATE, XSD_BOOLEAN = curie("xsd:gYear"), curie("xsd:date"), curie("xsd:boolean")
TRUE, FALSE = Literal("true", datatype=XSD_BOOLEAN), Literal("false", datatype=XSD_BOOLEAN)


@cache
def exo(name: str) -> NamedNode:
    return node(VOCAB + name)


@cache
def bl(name: str) -> NamedNode:
    return curie(f"biolink:{name}")


def boolean(value: bool) -> Literal:
    return TRUE if value else FALSE


@cache
def term(value: str) -> Literal:
    """A plain literal from a small vocabulary (directions, sections, assays): made once, reused."""
    return Literal(value)


@cache
def number(value: int) -> Literal:
    return Literal(str(value), datatype=curie("xsd:integer"))


class RdfBuilder:
    """Turns store records into triples; one instance per export (it caches entity IRIs)."""

    def __init__(self, store: Store, base: str = DEFAULT_BASE, release_date: str | None = None) -> None:
        self.store = store
        self.base = check_base(base)
        self.release_date = release_date
        self.entities = {e["key"]: e for e in store.entities()}
        self.iris = {key: node(iri(e["curie"], self.base)) for key, e in self.entities.items()}
        self.sources = store.sources()
        self.source_iris = {sid: self.source_iri(s) for sid, s in self.sources.items()}
        self.references: dict[str, dict[tuple[NamedNode, Literal | NamedNode], None]] = {}
        self.plain: set[tuple[str, str, str]] = set()  # the same claim in several contexts is one triple

    def source_iri(self, source: SourceRecord) -> NamedNode:
        return node(doi_iri(source["doi"]) if source["doi"] else f"{self.base}source/{source['id']}")

    def dataset_iri(self) -> NamedNode:
        return node(self.base + "dataset")

    def triples(self) -> Iterator[Triple]:
        """Every triple, in a fixed order: dataset, sources, entities, assertions, cited references, plain triples."""
        yield from self.dataset()
        for sid in sorted(self.sources):
            yield from self.source(self.sources[sid])
        for e in self.entities.values():
            yield from self.entity(e)
        for a in self.store.assertions():
            yield from self.assertion(a)
        for ref in sorted(self.references):
            subject = node(ref)
            for p, o in self.references[ref]:
                yield Triple(subject, p, o)
        for plain in sorted(self.plain):
            yield Triple(*map(node, plain))

    def dataset(self) -> Iterator[Triple]:
        s = self.dataset_iri()
        years = [src["year"] for src in self.sources.values() if src["year"]]
        issued = None  # from the curation's content, never the clock: repeated exports stay byte-identical
        if self.release_date:
            issued = Literal(self.release_date, datatype=XSD_DATE)
        elif years:
            issued = Literal(str(max(years)), datatype=XSD_GYEAR)
        yield Triple(s, RDF_TYPE, curie("dcat:Dataset"))
        yield Triple(s, RDF_TYPE, curie("prov:Entity"))
        yield Triple(s, curie("dcterms:title"), Literal("exograph"))
        yield Triple(
            s,
            curie("dcterms:description"),
            Literal("Hand-curated mechanisms that regulate exosomes and extracellular vesicles in cancer."),
        )
        yield Triple(s, curie("pav:version"), Literal(__version__))
        yield Triple(s, curie("dcterms:license"), node(LICENCE))
        if issued is not None:
            yield Triple(s, curie("dcterms:issued"), issued)
        for sid in sorted(self.sources):
            yield Triple(s, curie("dcterms:source"), self.source_iris[sid])

    def source(self, src: SourceRecord) -> Iterator[Triple]:
        s = self.source_iris[src["id"]]
        yield Triple(s, RDF_TYPE, curie("dcterms:BibliographicResource"))
        yield Triple(s, RDF_TYPE, bl("Publication"))
        yield Triple(s, RDF_TYPE, curie("prov:Entity"))
        yield Triple(s, curie("dcterms:identifier"), Literal(src["id"]))
        yield Triple(s, curie("dcterms:title"), Literal(src["title"]))
        for author in src["authors"]:
            yield Triple(s, curie("dcterms:creator"), Literal(author))
        if src["year"]:
            yield Triple(s, curie("dcterms:date"), Literal(str(src["year"]), datatype=XSD_GYEAR))
        if src["pmid"]:
            yield Triple(s, curie("skos:exactMatch"), curie(f"PMID:{src['pmid']}"))
        yield Triple(s, curie("dcterms:license"), Literal(src["licence"]))
        yield Triple(s, curie("dcterms:isPartOf"), self.dataset_iri())

    def entity(self, e: EntityRecord) -> Iterator[Triple]:
        s = self.iris[e["key"]]
        yield Triple(s, RDF_TYPE, bl(biolink.category(e)))
        if e["kind"] in relations.KIND_BFO:
            yield Triple(s, RDF_TYPE, curie(relations.KIND_BFO[e["kind"]]))
        yield Triple(s, RDFS_LABEL, Literal(e["label"]))
        yield Triple(s, exo("key"), Literal(e["key"]))
        yield Triple(s, exo("kind"), Literal(e["kind"]))
        for synonym in e["synonyms"]:
            yield Triple(s, curie("skos:altLabel"), Literal(synonym))
        family = e["kind"] == "family"
        for xref in e["xrefs"]:
            member = family and xref.startswith(MEMBER_PREFIXES)
            yield Triple(s, bl("has_member") if member else curie("skos:exactMatch"), node(iri(xref, self.base)))
        for key in e["members"]:
            yield Triple(s, bl("has_member"), self.iris[key])
        for broader in e["broader"]:
            yield Triple(s, curie("skos:broader"), self.iris[broader])
        if e["parent"]:
            yield Triple(s, bl("is_sequence_variant_of"), self.iris[e["parent"]])
        if e["local"]:
            yield Triple(s, exo("localIdentifier"), TRUE)

    def assertion(self, a: AssertionRecord) -> list[Triple]:
        """The reified assertion and its evidence (a list: this runs once per assertion, so it is kept lean)."""
        s = NamedNode(f"{self.base}assertion/{a['id']}")
        regulator, target = self.entities[a["regulator"]], self.entities[a["target"]]
        subject, obj = self.iris[a["regulator"]], self.iris[a["target"]]
        ro = relations.relation(
            regulator["kind"], target["kind"], a["direction"], a["aspect"], a["mechanism"], a["directness"]
        )
        relation = curie(ro)
        if not a["hypothesis"] and not a["negated"] and a["scope"] == "biology":
            self.plain.add((subject.value, relation.value, obj.value))
        edge = biolink.edge(a, regulator, target, ro)
        source_iri = self.source_iris[a["source"]]
        pairs: list[tuple[NamedNode, NamedNode | Literal]] = [(RDF_TYPE, bl("Association"))]
        add = pairs.append
        if edge.association != "Association":
            add((RDF_TYPE, bl(edge.association)))
        pairs += [
            (RDF_TYPE, curie("prov:Entity")),
            (curie("dcterms:identifier"), Literal(a["id"])),
            (curie("rdf:subject"), subject),
            (curie("rdf:predicate"), curie(edge.predicate)),
            (curie("rdf:object"), obj),
            (bl("original_predicate"), relation),
        ]
        if edge.qualified_predicate:
            add((bl("qualified_predicate"), curie(edge.qualified_predicate)))
        if edge.object_aspect:
            add((bl("object_aspect_qualifier"), term(edge.object_aspect)))
        if edge.object_direction:
            add((bl("object_direction_qualifier"), term(edge.object_direction)))
        if edge.causal_mechanism:
            add((bl("causal_mechanism_qualifier"), term(edge.causal_mechanism)))
        add((bl("negated"), boolean(a["negated"])))
        add((bl("knowledge_level"), term(edge.knowledge_level)))
        add((bl("agent_type"), term(biolink.AGENT_TYPE)))
        add((bl("primary_knowledge_source"), curie(biolink.KNOWLEDGE_SOURCE)))
        add((bl("publications"), source_iri))
        pairs += [(bl("supporting_text"), Literal(q)) for q in dict.fromkeys(ev["quote"] for ev in a["evidence"])]
        for qualifier, keys in biolink.context_qualifiers(edge, a["context"]).items():
            kept = keys[:1] if qualifier in biolink.SINGLE_VALUED else keys
            pairs += [(bl(qualifier), self.iris[key]) for key in kept]
        pairs += self._exograph_fields(a)
        add((curie("prov:wasDerivedFrom"), source_iri))
        evidence = [NamedNode(f"{s.value}/evidence/{i}") for i in range(1, len(a["evidence"]) + 1)]
        pairs += [(bl("has_evidence"), e) for e in evidence]
        out = [Triple(s, p, o) for p, o in pairs]
        kind = self.sources[a["source"]]["kind"]
        for e, ev in zip(evidence, a["evidence"], strict=True):
            code = evidence_code(kind, bool(ev["references"]), ev["assay"], ev["perturbation"], a["mechanism"])
            pairs = [
                (RDF_TYPE, curie(code)),
                (RDF_TYPE, curie("prov:Entity")),
                (curie("prov:value"), Literal(ev["quote"])),
                (exo("section"), term(ev["section"])),
                (curie("prov:wasQuotedFrom"), source_iri),
            ]
            if ev["assay"]:
                pairs.append((exo("assay"), term(ev["assay"])))
            if ev["perturbation"]:
                pairs.append((exo("perturbation"), term(ev["perturbation"])))
            pairs += [(curie("dcterms:references"), self.reference(a["source"], ref)) for ref in ev["references"]]
            out += [Triple(e, p, o) for p, o in pairs]
        return out

    def _exograph_fields(self, a: AssertionRecord) -> list[tuple[NamedNode, NamedNode | Literal]]:
        """exograph's own fields, kept whole so that nothing is lost in the Biolink reading."""
        pairs: list[tuple[NamedNode, NamedNode | Literal]] = [
            (exo("direction"), term(a["direction"])),
            (exo("aspect"), term(a["aspect"])),
            (exo("directness"), term(a["directness"])),
            (exo("hypothesis"), boolean(a["hypothesis"])),
            (exo("scope"), term(a["scope"])),
            (exo("exosomalCargo"), boolean(a["exosomal_cargo"])),
        ]
        if a["mechanism"]:
            pairs.append((exo("mechanism"), term(a["mechanism"])))
        context = a["context"]
        for name in CONTEXT_LIST_FIELDS:
            pairs += [(exo(name), self.iris[key]) for key in context.get(name, ())]
        if context.get("system"):
            pairs.append((exo("system"), term(context["system"])))
        return pairs

    def reference(self, source_id: str, ref: CitedReference) -> NamedNode:
        """A cited reference's IRI: its DOI, else one stable IRI per source and reference number."""
        value = doi_iri(ref["doi"]) if ref["doi"] else f"{self.base}source/{source_id}/ref/{ref['number']}"
        pairs = self.references.setdefault(value, {(RDF_TYPE, curie("dcterms:BibliographicResource")): None})
        pairs[(curie("dcterms:isReferencedBy"), self.source_iris[source_id])] = None
        pairs[(exo("referenceNumber"), number(ref["number"]))] = None
        if ref["citation"]:
            pairs[(curie("dcterms:bibliographicCitation"), term(ref["citation"]))] = None
        return node(value)


def build_triples(store: Store, base: str = DEFAULT_BASE, release_date: str | None = None) -> Iterator[Triple]:
    """Every triple of the export, in the order the writers use."""
    return RdfBuilder(store, base, release_date).triples()


def write(triples: Iterable[Triple], path: Path, fmt: str = "turtle", base: str = DEFAULT_BASE) -> None:
    """Stream ``triples`` to ``path`` in one of :data:`FORMATS`, abbreviating IRIs where the format can."""
    with path.open("wb") as out:
        serialize(triples, out, FORMATS[fmt], prefixes=namespaces(base) if fmt != "nt" else None)


def export(
    store: Store, path: Path, fmt: str = "turtle", base: str | None = None, release_date: str | None = None
) -> None:
    """Write the whole store as RDF: the Python API behind ``exograph export --format turtle|nt|jsonld``."""
    base = base or DEFAULT_BASE
    write(build_triples(store, base, release_date), path, fmt, base)


def to_rdflib(store: Store, base: str | None = None) -> Any:
    """The export's triples as an ``rdflib.Graph`` (imports rdflib), with the export's prefixes bound.

    Made by parsing the N-Triples pyoxigraph writes, so it holds exactly the triples of the Turtle
    export (rdflib reads the same literals and IRIs back), at the cost of an in-memory graph.
    """
    import io

    import rdflib

    base = base or DEFAULT_BASE
    buffer = io.BytesIO()
    serialize(build_triples(store, base), buffer, RdfFormat.N_TRIPLES)
    graph = rdflib.Graph()
    for prefix, namespace in namespaces(base).items():
        graph.bind(prefix, namespace, override=True)
    graph.parse(data=buffer.getvalue().decode("utf-8"), format="nt")
    return graph
