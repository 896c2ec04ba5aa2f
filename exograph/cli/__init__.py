"""The ``exograph`` command: argument parsing and printing only.

Each command imports what it needs inside its body, so a query never pays for
pydantic, networkx or rdflib. Exit codes: 0 clean, 1 curation problems,
2 usage errors (bad option, unknown name or id).

One module per group of commands; this one only assembles them.
"""

from __future__ import annotations

import click

from exograph import __version__
from exograph.cli import curate, export, lint, queries, reason, review, sparql, web
from exograph.cli.common import Group


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="exograph")
def main() -> None:
    """exograph: mechanisms that regulate exosomes in cancer, curated from the literature."""


for _module in (queries, reason, curate, lint, export, sparql, review, web):
    for _command in _module.COMMANDS:
        main.add_command(_command)
