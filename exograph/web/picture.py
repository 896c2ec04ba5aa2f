"""Write a diagram to the file a user names, with the same care as an export.

The target is checked before anything is laid out (never inside curation/ or
sources/, never a folder, a device or a missing folder's child), and the file is
written in one step beside it, so a failed or interrupted render harms nothing.
"""

from __future__ import annotations

from pathlib import Path

from exograph.web import dot
from exograph.web.diagram import Diagram

SUFFIXES = (".svg", ".png", ".html")


def picture_bytes(picture: Diagram, suffix: str, dpi: int = dot.DEFAULT_DPI) -> bytes:
    """The laid-out picture in the format its file name asks for (a PNG at ``dpi``)."""
    if suffix == ".html":
        from exograph.web.pages import render_page

        return render_page(picture, dot.render_bytes(picture, "svg").decode("utf-8")).encode("utf-8")
    return dot.render_bytes(picture, suffix[1:], dpi)


def write_picture(picture: Diagram, path: Path, root: Path, dpi: int = dot.DEFAULT_DPI) -> None:
    """Raises ExportTargetError (nothing touched) or dot.GraphvizMissing."""
    from exograph.atomic import atomic_path
    from exograph.export.target import ExportTargetError, check_target

    suffix = path.suffix.lower()
    check_target(path, suffix[1:], directory=False, root=root)
    data = picture_bytes(picture, suffix, dpi)
    try:
        with atomic_path(path, make_parents=False) as tmp:
            tmp.write_bytes(data)
    except OSError as exc:
        raise ExportTargetError(f"cannot write '{path}': {exc.strerror or exc}") from exc
