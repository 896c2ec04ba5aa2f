"""KGX: the real ``kgx validate``, offline, against the Biolink model shipped in the biolink-model package.

KGX reads its Biolink model and JSON-LD context from GitHub at import time. Offline, its
toolkit is pointed at the package's ``biolink_model.yaml`` and its context is generated
from the same file by LinkML's context generator (how Biolink builds its published
``context.jsonld``). ``bmt`` also wants Biolink's predicate-mapping file, which the package
does not ship and which KGX's validator never reads: it gets an empty one.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

from exograph.compiled.store import Store, open_store
from exograph.export import EXPORTERS
from tests.conftest import PROJECT_ROOT

Report = dict[str, dict[str, dict[str, Any]]]

#: Biolink classes whose names KGX's CamelCase check (``^([A-Z][a-z\d]+)+$``) rejects although they are the
#: model's own class names (an acronym inside): a known KGX limitation, seen in Monarch's KG validation too.
KGX_CAMELCASE_FALSE_ALARMS = {"MicroRNA", "NoncodingRNAProduct"}
#: Prefixes of exograph's identifiers that Biolink's JSON-LD context does not have (see docs/exports.md).
PREFIXES_OUTSIDE_BIOLINK = {"FPLX", "CVCL", "exograph"}


@cache
def biolink_schema() -> str:
    return str(files("biolink_model") / "schema" / "biolink_model.yaml")


@cache
def biolink_context() -> dict[str, Any]:
    from linkml.generators.jsonldcontextgen import ContextGenerator

    context: dict[str, Any] = json.loads(ContextGenerator(biolink_schema()).serialize())["@context"]
    return context


@pytest.fixture
def kgx_validate(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path, str], Report]:
    import bmt.toolkit

    monkeypatch.setattr(bmt.toolkit.Toolkit.__init__, "__defaults__", (biolink_schema(), {"predicate mappings": []}))
    import kgx.config

    for name in ("biolink", "monarch_context", "obo_context"):
        monkeypatch.setitem(kgx.config.jsonld_context_map, name, biolink_context())
    from kgx.cli.cli_utils import validate

    def run(folder: Path, fmt: str) -> Report:
        inputs = [str(folder / f"nodes.{fmt}"), str(folder / f"edges.{fmt}")]
        report: Report = validate(inputs, fmt, None, str(folder.parent / f"kgx-{fmt}.json"))
        return report

    return run


def export(store: Store, tmp_path: Path) -> Path:
    folder = tmp_path / "kgx"
    EXPORTERS["kgx"].write(store, folder)
    return folder


def unexplained(report: Report) -> list[str]:
    """Every error KGX reports except the two documented ones: its CamelCase false alarm and unknown prefixes."""
    left = []
    for kind, messages in report.get("ERROR", {}).items():
        for message in messages:
            if kind == "INVALID_CATEGORY" and any(
                f"'{c}' is not in CamelCase" in message for c in KGX_CAMELCASE_FALSE_ALARMS
            ):
                continue
            if kind in ("INVALID_NODE_PROPERTY_VALUE", "INVALID_EDGE_PROPERTY_VALUE") and any(
                f"prefix '{p}'" in message and "not represented in Biolink Model JSON-LD context" in message
                for p in PREFIXES_OUTSIDE_BIOLINK
            ):
                continue
            left.append(f"{kind}: {message}")
    return left


@pytest.mark.parametrize("fmt", ["tsv", "jsonl"])
@pytest.mark.parametrize("root", ["mini", "project"])
def test_kgx_validate_reports_no_other_error(
    root: str, fmt: str, mini: Path, tmp_path: Path, kgx_validate: Callable[[Path, str], Report]
) -> None:
    report = kgx_validate(export(open_store(mini if root == "mini" else PROJECT_ROOT), tmp_path), fmt)
    assert unexplained(report) == []


def test_kgx_false_alarms_are_biolink_classes() -> None:
    import yaml

    classes = yaml.safe_load(Path(biolink_schema()).read_text(encoding="utf-8"))["classes"]
    names = {"".join(w[:1].upper() + w[1:] for w in name.split(" ")) for name in classes}
    assert names >= KGX_CAMELCASE_FALSE_ALARMS
    assert not PREFIXES_OUTSIDE_BIOLINK & set(biolink_context())


def test_kgx_validate_does_catch_a_wrong_predicate(
    mini: Path, tmp_path: Path, kgx_validate: Callable[[Path, str], Report]
) -> None:
    """The check above can fail: an unknown predicate and a bad qualifier value are reported."""
    folder = export(open_store(mini), tmp_path)
    edges = folder / "edges.jsonl"
    records = [json.loads(line) for line in edges.read_text(encoding="utf-8").splitlines()]
    records[0]["predicate"] = "biolink:upregulates_secretion_of"
    edges.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert any("upregulates_secretion_of" in m for m in unexplained(kgx_validate(folder, "jsonl")))


def test_every_assertion_is_an_edge_with_its_fields(mini: Path, tmp_path: Path) -> None:
    store = open_store(mini)
    folder = export(store, tmp_path)
    with (folder / "edges.tsv").open(encoding="utf-8", newline="") as handle:
        tsv = {r["id"]: r for r in csv.DictReader(handle, delimiter="\t")}
    jsonl = {r["id"]: r for r in map(json.loads, (folder / "edges.jsonl").read_text(encoding="utf-8").splitlines())}
    assert set(tsv) == set(jsonl) == {f"exograph:{i}" for i in store.assertion_ids()}
    for a in store.assertions():
        row, record = tsv[f"exograph:{a['id']}"], jsonl[f"exograph:{a['id']}"]
        assert row["negated"] == str(a["negated"]).lower() and record["negated"] is a["negated"]
        assert record["knowledge_level"] == ("prediction" if a["hypothesis"] else "knowledge_assertion")
        assert record["supporting_text"] == [ev["quote"] for ev in a["evidence"]]
        assert row["supporting_text"].split("|") == record["supporting_text"]
        assert record["primary_knowledge_source"] == "infores:exograph" and record["agent_type"] == "manual_agent"
    mir21 = jsonl["exograph:mini2024-mir21-pdcd4"]
    assert (mir21["subject"], mir21["predicate"], mir21["object"]) == (
        "mirbase:MI0000077",
        "biolink:affects",
        "HGNC:8763",
    )
    assert (mir21["qualified_predicate"], mir21["object_aspect_qualifier"], mir21["object_direction_qualifier"]) == (
        "biolink:causes",
        "abundance",
        "decreased",
    )
    assert mir21["causal_mechanism_qualifier"] == "post_transcriptional_regulation"
    hypoxia = jsonl["exograph:mini2024-hypoxia-exosome-secretion"]
    assert hypoxia["species_context_qualifier"] == "NCBITaxon:9606" and hypoxia["publications"] == [
        "exograph:source/mini2024"
    ]
