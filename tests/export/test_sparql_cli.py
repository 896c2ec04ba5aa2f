"""`exograph sparql` over the embedded store, and the example queries of docs/sparql.md."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from exograph.compiled.store import open_store
from exograph.sparql.embedded import cached_store_path
from tests.conftest import PROJECT_ROOT

DOC = PROJECT_ROOT / "docs" / "sparql.md"
Cli = Callable[..., Result]


def doc_queries() -> dict[str, str]:
    """Heading -> query (with the shared prefixes) for every example in docs/sparql.md."""
    text = DOC.read_text(encoding="utf-8")
    prefixes, *_ = re.findall(r"```sparql\n(.*?)```", text, re.DOTALL)
    found = {}
    for heading, body in re.findall(r"^### (.+?)\n(.*?)(?=^### |^## |\Z)", text, re.DOTALL | re.MULTILINE):
        blocks = re.findall(r"```sparql\n(.*?)```", body, re.DOTALL)
        if blocks:
            found[heading] = prefixes + blocks[0]
    return found


def rows(cli: Cli, query: str, root: Path = PROJECT_ROOT) -> list[dict[str, str]]:
    result = cli("sparql", "--root", str(root), "--format", "json", query)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


def drivers_query() -> str:
    return doc_queries()["What drives RAB27A (the same answer as `exograph drivers RAB27A`)"]


def test_doc_examples_answer_on_the_curation(cli: Cli) -> None:
    queries = doc_queries()
    assert len(queries) == 5
    hypoxia = rows(cli, queries["Regulators of exosome secretion under hypoxia, with their quotes"])
    assert {"Hypoxia", "RAB27A", "HIF1A"} <= {r["regulator"] for r in hypoxia}
    assert all(r["quote"] for r in hypoxia)
    chains = rows(cli, queries["Two-step chains into exosome secretion"])
    assert ("ARNT", "HIF1A") in {(r["first"], r["middle"]) for r in chains}
    paper = rows(cli, queries["Everything from one paper"])
    assert paper and all(r["assertion"].startswith("liang2021-") for r in paper)
    assert {r["assertion"] for r in paper} == {
        a["id"] for a in open_store(PROJECT_ROOT).assertions() if a["source"] == "liang2021"
    }
    biolink = rows(cli, queries["Biolink's reading: what raises or lowers a gene product's activity or abundance"])
    assert biolink and {r["direction"] for r in biolink} == {"increased", "decreased"}
    assert all(r["relation"].startswith("http://purl.obolibrary.org/obo/RO_") for r in biolink)
    assert ("ARNT", "increased", "HIF1A") in {(r["regulator"], r["direction"], r["target"]) for r in biolink}


def test_drivers_query_matches_the_drivers_command(cli: Cli) -> None:
    command = json.loads(cli("drivers", "RAB27A", "--root", str(PROJECT_ROOT), "--format", "json").output)
    assert {r["assertion"] for r in rows(cli, drivers_query())} == {a["id"] for a in command["assertions"]}


def test_formats_and_query_file(cli: Cli, tmp_path: Path) -> None:
    query = tmp_path / "count.rq"
    query.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?a a <https://w3id.org/biolink/vocab/Association> }\n")
    table = cli("sparql", "--root", str(PROJECT_ROOT), "-f", str(query))
    assert table.exit_code == 0 and table.output.splitlines()[0] == "n" and table.output.endswith("(1 row)\n")
    as_csv = cli("sparql", "--root", str(PROJECT_ROOT), "-f", str(query), "--format", "csv")
    assert list(csv.reader(io.StringIO(as_csv.output)))[1] == [str(len(open_store(PROJECT_ROOT).assertion_ids()))]
    ask = cli("sparql", "--root", str(PROJECT_ROOT), "ASK { ?s ?p ?o }", "--format", "json")
    assert json.loads(ask.output)["boolean"] is True


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("SELEC ?x",), "does not parse"),
        (("INSERT DATA { <http://a> <http://b> <http://c> }",), "read-only: updates are not allowed (INSERT)"),
        (("PREFIX ex: <http://e/> # a comment\nDELETE WHERE { ?s ?p ?o }",), "read-only: updates are not allowed"),
        (("LOAD <http://127.0.0.1:9/x.ttl>",), "read-only: updates are not allowed (LOAD)"),
        ((), "give a QUERY or -f FILE"),
        (("SELECT * {}", "--base-iri", "nope"), "base IRI"),
    ],
)
def test_bad_queries_are_usage_errors(cli: Cli, mini: Path, args: tuple[str, ...], message: str) -> None:
    result = cli("sparql", "--root", str(mini), *args)
    assert result.exit_code == 2 and message in result.output


def test_store_is_cached_and_follows_edits(cli: Cli, mini: Path) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?a a <https://w3id.org/biolink/vocab/Association> }"
    assert rows(cli, count, mini)[0]["n"] == "5"
    folder = cached_store_path(open_store(mini))
    built = (folder / "fingerprint").stat().st_mtime_ns
    assert rows(cli, count, mini)[0]["n"] == "5"
    assert (folder / "fingerprint").stat().st_mtime_ns == built  # reused, not rebuilt
    path = mini / "curation/assertions/mini2024.yaml"
    path.write_text(path.read_text(encoding="utf-8").split("  - id: mini2024-hif1a-rab27a")[0], encoding="utf-8")
    assert rows(cli, count, mini)[0]["n"] == "4"
    # Rebuilt in its folder (the old build replaced), not answered from a store built in memory for one query.
    assert (folder / "fingerprint").stat().st_mtime_ns != built
    rebuilt = (folder / "fingerprint").stat().st_mtime_ns
    assert rows(cli, count, mini)[0]["n"] == "4"
    assert (folder / "fingerprint").stat().st_mtime_ns == rebuilt


@pytest.mark.parametrize("damage", [b"\xff\xfe\x00garbage", b"", b"0" * 10_000])
def test_a_damaged_build_key_means_a_rebuild(cli: Cli, mini: Path, damage: bytes) -> None:
    """The file naming what the store was built from, damaged (bytes that are not UTF-8, empty, huge): rebuilt."""
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?a a <https://w3id.org/biolink/vocab/Association> }"
    assert rows(cli, count, mini)[0]["n"] == "5"
    key = cached_store_path(open_store(mini)) / "fingerprint"
    good = key.read_bytes()
    key.write_bytes(damage)
    assert rows(cli, count, mini)[0]["n"] == "5"
    assert key.read_bytes() == good


def test_a_damaged_cached_store_is_rebuilt(cli: Cli, mini: Path) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?a a <https://w3id.org/biolink/vocab/Association> }"
    assert rows(cli, count, mini)[0]["n"] == "5"
    store_folder = cached_store_path(open_store(mini)) / "store"
    for path in store_folder.iterdir():
        if path.is_file():
            path.write_bytes(b"garbage")
    assert rows(cli, count, mini)[0]["n"] == "5"


def test_a_cache_folder_with_uri_characters_in_its_name(
    cli: Cli, mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The query runs on the compiled cache opened read-only by URI, where '#' would end the file name."""
    monkeypatch.setenv("EXOGRAPH_CACHE_DIR", str(tmp_path / "a#b" / "cache"))
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?a a <https://w3id.org/biolink/vocab/Association> }"
    assert rows(cli, count, mini)[0]["n"] == "5"
    assert not (tmp_path / "a").exists()
