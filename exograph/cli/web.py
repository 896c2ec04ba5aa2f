"""Pictures: a pathway diagram of a neighbourhood or of the chains between two entities, and the website."""

from __future__ import annotations

from pathlib import Path

import click

from exograph.cli.common import Unusable, context_filters, load_store, root_option
from exograph.safetext import visible


@click.command()
@click.argument("name")
@context_filters
@click.option("--depth", type=click.IntRange(1, 3), default=1, show_default=True, help="Steps out from NAME.")
@click.option("--to", "to", metavar="NAME", help="Draw the chains from NAME to this entity instead.")
@click.option("--max-length", type=click.IntRange(1, 5), default=3, show_default=True, help="Longest chain for --to.")
@click.option("--limit", type=click.IntRange(4, 200), default=24, show_default=True, help="Most neighbours drawn.")
@click.option(
    "--max-chains", type=click.IntRange(1, 200), default=12, show_default=True, help="Most chains drawn for --to."
)
@click.option(
    "--across-contexts",
    is_flag=True,
    help="With --to, also chains joining steps from different diseases or cells (as path --across-contexts).",
)
@click.option(
    "--dpi",
    type=click.IntRange(48, 600),
    default=192,
    show_default=True,
    help="Resolution of a .png (192: twice a screen's, sharp on high-density displays).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Picture to write: .svg, .png, or .html (the SVG with each edge's citation and quote on hover).",
)
def render(
    name: str,
    root: Path | None,
    depth: int,
    to: str | None,
    max_length: int,
    limit: int,
    max_chains: int,
    across_contexts: bool,
    dpi: int,
    output: Path,
    **filters: str | None,
) -> None:
    """Draw NAME's neighbourhood (or, with --to, the chains from NAME to another entity) as a pathway diagram.

    The context filters are those of every query: only assertions that pass all of them are drawn."""
    from exograph.web.picture import SUFFIXES

    if output.suffix.lower() not in SUFFIXES:
        raise click.UsageError(f"-o must end in {', '.join(SUFFIXES)}, not '{visible(output.name)}'")
    from exograph.export.target import ExportTargetError
    from exograph.query.filters import BadFilter
    from exograph.query.neighbours import UnknownName, resolve
    from exograph.web import diagram, dot
    from exograph.web.picture import write_picture

    store = load_store(root)
    given = {k: v for k, v in filters.items() if v}
    try:
        key = resolve(store, name)
        end = resolve(store, to) if to else None
        picture = (
            diagram.between(store, key, end, max_length, max_chains, given, across_contexts)
            if end
            else diagram.neighbourhood(store, key, depth=depth, limit=limit, filters=given)
        )
    except (UnknownName, BadFilter) as exc:
        raise click.UsageError(visible(str(exc))) from None
    try:
        write_picture(picture, output, store.root, dpi)
    except ExportTargetError as exc:
        raise Unusable(str(exc)) from None
    except dot.GraphvizMissing as exc:
        raise Unusable(str(exc)) from None
    for note in picture.omitted:
        click.echo(f"note: {note}", err=True)
    nodes = sum(picture.shown(k) for k in picture.nodes)
    edges = sum(picture.shown(e.regulator) and picture.shown(e.target) for e in picture.edges)
    click.echo(f"wrote {output} ({nodes} entities, {edges} edges drawn)")


@click.command()
@root_option
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to write the site into: new, empty, or a site exograph built before (replaced as a whole).",
)
def site(root: Path | None, output: Path) -> None:
    """Write a static website of the whole curation (open OUTPUT/index.html, or serve the folder)."""
    from exograph.export.target import ExportTargetError
    from exograph.web.site import build_site

    try:
        pages = build_site(load_store(root), output)
    except ExportTargetError as exc:
        raise Unusable(str(exc)) from None
    click.echo(f"wrote {pages} pages to {output}")


COMMANDS = (render, site)
