"""Reviewing a curation change: the semantic diff with its checklist and answer impact."""

from __future__ import annotations

import os
import sys

import click

FORMATS = ("markdown", "json", "terminal")


@click.command()
@click.argument("old", required=False)
@click.argument("new", required=False)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="Output format; default: terminal when printing to a terminal, else markdown.",
)
def diff(old: str | None, new: str | None, fmt: str | None) -> None:
    """What a curation change does: a reviewer's checklist, the answers that change, every record changed.

    OLD and NEW are git revisions or curation folders; OLD defaults to the
    merge-base of HEAD with main, NEW to the working tree. Exit 1 when NEW
    fails validation (the report still prints), 2 for a side that cannot be read.
    """
    from exograph.layout import find_root
    from exograph.review.report import compare
    from exograph.review.sides import SideError

    try:
        report = compare(old, new, find_root())
    except SideError as exc:
        raise click.UsageError(str(exc)) from None
    tty = sys.stdout.isatty()
    fmt = fmt or ("terminal" if tty else "markdown")
    if fmt == "json":
        click.echo(report.model_dump_json(indent=2), nl=True)
    elif fmt == "terminal":
        from exograph.review import terminal

        color = tty and not os.environ.get("NO_COLOR")
        click.echo(terminal.render(report, color=color), nl=False, color=color)
    else:
        from exograph.review import markdown

        click.echo(markdown.render(report), nl=False)
    if report.new_problems:
        sys.exit(1)


COMMANDS = (diff,)
