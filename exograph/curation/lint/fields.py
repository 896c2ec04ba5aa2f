"""EXO4xx and EXO5xx: fields that contradict the quote, the aspect, or the rest of the assertion."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Final

from exograph.curation.lint.base import Hit, Lintable, rule
from exograph.curation.vocab import ASPECTS

#: Wording that states the absence of any effect (not the denial of one direction).
NO_EFFECT: Final = re.compile(
    r"\bno\s+(?:significant\s+|obvious\s+|apparent\s+|detectable\s+|major\s+|marked\s+)?"
    r"(?:impact|effect|change|difference|influence|alteration)s?\b"
    r"|\b(?:did|does|do|could|was|were|is|are)\s+not\s+(?:significantly\s+|markedly\s+)?"
    r"(?:change|affect|alter|influence|impact|modify)\b"
    r"|\bnot\s+(?:significantly\s+)?(?:changed|affected|altered|influenced)\b"
    r"|\b(?:unchanged|unaffected|unaltered)\b"
    r"|\bindependent(?:ly)?\s+of\b"
    r"|\bwithout\s+(?:any\s+)?(?:affecting|altering|changing|effect|impact)\b",
    re.IGNORECASE,
)


@rule(
    "EXO401",
    "signed-no-effect",
    "A negated assertion has a sign although its quote states no effect at all ('no impact', 'did not change').",
    "a stated absence of effect denies any effect: set direction: regulates and keep negated: true "
    "(keep the sign only when the text denies one direction, e.g. 'did not increase')",
)
def signed_no_effect(lintable: Lintable) -> Iterator[Hit]:
    for at in lintable.assertions:
        a = at.model
        if not a.negated or a.direction == "regulates":
            continue
        for e in a.evidence:
            if match := NO_EFFECT.search(e.quote):
                yield Hit(at, ("direction",), f"'{a.direction}' + negated, but the quote says '{match.group(0)}'")
                break


_ALL: Final = frozenset(ASPECTS)
#: Which aspects of the target each mechanism can change. A mechanism names how the regulator acts on
#: this target, so it must be able to produce the change the aspect names.
COMPATIBLE: Final[dict[str, frozenset[str]]] = {
    # makes RNA of the target gene: changes its amount, nothing else directly
    "transcription": frozenset({"amount"}),
    # acts on the target's mRNA (miRNAs, RNA-binding proteins) or sponges a miRNA: amount or activity
    "post_transcriptional": frozenset({"amount", "activity"}),
    "cerna_sponging": frozenset({"amount", "activity"}),
    # a modification of the target protein: the modification itself, and what it switches
    "phosphorylation": frozenset({"phosphorylation", "activity", "localization", "degradation"}),
    "dephosphorylation": frozenset({"phosphorylation", "activity", "localization", "degradation"}),
    "ubiquitination": frozenset({"ubiquitination", "degradation", "amount", "localization", "cargo_loading"}),
    # less degradation, more protein
    "protein_stabilization": frozenset({"amount", "degradation"}),
    # physical contact: switches activity, recruits, sorts cargo, mediates uptake
    "binding": frozenset({"binding", "activity", "localization", "cargo_loading", "uptake"}),
    # moving membranes and vesicles
    "trafficking": frozenset({"localization", "secretion", "cargo_loading", "uptake", "biogenesis", "degradation"}),
    # an enzyme making or consuming a molecule (ceramide for ILV budding)
    "enzymatic_conversion": frozenset({"amount", "activity", "biogenesis"}),
    # through a named pathway: any downstream change
    "signaling": _ALL,
    # an entity acting on itself (its own transcription, its own activity): any change
    "autoregulation": _ALL,
}


@rule(
    "EXO402",
    "mechanism-aspect-mismatch",
    "The mechanism cannot produce the aspect (transcription on cargo_loading, binding on degradation, ...); "
    "see the compatibility table in docs/lint.md.",
    "the mechanism usually belongs to the other half of a split sentence: move it to the assertion it describes "
    "and leave it out here (or use the mechanism the text states for this step)",
)
def mechanism_aspect(lintable: Lintable) -> Iterator[Hit]:
    for at in lintable.assertions:
        a = at.model
        if a.mechanism is not None and a.aspect not in COMPATIBLE[a.mechanism]:
            allowed = ", ".join(sorted(COMPATIBLE[a.mechanism]))
            yield Hit(at, ("mechanism",), f"mechanism '{a.mechanism}' cannot change {a.aspect} (it fits: {allowed})")


@rule(
    "EXO501",
    "recipients-without-cargo",
    "Recipient cells are named on an assertion that is not exosomal cargo.",
    "recipients are the cells that took the vesicles up: set exosomal_cargo: true if the regulator is carried by "
    "vesicles; otherwise the cells are where the effect happens (cell_types / cell_lines), and cells acted on "
    "downstream (T cells activated through dendritic cells) are not recipients",
)
def recipients_without_cargo(lintable: Lintable) -> Iterator[Hit]:
    for at in lintable.assertions:
        if at.model.context.recipients and not at.model.exosomal_cargo:
            yield Hit(at, ("context", "recipients"), "names recipients but is not exosomal cargo")


@rule(
    "EXO502",
    "cargo-without-cells",
    "An exosomal-cargo assertion names neither donor nor recipient cells.",
    "add the donors (cells that released the vesicles) and recipients (cells that took them up) the text states; "
    "a review's general statement about tumour vesicles gets donors: [malignant_cell]",
)
def cargo_without_cells(lintable: Lintable) -> Iterator[Hit]:
    for at in lintable.assertions:
        a = at.model
        if a.exosomal_cargo and not a.context.donors and not a.context.recipients:
            yield Hit(at, ("exosomal_cargo",), "is exosomal cargo with neither donors nor recipients")


#: Fields that hold free text, where words after a `` #`` are part of the text rather than a comment.
_FREE_TEXT: Final = frozenset({"label", "name", "note", "quote", "section", "assay"})


def _free_text(path: tuple[str | int, ...]) -> bool:
    """``path`` (below a record) names a free-text value: a label, a note, a synonym, a quote's fields."""
    return bool(path) and (path[-1] in _FREE_TEXT or (len(path) == 2 and path[0] == "synonyms"))


@rule(
    "EXO403",
    "comment-cut-text",
    "An unquoted text value is followed on its line by ' #': YAML read the rest of the line as a comment, "
    "so the text stops before it ('note: antibody CST #9202 was used' reads as 'antibody CST').",
    "quote the whole text (note: 'antibody CST #9202 was used'); if the words after '#' are a comment, put "
    "the comment on a line of its own",
    scope="record",
)
def comment_cut_text(lintable: Lintable) -> Iterator[Hit]:
    for at in (*lintable.entities.values(), *lintable.assertions):
        cut = at.loaded.doc.cut
        depth = len(at.path)
        for path, comment in cut.items():
            field = path[depth:]
            if path[:depth] == at.path and _free_text(field):
                name = ".".join(map(str, field))
                kept = _value(at.loaded.doc.data, path)
                yield Hit(
                    at,
                    field,
                    f"{name} reads '{kept}': YAML read ' {comment}' after it as a comment",
                    f"quote the whole text ('{kept} {comment}'); if the words after '#' are a comment, put the "
                    "comment on a line of its own",
                )


def _value(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        data = data[part]
    return data
