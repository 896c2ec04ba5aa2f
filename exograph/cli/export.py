"""Writing the whole graph in the formats other tools load."""

from __future__ import annotations

from pathlib import Path

import click

from exograph.cli.common import Unusable, load_store, root_option

EXPORT_FORMATS = ("turtle", "nt", "jsonld", "graphml", "json", "tsv", "sif", "kgx")


@click.command()
@root_option
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True, help="Output format.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=True, path_type=Path),
    required=True,
    help="File to write (a new or previous export folder for kgx); written atomically, never over files "
    "exograph did not write.",
)
def export(root: Path | None, fmt: str, output: Path) -> None:
    """Write the whole graph as Turtle, N-Triples, JSON-LD, GraphML, node-link JSON, TSV, SIF or KGX."""
    from exograph.export import EXPORTERS
    from exograph.export.target import ExportTargetError

    store = load_store(root)
    try:
        EXPORTERS[fmt].write(store, output)
    except ExportTargetError as exc:
        raise Unusable(str(exc)) from None
    click.echo(f"wrote {output} ({fmt})")


COMMANDS = (export,)
