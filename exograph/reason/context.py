"""Whether claims made in different settings may be read together.

Two contexts are *compatible* in a field when either leaves it unstated, or some value of one
is the same as, or broader than, some value of the other (a claim about cancer holds for
breast cancer; a claim in breast cancer does not carry over to hepatocellular carcinoma).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from exograph.reason.index import Index, parse_context

if TYPE_CHECKING:
    from exograph.reason.chains import Chain
    from exograph.reason.steps import Step

#: The fields a chain must agree on to be coherent (the issue: disease, cell line, cell type).
CHAIN_FIELDS = ("diseases", "cell_lines", "cell_types")
#: The fields whose difference may explain why two claims disagree.
CONFLICT_FIELDS = ("organisms", "diseases", "cell_lines", "cell_types", "conditions", "donors", "recipients", "system")


def values(contexts: Iterable[Mapping[str, Any]], fields: Iterable[str]) -> dict[str, set[str]]:
    """The stated values of each field, pooled over several contexts."""
    pooled: dict[str, set[str]] = {}
    for context in contexts:
        for name in fields:
            stated = context.get(name)
            if stated:
                pooled.setdefault(name, set()).update([stated] if isinstance(stated, str) else stated)
    return pooled


def compatible(index: Index, first: set[str], second: set[str]) -> bool:
    return any(a in index.ancestors(b) or b in index.ancestors(a) for a in first for b in second)


def differing(index: Index, first: Mapping[str, set[str]], second: Mapping[str, set[str]]) -> list[str]:
    """The fields both state and on which they are not compatible."""
    return [f for f in first if f in second and not compatible(index, first[f], second[f])]


def mark_context(index: Index, chain: Chain, anchor_last: bool) -> Chain:
    """Mark the steps taken from another context than the chain's.

    The chain's context, field by field, is that of the step nearest the query's subject that
    states it (the last step of a chain ending at the subject, the first of one starting there).
    """
    order: list[Step] = list(reversed(chain.steps) if anchor_last else chain.steps)
    anchors: dict[str, set[str]] = {}
    marks: dict[int, tuple[str, ...]] = {}
    for step in order:
        stated = values((parse_context(c) for c in step.contexts), CHAIN_FIELDS)
        off = tuple(differing(index, anchors, stated))
        for name, found in stated.items():
            anchors.setdefault(name, found)
        if off:
            marks[id(step)] = off
    if not marks:
        return chain
    return replace(chain, steps=tuple(replace(s, other_context=marks.get(id(s), ())) for s in chain.steps))
