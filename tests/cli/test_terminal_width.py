"""Answers fit the terminal: COLUMNS is honoured, piped output and json/tsv stay at full width, and a
long answer is paged only on a terminal."""

from __future__ import annotations

import io
import json

import click
import pytest
from click.testing import CliRunner

from exograph.cli import main, terminal
from tests.conftest import PROJECT_ROOT

ROOT = ["--root", str(PROJECT_ROOT)]
QUERIES = [
    ["drivers", "Rab27a"],
    ["drivers", "Rab27a", "--evidence"],
    ["drivers", "RAB27A", "--depth", "3"],
    ["path", "hypoxia", "exosome secretion"],
    ["conflicts"],
    ["search", "hypoxia exosome"],
]


def run(args: list[str], columns: str | None) -> str:
    env = {"COLUMNS": columns} if columns else {"COLUMNS": ""}
    result = CliRunner().invoke(main, [*args, *ROOT], env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("args", QUERIES, ids=" ".join)
def test_every_line_fits_80_columns(args: list[str]) -> None:
    fitted = run(args, "80")
    assert max(map(len, fitted.splitlines())) <= 80
    full = run(args, None)  # piped, no COLUMNS: full width, nothing cut
    assert max(map(len, full.splitlines())) > 80


@pytest.mark.parametrize("args", [q for q in QUERIES if q[0] in ("path", "conflicts") or "--depth" in q], ids=" ".join)
def test_wrapped_text_loses_no_word(args: list[str]) -> None:
    fitted = {w for line in run(args, "80").splitlines() for w in line.split()}
    assert {w for line in run(args, None).splitlines() for w in line.split() if len(w) < 70} <= fitted


def test_the_assertion_id_is_never_cut() -> None:
    fitted = run(["drivers", "Rab27a"], "80")
    assert "\n    mu2025-a-hypoxia-rab27a-expression-ovarian\n" in fitted
    assert "…" in fitted  # a cell narrowed to fit


def test_json_and_tsv_stay_whole() -> None:
    data = json.loads(run(["drivers", "Rab27a", "--format", "json"], "80"))
    assert data["assertions"]
    tsv = run(["drivers", "Rab27a", "--format", "tsv"], "80")
    assert max(map(len, tsv.splitlines())) > 80 and "…" not in tsv


def test_a_long_answer_is_complete_when_piped() -> None:
    piped = run(["path", "hypoxia", "exosome secretion"], None)
    assert len(piped.splitlines()) > 500  # every chain printed, no pager in between


def test_a_long_answer_is_paged_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    paged: list[str] = []
    monkeypatch.setattr(click, "echo_via_pager", paged.append)
    monkeypatch.setattr(terminal.sys, "stdout", _Tty())
    monkeypatch.setattr(terminal.sys, "stdin", _Tty())
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("LINES", "24")
    terminal.show("line\n" * 100, "table")
    assert paged == ["line\n" * 100]
    terminal.show("short\n", "table")  # fits the screen: printed, not paged
    assert len(paged) == 1


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True
