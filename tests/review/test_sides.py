"""Reading a side: folders, revisions from git objects, the merge-base default, and refused revisions."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from exograph.review.sides import SideError, open_side, verify_revision
from tests.conftest import replace_in
from tests.review import edits
from tests.review.conftest import git, snapshot


def test_a_revision_is_read_from_git_objects_into_a_folder_removed_afterwards(repo: Path) -> None:
    edits.delete(repo, "mini2024-mir21-pdcd4")  # uncommitted: the revision must not see it
    before = snapshot(repo)
    with open_side("main", repo) as side:
        assert side.kind == "revision"
        assert side.commit == git(repo, "rev-parse", "main")
        assert "mini2024-mir21-pdcd4" in (side.root / edits.ASSERTIONS).read_text(encoding="utf-8")
        assert not side.root.is_relative_to(repo)
        temporary = side.root
    assert not temporary.exists()
    assert snapshot(repo) == before


def test_the_default_old_side_is_the_merge_base_with_main(repo: Path) -> None:
    base = git(repo, "rev-parse", "main")
    edits.delete(repo, "mini2024-mir21-pdcd4")
    git(repo, "commit", "-qam", "delete one")
    git(repo, "checkout", "-q", "main")
    edits.delete(repo, "mini2024-sorafenib-rab27a")
    git(repo, "commit", "-qam", "main moves on")
    git(repo, "checkout", "-q", "change")
    with open_side(None, repo, default_base=True) as side:
        assert (side.spec, side.commit) == ("merge-base of main", base)


def test_without_main_the_default_old_side_says_what_to_type(repo: Path) -> None:
    git(repo, "branch", "-q", "-m", "main", "trunk")
    expected = r"no branch main or origin/main .*exograph diff HEAD~1"
    with pytest.raises(SideError, match=expected), open_side(None, repo, default_base=True):
        pass


def test_a_folder_side_must_be_a_curation_root(repo: Path, tmp_path: Path) -> None:
    with open_side(str(repo), repo) as side:
        assert (side.kind, side.root) == ("folder", repo)
    (tmp_path / "empty").mkdir()
    with pytest.raises(SideError, match="holds no curation/ and sources/"), open_side(str(tmp_path / "empty"), repo):
        pass


def test_a_revision_without_curation_is_refused(repo: Path) -> None:
    git(repo, "checkout", "-q", "--orphan", "bare")
    git(repo, "rm", "-rqf", ".")
    (repo / "README").write_text("nothing here\n")
    git(repo, "add", "README")
    git(repo, "commit", "-qm", "no curation")
    with pytest.raises(SideError, match=r"has no curation/ or sources/ folder"), open_side("bare", repo):
        pass


def test_outside_a_git_checkout_revisions_are_refused_clearly(mini: Path) -> None:
    with pytest.raises(SideError, match="not inside a git checkout"):
        verify_revision(mini, "HEAD")


@pytest.mark.parametrize(
    ("revision", "message"),
    [
        ("--output=stolen.tar", "cannot start with '-'"),
        ("-x", "cannot start with '-'"),
        ("--", "cannot start with '-'"),
        ("no-such-revision", "neither a curation folder nor a commit"),
        ("main:curation", "neither a curation folder nor a commit"),  # a tree, not a commit
        ("", "an empty revision names nothing"),
        ("\x1b[2Jmain", "'\\x1b[2Jmain' is neither a curation folder nor a commit"),
    ],
)
def test_refused_revisions_leave_every_file_untouched(
    repo: Path, cli: Callable[..., Result], revision: str, message: str
) -> None:
    before = snapshot(repo)
    result = cli("diff", "--", revision)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert snapshot(repo) == before
    assert not (repo / "stolen.tar").exists()


def test_a_refused_new_side_is_refused_too(repo: Path, cli: Callable[..., Result]) -> None:
    before = snapshot(repo)
    result = cli("diff", "main", "--", "--output=stolen.tar")
    assert result.exit_code == 2
    assert "cannot start with '-'" in result.output
    assert snapshot(repo) == before


def test_a_folder_named_like_an_option_is_reached_through_a_path(repo: Path, cli: Callable[..., Result]) -> None:
    shutil.copytree(repo, repo.parent / "-old", ignore=shutil.ignore_patterns(".git"))
    replace_in(repo / edits.ASSERTIONS, "direction: decreases", "direction: increases")
    result = cli("diff", "--format", "json", str(repo.parent / "-old"))
    assert result.exit_code == 0, result.output
    assert '"mini2024-mir21-pdcd4"' in result.output


@pytest.mark.parametrize("target", ["/etc/passwd", "../assertions/mini2024.yaml"])
def test_a_revision_that_commits_a_link_is_refused_with_a_message(repo: Path, target: str) -> None:
    (repo / "curation/entities/linked.yaml").symlink_to(target)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "a link")
    expected = r"holds 1 symbolic link or special file \(curation/entities/linked.yaml\); .* regular files only"
    with pytest.raises(SideError, match=expected), open_side("HEAD", repo):
        pass
