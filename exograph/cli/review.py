"""Reviewing a curation change: the semantic diff."""

from __future__ import annotations

import sys

import click

from exograph.cli.common import print_problems


@click.command()
@click.argument("old")
@click.argument("new", required=False)
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown", show_default=True)
def diff(old: str, new: str | None, fmt: str) -> None:
    """Semantic diff of curation: OLD and NEW are roots or git revisions (NEW defaults to the working tree)."""
    from exograph.curation.problems import CurationError
    from exograph.review.diff import diff_roots, render_json, render_markdown, resolve_side

    try:
        with resolve_side(old) as old_root, resolve_side(new) as new_root:
            changes = diff_roots(old_root, new_root)
    except CurationError as exc:
        print_problems(exc.problems)
        sys.exit(1)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(render_json(changes) if fmt == "json" else render_markdown(changes), nl=False)


COMMANDS = (diff,)
