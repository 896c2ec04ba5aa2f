"""RO and ECO as their own releases define them: ids and labels, and RO's domain and range axioms
checked on every plain triple of the whole curation's export."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

import pyoxigraph
import pytest

from exograph.export.evidence import ECO, evidence_label
from exograph.export.relations import RO, relation_name

OBO = "http://purl.obolibrary.org/obo/"
RDF_TYPE = pyoxigraph.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def extract(name: str) -> dict[str, Any]:
    return json.loads((files("exograph.export") / "data" / name).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_ro_ids_and_labels_are_ro_s() -> None:
    ro = extract("ro.json")
    assert ro["source"].startswith("http://purl.obolibrary.org/obo/ro/releases/")
    for label, curie in RO.items():
        assert ro["properties"][curie]["label"] == label, curie


def test_eco_ids_and_labels_are_eco_s() -> None:
    eco = extract("eco.json")
    for label, curie in ECO.items():
        assert eco["terms"][curie]["label"] == label, curie


@cache
def _closure(curie: str, key: str) -> frozenset[str]:
    """The named classes RO requires (``key`` = domain or range) of ``curie``, through its super-properties."""
    prop = extract("ro.json")["properties"][curie]
    found = set(prop[key])
    for parent in prop["parents"]:
        if parent in extract("ro.json")["properties"]:
            found |= _closure(parent, key)
    return frozenset(found)


def _superclasses(cls: str) -> set[str]:
    classes = extract("ro.json")["classes"]
    found = {cls}
    for parent in classes.get(cls, {}).get("parents", []):
        found |= _superclasses(parent)
    return found


def _disjoint(types: set[str]) -> list[tuple[str, str]]:
    classes = extract("ro.json")["classes"]
    return [(a, b) for a in types for b in classes.get(a, {}).get("disjoint", []) if b in types]


def _bfo_types(store: pyoxigraph.Store, node: pyoxigraph.NamedNode) -> set[str]:
    direct = {q.object.value.removeprefix(OBO).replace("_", ":") for q in store.quads_for_pattern(node, RDF_TYPE, None)}
    return set().union(*(_superclasses(t) for t in direct if t.startswith("BFO:")))


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
            missing = _closure(relation, key) - types
            if missing:
                problems.append(f"{quad}: {key} needs {sorted(missing)}, {end} is {sorted(types)}")
            if _disjoint(types):
                problems.append(f"{end} is typed with disjoint classes {_disjoint(types)}")
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
    assert len(problems) == 1 and "domain needs ['BFO:0000002', 'BFO:0000040']" in problems[0]


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
    ],
)
def test_relation_table(
    regulator: str, target: str, direction: str, aspect: str, mechanism: str | None, directness: str, expected: str
) -> None:
    assert relation_name(regulator, target, direction, aspect, mechanism, directness) == expected


@pytest.mark.parametrize(
    ("kind", "cited", "assay", "perturbation", "mechanism", "expected"),
    [
        ("primary_research", False, "NTA", "knockdown", None, "ECO:0000315"),
        ("primary_research", False, None, "knockout", None, "ECO:0000315"),
        ("primary_research", False, "CCK8", "inhibition", None, "ECO:0007707"),
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
    assert {"ECO:0000304", "ECO:0000315", "ECO:0000269", "ECO:0007707"} <= used <= set(ECO.values())
