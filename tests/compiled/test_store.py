"""The compiled cache: keyed by content, rebuilt on any edit, never half-written."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from exograph.compiled.store import cache_path, open_store
from exograph.curation.problems import CurationError
from exograph.layout import Layout
from tests.conftest import FIXTURES, replace_in


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


#: The claim HIF1A -> RAB27A of the mini fixture, up to its direction.
HIF1A_RAB27A = "  - id: mini2024-hif1a-rab27a\n    regulator: HIF1A\n    target: RAB27A\n    direction: "
KRAS = "entities:\n  - key: KRAS\n    curie: HGNC:6407\n    label: KRAS\n    kind: gene\n"


def _hif1a_direction(root: Path) -> str:
    record = open_store(root).assertion("mini2024-hif1a-rab27a")
    assert record is not None
    return record["direction"]


def _compiled_after(monkeypatch: pytest.MonkeyPatch, edits: list[Callable[[], object]]) -> list[int]:
    """Run ``edits[i]`` just before the i-th compile of the root: a file saved after a command hashed the files
    and before it read them. The list returned counts the compiles."""
    from exograph.compiled import incremental

    real = incremental.compile_rows
    compiles: list[int] = []

    def compile_rows(layout: Layout) -> incremental.Outcome:
        if len(compiles) < len(edits):
            edits[len(compiles)]()
        compiles.append(1)
        return real(layout)

    monkeypatch.setattr(incremental, "compile_rows", compile_rows)
    return compiles


def test_a_file_saved_while_compiled_is_compiled_again(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = mini / "curation/assertions/mini2024.yaml"
    old = path.read_text(encoding="utf-8")
    new = old.replace(HIF1A_RAB27A + "increases", HIF1A_RAB27A + "decreases")
    compiles = _compiled_after(monkeypatch, [lambda: path.write_text(new, encoding="utf-8")])
    assert _hif1a_direction(mini) == "decreases" and len(compiles) == 2
    path.write_text(old, encoding="utf-8")  # switched back, as by a checkout
    assert _hif1a_direction(mini) == "increases"  # the key of these bytes never held the other answer


def test_a_file_created_while_compiled_is_compiled_again(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = mini / "curation/entities/extra.yaml"
    compiles = _compiled_after(monkeypatch, [lambda: extra.write_text(KRAS, encoding="utf-8")])
    assert open_store(mini).resolve("KRAS") == "KRAS" and len(compiles) == 2
    extra.unlink()  # deleted again: the key of the files without it never held its entity
    assert open_store(mini).resolve("KRAS") is None
    assert len(compiles) == 3


def test_a_file_deleted_while_compiled_is_compiled_again(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = mini / "curation/entities/extra.yaml"
    extra.write_text(KRAS, encoding="utf-8")
    compiles = _compiled_after(monkeypatch, [extra.unlink])
    assert open_store(mini).resolve("KRAS") is None and len(compiles) == 2
    extra.write_text(KRAS, encoding="utf-8")  # back again: the key of the files with it never held the answer without
    assert open_store(mini).resolve("KRAS") == "KRAS"


def test_files_saved_at_every_compile_are_named(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from exograph.compiled.incremental import ATTEMPTS
    from exograph.compiled.store import FilesChanged

    path = mini / "curation/assertions/mini2024.yaml"
    old = path.read_text(encoding="utf-8")
    texts = [old.replace(HIF1A_RAB27A + "increases", HIF1A_RAB27A + "decreases"), old]
    edits = [lambda i=i: path.write_text(texts[i % 2], encoding="utf-8") for i in range(ATTEMPTS + 1)]
    compiles = _compiled_after(monkeypatch, edits)
    with pytest.raises(FilesChanged) as info:
        open_store(mini)
    assert info.value.files == ["curation/assertions/mini2024.yaml"] and len(compiles) == ATTEMPTS
    assert not cache_path(mini).exists()


def test_a_store_written_from_records_holds_what_compiling_writes(mini: Path, tmp_path: Path) -> None:
    """Without the compile workers' reasoning rows (the review's stores), they are made from the records."""
    import sqlite3

    from exograph.compiled.build import compile_root
    from exograph.compiled.store import Store, write

    shutil.copytree(FIXTURES / "reason", mini, dirs_exist_ok=True)
    entities, assertions, sources = compile_root(Layout(mini))
    write(tmp_path / "written.sqlite", "x", entities, assertions, sources)
    written, compiled = sqlite3.connect(tmp_path / "written.sqlite"), open_store(mini).db
    tables = ("entities", "names", "broader", "sources", "assertions", "steps", "step_shapes", "members", "nodes")
    for table in (*tables, "search"):
        rows = sorted(compiled.execute(f"SELECT * FROM {table}"), key=repr)
        assert sorted(written.execute(f"SELECT * FROM {table}"), key=repr) == rows and rows, table
    assert Store(written, mini).assertion_count() == 17


def test_the_private_folder_is_made_only_when_the_cache_folder_is_unwritable(
    mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    open_store(mini)
    assert cache_path(mini).is_file() and not (tmp_path / f"exograph-{os.getuid()}").exists()


def test_a_cache_in_the_private_folder_is_read_again(
    mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("EXOGRAPH_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    path = tmp_path / f"exograph-{os.getuid()}" / cache_path(mini).name
    assert open_store(mini).path == path
    built = path.stat().st_mtime_ns
    again = open_store(mini)
    assert (again.root, again.path) == (mini, path) and path.stat().st_mtime_ns == built  # read, not compiled again


def test_a_text_snapshot_created_while_compiled_is_compiled_again(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The snapshot was missing when the files were hashed and there when they were read: the answer made with
    it must not be kept under the hash of the files without it, or deleting it again would go unnoticed."""
    snapshot = mini / "sources/mini2024.txt"
    text = snapshot.read_bytes()
    snapshot.unlink()
    compiles = _compiled_after(monkeypatch, [lambda: snapshot.write_bytes(text)])
    assert len(open_store(mini).assertion_ids()) == 5 and len(compiles) == 2
    snapshot.unlink()
    with pytest.raises(CurationError):
        open_store(mini)


@pytest.mark.parametrize("name", ["a#b", "a?b", "a%41b", "a b"])
def test_a_cache_folder_of_any_name_is_read_again(
    mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """Characters that mean something in a URI (how SQLite is asked to open the cache read-only) are only
    characters of the name: the cache there is read, and no file is made anywhere else."""
    import tempfile

    monkeypatch.setenv("EXOGRAPH_CACHE_DIR", str(tmp_path / name / "cache"))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / name))  # the private fallback folder, if ever made
    (tmp_path / name).mkdir()
    before = sorted(tmp_path.iterdir())
    assert open_store(mini).path == cache_path(mini)
    built = cache_path(mini).stat().st_mtime_ns
    again = open_store(mini)
    assert again.path == cache_path(mini) and cache_path(mini).stat().st_mtime_ns == built
    assert sorted(tmp_path.iterdir()) == before and sorted(p.name for p in (tmp_path / name).iterdir()) == ["cache"]
