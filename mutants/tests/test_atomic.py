"""Atomic writes: leftovers of a killed write are cleaned, and only exograph's own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from exograph.atomic import TEMP_MARK, atomic_path, write_atomic


def dead_pid() -> int:
    """The pid of a process that has exited (and been reaped)."""
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, check=True)
    return int(child.stdout)


def test_leftovers_of_a_killed_write_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    dead = dead_pid()
    leftover_dir = tmp_path / f".graph.ttl{TEMP_MARK}{dead}-abc123"
    leftover_dir.mkdir()
    (leftover_dir / "graph.ttl").write_text("half", encoding="utf-8")
    running = tmp_path / f".graph.ttl{TEMP_MARK}{os.getppid()}-def456"  # a live process: left alone
    running.mkdir()
    others = [tmp_path / f".other.ttl{TEMP_MARK}{dead}-abc123", tmp_path / f".graph.ttl.{dead}-abc123"]
    for path in others:
        path.write_text("not ours to remove", encoding="utf-8")
    write_atomic(target, "whole")
    assert target.read_text(encoding="utf-8") == "whole"
    assert not leftover_dir.exists()
    assert running.is_dir()
    assert all(path.exists() for path in others)


def test_failed_folder_write_keeps_the_old_folder(tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.mkdir()
    (target / "nodes.tsv").write_text("old", encoding="utf-8")

    def boom() -> None:
        with atomic_path(target, directory=True, replace_folder=lambda _: True) as tmp:
            (tmp / "nodes.tsv").write_text("new", encoding="utf-8")
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        boom()
    assert (target / "nodes.tsv").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_folder_with_foreign_files_is_never_replaced(tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.mkdir()
    (target / "mine.txt").write_text("precious", encoding="utf-8")
    with pytest.raises(FileExistsError), atomic_path(target, directory=True) as tmp:
        (tmp / "nodes.tsv").write_text("new", encoding="utf-8")
    assert (target / "mine.txt").read_text(encoding="utf-8") == "precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
