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


def quote_names(quote: str, key: str, lintable: Lintable) -> bool:
    by_words = lintable.checked.entities[key].kind in WORD_KINDS
    known = lintable.names.get(key)
    if known is None:  # every quote of every rule asks: gathered once per entity
        known = lintable.names[key] = entity_names(key, lintable.checked.entities)
    return names_any(tokens(quote), known, by_words)


def readable(at: AssertionAt, quote: str, lintable: Lintable) -> str:
    """The quote as a reader meets it: a table row is read with its table's title (a row of exosomal contents
    whose cargo cell is '/' means the vesicles themselves)."""
    text = lintable.texts.get(at.source.id)
    spans = text.spans(quote) if text is not None else []
    if text is None or not spans or not all(text.in_table(s) for s in spans):
        return quote
    return f"{text.caption(spans[0])} {quote}"


def _unnamed(lintable: Lintable, roles: tuple[str, ...], by_words: bool) -> Iterator[Hit]:
    entities = lintable.checked.entities
    for at in lintable.assertions:
        for role in roles:
            key = getattr(at.model, role)
            if (entities[key].kind in WORD_KINDS) != by_words:
                continue
            if not any(quote_names(readable(at, e.quote, lintable), key, lintable) for e in at.model.evidence):
                yield _hit(at, role, key, entities)


def _hit(at: AssertionAt, role: str, key: str, entities: dict[str, Entity]) -> Hit:
    shown = ", ".join(entity_names(key, entities)[:6])
    return Hit(at, (role,), f"no quote names the {role} '{key}' (known names: {shown})")


FIX = (
    "extend the quote back to the sentence that names it (a quote may span consecutive sentences); "
    "if the text uses a genuine name of this entity that it lacks, add that name to the entity's synonyms"
)


@rule(
    "EXO101",
    "quote-misses-regulator",
    "No quote of the assertion names its regulator (a gene, family, RNA, chemical, variant or cell line).",
    FIX,
)
def regulator_not_named(lintable: Lintable) -> Iterator[Hit]:
    return _unnamed(lintable, ("regulator",), by_words=False)


@rule(
    "EXO102",
    "quote-misses-target",
    "No quote of the assertion names its target (a gene, family, RNA, chemical, variant or cell line).",
    FIX,
)
def target_not_named(lintable: Lintable) -> Iterator[Hit]:
    return _unnamed(lintable, ("target",), by_words=False)


@rule(
    "EXO103",
    "quote-misses-concept",
    "No quote of the assertion names its regulator or target that is a process, condition, component, cell type, "
    "disease, anatomy or organism, even word by word.",
    "extend the quote to where the concept is named; if the text names it with a genuine synonym (a phrase a "
    "reader would accept as a name of this very concept, not a related one), add it to the entity's synonyms; if "
    "the quote names a narrower or broader concept, use that entity instead",
)
def concept_not_named(lintable: Lintable) -> Iterator[Hit]:
    return _unnamed(lintable, ("regulator", "target"), by_words=True)
