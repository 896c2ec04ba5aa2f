"""The RO relation of each association cross-checked against the Biolink model's own RO mappings.

The Biolink model package is the one installed source that names RO ids: a predicate's
``exact_mappings`` are RO relations equal to it, its ``narrow_mappings`` RO relations within it.
With RO's super-properties from exograph's table, an association's ``rdf:predicate`` (its Biolink predicate) is
*confirmed* when Biolink places its ``original_predicate`` (or an RO super-property of it) at or
below that predicate; it *contradicts* Biolink when Biolink maps the RO relation exactly to a
predicate that is not at or below the one emitted. Where Biolink cannot confirm a pairing, the
reason is written below and in docs/rdf.md, so a new unexplained pairing fails.
"""

from __future__ import annotations

from functools import cache

import pyoxigraph
import pytest

from exograph.export.relations import RO_TERMS
from tests.export.test_biolink import BIOLINK, slots, snake
from tests.export.test_ontologies import OBO

#: (Biolink predicate, RO relation) pairings Biolink 4.4.6 cannot confirm, and why.
UNCONFIRMED: dict[tuple[str, str], str] = {
    **dict.fromkeys(
        [("acts_upstream_of_positive_effect", "RO:0002429"), ("acts_upstream_of_negative_effect", "RO:0002430")],
        "Biolink maps the signed predicates to RO:0004034/RO:0004035, which RO does not declare above "
        "'involved in positive/negative regulation of'; only acts_upstream_of (RO:0002263) is confirmed",
    ),
    **dict.fromkeys(
        [("affects", "RO:0002211"), ("affects", "RO:0002212"), ("affects", "RO:0002213")],
        "Biolink maps RO's 'causally upstream of' only as narrower than precedes",
    ),
    **dict.fromkeys(
        [("regulates", "RO:0002213"), ("regulates", "RO:0002212")],
        "biolink_model.yaml names RO:0002213/RO:0002212 only as exact mappings of the direction qualifiers "
        "upregulated/downregulated; Biolink's predicate_mapping.yaml maps them to regulates + causes + that "
        "direction (checked in tests/export/test_biolink_pydantic.py)",
    ),
    ("regulates", "RO:0002211"): "Biolink's note on regulates sets RO:0002211 apart as process-to-process "
    "regulation, and its ProcessRegulatesProcessAssociation takes the predicate regulates",
    ("affects", "RO:0002332"): "Biolink places 'regulates levels of' only within related_to (and above regulates)",
}
#: RO relations for which Biolink 4.4.6 lists no exact or narrow mapping, for them or their super-properties
#: ('causally related to' and 'causal relation between entities' appear only as broader than causes).
UNMAPPED = frozenset(
    {
        "RO:0002410",
        "RO:0002566",
        "RO:0011002",
        "RO:0011004",
        "RO:0011013",
        "RO:0011016",
        "RO:0011003",
        "RO:0011021",
        "RO:0011009",
        "RO:0011010",
        "RO:0011022",
        "RO:0011024",
        "RO:0011023",
        "RO:0011008",
        "RO:0011007",
    }
)


@cache
def containing(kinds: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """RO id -> the Biolink predicates that list it among ``kinds`` of mappings."""
    found: dict[str, set[str]] = {}
    for name, slot in slots().items():
        for kind in kinds:
            for mapped in slot.get(kind) or ():
                found.setdefault(mapped, set()).add(name)
    return {k: frozenset(v) for k, v in found.items()}


def ro_ancestry(curie: str) -> set[str]:
    found = {curie}
    for parent in RO_TERMS[curie].parents if curie in RO_TERMS else ():
        found |= ro_ancestry(parent)
    return found


def biolink_ancestry(name: str) -> set[str]:
    found = {name}
    parent = slots()[name].get("is_a")
    return found | biolink_ancestry(snake(parent)) if parent else found


def classify(predicate: str, ro: str) -> str:
    """confirmed, contradicts, unconfirmed (Biolink maps it, but not at or below ``predicate``) or unmapped."""
    exact = containing(("exact_mappings",)).get(ro, frozenset())
    if exact and not any(predicate in biolink_ancestry(q) for q in exact):
        return "contradicts"
    within = containing(("exact_mappings", "narrow_mappings"))
    upper = set().union(*(within.get(r, frozenset()) for r in ro_ancestry(ro)))
    if any(predicate in biolink_ancestry(q) for q in upper):
        return "confirmed"
    return "unconfirmed" if upper else "unmapped"


@pytest.mark.parametrize(
    ("predicate", "ro", "expected"),
    [
        ("acts_upstream_of", "RO:0002428", "confirmed"),  # via RO:0002263, Biolink's exact mapping
        ("affects", "RO:0002429", "confirmed"),  # RO:0002263 is a narrow mapping of affects
        ("regulates", "RO:0002448", "confirmed"),  # exact mapping
        ("affects", "RO:0002450", "confirmed"),  # below RO:0002448, exact to regulates, which is_a affects
        ("acts_upstream_of", "RO:0002448", "contradicts"),  # RO:0002448 is exactly regulates
        ("causes", "RO:0002429", "unconfirmed"),
        ("affects", "RO:0011003", "unmapped"),
    ],
)
def test_classify(predicate: str, ro: str, expected: str) -> None:
    assert classify(predicate, ro) == expected


def test_every_original_predicate_agrees_with_biolink_s_mappings(curation_graph: pyoxigraph.Store) -> None:
    rows = curation_graph.query(
        "PREFIX biolink: <https://w3id.org/biolink/vocab/> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
        "SELECT DISTINCT ?p ?o WHERE "
        "{ ?a a biolink:Association ; rdf:predicate ?p ; biolink:original_predicate ?o }"
    )
    assert isinstance(rows, pyoxigraph.QuerySolutions)
    pairs = {(r["p"].value.removeprefix(BIOLINK), r["o"].value.removeprefix(OBO).replace("_", ":")) for r in rows}
    verdicts = {pair: classify(*pair) for pair in pairs}
    assert "confirmed" in verdicts.values()
    assert [p for p, v in verdicts.items() if v == "contradicts"] == []
    assert {p for p, v in verdicts.items() if v == "unconfirmed"} <= set(UNCONFIRMED)
    assert {ro for (_, ro), v in verdicts.items() if v == "unmapped"} <= UNMAPPED


def test_the_documented_exceptions_are_still_exceptions() -> None:
    """If Biolink adds a mapping, the lists above (and docs/rdf.md) must shrink."""
    assert {pair: classify(*pair) for pair in UNCONFIRMED} == dict.fromkeys(UNCONFIRMED, "unconfirmed")
    assert {classify("affects", ro) for ro in UNMAPPED} == {"unmapped"}
