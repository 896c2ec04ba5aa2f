from __future__ import annotations

import shutil
from pathlib import Path

from exograph.review.diff import diff_roots, render_markdown
from tests.conftest import replace_in


def test_diff_reads_as_changes(mini: Path, tmp_path: Path) -> None:
    new = tmp_path / "new"
    shutil.copytree(mini, new)
    path = new / "curation/assertions/mini2024.yaml"
    replace_in(path, "    direction: decreases\n", "    direction: regulates\n")
    replace_in(path, "id: mini2024-rab27a-exosome-secretion", "id: mini2024-rab27a-exosome-release")
    replace_in(path, "id: mini2024-hif1a-rab27a", "id: mini2024-hif1a-rab27a-expression")
    replace_in(
        path,
        "HIF-1 may drive RAB27A expression.\n        section: Text",
        "HIF-1 may drive RAB27A expression.\n        section: Discussion",
    )
    changes = diff_roots(mini, new)
    assert [c["id"] for c in changes.changed] == ["mini2024-mir21-pdcd4"]
    assert changes.changed[0]["fields"] == {"direction": {"old": "decreases", "new": "regulates"}}
    assert changes.renamed == [{"old": "mini2024-rab27a-exosome-secretion", "new": "mini2024-rab27a-exosome-release"}]
    assert [a["id"] for a in changes.added] == ["mini2024-hif1a-rab27a-expression"]
    assert [a["id"] for a in changes.removed] == ["mini2024-hif1a-rab27a"]
    text = render_markdown(changes)
    assert "**+1** added, **-1** removed, **~1** changed, 1 renamed" in text
    assert "- `mini2024-mir21-pdcd4` (hsa-mir-21 -? PDCD4: regulates amount)" in text
    assert "  - direction: decreases → regulates" in text
    assert "| `mini2024-hif1a-rab27a-expression` | HIF1A -> RAB27A: increases amount (hypothesis) |" in text


def test_no_changes(mini: Path) -> None:
    assert render_markdown(diff_roots(mini, mini)) == "No semantic changes to the curation.\n"


def test_cli_diff_of_folders(mini: Path, tmp_path: Path, cli: object) -> None:
    new = tmp_path / "new"
    shutil.copytree(mini, new)
    replace_in(new / "curation/entities/entities.yaml", "synonyms: [hypoxic]", "synonyms: [hypoxic, low oxygen]")
    result = cli("diff", str(mini), str(new))  # type: ignore[operator]
    assert result.exit_code == 0
    assert '- `hypoxia`: synonyms: ["hypoxic"] → ["hypoxic", "low oxygen"]' in result.output
    assert cli("diff", "no-such-revision", str(new)).exit_code == 2  # type: ignore[operator]
