"""The example reader and checker of tests/docs/console.py: what they run, and that they can fail."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.docs.console import examples, mismatch, plan

PRINTED = ["a", "b", "c", "d"]


@pytest.mark.parametrize(
    "shown",
    [["a", "b", "c", "d"], ["a", "…"], ["…", "d"], ["a", "...", "c", "d"], ["…", "b", "c", "…"], []],
)
def test_excerpts_that_match(shown: list[str]) -> None:
    assert mismatch(shown, PRINTED) is None


@pytest.mark.parametrize(
    "shown",
    [
        ["a", "b", "c"],  # the end is left out without saying so
        ["b", "c", "d"],  # the start is left out without saying so
        ["a", "c", "…"],  # a line is left out between two shown lines
        ["…", "c", "b", "…"],  # out of order
        ["a", "b", "x", "d"],  # an edited line
        ["a", "b", "c", "d", "e"],  # a line the command does not print
    ],
)
def test_excerpts_that_do_not_match(shown: list[str]) -> None:
    assert mismatch(shown, PRINTED) is not None


def test_blocks_commands_outputs_and_markers(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "```console\n"
        "$ exograph drivers RAB27A --depth 2   # a comment\n"
        "line 1\n\n"
        "$ exograph path A \\\n"
        '    "B C" | head -3\n'
        "```\n\n"
        "<!-- not-run: writes a file -->\n"
        "```console\n$ exograph render X -o x.svg\nwrote x.svg\n```\n"
        "```bash\n$ exograph stats\n```\n",
        encoding="utf-8",
    )
    found = [(e.command, e.not_run, e.shown) for e in examples(page, root=tmp_path)]
    assert found == [
        ("exograph drivers RAB27A --depth 2   # a comment", False, ("line 1",)),
        ('exograph path A  "B C" | head -3', False, ()),
        ("exograph render X -o x.svg", True, ("wrote x.svg",)),
    ]
    steps = plan(found[0][0])
    assert steps is not None
    assert steps.argv == ("drivers", "RAB27A", "--depth", "2")


@pytest.mark.parametrize(
    "command",
    [
        "exograph render RAB27A -o rab27a.svg",  # writes a file
        "exograph export --format turtle -o x.ttl",
        "exograph sparql -f query.rq",  # reads a file the docs do not ship
        "exograph diff main",  # needs a git history
        "exograph targets hypoxia --format tsv > hypoxia.tsv",  # redirection
        "exograph regulators X --format json | jq .",  # a filter this test does not emulate
        "pip install oxigraph",
    ],
)
def test_commands_that_are_not_run(command: str) -> None:
    assert plan(command) is None


def test_head_and_cut_are_applied_as_the_shell_would() -> None:
    steps = plan("exograph path A B --format tsv | cut -f1-2,4 | head -2")
    assert steps is not None
    lines = ["1\t2\t3\t4\t5", "a\tb\tc\td\te", "x\ty\tz\tw\tv", "no tab"]
    for stage in steps.filters:
        lines = stage(lines)
    assert lines == ["1\t2\t4", "a\tb\td"]
