"""Every ```console example in README.md and docs/*.md shows what the command really prints.

Each runnable ``$ exograph ...`` line (see :mod:`tests.docs.console`) runs once, through click's
runner from the project root, with one private cache shared by the whole module; the lines shown
under it must be an excerpt of its output, with the project's absolute path written as
``/path/to/exograph``.
"""

from __future__ import annotations

import os
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from exograph.cli import main
from tests.docs.console import (
    PAGES,
    PROJECT_ROOT,
    SHOWN_ROOT,
    Example,
    Plan,
    examples,
    mismatch,
    plan,
)

EXAMPLES = [example for page in PAGES for example in examples(page)]
#: Commands that read every curation file rather than the shared compiled store (about a second each).
SLOW = {"lint", "validate"}
RUN = [e for e in EXAMPLES if not e.not_run and plan(e.command) is not None]


class Runner:
    """Runs each distinct command once and remembers (exit code, output lines)."""

    def __init__(self, cache: Path) -> None:
        self.cache = cache
        self.done: dict[tuple[str, ...], tuple[int, str, list[str]]] = {}

    def __call__(self, argv: tuple[str, ...]) -> tuple[int, str, list[str]]:
        if argv not in self.done:
            here = Path.cwd()
            os.chdir(PROJECT_ROOT)  # commands find the checkout they stand in, as a reader's would
            try:
                result = CliRunner().invoke(main, list(argv), env={"EXOGRAPH_CACHE_DIR": str(self.cache)})
            finally:
                os.chdir(here)
            if result.exception is not None and not isinstance(result.exception, SystemExit):
                raise result.exception
            output = result.output.replace(str(PROJECT_ROOT), SHOWN_ROOT)
            self.done[argv] = (result.exit_code, output, output.splitlines())
        return self.done[argv]


def parse(argv: tuple[str, ...]) -> None:
    """Parse ``argv`` as the command line would, without running it (raises click's usage errors)."""
    context = main.make_context("exograph", list(argv))
    command = main.get_command(context, argv[0])
    assert command is not None, f"no command {argv[0]!r}"
    command.make_context(argv[0], list(argv[1:]), parent=context)


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Runner:
    return Runner(tmp_path_factory.mktemp("docs-cache"))


def test_the_docs_have_examples_to_check() -> None:
    pages = {e.page for e in RUN if e.shown}
    assert {"README.md", "docs/cli.md", "docs/reasoning.md", "docs/lint.md"} <= pages
    assert sum(1 for e in RUN if e.shown) >= 20


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e.shown and not e.not_run], ids=lambda e: e.id)
def test_shown_output_is_of_a_command_that_is_run(example: Example) -> None:
    """Output shown under a command this test cannot run must sit in a block marked not-run, saying why."""
    assert plan(example.command) is not None, (
        f"{example.id}: output shown for a command that is not run: put "
        "'<!-- not-run: why -->' right before the block, or show no output"
    )


@pytest.mark.parametrize("example", RUN, ids=lambda e: e.id)
def test_console_example_matches_real_output(example: Example, run: Runner) -> None:
    steps = plan(example.command)
    assert isinstance(steps, Plan)
    if not example.shown and steps.argv[0] in SLOW:
        parse(steps.argv)  # nothing to compare: the options must at least be ones the command takes
        return
    code, output, lines = run(steps.argv)
    for stage in steps.filters:
        lines = stage(lines)
    if not example.shown:  # nothing to compare: the command must at least be one the CLI accepts
        assert code != 2, f"{example.id}: usage error:\n{output}"
        return
    problem = mismatch(example.shown, lines)
    assert problem is None, f"{example.id}: the docs show output the command does not print:\n{problem}"


def test_parse_rejects_an_option_the_command_does_not_take() -> None:
    parse(("lint", "--select", "EXO1"))
    with pytest.raises(click.UsageError):
        parse(("lint", "--selekt", "EXO1"))
