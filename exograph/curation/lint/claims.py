"""EXO2xx: claims that cannot both be right, or are not a regulation at all."""

from __future__ import annotations

from collections.abc import Iterator

from exograph.curation.lint.base import Hit, Kept, Lintable, rule
from exograph.curation.lint.names import has_exact, tokens
from exograph.curation.models import Entity


def _own_process(regulator: Entity, target: Entity) -> bool:
    """The target is a process named after the regulator: exosome -> exosome_uptake."""
    own = (regulator.key, regulator.label)
    return target.kind == "process" and any(has_exact(tokens(n), r) for n in (target.key, target.label) for r in own)


@rule(
    "EXO201",
    "self-regulation",
    "The regulator is the target, or the target is the regulator's own process (exosome -> exosome_uptake).",
    "an assertion says that changing the regulator changes the target: curate the statement's real regulator, "
    "or drop it if the text only observes something (exosomes being taken up is not a regulation)",
)
def self_loop(lintable: Lintable) -> Iterator[Hit]:
    entities = lintable.checked.entities
    for at in lintable.assertions:
        a = at.model
        if a.regulator == a.target:
            yield Hit(at, ("target",), f"regulator and target are both '{a.target}'")
        elif _own_process(entities[a.regulator], entities[a.target]):
            yield Hit(at, ("target",), f"the target '{a.target}' is the regulator's own process")


def _contradicts(first: str, second: str) -> bool:
    pairs = {
        frozenset({"increases", "decreases"}),
        frozenset({"increases", "not-increases"}),
        frozenset({"decreases", "not-decreases"}),
        frozenset({"increases", "none"}),
        frozenset({"decreases", "none"}),
        frozenset({"regulates", "none"}),
    }
    return frozenset({first, second}) in pairs


@rule(
    "EXO202",
    "opposite-signs",
    "The same regulator, target and aspect asserted with opposite effects in the same source and context.",
    "re-read both quotes: fix the sign or the negation of the wrong one, or make the contexts differ where the "
    "text gives different conditions (cell line, condition, donor cells)",
    scope="curation",
)
def opposite_signs(lintable: Lintable) -> Iterator[Hit]:
    groups: dict[tuple[str, ...], list[Kept]] = {}
    for at in lintable.claims:
        groups.setdefault(at.claim, []).append(at)
    for members in groups.values():
        for i, later in enumerate(members):
            for earlier in members[:i]:
                if _contradicts(earlier.word, later.word):
                    file, line, _ = earlier.mark()
                    _, regulator, target, aspect, _ = later.claim
                    yield Hit(
                        later,
                        ("direction",),
                        f"says '{later.word}' but '{earlier.name}' ({file}:{line}) says '{earlier.word}' "
                        f"for {regulator} -> {target} ({aspect}) in the same context",
                        others=(earlier,),
                    )
                    break
