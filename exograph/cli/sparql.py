"""SPARQL over the curation (embedded store), and publishing the graph to a triple-store server."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import click

from exograph.cli.common import format_option, load_store, root_option
from exograph.cli.export import iso_date, rdf_base
from exograph.export.prefixes import DEFAULT_BASE
from exograph.sparql.guard import MAX_LENGTH as MAX_QUERY_BYTES
from exograph.sparql.run import DEFAULT_LIMIT, DEFAULT_TIMEOUT

#: The exit status after Ctrl-C (128 + SIGINT), as shells report it.
INTERRUPTED = 130

base_option = click.option(
    "--base-iri", help="The namespace of exograph's own IRIs (as for export); default https://w3id.org/exograph/."
)


@click.command()
@click.argument("query", required=False)
@click.option(
    "-f",
    "--file",
    "query_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Read the query from this file (e.g. query.rq, UTF-8, at most 1 MB) instead of the argument.",
)
@root_option
@base_option
@format_option(
    "table",
    "json",
    "csv",
    help="table for people; json and csv are the SPARQL 1.1 results formats (JSON-LD / N-Triples for CONSTRUCT).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    help="Stop the query after this many seconds.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=DEFAULT_LIMIT,
    show_default=True,
    help="Show at most this many rows (or triples); a note on standard error says when more were cut.",
)
def sparql(
    query: str | None,
    query_file: Path | None,
    root: Path | None,
    base_iri: str | None,
    fmt: str,
    timeout: float,
    limit: int,
) -> None:
    """Run a read-only SPARQL QUERY over the curation's RDF graph (the same graph as export --format turtle).

    SERVICE (a request to another host) and updates are refused. Ctrl-C stops the query at once (exit 130).
    """
    if (query is None) == (query_file is None):
        raise click.UsageError("give a QUERY or -f FILE (one of them)")
    text = query if query is not None else read_query(query_file)  # type: ignore[arg-type]
    base = rdf_base(base_iri) or DEFAULT_BASE
    store = load_store(root)
    from exograph.safetext import visible
    from exograph.sparql.run import QueryError, run

    try:
        answer = run(store, text, base, fmt, timeout, limit)
    except QueryError as exc:
        raise click.UsageError(str(exc)) from None
    except KeyboardInterrupt:
        click.echo("\ninterrupted: the query was stopped", err=True)
        sys.exit(INTERRUPTED)
    click.echo(visible(answer.text) if fmt == "table" else answer.text, nl=False)
    if answer.cut:
        more = "give a larger --limit or narrow the query for the rest"
        click.echo(f"note: only the first {answer.shown} {answer.unit} are shown (--limit {limit}); {more}", err=True)


def read_query(path: Path) -> str:
    """The text of a query file: a regular file, UTF-8, at most :data:`MAX_QUERY_BYTES` (a usage error otherwise).

    Opened without waiting, so a named pipe or a device (``/dev/zero``) is refused instead of read for ever.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise click.UsageError(f"cannot read the query file {path}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise click.UsageError(f"the query file {path} is not a regular file: save the query in a file")
    with os.fdopen(descriptor, "rb") as file:
        raw = file.read(MAX_QUERY_BYTES + 1)
    if len(raw) > MAX_QUERY_BYTES:
        raise click.UsageError(f"the query file {path} is larger than {MAX_QUERY_BYTES:,} bytes: is it a query?")
    if b"\0" in raw:
        raise click.UsageError(f"the query file {path} holds binary data, not a SPARQL query")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise click.UsageError(f"the query file {path} is not UTF-8 (byte {exc.start + 1}): save it as UTF-8") from None


@click.command()
@click.option(
    "--endpoint",
    required=True,
    help="The server's SPARQL 1.1 Graph Store URL, e.g. http://localhost:7878/store (Oxigraph) "
    "or http://localhost:3030/exograph/data (Fuseki).",
)
@click.option("--graph", "graph_iri", help="Named graph to replace; default: the server's default graph.")
@root_option
@base_option
@click.option("--date", "release_date", help="The dataset's release date (YYYY-MM-DD), as for export.")
def publish(
    endpoint: str, graph_iri: str | None, root: Path | None, base_iri: str | None, release_date: str | None
) -> None:
    """Replace a graph on a triple-store server with the curation (one HTTP PUT, atomic on the server).

    Credentials are read from the environment only: EXOGRAPH_SPARQL_TOKEN (bearer), or
    EXOGRAPH_SPARQL_USER and EXOGRAPH_SPARQL_PASSWORD (basic); an endpoint holding user:password@
    is refused. Exit 2 if the server cannot be reached or refuses the request.
    """
    from exograph.safetext import visible
    from exograph.sparql.publish import PublishError, publish, target_url

    try:
        target_url(endpoint, graph_iri)
    except PublishError as exc:
        raise click.UsageError(str(exc)) from None
    base, date = rdf_base(base_iri), iso_date(release_date)
    store = load_store(root)
    try:
        done = publish(store, endpoint, graph_iri, base=base, release_date=date)
    except PublishError as exc:
        click.echo(f"error: {visible(str(exc))}", err=True)
        sys.exit(2)
    click.echo(f"published {done.size} bytes of N-Triples to {done.url} (HTTP {done.status})")


COMMANDS = (sparql, publish)
