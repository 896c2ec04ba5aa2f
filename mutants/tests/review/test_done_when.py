"""The issue's 'done when': five edits in a temporary clone, reported exactly, and the workflow run on it."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from exograph.review.model import Report
from tests.conftest import replace_in
from tests.review import edits
from tests.review.conftest import git
from tests.review.workflow import fake_gh, gh_calls, run_step

FLIPPED = "mini2024-hypoxia-exosome-secretion"
ADDED = "mini2024-hif1a-rab27a-hypoxia"
DELETED = "mini2024-mir21-pdcd4"
RENAMED = ("mini2024-rab27a-exosome-secretion", "mini2024-rab27a-exosome-release")
REGROUNDED = "PDCD4"


@pytest.fixture
def clone(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clone of the mini repository on a branch, with the five edits in its working tree."""
    root = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(repo), str(root))
    git(root, "checkout", "-q", "main")
    git(root, "checkout", "-q", "-b", "curation-edit")
    edits.flip(root, FLIPPED)
    edits.add(root, edits.HIF1A_UNDER_HYPOXIA)
    edits.delete(root, DELETED)
    edits.rename(root, *RENAMED)
    edits.edit_entity(root, REGROUNDED, {"curie": "HGNC:8764"})
    monkeypatch.chdir(root)
    return root


def test_the_json_report_holds_exactly_the_five_changes(clone: Path, cli: Callable[..., Result]) -> None:
    result = cli("diff", "--format", "json")
    assert result.exit_code == 0, result.output
    report = Report.model_validate_json(result.output)
    assert report.old.spec == "merge-base of main"
    assert report.old.commit == git(clone, "rev-parse", "main")
    assert report.new.kind == "working tree"
    a = report.assertions
    assert [(c.id, [f.field for f in c.fields]) for c in a.changed] == [(FLIPPED, ["direction"])]
    assert [x["id"] for x in a.added] == [ADDED]
    assert [x["id"] for x in a.removed] == [DELETED]
    assert [(r.old, r.new) for r in a.renamed] == [RENAMED]
    assert [(c.id, [(f.field, f.old, f.new) for f in c.fields]) for c in report.entities.changed] == [
        (REGROUNDED, [("curie", "HGNC:8763", "HGNC:8764")])
    ]
    assert report.entities.added == report.entities.removed == []
    assert report.sources.model_dump() == {"added": [], "removed": [], "changed": []}
    assert [(i.kind, i.subject) for i in report.checklist if i.kind != "lint"] == [
        ("sign_flip", FLIPPED),
        ("removed_evidence", DELETED),
        ("regrounded", REGROUNDED),
    ]
    # the deletion leaves the deleted claim's entities unused: new lint findings, not changes of their own
    unused = sorted(i.text.split("'")[1] for i in report.checklist if i.kind == "lint")
    assert unused == ["PDCD4", "fibroblast", "malignant_cell", "miR-21"]
    assert all(i.text.startswith("EXO302 ") for i in report.checklist if i.kind == "lint")
    drivers = {c.subject: c for c in report.impact if c.question == "drivers"}
    assert sorted(drivers) == ["RAB27A", "ev_secretion", "exosome_secretion"]
    assert [(x.other, x.effect, x.context) for x in drivers["RAB27A"].gained] == [
        ("HIF1A", "may increase amount", ["hypoxia"])
    ]
    assert [(x.other, x.effect) for x in drivers["exosome_secretion"].lost] == [("hypoxia", "increases secretion")]
    assert [(x.other, x.via) for x in drivers["ev_secretion"].lost] == [("hypoxia", "exosome_secretion")]
    assert drivers["RAB27A"].lost == drivers["exosome_secretion"].gained == drivers["ev_secretion"].gained == []
    assert Report.model_validate_json(report.model_dump_json()) == report


@pytest.mark.usefixtures("clone")
def test_the_markdown_report_shows_the_five_changes(cli: Callable[..., Result]) -> None:
    text = cli("diff", "--format", "markdown").output
    assert "| assertions | 1 | 1 | 1 | 1 |" in text
    assert "| entities | 0 | 0 | 1 |  |" in text
    checklist = text[text.index("### Reviewer's checklist") : text.index("### Answer impact")]
    found = re.findall(r"^- \[ \] \*\*(.+?)\*\* `(.+?)`", checklist, re.M)
    assert [f for f in found if f[0] != "New lint finding"] == [
        ("Sign flip", FLIPPED),
        ("Removed evidence", DELETED),
        ("Regrounded identifier", REGROUNDED),
    ]
    assert "identifier changed: HGNC:8763 (PDCD4) → HGNC:8764 (PDCD4)" in checklist
    assert "- **drivers of RAB27A**\n  - \\+ HIF1A: may increase amount (Hypoxia)\n" in text
    assert (
        "- **drivers of exosomal secretion**\n  - − Hypoxia: increases secretion (Homo sapiens, breast cancer)\n"
        in text
    )
    assert f"- `{RENAMED[0]}` → `{RENAMED[1]}`" in text
    assert f"| `{ADDED}` | HIF1A may increase amount of RAB27A (Hypoxia) | `mini2024` |" in text
    assert f"| `{DELETED}` | hsa-mir-21 decreases amount of PDCD4 (fibroblast, malignant cell) | `mini2024` |" in text


@pytest.mark.usefixtures("clone")
def test_the_terminal_report_shows_the_five_changes(cli: Callable[..., Result]) -> None:
    lines = cli("diff", "--format", "terminal").output.splitlines()
    assert lines[1] == "assertions +1 -1 ~1 renamed 1 · entities +0 -0 ~1 · sources +0 -0 ~0"
    changes = lines[lines.index("CHANGES") + 1 :]
    assert [line.split()[:2] for line in changes if not line.startswith("    ")] == [
        ["+", ADDED],
        ["-", DELETED],
        ["~", FLIPPED],
        [">", RENAMED[0]],
        ["~", "entity"],
    ]
    assert "      direction: increases → decreases" in changes
    assert "      curie: HGNC:8763 → HGNC:8764" in changes
    assert "  drivers of RAB27A" in lines
    assert "    + HIF1A: may increase amount (Hypoxia)" in lines


def _workflow_env(clone: Path, tmp_path: Path) -> dict[str, str]:
    return {
        "BASE_SHA": git(clone, "rev-parse", "main"),
        "RUNNER_TEMP": str(tmp_path / "runner"),
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
        "GITHUB_REPOSITORY": "octo/exograph",
        "PR_NUMBER": "12",
        "GH_TOKEN": "not-a-token",
        "FAKE_GH_LOG": str(tmp_path / "gh.log"),
    }


def test_the_workflow_posts_the_report_as_one_comment(clone: Path, tmp_path: Path) -> None:
    env = _workflow_env(clone, tmp_path)
    (tmp_path / "runner").mkdir()
    bin_dir = tmp_path / "bin"
    fake_gh(bin_dir)
    validate = run_step("Validate", clone, env, bin_dir)
    assert validate.returncode == 0 and "::error" not in validate.stdout
    diff = run_step("Curation diff", clone, env, bin_dir)
    assert diff.returncode == 0, diff.stderr
    body = (tmp_path / "runner/exograph-review.md").read_text(encoding="utf-8")
    base = env["BASE_SHA"][:10]
    assert body.startswith(f"<!-- exograph-curation-review -->\n## Curation review: {base} → working tree\n")
    for changed in (FLIPPED, ADDED, DELETED, *RENAMED, REGROUNDED):
        assert f"`{changed}`" in body
    assert "- **drivers of RAB27A**" in body
    assert (tmp_path / "summary.md").read_text(encoding="utf-8") == body.split("\n", 1)[1] + "\n"
    post = run_step("Post the review comment", clone, env, bin_dir)
    assert post.returncode == 0, post.stderr
    calls = gh_calls(tmp_path / "gh.log")
    assert [c["args"][-1] for c in calls] == ["repos/octo/exograph/issues/12/comments"] * 2
    assert calls[1]["input"] == {"body": body}
    assert "M curation/assertions/mini2024.yaml" in git(clone, "status", "--porcelain")


def test_the_workflow_annotates_problems_and_still_reports(clone: Path, tmp_path: Path) -> None:
    env = _workflow_env(clone, tmp_path)
    (tmp_path / "runner").mkdir()
    replace_in(clone / edits.ASSERTIONS, "regulator: sorafenib", "regulator: sorafenibb")
    validate = run_step("Validate", clone, env, tmp_path / "bin")
    assert validate.returncode == 1
    (line,) = validate.stdout.splitlines()
    location = re.fullmatch(r"::error file=(\S+),line=(\d+),col=(\d+),title=exograph validate::(.*)", line)
    assert location and location.group(1) == edits.ASSERTIONS
    broken = (clone / edits.ASSERTIONS).read_text(encoding="utf-8").splitlines()[int(location.group(2)) - 1]
    assert "sorafenibb" in broken
    diff = run_step("Curation diff", clone, env, tmp_path / "bin")
    assert diff.returncode == 1
    body = (tmp_path / "runner/exograph-review.md").read_text(encoding="utf-8")
    assert "**Validation problem on NEW**" in body and "> [!CAUTION]" in body
    assert json.dumps(body)  # a body the post step can send
