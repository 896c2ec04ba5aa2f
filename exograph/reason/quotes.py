"""A printed quote cut around the words that support a step, never before them.

Quotes are kept whole in the curation; under a chain step only the sentences that name the
step's regulator or target are printed (with an ellipsis where text was left out), so the words
that support the step are always shown. A quote that names neither is printed whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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


def excerpt(quote: str, names: Iterable[str]) -> str:
    """The sentences of ``quote`` that name one of ``names``, joined by ellipses; all of it if none do."""
    if len(quote) <= SHORT:
        return quote
    sentences = _SENTENCES.split(quote)
    stems = _stems(names)
    kept = [i for i, s in enumerate(sentences) if any(stem in s.casefold() for stem in stems)]
    if not kept or len(kept) == len(sentences):
        return quote
    out = "" if kept[0] == 0 else "… "
    for previous, i in zip([None, *kept], kept, strict=False):
        if previous is not None:
            out += " " if i == previous + 1 else " … "
        out += sentences[i]
    return out + ("" if kept[-1] == len(sentences) - 1 else " …")
