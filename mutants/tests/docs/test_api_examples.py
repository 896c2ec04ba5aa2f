"""docs/api.md's Python examples run, with doctest, against the project's curation.

Every ```pycon block of the page is a piece of one Python session: the blocks run in page order
sharing their names (the first one loads the curation), from the project root as a reader would.
The page may hold no other Python block, so no example is left unrun.
"""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

from tests.docs.console import PROJECT_ROOT

API = PROJECT_ROOT / "docs" / "api.md"
BLOCK = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)


def sessions(text: str) -> list[tuple[int, str]]:
    """(line number, content) of every ```pycon block."""
    return [(text[: m.start()].count("\n") + 2, m.group(2)) for m in BLOCK.finditer(text) if m.group(1) == "pycon"]


def test_every_python_example_is_a_session() -> None:
    languages = {m.group(1) for m in BLOCK.finditer(API.read_text(encoding="utf-8"))}
    assert "python" not in languages, "write Python examples as ```pycon sessions (>>>), so they are run"
    assert len(sessions(API.read_text(encoding="utf-8"))) >= 5


def run_page(path: Path) -> list[str]:
    """Run every session of ``path`` in order; the report of every failing example."""
    parser, globs = doctest.DocTestParser(), {"__name__": "api_md"}
    failures: list[str] = []
    for line, content in sessions(path.read_text(encoding="utf-8")):
        test = parser.get_doctest(content, globs, f"{path.name}:{line}", str(path), line - 1)
        output: list[str] = []
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        runner.run(test, out=output.append, clear_globs=False)
        globs = test.globs  # a DocTest runs in a copy of the names it is given: pass on what this block defined
        failures += output
    return failures


def test_api_examples_print_what_the_page_shows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(PROJECT_ROOT)  # exograph.load() finds the checkout it stands in
    failures = run_page(API)
    assert not failures, "\n".join(failures)


def test_blocks_share_names_and_a_wrong_output_is_reported(tmp_path: Path) -> None:
    page = tmp_path / "api.md"
    page.write_text(
        "```pycon\n>>> n = 2\n```\n\ntext\n\n```pycon\n>>> print(n + 1)\n3\n>>> print(n * 2)\n5\n```\n",
        encoding="utf-8",
    )
    failures = run_page(page)
    assert len(failures) == 1
    assert "Expected:\n    5\nGot:\n    4" in failures[0]
