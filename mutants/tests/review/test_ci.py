"""The workflow's pieces: annotations, the comment body, posting one comment, and the config files' validity."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from pre_commit.clientlib import load_config, load_manifest

from exograph.curation.problems import Problem
from exograph.review import ci
from exograph.review.github import annotation
from tests.conftest import PROJECT_ROOT, replace_in
from tests.review import edits
from tests.review.workflow import WORKFLOW, fake_gh, gh_calls, steps


def test_annotation_escapes_what_would_end_or_start_a_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    problem = Problem("curation/a,b:c.yaml", 3, 7, "100% wrong\n::error::injected\x1b[2J")
    assert annotation(problem, tmp_path, "exograph validate") == (
        "::error file=curation/a%2Cb%3Ac.yaml,line=3,col=7,title=exograph validate::"
        "100%25 wrong ::error::injected\\x1b[2J"
    )


def test_validate_format_github_annotates_each_problem(
    mini: Path, monkeypatch: pytest.MonkeyPatch, cli: Callable[..., Result]
) -> None:
    replace_in(mini / edits.ASSERTIONS, "regulator: sorafenib", "regulator: sorafenibb")
    monkeypatch.chdir(mini)
    result = cli("validate", "--format", "github")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert re.fullmatch(
        r"::error file=curation/assertions/mini2024\.yaml,line=\d+,col=\d+,title=exograph validate::"
        r"assertion 'mini2024-sorafenib-rab27a': regulator 'sorafenibb' is not a known entity.*",
        lines[0],
    )
    assert "curation/assertions/mini2024.yaml:" in lines[1]  # the usual file:line:col line follows
    assert cli("validate", "--format", "github", str(PROJECT_ROOT / "tests/fixtures/mini")).exit_code == 0


def test_comment_body_starts_with_the_marker_and_is_cut_cleanly() -> None:
    body = ci.comment_body("## report\n")
    assert body == f"{ci.MARKER}\n## report\n"
    long = "## r\n\n<details><summary>x</summary>\n\n" + "- a line\n" * 2000 + "\n</details>\n"
    cut = ci.comment_body(long, limit=1000)
    assert len(cut) < 1300
    assert cut.count("<details") == cut.count("</details>") == 1
    assert cut.rstrip().endswith("the whole report is in the job summary of the workflow run._")


@pytest.mark.parametrize(("existing", "outcome"), [("", "created"), ("4242", "updated")])
def test_post_creates_or_updates_one_comment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, existing: str, outcome: str
) -> None:
    fake_gh(tmp_path / "bin")
    log = tmp_path / "gh.log"
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}:{Path(sys.executable).parent}:/usr/bin:/bin")
    monkeypatch.setenv("FAKE_GH_LOG", str(log))
    monkeypatch.setenv("FAKE_GH_EXISTING", existing)
    comment = tmp_path / "comment.md"
    comment.write_text(ci.comment_body("## report | with text\n"), encoding="utf-8")
    result = CliRunner().invoke(ci.main, ["post", "--repo", "octo/exo", "--pr", "7", "--comment", str(comment)])
    assert result.exit_code == 0, result.output
    assert result.output == f"{outcome} the review comment on #7\n"
    calls = gh_calls(log)
    assert calls[0]["args"] == [
        "api",
        "--paginate",
        "--jq",
        '.[] | select(.body | contains("<!-- exograph-curation-review -->")) | .id',
        "repos/octo/exo/issues/7/comments",
    ]
    method, url = (
        ("POST", "repos/octo/exo/issues/7/comments")
        if not existing
        else ("PATCH", f"repos/octo/exo/issues/comments/{existing}")
    )
    assert calls[1]["args"][:3] == ["api", "--method", method]
    assert calls[1]["args"][-1] == url
    assert calls[1]["input"] == {"body": comment.read_text(encoding="utf-8")}
    assert len(calls) == 2


@pytest.mark.parametrize("repo", ["octo", "octo/exo/extra", "--jq=.", "octo/exo;rm"])
def test_post_refuses_a_malformed_repository(tmp_path: Path, repo: str) -> None:
    comment = tmp_path / "comment.md"
    comment.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(ci.main, ["post", "--repo", repo, "--pr", "7", "--comment", str(comment)])
    assert result.exit_code == 2
    assert "is not OWNER/NAME" in result.output


def test_the_workflow_is_a_valid_github_workflow() -> None:
    checker = Path(sys.executable).parent / "check-jsonschema"
    done = subprocess.run(
        [str(checker), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert list(data[True]) == ["pull_request"]  # YAML 1.1 reads the key 'on' as true
    assert data["permissions"] == {"contents": "read", "pull-requests": "write"}
    runs = {name: step["run"] for name, step in steps().items() if "run" in step}
    assert runs["Validate"] == "exograph validate --format github"
    assert "exograph lint --format github" in runs["Lint"]
    assert runs["Tests"] == "pytest -q"
    assert runs["Curation diff"].startswith('python -m exograph.review.ci report --base "$BASE_SHA"')
    assert 'python -m exograph.review.ci post --repo "$GITHUB_REPOSITORY"' in runs["Post the review comment"]


def test_pre_commit_hooks_are_valid_and_pass_on_clean_curation(
    mini: Path, monkeypatch: pytest.MonkeyPatch, cli: Callable[..., Result]
) -> None:
    hooks = {h["id"]: h for h in load_manifest(str(PROJECT_ROOT / ".pre-commit-hooks.yaml"))}
    assert sorted(hooks) == ["exograph-fmt-check", "exograph-validate"]
    monkeypatch.chdir(mini)
    for hook in hooks.values():
        program, *args = hook["entry"].split()
        assert program == "exograph"
        assert cli(*args).exit_code == 0, hook["id"]
    replace_in(mini / edits.ASSERTIONS, "    direction: increases\n", "    direction:    increases\n")
    assert cli(*hooks["exograph-fmt-check"]["entry"].split()[1:]).exit_code == 1


def test_the_documented_pre_commit_config_is_valid(tmp_path: Path) -> None:
    text = (PROJECT_ROOT / "docs/reviewing.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(# \.pre-commit-config\.yaml\n.*?)```", text, re.S)
    assert block, "docs/reviewing.md shows a .pre-commit-config.yaml"
    config = tmp_path / ".pre-commit-config.yaml"
    config.write_text(block.group(1), encoding="utf-8")
    loaded = load_config(str(config))
    ids = [hook["id"] for repo in loaded["repos"] for hook in repo["hooks"]]
    assert ids == ["exograph-validate", "exograph-fmt-check"]
    assert json.dumps(loaded)  # plain data


def test_a_failing_gh_is_reported_without_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_gh(tmp_path / "bin")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}:{Path(sys.executable).parent}:/usr/bin:/bin")
    monkeypatch.setenv("FAKE_GH_LOG", str(tmp_path / "gh.log"))
    monkeypatch.setenv("FAKE_GH_FAIL", "1")
    comment = tmp_path / "comment.md"
    comment.write_text("body", encoding="utf-8")
    result = CliRunner().invoke(ci.main, ["post", "--repo", "octo/exo", "--pr", "7", "--comment", str(comment)])
    assert result.exit_code == 1
    assert result.output == (
        "Error: gh api repos/octo/exo/issues/7/comments failed: HTTP 403: Resource not accessible by integration\n"
    )
    assert result.exception is None or isinstance(result.exception, SystemExit)
