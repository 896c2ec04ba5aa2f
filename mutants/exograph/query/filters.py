"""Filters that can only give an empty answer are usage errors, not empty tables.

An unknown ``--source``, or an entity of a kind the filter's context fields never hold
(``--disease human``), would silently match nothing; the user is told, with suggestions.
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from exograph.compiled.store import Store
from exograph.curation.vocab import CONTEXT_KINDS

if TYPE_CHECKING:
    from exograph.query.neighbours import Filters


class BadFilter(ValueError):
    """A filter naming no source, or an entity of the wrong kind for its option."""


#: The entity kinds each context filter accepts (the kinds its context fields may hold).
FILTER_KINDS: dict[str, frozenset[str]] = {
    "organism": CONTEXT_KINDS["organisms"],
    "cell_line": CONTEXT_KINDS["cell_lines"],
    "cell_type": CONTEXT_KINDS["cell_types"],
    "disease": CONTEXT_KINDS["diseases"],
    "condition": CONTEXT_KINDS["conditions"],
}


def _close(name: str, choices: list[str]) -> str:
    pool = {c.casefold(): c for c in choices}
    close = difflib.get_close_matches(name.casefold(), pool, n=3, cutoff=0.5)
    return f"; did you mean: {', '.join(pool[c] for c in close)}?" if close else ""


def _a(word: str) -> str:
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


def check_filters(store: Store, filters: Filters) -> None:
    """Raise :class:`BadFilter` for an unknown source or an entity of the wrong kind.

    A name that resolves to nothing raises :class:`exograph.query.neighbours.UnknownName`.
    """
    from exograph.query.neighbours import resolve

    if filters.source is not None:
        sources = sorted(store.sources())
        if filters.source not in sources:
            raise BadFilter(f"--source: no source is called '{filters.source}'{_close(filters.source, sources)}")
    for option, kinds in FILTER_KINDS.items():
        name = getattr(filters, option)
        if name is None:
            continue
        kind = store.entity(resolve(store, name))["kind"]
        if kind not in kinds:
            fitting = store.keys_of_kind(kinds)
            hint = _close(name, fitting) or f" (for example: {', '.join(fitting[:3])})"
            wanted = " or ".join(sorted(kinds))
            flag = "--" + option.replace("_", "-")
            raise BadFilter(f"{flag}: '{name}' is {_a(kind)}, not {_a(wanted)}{hint}")
