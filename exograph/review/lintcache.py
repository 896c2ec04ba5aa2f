"""Lint findings of one side, kept between diffs under a hash of everything they depend on.

Lint reads the whole curation (its cross-record rules span files), so a side's findings are
reused only when every file under ``curation/`` and ``sources/`` and the code that reads,
checks and lints them are byte for byte the same: the findings are then exactly what a new
lint would report. They live in the cache folder (``lint/``, one small file per root
folder, replaced on every change); a revision's temporary root is never cached (each diff
would leave a file), and a cache that cannot be read or written only costs time.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from pathlib import Path
from typing import TYPE_CHECKING

from exograph.layout import Layout

if TYPE_CHECKING:
    from exograph.curation.lint.base import Finding

#: The lint rules; the code that reads and checks curation is in :func:`code_digest` already.
_LINT_CODE = Path(__file__).resolve().parent.parent / "curation" / "lint"


def _key(root: Path) -> bytes:
    """A hash of the lint code and of every file (path and bytes) under the side's curation and sources."""
    from exograph.compiled.incremental import code_digest

    digest = hashlib.blake2b(code_digest(), digest_size=16)
    for path in sorted(_LINT_CODE.glob("*.py")):
        digest.update(path.read_bytes())
    for folder in ("curation", "sources"):
        for path in sorted((root / folder).rglob("*")):
            if not path.is_symlink() and not path.is_file():  # a folder (or a pipe, never read)
                digest.update(b"\1" + str(path.relative_to(root)).encode() + b"\0")
                continue
            try:  # a link's target may change unseen, an unreadable file is unknown: never reuse either
                content = os.urandom(16) if path.is_symlink() else path.read_bytes()
            except OSError:
                content = os.urandom(16)
            digest.update(str(path.relative_to(root)).encode() + b"\0" + hashlib.blake2b(content).digest())
    return digest.digest()


def _cache_file(root: Path) -> Path | None:
    from exograph.compiled.store import CacheError, cache_path

    try:
        store = cache_path(root)
    except CacheError:
        return None
    return store.parent / "lint" / f"{store.stem}.pickle"


def lint_findings(root: Path, cache: bool = True) -> list[Finding]:
    """Every lint finding of ``root``, as ``exograph lint`` reports them, from the cache when nothing changed."""
    from exograph.curation.lint import lint

    path = _cache_file(root) if cache else None
    key = _key(root) if path is not None else b""
    if path is not None:
        with contextlib.suppress(OSError, pickle.UnpicklingError, ValueError, EOFError):
            stored_key, findings = pickle.loads(path.read_bytes())
            if stored_key == key:
                return list(findings)
    findings = lint(Layout(root)).findings
    if path is not None:
        with contextlib.suppress(OSError):
            from exograph.atomic import atomic_path

            with atomic_path(path) as tmp:
                tmp.write_bytes(pickle.dumps((key, findings)))
    return findings
