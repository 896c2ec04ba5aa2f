"""A printed quote cut around the words that support a step, never before them.

Quotes are kept whole in the curation; under a chain step only the sentences that name the
step's regulator or target are printed (with an ellipsis where text was left out), so the words
that support the step are always shown. A name is found whole, whatever spaces, hyphens or slashes a
paper puts between its letters and however it writes a Greek letter ("HIF-1 $\alpha$" names HIF-1α,
"HIF-1a" names HIF1A), or by its first word. A quote that names neither is printed whole.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache

#: Quotes up to this long are printed whole.
SHORT = 200
_SENTENCES = re.compile(r"(?<=[.;!?])\s+(?=[A-Z(\[])")


def _stems(names: Iterable[str]) -> list[str]:
    """The words a quote uses for an entity: its name, and its first word when that is distinctive."""
    stems = []
    for name in names:
        lowered = name.casefold()
        stems.append(lowered)
        first = re.split(r"[\s(/-]", lowered)[0]
        if len(first) >= 4:
            stems.append(first.rstrip("s"))
    return stems


_LATEX_GREEK = re.compile(r"\$\s*\\([a-zA-Z]+)\s*\$")


def _greek(match: re.Match[str]) -> str:
    """``$\\alpha$`` as α (a LaTeX command that names no Greek letter is left as it is)."""
    try:
        return unicodedata.lookup(f"GREEK SMALL LETTER {match.group(1).upper()}")
    except KeyError:
        return match.group(0)


@cache
def _pattern(name: str) -> re.Pattern[str]:
    """``name`` as whole characters that spaces, hyphens, underscores or slashes may separate, plural allowed."""
    chars = [c for c in name.casefold() if c.isalnum()]
    between = r"[\s\-_/]*"
    return re.compile(r"(?<![^\W_])" + between.join(map(re.escape, chars)) + r"(?:e?s)?(?![^\W_])")


def _names(sentence: str, names: list[str]) -> bool:
    text = _LATEX_GREEK.sub(_greek, sentence).casefold()
    return any(_pattern(name).search(text) for name in names if any(c.isalnum() for c in name))


def excerpt(quote: str, names: Iterable[str]) -> str:
    """The sentences of ``quote`` that name one of ``names``, joined by ellipses; all of it if none do."""
    if len(quote) <= SHORT:
        return quote
    sentences = _SENTENCES.split(quote)
    names = list(names)
    stems = _stems(names)
    kept = [i for i, s in enumerate(sentences) if any(stem in s.casefold() for stem in stems) or _names(s, names)]
    if not kept or len(kept) == len(sentences):
        return quote
    out = "" if kept[0] == 0 else "… "
    for previous, i in zip([None, *kept], kept, strict=False):
        if previous is not None:
            out += " " if i == previous + 1 else " … "
        out += sentences[i]
    return out + ("" if kept[-1] == len(sentences) - 1 else " …")
