"""The ``exograph`` command: argument parsing and printing only.

Each command imports what it needs inside its body, so a query never pays for
pydantic, networkx or rdflib. Exit codes: 0 clean, 1 curation problems,
2 usage errors (bad option, unknown name or id).

One module per group of commands; this one only assembles them, and imports a
command's module only when that command runs (``--help`` lists them all), so a
query does not pay for the modules of the others.
"""

from __future__ import annotations

import importlib

import click

from exograph import __version__
from exograph.cli.common import Group

#: The module under ``exograph.cli`` that defines each command.
COMMAND_MODULES = {
    **dict.fromkeys(("drivers", "regulators", "targets", "show", "stats"), "queries"),
    **dict.fromkeys(("path", "conflicts", "summary", "explain", "search"), "reason"),
    **dict.fromkeys(("validate", "fmt", "schema"), "curate"),
    "lint": "lint",
    "export": "export",
    **dict.fromkeys(("sparql", "publish"), "sparql"),
    "diff": "review",
    **dict.fromkeys(("render", "site"), "web"),
}


class Commands(Group):
    """The group whose commands are imported when first asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:  # noqa: ARG002 - click.Group's signature
        return sorted(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:  # noqa: ARG002 - as above
        module = COMMAND_MODULES.get(cmd_name)
        if module is None:
            return None
        commands: tuple[click.Command, ...] = importlib.import_module(f"exograph.cli.{module}").COMMANDS
        return next(c for c in commands if c.name == cmd_name)


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="exograph")
def main() -> None:
    """exograph: mechanisms that regulate exosomes in cancer, curated from the literature."""
