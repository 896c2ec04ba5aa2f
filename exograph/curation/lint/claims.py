"""EXO2xx: claims that cannot both be right, or are not a regulation at all."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

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


#: Kinds that are exposures: what an experiment or a patient is exposed to. Chains start at them.
EXPOSURE_KINDS: Final = frozenset({"condition", "treatment"})


@rule(
    "EXO203",
    "exposure-as-target",
    "The target is an exposure (a condition such as hypoxia or acidic pH, or a treatment): exposures start chains, "
    "so what something promotes is a state or phenotype ('a hypoxic microenvironment'), never the exposure.",
    "make the target the state or phenotype the text names (an entity of kind phenotype, e.g. "
    "hypoxic_microenvironment), and keep the exposure for the assertions it starts",
)
def exposure_as_target(lintable: Lintable) -> Iterator[Hit]:
    entities = lintable.checked.entities
    for at in lintable.assertions:
        target = entities[at.model.target]
        if target.kind in EXPOSURE_KINDS:
            yield Hit(at, ("target",), f"the target '{target.key}' is an exposure (kind {target.kind})")


_VESICLE: Final = re.compile(
    r"exosom|vesic|\b[sl]?evs?\b|\bilvs?\b|\bmvbs?\b|multivesicular|oncosome|ectosome", re.IGNORECASE
)
_SECRETION: Final = re.compile(r"secretion|release|shedding|exocytosis", re.IGNORECASE)
_BIOGENESIS: Final = re.compile(r"biogenesis|formation|assembly|budding|generation", re.IGNORECASE)
#: Aspects that name a process of making or releasing vesicles, which a vesicle itself does not have.
_PROCESS_ASPECTS: Final = frozenset({"amount", "biogenesis", "secretion"})


def _names(entity: Entity) -> str:
    return f"{entity.key.replace('_', ' ')} {entity.label}"


def _vesicle_process_mismatch(target: Entity, aspect: str) -> str | None:
    """Why the aspect does not fit this vesicle target, or None."""
    names = _names(target)
    if not _VESICLE.search(names):
        return None
    if target.kind == "component" and aspect in _PROCESS_ASPECTS:
        return (
            f"aspect {aspect} on the vesicle '{target.key}' itself: how many vesicles are made or released is "
            "the secretion or biogenesis process"
        )
    if target.kind == "process" and aspect == "biogenesis" and _SECRETION.search(names):
        return f"aspect biogenesis on the secretion process '{target.key}'"
    if (
        target.kind == "process"
        and aspect == "secretion"
        and _BIOGENESIS.search(names)
        and not _SECRETION.search(names)
    ):
        return f"aspect secretion on the biogenesis process '{target.key}'"
    return None


@rule(
    "EXO204",
    "vesicle-aspect-mismatch",
    "The aspect and a vesicle target disagree: amount, biogenesis or secretion on a vesicle class itself "
    "(exosome, extracellular vesicle, microvesicle), biogenesis on a secretion process, or secretion on a "
    "biogenesis process.",
    "apply the guide's one-target rule: vesicle output (release, secretion, production) is the secretion process "
    "with aspect secretion, vesicle formation the biogenesis process with aspect biogenesis",
)
def vesicle_aspect_mismatch(lintable: Lintable) -> Iterator[Hit]:
    entities = lintable.checked.entities
    for at in lintable.assertions:
        if (why := _vesicle_process_mismatch(entities[at.model.target], at.model.aspect)) is not None:
            yield Hit(at, ("aspect",), why)


#: Wording of a change in vesicle size, which is a property of the vesicles, not a switch between populations.
_SIZE: Final = re.compile(r"\b(?:size|sized|diameter|smaller|larger|bigger)\b", re.IGNORECASE)


@rule(
    "EXO205",
    "size-as-subtype",
    "A subtype_shift whose quote speaks of vesicle size (size, diameter, smaller, larger): a size change is a "
    "property of the vesicles, not a switch from one named population to another.",
    "curate what the text says the change does (faster uptake, more release) and keep the size in the note; "
    "keep subtype_shift for a switch between two named populations (CD63-positive to RAB11a-positive exosomes)",
)
def size_as_subtype(lintable: Lintable) -> Iterator[Hit]:
    for at in lintable.assertions:
        if at.model.aspect != "subtype_shift":
            continue
        words = [m.group(0) for e in at.model.evidence for m in _SIZE.finditer(e.quote)]
        if words:
            yield Hit(at, ("aspect",), f"subtype_shift, but the quote speaks of size ('{words[0]}')")
