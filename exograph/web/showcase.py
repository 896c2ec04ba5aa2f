"""The site's path pages: a small, documented set of chain questions the README and docs ask, answered.

Each page is one query of :class:`exograph.api.KnowledgeGraph` (``path`` or ``drivers``), read as
``exograph path`` prints it: each chain's header and its steps, each step with the sentence of every
assertion behind it (the rules of ``explain``: "may", "does not change"), its quote and its source,
and each vesicle transfer as its own marked step. The picture is the one ``exograph render`` draws.
A question whose names are not in the curation is left out (a fixture or a fork may lack them).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from exograph.compiled.records import AssertionRecord, SourceRecord
from exograph.reason.explain import LINKS, sentence, step_phrase, subject, together, via_text
from exograph.reason.render import chain_header, chain_summary, step_marks
from exograph.web.diagram import Diagram, drawn_chains

if TYPE_CHECKING:
    from exograph.api import ChainResult, KnowledgeGraph
    from exograph.compiled.store import Store

#: Chains a page lists and draws, best-ranked first (as ``exograph path`` ranks them); the rest are counted.
MAX_CHAINS = 12


@dataclass(frozen=True, slots=True)
class Showcase:
    """One chain question: ``path`` from ``start`` to ``end``, or the ``drivers`` of ``start``."""

    slug: str
    kind: str
    start: str
    end: str | None
    steps: int
    why: str
    hedged: bool = False

    @property
    def command(self) -> str:
        """The CLI command that asks the same question, so a reader can ask it again with other options."""
        hedges = " --include-hypotheses --include-negated" if self.hedged else ""
        if self.kind == "drivers":
            return f"exograph drivers {_quoted(self.start)} --depth {self.steps}{hedges}"
        return f"exograph path {_quoted(self.start)} {_quoted(self.end or '')} --max-length {self.steps}{hedges}"


def _quoted(name: str) -> str:
    return f'"{name}"' if " " in name else name


SHOWCASES = (
    Showcase(
        "hypoxia-exosome-secretion",
        "path",
        "hypoxia",
        "exosome secretion",
        3,
        "How a hypoxic tumour releases more exosomes: through HIF-1 and the Rab GTPases.",
    ),
    Showcase(
        "sorafenib-akt",
        "path",
        "sorafenib",
        "AKT",
        5,
        "Liang & Wang 2021: sorafenib raises exosome release by Huh-7 cells, and the exosomes activate AKT "
        "in the cells that take them up.",
    ),
    Showcase(
        "sorafenib-rab27a",
        "path",
        "sorafenib",
        "RAB27A",
        1,
        "Sorafenib activates RAB27A but does not change its amount: negated findings and hypotheses included.",
        hedged=True,
    ),
    Showcase("rab27a-drivers", "drivers", "RAB27A", None, 3, "What raises RAB27A, in chains of up to three steps."),
)


def ask(graph: KnowledgeGraph, show: Showcase) -> ChainResult | None:
    """The showcase's chains, or None where the curation lacks one of its names."""
    from exograph.query.neighbours import UnknownName

    hedged = show.hedged
    try:
        if show.kind == "drivers":
            return graph.drivers(
                show.start, show.steps, max_chains=MAX_CHAINS, include_hypotheses=hedged, include_negated=hedged
            )
        return graph.path(
            show.start,
            show.end or "",
            show.steps,
            max_chains=MAX_CHAINS,
            include_hypotheses=hedged,
            include_negated=hedged,
        )
    except UnknownName:
        return None


def title(show: Showcase, found: ChainResult) -> str:
    first = found.labels.get(found.query.subject, found.query.subject)
    if show.kind == "drivers":
        return f"What raises {first} (up to {show.steps} steps)"
    end = found.query.end or ""
    return f"{first} → {found.labels.get(end, end)}"


def picture(store: Store, show: Showcase, found: ChainResult) -> Diagram:
    return drawn_chains(store, found, title(show, found))


def chains(
    found: ChainResult,
    records: Mapping[str, AssertionRecord],
    sources: Mapping[str, SourceRecord],
    names: Mapping[str, str],
    kinds_of: Mapping[str, str],
) -> list[dict[str, Any]]:
    """Each chain as the page lists it: header, sum, then its steps and transfers in order.

    ``names``, ``kinds_of``: every entity's display name and kind, for the cells and diseases a sentence names."""
    labels, kinds = found.labels, found.kinds
    everyone, every_kind = {**names, **labels}, {**kinds_of, **kinds}
    out = []
    for chain in found.chains:
        steps: list[dict[str, Any]] = []
        if chain.start_link and chain.start:
            begin = chain.steps[0].regulator
            said = f"{labels.get(begin, begin)} is {LINKS[chain.start_link]} {labels.get(chain.start, chain.start)}"
            steps.append({"kind": "link", "says": said})
        for step, joins in zip(chain.steps, chain.joins, strict=True):
            behind = [records[i] for i in step.assertions if i in records]
            steps.append(
                {
                    "kind": "step",
                    "says": f"{subject(step, labels, kinds)} {step_phrase(step, labels, kinds)}",
                    "marks": step_marks(step, labels, joins),
                    "negated": step.negated,
                    "hypothesis": step.hypothesis,
                    "assertions": [
                        {"a": a, "sentence": sentence(a, everyone, every_kind, sources), "quote": a["evidence"][0]}
                        for a in behind
                    ],
                }
            )
            if step.via:
                steps.append({"kind": "transfer", "says": via_text(step.via, labels, kinds)})
            elif step.target_link and step.target_link in LINKS and joins:
                target = labels.get(step.target, step.target)
                steps.append({"kind": "link", "says": f"{target} is {LINKS[step.target_link]} {labels[joins]}"})
        out.append(
            {
                "header": chain_header(chain, labels, kinds),
                "summary": chain_summary(chain, labels),
                "together": together(chain, labels, kinds) if len(chain.steps) > 1 else "",
                "coherent": chain.coherent,
                "steps": steps,
            }
        )
    return out
