"""The compiled cache: keyed by content, rebuilt on any edit, never half-written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from exograph.compiled.store import cache_path, open_store
from exograph.curation.problems import CurationError
from tests.conftest import replace_in


def test_compiles_once_then_reads_cache(mini: Path) -> None:
    store = open_store(mini)
    assert sorted(store.assertion_ids())[0] == "mini2024-hif1a-rab27a"
    path = cache_path(mini)
    stamp = path.stat().st_mtime_ns
    open_store(mini)
    assert path.stat().st_mtime_ns == stamp


def test_edit_is_always_seen_even_with_same_size_and_mtime(mini: Path) -> None:
    assert open_store(mini).entity("RAB27A")["synonyms"] == ["Rab27a"]
    path = mini / "curation/entities/entities.yaml"
    before = path.stat()
    replace_in(path, "synonyms: [Rab27a]", "synonyms: [Rab27x]")  # same length
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    assert open_store(mini).entity("RAB27A")["synonyms"] == ["Rab27x"]


def test_text_snapshot_is_part_of_the_key(mini: Path) -> None:
    open_store(mini)
    with (mini / "sources/mini2024.txt").open("a", encoding="utf-8") as handle:
        handle.write("more\n")
    with pytest.raises(CurationError) as info:
        open_store(mini)
    assert "has SHA-256" in str(info.value.problems[0])


def test_invalid_curation_leaves_previous_cache_untouched(mini: Path) -> None:
    open_store(mini)
    before = cache_path(mini).read_bytes()
    replace_in(mini / "curation/assertions/mini2024.yaml", "target: PDCD4", "target: nothing")
    with pytest.raises(CurationError):
        open_store(mini)
    assert cache_path(mini).read_bytes() == before
    kept = sorted(p.name for p in cache_path(mini).parent.iterdir())
    assert kept == sorted([cache_path(mini).name, "files"])  # "files": per-file results, for the next run


def test_corrupt_cache_is_rebuilt(mini: Path) -> None:
    open_store(mini)
    cache_path(mini).write_bytes(b"not a database")
    assert len(open_store(mini).assertion_ids()) == 5


def test_resolution_by_key_label_synonym_curie_xref(mini: Path) -> None:
    store = open_store(mini)
    for name in ("RAB27A", "rab27a", "Rab27a", "HGNC:9766", "hgnc:9766", "  Rab27A "):
        assert store.resolve(name) == "RAB27A"
    assert store.resolve("HGNC:31586") == "miR-21"
    assert store.resolve("exosome release") == "exosome_secretion"
    assert store.resolve("nothing") is None
    assert store.suggest("RAB27") == ["RAB27A"]


def test_narrower_closure(mini: Path) -> None:
    store = open_store(mini)
    assert sorted(store.narrower_closure("ev_secretion")) == ["ev_secretion", "exosome_secretion"]
    assert store.narrower_closure("exosome_secretion") == ["exosome_secretion"]


def test_unwritable_cache_dir_falls_back_to_temp(mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("EXOGRAPH_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    assert len(open_store(mini).assertion_ids()) == 5
    assert any((tmp_path / "tmp").rglob("*.sqlite"))
