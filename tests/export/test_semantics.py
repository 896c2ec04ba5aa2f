"""The per-assertion readings the table-like exports share: a source's public identifier, the ECO class of
each piece of evidence (the same classes the RDF export types its evidence nodes with)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyoxigraph

from exograph.compiled.records import AssertionRecord, SourceRecord
from exograph.compiled.store import open_store
from exograph.export import EXPORTERS
from exograph.export.semantics import assertion_codes, publication


def source(sid: str, kind: str = "primary_research", doi: str | None = None, pmid: str | None = None) -> SourceRecord:
    return {"id": sid, "kind": kind, "doi": doi, "pmid": pmid}  # type: ignore[typeddict-item]


def test_a_source_is_cited_by_its_doi_else_its_pmid_else_its_own_id() -> None:
    assert publication(source("roe2025", doi="10.1/x", pmid="123")) == "doi:10.1/x"
    assert publication(source("roe2025", pmid="123")) == "PMID:123"
    assert publication(source("roe2025")) == "exograph:source/roe2025"


def evidence(src: str, assay: str | None = None, perturbation: str | None = None, cited: bool = False) -> Any:
    references = [{"number": 1, "citation": "Doe 2020", "doi": None, "pmid": None}] if cited else []
    return {"source": src, "quote": "q", "section": "results", "references": references, "assay": assay,
            "perturbation": perturbation}  # fmt: skip


def claim(mechanism: str | None, *quotes: Any) -> AssertionRecord:
    return {"id": "a", "source": "paper", "mechanism": mechanism, "evidence": list(quotes)}  # type: ignore[typeddict-item]


SOURCES = {"paper": source("paper"), "review": source("review", "review")}


def test_each_quote_is_typed_by_what_it_is() -> None:
    # a knockdown in a primary study is mutant-phenotype evidence, a pull-down behind a binding is physical
    # interaction, any other experiment is experimental evidence
    assert assertion_codes(claim(None, evidence("paper", perturbation="knockdown")), SOURCES) == ["ECO:0000315"]
    assert assertion_codes(claim("binding", evidence("paper", assay="co-IP")), SOURCES) == ["ECO:0000353"]
    assert assertion_codes(claim("transcription", evidence("paper", assay="co-IP")), SOURCES) == ["ECO:0000269"]
    assert assertion_codes(claim("binding", evidence("paper")), SOURCES) == ["ECO:0000269"]
    # a primary study's own sentence citing others is an author statement with a traceable reference
    assert assertion_codes(claim(None, evidence("paper", cited=True)), SOURCES) == ["ECO:0000304"]
    assert assertion_codes(claim(None, evidence("paper")), SOURCES) == ["ECO:0000269"]


def test_each_quote_is_read_with_its_own_source() -> None:
    """An assertion's quotes may come from several sources: a review's quote is an author statement even
    when the assertion's own source is a primary study."""
    mixed = claim(None, evidence("review", cited=True), evidence("review"), evidence("paper", assay="western blot"))
    assert assertion_codes(mixed, SOURCES) == ["ECO:0000269", "ECO:0000303", "ECO:0000304"]


def test_codes_are_listed_once_each_in_order() -> None:
    twice = claim(None, evidence("paper", perturbation="knockout"), evidence("paper", assay="qPCR"),
                  evidence("paper", perturbation="inhibition"))  # fmt: skip
    assert assertion_codes(twice, SOURCES) == ["ECO:0000269", "ECO:0000315"]


def test_kgx_evidence_codes_are_the_rdf_evidence_classes(mini: Path, tmp_path: Path) -> None:
    """The two exports of the same curation type each assertion's evidence with the same ECO classes."""
    store = open_store(mini)
    EXPORTERS["kgx"].write(store, tmp_path / "kgx")
    EXPORTERS["turtle"].write(store, tmp_path / "graph.ttl")
    graph = pyoxigraph.Store()
    graph.bulk_load(path=str(tmp_path / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    rows = graph.query(
        "PREFIX biolink: <https://w3id.org/biolink/vocab/> PREFIX dcterms: <http://purl.org/dc/terms/> "
        "SELECT ?id ?cls WHERE { ?a dcterms:identifier ?id ; biolink:has_evidence ?e . ?e a ?cls "
        "FILTER(STRSTARTS(STR(?cls), 'http://purl.obolibrary.org/obo/ECO_')) }"
    )
    rdf: dict[str, set[str]] = {}
    for row in rows:
        rdf.setdefault(row["id"].value, set()).add(row["cls"].value.rsplit("/", 1)[1].replace("_", ":"))
    lines = (tmp_path / "kgx" / "edges.jsonl").read_text(encoding="utf-8").splitlines()
    kgx = {e["id"].removeprefix("exograph:"): e["has_evidence"] for e in map(json.loads, lines)}
    assert kgx and kgx.keys() == rdf.keys()
    assert {k: sorted(v) for k, v in rdf.items()} == kgx
    assert len({c for codes in kgx.values() for c in codes}) > 1  # the fixture's evidence is not all of one kind
