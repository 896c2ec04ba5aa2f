"""The static site: one page per entity, assertion and source, at stable URLs, and safe to rebuild."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import replace_in


def test_a_page_per_entity_assertion_and_source(mini: Path, cli: Callable[..., Result], tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = cli("site", "--root", str(mini), "-o", str(out))
    assert result.exit_code == 0, result.output
    entities = {p.stem for p in (out / "entity").glob("*.html")}
    assert {"RAB27A", "miR-21", "hypoxia", "fibroblast"} <= entities and len(entities) == 12
    assert {p.stem for p in (out / "assertion").glob("*.html")} == {
        "mini2024-hypoxia-exosome-secretion",
        "mini2024-rab27a-exosome-secretion",
        "mini2024-mir21-pdcd4",
        "mini2024-sorafenib-rab27a",
        "mini2024-hif1a-rab27a",
    }
    assert [p.stem for p in (out / "source").glob("*.html")] == ["mini2024"]
    page = (out / "assertion/mini2024-mir21-pdcd4.html").read_text(encoding="utf-8")
    assert "Exosomal miR-21 from fibroblasts suppresses PDCD4 in cancer cells [2]." in page
    assert 'href="../entity/PDCD4.html"' in page and 'href="../source/mini2024.html"' in page
    assert "https://" not in "".join(p.read_text() for p in (out / "assets").glob("*.js"))  # nothing fetched
    assert (out / "assets/vendor/cytoscape/LICENSE").is_file()


def test_text_cannot_become_markup(mini: Path, cli: Callable[..., Result], tmp_path: Path) -> None:
    replace_in(mini / "curation/entities/entities.yaml", "label: RAB27A\n", "label: RAB27A<script>alert(1)</script>\n")
    out = tmp_path / "site"
    assert cli("site", "--root", str(mini), "-o", str(out)).exit_code == 0
    page = (out / "entity/RAB27A.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page and "RAB27A&lt;script&gt;" in page
    assert "RAB27A\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in page  # the network's JSON data, escaped


def test_refuses_a_folder_it_did_not_build_and_replaces_one_it_did(
    mini: Path, cli: Callable[..., Result], tmp_path: Path
) -> None:
    mine = tmp_path / "notes"
    mine.mkdir()
    (mine / "keep.txt").write_text("precious")
    result = cli("site", "--root", str(mini), "-o", str(mine))
    assert result.exit_code == 2 and "holding files a previous site export did not write (keep.txt)" in result.output
    assert [p.name for p in mine.iterdir()] == ["keep.txt"] and (mine / "keep.txt").read_text() == "precious"
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    assert cli("site", "--root", str(mini), "-o", str(a_file)).exit_code == 2 and a_file.read_text() == "x"

    site = tmp_path / "site"
    assert cli("site", "--root", str(mini), "-o", str(site)).exit_code == 0
    (site / "index.html").write_text("edited by hand")
    (site / "entity/notes.html").write_text("mine")
    refused = cli("site", "--root", str(mini), "-o", str(site))
    assert refused.exit_code == 2 and "entity/notes.html" in refused.output and "index.html" in refused.output
    assert (site / "entity/notes.html").read_text() == "mine"
    (site / "entity/notes.html").unlink()
    (site / "index.html").unlink()
    replace_in(mini / "curation/entities/entities.yaml", "label: RAB27A\n", "label: RAB27A small GTPase\n")
    assert cli("site", "--root", str(mini), "-o", str(site)).exit_code == 0  # its own build, unchanged: replaced
    assert "RAB27A small GTPase" in (site / "entity/RAB27A.html").read_text() and (site / "index.html").is_file()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary folder left


@pytest.mark.parametrize("swap", ["fifo", "zero"])
def test_an_odd_manifest_never_blocks_or_fills_memory(
    mini: Path, cli: Callable[..., Result], tmp_path: Path, swap: str
) -> None:
    out = tmp_path / "site"
    assert cli("site", "--root", str(mini), "-o", str(out)).exit_code == 0
    manifest = out / ".exograph-export.json"
    manifest.unlink()
    if swap == "fifo":
        os.mkfifo(manifest)  # reading it would wait for a writer for ever
    else:
        manifest.symlink_to("/dev/zero")  # reading it would never end
    result = cli("site", "--root", str(mini), "-o", str(out))
    assert result.exit_code == 2 and "a previous site export did not write" in result.output
