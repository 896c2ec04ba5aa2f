"""Where exports may write: a previous export is replaced whole; nothing else is touched."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from exograph.compiled.store import open_store
from exograph.export import EXPORTERS
from exograph.export.target import MANIFEST, ExportTargetError


def test_kgx_replaces_its_own_previous_export(mini: Path, tmp_path: Path) -> None:
    store = open_store(mini)
    out = tmp_path / "kgx"
    EXPORTERS["kgx"].write(store, out)
    first = (out / "edges.tsv").read_bytes()
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST, "edges.jsonl", "edges.tsv", "nodes.jsonl", "nodes.tsv"]
    EXPORTERS["kgx"].write(store, out)
    assert (out / "edges.tsv").read_bytes() == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "kgx", "mini"]


def test_kgx_into_an_empty_folder(mini: Path, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    EXPORTERS["kgx"].write(open_store(mini), tmp_path / "empty")
    assert (tmp_path / "empty" / "nodes.tsv").is_file()


def test_kgx_refuses_a_previous_export_with_an_added_file(mini: Path, tmp_path: Path) -> None:
    store = open_store(mini)
    out = tmp_path / "kgx"
    EXPORTERS["kgx"].write(store, out)
    (out / "analysis.ipynb").write_text("my work", encoding="utf-8")
    with pytest.raises(ExportTargetError, match=r"did not write \(analysis.ipynb\)"):
        EXPORTERS["kgx"].write(store, out)
    assert (out / "analysis.ipynb").read_text(encoding="utf-8") == "my work"


def test_file_export_replaces_a_file_the_user_names(mini: Path, tmp_path: Path) -> None:
    target = tmp_path / "graph.sif"
    target.write_text("old", encoding="utf-8")
    EXPORTERS["sif"].write(open_store(mini), target)
    assert "miR-21\tdecreases_amount\tPDCD4" in target.read_text(encoding="utf-8")


def test_kgx_dot_in_a_fresh_subfolder_name_works(
    mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Callable[..., Result]
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("export", "--root", str(mini), "--format", "kgx", "-o", "./new")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "new" / "edges.tsv").is_file()
