"""Writing the whole graph in the formats other tools load."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import click

from exograph.cli.common import Unusable, load_store, root_option

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
RDF_FORMATS = ("turtle", "nt", "jsonld")


def _list_formats(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from exograph.export import EXPORTERS

    width = max(map(len, EXPORTERS))
    for name, exporter in EXPORTERS.items():
        dropped = "" if exporter.keeps_context else " [drops context: edges read as unconditional]"
        click.echo(f"{name:<{width}}  {exporter.description}{dropped}")
    ctx.exit(0)


@click.command()
@root_option
@click.option(
    "--list",
    "list_formats",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_list_formats,
    help="List every format with what it is for, and exit.",
)
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True, help="Output format.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=True, allow_dash=True, path_type=Path),
    help="File to write (a new or previous export folder for kgx); written atomically, never over files "
    "exograph did not write, nor over a link, a device or another user's file. '-' or no -o: standard "
    "output (every format but kgx).",
)
@click.option(
    "--base-iri",
    help="RDF formats: the namespace of exograph's own IRIs (assertions, sources, local entities); "
    "default https://w3id.org/exograph/.",
)
@click.option(
    "--date",
    "release_date",
    help="RDF formats: the dataset's release date (YYYY-MM-DD); default: the year of the newest source.",
)
@click.option(
    "--include-negated",
    is_flag=True,
    help="indra: also write negated findings (left out by default: INDRA's assemblers would state them as facts).",
)
@click.option(
    "--all-scopes",
    is_flag=True,
    help="sif, omnipath, indra: also write findings on engineered vesicles and lab methods (left out by default).",
)
def export(
    root: Path | None,
    fmt: str,
    output: Path | None,
    base_iri: str | None,
    release_date: str | None,
    include_negated: bool,
    all_scopes: bool,
) -> None:
    """Write the whole graph in one of the formats of ``exograph.export.EXPORTERS`` (docs/exports.md)."""
    from exograph.export import EXPORTERS
    from exograph.export.target import ExportTargetError

    exporter = EXPORTERS[fmt]
    to_stdout = output is None or str(output) == "-"
    if to_stdout and exporter.directory:
        raise click.UsageError(f"{fmt} writes a folder, not one stream: give -o FOLDER")
    options: dict[str, str | bool | None] = {}
    if fmt in RDF_FORMATS:
        options = {"base": rdf_base(base_iri), "release_date": iso_date(release_date)}
    elif base_iri or release_date:
        raise click.UsageError("--base-iri and --date apply to the RDF formats only (turtle, nt, jsonld)")
    for flag, name, value in (
        ("--include-negated", "include_negated", include_negated),
        ("--all-scopes", "all_scopes", all_scopes),
    ):
        if value and name not in exporter.options:
            takers = ", ".join(n for n, e in EXPORTERS.items() if name in e.options)
            raise click.UsageError(f"{flag} applies to {takers} only")
        if value:
            options[name] = True
    store = load_store(root)
    try:
        if output is None or to_stdout:
            _to_stdout(store, exporter, options)
            return
        exporter.write(store, output, **options)
    except ExportTargetError as exc:
        raise Unusable(str(exc)) from None
    click.echo(f"wrote {output} ({fmt})")


def _to_stdout(store: Any, exporter: Any, options: dict[str, str | bool | None]) -> None:
    """Render into a private temporary folder, then copy to standard output (a reader that stops early,
    such as ``head``, ends the command quietly)."""
    import os
    import shutil
    import sys
    import tempfile

    with tempfile.TemporaryDirectory(prefix="exograph-export-") as folder:
        path = Path(folder) / f"exograph.{exporter.name}"
        exporter.write(store, path, **options)
        sys.stdout.flush()
        stream = sys.stdout.buffer
        try:
            with path.open("rb") as rendered:
                shutil.copyfileobj(rendered, stream)
            stream.flush()
        except BrokenPipeError:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
            sys.exit(0)


def rdf_base(value: str | None) -> str | None:
    """``value`` checked as a base IRI (a usage error otherwise); shared by export, sparql and publish."""
    if value is None:
        return None
    from exograph.export.prefixes import BadBase, check_base

    try:
        return check_base(value)
    except BadBase as exc:
        raise click.UsageError(str(exc)) from None


def iso_date(value: str | None) -> str | None:
    if value is None:
        return None
    import datetime

    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise click.UsageError(f"--date {value!r} is not a date in the form YYYY-MM-DD")
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        raise click.UsageError(f"--date {value!r} is not a valid date") from None
    return value


COMMANDS = (export,)
