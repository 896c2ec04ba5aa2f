"""RO's domain and range axioms (as exograph's table in relations.py states them) checked on every plain
triple of the whole curation's export, and the table itself checked for coherence."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import get_args

import pyoxigraph
import pytest

from exograph.compiled.store import open_store
from exograph.curation import vocab
from exograph.export import EXPORTERS
from exograph.export.evidence import ECO, evidence_label
from exograph.export.relations import BFO_DISJOINT, BFO_PARENT, RELATIONS, RO, RO_TERMS, relation_name

OBO = "http://purl.obolibrary.org/obo/"
RDF_TYPE = pyoxigraph.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def closure(curie: str, key: str) -> frozenset[str]:
    """The classes RO requires (``key`` = domain or range) of ``curie``, through its super-properties."""
    term = RO_TERMS[curie]
    declared = getattr(term, key)
    found = superclasses(declared) if declared else set()
    for parent in term.parents:
        found |= closure(parent, key)
    return frozenset(found)


def superclasses(cls: str) -> set[str]:
    found = {cls}
    while cls in BFO_PARENT:
        cls = BFO_PARENT[cls]
        found.add(cls)
    return found


def disjoint(types: set[str] | frozenset[str]) -> list[list[str]]:
    return [sorted(pair) for pair in BFO_DISJOINT if pair <= types]


def _bfo_types(store: pyoxigraph.Store, node: pyoxigraph.NamedNode) -> set[str]:
    direct = {q.object.value.removeprefix(OBO).replace("_", ":") for q in store.quads_for_pattern(node, RDF_TYPE, None)}
    return set().union(*(superclasses(t) for t in direct if t.startswith("BFO:")))


def check_domain_and_range(store: pyoxigraph.Store) -> list[str]:
    problems = []
    ro_prefix = OBO + "RO_"
    checked = 0
    for quad in store.quads_for_pattern(None, None, None):
        if not quad.predicate.value.startswith(ro_prefix):
            continue
        checked += 1
        relation = quad.predicate.value.removeprefix(OBO).replace("_", ":")
        for end, key in ((quad.subject, "domain"), (quad.object, "range")):
            types = _bfo_types(store, end)
            missing = closure(relation, key) - types
            if missing:
                problems.append(f"{quad}: {key} needs {sorted(missing)}, {end} is {sorted(types)}")
            if disjoint(types):
                problems.append(f"{end} is typed with disjoint classes {disjoint(types)}")
    assert checked, "no RO triple was checked"
    return problems


def test_every_plain_triple_of_the_curation_obeys_ro_domain_and_range(curation_graph: pyoxigraph.Store) -> None:
    assert check_domain_and_range(curation_graph) == []


def test_the_check_catches_a_process_where_ro_wants_a_material_entity(curation_graph: pyoxigraph.Store) -> None:
    """The check itself can fail: autophagy 'regulates activity of' RAB27A breaks RO's domain."""
    store = pyoxigraph.Store()
    store.extend(curation_graph.quads_for_pattern(None, RDF_TYPE, None))
    autophagy, rab27a = (
        pyoxigraph.NamedNode(OBO + "GO_0006914"),
        pyoxigraph.NamedNode("http://identifiers.org/hgnc/9766"),
    )
    store.add(pyoxigraph.Quad(autophagy, pyoxigraph.NamedNode(OBO + "RO_0011002"), rab27a))
    problems = check_domain_and_range(store)
    assert len(problems) == 1 and "domain needs ['BFO:0000002', 'BFO:0000004', 'BFO:0000040']" in problems[0]


def test_the_check_catches_a_node_that_is_both_material_entity_and_process(curation_graph: pyoxigraph.Store) -> None:
    store = pyoxigraph.Store()
    store.extend(curation_graph.quads_for_pattern(None, None, None))
    autophagy = pyoxigraph.NamedNode(OBO + "GO_0006914")
    store.add(pyoxigraph.Quad(autophagy, RDF_TYPE, pyoxigraph.NamedNode(OBO + "BFO_0000040")))
    problems = check_domain_and_range(store)
    assert problems and all(str(autophagy) in p for p in problems)
    assert any("disjoint classes [['BFO:0000002', 'BFO:0000003']]" in p for p in problems)


def test_the_ro_table_is_coherent() -> None:
    """Parents exist, inherited domains and ranges are satisfiable, and the hand-kept axioms that
    decide the relation table hold: regulation between processes, involvement from material
    entities in processes, causal influence between material entities."""
    for term in RO_TERMS.values():
        assert set(term.parents) <= set(RO_TERMS), term
        for key in ("domain", "range"):
            assert not disjoint(closure(term.curie, key)), (term.curie, key)
    material, process = superclasses("BFO:0000040"), superclasses("BFO:0000015")
    assert closure(RO["positively regulates"], "domain") == closure(RO["negatively regulates"], "range") == process
    assert closure(RO["involved in positive regulation of"], "domain") == material
    assert closure(RO["involved in negative regulation of"], "range") == process
    assert closure(RO["regulates levels of"], "domain") == process
    assert closure(RO["regulates levels of"], "range") == material
    assert closure(RO["indirectly negatively regulates quantity of"], "range") == material
    assert closure(RO["causally related to"], "domain") == closure(RO["causally related to"], "range") == set()


def test_the_mapping_emits_exactly_the_relations_of_the_table() -> None:
    """Every relation the mapping can choose is in the table, and the table has no row it never emits."""
    emitted = {
        relation_name(*combination)
        for combination in itertools.product(
            vocab.KINDS,
            vocab.KINDS,
            vocab.DIRECTIONS,
            vocab.ASPECTS,
            (None, *get_args(vocab.Mechanism)),
            get_args(vocab.Directness),
        )
    }
    assert emitted == set(RO) == {t.label for t in RELATIONS}


@pytest.mark.parametrize(
    ("regulator", "target", "direction", "aspect", "mechanism", "directness", "expected"),
    [
        ("gene", "process", "increases", "secretion", None, "unstated", "involved in positive regulation of"),
        ("mirna", "process", "decreases", "activity", None, "unstated", "involved in negative regulation of"),
        ("process", "process", "increases", "secretion", None, "unstated", "positively regulates"),
        ("process", "process", "decreases", "activity", None, "unstated", "negatively regulates"),
        ("process", "process", "regulates", "activity", None, "unstated", "regulates"),
        ("process", "gene", "increases", "amount", None, "unstated", "regulates levels of"),
        ("condition", "process", "increases", "secretion", None, "unstated", "causally related to"),
        ("gene", "condition", "increases", "activity", None, "unstated", "causally related to"),
        ("gene", "gene", "increases", "amount", "transcription", "unstated", "increases by expression quantity of"),
        ("gene", "gene", "decreases", "amount", "transcription", "direct", "decreases by repression quantity of"),
        ("gene", "gene", "increases", "activity", "binding", "unstated", "directly positively regulates activity of"),
        ("gene", "gene", "increases", "activity", None, "indirect", "indirectly positively regulates activity of"),
        ("gene", "gene", "increases", "activity", None, "unstated", "regulates activity of"),
        ("gene", "gene", "increases", "degradation", None, "direct", "directly negatively regulates quantity of"),
        ("chemical", "gene", "decreases", "amount", None, "indirect", "indirectly negatively regulates quantity of"),
        ("gene", "gene", "increases", "localization", None, "direct", "causally influences"),
        # the second cases: more degradation is less target, so a sign flips, but an unsigned effect has none to flip
        ("gene", "gene", "decreases", "degradation", None, "indirect", "indirectly positively regulates quantity of"),
        ("gene", "gene", "regulates", "degradation", None, "direct", "directly regulates quantity of"),
        # RO's expression/repression relations are signed: an unsigned transcriptional effect keeps the generic one
        ("gene", "gene", "regulates", "amount", "transcription", "unstated", "regulates quantity of"),
        ("gene", "gene", "regulates", "amount", "transcription", "direct", "directly regulates quantity of"),
        # a process acting on an entity: "regulates levels of" only for how much there is of it
        ("process", "gene", "increases", "activity", None, "unstated", "causally related to"),
    ],
)
def test_relation_table(
    regulator: str, target: str, direction: str, aspect: str, mechanism: str | None, directness: str, expected: str
) -> None:
    assert relation_name(regulator, target, direction, aspect, mechanism, directness) == expected


def test_each_association_carries_the_relation_of_its_own_ends_and_effect(mini: Path, tmp_path: Path) -> None:
    """The exporter hands every field of the assertion to the mapping: in the mini curation, a condition on a
    process, a gene on a process, a miRNA on a gene's amount, a negated drug effect and a transcription factor
    each get their own relation."""
    path = tmp_path / "graph.ttl"
    EXPORTERS["turtle"].write(open_store(mini), path)
    graph = pyoxigraph.Store()
    graph.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    query = (
        "PREFIX biolink: <https://w3id.org/biolink/vocab/> PREFIX dcterms: <http://purl.org/dc/terms/> "
        "SELECT ?id ?relation WHERE { ?a dcterms:identifier ?id ; biolink:original_predicate ?relation }"
    )
    rows = graph.query(query)
    assert isinstance(rows, pyoxigraph.QuerySolutions)
    found = {row["id"].value: RO_TERMS[row["relation"].value.removeprefix(OBO).replace("_", ":")].label for row in rows}
    assert found == {
        "mini2024-hypoxia-exosome-secretion": "causally related to",
        "mini2024-rab27a-exosome-secretion": "involved in positive regulation of",
        "mini2024-mir21-pdcd4": "regulates quantity of",
        "mini2024-sorafenib-rab27a": "regulates quantity of",
        "mini2024-hif1a-rab27a": "increases by expression quantity of",
    }


@pytest.mark.parametrize(
    ("kind", "cited", "assay", "perturbation", "mechanism", "expected"),
    [
        ("primary_research", False, "NTA", "knockdown", None, "ECO:0000315"),
        ("primary_research", False, None, "knockout", None, "ECO:0000315"),
        ("primary_research", False, "CCK8", "inhibition", None, "ECO:0000315"),  # GO: inhibitors are IMP
        ("primary_research", False, "co-immunoprecipitation", None, "binding", "ECO:0000353"),
        ("primary_research", False, "GST-JFC1 pull-down", "treatment", None, "ECO:0000269"),
        ("primary_research", True, None, None, None, "ECO:0000304"),
        ("review", True, None, None, None, "ECO:0000304"),
        ("review", False, None, None, None, "ECO:0000303"),
    ],
)
def test_evidence_table(
    kind: str, cited: bool, assay: str | None, perturbation: str | None, mechanism: str | None, expected: str
) -> None:
    assert ECO[evidence_label(kind, cited, assay, perturbation, mechanism)] == expected


def test_evidence_nodes_carry_eco_classes(curation_graph: pyoxigraph.Store) -> None:
    rows = curation_graph.query(
        "SELECT DISTINCT ?cls WHERE { ?a <https://w3id.org/biolink/vocab/has_evidence> ?e . ?e a ?cls "
        'FILTER(STRSTARTS(STR(?cls), "http://purl.obolibrary.org/obo/ECO_")) }'
    )
    used = {r["cls"].value.removeprefix(OBO).replace("_", ":") for r in rows}
    assert {"ECO:0000304", "ECO:0000315", "ECO:0000269"} <= used <= set(ECO.values())


def test_every_eco_class_of_the_table_is_chosen_by_some_evidence() -> None:
    chosen = {
        evidence_label(*combination)
        for combination in itertools.product(
            get_args(vocab.SourceKind),
            (False, True),
            (None, "NTA", "co-immunoprecipitation"),
            (None, *get_args(vocab.Perturbation)),
            (None, *get_args(vocab.Mechanism)),
        )
    }
    assert chosen == set(ECO)
