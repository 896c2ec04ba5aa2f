"""One canonical way to write every curation file, so pull-request diffs stay small.

Keys follow the order of the model fields, default values are left out, short
lists of names are written inline, and no line is ever wrapped (a wrapped quote
would change every time someone edits the line above it). Comments are kept, each
beside the entry or value it was written at (:mod:`exograph.curation.comments`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from exograph.atomic import write_atomic
from exograph.curation import comments
from exograph.curation.loader import parse
from exograph.curation.models import Assertion, AssertionFile, Context, Entity, EntityFile, Evidence, Reference, Source
from exograph.curation.problems import Problem
from exograph.layout import Layout

#: Which model describes the items of each nested field.
NESTED: dict[tuple[type[BaseModel], str], type[BaseModel]] = {
    (Source, "references"): Reference,
    (EntityFile, "entities"): Entity,
    (AssertionFile, "assertions"): Assertion,
    (Assertion, "context"): Context,
    (Assertion, "evidence"): Evidence,
}


class _Dumper(yaml.SafeDumper):
    """Block mappings, inline scalar lists, no wrapping, non-ASCII kept as written."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:  # noqa: ARG002
        super().increase_indent(flow, False)  # indent list items under their key


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    flow = all(not isinstance(item, dict | list) for item in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper.add_representer(list, _represent_list)


def canonical(data: Any, model: type[BaseModel]) -> Any:
    """``data`` with keys in model order and defaults dropped."""
    if isinstance(data, list):
        return [canonical(item, model) for item in data]
    if not isinstance(data, dict):
        return data
    out: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if name not in data:
            continue
        value = data[name]
        default = info.get_default(call_default_factory=True)
        if isinstance(default, BaseModel):
            default = default.model_dump(exclude_defaults=True)
        if value == default and not info.is_required():
            continue
        nested = NESTED.get((model, name))
        out[name] = canonical(value, nested) if nested else value
    out.update({k: v for k, v in data.items() if k not in out and k not in model.model_fields})
    return out


def dump(data: Any) -> str:
    return yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1_000_000, default_flow_style=False
    )


def _files(layout: Layout) -> list[tuple[Path, type[BaseModel]]]:
    return (
        [(p, Source) for p in layout.sources]
        + [(p, EntityFile) for p in layout.entities]
        + [(p, AssertionFile) for p in layout.assertions]
    )


def format_root(root: Path, write: bool) -> tuple[list[str], list[Problem]]:
    """Files not in canonical form (rewritten when ``write``), and files too broken to format."""
    layout = Layout(root)
    changed: list[str] = []
    problems: list[Problem] = []
    for path, model in _files(layout):
        loaded = parse(path, layout, model, problems)
        if loaded is None:
            continue
        original = path.read_text(encoding="utf-8")
        text = comments.place(dump(canonical(loaded.doc.data, model)), comments.find(original))
        if text != original:
            changed.append(layout.relative(path))
            if write:
                write_atomic(path, text)
    return changed, problems
