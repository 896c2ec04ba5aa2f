"""Does a quote name an entity? Name matching tolerant of the ways papers spell the same name.

Both the quote and the entity's names are reduced to lower-case alphanumeric tokens after
spelling Greek letters out (α → alpha, also LaTeX ``$\\beta$``) and writing every miRNA as
``mir-<number>`` (``hsa-miR-21-5p``, ``microRNA-21``, ``miRNA-21`` and ``mir-21`` are all
``mir-21``; ``miR-23a/27a`` names both; so do ``Rab27a/b``, ``ERK1/2``, ``S100A8/A9`` and ``IFN-α/β``). Then:

* **exact names** (genes, families, RNAs, chemicals, variants, cell lines): the name's tokens,
  joined, equal a run of consecutive quote tokens joined, so hyphens, spaces, underscores and
  slashes do not matter (``HIF-1α`` = ``HIF1alpha`` = ``hif 1 alpha``), and a trailing plural
  ``s``/``es`` is allowed (``exosomes``);
* **word names** (processes, conditions, components, cell types, diseases, anatomy, organisms):
  every content word of the name (stop words such as *of*, *the*, *and* left out) matches some word
  of the quote, in any order (one may be missing from a name of three or more content words),
  where two words match when equal, plural, or sharing a stem: a common
  prefix of at least 5 letters that leaves at most 3 letters of the shorter word
  (``exosome``/``exosomal``, ``hypoxia``/``hypoxic``, ``secretion``/``secreted``, but not
  ``transition``/``transcription``), or the same stem of at least 4 letters once a verb or
  noun ending is taken off (``formed``/``formation``, ``sort``/``sorting``, ``migrate``/``migration``).

A curator who finds a genuine name of the concept missing adds it to the entity's ``synonyms``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

GREEK = {
    "α": "alpha",
    "β": "beta",
    "γ": "gamma",
    "δ": "delta",
    "ε": "epsilon",
    "ζ": "zeta",
    "η": "eta",
    "θ": "theta",
    "ι": "iota",
    "κ": "kappa",
    "λ": "lambda",
    "μ": "mu",
    "ν": "nu",
    "ξ": "xi",
    "π": "pi",
    "ρ": "rho",
    "σ": "sigma",
    "τ": "tau",
    "υ": "upsilon",
    "φ": "phi",
    "χ": "chi",
    "ψ": "psi",
    "ω": "omega",
}
_GREEK_CHARS = re.compile("[" + "".join(GREEK) + "]")
_LATEX_GREEK = re.compile(r"\$\s*\\(" + "|".join(GREEK.values()) + r")\s*\$", re.IGNORECASE)
_MIRNA = re.compile(r"\b(?:[a-z]{3}-)?(?:micro\s*-?\s*rna|mirna|mir)\s*-?\s*(?=\d)")
_MIRNA_LIST = re.compile(r"\bmir-(\d+)([a-z]?)((?:/(?:mir-)?\d*[a-z]?)+)")
#: The stem before a listed letter or number is bounded (no name is longer): an unbounded lazy stem that may
#: cross hyphens is retried from every word of a hyphenated run, quadratic in its length.
_LETTER_LIST = re.compile(r"\b([a-z][a-z0-9-]{0,40}?\d)([a-z])((?:/[a-z])+)\b")
_NUMBER_LIST = re.compile(r"\b([a-z][a-z-]{0,40}?)(\d)((?:/\d)+)\b")
_SUFFIX_LIST = re.compile(r"\b([a-z][a-z0-9]{0,40}?\d)([a-z]\d+)((?:/[a-z]\d+)+)\b")
_GREEK_ALT = "|".join(GREEK.values())
_GREEK_LIST = re.compile(rf"\b([a-z][a-z0-9]*)\)?[-\s]*({_GREEK_ALT})((?:\s*/\s*(?:{_GREEK_ALT}))+)\b")
_ARM = re.compile(r"(?<=[0-9a-z])-[35]p\b")
_TOKEN = re.compile(r"[a-z0-9]+")
_SPELLING = {"tumour": "tumor"}

#: Words that carry no meaning of their own in a process or condition name.
STOP_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "via"}
    | {"with", "within", "cell", "cells", "process", "pathway"}
)
#: Entity kinds whose names are phrases matched word by word; all others are matched exactly.
WORD_KINDS = frozenset(
    {"process", "condition", "treatment", "phenotype", "component", "cell_type", "disease", "anatomy", "organism"}
)


def _expand_mirna_list(match: re.Match[str]) -> str:
    number, letter, rest = match.group(1), match.group(2), match.group(3)
    names = [f"mir-{number}{letter}"]
    for written in rest.split("/")[1:]:
        part = written.removeprefix("mir-")
        if part and part[0].isdigit():
            names.append(f"mir-{part}")
        elif part:
            names.append(f"mir-{number}{part}")
    return " / ".join(names)


def _expand_list(match: re.Match[str]) -> str:
    stem = match.group(1)
    return " / ".join(stem + " " + part.strip() for part in (match.group(2), *match.group(3).split("/")[1:]))


@cache  # the same names and quotes are tokenised once per rule and entity
def tokens(text: str) -> tuple[str, ...]:
    """Lower-case alphanumeric tokens with Greek letters spelled out and miRNA names unified."""
    text = _LATEX_GREEK.sub(lambda m: f" {m.group(1).lower()} ", text).casefold()
    text = _GREEK_CHARS.sub(lambda m: f" {GREEK[m.group(0)]} ", text)
    text = _MIRNA.sub("mir-", text)
    text = _MIRNA_LIST.sub(_expand_mirna_list, text)
    text = _ARM.sub("", text)
    for pattern in (_LETTER_LIST, _NUMBER_LIST, _SUFFIX_LIST, _GREEK_LIST):
        text = pattern.sub(_expand_list, text)
    return tuple(_SPELLING.get(t, t) for t in _TOKEN.findall(text))


def _plural_of(candidate: str, name: str) -> bool:
    return candidate in (name, name + "s", name + "es")


def has_exact(quote: Sequence[str], name: str) -> bool:
    """The name, its separators ignored, is a run of consecutive quote tokens.

    Found with one string search over the joined tokens, then checked against token boundaries, so the
    work grows with the quote's length, not with its square.
    """
    wanted = "".join(tokens(name))
    if not wanted:
        return False
    joined = "".join(quote)
    starts: set[int] = set()
    offset = 0
    for token in quote:
        starts.add(offset)
        offset += len(token)
    starts.add(offset)  # also every token's end
    at = joined.find(wanted)
    while at >= 0:
        end = at + len(wanted)
        if at in starts and any(end + len(tail) in starts and joined.startswith(tail, end) for tail in ("", "s", "es")):
            return True
        at = joined.find(wanted, at + 1)
    return False


#: Endings taken off before comparing stems, longest first: a verb and its noun share what is left.
ENDINGS = ("ations", "ation", "itions", "ition", "ions", "ion", "ating", "ated", "ates", "ate", "ing", "ed", "es", "s")


def stem(word: str) -> str:
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def same_word(word: str, name_word: str, first_letter_lost: bool = True) -> bool:
    """Equal, plural, or sharing a stem (see the module docstring); also a word of 5 letters or more that
    lost its first letter, as OCR damage does in some snapshots ("xosome" for "exosome")."""
    if first_letter_lost and len(name_word) > 5 and same_word(word, name_word[1:], first_letter_lost=False):
        return True
    if _plural_of(word, name_word) or _plural_of(name_word, word):
        return True
    if len(stem(word)) >= 4 and stem(word) == stem(name_word):  # formed, formation
        return True
    shorter = min(len(word), len(name_word))
    if shorter < 5:
        return False
    prefix = 0
    for a, b in zip(word, name_word, strict=False):
        if a != b:
            break
        prefix += 1
    return prefix >= max(5, shorter - 3)


def content_words(name: str) -> list[str]:
    return [t for t in tokens(name) if t not in STOP_WORDS]


def has_words(quote: Sequence[str], name: str) -> bool:
    """Every content word of the name matches some quote word (one may be missing from a name of three
    or more: "macrophages to the M2 type" names M2 macrophage polarization)."""
    words = content_words(name)
    if not words:
        return has_exact(quote, name)
    distinct = set(quote)  # a long quote repeats its words: each is compared once
    missing = sum(not any(same_word(q, w) for q in distinct) for w in words)
    return missing == 0 or (missing == 1 and len(words) >= 3)


def names_any(quote: Sequence[str], names: Iterable[str], by_words: bool) -> bool:
    """Whether the quote tokens name any of ``names``."""
    return any(has_exact(quote, n) or (by_words and has_words(quote, n)) for n in names)
