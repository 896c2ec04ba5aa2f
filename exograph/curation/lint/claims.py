"""EXO2xx: claims that cannot both be right, or are not a regulation at all."""

from __future__ import annotations

from collections.abc import Iterator

from exograph.curation.lint.base import Hit, Kept, Lintable, rule
from exograph.curation.lint.names import has_exact, tokens
from exograph.curation.models import Assertion, Entity
from exograph.curation.vocab import SELF_ASPECTS


def _own_process(regulator: Entity, target: Entity) -> bool:
    """The target is a process named after the regulator: exosome -> exosome_uptake."""
    own = (regulator.key, regulator.label)
    return target.kind == "process" and any(has_exact(tokens(n), r) for n in (target.key, target.label) for r in own)


def _own_biology(a: Assertion) -> bool:
    """What an entity may do to itself: export itself into vesicles, relocate, act through vesicles in the cells that
    take it up (exosomal HIF-1alpha raising HIF-1alpha activity in recipients), or feed back on itself."""
    in_recipients = a.exosomal_cargo and bool(a.context.recipients)
    return a.aspect in SELF_ASPECTS or in_recipients or a.mechanism == "autoregulation"


@rule(
    "EXO201",
    "self-regulation",
    "The regulator is the target, or the target is the regulator's own process (exosome -> exosome_uptake); "
    "an entity may act on itself only through its own export (secretion, cargo_loading, localization), as exosomal "
    "cargo in recipient cells, or by an explicit autoregulation mechanism.",
    "an assertion says that changing the regulator changes the target: curate the statement's real regulator, "
    "or drop it if the text only observes something (exosomes being taken up is not a regulation)",
)
def self_loop(lintable: Lintable) -> Iterator[Hit]:
    entities = lintable.checked.entities
    for at in lintable.assertions:
        a = at.model
        if a.regulator == a.target and not _own_biology(a):
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
