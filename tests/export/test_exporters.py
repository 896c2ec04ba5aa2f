"""Every export format: it loads back in the tool its users use, and a failure leaves no file."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import networkx as nx
import pytest
import rdflib

from exograph.compiled.store import open_store
from exograph.export import EXPORTERS

ASSERTION = rdflib.Namespace("https://w3id.org/exograph/assertion/")
BIOLINK = rdflib.Namespace("https://w3id.org/biolink/vocab/")
OBO = rdflib.Namespace("http://purl.obolibrary.org/obo/")


@pytest.fixture
def exported(mini: Path, tmp_path: Path) -> dict[str, Path]:
    store = open_store(mini)
    paths = {}
    (tmp_path / "out").mkdir()
    for name, exporter in EXPORTERS.items():
        path = tmp_path / "out" / f"graph.{name}"
        exporter.write(store, path)
        paths[name] = path
    return paths


def test_turtle_round_trip(exported: dict[str, Path]) -> None:
    graph = rdflib.Graph().parse(exported["turtle"], format="turtle")
    nodes = set(graph.subjects(rdflib.RDF.type, BIOLINK.Association))
    assert {str(n).removeprefix(str(ASSERTION)) for n in nodes} == {
        "mini2024-hypoxia-exosome-secretion",
        "mini2024-rab27a-exosome-secretion",
        "mini2024-mir21-pdcd4",
        "mini2024-sorafenib-rab27a",
        "mini2024-hif1a-rab27a",
    }
    rab27a = rdflib.URIRef("http://identifiers.org/hgnc/9766")
    exosome_secretion = OBO["GO_1990182"]
    assert (rab27a, OBO["RO_0002429"], exosome_secretion) in graph  # involved in positive regulation of
    mir21, pdcd4 = (
        rdflib.URIRef("http://identifiers.org/mirbase/MI0000077"),
        rdflib.URIRef("http://identifiers.org/hgnc/8763"),
    )
    assert (mir21, OBO["RO_0011003"], pdcd4) in graph  # regulates quantity of (directness unstated)
    # hypotheses and negated claims stay reified only, never as plain triples
    sorafenib, hif1a = OBO["CHEBI_50924"], rdflib.URIRef("http://identifiers.org/hgnc/4910")
    assert not list(graph.triples((sorafenib, None, rab27a)))
    assert not list(graph.triples((hif1a, None, rab27a)))
    quotes = {str(q) for q in graph.objects(None, rdflib.PROV.value)}
    assert "Hypoxia increases exosome secretion in breast cancer cells [1]." in quotes


def test_ntriples_and_jsonld_parse(exported: dict[str, Path]) -> None:
    nt = rdflib.Graph().parse(exported["nt"], format="nt")
    jsonld = rdflib.Graph().parse(exported["jsonld"], format="json-ld")
    assert len(nt) == len(jsonld) > 100


def test_graphml_loads_in_networkx_flat(exported: dict[str, Path]) -> None:
    graph = nx.read_graphml(exported["graphml"], force_multigraph=True)
    assert graph.number_of_nodes() == 12 and graph.number_of_edges() == 5
    assert graph.nodes["miR-21"]["synonyms"] == "miR-21-5p"
    edge = next(d for _, _, d in graph.edges(data=True) if d["assertion_id"] == "mini2024-mir21-pdcd4")
    assert edge["direction"] == "decreases" and edge["aspect"] == "amount" and edge["exosomal_cargo"] is True
    assert edge["donors"] == "fibroblast" and edge["recipients"] == "malignant_cell"
    for _, _, data in graph.edges(data=True):
        assert all(isinstance(v, str | bool) for v in data.values())


def test_negation_and_hypotheses_in_every_format(mini: Path, exported: dict[str, Path]) -> None:
    """Each format says which findings are negated and which are hypotheses, per assertion, or leaves them out."""
    store = open_store(mini)
    negated = {a["id"]: a["negated"] for a in store.assertions()}
    hypothesis = {a["id"]: a["hypothesis"] for a in store.assertions()}
    assert set(negated.values()) == set(hypothesis.values()) == {True, False}
    graphml = nx.read_graphml(exported["graphml"], force_multigraph=True)
    edges = {d["assertion_id"]: d for _, _, d in graphml.edges(data=True)}
    assert {k: d["negated"] for k, d in edges.items()} == negated
    assert {k: d["hypothesis"] for k, d in edges.items()} == hypothesis
    rows = {r["id"]: r for r in csv.DictReader(exported["tsv"].open(encoding="utf-8"), delimiter="\t")}
    assert {k: r["negated"] == "true" for k, r in rows.items()} == negated
    assert {k: r["hypothesis"] == "true" for k, r in rows.items()} == hypothesis
    signor = {r["SIGNOR_ID"]: r for r in csv.DictReader(exported["signor"].open(encoding="utf-8"), delimiter="\t")}
    assert {k: r["NEGATED"] == "YES" for k, r in signor.items()} == negated
    assert {k: r["HYPOTHESIS"] == "YES" for k, r in signor.items()} == hypothesis
    omnipath = list(csv.DictReader(exported["omnipath"].open(encoding="utf-8"), delimiter="\t"))
    behind = {i for r in omnipath for i in r["assertion_ids"].split(";")}
    assert behind == {k for k in negated if not negated[k] and not hypothesis[k]}
    sif = exported["sif"].read_text(encoding="utf-8").splitlines()
    assert "HIF1A\tmay_increase_amount\tRAB27A" in sif  # the hypothesis says "may"
    assert not any(line.startswith("sorafenib\t") for line in sif)  # the negated finding is no edge


def test_export_list_says_which_formats_drop_context(cli: object) -> None:
    result = cli("export", "--list")  # type: ignore[operator]
    dropping = {line.split()[0] for line in result.output.splitlines() if "drops context" in line}
    assert result.exit_code == 0 and dropping == {"sif", "omnipath"}


def test_leave_out_options_apply_only_where_a_format_leaves_findings_out(
    cli: object, mini: Path, tmp_path: Path
) -> None:
    bad = cli("export", "--root", str(mini), "--format", "tsv", "--include-negated", "-o", str(tmp_path / "x"))  # type: ignore[operator]
    assert bad.exit_code == 2 and "--include-negated applies to indra only" in bad.output
    good = cli("export", "--root", str(mini), "--format", "indra", "--include-negated", "-o", str(tmp_path / "s.json"))  # type: ignore[operator]
    assert good.exit_code == 0
    assert "mini2024-sorafenib-rab27a" in (tmp_path / "s.json").read_text(encoding="utf-8")


def test_node_link_json_keeps_every_field(exported: dict[str, Path]) -> None:
    data = json.loads(exported["json"].read_text(encoding="utf-8"))
    graph = nx.node_link_graph(data, multigraph=True, directed=True, **data["graph"]["node_link"])
    assert graph.number_of_edges() == 5
    assert graph.edges["miR-21", "PDCD4", "mini2024-mir21-pdcd4"]["evidence"][0]["references"][0]["number"] == 2


def test_tsv_sif_kgx(exported: dict[str, Path]) -> None:
    rows = list(csv.DictReader(exported["tsv"].open(encoding="utf-8"), delimiter="\t"))
    assert len(rows) == 5 and {r["negated"] for r in rows} == {"true", "false"}
    sif = exported["sif"].read_text(encoding="utf-8").splitlines()
    assert "miR-21\tdecreases_amount\tPDCD4" in sif and len(sif) == 4  # the negated claim is not an edge
    edges = list(csv.DictReader((exported["kgx"] / "edges.tsv").open(encoding="utf-8"), delimiter="\t"))
    nodes = list(csv.DictReader((exported["kgx"] / "nodes.tsv").open(encoding="utf-8"), delimiter="\t"))
    assert len(nodes) == 12 and len(edges) == 5
    mir = next(e for e in edges if e["id"] == "exograph:mini2024-mir21-pdcd4")
    assert (mir["subject"], mir["predicate"], mir["object"]) == ("mirbase:MI0000077", "biolink:regulates", "HGNC:8763")
    assert (mir["object_aspect_qualifier"], mir["object_direction_qualifier"]) == ("abundance", "decreased")


def test_failed_export_leaves_no_file(mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_store(mini)
    target = tmp_path / "graph.ttl"
    target.write_text("previous", encoding="utf-8")

    def broken(*_: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr("exograph.export.rdf.build_triples", broken)
    with pytest.raises(RuntimeError):
        EXPORTERS["turtle"].write(store, target)
    assert target.read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "graph.ttl", "mini"]


def test_cli_export(mini: Path, tmp_path: Path, cli: object) -> None:
    result = cli("export", "--root", str(mini), "--format", "graphml", "-o", str(tmp_path / "g.graphml"))  # type: ignore[operator]
    assert result.exit_code == 0 and (tmp_path / "g.graphml").exists()


def test_rdf_formats_are_isomorphic_and_abbreviated(exported: dict[str, Path]) -> None:
    from rdflib.compare import isomorphic

    text = exported["turtle"].read_text(encoding="utf-8")
    assert "@prefix RO: <http://purl.obolibrary.org/obo/RO_> ." in text
    assert "CHEBI:50924" in text and "_:" not in text  # abbreviated IRIs, no blank nodes
    turtle = rdflib.Graph().parse(exported["turtle"], format="turtle")
    nt = rdflib.Graph().parse(exported["nt"], format="nt")
    jsonld = rdflib.Graph().parse(exported["jsonld"], format="json-ld")
    assert len(exported["nt"].read_text(encoding="utf-8").splitlines()) == len(nt)  # no triple written twice
    assert isomorphic(turtle, nt) and isomorphic(turtle, jsonld)


def test_export_list_shows_every_format(cli: object) -> None:
    result = cli("export", "--list")  # type: ignore[operator]
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert [line.split()[0] for line in lines] == list(EXPORTERS)
    assert all(exporter.description in result.output for exporter in EXPORTERS.values())


def test_dataset_node_dates_from_the_curation_or_the_option(mini: Path, tmp_path: Path, cli: object) -> None:
    issued = "<http://purl.org/dc/terms/issued>"
    default = tmp_path / "a.nt"
    assert cli("export", "--root", str(mini), "--format", "nt", "-o", str(default)).exit_code == 0  # type: ignore[operator]
    text = default.read_text(encoding="utf-8")
    assert f'<https://w3id.org/exograph/dataset> {issued} "2024"^^<http://www.w3.org/2001/XMLSchema#gYear> .' in text
    assert "<https://w3id.org/exograph/dataset> <http://purl.org/pav/version>" in text
    dated = tmp_path / "b.nt"
    result = cli("export", "--root", str(mini), "--format", "nt", "--date", "2026-01-31", "-o", str(dated))  # type: ignore[operator]
    assert result.exit_code == 0
    assert f'{issued} "2026-01-31"^^<http://www.w3.org/2001/XMLSchema#date> .' in dated.read_text(encoding="utf-8")
    for bad in ("2026-02-30", "yesterday"):
        result = cli("export", "--root", str(mini), "--format", "nt", "--date", bad, "-o", str(tmp_path / "c.nt"))  # type: ignore[operator]
        assert result.exit_code == 2 and not (tmp_path / "c.nt").exists()
    result = cli(
        "export", "--root", str(mini), "--format", "tsv", "--date", "2026-01-31", "-o", str(tmp_path / "d.tsv")
    )  # type: ignore[operator]
    assert result.exit_code == 2 and "RDF formats only" in result.output


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("name", sorted(EXPORTERS))
def test_an_export_shows_its_progress_on_a_terminal_only(
    mini: Path, tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(mini)
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    EXPORTERS[name].write(store, tmp_path / "on-a-terminal")
    assert f"exporting {name}: assertions: 5/5" in terminal.getvalue()  # every assertion read, once
    assert store.progress is None
    piped = io.StringIO()
    monkeypatch.setattr(sys, "stderr", piped)
    EXPORTERS[name].write(store, tmp_path / "piped")
    assert piped.getvalue() == ""
