"""How a report says things, shared by the Markdown and terminal renderers (plain text, escaped by each)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any

from exograph.review.impact import effect
from exograph.review.model import AnswerChange, AnswerLine, FieldChange, Report, SideInfo

CHECK_TITLES = {
    "validation": "Validation problem on NEW",
    "sign_flip": "Sign flip",
    "removed_evidence": "Removed evidence",
    "lint": "New lint finding",
    "regrounded": "Regrounded identifier",
    "name_resolution": "Name resolves differently",
}
SHORT = 100
Label = Callable[[str], str]


def side(info: SideInfo) -> str:
    """'main (0123456789)'; a commit id given as such is only shortened."""
    if info.commit is None:
        return info.spec
    return info.commit[:10] if info.commit.startswith(info.spec) else f"{info.spec} ({info.commit[:10]})"


def short(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= SHORT else text[: SHORT - 3] + "..."


def context(label: Label, keys: list[str], system: str | None) -> str:
    parts = [label(k) for k in keys] + ([system.replace("_", " ")] if system else [])
    return f" ({', '.join(parts)})" if parts else ""


def _how(report: Report, line: AnswerLine, with_via: bool = False) -> str:
    via = f"via {report.label(line.via)}, " if with_via and line.via else ""
    return f"{via}{line.effect}{context(report.label, line.context, line.system)}"


def answer(report: Report, line: AnswerLine) -> str:
    """'sorafenib: increases activity (Homo sapiens, Huh-7, in vitro)'; 'RAB27A via exosomal secretion: …'."""
    via = f" via {report.label(line.via)}" if line.via else ""
    return f"{report.label(line.other)}{via}: {_how(report, line)}"


def _moved(report: Report, old: AnswerLine, new: AnswerLine) -> str:
    """The one line of an entity that changed: only the effect when that is all that changed."""
    if (old.via, old.context, old.system) == (new.via, new.context, new.system):
        return answer(report, old.model_copy(update={"effect": f"{old.effect} → {new.effect}"}))
    if old.via == new.via:
        return answer(report, old) + f" → {_how(report, new)}"
    return f"{report.label(new.other)}: {_how(report, old, True)} → {_how(report, new, True)}"


def answer_lines(report: Report, change: AnswerChange) -> list[tuple[str, str]]:
    """(mark, text) lines: '+' gained, '-' lost, '~' one line of the same entity that changed (shown old → new)."""
    gained, lost = Counter(x.other for x in change.gained), Counter(x.other for x in change.lost)
    moved = {key for key in gained if gained[key] == lost[key] == 1}
    old = {x.other: x for x in change.lost if x.other in moved}
    lines = [
        ("~", _moved(report, old[x.other], x)) if x.other in moved else ("+", answer(report, x)) for x in change.gained
    ]
    return lines + [("-", answer(report, x)) for x in change.lost if x.other not in moved]


def question(report: Report, change: AnswerChange) -> str:
    return f"{change.question} of {report.label(change.subject)}"


def claim(label: Label, a: Mapping[str, Any]) -> str:
    """'HIF1A may increase amount of RAB27A (Homo sapiens)', with ``label`` naming entities by key.

    A target that names its own aspect is not named twice: 'Hypoxia increases exosomal secretion', not
    'increases secretion of exosomal secretion'.
    """
    keys = [k for v in a["context"].values() if isinstance(v, list) for k in v]
    target, said = label(a["target"]), effect(a)  # type: ignore[arg-type]
    aspect = str(a["aspect"]).replace("_", " ")
    if aspect in target.casefold():
        said = said.removesuffix(f" {aspect}")
        text = f"{label(a['regulator'])} {said} {target}"
    else:
        text = f"{label(a['regulator'])} {said} of {target}"
    return text + context(label, keys, a["context"].get("system"))


def quotes(a: Mapping[str, Any]) -> list[str]:
    return [str(e["quote"]) for e in a["evidence"]]


def _context_of(label: Label, value: Any) -> str:
    keys = [k for v in (value or {}).values() if isinstance(v, list) for k in v]
    return context(label, keys, (value or {}).get("system")).strip() or "(none)"


def _references(old: list[Any], new: list[Any]) -> str:
    """A source's reference list change by number: '+12, -3, changed 5'."""
    before = {r["number"]: r for r in old if isinstance(r, dict)}
    after = {r["number"]: r for r in new if isinstance(r, dict)}
    parts = [f"+{n}" for n in sorted(after.keys() - before.keys())]
    parts += [f"-{n}" for n in sorted(before.keys() - after.keys())]
    parts += [f"changed {n}" for n in sorted(before.keys() & after.keys()) if before[n] != after[n]]
    return ", ".join(parts) or "reordered"


def field_change(change: FieldChange, label: Label | None = None) -> str:
    """'direction: increases → decreases'; with ``label``, an assertion's ends and context by entity label.

    For evidence, the quotes gained and lost.
    """
    if change.field == "evidence":
        old = {str(e["quote"]) for e in change.old or []}  # type: ignore[union-attr,index,call-overload]
        new = {str(e["quote"]) for e in change.new or []}  # type: ignore[union-attr,index,call-overload]
        parts = [f'+ "{short(q)}"' for q in sorted(new - old)] + [f'- "{short(q)}"' for q in sorted(old - new)]
        return "evidence: " + ("; ".join(parts) or "sections, references or assays edited")
    if change.field == "references" and isinstance(change.old, list) and isinstance(change.new, list):
        return f"references: {_references(change.old, change.new)}"
    if change.field == "sha256":
        return f"text snapshot changed (sha256 {short(change.old)[:12]}… → {short(change.new)[:12]}…)"
    if label is not None and change.field in ("regulator", "target"):
        return f"{change.field} moved: {label(str(change.old))} → {label(str(change.new))}"
    if label is not None and change.field == "context":
        return f"context: {_context_of(label, change.old)} → {_context_of(label, change.new)}"
    return f"{change.field}: {short(change.old)} → {short(change.new)}"


def counts(report: Report) -> list[tuple[str, int, int, int, int | None]]:
    """(kind, added, removed, changed, renamed) rows of the summary table."""
    a = report.assertions
    rows: list[tuple[str, int, int, int, int | None]] = [
        ("assertions", len(a.added), len(a.removed), len(a.changed), len(a.renamed))
    ]
    for name, group in (("entities", report.entities), ("sources", report.sources)):
        rows.append((name, len(group.added), len(group.removed), len(group.changed), None))
    return rows
