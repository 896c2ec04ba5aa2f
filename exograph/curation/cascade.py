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

    def absorbs(self, name: str) -> bool:
        """True (and counted) when ``name`` is unknown only because its own definition is invalid."""
        if name in self.invalid or self.missing_folder is not None:
            self.counts[name] += 1
            return True
        return False

    def problems(self) -> list[Problem]:
        if self.missing_folder is not None and self.counts:
            total = sum(self.counts.values())
            message = f"{total} references to {self.what} definitions could not be checked: the folder is missing"
            return [Problem(self.missing_folder, 1, 1, message)]
        found = []
        for name, count in sorted(self.counts.items()):
            file, line = self.invalid[name]
            refs = f"{count} reference{'s' if count != 1 else ''}"
            found.append(
                Problem(
                    file,
                    line,
                    1,
                    f"{self.what} '{name}' is defined at {file}:{line} but invalid, so {refs} to it "
                    "could not be checked: fix the problems reported in this file",
                )
            )
        return found
