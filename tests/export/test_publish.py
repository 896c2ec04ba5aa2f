"""`exograph publish` against a real Oxigraph server (the `oxigraph` package's binary), started on
127.0.0.1 for the test session and queried back over HTTP."""

from __future__ import annotations

import base64
import json
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import PROJECT_ROOT
from tests.export.test_sparql_cli import DOC, doc_queries, drivers_query, rows

GRAPH = "https://w3id.org/exograph/graph"
Cli = Callable[..., Result]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    assert found, "the oxigraph server is missing: install the test extra (pip install '.[test]')"
    return found


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    server = subprocess.Popen(
        # as docs/sparql.md starts it, so that its queries run there as printed
        [
            oxigraph_binary(),
            "serve",
            "--location",
            str(location),
            "--bind",
            f"127.0.0.1:{port}",
            "--union-default-graph",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode() if server.stderr else "server died"
                time.sleep(0.1)
        else:
            pytest.fail("oxigraph serve did not answer within 30 s")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


def server_query(url: str, query: str) -> list[dict[str, str]]:
    request = urllib.request.Request(
        f"{url}/query",
        data=urllib.parse.urlencode({"query": query}).encode(),
        headers={"Accept": "application/sparql-results+json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        data = json.loads(response.read())
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


def server_section_queries() -> list[str]:
    """The queries the Oxigraph section of docs/sparql.md sends with curl, as printed."""
    text = DOC.read_text(encoding="utf-8")
    section = text.split("### Oxigraph server")[1].split("\n### ")[0]
    return re.findall(r"--data-urlencode 'query=(.+?)'", section)


def test_publish_then_query_the_server_like_drivers(cli: Cli, oxigraph_server: str) -> None:
    endpoint = f"{oxigraph_server}/store"
    for _ in range(2):  # the second PUT replaces the graph, it does not add to it
        result = cli("publish", "--root", str(PROJECT_ROOT), "--endpoint", endpoint, "--graph", GRAPH)
        assert result.exit_code == 0, result.output
        assert "published" in result.output
    count = server_query(oxigraph_server, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH}> {{ ?s ?p ?o }} }}")
    local = cli("sparql", "--root", str(PROJECT_ROOT), "--format", "json", "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
    assert count[0]["n"] == json.loads(local.output)["results"]["bindings"][0]["n"]["value"]
    served = {r["assertion"] for r in server_query(oxigraph_server, drivers_query())}
    command = json.loads(cli("drivers", "RAB27A", "--root", str(PROJECT_ROOT), "--format", "json").output)
    assert served == {a["id"] for a in command["assertions"]} and served
    # every example query of docs/sparql.md, verbatim, gives the server the embedded store's answer
    for heading, query in doc_queries().items():
        on_server = server_query(oxigraph_server, query)
        embedded = rows(cli, query)
        assert sorted(map(sorted, (r.items() for r in on_server))) == sorted(map(sorted, (r.items() for r in embedded)))
        assert on_server, heading
    (printed,) = server_section_queries()
    assert server_query(oxigraph_server, printed) == count


def test_unreachable_server_is_exit_2(cli: Cli, mini: Path) -> None:
    result = cli("publish", "--root", str(mini), "--endpoint", f"http://127.0.0.1:{free_port()}/store")
    assert result.exit_code == 2 and "cannot reach" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--endpoint", "localhost:7878/store"), "not an http(s) URL"),
        (("--endpoint", "http://127.0.0.1:1/store", "--graph", "not an iri"), "graph IRI"),
    ],
)
def test_bad_publish_options_are_usage_errors(cli: Cli, mini: Path, args: tuple[str, ...], message: str) -> None:
    result = cli("publish", "--root", str(mini), *args)
    assert result.exit_code == 2 and message in result.output


def test_credentials_come_from_the_environment(cli: Cli, mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, str] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_PUT(self) -> None:
            seen.update(self.headers.items())
            seen["path"] = self.path
            self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(401)
            self.end_headers()

        def log_message(self, *_: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.handle_request)
    thread.start()
    monkeypatch.setenv("EXOGRAPH_SPARQL_USER", "curator")
    monkeypatch.setenv("EXOGRAPH_SPARQL_PASSWORD", "s3cret")
    result = cli("publish", "--root", str(mini), "--endpoint", f"http://127.0.0.1:{server.server_port}/data")
    thread.join(timeout=30)
    server.server_close()
    assert seen["Authorization"] == "Basic " + base64.b64encode(b"curator:s3cret").decode()
    assert seen["Content-Type"] == "application/n-triples" and seen["path"] == "/data?default"
    assert result.exit_code == 2 and "401" in result.output


def test_a_second_publish_replaces_the_graph(cli: Cli, mini: Path, oxigraph_server: str) -> None:
    """Publish A, then B (one assertion fewer): the server holds B only, not A and B merged."""
    graph = "https://w3id.org/exograph/replaced-graph"
    endpoint = f"{oxigraph_server}/store"
    gone = "https://w3id.org/exograph/assertion/mini2024-hif1a-rab27a"
    ask = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ <{gone}> ?p ?o }} }}"
    assert cli("publish", "--root", str(mini), "--endpoint", endpoint, "--graph", graph).exit_code == 0
    assert int(server_query(oxigraph_server, ask)[0]["n"]) > 0  # A holds it: the query can see it
    path = mini / "curation/assertions/mini2024.yaml"
    path.write_text(path.read_text(encoding="utf-8").split("  - id: mini2024-hif1a-rab27a")[0], encoding="utf-8")
    assert cli("publish", "--root", str(mini), "--endpoint", endpoint, "--graph", graph).exit_code == 0
    assert server_query(oxigraph_server, ask)[0]["n"] == "0"


class _Recorder(BaseHTTPRequestHandler):
    """Answers every PUT with 500 and a body full of terminal escape sequences; records that it was called."""

    calls: list[str] = []  # noqa: RUF012 - shared with the test on purpose

    def do_PUT(self) -> None:
        self.calls.append(self.path)
        self.rfile.read(int(self.headers["Content-Length"]))
        body = b"\x1b]0;pwned\x07\x1b[2J\x1b[31mboom\r\x9b1m"
        self.send_response(500, "Internal\x1b[5m Error")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_: object) -> None:
        pass


def test_a_server_reply_reaches_the_terminal_escaped(cli: Cli, mini: Path) -> None:
    server = HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.handle_request)
    thread.start()
    result = cli("publish", "--root", str(mini), "--endpoint", f"http://127.0.0.1:{server.server_port}/store")
    thread.join(timeout=30)
    server.server_close()
    assert result.exit_code == 2 and "answered 500" in result.output
    assert not any(c in result.output for c in "\x1b\x07\r\x9b")
    assert "\\x1b]0;pwned\\x07\\x1b[2J" in result.output


def test_credentials_in_the_url_are_refused_and_never_shown(cli: Cli, mini: Path) -> None:
    _Recorder.calls.clear()
    server = HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.handle_request, daemon=True)
    thread.start()
    endpoint = f"http://alice:hunter2@127.0.0.1:{server.server_port}/store"
    result = cli("publish", "--root", str(mini), "--endpoint", endpoint)
    server.server_close()
    assert result.exit_code == 2
    assert "hunter2" not in result.output and "alice" not in result.output
    assert "holds credentials" in result.output and "EXOGRAPH_SPARQL_USER" in result.output
    assert _Recorder.calls == []  # refused before any request


@pytest.mark.parametrize(
    ("endpoint", "message"),
    [
        ("http://127.0.0.1:99999/store", "has a bad port"),
        ("http://127.0.0.1:port/store", "has a bad port"),
        ("http://127.0.0.1:0/store", "has a bad port"),
        ("http://127.0.0.1:/store", "has a bad port"),
        ("http://127.0.0.1:7878/store\r\nX-Injected: 1", "a line break or a control character"),
        ("http://127.0.0.1:7878/my store", "holds a space"),
        ("http://127.0.0.1:7878/st\tore", "holds a space"),
    ],
)
def test_malformed_endpoints_are_usage_errors(cli: Cli, mini: Path, endpoint: str, message: str) -> None:
    result = cli("publish", "--root", str(mini), "--endpoint", endpoint)
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output
    assert "\r" not in result.output
