"""What the pull-request workflow (``.github/workflows/curation.yml``) runs, kept here so tests can run it.

``python -m exograph.review.ci report --base SHA --comment FILE`` compares the
pull request's base with the working tree, appends the report to the job
summary and writes the comment body (the report behind a hidden marker); the
annotations come from the workflow's ``exograph validate --format github`` step. ``python -m exograph.review.ci post``
then creates that comment, or updates the one the marker finds, with ``gh api``:
one comment per pull request, however often it is pushed to.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import click

MARKER = "<!-- exograph-curation-review -->"
#: GitHub refuses comments longer than 65,536 characters; leave room for the marker and the note.
COMMENT_LIMIT = 60_000
REPO_PATTERN = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")


def comment_body(report_markdown: str, limit: int = COMMENT_LIMIT) -> str:
    """The PR comment: the marker, then the report, cut at a line (closing an open section) when too long."""
    text = report_markdown
    if len(text) > limit:
        text = text[: text.rfind("\n", 0, limit) + 1]
        text += "\n</details>\n" * (text.count("<details") - text.count("</details>"))
        text += "\n_The report is cut here; the whole report is in the job summary of the workflow run._\n"
    return f"{MARKER}\n{text}"


def _gh(*args: str) -> str:
    try:
        done = subprocess.run(["gh", *args], capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise click.ClickException("the GitHub CLI 'gh' is not installed") from None
    if done.returncode != 0:
        raise click.ClickException(f"gh {args[0]} {args[-1]} failed: {done.stderr.strip()}")
    return done.stdout


def post(repo: str, pr: int, body: str) -> str:
    """Create the review comment, or update the one already carrying the marker; returns 'created' or 'updated'."""
    if not REPO_PATTERN.fullmatch(repo):
        raise click.BadParameter(f"'{repo}' is not OWNER/NAME", param_hint="--repo")
    found = _gh(
        "api",
        "--paginate",
        "--jq",
        f".[] | select(.body | contains({json.dumps(MARKER)})) | .id",
        f"repos/{repo}/issues/{pr}/comments",
    ).split()
    existing = next((i for i in found if i.isdigit()), None)
    with tempfile.TemporaryDirectory(prefix="exograph-ci-") as tmp:
        payload = Path(tmp) / "comment.json"
        payload.write_text(json.dumps({"body": body}), encoding="utf-8")
        if existing is None:
            _gh("api", "--method", "POST", "--input", str(payload), f"repos/{repo}/issues/{pr}/comments")
            return "created"
        _gh("api", "--method", "PATCH", "--input", str(payload), f"repos/{repo}/issues/comments/{existing}")
        return "updated"


@click.group()
def main() -> None:
    """The curation pull-request workflow's steps."""


@main.command()
@click.option("--base", required=True, help="The pull request's base commit (OLD).")
@click.option("--head", default=None, help="NEW; default: the working tree.")
@click.option("--comment", "comment_file", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--summary",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="GITHUB_STEP_SUMMARY",
    help="File the report is appended to (default: $GITHUB_STEP_SUMMARY).",
)
def report(base: str, head: str | None, comment_file: Path, summary: Path | None) -> None:
    """The report in the job summary and the comment body in FILE; exit 1 if NEW is invalid."""
    from exograph.layout import find_root
    from exograph.review import markdown
    from exograph.review.report import compare
    from exograph.review.sides import SideError

    try:
        result = compare(base, head, find_root())
    except SideError as exc:
        raise click.UsageError(str(exc)) from None
    text = markdown.render(result)
    if summary is not None:
        with summary.open("a", encoding="utf-8") as out:
            out.write(text + "\n")
    comment_file.write_text(comment_body(text), encoding="utf-8")
    if result.new_problems:
        sys.exit(1)


@main.command("post")
@click.option("--repo", default=lambda: os.environ.get("GITHUB_REPOSITORY"), required=True, help="OWNER/NAME.")
@click.option("--pr", type=click.IntRange(min=1), required=True, help="The pull request number.")
@click.option("--comment", "comment_file", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def post_command(repo: str, pr: int, comment_file: Path) -> None:
    """Create or update the one review comment on the pull request."""
    click.echo(f"{post(repo, pr, comment_file.read_text(encoding='utf-8'))} the review comment on #{pr}")


if __name__ == "__main__":
    main()
