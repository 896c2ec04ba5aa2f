"""The cache survives damage, stays bounded, and its fallback folder is private to the user."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from exograph.compiled.store import KEEP_CACHES, CacheError, cache_path, open_store
from exograph.curation.problems import CurationError
from exograph.layout import Layout
from tests.conftest import replace_in


@pytest.fixture
def temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private temporary folder standing in for /tmp, and a cache folder that cannot be created."""
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("EXOGRAPH_CACHE_DIR", str(blocker / "cache"))
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    return temp


@pytest.mark.parametrize("cut", ["half", "the last page", "the last byte"])
def test_truncated_cache_is_rebuilt(mini: Path, cut: str) -> None:
    """Cut short, even by one byte: SQLite itself reads a file short of whole pages as malformed, not one that
    ends within its last page (its first pages, and the key in them, are all there)."""
    open_store(mini)
    path = cache_path(mini)
    data = path.read_bytes()
    page = sqlite3.connect(path).execute("PRAGMA page_size").fetchone()[0]
    path.write_bytes(data[: {"half": len(data) // 2, "the last page": len(data) - page}.get(cut, len(data) - 1)])
    assert len(open_store(mini).assertion_ids()) == 5
    assert path.stat().st_size == len(data)


def test_cache_damaged_mid_command_is_deleted_with_a_message(mini: Path, cli: Callable[..., Result]) -> None:
    open_store(mini)
    path = cache_path(mini)
    db = sqlite3.connect(path)
    db.execute("DROP TABLE assertions")  # the fingerprint still matches; the first query fails
    db.commit()
    db.close()
    result = cli("drivers", "RAB27A", "--root", str(mini))
    assert result.exit_code == 2
    assert f"the compiled cache is damaged (no such table: assertions); deleted {path}" in result.output
    assert not path.exists()
    assert cli("drivers", "RAB27A", "--root", str(mini)).exit_code == 0


def test_fallback_folder_is_created_private(mini: Path, temp_dir: Path) -> None:
    open_store(mini)
    folder = temp_dir / f"exograph-{os.getuid()}"
    assert folder.is_dir() and folder.stat().st_mode & 0o777 == 0o700
    assert (folder / cache_path(mini).name).is_file()


def test_fallback_folder_is_private_whatever_the_umask(mini: Path, temp_dir: Path) -> None:
    before = os.umask(0)
    try:
        open_store(mini)
    finally:
        os.umask(before)
    folder = temp_dir / f"exograph-{os.getuid()}"
    assert folder.stat().st_mode & 0o777 == 0o700 and (folder / cache_path(mini).name).is_file()


@pytest.mark.parametrize("mode", [0o755, 0o750, 0o640])  # as an older exograph made it; group-readable
def test_own_fallback_folder_readable_by_others_is_closed(mini: Path, temp_dir: Path, mode: int) -> None:
    folder = temp_dir / f"exograph-{os.getuid()}"
    folder.mkdir()
    folder.chmod(mode)
    open_store(mini)
    assert folder.stat().st_mode & 0o777 == 0o700
    assert (folder / cache_path(mini).name).is_file()


@pytest.mark.parametrize("kind", ["open to others", "a link", "a file"])
def test_fallback_folder_not_ours_is_never_used(mini: Path, temp_dir: Path, kind: str) -> None:
    folder = temp_dir / f"exograph-{os.getuid()}"
    elsewhere = temp_dir / "elsewhere"
    elsewhere.mkdir()
    if kind == "open to others":
        folder.mkdir()
        folder.chmod(0o777)
    elif kind == "a link":
        folder.symlink_to(elsewhere)
    else:
        folder.write_text("x", encoding="utf-8")
    with pytest.raises(CacheError, match="set EXOGRAPH_CACHE_DIR to a writable folder"):
        open_store(mini)
    assert not any(elsewhere.iterdir())
    assert not folder.is_dir() or folder.is_symlink() or not any(folder.iterdir())


def test_fallback_folder_of_another_user_is_never_used(
    mini: Path, temp_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A private folder with the right name that another user made (here: as if this process ran as the next
    user id) could hold a cache planted for this user."""
    other = os.getuid() + 1
    folder = temp_dir / f"exograph-{other}"
    folder.mkdir(mode=0o700)
    monkeypatch.setattr(os, "getuid", lambda: other)
    with pytest.raises(CacheError) as info:
        open_store(mini)
    assert str(info.value) == (
        f"cannot write the exograph cache ({temp_dir.parent / 'blocker' / 'cache'}: Not a directory; "
        "no private per-user folder in the temp directory): set EXOGRAPH_CACHE_DIR to a writable folder"
    )
    assert not any(folder.iterdir())


def test_a_full_disk_while_writing_the_cache_names_each_folder(
    mini: Path, temp_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite's own error (it has no strerror, as an OSError has), for the cache folder and the private one; no
    partial file is left (a file size limit stands in for the full disk)."""
    import resource
    import signal

    cache = tmp_path / "cache"
    monkeypatch.setenv("EXOGRAPH_CACHE_DIR", str(cache))  # a writable one, not temp_dir's blocked one
    open_store(mini).db.close()  # the per-file results are kept: only the store is written below
    cache_path(mini).unlink()
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (60_000, hard))  # the store is about twice as large
    try:
        with pytest.raises(CacheError) as info:
            open_store(mini)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)
    folder = temp_dir / f"exograph-{os.getuid()}"
    assert str(info.value) == (
        f"cannot write the exograph cache ({cache}: disk I/O error; {folder}: disk I/O error): "
        "set EXOGRAPH_CACHE_DIR to a writable folder"
    )
    assert sorted(p.name for p in cache.iterdir()) == ["files"] and not any(folder.iterdir())


def test_unwritable_cache_is_a_usage_error(mini: Path, temp_dir: Path, cli: Callable[..., Result]) -> None:
    (temp_dir / f"exograph-{os.getuid()}").write_text("x", encoding="utf-8")
    result = cli("drivers", "RAB27A", "--root", str(mini))
    assert result.exit_code == 2
    assert "cannot write the exograph cache" in result.output and "Traceback" not in result.output


def test_cache_folder_is_bounded(mini: Path, tmp_path: Path, private_cache: Path) -> None:
    private_cache.mkdir()
    mine = private_cache / "notes.txt"
    mine.write_text("not a cache file", encoding="utf-8")
    roots = []
    for i in range(KEEP_CACHES + 3):
        root = tmp_path / f"root{i}"
        shutil.copytree(mini, root)
        open_store(root)
        os.utime(cache_path(root), (1000 + i, 1000 + i))  # build order, whatever the clock's resolution
        roots.append(root)
    caches = sorted(p.name for p in private_cache.glob("*.sqlite"))
    assert len(caches) == KEEP_CACHES
    assert cache_path(roots[-1]).exists() and not cache_path(roots[0]).exists()
    assert mine.read_text(encoding="utf-8") == "not a cache file"


def test_snapshot_of_any_name_is_part_of_the_key(mini: Path) -> None:
    (mini / "sources/mini2024.txt").rename(mini / "sources/mini2024.md")
    replace_in(mini / "sources/mini2024.yaml", "text: mini2024.txt", "text: mini2024.md")
    assert len(open_store(mini).assertion_ids()) == 5
    with (mini / "sources/mini2024.md").open("a", encoding="utf-8") as handle:
        handle.write("edited\n")
    with pytest.raises(CurationError) as info:
        open_store(mini)
    assert "has SHA-256" in str(info.value.problems[0])


def test_fingerprint_never_opens_a_pipe(mini: Path) -> None:
    os.mkfifo(mini / "curation/entities/pipe.yaml")
    with pytest.raises(CurationError) as info:
        open_store(mini)  # would block forever if the pipe were read
    assert "curation/entities/pipe.yaml:1:1: is not a regular file" in str(info.value.problems[0])


@pytest.mark.parametrize("damage", [b"\x00" * 100, b"SQLite format 3\x00 and then garbage"])
def test_a_damaged_per_file_store_is_made_anew(mini: Path, monkeypatch: pytest.MonkeyPatch, damage: bytes) -> None:
    """Without this, a damaged store silently turned every later run into a cold one."""
    from exograph.compiled import incremental
    from exograph.compiled.store import cache_dir

    results = cache_dir() / incremental.RESULTS
    incremental.validate(Layout(mini))
    results.write_bytes(damage)
    assert incremental.validate(Layout(mini)).problems == []  # checked all the same, and kept again
    read: list[str] = []
    real = incremental.read_assertions
    monkeypatch.setattr(incremental, "read_assertions", lambda p, layout: read.append(p.name) or real(p, layout))
    assert incremental.validate(Layout(mini)).problems == []
    assert read == []  # the store made anew serves the next run
