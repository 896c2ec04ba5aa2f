"""Writing the whole graph in the formats other tools load."""

from __future__ import annotations

from pathlib import Path

import click

from exograph.cli.common import load_store, root_option

EXPORT_FORMATS = (
    "turtle",
    "nt",
    "jsonld",
    "graphml",
    "json",
    "tsv",
    "sif",
    "kgx",
    "cx2",
    "signor",
    "omnipath",
    "indra",
)


@click.command()
@root_option
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True, help="Output format.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=True, path_type=Path),
    required=True,
    help="File to write (a folder for kgx); written atomically.",
)
def export(root: Path | None, fmt: str, output: Path) -> None:
    """Write the whole graph in one of the formats of ``exograph.export.EXPORTERS`` (docs/exports.md)."""
    from exograph.export import EXPORTERS

    store = load_store(root)
    EXPORTERS[fmt].write(store, output)
    click.echo(f"wrote {output} ({fmt})")


COMMANDS = (export,)
