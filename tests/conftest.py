"""Shared fixtures: a private cache per test and fresh copies of the tiny fixture curation."""

from __future__ import annotations

import shutil
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from exograph.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
PROJECT_ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="session", autouse=True)
def fresh_answers() -> None:
    """Each test session starts with exograph's answers kept per process (``functools.lru_cache``) empty.

    Mutation testing runs each mutant's tests in a process forked from one that already ran them on the
    unmutated code: a mutant in a function that is only reached through a kept answer (``context._binding``,
    through ``context._where``) was never called, and survived whatever the tests check."""
    for module in [m for name, m in sys.modules.items() if name == "exograph" or name.startswith("exograph.")]:
        for value in list(vars(module).values()):
            if callable(getattr(value, "cache_clear", None)) and callable(getattr(value, "cache_info", None)):
                value.cache_clear()


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test compiles into its own cache, so tests never see each other's state."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("EXOGRAPH_CACHE_DIR", str(cache))
    return cache


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A writable copy of tests/fixtures/mini."""
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    return root


@pytest.fixture
def context_tree(tmp_path: Path) -> Path:
    """A writable copy of tests/fixtures/context: disease and cell hierarchies, donors, systems,
    perturbations, and claims that agree, disagree or only seem to."""
    root = tmp_path / "context"
    shutil.copytree(FIXTURES / "context", root)
    return root


@pytest.fixture
def cli() -> Callable[..., Result]:
    runner = CliRunner()

    def invoke(*args: str) -> Result:
        return runner.invoke(main, list(args), catch_exceptions=False)

    return invoke


def replace_in(path: Path, old: str, new: str) -> None:
    """Edit a fixture file, failing loudly if the text to change is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def ctrl_c_heard() -> Iterator[None]:
    """Children of the test hear Ctrl-C as in a terminal. A suite started in the background (``cmd &``) has
    Ctrl-C ignored, and a child would inherit that; a handler, unlike an ignored signal, is not inherited."""
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)
