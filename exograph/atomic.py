"""Write files in one step, so an interrupted or failed write never leaves half a file."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_path(path: Path, directory: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; move it into place only if the block succeeds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=path.parent))
    target = tmp if directory else tmp / path.name
    try:
        yield target
        if directory:
            target.chmod(0o755)  # mkdtemp makes it private; an export is meant to be shared
        if directory and path.is_dir():
            shutil.rmtree(path)
        target.replace(path)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)


def write_atomic(path: Path, text: str) -> None:
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
