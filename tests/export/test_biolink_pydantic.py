"""Every KGX edge of the real curation checked with Biolink's own generated pydantic classes (biolink-model 4.4.6).

Each edge's ``category`` names its association class; the edge's Biolink slots (every column that is
a Biolink slot; exograph's own columns are not) must build an instance of that class, whose models
forbid any slot the class does not declare. The one documented exception is the process -> process
edge, which carries the qualifiers Biolink's ``predicate_mapping.yaml`` gives RO:0002213/RO:0002212
although Biolink's ``ProcessRegulatesProcessAssociation`` does not declare them: the test checks those
qualifiers against the mapping file itself.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pydantic
import pytest
import yaml

from exograph.compiled.store import open_store
from exograph.export import EXPORTERS, biolink
from tests.conftest import PROJECT_ROOT
from tests.export.test_biolink import slots

FIXTURES = PROJECT_ROOT / "tests" / "fixtures" / "biolink"


def association_class(edge: dict[str, Any]) -> type[pydantic.BaseModel]:
    from biolink_model.datamodel import pydanticmodel_v2

    (category,) = edge["category"]
    found: type[pydantic.BaseModel] = getattr(pydanticmodel_v2, category.removeprefix("biolink:"))
    return found


def biolink_slots(edge: dict[str, Any]) -> dict[str, Any]:
    known = slots()
    return {k: v for k, v in edge.items() if k in known}


def mapping_qualifiers() -> dict[str, dict[str, str]]:
    """RO CURIE -> the predicate and qualifiers Biolink's predicate mapping gives it (exact matches only)."""
    data = yaml.safe_load((FIXTURES / "predicate_mapping.yaml").read_text(encoding="utf-8"))
    found: dict[str, dict[str, str]] = {}
    for row in data["predicate mappings"]:
        reading = {k.replace(" ", "_"): v.replace(" ", "_") for k, v in row.items() if isinstance(v, str)}
        for curie in row.get("exact matches", []):
            found.setdefault(curie, reading)
    return found


def rejections(edges: list[dict[str, Any]]) -> list[str]:
    problems = []
    for edge in edges:
        cls = association_class(edge)
        values = biolink_slots(edge)
        for slot in biolink.MAPPING_ONLY.get(cls.__name__, ()):
            values.pop(slot, None)
        try:
            cls(**values)
        except pydantic.ValidationError as exc:
            problems.append(f"{edge['id']} ({cls.__name__}): {exc.errors()[0]['loc']} {exc.errors()[0]['msg']}")
    return problems


def kgx_edges(root: Path, tmp_path: Path) -> list[dict[str, Any]]:
    EXPORTERS["kgx"].write(open_store(root), tmp_path / "kgx")
    return [json.loads(line) for line in (tmp_path / "kgx" / "edges.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("root", ["mini", "project"])
def test_every_edge_is_an_instance_of_its_biolink_class(root: str, mini: Path, tmp_path: Path) -> None:
    edges = kgx_edges(mini if root == "mini" else PROJECT_ROOT, tmp_path)
    assert edges and rejections(edges) == []


def test_the_check_rejects_what_biolink_rejects(tmp_path: Path) -> None:
    """affects on a gene-regulates-gene edge, one value where Biolink wants a list, a qualifier the class lacks."""
    edges = kgx_edges(PROJECT_ROOT, tmp_path)
    gene = next(e for e in edges if e["category"] == ["biolink:GeneRegulatesGeneAssociation"])
    chemical = next(e for e in edges if "anatomical_context_qualifier" in e and "Chemical" in e["category"][0])
    plain = next(e for e in edges if e["category"] == ["biolink:Association"])
    planted = [
        gene | {"predicate": "biolink:affects"},
        chemical | {"anatomical_context_qualifier": chemical["anatomical_context_qualifier"][0]},
        plain | {"object_direction_qualifier": "increased"},
    ]
    assert len(rejections(planted)) == 3


def test_process_edges_carry_exactly_the_predicate_mapping_s_reading(tmp_path: Path) -> None:
    mapping = mapping_qualifiers()
    process = [
        e for e in kgx_edges(PROJECT_ROOT, tmp_path) if e["category"] == ["biolink:ProcessRegulatesProcessAssociation"]
    ]
    assert process
    for edge in process:
        expected = mapping.get(edge["original_predicate"])
        carried = {
            k: edge.get(k)
            for k in ("predicate", "qualified_predicate", "object_aspect_qualifier", "object_direction_qualifier")
        }
        if expected is None:  # RO:0002211, unsigned: no qualifier
            assert carried == {
                "predicate": "biolink:regulates",
                "qualified_predicate": None,
                "object_aspect_qualifier": None,
                "object_direction_qualifier": None,
            }
        else:
            assert carried == {
                "predicate": f"biolink:{expected['predicate']}",
                "qualified_predicate": f"biolink:{expected['qualified_predicate']}",
                "object_aspect_qualifier": expected["object_aspect_qualifier"],
                "object_direction_qualifier": expected["object_direction_qualifier"],
            }


def test_the_association_table_matches_biolink_s_classes() -> None:
    from biolink_model.datamodel import pydanticmodel_v2

    qualifiers = {q for quals in biolink.ASSOCIATIONS.values() for q in quals} | {
        "disease_context_qualifier",
        "anatomical_context_qualifier",
    }
    for name, declared in biolink.ASSOCIATIONS.items():
        fields = set(getattr(pydanticmodel_v2, name).model_fields)
        assert declared == fields & qualifiers, name
    for name, extra in biolink.MAPPING_ONLY.items():
        assert not extra & set(getattr(pydanticmodel_v2, name).model_fields), name


def test_signed_edges_keep_their_sign_in_biolink_slots(tmp_path: Path) -> None:
    """Counts by class of the signed assertions whose Biolink reading has no sign (docs/exports.md lists them)."""
    edges = kgx_edges(PROJECT_ROOT, tmp_path)
    unsaid = Counter(
        e["category"][0]
        for e in edges
        if e["exograph_direction"] != "regulates"
        and e["exograph_aspect"] != "binding"
        and not e.get("object_direction_qualifier")
        and not e["predicate"].endswith(("_positive_effect", "_negative_effect"))
    )
    assert set(unsaid) <= {"biolink:Association"}, unsaid


def test_a_binding_is_a_pairwise_molecular_interaction() -> None:
    """Unsigned, never causal; direct only when the source says so (Biolink's exact mapping of RO:0002436)."""
    from biolink_model.datamodel import pydanticmodel_v2

    gene = {"key": "A", "curie": "HGNC:1", "kind": "gene", "label": "A"}
    family = {"key": "B", "curie": "FPLX:B", "kind": "family", "label": "B"}
    binding = {"direction": "regulates", "aspect": "binding", "mechanism": "binding", "hypothesis": False}
    indirect = biolink.edge({**binding, "directness": "unstated"}, gene, family, "RO:0002436")  # type: ignore[arg-type]
    direct = biolink.edge({**binding, "directness": "direct"}, gene, family, "RO:0002436")  # type: ignore[arg-type]
    assert (indirect.association, indirect.predicate) == (
        "PairwiseMolecularInteraction",
        "biolink:physically_interacts_with",
    )
    assert direct.predicate == "biolink:directly_physically_interacts_with"
    assert not direct.signed and direct.qualified_predicate is None and direct.object_direction is None
    for reading in (direct, indirect):
        pydanticmodel_v2.PairwiseMolecularInteraction(
            id="x:1", subject="HGNC:1", object="FPLX:B", predicate=reading.predicate,
            causal_mechanism_qualifier=reading.causal_mechanism, knowledge_level=reading.knowledge_level,
            agent_type="manual_agent",
        )  # fmt: skip
