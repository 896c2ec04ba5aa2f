"""Where the papers disagree: the same regulator with opposite effects on the same target.

Two assertions conflict when they share a regulator and an aspect (raising the degradation of
a protein is read as lowering its amount) and act on the same target, or on a target and its
broader or narrower process (EV secretion and exosome secretion), with opposite signs, or one
stating an effect the other says is absent. A difference in context (another disease, cell line,
organism or condition) may explain a conflict; those that context does not explain come first.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from exograph.reason.context import CONFLICT_FIELDS, differing, values
from exograph.reason.index import Index, Row, stated_sign


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two assertions that disagree, and the context fields in which they differ."""

    first: str
    second: str
    regulator: str
    targets: tuple[str, str]
    aspect: str
    #: ``opposite signs`` or ``stated and negated``.
    kind: str
    #: Context fields both state and on which they are incompatible: the possible explanation.
    differing_context: tuple[str, ...]
    hypothesis: bool

    @property
    def explained(self) -> bool:
        return bool(self.differing_context)


def _effect(row: Row) -> tuple[str, int]:
    aspect = "amount" if row.aspect == "degradation" else row.aspect
    return aspect, stated_sign(row.direction, row.aspect)


def _kind(a: Row, b: Row) -> str | None:
    (_, sign_a), (_, sign_b) = _effect(a), _effect(b)
    if a.negated != b.negated:
        return "stated and negated" if sign_a == sign_b and sign_a != 0 else None
    if a.negated or sign_a * sign_b != -1:
        return None
    return "opposite signs"


def conflicts(index: Index, about: str | None = None) -> list[Conflict]:
    """Every conflict, or those whose regulator or target is ``about`` (with its narrower concepts and family)."""
    if about is None:
        rows = index.all_rows()
    else:
        keys = set(index.aliases(about))
        near = keys | {a for k in keys for a in index.ancestors(k)}
        rows = index.rows("regulator", keys | {r.regulator for r in index.rows("target", near)})
    by_regulator: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in rows:
        by_regulator[(row.regulator, _effect(row)[0])].append(row)
    found = []
    for (regulator, aspect), group in sorted(by_regulator.items()):
        for a, b in combinations(group, 2):
            kind = _kind(a, b)
            if kind is None or not _related(index, a.target, b.target):
                continue
            if about is not None and regulator not in keys and not {a.target, b.target} & near:
                continue
            contexts = [values([r.context], CONFLICT_FIELDS) for r in (a, b)]
            differ = tuple(differing(index, contexts[0], contexts[1]))
            found.append(
                Conflict(
                    a.id, b.id, regulator, (a.target, b.target), aspect, kind, differ, a.hypothesis or b.hypothesis
                )
            )
    found.sort(key=lambda c: (c.explained, c.hypothesis, c.kind != "opposite signs", c.regulator, c.first, c.second))
    return found


def _related(index: Index, first: str, second: str) -> bool:
    return first == second or first in index.ancestors(second) or second in index.ancestors(first)
