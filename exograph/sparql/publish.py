"""Push the curation's graph to a triple-store server with the SPARQL 1.1 Graph Store HTTP Protocol.

One HTTP PUT of the whole graph replaces the target graph in one request, which Oxigraph, Apache
Jena Fuseki, GraphDB and QLever apply atomically: readers see the old graph or the new one, never
half of each. Credentials come from the environment only (never the command line, where they
would show in the process list and shell history): an endpoint URL holding ``user:password@`` is
refused, and never repeated in a message. Whatever the server answers reaches the terminal
escaped (:func:`exograph.safetext.visible`): a reply may hold escape sequences.
"""

from __future__ import annotations

import base64
import http.client
import os
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from exograph.compiled.store import Store
from exograph.export.rdf import export
from exograph.safetext import visible

USER_VARIABLE, PASSWORD_VARIABLE, TOKEN_VARIABLE = (
    "EXOGRAPH_SPARQL_USER",
    "EXOGRAPH_SPARQL_PASSWORD",
    "EXOGRAPH_SPARQL_TOKEN",
)


class PublishError(Exception):
    """The server could not be reached, refused the request, or the endpoint is malformed."""


@dataclass(frozen=True, slots=True)
class Published:
    url: str
    status: int
    size: int


def target_url(endpoint: str, graph: str | None) -> str:
    """The Graph Store Protocol URL: ``?graph=IRI`` for a named graph, ``?default`` for the default graph.

    An endpoint holding credentials is refused without being repeated (it would show in CI logs).
    """
    if any(c.isspace() or not c.isprintable() for c in endpoint):
        raise PublishError(
            "the endpoint holds a space, a line break or a control character: write the URL on its own, "
            "e.g. http://localhost:7878/store"
        )
    parts = urllib.parse.urlsplit(endpoint)
    if "@" in parts.netloc:
        raise PublishError(
            "the endpoint holds credentials (user:password@host); they are never read from the command line, "
            f"where they show in logs and the process list: remove them and set {USER_VARIABLE} and "
            f"{PASSWORD_VARIABLE} (or {TOKEN_VARIABLE}) instead"
        )
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PublishError(f"endpoint {endpoint!r} is not an http(s) URL, e.g. http://localhost:7878/store")
    try:
        port = parts.port
    except ValueError:
        port = 0
    if port == 0 or parts.netloc.endswith(":"):
        raise PublishError(f"endpoint {endpoint!r} has a bad port: give a number from 1 to 65535, or none")
    if graph is not None and (not urllib.parse.urlsplit(graph).scheme or any(c in graph for c in ' <>"{}|^`\\')):
        raise PublishError(f"graph IRI {graph!r} must be an absolute IRI, e.g. https://w3id.org/exograph/graph")
    query = urllib.parse.urlencode({"graph": graph}) if graph else "default"
    joined = f"{parts.query}&{query}" if parts.query else query
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, joined, ""))


def _authorization() -> str | None:
    token = os.environ.get(TOKEN_VARIABLE)
    if token:
        return f"Bearer {token}"
    user = os.environ.get(USER_VARIABLE)
    if user:
        secret = f"{user}:{os.environ.get(PASSWORD_VARIABLE, '')}".encode()
        return "Basic " + base64.b64encode(secret).decode("ascii")
    return None


def publish(
    store: Store,
    endpoint: str,
    graph: str | None = None,
    base: str | None = None,
    release_date: str | None = None,
    timeout: float = 600,
) -> Published:
    """PUT the whole export as N-Triples to ``endpoint`` (the server's Graph Store URL)."""
    url = target_url(endpoint, graph)
    with tempfile.TemporaryDirectory(prefix="exograph-publish-") as tmp:
        path = Path(tmp) / "graph.nt"
        export(store, path, "nt", base, release_date)
        size = path.stat().st_size
        with path.open("rb") as body:
            request = urllib.request.Request(url, data=body, method="PUT")
            request.add_header("Content-Type", "application/n-triples")
            request.add_header("Content-Length", str(size))
            if (authorization := _authorization()) is not None:
                request.add_header("Authorization", authorization)
            try:
                with urllib.request.urlopen(request, timeout=timeout) as response:
                    return Published(url, response.status, size)
            except urllib.error.HTTPError as exc:
                detail = exc.read(500).decode("utf-8", "replace").strip()
                raise PublishError(visible(f"{url} answered {exc.code} {exc.reason}: {detail}")) from None
            except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
                reason = getattr(exc, "reason", None) or exc
                raise PublishError(visible(f"cannot reach {url}: {reason}")) from None
