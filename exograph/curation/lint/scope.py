"""EXO8xx: findings kept apart from natural vesicle biology (engineered delivery, laboratory methods).

An assertion about vesicles made or loaded to deliver a drug or a tool, or about how vesicles behave in
a laboratory protocol, would tell a query that ordinary exosomes do it (iExosomes lowering KRAS, acidic
pH "stabilising" exosomes during isolation). The model keeps them apart with ``scope``; these rules
find the words that say a record belongs there but is still marked ``biology``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from exograph.curation.lint.base import AssertionAt, Hit, Lintable, rule
from exograph.curation.lint.quotes import readable

#: Wording of vesicles engineered, loaded or modified to deliver something.
ENGINEERED: Final = re.compile(
    r"\bi[Ee]xosomes?\b|\bengineer\w*|\belectroporat\w*|\bpainted\b|\bCRISPR\b|\bantagomiR\w*"
    r"|\b(?:loaded|modified|fused|encapsulated)\s+with\b|\bdrug[- ]deliver\w*|\bdeliver(?:y)?\s+(?:vehicles?|platform)"
    r"|\bvehicles?\s+for\s+(?:\w+\s+)?therapy|\bdrug\s+carriers?\b",
    re.IGNORECASE,
)
#: Wording of a laboratory method: isolating, purifying or storing vesicles, their stability in a protocol.
METHOD: Final = re.compile(
    r"\bisolation\s+(?:yield|efficiency|method)|\b(?:exosome|EV|vesicle)s?\s+(?:isolation|purification|storage)"
    r"|\bstorage\b|\b(?:exosome|EV|vesicle)\s+stability\b|\bstabili[sz]\w*\s+(?:of\s+)?(?:exosomes|EVs|vesicles)\b",
    re.IGNORECASE,
)


def _said(at: AssertionAt, lintable: Lintable, pattern: re.Pattern[str]) -> str | None:
    """The first wording of ``pattern`` in a quote (read with its table's title) or in the note."""
    texts = [readable(at, e.quote, lintable) for e in at.model.evidence] + [at.model.note or ""]
    return next((m.group(0) for t in texts if (m := pattern.search(t))), None)


@rule(
    "EXO801",
    "engineered-as-biology",
    "A quote or note speaks of vesicles engineered, loaded or modified to deliver something (iExosomes, 'loaded "
    "with', 'painted', electroporation, CRISPR delivered, a table of exosomes as vehicles for therapy), but the "
    "assertion has scope biology.",
    "set scope: engineered and make the delivered cargo (drug, siRNA, CRISPR plasmid, antigen) the regulator, "
    "never the vesicle itself; if the words describe something else, silence the rule with a note",
)
def engineered_as_biology(lintable: Lintable) -> Iterator[Hit]:
    for at in lintable.assertions:
        if at.model.scope == "biology" and (word := _said(at, lintable, ENGINEERED)):
            yield Hit(at, (), f"speaks of engineered delivery ('{word}') but has scope biology")


@rule(
    "EXO802",
    "method-as-biology",
    "A quote or note speaks of a laboratory method (isolation yield, purification, storage, vesicle stability in "
    "a protocol), but the assertion has scope biology.",
    "set scope: method, so that no mechanism or chain uses the finding; if the words describe biology, silence "
    "the rule with a note",
)
def method_as_biology(lintable: Lintable) -> Iterator[Hit]:
    for at in lintable.assertions:
        if at.model.scope == "biology" and (word := _said(at, lintable, METHOD)):
            yield Hit(at, (), f"speaks of a laboratory method ('{word}') but has scope biology")
