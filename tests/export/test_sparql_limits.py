"""`exograph sparql` refuses what could hurt (SERVICE, updates, deep nesting, odd query files) and can be stopped
(a time limit, a row limit, Ctrl-C)."""

from __future__ import annotations

import faulthandler
import io
import json
import os
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import Result

from exograph.sparql.errors import syntax_message
from exograph.sparql.results import render

Cli = Callable[..., Result]
#: Every triple four times over: about 10^11 rows on the fixture, so it runs until stopped.
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a a <https://w3id.org/biolink/vocab/Association> }"


@pytest.fixture
def listener() -> Iterator[tuple[int, list[bytes]]]:
    """A plain TCP server on 127.0.0.1 that records whatever connects to it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.2)
    received: list[bytes] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except TimeoutError:
                continue
            with connection:
                connection.settimeout(1)
                try:
                    received.append(connection.recv(1000) or b"<connected>")
                except OSError:
                    received.append(b"<connected>")

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], received
    stop.set()
    thread.join(5)
    server.close()


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:PORT/sparql> { ?s ?p ?o } }",
        "select * where { service silent <http://127.0.0.1:PORT/sparql> { ?s ?p ?o } }",
        "PREFIX h: <http://127.0.0.1:PORT/>\nSELECT * WHERE { ?x ?y ?z # a comment\n SERVICE h:sparql { ?s ?p ?o } }",
    ],
)
def test_service_is_refused_and_nothing_connects(
    cli: Cli, mini: Path, tmp_path: Path, listener: tuple[int, list[bytes]], query: str
) -> None:
    port, received = listener
    path = tmp_path / "query.rq"
    path.write_text(query.replace("PORT", str(port)), encoding="utf-8")
    for args in (("-f", str(path)), (query.replace("PORT", str(port)),)):
        result = cli("sparql", "--root", str(mini), *args)
        assert result.exit_code == 2
        assert "SERVICE (line" in result.output and "never sends requests to other hosts" in result.output
    with socket.create_connection(("127.0.0.1", port)) as probe:  # the listener works: it records this one
        probe.sendall(b"probe")
    for _ in range(50):
        if received:
            break
        threading.Event().wait(0.05)
    assert received == [b"probe"]


def test_the_word_service_inside_strings_iris_and_variables_is_fine(cli: Cli, mini: Path) -> None:
    query = 'SELECT ?service WHERE { ?service ?p "SERVICE <http://x/>" } # SERVICE\nLIMIT 1'
    assert cli("sparql", "--root", str(mini), query).exit_code == 0


@pytest.mark.parametrize(("opening", "closing"), [("{", "}"), ("(", ")")])
def test_deep_nesting_is_refused_before_the_engine(cli: Cli, mini: Path, opening: str, closing: str) -> None:
    depth = 5_000 if opening == "{" else 100_000
    inner = f"FILTER({opening * depth}1{closing * depth})" if opening == "(" else opening * depth + closing * depth
    result = cli("sparql", "--root", str(mini), f"SELECT * WHERE {{ {inner} }}")
    assert result.exit_code == 2 and "nests brackets more than 200 deep (line 1)" in result.output


def test_the_time_limit_stops_a_runaway_query(cli: Cli, mini: Path) -> None:
    result = cli("sparql", "--root", str(mini), "--timeout", "0.5", CARTESIAN)
    assert result.exit_code == 2
    assert "ran longer than 0.5 s and was stopped" in result.output and "--timeout" in result.output


@pytest.mark.usefixtures("ctrl_c_heard")
def test_ctrl_c_stops_a_runaway_query_at_once(cli: Cli, mini: Path) -> None:
    assert cli("sparql", "--root", str(mini), COUNT).exit_code == 0  # the store built: the child goes to the query
    command = [sys.executable, "-m", "exograph", "sparql", "--root", str(mini), CARTESIAN]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    for _ in range(400):  # the query's process started (the parent forks it once the store is open)
        if children.exists() and children.read_text().split():
            break
        threading.Event().wait(0.05)
    [child] = map(int, children.read_text().split())
    threading.Event().wait(0.5)  # well inside the query
    os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole process group
    try:
        out, err = process.communicate(timeout=20)  # before the fix, it ran on past 60 s (20: a loaded machine)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 130
    assert out == b"" and err.decode().strip() == "interrupted: the query was stopped"
    with pytest.raises(ProcessLookupError):
        os.kill(child, 0)  # the engine's process is gone, not left running


def test_the_row_limit_says_when_it_cut(mini: Path) -> None:
    from click.testing import CliRunner

    from exograph.cli import main

    runner = CliRunner()
    everything = "SELECT * WHERE { ?s ?p ?o }"
    table = runner.invoke(main, ["sparql", "--root", str(mini), "--limit", "3", everything])
    assert table.exit_code == 0 and table.stdout.endswith("(first 3 rows: more were cut at the limit)\n")
    assert len(table.stdout.splitlines()) == 5
    assert "only the first 3 rows are shown (--limit 3)" in table.stderr
    as_json = runner.invoke(main, ["sparql", "--root", str(mini), "--limit", "3", "--format", "json", everything])
    assert len(json.loads(as_json.stdout)["results"]["bindings"]) == 3 and "--limit 3" in as_json.stderr
    triples = runner.invoke(
        main, ["sparql", "--root", str(mini), "--limit", "2", "--format", "csv", "CONSTRUCT WHERE { ?s ?p ?o }"]
    )
    assert len(triples.stdout.splitlines()) == 2 and "only the first 2 triples" in triples.stderr
    whole = runner.invoke(main, ["sparql", "--root", str(mini), COUNT])
    assert whole.stderr == "" and whole.stdout.endswith("(1 row)\n")


def test_json_and_csv_are_the_engines_own_formats() -> None:
    """Written row by row (so an answer can stop at the limit), the same documents as pyoxigraph's writers."""
    store = pyoxigraph.Store()
    p = pyoxigraph.NamedNode("http://e/p")
    store.add(pyoxigraph.Quad(pyoxigraph.NamedNode("http://e/a"), p, pyoxigraph.Literal('x, "y"\nz', language="en")))
    integer = pyoxigraph.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
    store.add(pyoxigraph.Quad(pyoxigraph.BlankNode("b1"), p, pyoxigraph.Literal("1", datatype=integer)))
    store.add(pyoxigraph.Quad(pyoxigraph.BlankNode("b1"), p, pyoxigraph.Literal("plain")))
    query = "SELECT ?s ?o ?unbound WHERE { ?s ?p ?o }"
    for fmt, engine_format in (
        ("json", pyoxigraph.QueryResultsFormat.JSON),
        ("csv", pyoxigraph.QueryResultsFormat.CSV),
    ):
        expected = io.BytesIO()
        store.query(query).serialize(expected, engine_format)
        ours = render(store.query(query), fmt, 100)
        assert not ours.cut and ours.shown == 3
        if fmt == "json":
            assert json.loads(ours.text) == json.loads(expected.getvalue())
        else:
            assert ours.text == expected.getvalue().decode()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "holds binary data, not a SPARQL query"),
        ('SELECT * WHERE { ?s ?p "caf\u00e9" }'.encode("latin-1"), "is not UTF-8 (byte 28): save it as UTF-8"),
        (b"#" * 1_000_001, "is larger than 1,000,000 bytes"),
    ],
)
def test_odd_query_files_are_clear_errors(cli: Cli, mini: Path, tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "query.rq"
    path.write_bytes(content)
    result = cli("sparql", "--root", str(mini), "-f", str(path))
    assert result.exit_code == 2 and message in result.output


@pytest.mark.parametrize("kind", ["fifo", "device", "folder", "missing"])
def test_query_files_that_never_end_are_refused_unread(cli: Cli, mini: Path, tmp_path: Path, kind: str) -> None:
    path = tmp_path / "query.rq"
    if kind == "fifo":
        os.mkfifo(path)  # no writer: reading it would wait for ever
    elif kind == "device":
        path.symlink_to("/dev/zero")  # reading it would never end
    elif kind == "folder":
        path.mkdir()
    result = cli("sparql", "--root", str(mini), "-f", str(path))
    assert result.exit_code == 2
    expected = {"missing": "does not exist", "folder": "is a directory"}.get(kind, "is not a regular file")
    assert expected in result.output and "Traceback" not in result.output


def test_syntax_errors_are_one_short_line(cli: Cli, mini: Path) -> None:
    result = cli("sparql", "--root", str(mini), 'SELECT * WHERE { ?s ?p "unclosed }')
    assert result.exit_code == 2
    error = result.output.splitlines()[-1]
    assert error == 'Error: the SPARQL query does not parse at line 1, column 35 (near "the end of the line")'
    result = cli("sparql", "--root", str(mini), "SELECT * WHERE {\n  ?s ?p ?o } LIMIT x")
    assert 'at line 2, column 20 (near "x"): expected HAVING, OFFSET, OPTIONAL, VALUES' in result.output
    assert "'0'..='9'" not in result.output


def test_an_engine_message_of_another_shape_is_kept_short() -> None:
    assert (
        syntax_message("something else " * 100, "SELECT")
        == "the SPARQL query does not parse: " + ("something else " * 100)[:200]
    )


def test_a_crash_of_the_engine_is_a_message(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The engine runs in its own process: if it dies (as it did on deep nesting), the command still reports."""
    from exograph.compiled.store import open_store
    from exograph.sparql import run as running

    def crash(*_: object) -> None:
        faulthandler.disable()  # pytest's handler would print the crash as if the test had failed
        os.kill(os.getpid(), signal.SIGSEGV)

    monkeypatch.setattr(running, "_answer", crash)
    with pytest.raises(running.QueryError, match=r"the query engine stopped on this query \(exit -11\)"):
        running.run(open_store(mini), COUNT, "https://w3id.org/exograph/", "table", 10, 10)
