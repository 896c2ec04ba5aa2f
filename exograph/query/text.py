"""Print query results for people (a table) and for scripts (JSON, TSV).

Text for people passes through :func:`exograph.safetext.visible`, so no escape sequence
or bidirectional override held in curated text ever reaches the terminal.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import textwrap
from collections.abc import Callable

from exograph.compiled.records import AssertionRecord, EntityRecord
from exograph.curation.vocab import CONTEXT_LIST_FIELDS
from exograph.query.neighbours import Result
from exograph.safetext import visible

ARROWS = {"increases": "->", "decreases": "-|", "regulates": "-?"}
TSV_COLUMNS = (
    "id",
    "source",
    "regulator",
    "regulator_label",
    "direction",
    "aspect",
    "target",
    "target_label",
    "mechanism",
    "exosomal_cargo",
    "hypothesis",
    "negated",
    "scope",
    *CONTEXT_LIST_FIELDS,
    "system",
    "references",
    "quote",
)


def flags(a: AssertionRecord) -> str:
    marks = [name for name in ("negated", "hypothesis") if a[name]]
    if a["exosomal_cargo"]:
        marks.append("exosomal cargo")
    if a["scope"] != "biology":  # engineered delivery or a lab-method finding: not what ordinary cells do
        marks.append(a["scope"])
    return ", ".join(marks)


def context_text(a: AssertionRecord, labels: dict[str, str]) -> str:
    parts: list[str] = []
    for name in CONTEXT_LIST_FIELDS:
        values = [labels.get(k, k) for k in a["context"].get(name, [])]
        if values:
            prefix = {"donors": "from ", "recipients": "into ", "conditions": "under "}.get(name, "")
            parts.append(prefix + ", ".join(values))
    if a["context"].get("system"):
        parts.append(a["context"]["system"].replace("_", " "))
    return "; ".join(parts)


def references_text(a: AssertionRecord) -> str:
    return ",".join(str(r["number"]) for ev in a["evidence"] for r in ev["references"])


def table(result: Result, evidence: bool = False, columns: int | None = None) -> str:
    """One line per assertion; with ``evidence``, the quotes and cited references below each. Within
    ``columns`` where given: the widest cells are narrowed (cut with ``…``) until a row fits."""
    if not result.assertions:
        return visible(f"No assertions about {result.labels.get(result.subject, result.subject)} match.\n")
    width = columns or shutil.get_terminal_size((120, 20)).columns
    rows = []
    for a in result.assertions:
        effect = f"{ARROWS[a['direction']]} {a['direction']} {a['aspect'].replace('_', ' ')}"
        rows.append(
            (
                result.labels.get(a["regulator"], a["regulator"]),
                effect,
                result.labels.get(a["target"], a["target"]),
                context_text(a, result.labels) or "-",
                ", ".join(filter(None, (flags(a), result.levels.get(a["id"])))),
                a["id"],
                *([f"{result.scores[a['id']]:.2f}"] if result.scores else []),
            )
        )
    header: tuple[str, ...] = ("REGULATOR", "EFFECT", "TARGET", "CONTEXT", "FLAGS", "ASSERTION")
    caps: tuple[int, ...] = (28, 30, 34, 60, 26, 60)
    if result.scores:  # ranked by evidence: the claim's score, last so the usual columns keep their place
        header, caps = (*header, "SCORE"), (*caps, 5)
    widths = [min(max(len(str(r[i])) for r in [header, *rows]), cap) for i, cap in enumerate(caps)]
    # Too wide for ``columns``: the assertion id goes on a line of its own under its row (it is never cut:
    # it is what `exograph show` takes) and the widest other cells are narrowed, cut with "…".
    stacked = columns is not None and sum(widths) + 2 * (len(widths) - 1) > columns
    if columns is not None and stacked:
        others = _narrow([w for i, w in enumerate(widths) if i != ID_COLUMN], columns - 2 * (len(widths) - 2))
        widths = [*others[:ID_COLUMN], 0, *others[ID_COLUMN:]]
    lines = []
    for row in [header, *rows]:
        cells = [
            _fit(str(cell), w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            if not stacked or i != ID_COLUMN
        ]
        lines.append("  ".join(cells).rstrip() + (f"\n    {row[ID_COLUMN]}" if stacked and row is not header else ""))
    out: list[str] = [lines[0]]
    for line, a in zip(lines[1:], result.assertions, strict=True):
        out.append(line)
        if evidence:
            for ev in a["evidence"]:
                refs = ", ".join(str(r["number"]) for r in ev["references"])
                where = f"{ev['source']}, {ev['section']}" + (f"; refs {refs}" if refs else "")
                quote = textwrap.fill(
                    f'"{ev["quote"]}"', width=max(width - 8, 40), initial_indent="      ", subsequent_indent="      "
                )
                out.append(f"    [{where}]\n{quote}")
    out.append(f"({len(result.assertions)} assertion{'s' if len(result.assertions) != 1 else ''})")
    return visible("\n".join(out) + "\n")


#: Where the assertion id stands in a table row.
ID_COLUMN = 5
#: No column is narrowed below this many characters (a cut label still shows its start).
MIN_COLUMN = 6


def _narrow(widths: list[int], room: int) -> list[int]:
    """The widest columns narrowed, one character at a time, until they fit in ``room`` (or all are minimal)."""
    widths = list(widths)
    while sum(widths) > room:
        widest = max(range(len(widths)), key=lambda i: widths[i])
        if widths[widest] <= MIN_COLUMN:
            break
        widths[widest] -= 1
    return widths


def _fit(text: str, width: int) -> str:
    return text.ljust(width) if len(text) <= width else text[: width - 1] + "…"


def as_json(result: Result) -> str:
    return (
        json.dumps(
            {"subject": result.subject, "labels": result.labels, "assertions": result.assertions}
            | ({"levels": result.levels} if result.levels else {})
            | ({"scores": result.scores} if result.scores else {}),
            indent=2,
            ensure_ascii=False,
        )
        + "\n"
    )


def tsv_row(a: AssertionRecord, labels: dict[str, str]) -> list[str]:
    values: dict[str, object] = {
        **{k: a[k] for k in ("id", "source", "regulator", "direction", "aspect", "target")},
        "regulator_label": labels.get(a["regulator"], a["regulator"]),
        "target_label": labels.get(a["target"], a["target"]),
        "mechanism": a["mechanism"] or "",
        "exosomal_cargo": a["exosomal_cargo"],
        "hypothesis": a["hypothesis"],
        "negated": a["negated"],
        "scope": a["scope"],
        "system": a["context"].get("system") or "",
        "references": references_text(a),
        "quote": " | ".join(ev["quote"] for ev in a["evidence"]),
        **{name: "|".join(a["context"].get(name, [])) for name in CONTEXT_LIST_FIELDS},
    }
    return [str(values[c]).lower() if isinstance(values[c], bool) else str(values[c]) for c in TSV_COLUMNS]


def tsv_text(assertions: list[AssertionRecord], labels: dict[str, str], scores: dict[str, float] | None = None) -> str:
    """A header and one tab-separated row per assertion (and a ``score`` column when ranked by evidence).

    A value holding a tab, line break or double quote is quoted as CSV readers expect
    (Python's csv, pandas, R), so every value reads back exactly as curated.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n")
    writer.writerow([*TSV_COLUMNS, *(["score"] if scores else [])])
    writer.writerows([*tsv_row(a, labels), *([f"{scores[a['id']]:.2f}"] if scores else [])] for a in assertions)
    return buffer.getvalue()


def as_tsv(result: Result) -> str:
    return tsv_text(result.assertions, result.labels, result.scores)


RENDERERS: dict[str, Callable[[Result], str]] = {"table": table, "json": as_json, "tsv": as_tsv}


def entity_text(e: EntityRecord, incoming: int, outgoing: int) -> str:
    local = "  [local id]" if e["local"] else ""
    lines = [f"{e['label']}  ({e['key']}, {e['kind']})", f"  identifier: {e['curie']}{local}"]
    for name in ("synonyms", "xrefs", "broader"):
        if e[name]:
            lines.append(f"  {name}: {', '.join(e[name])}")
    if e["parent"]:
        lines.append(f"  variant of: {e['parent']}")
    lines.append(f"  assertions: {outgoing} as regulator, {incoming} as target")
    return visible("\n".join(lines) + "\n")


def assertion_text(a: AssertionRecord, labels: dict[str, str]) -> str:
    lines = [
        f"{a['id']}",
        f"  {labels.get(a['regulator'], a['regulator'])} {ARROWS[a['direction']]} "
        f"{labels.get(a['target'], a['target'])}: {a['direction']} {a['aspect'].replace('_', ' ')}"
        + (f" (mechanism: {a['mechanism'].replace('_', ' ')})" if a["mechanism"] else ""),
        f"  source: {a['source']}",
    ]
    if flags(a):
        lines.append(f"  flags: {flags(a)}")
    if context_text(a, labels):
        lines.append(f"  context: {context_text(a, labels)}")
    for ev in a["evidence"]:
        lines.append(
            f"  evidence [{ev['section']}]"
            + (f" assay: {ev['assay']}" if ev["assay"] else "")
            + (f" perturbation: {ev['perturbation']}" if ev["perturbation"] else "")
        )
        lines.append(textwrap.fill(f'"{ev["quote"]}"', width=100, initial_indent="    ", subsequent_indent="    "))
        for ref in ev["references"]:
            doi = f" doi:{ref['doi']}" if ref["doi"] else ""
            lines.append(f"    [{ref['number']}] {ref['citation'] or '(no reference list)'}{doi}")
    if a["note"]:
        lines.append(f"  note: {a['note']}")
    return visible("\n".join(lines) + "\n")
