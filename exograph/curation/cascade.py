"""Root causes first: references to a definition that is present but invalid are counted, not reported.

Without this, one broken entity (a typo in its CURIE) would bury its own message under
a "not a known entity" line for every assertion that uses it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from exograph.curation.problems import Problem


@dataclass(slots=True)
class Cascade:
    """Names defined but invalid (``what`` is "entity" or "source"), and how often each was referred to."""

    what: str
    invalid: dict[str, tuple[str, int]]
    #: The folder of these definitions is missing: every reference is unknown for that one reason.
    missing_folder: str | None = None
    counts: Counter[str] = field(default_factory=Counter)

    #: Up to this many invalid definitions in one file are named one by one.
    ONE_BY_ONE = 3

    def absorbs(self, name: str) -> bool:
        """True (and counted) when ``name`` is unknown only because its own definition is invalid."""
        if name in self.invalid or self.missing_folder is not None:
            self.counts[name] += 1
            return True
        return False

    def problems(self) -> list[Problem]:
        if self.missing_folder is not None and self.counts:
            total = sum(self.counts.values())
            message = f"{_references(total)} to {self.what} definitions could not be checked: the folder is missing"
            return [Problem(self.missing_folder, 1, 1, message)]
        by_file: dict[str, list[str]] = {}
        for name in sorted(self.counts):
            by_file.setdefault(self.invalid[name][0], []).append(name)
        found = []
        for file, names in by_file.items():
            if len(names) > self.ONE_BY_ONE:  # a whole file is broken: one line for it, not one per record
                line = min(self.invalid[n][1] for n in names)
                refs = _references(sum(self.counts[n] for n in names))
                message = (
                    f"{len(names)} {self.what} definitions in {file} could not be used ({', '.join(names[:3])}, ...), "
                    f"so {refs} to them could not be checked: fix the problems reported in this file"
                )
                found.append(Problem(file, line, 1, message))
                continue
            for name in names:
                line = self.invalid[name][1]
                found.append(
                    Problem(
                        file,
                        line,
                        1,
                        f"{self.what} '{name}' is defined at {file}:{line} but invalid, so "
                        f"{_references(self.counts[name])} to it could not be checked: fix the problems reported "
                        "in this file",
                    )
                )
        return found


def _references(count: int) -> str:
    return f"{count} reference{'s' if count != 1 else ''}"
