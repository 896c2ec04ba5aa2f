"""EXO6xx and EXO7xx: evidence whose section or hedging disagrees with the quote."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from exograph.curation.lint.base import AssertionAt, Hit, Lintable, rule
from exograph.curation.lint.quotes import quote_names

_TABLE_SECTION: Final = re.compile(r"^\s*table\b", re.IGNORECASE)


def is_table_section(section: str) -> bool:
    return bool(_TABLE_SECTION.match(section))


@rule(
    "EXO601",
    "table-quote-outside-table",
    "A quote taken from a table row (a tab-separated line of the text) has a section that is not a table.",
    "set section to the table's name as the paper prints it (e.g. 'Table I'), and apply the table rule: an "
    "unsigned target cell is direction: regulates",
)
def table_quote_outside_table(lintable: Lintable) -> Iterator[Hit]:
    for at in lintable.assertions:
        text = lintable.texts.get(at.source.id)
        if text is None:
            continue
        for j, e in enumerate(at.model.evidence):
            spans = text.spans(e.quote)
            if spans and not is_table_section(e.section) and all(text.in_table(s) for s in spans):
                yield Hit(at, ("evidence", j, "section"), f"quote is a table row but section is '{e.section}'")


@rule(
    "EXO602",
    "table-section-outside-table",
    "An evidence's section names a table but its quote is not in any table row of the text.",
    "set section to the heading, legend or caption the quote stands under",
)
def table_section_outside_table(lintable: Lintable) -> Iterator[Hit]:
    for at in lintable.assertions:
        text = lintable.texts.get(at.source.id)
        if text is None or not text.has_tables:  # a snapshot without tab-separated rows says nothing
            continue
        for j, e in enumerate(at.model.evidence):
            spans = text.spans(e.quote)
            if spans and is_table_section(e.section) and not any(text.in_table(s) for s in spans):
                yield Hit(at, ("evidence", j, "section"), f"section is '{e.section}' but the quote is not a table row")


#: Hedges in every kind of source.
STRONG_HEDGE: Final = re.compile(
    r"\b(?:may|might|possibl[ey]|perhaps|presumabl[ey]|putative(?:ly)?|hypothes\w*|speculat\w*|conceivabl[ey]"
    r"|(?:thought|believed|assumed|presumed) to|remains? (?:to be|unclear)|unclear|(?<!more )(?<!less )likely)\b",
    re.IGNORECASE,
)
#: Hedges in a review's own voice. In a primary study "could" and "suggest" describe the authors' demonstrated
#: result ("knock-down could increase sensitivity", "these data suggest"), and a review sentence that cites
#: references reports others' findings as established ("CAF-derived exosomes could inhibit ... (72)").
WEAK_HEDGE: Final = re.compile(
    r"\b(?:could(?! not)|suggest\w*|potentially|propos\w*|appears? to|seems? to|implies|implying)\b", re.IGNORECASE
)
_CITATION: Final = re.compile(r"\(\s*\d+(?:\s*[-–,]\s*\d+)*\s*\)|\[\s*\d+(?:\s*[-–,]\s*\d+)*\s*\]")
_SENTENCE: Final = re.compile(r"(?<=[.!?])\s+(?=[A-Z\[(])")
_CLAUSE: Final = re.compile(r"[,;:]\s+")
_MONTH: Final = re.compile(r"\bMay\s+\d")


def hedges(text: str) -> list[str]:
    """Every hedging word in ``text``, strong or weak."""
    text = _MONTH.sub(" ", text)
    return [m.group(0) for pattern in (STRONG_HEDGE, WEAK_HEDGE) for m in pattern.finditer(text)]


def claim_hedges(at: AssertionAt, quote: str, lintable: Lintable) -> list[str]:
    """Hedges that bear on this assertion: those in the clauses of the quote that name its regulator or
    target (the whole quote when no clause does); weak ones only in a review's uncited sentences."""
    ends = (at.model.regulator, at.model.target)
    weak_counts = at.source.kind != "primary_research"
    found: list[str] = []
    clauses = [(c, s) for s in _SENTENCE.split(quote) for c in _CLAUSE.split(s)]
    relevant = [(c, s) for c, s in clauses if any(quote_names(c, key, lintable) for key in ends)] or [(quote, quote)]
    for clause, sentence in relevant:
        words = _MONTH.sub(" ", clause)
        found += [m.group(0) for m in STRONG_HEDGE.finditer(words)]
        if weak_counts and not _CITATION.search(sentence):
            found += [m.group(0) for m in WEAK_HEDGE.finditer(words)]
    return found


@rule(
    "EXO701",
    "unmarked-speculation",
    "Every quote hedges the claim (may, might, possibly, likely, thought to, hypothesis; in a review's uncited "
    "sentences also could, suggest, potentially) in a clause naming its regulator or target, but the assertion "
    "is not marked hypothesis.",
    "set hypothesis: true, or add the quote where the text states the claim as a finding",
)
def unmarked_speculation(lintable: Lintable) -> Iterator[Hit]:
    for at in lintable.assertions:
        a = at.model
        if a.hypothesis:
            continue
        found = [claim_hedges(at, e.quote, lintable) for e in a.evidence]
        if all(found):
            words = ", ".join(dict.fromkeys(h.lower() for hits in found for h in hits))
            yield Hit(at, ("evidence", 0, "quote"), f"every quote hedges ({words}) but hypothesis is not set")


@rule(
    "EXO702",
    "unhedged-hypothesis",
    "The assertion is marked hypothesis but no quote has any hedging word.",
    "remove hypothesis: true if the text states it as a finding, or quote the hedged sentence",
)
def unhedged_hypothesis(lintable: Lintable) -> Iterator[Hit]:
    for at in lintable.assertions:
        a = at.model
        if a.hypothesis and not any(hedges(e.quote) for e in a.evidence):
            yield Hit(at, ("hypothesis",), "is marked hypothesis but no quote hedges")
