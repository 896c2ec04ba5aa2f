"""``exograph lint``: curation rules beyond validation, with codes, fixes and per-record suppression."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from exograph.cli.common import format_option, print_problems, root_path


def _codes(value: str) -> list[str]:
    return [code for code in (part.strip() for part in value.split(",")) if code]


@click.command()
@click.argument("root", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--select", default="", metavar="CODES", help="Run only these rules: codes or prefixes (EXO1,EXO402).")
@click.option("--ignore", default="", metavar="CODES", help="Skip these rules: codes or prefixes.")
@format_option(
    "text",
    "json",
    "github",
    help="text: file:line:col: CODE message; json: everything, for scripts; github: workflow annotations.",
)
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings.")
@click.option("--list-rules", is_flag=True, help="Print every rule code, name and what it catches, then exit.")
def lint(root: Path | None, select: str, ignore: str, fmt: str, statistics: bool, list_rules: bool) -> None:
    """Lint the curation under ROOT (docs/lint.md); exit 1 on any finding or validation problem.

    A record silences a rule with `lint_ignore: [CODE]` and a `note` saying why.
    """
    from exograph.compiled.lint import lint as run
    from exograph.curation.lint import RULES, UnknownCode
    from exograph.curation.lint import report as render
    from exograph.layout import Layout

    if list_rules:
        for code in sorted(RULES):
            click.echo(f"{code}  {RULES[code].name}: {RULES[code].summary}")
        return
    layout = Layout(root_path(root))
    try:
        result = run(layout, _codes(select), _codes(ignore))
    except UnknownCode as exc:
        raise click.UsageError(str(exc)) from None
    if fmt == "json":
        click.echo(render.as_json(result), nl=False)
    elif fmt == "github":
        click.echo(render.github(result), nl=False)
        if statistics:
            click.echo(render.statistics_text(result), nl=False, err=True)
    else:
        if result.problems:
            print_problems(result.problems)
        click.echo(render.statistics_text(result) if statistics else render.text(result), nl=False)
    if result.problems or result.findings:
        if fmt == "text":
            n = len(result.findings)
            click.echo(
                f"{n} lint finding{'s' if n != 1 else ''}; fix them, or silence one on its record with "
                "lint_ignore: [CODE] and a note saying why (docs/lint.md).",
                err=True,
            )
        sys.exit(1)
    if fmt == "text":
        click.echo(f"ok: no lint findings in {layout.root}")


COMMANDS = (lint,)
