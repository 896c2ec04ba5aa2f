"""Print conflicts: one block per claim with each side's assertions once, as a table, JSON or TSV.

TSV has one row per assertion (its conflict's rank, its side), so a script can count sides; JSON
holds every conflict as :func:`exograph.reason.conflicts.as_json` plus the assertion records.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from exograph.query.text import ARROWS, context_text
from exograph.reason.conflicts import Conflict, Difference, as_json
from exograph.reason.explain import citation
from exograph.safetext import visible

if TYPE_CHECKING:
    from exograph.api import ConflictResult

#: How each field that may explain a conflict reads in a sentence.
FIELD_NAMES = {
    "cells": "cells",
    "diseases": "disease",
    "organisms": "organism",
    "conditions": "condition",
    "donors": "donor cells",
    "recipients": "recipient cells",
    "system": "experimental system",
    "perturbation": "perturbation (a gain against a loss of function)",
    "target": "target (a broader or narrower vesicle population or process)",
}
SIDES = ("increasing", "decreasing", "negated")


def _names(values: tuple[str, ...], labels: Mapping[str, str]) -> str:
    return "; ".join(labels.get(v, v).replace("_", " ") for v in values) or "none stated"


def difference_text(d: Difference, labels: Mapping[str, str]) -> str:
    return f"{FIELD_NAMES[d.field]}: {_names(d.first, labels)} vs {_names(d.second, labels)}"


def status_text(c: Conflict) -> str:
    """``explained by disease, cells``, ``unexplained (only one states: disease)``, …"""
    named = ", ".join(FIELD_NAMES[d.field].split(" (")[0] for d in c.differences)
    said = c.status if c.status == "unexplained" else f"{c.status} by {named}"
    if c.one_sided:  # where an unexplained pair might differ: one text states what the other leaves open
        said += f" (unexplained pairs: only one states the {', '.join(FIELD_NAMES[f] for f in c.one_sided)})"
    return said


def kind_text(c: Conflict) -> str:
    counts = [f"{len(getattr(c, side))} {side}" for side in SIDES if getattr(c, side)]
    said = "opposite signs" if c.decreasing and c.increasing else ""
    if c.negated:  # a text that finds no effect disagrees with one that finds it: worth reading side by side
        said = f"{said + ', ' if said else ''}an effect stated and said absent"
    return f"{', '.join(counts)}: {said}"


def _line(a: Mapping[str, object], aspect: str, labels: Mapping[str, str], sources: Mapping[str, object]) -> str:
    """One assertion; its aspect is said only where it is not the group's (degradation in an amount group)."""
    direction, target = str(a["direction"]), str(a["target"])
    verb = f"does not {direction[:-1]}" if a["negated"] else direction
    verb = f"may {direction[:-1]}" if a["hypothesis"] and not a["negated"] else verb
    arrow = "-x" if a["negated"] else ARROWS[direction]
    name = labels.get(target, target)
    said = name if a["aspect"] == aspect else f"the {str(a['aspect']).replace('_', ' ')} of {name}"
    context = context_text(a, dict(labels)) or "no context stated"  # type: ignore[arg-type]
    cite = citation(sources.get(str(a["source"])), str(a["source"]))  # type: ignore[arg-type]
    return f"     {arrow} {verb} {said}  ({context})  [{cite}]  {a['id']}"


def conflicts_table(result: ConflictResult) -> str:
    if not result.conflicts:
        return "No conflicting assertions.\n"
    labels, out = result.labels, []
    for rank, c in enumerate(result.conflicts, 1):
        targets = " / ".join(labels.get(t, t) for t in c.targets)
        hedge = "; involves a hypothesis" if c.hypothesis else ""
        out.append(
            f"{rank}. {labels.get(c.regulator, c.regulator)} -> {targets} ({c.aspect.replace('_', ' ')}): "
            f"{kind_text(c)}; {status_text(c)}{hedge}"
        )
        for side in SIDES:
            ids = getattr(c, side)
            if ids:
                out.append(f"   {side}:")
                out += [_line(result.assertions[i], c.aspect, labels, result.sources) for i in ids]
        out += [f"   differs in {difference_text(d, labels)}" for d in c.differences]
    out.append(f"({len(result.conflicts)} conflict{'s' if len(result.conflicts) != 1 else ''})")
    return visible("\n".join(out)) + "\n"


def conflicts_json(result: ConflictResult) -> str:
    items = [{**as_json(c), "assertions": [result.assertions[i] for i in c.assertion_ids]} for c in result.conflicts]
    return json.dumps({"labels": result.labels, "conflicts": items}, indent=2, ensure_ascii=False) + "\n"


def conflicts_tsv(result: ConflictResult) -> str:
    header = ["conflict", "regulator", "targets", "aspect", "status", "differences", "side", "assertion"]
    rows = [header]
    for rank, c in enumerate(result.conflicts, 1):
        differences = "|".join(d.field for d in c.differences)
        for side in SIDES:
            for i in getattr(c, side):
                rows.append([str(rank), c.regulator, "|".join(c.targets), c.aspect, c.status, differences, side, i])
    return "".join(
        "\t".join(visible(cell.replace("\t", " ").replace("\n", " ")) for cell in row) + "\n" for row in rows
    )


def with_explanations(text: str, fmt: str, sentences: Mapping[str, str]) -> str:
    """Add the sentence of every assertion: a key in JSON, a column in TSV, lines under a table."""
    if fmt == "json":
        return json.dumps({**json.loads(text), "explanations": dict(sentences)}, indent=2, ensure_ascii=False) + "\n"
    if fmt == "tsv":
        lines = text.splitlines()
        rows = [f"{lines[0]}\texplanation"]
        rows += [f"{line}\t{visible(sentences[line.split(chr(9))[-1]])}" for line in lines[1:]]
        return "\n".join(rows) + "\n"
    return text + "".join(f"\n{i}: {visible(s)}\n" for i, s in sentences.items())


CONFLICT_RENDERERS: dict[str, Callable[[ConflictResult], str]] = {
    "table": conflicts_table,
    "json": conflicts_json,
    "tsv": conflicts_tsv,
}
