"""Where curation lives on disk, and a fingerprint of its content.

Kept free of heavy imports: every command, including a fast query, starts here.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

PACKAGED_ROOT = Path(__file__).parent / "_data"


@dataclass(frozen=True, slots=True)
class Layout:
    """The files of one curation root: ``sources/`` and ``curation/{entities,assertions}/``."""

    root: Path

    @property
    def sources(self) -> list[Path]:
        return sorted((self.root / "sources").glob("*.yaml"))

    @property
    def entities(self) -> list[Path]:
        return sorted((self.root / "curation" / "entities").glob("*.yaml"))

    @property
    def assertions(self) -> list[Path]:
        return sorted((self.root / "curation" / "assertions").glob("*.yaml"))

    def yaml_files(self) -> list[Path]:
        return self.sources + self.entities + self.assertions

    def relative(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def digests(self) -> dict[str, bytes]:
        """The :func:`digest_of` of every file the compiled knowledge depends on, by path in the root.

        Every file in ``sources/`` counts, whatever its name, because a source's text
        snapshot (any plain file name there) is what its quotes are checked against.
        A path that is not a readable regular file (a folder or broken link named
        ``*.yaml``, a pipe) counts by name and kind only: it is never opened, and the
        checks report it.
        """
        try:
            snapshots = sorted(p for p in (self.root / "sources").iterdir() if p.suffix != ".yaml")
        except OSError:
            snapshots = []
        return {self.relative(path): digest_of(_content(path)) for path in self.yaml_files() + snapshots}


def digest_of(raw: bytes) -> bytes:
    """The hash a file's bytes are known by: a result computed from these bytes is kept under it."""
    return hashlib.blake2b(raw, digest_size=16).digest()


def fingerprint_of(digests: dict[str, bytes]) -> str:
    """One hash of a root's files, from their paths and :func:`digest_of` their bytes."""
    digest = hashlib.blake2b(digest_size=20)
    for rel, content in digests.items():
        digest.update(rel.encode() + b"\0" + content + b"\0")
    return digest.hexdigest()


def _content(path: Path) -> bytes:
    try:
        if path.is_file():
            return path.read_bytes()
        return b"<folder>" if path.is_dir() else b"<not a regular file>"
    except OSError as exc:
        return f"<unreadable: {exc.errno}>".encode()


def is_root(path: Path) -> bool:
    return (path / "curation").is_dir() and (path / "sources").is_dir()


def find_root(start: Path | None = None) -> Path:
    """The checkout the user stands in, else the curation shipped with the package.

    Walking up from the working directory means commands inside a checkout see
    the curator's edits; anywhere else they answer from the released knowledge.
    """
    try:
        here = (start or Path.cwd()).resolve()
    except OSError:  # the working folder was deleted: no checkout to stand in
        here = Path("/")
    for candidate in (here, *here.parents):
        if is_root(candidate):
            return candidate
    source_tree = Path(__file__).resolve().parent.parent  # an editable install
    if is_root(source_tree):
        return source_tree
    return PACKAGED_ROOT
