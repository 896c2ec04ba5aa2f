"""GitHub Actions workflow commands: problems as ``::error file=…,line=…::…`` annotations.

An annotation puts a problem on the changed line of the pull request. Values
are escaped as the workflow-command format requires (``%``, CR, LF; in
properties also ``:`` and ``,``), after control characters are made visible,
so a message can neither end the command early nor start another one.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol

from exograph.review.escape import visible


class Located(Protocol):
    """A problem with a file relative to its curation root (``Problem`` and ``ProblemInfo`` both are)."""

    @property
    def file(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...
    @property
    def message(self) -> str: ...


def _data(text: str) -> str:
    return visible(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Located, root: Path, title: str, level: str = "error") -> str:
    """One workflow command; the file is given relative to the working directory, as GitHub expects."""
    path = Path(os.path.relpath(root / problem.file)).as_posix()
    return (
        f"::{level} file={_property(path)},line={problem.line},col={problem.column},"
        f"title={_property(title)}::{_data(problem.message)}"
    )
