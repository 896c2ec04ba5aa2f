"""SPARQL over the curation (embedded store), and publishing the graph to a triple-store server."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from exograph.cli.common import format_option, load_store, root_option
from exograph.cli.export import iso_date, rdf_base

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
    help="Read the query from this file (e.g. query.rq) instead of the argument.",
)
@root_option
@base_option
@format_option(
    "table",
    "json",
    "csv",
    help="table for people; json and csv are the SPARQL 1.1 results formats (JSON-LD / N-Triples for CONSTRUCT).",
)
def sparql(query: str | None, query_file: Path | None, root: Path | None, base_iri: str | None, fmt: str) -> None:
    """Run a read-only SPARQL QUERY over the curation's RDF graph (the same graph as export --format turtle)."""
    if (query is None) == (query_file is None):
        raise click.UsageError("give a QUERY or -f FILE (one of them)")
    text = query if query is not None else query_file.read_text(encoding="utf-8")  # type: ignore[union-attr]
    base = rdf_base(base_iri)
    store = load_store(root)
    from exograph.sparql.embedded import graph_store
    from exograph.sparql.results import render

    graph = graph_store(store, base)
    try:
        results = graph.query(text)
    except SyntaxError as exc:
        raise click.UsageError(f"the SPARQL query does not parse: {exc}") from None
    except OSError as exc:  # e.g. an update (INSERT/DELETE) sent to the read-only store
        raise click.UsageError(f"the query cannot run on the read-only store: {exc}") from None
    click.echo(render(results, fmt), nl=False)


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
    EXOGRAPH_SPARQL_USER and EXOGRAPH_SPARQL_PASSWORD (basic). Exit 2 if the server cannot be
    reached or refuses the request.
    """
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
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    click.echo(f"published {done.size} bytes of N-Triples to {done.url} (HTTP {done.status})")


COMMANDS = (sparql, publish)
