"""The mini fixture plus tests/fixtures/reason: a second (primary research) source with chains,
a family with members, and conflicting claims. An overlay, so the mini fixture's own counts
(which other tests check) stay as they are."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

import exograph
from exograph.api import KnowledgeGraph
from tests.conftest import FIXTURES

Cli = Callable[..., Result]


@pytest.fixture
def chain_root(mini: Path) -> Path:
    shutil.copytree(FIXTURES / "reason", mini, dirs_exist_ok=True)
    return mini


@pytest.fixture
def kg(chain_root: Path) -> KnowledgeGraph:
    return exograph.load(chain_root)


def route(chain: exograph.api.Chain) -> list[str]:
    """A chain as the entities it passes through, for readable assertions."""
    return [chain.steps[0].regulator, *(s.target for s in chain.steps)]


@pytest.fixture
def compose_root(chain_root: Path) -> Path:
    """The chain fixture plus tests/fixtures/compose: one small case per composition rule."""
    shutil.copytree(FIXTURES / "compose", chain_root, dirs_exist_ok=True)
    return chain_root


@pytest.fixture
def ckg(compose_root: Path) -> KnowledgeGraph:
    return exograph.load(compose_root)
