"""Write files and folders in one step, so an interrupted or failed write never leaves half a result.

Only what the user owns is ever replaced: a target that is a symbolic link (``-o /dev/stdout`` is one),
a device, a pipe or a socket, or a file or folder of another user, is refused (:func:`check_replaceable`)
before anything is written, so a write never turns a system's link into a file.

Every temporary path is named ``.<target>.exograph-tmp-<pid>-<random>`` beside its target.
The pid lets the next write to the same target remove what a killed process left behind,
without ever touching a temporary path of a write still running, or any file of another name.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

TEMP_MARK = ".exograph-tmp-"


class UnsafeTarget(OSError):
    """A path exograph will not replace; the message says why and what to name instead."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    return "a file" if stat.S_ISREG(mode) else "not a regular file (a device, pipe or socket)"


def check_replaceable(path: Path, directory: bool = False) -> None:
    """Raise :class:`UnsafeTarget` unless ``path`` is absent, or a regular file (a folder, for ``directory``)
    that the user running exograph owns. The link itself is looked at, never what it points to."""
    try:
        found = path.lstat()
    except FileNotFoundError:
        return
    except OSError:
        return  # cannot be looked at: the write itself reports why
    what = "folder" if directory else "file"
    if stat.S_ISLNK(found.st_mode):
        raise UnsafeTarget(
            f"'{path}' is a symbolic link (to '{path.readlink()}'); exograph never replaces a link: "
            f"name a regular {what}"
        )
    if not (stat.S_ISDIR(found.st_mode) if directory else stat.S_ISREG(found.st_mode)):
        raise UnsafeTarget(f"'{path}' is {_kind(found.st_mode)}; exograph writes a {what} here: name a new {what}")
    if found.st_uid != os.geteuid():
        raise UnsafeTarget(f"'{path}' belongs to another user; exograph replaces only your own {what}s: name another")


def _leftovers(path: Path) -> Iterator[Path]:
    """Temporary paths of earlier writes to ``path`` whose process is gone."""
    pattern = re.compile(rf"^\.{re.escape(path.name)}{re.escape(TEMP_MARK)}(\d+)-[A-Za-z0-9_]+$")
    try:
        siblings = list(path.parent.iterdir())
    except OSError:
        return
    for sibling in siblings:
        match = pattern.match(sibling.name)
        if match and not _alive(int(match.group(1))):
            yield sibling


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists but belongs to someone else
        return True
    return True


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def clean_leftovers(path: Path) -> None:
    """Remove temporary paths a killed write to ``path`` left behind (only exograph's own)."""
    for leftover in _leftovers(path):
        _remove(leftover)


@contextmanager
def atomic_path(
    path: Path,
    directory: bool = False,
    *,
    make_parents: bool = True,
    replace_folder: Callable[[Path], bool] | None = None,
) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; move it into place only if the block succeeds.

    A folder target is replaced only when it is empty or ``replace_folder`` says it may be
    (the caller knows which folders it wrote), so nothing a user put there is ever deleted; a link, a
    device or another user's path is never replaced (:func:`check_replaceable`).
    """
    check_replaceable(path, directory)
    if make_parents:
        path.parent.mkdir(parents=True, exist_ok=True)
    clean_leftovers(path)
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}{TEMP_MARK}{os.getpid()}-", suffix="", dir=path.parent))
    target = tmp if directory else tmp / path.name
    try:
        yield target
        if directory:
            target.chmod(0o755)  # mkdtemp makes it private; an export is meant to be shared
            _swap_folder(target, path, replace_folder)
        else:
            target.replace(path)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def _swap_folder(new: Path, path: Path, replace_folder: Callable[[Path], bool] | None) -> None:
    """Put ``new`` where ``path`` is; an old folder is moved aside first and removed only after."""
    if not path.is_dir() or path.is_symlink():
        new.replace(path)
        return
    if any(path.iterdir()) and (replace_folder is None or not replace_folder(path)):
        raise FileExistsError(f"{path} is a folder that holds files exograph did not write")
    old = Path(tempfile.mkdtemp(prefix=f".{path.name}{TEMP_MARK}{os.getpid()}-", dir=path.parent))
    old.rmdir()
    path.rename(old)
    try:
        new.replace(path)
    except OSError:
        old.rename(path)
        raise
    shutil.rmtree(old, ignore_errors=True)


def write_atomic(path: Path, text: str) -> None:
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
