"""Record-level differences: assertions, entities and sources matched by their stable ids.

Matching by id makes an edit read as the fields that changed rather than as a
removal plus an addition; an assertion whose id changed but whose content did
not is a rename.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from exograph.review.model import AssertionChange, AssertionChanges, FieldChange, KeyedChange, RecordChanges, Rename
from exograph.review.state import State

#: Entity fields derived from others (``local`` follows the CURIE, ``display`` the name or label): a change there
#: is not news.
DERIVED_ENTITY_FIELDS = frozenset({"local", "display"})


@dataclass(frozen=True, slots=True)
class Comparison:
    """Both sides and the record changes between them: what the checklist and the impact read."""

    old: State
    new: State
    assertions: AssertionChanges
    entities: RecordChanges
    sources: RecordChanges


def field_changes(
    old: Mapping[str, Any], new: Mapping[str, Any], skip: frozenset[str] = frozenset()
) -> list[FieldChange]:
    return [
        FieldChange(field=k, old=old.get(k), new=new.get(k))
        for k in sorted(set(old) | set(new))
        if k not in skip and old.get(k) != new.get(k)
    ]


def _content(record: Mapping[str, Any]) -> str:
    return json.dumps({k: v for k, v in record.items() if k != "id"}, sort_keys=True)


def compare_assertions(
    old: Mapping[str, Mapping[str, Any]],
    new: Mapping[str, Mapping[str, Any]],
    same: Callable[[str], bool] | None = None,
) -> AssertionChanges:
    """``same`` may say cheaply that a record present on both sides is unchanged (its text is)."""
    gone = {i: old[i] for i in old if i not in new}
    moved_from = {_content(a): i for i, a in gone.items()}
    added, changed, renamed = [], [], []
    for i in sorted(new):
        if i in old:
            if not (same and same(i)) and (fields := field_changes(old[i], new[i])):
                changed.append(AssertionChange(id=i, old=dict(old[i]), new=dict(new[i]), fields=fields))
        elif (old_id := moved_from.pop(_content(new[i]), None)) is not None:
            del gone[old_id]
            renamed.append(Rename(old=old_id, new=i))
        else:
            added.append(dict(new[i]))
    removed = [dict(gone[i]) for i in sorted(gone)]
    return AssertionChanges(added=added, removed=removed, changed=changed, renamed=renamed)


def compare_records(
    old: Mapping[str, Mapping[str, Any]], new: Mapping[str, Mapping[str, Any]], skip: frozenset[str] = frozenset()
) -> RecordChanges:
    changed = [
        KeyedChange(id=k, fields=fields)
        for k in sorted(new)
        if k in old and (fields := field_changes(old[k], new[k], skip))
    ]
    return RecordChanges(
        added=[dict(new[k]) for k in sorted(new) if k not in old],
        removed=[dict(old[k]) for k in sorted(old) if k not in new],
        changed=changed,
    )


def compare_states(old: State, new: State) -> Comparison:
    return Comparison(
        old,
        new,
        compare_assertions(old.assertions, new.assertions, partial(old.assertions.same, new.assertions)),
        compare_records(old.entities, new.entities, DERIVED_ENTITY_FIELDS),
        compare_records(old.sources, new.sources),
    )
