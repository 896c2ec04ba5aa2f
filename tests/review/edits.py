"""Edits of the mini curation, as a curator would make them, for the review tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

ASSERTIONS = "curation/assertions/mini2024.yaml"
ENTITIES = "curation/entities/entities.yaml"


def load(root: Path, rel: str) -> Any:
    return yaml.safe_load((root / rel).read_text(encoding="utf-8"))


def dump(root: Path, rel: str, data: Any) -> None:
    (root / rel).write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _edit_assertion(root: Path, assertion_id: str, change: dict[str, Any]) -> None:
    data = load(root, ASSERTIONS)
    (record,) = [a for a in data["assertions"] if a["id"] == assertion_id]
    record.update(change)
    dump(root, ASSERTIONS, data)


def flip(root: Path, assertion_id: str) -> None:
    """Turn increases into decreases and anything else into increases."""
    data = load(root, ASSERTIONS)
    (record,) = [a for a in data["assertions"] if a["id"] == assertion_id]
    _edit_assertion(
        root, assertion_id, {"direction": "decreases" if record["direction"] == "increases" else "increases"}
    )


def set_direction(root: Path, assertion_id: str, direction: str) -> None:
    _edit_assertion(root, assertion_id, {"direction": direction})


def set_aspect(root: Path, assertion_id: str, aspect: str) -> None:
    _edit_assertion(root, assertion_id, {"aspect": aspect})


def set_context(root: Path, assertion_id: str, context: dict[str, Any]) -> None:
    _edit_assertion(root, assertion_id, {"context": context})


def rename(root: Path, old: str, new: str) -> None:
    _edit_assertion(root, old, {"id": new})


def delete(root: Path, assertion_id: str) -> None:
    data = load(root, ASSERTIONS)
    data["assertions"] = [a for a in data["assertions"] if a["id"] != assertion_id]
    dump(root, ASSERTIONS, data)


def add(root: Path, record: dict[str, Any]) -> None:
    data = load(root, ASSERTIONS)
    data["assertions"].append(record)
    dump(root, ASSERTIONS, data)


def edit_entity(root: Path, key: str, change: dict[str, Any]) -> None:
    data = load(root, ENTITIES)
    (record,) = [e for e in data["entities"] if e["key"] == key]
    record.update(change)
    dump(root, ENTITIES, data)


#: An assertion the mini source's text supports, absent from the fixture: HIF1A may raise RAB27A under hypoxia.
HIF1A_UNDER_HYPOXIA = {
    "id": "mini2024-hif1a-rab27a-hypoxia",
    "regulator": "HIF1A",
    "target": "RAB27A",
    "direction": "increases",
    "aspect": "amount",
    "hypothesis": True,
    "context": {"conditions": ["hypoxia"]},
    "evidence": [{"quote": "HIF-1 may drive RAB27A expression.", "section": "Text"}],
}
