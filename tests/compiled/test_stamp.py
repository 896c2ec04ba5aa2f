"""A query skips hashing the curation only when no file can have changed since the cache was built."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from exograph.compiled import stamp as stamp_module
from exograph.compiled.store import cache_path, open_store
from exograph.layout import Layout
from tests.conftest import replace_in


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count how often the content of the curation is hashed; trust statuses at once (no racy window)."""
    monkeypatch.setattr(stamp_module, "RACY_NS", -(10**12))
    calls: list[int] = []
    real = Layout.digests
    monkeypatch.setattr(Layout, "digests", lambda self: calls.append(1) or real(self))
    return calls


def test_unchanged_files_are_not_hashed_again(mini: Path, counted: list[int]) -> None:
    open_store(mini)
    counted.clear()
    store = open_store(mini)
    assert len(store.assertion_ids()) == 5 and (store.root, store.path) == (mini, cache_path(mini))
    assert counted == []


def test_an_edit_keeping_size_and_mtime_is_still_seen(mini: Path, counted: list[int]) -> None:
    open_store(mini)
    path = mini / "curation/assertions/mini2024.yaml"
    before = path.stat()
    replace_in(path, "id: mini2024-hif1a-rab27a", "id: mini2024-hif1a-rab27b")  # same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    counted.clear()
    assert "mini2024-hif1a-rab27b" in open_store(mini).assertion_ids()
    assert counted  # the change time moved: the content was hashed


def test_recent_files_are_never_trusted(mini: Path) -> None:
    """A file written within the racy window (every file here, just copied) gives no stamp."""
    assert stamp_module.stamp(Layout(mini), "v") is None


def test_a_cache_compiled_from_fresh_files_is_trusted_once_they_settle(
    mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Compiled within the racy window, the cache has no stamp; the first query after the files settle
    hashes them, finds the cache current and keeps their status, so the next query hashes nothing."""
    open_store(mini)  # every file was just copied: no stamp recorded
    monkeypatch.setattr(stamp_module, "RACY_NS", -(10**12))
    calls: list[int] = []
    real = Layout.digests
    monkeypatch.setattr(Layout, "digests", lambda self: calls.append(1) or real(self))
    open_store(mini)
    assert calls == [1]
    assert len(open_store(mini).assertion_ids()) == 5
    assert calls == [1]  # the stamp kept by the query before
