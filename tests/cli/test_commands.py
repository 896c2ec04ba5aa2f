"""The command table names every command of every module under ``exograph.cli``, and only those."""

from __future__ import annotations

import importlib
import pkgutil

import click

import exograph.cli
from exograph.cli import COMMAND_MODULES, main


def test_every_command_module_is_in_the_table() -> None:
    defined = {}
    for info in pkgutil.iter_modules(exograph.cli.__path__):
        module = importlib.import_module(f"exograph.cli.{info.name}")
        for command in getattr(module, "COMMANDS", ()):
            defined[command.name] = info.name
    assert defined == COMMAND_MODULES


def test_the_group_finds_each_command_and_nothing_else() -> None:
    ctx = click.Context(main)
    for name in main.list_commands(ctx):
        command = main.get_command(ctx, name)
        assert command is not None and command.name == name
    assert main.get_command(ctx, "no-such-command") is None


def test_a_command_spares_its_process_the_collection_at_shutdown() -> None:
    """A command's process ends after its answer: the collection Python runs at shutdown is skipped
    (exograph/collector.py), for every command, since the group does it."""
    from click.testing import CliRunner

    from exograph import collector

    collector.skip_final_collection.cache_clear()
    CliRunner().invoke(main, ["stats", "--help"])
    assert collector.skip_final_collection.cache_info().currsize == 1
