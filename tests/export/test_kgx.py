"""KGX: the real ``kgx validate``, offline, with the JSON-LD context it really loads.

``kgx validate`` (kgx 2.6/2.7) takes its prefixes from the JSON-LD context its own ``config.yml`` names,
Biolink 2.2.5's ``context.jsonld``, downloaded at run time; the test hands KGX that very file
(``tests/fixtures/biolink/context-2.2.5.jsonld``) and the prefixcommons contexts installed with KGX,
not a context generated from the current model: an id Biolink 4.4 knows but 2.2.5's context lacks
passes a generated context and fails the real tool. Its toolkit reads the Biolink model of the
biolink-model package (KGX fetches it from GitHub otherwise); ``bmt`` also wants Biolink's
predicate-mapping file, which KGX's validator never reads: it gets an empty one.

What KGX still reports is listed in docs/exports.md ("Known kgx validate messages"): node ids under
prefixes that context lacks, and its CamelCase check on two of Biolink's own class names. The tests
require KGX to report exactly the documented kinds, for exactly the ids and classes the export holds.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

from exograph.compiled.store import Store, open_store
from exograph.export import EXPORTERS
from tests.conftest import PROJECT_ROOT

Report = dict[str, dict[str, dict[str, Any]]]

CONTEXT = PROJECT_ROOT / "tests" / "fixtures" / "biolink" / "context-2.2.5.jsonld"
DOCS = PROJECT_ROOT / "docs" / "exports.md"


def documented(kind: str) -> frozenset[str]:
    """The code spans of the documented known messages of one kind (the table in docs/exports.md)."""
    table = DOCS.read_text(encoding="utf-8").split("<!-- kgx-known-messages -->")[1]
    return frozenset(
        value
        for row in table.split("\n\n")[0].splitlines()
        if row.startswith(f"| {kind} ")
        for value in re.findall(r"`([^`]+)`", row.split("|")[2])
    )


#: Biolink classes whose names KGX's CamelCase check (``^([A-Z][a-z\d]+)+$``, the same in kgx 2.6.0, 2.7.0 and
#: its main branch) rejects although they are the classes' own CURIEs (an acronym inside).
KGX_CAMELCASE_FALSE_ALARMS = documented("category")
#: Prefixes of exograph's node ids that the context KGX loads has in no spelling.
PREFIXES_OUTSIDE_BIOLINK = documented("node id")
#: KGX's own messages for the two (kgx/validator.py: validate_node_property_values, validate_edge_property_values,
#: validate_categories).
UNKNOWN_NODE_PREFIX = re.compile(
    r"Node property 'id' has a value '(?P<id>[^']+)' with a CURIE prefix '(?P<prefix>[^']+)'"
    r" is not represented in Biolink Model JSON-LD context"
)
UNKNOWN_EDGE_PREFIX = re.compile(
    r"Edge property '(?:subject|object)' has a value '(?P<id>[^']+)' with a CURIE prefix '(?P<prefix>[^']+)'"
    r" that is not represented in Biolink Model JSON-LD context"
)
NOT_CAMELCASE = re.compile(r"Category '(?P<category>[^']+)' is not in CamelCase form")


@cache
def biolink_schema() -> str:
    return str(files("biolink_model") / "schema" / "biolink_model.yaml")


@cache
def biolink_context() -> dict[str, Any]:
    context: dict[str, Any] = json.loads(CONTEXT.read_text(encoding="utf-8"))["@context"]
    return context


@cache
def prefixcommons_context(name: str) -> dict[str, Any]:
    """KGX's other two contexts, as installed with it (the prefixcommons package KGX depends on)."""
    context: dict[str, Any] = json.loads((files("prefixcommons") / "registry" / f"{name}.jsonld").read_text())[
        "@context"
    ]
    return context


def offline_kgx(monkeypatch: pytest.MonkeyPatch) -> None:
    """KGX and its toolkit reading the Biolink model of the biolink-model package, not GitHub."""
    import bmt.toolkit

    monkeypatch.setattr(bmt.toolkit.Toolkit.__init__, "__defaults__", (biolink_schema(), {"predicate mappings": []}))
    import kgx.config

    monkeypatch.setitem(kgx.config.jsonld_context_map, "biolink", biolink_context())
    for name in ("monarch_context", "obo_context"):
        monkeypatch.setitem(kgx.config.jsonld_context_map, name, prefixcommons_context(name))


def biolink_prefixes() -> set[str]:
    """The prefixes KGX's validator accepts, found as it finds them in Biolink's JSON-LD context."""
    from kgx.validator import Validator

    prefixes: set[str] = Validator.get_all_prefixes(biolink_context())
    return prefixes


@pytest.fixture
def kgx_validate(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path, str], Report]:
    offline_kgx(monkeypatch)
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


def records(path: Path) -> Iterator[dict[str, Any]]:
    return map(json.loads, path.read_text(encoding="utf-8").splitlines())


def outside_biolink(curie: str) -> bool:
    return curie.partition(":")[0] in PREFIXES_OUTSIDE_BIOLINK


@dataclass
class Verdict:
    """KGX's errors: the excused ones by the id or class they name, and every other one in full."""

    node_ids: set[str] = field(default_factory=set)
    edge_ends: set[str] = field(default_factory=set)
    categories: set[str] = field(default_factory=set)
    other: list[str] = field(default_factory=list)


def verdict(report: Report) -> Verdict:
    found = Verdict()
    for kind, messages in report.get("ERROR", {}).items():
        for message in messages:
            node = UNKNOWN_NODE_PREFIX.fullmatch(message) if kind == "INVALID_NODE_PROPERTY_VALUE" else None
            end = UNKNOWN_EDGE_PREFIX.fullmatch(message) if kind == "INVALID_EDGE_PROPERTY_VALUE" else None
            camel = NOT_CAMELCASE.fullmatch(message) if kind == "INVALID_CATEGORY" else None
            if node and outside_biolink(node["id"]) and node["id"].startswith(f"{node['prefix']}:"):
                found.node_ids.add(node["id"])
            elif end and outside_biolink(end["id"]) and end["id"].startswith(f"{end['prefix']}:"):
                found.edge_ends.add(end["id"])
            elif camel and camel["category"] in KGX_CAMELCASE_FALSE_ALARMS:
                found.categories.add(camel["category"])
            else:
                found.other.append(f"{kind}: {message}")
    return found


def excused(folder: Path) -> Verdict:
    """What KGX must report on an export, and nothing else: each id outside Biolink, each class it misreads."""
    nodes, edges = list(records(folder / "nodes.jsonl")), list(records(folder / "edges.jsonl"))
    return Verdict(
        node_ids={n["id"] for n in nodes if outside_biolink(n["id"])},
        edge_ends={e[end] for e in edges for end in ("subject", "object") if outside_biolink(e[end])},
        categories={c.removeprefix("biolink:") for n in nodes for c in n["category"]} & KGX_CAMELCASE_FALSE_ALARMS,
    )


@pytest.mark.parametrize("fmt", ["tsv", "jsonl"])
@pytest.mark.parametrize("root", ["mini", "project"])
def test_kgx_validate_reports_only_the_excused_errors(
    root: str, fmt: str, mini: Path, tmp_path: Path, kgx_validate: Callable[[Path, str], Report]
) -> None:
    folder = export(open_store(mini if root == "mini" else PROJECT_ROOT), tmp_path)
    assert verdict(kgx_validate(folder, fmt)) == excused(folder)


def test_the_context_is_the_one_kgx_loads() -> None:
    """KGX's own config names Biolink 2.2.5's context.jsonld; the fixture is that file (its generation stamp)."""
    import yaml

    config = yaml.safe_load((files("kgx") / "config.yml").read_text(encoding="utf-8"))
    assert config["jsonld-context"]["biolink"].endswith("/biolink-model/2.2.5/context.jsonld")
    stamp = json.loads(CONTEXT.read_text(encoding="utf-8"))["_comments"]
    assert "Generation date: 2021-09-21" in stamp


def test_every_excuse_is_needed_by_the_curation(tmp_path: Path) -> None:
    """The documented prefixes are exactly the node-id prefixes the context lacks; both classes are exported."""
    folder = export(open_store(PROJECT_ROOT), tmp_path)
    nodes = list(records(folder / "nodes.jsonl"))
    assert {n["id"].partition(":")[0] for n in nodes} - biolink_prefixes() == PREFIXES_OUTSIDE_BIOLINK
    assert {c.removeprefix("biolink:") for n in nodes for c in n["category"]} >= KGX_CAMELCASE_FALSE_ALARMS


def test_excused_prefixes_have_no_biolink_spelling_and_the_others_have_biolinks() -> None:
    """Biolink knows Cellosaurus and FamPlex under no name (the shipped map holds Bioregistry's synonyms), and every
    prefix Biolink does know is written as Biolink writes it."""
    shipped = json.loads((files("exograph.export") / "data" / "prefixes.json").read_text(encoding="utf-8"))
    biolink = {p.casefold(): p for p in biolink_prefixes()}
    spellings = {r["prefix"]: {r["prefix"], *r.get("prefix_synonyms", [])} for r in shipped["records"]}
    spellings["exograph"] = {"exograph"}
    known = {
        prefix: {biolink[n.casefold()] for n in names if n.casefold() in biolink} for prefix, names in spellings.items()
    }
    assert all(known[prefix] <= {prefix} for prefix in known), known
    assert not set().union(*(known[prefix] for prefix in PREFIXES_OUTSIDE_BIOLINK))


def test_camelcase_false_alarms_are_biolink_classes_kgx_otherwise_accepts(monkeypatch: pytest.MonkeyPatch) -> None:
    """KGX's own category check finds nothing wrong with these classes but their case, and they are Biolink's CURIEs."""
    offline_kgx(monkeypatch)
    from bmt import Toolkit
    from kgx.validator import Validator

    toolkit = Toolkit()
    for name in KGX_CAMELCASE_FALSE_ALARMS:
        assert toolkit.get_element(name).class_uri == f"biolink:{name}"
        validator = Validator()
        validator.validate_categories("X:1", {"category": [f"biolink:{name}"]})
        assert {k: set(m) for k, m in validator.get_errors("ERROR").items()} == {
            "INVALID_CATEGORY": {f"Category '{name}' is not in CamelCase form"}
        }


def test_kgx_validate_still_catches_what_is_not_excused(
    mini: Path, tmp_path: Path, kgx_validate: Callable[[Path, str], Report]
) -> None:
    """The check above can fail: a wrong predicate, a prefix outside Biolink and another class KGX misreads."""
    folder = export(open_store(mini), tmp_path)
    edges, nodes = list(records(folder / "edges.jsonl")), list(records(folder / "nodes.jsonl"))
    edges[0]["predicate"] = "biolink:upregulates_secretion_of"
    nodes += [
        {"id": "ZZZ:1", "category": ["biolink:Gene"], "name": "planted"},
        {"id": "HGNC:1", "category": ["biolink:RNAProduct"], "name": "planted"},
    ]
    for name, rows in (("edges", edges), ("nodes", nodes)):
        (folder / f"{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    other = "\n".join(verdict(kgx_validate(folder, "jsonl")).other)
    assert "upregulates_secretion_of" in other and "'ZZZ:1'" in other and "'RNAProduct' is not in CamelCase" in other


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
        "biolink:regulates",
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
