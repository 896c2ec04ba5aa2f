"""Curator commands: validate, canonical formatting, editor schemas."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from exograph.cli.common import format_option, print_problems, root_path

root_argument = click.argument("root", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))


@click.command()
@root_argument
@format_option(
    "text",
    "github",
    help="github: each problem also as a GitHub Actions annotation (::error file=…,line=…::…) on stdout.",
)
@click.option("--all", "show_all", is_flag=True, help="Print every problem (by default the first 50 and a count).")
def validate(root: Path | None, fmt: str, show_all: bool) -> None:
    """Check every curation file under ROOT; print file:line:col problems; exit 1 if any."""
    from exograph.compiled.incremental import validate as run
    from exograph.layout import Layout

    layout = Layout(root_path(root))
    outcome = run(layout)
    problems = outcome.problems
    if problems:
        if fmt == "github":
            from exograph.review.github import annotation

            for problem in problems:
                click.echo(annotation(problem, layout.root, "exograph validate"))
        print_problems(problems, show_all)
        sys.exit(1)
    click.echo(
        f"ok: {len(outcome.checked.sources)} sources, {len(outcome.checked.entities)} entities, "
        f"{outcome.assertions} assertions in {layout.root}"
    )


@click.command()
@root_argument
@click.option("--check", is_flag=True, help="Change nothing; exit 1 if a file is not in canonical form.")
def fmt(root: Path | None, check: bool) -> None:
    """Rewrite curation files in canonical form (fixed key order, unwrapped quotes)."""
    from exograph.curation.fmt import format_root

    changed, problems = format_root(root_path(root), write=not check)
    if problems:
        print_problems(problems)
        sys.exit(1)
    for path in changed:
        click.echo(f"{'would reformat' if check else 'reformatted'} {path}")
    if check and changed:
        click.echo("run 'exograph fmt' to fix", err=True)
        sys.exit(1)


@click.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), default=Path("schema"))
@click.option("--check", is_flag=True, help="Exit 1 if the committed schemas differ from the models.")
def schema(folder: Path, check: bool) -> None:
    """Write JSON Schemas of the curation files (for editors) into FOLDER."""
    from exograph.curation.schema import write_schemas

    stale = write_schemas(folder, write=not check)
    for path in stale:
        click.echo(f"{'stale' if check else 'wrote'} {path}")
    if check and stale:
        click.echo("run 'exograph schema' to regenerate", err=True)
        sys.exit(1)


COMMANDS = (validate, fmt, schema)
