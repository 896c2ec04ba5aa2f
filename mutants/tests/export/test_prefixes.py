"""The shipped prefix map agrees with Bioregistry and Biolink; IRIs survive every writer."""

from __future__ import annotations

import json
import runpy
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pyoxigraph
import pytest
import rdflib

from exograph.compiled.store import open_store
from exograph.export import EXPORTERS
from exograph.export.prefixes import BadBase, check_base, iri, standard_curie
from tests.conftest import PROJECT_ROOT, replace_in

SICI = "10.1002/(SICI)1097-4636(199706)35:4<425::AID-JBM3>3.0.CO;2-#"


def test_shipped_prefix_map_matches_installed_bioregistry_and_biolink() -> None:
    generator = runpy.run_path(str(PROJECT_ROOT / "scripts" / "make_export_data.py"))
    shipped = json.loads((files("exograph.export") / "data" / "prefixes.json").read_text(encoding="utf-8"))
    assert generator["prefix_records"]()["records"] == shipped["records"]


def test_prefixes_as_biolink_expects() -> None:
    assert standard_curie("MIRBASE:MI0000077") == "mirbase:MI0000077"
    assert standard_curie("UniProt:P51159") == "UniProtKB:P51159"
    assert iri("MESH:D000860") == "http://id.nlm.nih.gov/mesh/D000860"
    assert iri("doi:10.1000/abc") == "https://doi.org/10.1000/abc"


def test_every_curated_prefix_is_in_the_map() -> None:
    from exograph.curation.vocab import PREFIXES

    for prefix in PREFIXES:
        assert iri(f"{prefix}:X").endswith("X"), prefix


def test_base_iri_must_be_absolute() -> None:
    assert check_base("https://example.org/kg/") == "https://example.org/kg/"
    for bad in ("example.org/", "https://example.org/kg", "ftp://x/", "https://ex ample.org/"):
        with pytest.raises(BadBase):
            check_base(bad)


@pytest.fixture
def sici_store(mini: Path) -> object:
    """The fixture curation with a legal SICI DOI on its source and on a cited reference."""
    source = mini / "sources/mini2024.yaml"
    replace_in(source, "year: 2024\n", f"year: 2024\ndoi: '{SICI}'\n")
    replace_in(source, "doi: 10.1000/test.1", f"doi: '{SICI}'")
    return open_store(mini)


def test_a_sici_doi_does_not_break_any_exporter(sici_store: object, tmp_path: Path) -> None:
    for name, exporter in EXPORTERS.items():
        (tmp_path / "all").mkdir(exist_ok=True)  # an export writes into an existing folder only
        exporter.write(sici_store, tmp_path / "all" / name)  # type: ignore[arg-type]
    assert sorted(p.name for p in (tmp_path / "all").iterdir()) == sorted(EXPORTERS)


def test_a_sici_doi_survives_every_rdf_writer(sici_store: object, tmp_path: Path) -> None:
    encoded = "https://doi.org/10.1002/(SICI)1097-4636(199706)35:4%3C425::AID-JBM3%3E3.0.CO%3B2-%23"
    for name, fmt in (("turtle", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")):
        path = tmp_path / f"g.{name}"
        EXPORTERS[name].write(sici_store, path)  # type: ignore[arg-type]
        graph = rdflib.Graph().parse(path, format=fmt)
        assert (rdflib.URIRef(encoded), None, None) in graph, name
        store = pyoxigraph.Store()
        store.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.from_extension({"turtle": "ttl"}.get(name, name)))
        assert len(store) == len(graph)


def test_base_iri_option(mini: Path, tmp_path: Path, cli: object) -> None:
    out = tmp_path / "g.nt"
    result = cli(
        "export", "--root", str(mini), "--format", "nt", "--base-iri", "https://example.org/kg/", "-o", str(out)
    )  # type: ignore[operator]
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "<https://example.org/kg/assertion/mini2024-mir21-pdcd4>" in text
    assert "w3id.org/exograph/assertion" not in text
    assert "<https://w3id.org/exograph/vocab/direction>" in text  # the vocabulary does not move
    bad = cli("export", "--root", str(mini), "--format", "nt", "--base-iri", "kg/", "-o", str(tmp_path / "x.nt"))  # type: ignore[operator]
    assert bad.exit_code == 2 and "base IRI" in bad.output and not (tmp_path / "x.nt").exists()


def test_output_is_byte_identical_between_processes(mini: Path, tmp_path: Path) -> None:
    outputs = []
    for run in range(2):
        for fmt in ("turtle", "jsonld"):
            path = tmp_path / f"{run}.{fmt}"
            subprocess.run(
                [sys.executable, "-m", "exograph", "export", "--root", str(mini), "--format", fmt, "-o", str(path)],
                check=True,
                capture_output=True,
            )
            outputs.append(path.read_bytes())
    assert outputs[0] == outputs[2] and outputs[1] == outputs[3]
