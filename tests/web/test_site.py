"""The static site: one page per entity, assertion and source, at stable URLs, and safe to rebuild."""

from __future__ import annotations

import hashlib
import html
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from exograph.export import EXPORTERS
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


def test_headings_say_what_the_assertion_says(mini: Path, cli: Callable[..., Result], tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert cli("site", "--root", str(mini), "-o", str(out)).exit_code == 0
    negated = (out / "assertion/mini2024-sorafenib-rab27a.html").read_text(encoding="utf-8")
    heading = negated.split("<h1>")[1].split("</h1>")[0]
    assert "does not" in heading and "RAB27A" in heading and "increases" not in heading
    hypothesis = (out / "assertion/mini2024-hif1a-rab27a.html").read_text(encoding="utf-8")
    assert " may " in hypothesis.split("<h1>")[1].split("</h1>")[0]
    secretion = (out / "assertion/mini2024-hypoxia-exosome-secretion.html").read_text(encoding="utf-8")
    heading = secretion.split("<h1>")[1].split("</h1>")[0]
    assert "secretion of" not in heading and heading.count("secretion") == 1
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "<title>exograph</title>" in index
    entity = (out / "entity/RAB27A.html").read_text(encoding="utf-8")
    assert "(0)" not in entity and 'href="http:' not in entity and 'role="img"' in entity


def test_display_names_replace_labels(mini: Path, cli: Callable[..., Result], tmp_path: Path) -> None:
    replace_in(mini / "curation/entities/entities.yaml", "label: RAB27A\n", "label: RAB27A\n    name: Rab27a\n")
    out = tmp_path / "site"
    assert cli("site", "--root", str(mini), "-o", str(out)).exit_code == 0
    page = (out / "entity/RAB27A.html").read_text(encoding="utf-8")
    assert "<h1>Rab27a</h1>" in page and "official label: RAB27A" in page
    assert "Rab27a" in (out / "assertion/mini2024-sorafenib-rab27a.html").read_text(encoding="utf-8")


def test_quotes_are_typeset_but_kept_verbatim(mini: Path, cli: Callable[..., Result], tmp_path: Path) -> None:
    replace_in(
        mini / "curation/assertions/mini2024.yaml",
        "quote: HIF-1 may drive RAB27A expression.",
        "quote: HIF-1$\\alpha$ may drive RAB27A expression at 1% O<sub>2</sub> <script>x</script>.",
    )
    text = mini / "sources/mini2024.txt"
    old_sum = hashlib.sha256(text.read_bytes()).hexdigest()
    replace_in(
        text,
        "HIF-1 may drive RAB27A expression.",
        "HIF-1$\\alpha$ may drive RAB27A expression at 1% O<sub>2</sub> <script>x</script>.",
    )
    replace_in(mini / "sources/mini2024.yaml", old_sum, hashlib.sha256(text.read_bytes()).hexdigest())
    out = tmp_path / "site"
    result = cli("site", "--root", str(mini), "-o", str(out))
    assert result.exit_code == 0, result.output
    page = (out / "assertion/mini2024-hif1a-rab27a.html").read_text(encoding="utf-8")
    quote = page.split("<blockquote>")[1].split("</blockquote>")[0]
    assert quote == "HIF-1α may drive RAB27A expression at 1% O<sub>2</sub> &lt;script&gt;x&lt;/script&gt;."
    assert 'data-verbatim="HIF-1$\\alpha$ may drive RAB27A expression at 1% O&lt;sub&gt;2&lt;/sub&gt;' in page


def test_filters_know_the_disease_hierarchy(mini: Path, cli: Callable[..., Result], tmp_path: Path) -> None:
    replace_in(
        mini / "curation/entities/entities.yaml",
        "    label: breast cancer\n    kind: disease\n",
        "    label: breast cancer\n    kind: disease\n    broader: [carcinoma]\n"
        "  - key: carcinoma\n    curie: MONDO:0004993\n    label: carcinoma\n    kind: disease\n",
    )
    out = tmp_path / "site"
    result = cli("site", "--root", str(mini), "-o", str(out))
    assert result.exit_code == 0, result.output
    page = (out / "entity/exosome_secretion.html").read_text(encoding="utf-8")
    row = page.split('data-id="mini2024-hypoxia-exosome-secretion" data-facets="')[1].split('"')[0]
    facets = json.loads(html.unescape(row))
    assert facets["diseases"] == ["breast_cancer", "carcinoma"] and facets["sign"] == ["increases"]
    options = page.split('data-facet="diseases">')[1].split("</select>")[0]
    assert options.index('value="carcinoma"') < options.index('value="breast_cancer"')
    assert ">\u00a0\u00a0breast cancer<" in options  # indented under carcinoma


def test_json_beside_each_page_and_downloads_with_checksums(
    mini: Path, cli: Callable[..., Result], tmp_path: Path
) -> None:
    out = tmp_path / "site"
    assert cli("site", "--root", str(mini), "-o", str(out)).exit_code == 0
    shown = cli("show", "mini2024-mir21-pdcd4", "--root", str(mini), "--format", "json")
    assert json.loads((out / "assertion/mini2024-mir21-pdcd4.json").read_text()) == json.loads(shown.output)
    shown = cli("show", "RAB27A", "--root", str(mini), "--format", "json")
    assert json.loads((out / "entity/RAB27A.json").read_text()) == json.loads(shown.output)
    api = json.loads((out / "api/index.json").read_text())
    assert api["assertions"]["mini2024-mir21-pdcd4"] == "assertion/mini2024-mir21-pdcd4.json"
    sums = (out / "downloads/SHA256SUMS").read_text().splitlines()
    assert len(sums) == len(EXPORTERS)
    for line in sums:
        digest, name = line.split("  ")
        assert hashlib.sha256((out / "downloads" / name).read_bytes()).hexdigest() == digest
    downloads = (out / "downloads.html").read_text(encoding="utf-8")
    assert all(f">{name}<" in downloads for name in EXPORTERS)


def test_entity_pages_give_the_consensus_of_each_claim(mini: Path, cli: Callable[..., Result], tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert cli("site", "--root", str(mini), "-o", str(out)).exit_code == 0
    page = (out / "entity/RAB27A.html").read_text(encoding="utf-8")
    table = page.split('<table class="claims sortable">')[1].split("</table>")[0]
    rows = {row.split("</td>")[0]: row for row in table.split('<tr><td data-label="Claim">')[1:]}
    negated = next(row for claim, row in rows.items() if "sorafenib" in claim)
    assert "no change found" in negated and "1 no change" in negated  # the negated finding is no increase
    hypothesis = next(row for claim, row in rows.items() if "HIF1A" in claim)
    assert "1 may" in hypothesis
    assert "Consensus per claim (3)" in page
    assert "Consensus per claim" not in (out / "entity/fibroblast.html").read_text(encoding="utf-8")


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


def test_path_pages_answer_the_showcases_the_curation_can(
    mini: Path, cli: Callable[..., Result], tmp_path: Path
) -> None:
    """mini has no AKT: that showcase is left out, the others are written and linked from the index."""
    out = tmp_path / "site"
    assert cli("site", "--root", str(mini), "-o", str(out)).exit_code == 0
    written = sorted(p.name for p in (out / "path").glob("*.html"))
    assert "sorafenib-akt.html" not in written and "hypoxia-exosome-secretion.html" in written
    index = (out / "index.html").read_text(encoding="utf-8")
    assert sorted(name for name in written if f'href="path/{name}"' in index) == written
    page = (out / "path/hypoxia-exosome-secretion.html").read_text(encoding="utf-8")
    assert "mini2024-hypoxia-exosome-secretion.html" in page and 'href="../source/mini2024.html"' in page
