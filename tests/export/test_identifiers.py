"""The KGX node id rule: the best identifier Biolink accepts for each entity's category."""

from __future__ import annotations

from typing import Any

from exograph.export.identifiers import id_prefixes, node_ids, preferred


def entity(key: str, curie: str, kind: str, *xrefs: str) -> Any:
    return {"key": key, "curie": curie, "kind": kind, "label": key, "xrefs": list(xrefs)}


def test_own_curie_when_biolink_accepts_it() -> None:
    assert preferred(entity("RAB27A", "HGNC:9766", "gene", "UniProt:P51159")) == "HGNC:9766"
    assert preferred(entity("miR-21", "MIRBASE:MI0000077", "mirna", "HGNC:31586")) == "mirbase:MI0000077"


def test_an_accepted_xref_replaces_an_id_biolink_does_not_accept() -> None:
    local_gene = entity("X", "exograph:X", "gene", "MESH:D000001", "HGNC:9766")
    assert preferred(local_gene) == "HGNC:9766"  # MESH is not a Gene prefix in Biolink, HGNC is
    assert "MESH" not in id_prefixes()["Gene"] and "HGNC" in id_prefixes()["Gene"]
    local_chemical = entity("Y", "exograph:Y", "chemical", "CHEBI:50924")
    assert preferred(local_chemical) == "CHEBI:50924"


def test_nothing_accepted_keeps_the_curie_and_a_family_is_never_its_member() -> None:
    assert preferred(entity("line", "CVCL:0336", "cell_line", "EFO:0001086")) == "CVCL:0336"  # CellLine: CLO only
    family = entity("RAB27", "FPLX:RAB27", "family", "HGNC:9766")
    assert preferred(family) == "FPLX:RAB27"


def test_no_two_entities_share_an_id() -> None:
    first = entity("a", "exograph:a", "chemical", "CHEBI:1")
    second = entity("b", "exograph:b", "chemical", "CHEBI:1")
    owner = entity("c", "CHEBI:2", "chemical")
    taken = entity("d", "exograph:d", "chemical", "CHEBI:2")
    ids = node_ids([first, second, owner, taken])
    assert ids == {"a": "exograph:a", "b": "exograph:b", "c": "CHEBI:2", "d": "exograph:d"}
    assert node_ids([first]) == {"a": "CHEBI:1"}


def test_a_kgx_node_keeps_the_curation_s_curie_as_xref() -> None:
    from exograph.export.kgx import node

    record = {**entity("X", "exograph:X", "gene", "HGNC:9766"), "synonyms": []}
    assert node(record, "HGNC:9766")["xref"] == ["exograph:X"]
    assert node(record, "exograph:X")["xref"] == ["HGNC:9766"]
