"""Where an export may be written, checked before anything is rendered.

An export never deletes or replaces what it did not create. A file format replaces a
regular file the user names; a folder format (KGX) writes a manifest,
``.exograph-export.json``, listing every file with its SHA-256, and later replaces a
folder only when it holds exactly the files of a previous export of the same format,
unchanged. Anything else is refused with a message naming the reason.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path

from exograph import __version__
from exograph.atomic import UnsafeTarget, check_replaceable

MANIFEST = ".exograph-export.json"
#: The largest manifest read: one line per file of an export, far below this.
MANIFEST_LIMIT = 16 * 1024 * 1024


class ExportTargetError(Exception):
    """The output path cannot be used; the message says why and what to do."""


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _read_regular(path: Path, limit: int) -> bytes:
    """The bytes of ``path`` if it is a regular file (not a link) of at most ``limit`` bytes, else OSError:
    a pipe put in its place would block for ever, a link to ``/dev/zero`` never end. Opened without
    following links or waiting, then checked, so nothing can be swapped in between."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as handle:
        found = os.fstat(fd)
        if not stat.S_ISREG(found.st_mode) or found.st_size > limit:
            raise OSError(f"{path} is not a regular file of at most {limit} bytes")
        return handle.read(limit + 1)


def _entries(folder: Path) -> list[str]:
    """Every file, link and empty folder below ``folder``, as relative paths; links are never followed."""
    found = []
    for top, dirs, files in os.walk(folder):
        here = Path(top)
        found += [(here / name).relative_to(folder).as_posix() for name in files]
        found += [(here / name).relative_to(folder).as_posix() for name in dirs if (here / name).is_symlink()]
        if not dirs and not files and here != folder:
            found.append(here.relative_to(folder).as_posix() + "/")
    return sorted(found)


def write_manifest(folder: Path, fmt: str) -> None:
    """Record what this export wrote (every file, in subfolders too), so the next one knows the folder is its own."""
    files = {name: _sha256(folder / name) for name in _entries(folder)}
    manifest = {"exograph": __version__, "format": fmt, "files": files}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")


def foreign_files(folder: Path, fmt: str) -> list[str]:
    """Names in ``folder`` that a previous ``fmt`` export did not write, or changed since."""
    names = _entries(folder)
    if not names:
        return []
    try:
        manifest = json.loads(_read_regular(folder / MANIFEST, MANIFEST_LIMIT).decode("utf-8"))
        files: dict[str, str] = manifest["files"] if manifest.get("format") == fmt else {}
        if not isinstance(files, dict):
            files = {}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return [n for n in names if n != MANIFEST] or names
    foreign = []
    for name in names:
        if name == MANIFEST:
            continue
        path = folder / name
        if name not in files or path.is_symlink() or not path.is_file() or _sha256(path) != files[name]:
            foreign.append(name)
    return foreign


def check_target(path: Path, fmt: str, directory: bool, root: Path) -> None:
    """Raise :class:`ExportTargetError` unless writing ``fmt`` to ``path`` harms nothing."""
    try:
        absolute = Path(os.path.abspath(path))  # noqa: PTH100 - resolve() would follow a link the user named
    except OSError:
        raise ExportTargetError("the current folder no longer exists: give -o an absolute path") from None
    parent = absolute.parent
    if absolute == Path(absolute.anchor) or absolute.name in ("", ".", ".."):
        raise ExportTargetError(f"'{path}' cannot be an export target: name a new file or folder")
    if not parent.is_dir():
        what = "is not a folder" if parent.exists() else "does not exist"
        raise ExportTargetError(f"cannot write '{path}': folder '{parent}' {what} (create it first)")
    for protected in ("curation", "sources"):
        inside = (root / protected).resolve()
        if absolute.resolve() == inside or inside in absolute.resolve().parents:
            raise ExportTargetError(f"'{path}' is inside the curation's {protected}/ folder: write exports elsewhere")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise ExportTargetError(f"cannot write '{path}': folder '{parent}' is not writable")
    if directory and absolute.exists() and not absolute.is_dir():
        raise ExportTargetError(f"'{path}' is a file; {fmt} writes a folder: name a new folder")
    if not directory and absolute.is_dir() and not absolute.is_symlink():
        raise ExportTargetError(f"'{path}' is a folder; {fmt} writes a file: name a file, e.g. {path}/exograph.{fmt}")
    try:
        check_replaceable(path, directory)  # before anything in a folder is read: a link, a device, a pipe
    except UnsafeTarget as exc:
        raise ExportTargetError(str(exc)) from None
    if directory:
        _check_folder(path, absolute, fmt)


def _check_folder(path: Path, absolute: Path, fmt: str) -> None:
    if not absolute.is_dir():
        return
    cwd = Path.cwd().resolve()
    if absolute.resolve() == cwd or absolute.resolve() in cwd.parents:
        raise ExportTargetError(
            f"'{path}' is the folder you are working in (or holds it); {fmt} replaces its output folder "
            "as a whole: name a new folder, e.g. -o exograph-kgx"
        )
    foreign = foreign_files(absolute, fmt)
    if foreign:
        shown = ", ".join(foreign[:5]) + (f" and {len(foreign) - 5} more" if len(foreign) > 5 else "")
        raise ExportTargetError(
            f"'{path}' is a folder holding files a previous {fmt} export did not write ({shown}); "
            "exograph never replaces them: name a new or empty folder"
        )
