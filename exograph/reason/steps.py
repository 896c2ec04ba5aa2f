"""Chain steps: the assertions that say the same thing about one regulator and one target.

Assertions join one step when they share regulator, target, carried sign, negation, what they
change (:func:`exograph.reason.compose.effect`) and whether the regulator acts as vesicle cargo:
so two chains through the same entities never differ only in a step that reads differently.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from operator import attrgetter

from exograph.reason.compose import effect
from exograph.reason.index import Index, Row, written_diseases


@dataclass(frozen=True, slots=True)
class Step:
    """One link of a chain, with every assertion that supports it."""

    regulator: str
    target: str
    sign: int
    aspects: tuple[str, ...]
    assertions: tuple[str, ...]
    #: Distinct sources of the supporting assertions that are neither hypotheses nor negated.
    sources: tuple[str, ...]
    #: How many of those sources are primary research.
    primary: int
    hypothesis: bool
    negated: bool
    #: The distinct contexts (as compiled JSON) of the supporting assertions.
    contexts: tuple[str, ...] = ()
    #: The distinct diseases they state with those of their cell lines, as written (:attr:`Row.diseases`).
    diseases: tuple[str, ...] = ()
    #: How this step's target relates to the next step's regulator (or to the chain's end):
    #: None (the same entity, or a narrower one), family, member, parent, variant or transfer.
    target_link: str | None = None
    #: Context fields (diseases, cell_lines, cell_types) in which this step departs from the chain.
    other_context: tuple[str, ...] = ()
    #: What the step changes (a row of the composition table) and whether it acts as vesicle cargo.
    effect: str = "level"
    cargo: bool = False
    #: With a transfer link to the next step: the vesicles and cells ("exosome from Huh-7 to Huh-7", keys).
    via: str | None = None
    rows: tuple[Row, ...] = field(default=(), compare=False, repr=False)

    @property
    def evidence(self) -> tuple[int, int]:
        return (self.primary, len(self.sources))


_FIELDS = tuple(f.name for f in fields(Step))
_VALUES = attrgetter(*_FIELDS)
_POSITION = {name: i for i, name in enumerate(_FIELDS)}


def relinked(step: Step, link: str | None, via: str | None = None, other_context: tuple[str, ...] = ()) -> Step:
    """``step`` with how its target joins the next, the transfer it passes through and where it departs
    from the chain's context. ``dataclasses.replace`` checks every field by name and was a tenth of a
    path query, which remarks the same kind of step thousands of times."""
    values = list(_VALUES(step))
    values[_POSITION["target_link"]] = link
    values[_POSITION["via"]] = via
    values[_POSITION["other_context"]] = other_context
    return Step(*values)


def make_step(index: Index, members: list[Row], effect_name: str) -> Step:
    """One step from rows that say the same thing (see the module docstring)."""
    first = members[0]
    if len(members) == 1:  # most steps rest on one assertion: skip the pooling below
        solid: tuple[str, ...] = () if first.hypothesis or first.negated else (first.source,)
        return Step(
            first.regulator,
            first.target,
            0 if first.negated else first.sign,
            (first.aspect,),
            (first.id,),
            solid,
            int(bool(solid) and first.source in index.primary_sources),
            first.hypothesis,
            first.negated,
            (first.context_json,),
            (first.diseases,),
            effect=effect_name,
            cargo=first.cargo,
            rows=(first,),
        )
    pooled = {r.source for r in members if not (r.hypothesis or r.negated)}
    return Step(
        regulator=first.regulator,
        target=first.target,
        sign=0 if first.negated else first.sign,
        aspects=tuple(sorted({r.aspect for r in members})),
        assertions=tuple(r.id for r in members),
        sources=tuple(sorted(pooled)),
        primary=len(pooled & index.primary_sources),
        hypothesis=all(r.hypothesis for r in members),
        negated=first.negated,
        contexts=tuple(sorted({r.context_json for r in members})),
        diseases=tuple(sorted({r.diseases for r in members})),
        effect=effect_name,
        cargo=first.cargo,
        rows=tuple(members),
    )


def group(index: Index, rows: Iterable[Row]) -> list[Step]:
    """Usable rows grouped into steps, in a stable order."""
    groups: dict[tuple[str, str, int, bool, str, bool], list[Row]] = defaultdict(list)
    for row in rows:
        sign = 0 if row.negated else row.sign
        groups[(row.regulator, row.target, sign, row.negated, effect(index, row), row.cargo)].append(row)
    return [make_step(index, members, key[4]) for key, members in sorted(groups.items())]


def narrowed(index: Index, step: Step, rows: tuple[Row, ...]) -> Step:
    """``step`` resting on only ``rows`` of its assertions (those that compose with a neighbour)."""
    if len(rows) == len(step.rows):
        return step
    fresh = make_step(index, list(rows), step.effect)
    return relinked(fresh, step.target_link, step.via, step.other_context)


def stated_diseases(step: Step) -> list[str]:
    """The diseases a step's assertions hold in, as their rows say (each row's own and its cell lines'): what a
    step marked as from another disease is from."""
    return sorted({d for text in step.diseases for written in written_diseases(text) for d in written})
