"""The two things a diff compares: a folder, a git revision, or the working tree.

A revision is never handed to git as the user typed it. It is refused when it
starts with ``-`` (git would read it as an option, e.g. ``--output=FILE``),
then verified with ``git rev-parse --verify --end-of-options REV^{commit}``;
every later git command sees only the resolved commit id. Its files are read
from git objects (``git archive`` of that commit) into a temporary folder this
module creates and removes, so the working tree and the index are never touched.
"""

from __future__ import annotations

import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Literal

from exograph.layout import is_root
from exograph.review.escape import visible

SideKind = Literal["folder", "revision", "working tree"]
#: What a curation root is made of; a revision must hold both.
ROOT_FOLDERS = ("curation", "sources")
#: The branch OLD defaults to (its merge-base with HEAD); CI checkouts often only have the remote one.
BASE_BRANCHES = ("main", "origin/main")


class SideError(ValueError):
    """A side that cannot be read: a usage error (exit 2) with a message that says what to type instead."""


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a comparison: what the user named, what it resolved to, and where its files are."""

    spec: str
    kind: SideKind
    root: Path
    commit: str | None = None


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=repo, capture_output=True, check=False)
    except FileNotFoundError:
        raise SideError("git is not installed; compare folders instead (exograph diff OLD_FOLDER NEW_FOLDER)") from None


def git_root(repo: Path) -> Path:
    """The checkout ``repo`` belongs to, or a clear error when it is not one."""
    done = _git(repo, "rev-parse", "--show-toplevel")
    if done.returncode != 0:
        raise SideError(f"{repo} is not inside a git checkout; compare folders instead (exograph diff OLD NEW)")
    return Path(done.stdout.decode().strip())


def verify_revision(repo: Path, revision: str) -> str:
    """The full commit id ``revision`` names in ``repo``; refuses anything git could read as an option."""
    if not revision.strip():
        raise SideError("an empty revision names nothing; give a revision (e.g. main) or a folder")
    shown = visible(revision)
    if revision.startswith("-"):
        raise SideError(
            f"'{shown}' is not a revision: a revision cannot start with '-' "
            f"(for a folder of that name, write ./{shown})"
        )
    git_root(repo)
    done = _git(repo, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
    commit = done.stdout.decode().strip()
    if done.returncode != 0 or not commit:
        raise SideError(f"'{shown}' is neither a curation folder nor a commit of the git checkout at {repo}")
    return commit


def merge_base(repo: Path) -> tuple[str, str]:
    """The default OLD side: where HEAD left ``main``, as (name, commit id)."""
    head = verify_revision(repo, "HEAD")
    for branch in BASE_BRANCHES:
        try:
            base = verify_revision(repo, branch)
        except SideError:
            continue
        done = _git(repo, "merge-base", base, head)
        if done.returncode == 0:
            return f"merge-base of {branch}", done.stdout.decode().strip()
    raise SideError(
        f"no branch {' or '.join(BASE_BRANCHES)} to compare with in {repo}; name OLD explicitly, "
        "e.g. 'exograph diff HEAD~1' or 'exograph diff origin/develop'"
    )


def _extract(repo: Path, commit: str, into: Path) -> None:
    listed = _git(repo, "ls-tree", "--name-only", commit, "--", *ROOT_FOLDERS)
    present = set(listed.stdout.decode().split())
    missing = [name for name in ROOT_FOLDERS if name not in present]
    if listed.returncode != 0 or missing:
        raise SideError(f"commit {commit[:10]} has no {' or '.join(m + '/' for m in missing)} folder beside {repo}")
    archive = _git(repo, "archive", "--format=tar", commit, "--", *ROOT_FOLDERS)
    if archive.returncode != 0:
        raise SideError(f"git archive of {commit[:10]} failed: {archive.stderr.decode(errors='replace').strip()}")
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        members = tar.getmembers()
        links = [m.name for m in members if not (m.isfile() or m.isdir())]
        if links:
            shown = ", ".join(visible(name) for name in links[:3]) + (
                f" and {len(links) - 3} more" if len(links) > 3 else ""
            )
            raise SideError(
                f"commit {commit[:10]} holds {len(links)} symbolic link{'s' if len(links) != 1 else ''} or "
                f"special file{'s' if len(links) != 1 else ''} ({shown}); a revision's curation is read from "
                "regular files only: commit the files themselves, or compare folders (exograph diff OLD NEW)"
            )
        tar.extractall(into, members=members, filter="data")


@contextmanager
def open_side(spec: str | None, repo: Path, default_base: bool = False) -> Iterator[Side]:
    """Yield the side ``spec`` names; a revision's files live in a temporary folder removed afterwards.

    ``spec`` None means the working tree at ``repo``, or, with ``default_base``,
    the merge-base of HEAD with ``main``.
    """
    if spec is None and not default_base:
        yield Side("working tree", "working tree", repo)
        return
    if spec and not spec.startswith("-") and Path(spec).is_dir():
        if not is_root(Path(spec)):
            raise SideError(f"folder {spec} holds no curation/ and sources/ folders")
        yield Side(spec, "folder", Path(spec))
        return
    name, commit = merge_base(repo) if spec is None else (spec, verify_revision(repo, spec))
    with tempfile.TemporaryDirectory(prefix="exograph-diff-") as tmp:
        _extract(repo, commit, Path(tmp))
        yield Side(name, "revision", Path(tmp), commit)
