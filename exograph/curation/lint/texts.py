"""Where a quote stands in its source text: which lines, and whether they are table rows.

Quotes are checked verbatim up to whitespace, so a quote is found in the text with every run of
whitespace collapsed; the offsets are mapped back to the raw text, whose tab-separated lines are the
rows of the paper's tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_SPACE = re.compile(r"\s+")
_CAPTION = re.compile(r"^Table \S+\.(?! Continued)[^\n]*", re.MULTILINE)


@dataclass(slots=True)
class SourceText:
    """A source's raw text, its whitespace-collapsed form and the raw offset of each collapsed character."""

    raw: str
    flat: str = ""
    offsets: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        pieces: list[str] = []
        pos = 0
        raw = self.raw.strip()
        start = len(self.raw) - len(self.raw.lstrip())
        for match in _SPACE.finditer(raw):
            chunk = raw[pos : match.start()]
            pieces.append(chunk + " ")
            self.offsets.extend(range(start + pos, start + match.start()))
            self.offsets.append(start + match.start())
            pos = match.end()
        pieces.append(raw[pos:])
        self.offsets.extend(range(start + pos, start + len(raw)))
        self.flat = "".join(pieces)

    def spans(self, quote: str) -> list[tuple[int, int]]:
        """Raw ``(start, end)`` of every occurrence of ``quote`` (whitespace-insensitive)."""
        needle = " ".join(quote.split())
        found: list[tuple[int, int]] = []
        if not needle:
            return found
        at = self.flat.find(needle)
        while at != -1:
            found.append((self.offsets[at], self.offsets[at + len(needle) - 1] + 1))
            at = self.flat.find(needle, at + 1)
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
