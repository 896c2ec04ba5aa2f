"""The whole project curation exported once per test session, for the checks that run on all of it."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from exograph.compiled.store import open_store
from exograph.export import EXPORTERS
from tests.conftest import PROJECT_ROOT


@pytest.fixture(scope="session")
def curation_ttl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("curation")
    path = tmp / "graph.ttl"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EXOGRAPH_CACHE_DIR", str(tmp / "cache"))
        EXPORTERS["turtle"].write(open_store(PROJECT_ROOT), path)
    return path


@pytest.fixture(scope="session")
def curation_graph(curation_ttl: Path) -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    store.bulk_load(path=str(curation_ttl), format=pyoxigraph.RdfFormat.TURTLE)
    return store
