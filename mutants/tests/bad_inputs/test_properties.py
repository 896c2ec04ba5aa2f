"""Property tests: no input makes the reader or the CLI traceback; exporters keep any valid text exactly."""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exograph.cli import main
from exograph.compiled import store as store_module
from exograph.compiled.build import compile_root
from exograph.curation.yamlread import read_yaml
from exograph.export import tabular
from exograph.export.kgx import kgx
from exograph.layout import Layout
from exograph.safetext import text_problem
from tests.conftest import FIXTURES

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
documents = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@given(documents)
@settings(max_examples=300, deadline=None)
def test_reader_never_raises_on_yaml(document: Any) -> None:
    read_yaml(yaml.safe_dump(document, allow_unicode=True).encode("utf-8"))


@given(st.binary(max_size=400))
@settings(max_examples=300, deadline=None)
def test_reader_never_raises_on_bytes(raw: bytes) -> None:
    read_yaml(raw)


def validate_with(content: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "root"
        shutil.copytree(FIXTURES / "mini", root)
        (root / name).write_bytes(content)
        result = CliRunner().invoke(main, ["validate", str(root)])
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        assert "Traceback" not in result.output
        assert result.exit_code in (0, 1)


@given(documents, st.sampled_from(["curation/entities/random.yaml", "curation/assertions/mini2024.yaml"]))
@SETTINGS
def test_cli_never_tracebacks_on_yaml(document: Any, name: str) -> None:
    validate_with(yaml.safe_dump(document, allow_unicode=True).encode("utf-8"), name)


@given(st.binary(max_size=300), st.sampled_from(["curation/entities/random.yaml", "sources/mini2024.yaml"]))
@SETTINGS
def test_cli_never_tracebacks_on_bytes(raw: bytes, name: str) -> None:
    validate_with(raw, name)


def valid_text(multiline: bool) -> st.SearchStrategy[str]:
    return st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40).filter(
        lambda s: text_problem(s, multiline) is None
    )


@pytest.fixture(scope="module")
def records() -> tuple[Any, ...]:
    return compile_root(Layout(FIXTURES / "mini"))


@given(label=valid_text(multiline=False), quote=valid_text(multiline=True))
@SETTINGS
def test_exporters_keep_any_valid_text(records: tuple[Any, ...], label: str, quote: str) -> None:
    entities, assertions, sources = json.loads(json.dumps(records))
    entities["PDCD4"]["label"] = label
    mir = next(a for a in assertions if a["id"] == "mini2024-mir21-pdcd4")
    mir["evidence"][0]["quote"] = quote
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        store_module.write(out / "db.sqlite", "x", entities, assertions, sources)
        store = store_module.Store(sqlite3.connect(out / "db.sqlite"), FIXTURES / "mini")

        tabular.graphml(store, out / "g.graphml")
        graph = nx.read_graphml(out / "g.graphml", force_multigraph=True)
        assert graph.nodes["PDCD4"]["label"] == label
        assert graph.edges["miR-21", "PDCD4", "mini2024-mir21-pdcd4"]["quote"] == quote

        tabular.node_link(store, out / "g.json")
        data = json.loads((out / "g.json").read_text(encoding="utf-8"))
        linked = nx.node_link_graph(data, directed=True, multigraph=True, **data["graph"]["node_link"])
        assert linked.nodes["PDCD4"]["label"] == label
        assert linked.edges["miR-21", "PDCD4", "mini2024-mir21-pdcd4"]["evidence"][0]["quote"] == quote

        tabular.tsv(store, out / "g.tsv")
        with (out / "g.tsv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t"))
        row = next(r for r in rows if r["id"] == "mini2024-mir21-pdcd4")
        assert (row["target_label"], row["quote"]) == (label, quote)

        tabular.sif(store, out / "g.sif")
        with (out / "g.sif").open(encoding="utf-8", newline="") as handle:
            assert ["miR-21", "decreases_amount", "PDCD4"] in list(csv.reader(handle, delimiter="\t"))

        kgx(store, out / "kgx")
        with (out / "kgx" / "nodes.tsv").open(encoding="utf-8", newline="") as handle:
            nodes = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
        assert next(n for n in nodes if n["id"] == "HGNC:8763")["name"] == label
        store.db.close()


JUNK = ["\t", ":", "- ", "[", "]", "{", "}", "&a ", "*a", "'", '"', "\n", "  ", "#", "|", "---\n", "\x1b", "\u202e"]
JUNK += ["\x00", ".inf", "0o17", "~", "yes", "\r", "\x85", "1:20", "!!binary "]


@given(
    st.sampled_from(["curation/entities/entities.yaml", "curation/assertions/mini2024.yaml", "sources/mini2024.yaml"]),
    st.lists(st.tuples(st.floats(0, 1), st.sampled_from(JUNK)), min_size=1, max_size=4),
)
@SETTINGS
def test_cli_never_tracebacks_on_damaged_curation(name: str, edits: list[tuple[float, str]]) -> None:
    text = (FIXTURES / "mini" / name).read_text(encoding="utf-8")
    for where, junk in edits:
        at = int(where * len(text))
        text = text[:at] + junk + text[at:]
    validate_with(text.encode("utf-8"), name)
