"""EXO1xx: evidence that does not stand on its own because no quote names an end of the claim."""

from __future__ import annotations

from collections.abc import Iterator

from exograph.curation.lint.base import AssertionAt, Hit, Lintable, rule
from exograph.curation.lint.names import WORD_KINDS, names_any, tokens
from exograph.curation.models import Entity


def entity_names(key: str, entities: dict[str, Entity]) -> list[str]:
    """Key, label and synonyms, and for a family those of its members (a member's name counts)."""
    names: list[str] = []
    stack, seen = [key], set()
    while stack:
        current = stack.pop()
        entity = entities.get(current)
        if entity is None or current in seen:
            continue
        seen.add(current)
        names += [entity.key, entity.label, *entity.synonyms]
        stack += entity.members
    return list(dict.fromkeys(names))


def quote_names(quote: str, key: str, entities: dict[str, Entity]) -> bool:
    by_words = entities[key].kind in WORD_KINDS
    return names_any(tokens(quote), entity_names(key, entities), by_words)


def _unnamed(lintable: Lintable, role: str) -> Iterator[Hit]:
    entities = lintable.checked.entities
    for at in lintable.assertions:
        key = getattr(at.model, role)
        if any(quote_names(e.quote, key, entities) for e in at.model.evidence):
            continue
        yield _hit(at, role, key, entities)


def _hit(at: AssertionAt, role: str, key: str, entities: dict[str, Entity]) -> Hit:
    shown = ", ".join(entity_names(key, entities)[:6])
    return Hit(at, (role,), f"no quote names the {role} '{key}' (known names: {shown})")


FIX = (
    "extend the quote back to the sentence that names it (a quote may span consecutive sentences); "
    "if the text uses a genuine name of this entity that it lacks, add that name to the entity's synonyms"
)


@rule("EXO101", "quote-misses-regulator", "No quote of the assertion names its regulator.", FIX)
def regulator_not_named(lintable: Lintable) -> Iterator[Hit]:
    return _unnamed(lintable, "regulator")


@rule("EXO102", "quote-misses-target", "No quote of the assertion names its target.", FIX)
def target_not_named(lintable: Lintable) -> Iterator[Hit]:
    return _unnamed(lintable, "target")
