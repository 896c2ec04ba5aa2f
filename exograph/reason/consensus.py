"""A consensus per claim: what the curation, taken together, says of one regulator → target → aspect.

Every assertion of the claim is counted (its direction, whether it is negated or speculative, its
source and the kind of evidence behind it, its directness and the perturbation its evidence used),
and an *evidence score* sums them, term by term, as ``docs/reasoning.md`` documents (SIGNOR
publishes its score's formula; this does the same):

- each assertion weighs ``kind × directness × test × hedge``: ``kind`` is 1.0 for a primary study
  (source kind ``primary_research`` or ``figure_record``), 0.7 for a review's claim that cites primary
  references (*cited*: exograph holds the citation, not the study), 0.4 for a review's own claim
  with no reference; ``directness`` 1.0 for ``direct``, else 0.8; ``test`` 1.0 when the evidence
  names a perturbation (the regulator was knocked down, inhibited, overexpressed …), else 0.8;
  ``hedge`` 0.25 for a hypothesis, else 1.0;
- a study counts once on each side, by its heaviest assertion there, so ten rows from one paper
  are one paper's word (a study: a source, or for a claim a review cites, the references it cites);
- *support* ``S`` sums the studies' weights for the consensus direction, *dissent* ``D`` those for
  the opposite direction and for negated findings of the consensus direction;
- ``score = (S − D) / (S + D + 1)``: between −1 and 1, 0.5 for one direct primary study with a
  perturbation and nothing against it, towards 1 as independent support grows, 0 or below when
  dissent weighs as much as support.

The consensus direction is the sign whose studies weigh more (on equal weight, the sign more
assertions state; ``disputed`` when those tie too, with increases as support); a claim
only ever said unsigned (``regulates``, a binding) has direction ``regulates``; one only ever
said absent has ``none`` (every assertion says the effect is absent, and the score is 0).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from exograph.compiled.records import AssertionRecord, SourceRecord

#: Weights of the score's terms (docs/reasoning.md lists them in a table).
KIND_WEIGHTS = {"primary": 1.0, "cited": 0.7, "review": 0.4}
DIRECT_WEIGHT, OTHER_DIRECTNESS_WEIGHT = 1.0, 0.8
TESTED_WEIGHT, UNTESTED_WEIGHT = 1.0, 0.8
HYPOTHESIS_WEIGHT = 0.25
PRIMARY_KINDS = frozenset({"primary_research", "figure_record"})
#: Context fields a claim's contexts are gathered from, in display order.
CONTEXT_FIELDS = ("organisms", "diseases", "cell_lines", "cell_types", "conditions", "donors", "recipients")


@dataclass(frozen=True, slots=True)
class Claim:
    """What every assertion of one regulator → target → aspect says, pooled, with its evidence score."""

    regulator: str
    target: str
    aspect: str
    #: ``biology``, ``engineered`` or ``method``: claims about engineered vesicles or a lab method stand apart.
    scope: str
    #: ``increases``, ``decreases``, ``regulates`` (only unsigned), ``disputed`` (a tie) or ``none`` (only negated).
    direction: str
    #: Stated (not negated) assertions by direction, and negated ones.
    increases: int
    decreases: int
    unsigned: int
    negated: int
    hypotheses: int
    sources: tuple[str, ...]
    #: Assertions by kind of evidence: primary study, a review citing primary references, a review's own claim.
    primary: int
    cited: int
    review: int
    direct: int
    perturbations: tuple[str, ...]
    #: Entity keys of the contexts stated, and the experimental systems.
    contexts: tuple[str, ...]
    systems: tuple[str, ...]
    #: Assertion ids for the consensus, against it (the opposite sign, or the consensus said absent), the rest.
    supporting: tuple[str, ...]
    dissenting: tuple[str, ...]
    speculative: tuple[str, ...]
    negated_ids: tuple[str, ...]
    support: float
    dissent: float
    score: float


def evidence_kind(a: AssertionRecord, sources: Mapping[str, SourceRecord]) -> str:
    """``primary``, ``cited`` (a review citing primary references for it) or ``review`` (a review's own word)."""
    source = sources.get(a["source"])
    if source is not None and source["kind"] in PRIMARY_KINDS:
        return "primary"
    return "cited" if any(ev["references"] for ev in a["evidence"]) else "review"


def weight(a: AssertionRecord, sources: Mapping[str, SourceRecord]) -> float:
    """One assertion's weight: ``kind × directness × test × hedge`` (see the module's docstring)."""
    kind = KIND_WEIGHTS[evidence_kind(a, sources)]
    directness = DIRECT_WEIGHT if a["directness"] == "direct" else OTHER_DIRECTNESS_WEIGHT
    tested = TESTED_WEIGHT if any(ev["perturbation"] for ev in a["evidence"]) else UNTESTED_WEIGHT
    hedge = HYPOTHESIS_WEIGHT if a["hypothesis"] else 1.0
    return kind * directness * tested * hedge


def study(a: AssertionRecord, sources: Mapping[str, SourceRecord]) -> tuple[str, frozenset[int]]:
    """The unit of independent evidence: a primary source, or, for a review's claim, the references it cites.

    A primary study is one study however many rows it gives (and whatever background it cites); a
    review citing reference 11 for one cancer and reference 54 for another reports two studies.
    """
    if evidence_kind(a, sources) == "primary":
        return a["source"], frozenset()
    return a["source"], frozenset(r["number"] for ev in a["evidence"] for r in ev["references"])


def _by_study(assertions: Iterable[AssertionRecord], sources: Mapping[str, SourceRecord]) -> float:
    """The sum over independent studies of each one's heaviest assertion: a study counts once."""
    heaviest: dict[tuple[str, frozenset[int]], float] = {}
    for a in assertions:
        unit = study(a, sources)
        heaviest[unit] = max(heaviest.get(unit, 0.0), weight(a, sources))
    return sum(heaviest.values())


def _direction(stated: list[AssertionRecord], sources: Mapping[str, SourceRecord]) -> str:
    """The sign whose studies weigh more; on equal weight the one more assertions state; else disputed."""
    up_rows = [a for a in stated if a["direction"] == "increases"]
    down_rows = [a for a in stated if a["direction"] == "decreases"]
    if not (up_rows or down_rows):
        return "regulates" if stated else "none"
    up, down = _by_study(up_rows, sources), _by_study(down_rows, sources)
    if round(up, 6) == round(down, 6):
        up, down = len(up_rows), len(down_rows)
    return "increases" if up > down else "decreases" if down > up else "disputed"


def claim(assertions: list[AssertionRecord], sources: Mapping[str, SourceRecord]) -> Claim:
    """The consensus of the assertions of one claim (all share regulator, target, aspect and scope)."""
    first = assertions[0]
    stated = [a for a in assertions if not a["negated"]]
    direction = _direction(stated, sources)
    if direction in ("increases", "decreases"):
        opposite = "decreases" if direction == "increases" else "increases"
        supporting = [a for a in stated if a["direction"] == direction]
        dissenting = [a for a in stated if a["direction"] == opposite]
        dissenting += [a for a in assertions if a["negated"] and a["direction"] == direction]
    elif direction == "disputed":  # as much for as against: increases count as support, so the score says 0
        supporting = [a for a in stated if a["direction"] == "increases"]
        dissenting = [a for a in stated if a["direction"] == "decreases"]
        dissenting += [a for a in assertions if a["negated"] and a["direction"] == "increases"]
    else:  # only unsigned (regulates), or only negated: a finding that the effect is absent dissents
        supporting = stated
        dissenting = [a for a in assertions if a["negated"] and a["direction"] == "regulates"] if stated else []
    support, dissent = _by_study(supporting, sources), _by_study(dissenting, sources)
    kinds = [evidence_kind(a, sources) for a in assertions]
    contexts = {k for a in assertions for f in CONTEXT_FIELDS for k in a["context"].get(f, [])}
    return Claim(
        regulator=first["regulator"],
        target=first["target"],
        aspect=first["aspect"],
        scope=first["scope"],
        direction=direction,
        increases=sum(a["direction"] == "increases" for a in stated),
        decreases=sum(a["direction"] == "decreases" for a in stated),
        unsigned=sum(a["direction"] == "regulates" for a in stated),
        negated=len(assertions) - len(stated),
        hypotheses=sum(a["hypothesis"] for a in assertions),
        sources=tuple(sorted({a["source"] for a in assertions})),
        primary=kinds.count("primary"),
        cited=kinds.count("cited"),
        review=kinds.count("review"),
        direct=sum(a["directness"] == "direct" for a in assertions),
        perturbations=tuple(
            sorted({ev["perturbation"] for a in assertions for ev in a["evidence"] if ev["perturbation"]})
        ),
        contexts=tuple(sorted(contexts)),
        systems=tuple(sorted({a["context"]["system"] for a in assertions if a["context"].get("system")})),
        supporting=tuple(a["id"] for a in supporting),
        dissenting=tuple(a["id"] for a in dissenting),
        speculative=tuple(a["id"] for a in assertions if a["hypothesis"]),
        negated_ids=tuple(a["id"] for a in assertions if a["negated"]),
        support=round(support, 3),
        dissent=round(dissent, 3),
        score=round((support - dissent) / (support + dissent + 1), 2),
    )


def claims(assertions: Iterable[AssertionRecord], sources: Mapping[str, SourceRecord]) -> list[Claim]:
    """One :class:`Claim` per regulator → target → aspect (and scope) among ``assertions``, best supported first."""
    grouped: dict[tuple[str, str, str, str], list[AssertionRecord]] = defaultdict(list)
    for a in sorted(assertions, key=lambda a: a["id"]):
        grouped[(a["regulator"], a["target"], a["aspect"], a["scope"])].append(a)
    found = [claim(group, sources) for group in grouped.values()]
    found.sort(key=lambda c: (-c.score, c.regulator, c.target, c.aspect))
    return found


def as_json(c: Claim) -> dict[str, Any]:
    """A claim as plain data; every field of :class:`Claim` under its own name."""
    return {name: list(value) if isinstance(value, tuple) else value for name, value in _fields(c)}


def _fields(c: Claim) -> Iterable[tuple[str, Any]]:
    return ((name, getattr(c, name)) for name in Claim.__dataclass_fields__)
