"""Filters that can only give an empty answer are usage errors, not empty tables.

An unknown ``--source``, or an entity of a kind the filter's context fields never hold
(``--disease human``), would silently match nothing; the user is told, with suggestions.
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING, get_args

from exograph.compiled.store import Store
from exograph.curation.vocab import CONTEXT_KINDS, Perturbation, System

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
    "donor": CONTEXT_KINDS["donors"],
    "recipient": CONTEXT_KINDS["recipients"],
}

#: The experimental systems a context may state (``--system``).
SYSTEMS: tuple[str, ...] = get_args(System)

#: Perturbations grouped by what they do to the regulator: a loss or a gain of its function. A
#: ``--perturbation`` may name one perturbation or one of these classes; conflicts use them to say
#: that one text activated the regulator where the other took it away.
PERTURBATION_CLASSES: dict[str, frozenset[str]] = {
    "loss_of_function": frozenset({"knockdown", "knockout", "inhibition"}),
    "gain_of_function": frozenset({"overexpression", "activation"}),
}
PERTURBATIONS: tuple[str, ...] = (*get_args(Perturbation), *PERTURBATION_CLASSES)


def perturbations(name: str) -> frozenset[str]:
    """The perturbations ``name`` stands for: itself, or the members of its class."""
    return PERTURBATION_CLASSES.get(name, frozenset({name}))


def function_change(perturbation: str) -> str | None:
    """``loss_of_function`` or ``gain_of_function`` for a perturbation that is one, else None."""
    return next((c for c, members in PERTURBATION_CLASSES.items() if perturbation in members), None)


def _close(name: str, choices: list[str]) -> str:
    pool = {c.casefold(): c for c in choices}
    close = difflib.get_close_matches(name.casefold(), pool, n=3, cutoff=0.5)
    return f"; did you mean: {', '.join(pool[c] for c in close)}?" if close else ""


def _a(word: str) -> str:
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


def check_filters(store: Store, filters: Filters) -> None:
    """Raise :class:`BadFilter` for an unknown source, system or perturbation, or an entity of the wrong kind.

    A name that resolves to nothing raises :class:`exograph.query.neighbours.UnknownName`.
    """
    from exograph.query.neighbours import resolve

    if filters.source is not None:
        sources = sorted(store.sources())
        if filters.source not in sources:
            raise BadFilter(f"--source: no source is called '{filters.source}'{_close(filters.source, sources)}")
    for option, choices in (("system", SYSTEMS), ("perturbation", PERTURBATIONS)):
        value = getattr(filters, option)
        if value is not None and value not in choices:
            hint = _close(value, list(choices)) or f" (one of: {', '.join(choices)})"
            raise BadFilter(f"--{option}: '{value}' is not a known {option}{hint}")
    for option, kinds in FILTER_KINDS.items():
        name = getattr(filters, option)
        if name is None:
            continue
        kind = store.entity(resolve(store, name))["kind"]
        if kind not in kinds:
            fitting = store.keys_of_kind(kinds)
            wanted = " or ".join(sorted(kinds))
            examples = f"for example: {', '.join(fitting[:3])}" if fitting else f"the curation has no {wanted}"
            hint = _close(name, fitting) or f" ({examples})"
            flag = "--" + option.replace("_", "-")
            raise BadFilter(f"{flag}: '{name}' is {_a(kind)}, not {_a(wanted)}{hint}")
