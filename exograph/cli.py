"""The ``exograph`` command: argument parsing and printing only.

Each command imports what it needs inside its body, so a query never pays for
pydantic, networkx or rdflib. Exit codes: 0 clean, 1 curation problems,
2 usage errors (bad option, unknown name or id).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from exograph import __version__

F = TypeVar("F", bound=Callable[..., Any])
EXPORT_FORMATS = ("turtle", "nt", "jsonld", "graphml", "json", "tsv", "sif", "kgx")


def _root(value: Path | None) -> Path:
    from exograph.layout import find_root, is_root

    if value is None:
        return find_root()
    if not is_root(value):
        raise click.UsageError(f"{value} holds no curation/ and sources/ folders")
    return value


def _store(root: Path | None) -> Any:
    """Open compiled knowledge, or print every curation problem and exit 1."""
    from exograph.problems import CurationError
    from exograph.store import open_store

    try:
        return open_store(_root(root))
    except CurationError as exc:
        _print_problems(exc.problems)
        sys.exit(1)


def _print_problems(problems: list[Any]) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)
    click.echo(
        f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found; run 'exograph validate' after fixing them.",
        err=True,
    )


root_option = click.option(
    "--root",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Curation root (folder with curation/ and sources/); default: the checkout "
    "you stand in, else the curation shipped with exograph.",
)


def query_options(func: F) -> F:
    """The context filters and output format every query shares."""
    decorators = [
        root_option,
        click.option("--organism", help="Only assertions in this organism (e.g. human, NCBITaxon:10090)."),
        click.option("--cell-line", help="Only assertions in this cell line (e.g. Huh7)."),
        click.option("--cell-type", help="Only assertions in this cell type (e.g. macrophage)."),
        click.option("--disease", help="Only assertions in this disease (e.g. HCC)."),
        click.option("--condition", help="Only assertions under this condition (e.g. hypoxia)."),
        click.option("--source", help="Only assertions from this source id (e.g. liang2021)."),
        click.option("--no-hypotheses", is_flag=True, help="Leave out speculative assertions."),
        click.option("--evidence", "-e", is_flag=True, help="Table format: print quotes and cited references."),
        click.option(
            "--format",
            "fmt",
            type=click.Choice(["table", "json", "tsv"]),
            default="table",
            show_default=True,
            help="Output format.",
        ),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def _run_query(kind: str, name: str, options: dict[str, Any]) -> None:
    from exograph import query, render

    store = _store(options.pop("root"))
    fmt, evidence = options.pop("fmt"), options.pop("evidence")
    filters = query.Filters(hypotheses=not options.pop("no_hypotheses"), **options)
    try:
        result = getattr(query, kind)(store, name, filters)
    except query.UnknownName as exc:
        raise click.UsageError(str(exc)) from None
    text = render.table(result, evidence) if fmt == "table" else render.RENDERERS[fmt](result)
    click.echo(text, nl=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="exograph")
def main() -> None:
    """exograph: mechanisms that regulate exosomes in cancer, curated from the literature."""


@main.command()
@click.argument("name")
@query_options
def drivers(name: str, **options: Any) -> None:
    """What increases NAME (e.g. exograph drivers Rab27a)."""
    _run_query("drivers", name, options)


@main.command()
@click.argument("name")
@query_options
def regulators(name: str, **options: Any) -> None:
    """Every regulator of NAME, with its sign (e.g. "exosome secretion")."""
    _run_query("regulators", name, options)


@main.command()
@click.argument("name")
@query_options
def targets(name: str, **options: Any) -> None:
    """What NAME acts on (e.g. exograph targets hypoxia)."""
    _run_query("targets", name, options)


@main.command()
@click.argument("identifier")
@root_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def show(identifier: str, root: Path | None, fmt: str) -> None:
    """One assertion (by id) or entity (by name or CURIE), with its evidence."""
    import json

    from exograph import render

    store = _store(root)
    assertion = store.assertion(identifier)
    if assertion is not None:
        keys = {assertion["regulator"], assertion["target"]}
        keys |= {k for v in assertion["context"].values() if isinstance(v, list) for k in v}
        labels = store.labels(keys)
        text = (
            json.dumps(assertion, indent=2, ensure_ascii=False) + "\n"
            if fmt == "json"
            else render.assertion_text(assertion, labels)
        )
        click.echo(text, nl=False)
        return
    key = store.resolve(identifier)
    if key is None:
        hints = store.suggest(identifier)
        hint = f"; did you mean: {', '.join(hints)}?" if hints else ""
        raise click.UsageError(f"no assertion or entity is called '{identifier}'{hint}")
    entity = store.entity(key)
    if fmt == "json":
        click.echo(json.dumps(entity, indent=2, ensure_ascii=False))
    else:
        click.echo(render.entity_text(entity, len(store.by_target([key])), len(store.by_regulator([key]))), nl=False)


@main.command()
@click.argument("root", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
def validate(root: Path | None) -> None:
    """Check every curation file under ROOT; print file:line:col problems; exit 1 if any."""
    from exograph.compile import validate as run
    from exograph.layout import Layout

    layout = Layout(_root(root))
    checked, problems = run(layout)
    if problems:
        _print_problems(problems)
        sys.exit(1)
    click.echo(
        f"ok: {len(checked.sources)} sources, {len(checked.entities)} entities, "
        f"{len(checked.assertions)} assertions in {layout.root}"
    )


@main.command()
@click.argument("root", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--check", is_flag=True, help="Change nothing; exit 1 if a file is not in canonical form.")
def fmt(root: Path | None, check: bool) -> None:
    """Rewrite curation files in canonical form (fixed key order, unwrapped quotes)."""
    from exograph.fmt import format_root

    changed, problems = format_root(_root(root), write=not check)
    if problems:
        _print_problems(problems)
        sys.exit(1)
    for path in changed:
        click.echo(f"{'would reformat' if check else 'reformatted'} {path}")
    if check and changed:
        click.echo("run 'exograph fmt' to fix", err=True)
        sys.exit(1)


@main.command()
@root_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats(root: Path | None, fmt: str) -> None:
    """Counts by source, entity kind, effect and context."""
    import json

    from exograph.stats import counts, counts_text

    data = counts(_store(root))
    click.echo(json.dumps(data, indent=2) if fmt == "json" else counts_text(data), nl=fmt == "json")


@main.command()
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
    """Write the whole graph as Turtle, N-Triples, JSON-LD, GraphML, node-link JSON, TSV, SIF or KGX."""
    from exograph.exporters import EXPORTERS

    store = _store(root)
    EXPORTERS[fmt].write(store, output)
    click.echo(f"wrote {output} ({fmt})")


@main.command()
@click.argument("old")
@click.argument("new", required=False)
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown", show_default=True)
def diff(old: str, new: str | None, fmt: str) -> None:
    """Semantic diff of curation: OLD and NEW are roots or git revisions (NEW defaults to the working tree)."""
    from exograph.diff import diff_roots, render_json, render_markdown, resolve_side
    from exograph.problems import CurationError

    try:
        with resolve_side(old) as old_root, resolve_side(new) as new_root:
            changes = diff_roots(old_root, new_root)
    except CurationError as exc:
        _print_problems(exc.problems)
        sys.exit(1)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(render_json(changes) if fmt == "json" else render_markdown(changes), nl=False)


@main.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), default=Path("schema"))
@click.option("--check", is_flag=True, help="Exit 1 if the committed schemas differ from the models.")
def schema(folder: Path, check: bool) -> None:
    """Write JSON Schemas of the curation files (for editors) into FOLDER."""
    from exograph.schema import write_schemas

    stale = write_schemas(folder, write=not check)
    for path in stale:
        click.echo(f"{'stale' if check else 'wrote'} {path}")
    if check and stale:
        click.echo("run 'exograph schema' to regenerate", err=True)
        sys.exit(1)
