"""EXO3xx: entities whose names blur concepts, and entities nothing uses."""

from __future__ import annotations

from collections.abc import Iterator

from exograph.curation.lint.base import Hit, Lintable, rule
from exograph.curation.lint.names import GREEK, tokens
from exograph.curation.lint.nametable import named
from exograph.curation.models import Entity

#: Kinds whose names are symbols, where a trailing letter or number tells siblings apart.
SYMBOL_KINDS = frozenset({"gene", "mirna", "lncrna", "circrna", "variant"})
_GREEK_NAMES = frozenset(GREEK.values())


def _one_more(extra: str, mirna: bool) -> bool:
    """A letter (or, except for miRNAs, a digit) or a Greek letter: what tells siblings apart.

    miR-21 and miR-211 are unrelated, and hsa-mir-135a-1 is a copy of one locus, so a miRNA's
    siblings differ by a letter only (miR-126 / miR-126a)."""
    return extra in _GREEK_NAMES or (len(extra) == 1 and (extra.isalpha() or (extra.isdigit() and not mirna)))


def truncates(short: str, long: str, mirna: bool) -> bool:
    """``short`` is ``long`` without its last letter or number (RAB27 / RAB27A, syntenin / syntenin-1)."""
    s, t = tokens(short), tokens(long)
    if not s or t[: len(s) - 1] != s[:-1]:
        return False
    if len(t) == len(s) + 1:
        return t[len(s) - 1] == s[-1] and _one_more(t[-1], mirna)
    return len(t) == len(s) and t[-1].startswith(s[-1]) and _one_more(t[-1][len(s[-1]) :], mirna)


def _compact(name: str) -> str:
    return "".join(tokens(name))


@rule(
    "EXO301",
    "family-name-on-member",
    "A gene's synonym is a family name: it equals a family entity's name up to separators, or a symbol of this "
    "gene (or another) minus its trailing letter or number (RAB27 on RAB27A, nSMase on SMPD3 beside nSMase2).",
    "remove the synonym; text that uses the general name is grounded to the family (FamPlex, or a local "
    "family entity listing its members), never to one member. Where no sibling exists (STING1), silence it "
    "with lint_ignore and a note saying so",
    scope="entity",
)
def family_synonyms(lintable: Lintable) -> Iterator[Hit]:
    entities = lintable.checked.entities
    families = {_compact(n): e.key for e in entities.values() if e.kind == "family" for n in e_names(e)}
    # Symbols by kind and every token but the last: a name ``synonym`` truncates has the synonym's tokens,
    # or all but its last, there (see :func:`truncates`), so only those few are compared.
    symbols: dict[tuple[bool, tuple[str, ...]], list[tuple[int, str]]] = {}
    named = ((e.kind == "mirna", n) for e in entities.values() if e.kind in SYMBOL_KINDS for n in e_names(e))
    for order, (is_mirna, name) in enumerate(named):
        symbols.setdefault((is_mirna, tokens(name)[:-1]), []).append((order, name))
    for at in lintable.entities.values():
        entity = at.model
        if entity.kind not in SYMBOL_KINDS:
            continue
        for j, synonym in enumerate(entity.synonyms):
            family = families.get(_compact(synonym))
            mirna = entity.kind == "mirna"
            words = tokens(synonym)
            near = [*symbols.get((mirna, words), ()), *symbols.get((mirna, words[:-1]), ())]
            longer = min(((o, n) for o, n in near if truncates(synonym, n, mirna)), default=(0, None))[1]
            if family is not None:
                reason = f"names the family '{family}'"
            elif longer is not None:
                reason = f"is '{longer}' without its last letter or number, so it may also name its siblings"
            else:
                continue
            yield Hit(at, ("synonyms", j), f"synonym '{synonym}' {reason}")


#: Kinds whose names are gene or gene-product symbols, checked against HGNC's symbols.
GENE_LIKE_KINDS = frozenset({"gene", "family", "protein", "variant", "isoform", "mirna", "lncrna", "circrna"})


def _own(entity: Entity, entities: dict[str, Entity]) -> set[str]:
    """The identifiers a synonym of ``entity`` may name: its own, its parent's and its members' (recursively)."""
    own: set[str] = set()
    stack, seen = [entity.key], set()
    while stack:
        current = entities.get(stack.pop())
        if current is None or current.key in seen:
            continue
        seen.add(current.key)
        own |= {current.curie, *current.xrefs}
        stack += [*current.members, *([current.parent] if current.parent else [])]
    return own


def _compared(entity: Entity) -> tuple[str, ...]:
    """The tables whose names ``entity``'s synonyms are checked against."""
    prefixes = ("HGNC",) if entity.kind in GENE_LIKE_KINDS else ()
    return (*prefixes, "GO") if entity.curie.startswith("GO:") else prefixes


@rule(
    "EXO303",
    "synonym-names-other-concept",
    "A synonym is, in HGNC or GO, a name of a different identifier and not of this entity's own: a gene, "
    "family or RNA synonym that is another gene's symbol, alias or previous symbol (HMG1, HMGB1's former "
    "symbol, on HMGN1), or a GO-grounded entity's synonym that is another GO term's name (cell growth on "
    "cell population proliferation). A family's or variant's synonym may name its members or parent.",
    "remove the synonym: it names another concept. Where a quote then names no end of an assertion, extend the "
    "quote or silence EXO101-103 there with a note; where the name is truly this concept's too (HGNC lists it "
    "for both), silence EXO303 on the entity with a note",
    scope="entity",
)
def synonym_of_other_concept(lintable: Lintable) -> Iterator[Hit]:
    entities = lintable.checked.entities
    checked = [at for at in lintable.entities.values() if _compared(at.model)]
    table = named(_compact(s) for at in checked for s in at.model.synonyms)
    for at in checked:
        entity = at.model
        compared = _compared(entity)
        own = None
        for j, synonym in enumerate(entity.synonyms):
            hits = [n for n in table.get(_compact(synonym), ()) if n.curie.split(":")[0] in compared]
            if not hits:
                continue
            own = _own(entity, entities) if own is None else own
            if any(n.curie in own for n in hits):
                continue
            other = hits[0]
            yield Hit(at, ("synonyms", j), f"synonym '{synonym}' is the {other.how} of {other.curie} ({other.label})")


def e_names(entity: Entity) -> tuple[str, ...]:
    return (entity.key, entity.label, *entity.synonyms)


def _used(lintable: Lintable) -> set[str]:
    entities = lintable.checked.entities
    used = set(lintable.referenced)
    stack = list(used)
    while stack:  # what a used entity points to counts as used: broader terms, parents, members
        entity = entities.get(stack.pop())
        if entity is None:
            continue
        for key in (*entity.broader, *([entity.parent] if entity.parent else []), *entity.members):
            if key not in used:
                used.add(key)
                stack.append(key)
    return used


@rule(
    "EXO302",
    "unused-entity",
    "No assertion or context uses the entity, nor is it a broader term, parent or member of one that is used.",
    "delete the entity, or curate the statement it was made for",
    scope="curation",
)
def unused_entities(lintable: Lintable) -> Iterator[Hit]:
    used = _used(lintable)
    for key, at in lintable.kept_entities.items():
        if key not in used:
            yield Hit(at, ("key",), "no assertion or context uses it")
