"""Write files and folders in one step, so an interrupted or failed write never leaves half a result.

Every temporary path is named ``.<target>.exograph-tmp-<pid>-<random>`` beside its target.
The pid lets the next write to the same target remove what a killed process left behind,
without ever touching a temporary path of a write still running, or any file of another name.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

TEMP_MARK = ".exograph-tmp-"


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
    (the caller knows which folders it wrote), so nothing a user put there is ever deleted.
    """
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
