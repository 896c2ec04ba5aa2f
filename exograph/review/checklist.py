"""The reviewer's checklist: the changes most likely to be mistakes, to look at first.

Each check is one function from the comparison to items, listed in
:data:`CHECKS` in the order a reviewer should read them; another check is one
more function in that list.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from exograph.compiled.records import EntityRecord
from exograph.review import wording
from exograph.review.compare import Comparison
from exograph.review.model import CheckItem
from exograph.review.state import State

if TYPE_CHECKING:
    from exograph.curation.lint.base import Finding

Check = Callable[[Comparison], list[CheckItem]]
SIGN_FIELDS = ("direction", "negated")


def _label(comparison: Comparison, key: str) -> str:
    entity = comparison.new.entities.get(key) or comparison.old.entities.get(key)
    return entity["display"] if entity else key


def claim(comparison: Comparison, a: Mapping[str, Any]) -> str:
    return wording.claim(lambda key: _label(comparison, key), a)


def validation(comparison: Comparison) -> list[CheckItem]:
    return [
        CheckItem(kind="validation", subject=f"{p.file}:{p.line}:{p.column}", text=p.message)
        for p in comparison.new.problems
    ]


def net_effect(a: Mapping[str, Any]) -> str:
    """The effect on the target itself: more degradation of a thing is less of it."""
    if a.get("aspect") == "degradation":
        return {"increases": "decreases", "decreases": "increases"}.get(a["direction"], str(a["direction"]))
    return str(a["direction"])


def sign_flips(comparison: Comparison) -> list[CheckItem]:
    items = []
    for change in comparison.assertions.changed:
        flipped = net_effect(change.old) != net_effect(change.new)
        if flipped or any(f.field in SIGN_FIELDS for f in change.fields):
            text = f"sign changed: {claim(comparison, change.old)} → {claim(comparison, change.new)}"
            items.append(CheckItem(kind="sign_flip", subject=change.id, text=text, quotes=wording.quotes(change.new)))
    return items


def removed_evidence(comparison: Comparison) -> list[CheckItem]:
    items = [
        CheckItem(
            kind="removed_evidence",
            subject=str(a["id"]),
            text=f"assertion removed: {claim(comparison, a)}",
            quotes=wording.quotes(a),
        )
        for a in comparison.assertions.removed
    ]
    for change in comparison.assertions.changed:
        lost = [q for q in wording.quotes(change.old) if q not in wording.quotes(change.new)]
        if lost:
            text = f"evidence removed from {claim(comparison, change.new)}"
            items.append(CheckItem(kind="removed_evidence", subject=change.id, text=text, quotes=lost))
    return items


def _lint_keys(state: State) -> dict[tuple[str, str], Finding]:
    """Findings by rule and message: positions move with every edit, the message names the record."""
    return {(f.code, f.message): f for f in state.findings}


def lint_findings(comparison: Comparison) -> list[CheckItem]:
    """Lint findings NEW has and OLD had not: a quote that no longer names an end, a new self-loop..."""
    old = _lint_keys(comparison.old)
    return [
        CheckItem(kind="lint", subject=f"{f.file}:{f.line}", text=f"{f.code} {f.message} Fix: {f.fix}")
        for key, f in sorted(_lint_keys(comparison.new).items())
        if key not in old
    ]


def regrounded(comparison: Comparison) -> list[CheckItem]:
    items = []
    for change in comparison.entities.changed:
        if any(f.field == "curie" for f in change.fields):
            old, new = comparison.old.entities[change.id], comparison.new.entities[change.id]
            text = f"identifier changed: {old['curie']} ({old['label']}) → {new['curie']} ({new['label']})"
            items.append(CheckItem(kind="regrounded", subject=change.id, text=text))
    return items


def _resolution(entities: Mapping[str, EntityRecord]) -> dict[str, str]:
    return {n.casefold(): key for key, e in entities.items() for n in (key, e["label"], *e["synonyms"])}


def name_resolution(comparison: Comparison) -> list[CheckItem]:
    """Names that now find another entity, or none, because a label, key or synonym changed."""
    old, new = _resolution(comparison.old.entities), _resolution(comparison.new.entities)
    added = {str(e["key"]) for e in comparison.entities.added}
    removed = {str(e["key"]) for e in comparison.entities.removed}
    items = []
    for name in sorted(set(old) | set(new)):
        before, after = old.get(name), new.get(name)
        if before == after or (before is None and after in added) or (after is None and before in removed):
            continue
        if after is None:
            text = f"'{name}' no longer finds {_label(comparison, str(before))}"
        elif before is None:
            text = f"'{name}' now finds {_label(comparison, after)}"
        else:
            text = f"'{name}' now finds {_label(comparison, after)} instead of {_label(comparison, before)}"
        items.append(CheckItem(kind="name_resolution", subject=name, text=text))
    return items


CHECKS: tuple[Check, ...] = (validation, sign_flips, removed_evidence, lint_findings, regrounded, name_resolution)


def checklist(comparison: Comparison) -> list[CheckItem]:
    return [item for check in CHECKS for item in check(comparison)]
