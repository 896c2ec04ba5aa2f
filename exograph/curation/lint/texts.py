"""Where a quote stands in its source text: which lines, and whether they are table rows.

Quotes are checked verbatim up to whitespace, so a quote is found in the text with every run of
whitespace collapsed; the offsets are mapped back to the raw text, whose tab-separated lines are the
rows of the paper's tables.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

_SPACE = re.compile(r"\s+")
#: A table's title line: "Table I. ..." or a heading "#### TABLE 1 ..." (mu2025); "Table III. Continued." is none.
_CAPTION = re.compile(r"^(?:#+\s*)?(?:Table|TABLE) \S+?\.? (?!Continued)[^\n]*", re.MULTILINE)


@dataclass(slots=True)
class SourceText:
    """A source's raw text, its whitespace-collapsed form, and where each collapsed piece starts in both.

    Collapsing maps every run of whitespace to one space, so a stretch of ``flat`` between two such
    spaces is a stretch of the raw text; ``flat_starts`` and ``raw_starts`` hold where each stretch
    starts in each (one pair per run, not per character).
    """

    raw: str
    flat: str = ""
    flat_starts: list[int] = field(default_factory=list)
    raw_starts: list[int] = field(default_factory=list)
    #: Spans of each quote looked up so far: several rules ask for the same quote.
    found: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        raw = self.raw.strip()
        start = len(self.raw) - len(self.raw.lstrip())
        pos = length = 0
        for match in _SPACE.finditer(raw):
            self.flat_starts.append(length)
            self.raw_starts.append(start + pos)
            length += match.start() - pos + 1
            pos = match.end()
        self.flat_starts.append(length)
        self.raw_starts.append(start + pos)
        self.flat = _SPACE.sub(" ", raw)

    def _raw(self, at: int) -> int:
        """The raw offset of the character at ``at`` in ``flat``."""
        piece = bisect_right(self.flat_starts, at) - 1
        return self.raw_starts[piece] + at - self.flat_starts[piece]

    def spans(self, quote: str) -> list[tuple[int, int]]:
        """Raw ``(start, end)`` of every occurrence of ``quote`` (whitespace-insensitive)."""
        needle = " ".join(quote.split())
        if needle in self.found:
            return self.found[needle]
        found: list[tuple[int, int]] = []
        at = self.flat.find(needle) if needle else -1
        while at != -1:
            found.append((self._raw(at), self._raw(at + len(needle) - 1) + 1))
            at = self.flat.find(needle, at + 1)
        self.found[needle] = found
        return found

    def lines(self, span: tuple[int, int]) -> str:
        """The whole raw lines a span touches."""
        start = self.raw.rfind("\n", 0, span[0]) + 1
        end = self.raw.find("\n", span[1])
        return self.raw[start : len(self.raw) if end == -1 else end]

    def in_table(self, span: tuple[int, int]) -> bool:
        """Table rows are the tab-separated lines of a snapshot."""
        return "\t" in self.lines(span)

    @property
    def has_tables(self) -> bool:
        return "\t" in self.raw

    def caption(self, span: tuple[int, int]) -> str:
        """The title of the table a span stands in: the last 'Table N. ...' line before it ('Continued' skipped)."""
        titles = [m.group(0) for m in _CAPTION.finditer(self.raw, 0, span[0])]
        return titles[-1] if titles else ""
