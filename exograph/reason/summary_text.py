"""Print the consensus of claims (``exograph summary``): one line per claim, as a table, JSON or TSV."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from exograph.query.text import ARROWS
from exograph.reason.consensus import Claim, as_json
from exograph.reason.explain import SYSTEM_WORDS
from exograph.safetext import visible

if TYPE_CHECKING:
    from exograph.api import SummaryResult

TSV_COLUMNS = (
    "regulator",
    "target",
    "aspect",
    "direction",
    "score",
    "increases",
    "decreases",
    "unsigned",
    "negated",
    "hypotheses",
    "sources",
    "primary",
    "cited",
    "review",
    "direct",
    "perturbations",
    "contexts",
    "systems",
    "supporting",
    "dissenting",
    "speculative",
    "negated_ids",
)
_ARROWS = {**ARROWS, "disputed": "<>", "none": "-x"}


def tally(c: Claim) -> str:
    """``+3 -1 ?0 x1``: stated increases, decreases, unsigned, and negated findings."""
    parts = [f"+{c.increases}", f"-{c.decreases}"]
    parts += [f"?{c.unsigned}"] if c.unsigned else []
    parts += [f"x{c.negated}"] if c.negated else []
    return " ".join(parts)


def _names(keys: tuple[str, ...], labels: Mapping[str, str]) -> str:
    return ", ".join(labels.get(k, k).replace("_", " ") for k in keys)


def summary_table(result: SummaryResult) -> str:
    """One line per claim; a claim with dissent, speculation or contexts gets an indented line of them."""
    labels = result.labels
    if not result.claims:
        return visible(f"No claims about {labels.get(result.subject, result.subject)} match.\n")
    header = ("SCORE", "REGULATOR", "CONSENSUS", "TARGET", "TALLY", "SOURCES", "EVIDENCE", "DIRECT", "PERTURBATIONS")
    rows = [header]
    for c in result.claims:
        aspect = c.aspect.replace("_", " ")
        # the aspect always shows: "none RAB27A" beside "increases activity RAB27A" would read as a contradiction
        said = f"no change in {aspect}" if c.direction == "none" else f"{c.direction} {aspect}"
        evidence = "/".join(
            f"{n} {k}" for n, k in ((c.primary, "primary"), (c.cited, "cited"), (c.review, "review")) if n
        )
        rows.append(
            (
                f"{c.score:.2f}",
                labels.get(c.regulator, c.regulator),
                f"{_ARROWS[c.direction]} {said}",
                labels.get(c.target, c.target),
                tally(c),
                str(len(c.sources)),
                evidence,
                f"{c.direct}/{c.increases + c.decreases + c.unsigned + c.negated}",
                ", ".join(c.perturbations) or "-",
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]

    def line(row: tuple[str, ...]) -> str:
        return "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()

    out = [line(header)]
    for row, c in zip(rows[1:], result.claims, strict=True):
        out.append(line(row))
        where = [f"in {_names(c.contexts, labels)}"] if c.contexts else []
        where += [SYSTEM_WORDS.get(system, system) for system in c.systems]  # "in vivo", not "in in vivo"
        details = ["; ".join(where)] if where else []
        details += [f"dissent: {', '.join(c.dissenting)}"] if c.dissenting else []
        details += [f"may (speculative): {', '.join(c.speculative)}"] if c.speculative else []
        details += [f"does not (negated): {', '.join(c.negated_ids)}"] if c.negated_ids else []
        out += [f"      {d}" for d in details]
    out.append(f"({len(result.claims)} claim{'s' if len(result.claims) != 1 else ''})")
    return visible("\n".join(out) + "\n")


def summary_json(result: SummaryResult) -> str:
    data = {"subject": result.subject, "labels": result.labels, "claims": [as_json(c) for c in result.claims]}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def summary_tsv(result: SummaryResult) -> str:
    rows = [list(TSV_COLUMNS)]
    for c in result.claims:
        data = as_json(c)
        data["sources"] = len(c.sources)
        rows.append(["|".join(v) if isinstance(v, list) else str(v) for v in (data[k] for k in TSV_COLUMNS)])
    return "".join("\t".join(visible(v.replace("\t", " ").replace("\n", " ")) for v in row) + "\n" for row in rows)


SUMMARY_RENDERERS: dict[str, Callable[[SummaryResult], str]] = {
    "table": summary_table,
    "json": summary_json,
    "tsv": summary_tsv,
}
