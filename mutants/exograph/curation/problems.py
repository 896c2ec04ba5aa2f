"""Problems found in curation, each pinned to a file, line and column."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing a curator must fix; ``str()`` gives the ``file:line:col: message`` form editors understand."""

    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class CurationError(Exception):
    """Raised when curation cannot be compiled; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} curation problem(s)")
        self.problems = sorted(problems)
