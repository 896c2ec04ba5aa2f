"""Read every curation file into typed models, collecting located problems.

A file that fails to parse or validate is reported and skipped; the rest are
still read, so one run shows the curator every problem at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from exograph.curation.models import Assertion, AssertionFile, Entity, EntityFile, Source
from exograph.curation.problems import Problem
from exograph.curation.yamlread import Document, read_yaml
from exograph.layout import Layout

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True, slots=True)
class Loaded(Generic[M]):
    """A validated model with the file it came from, for pointing at positions later."""

    model: M
    file: str
    doc: Document

    def at(self, *path: str | int, message: str) -> Problem:
        mark = self.doc.mark(path)
        return Problem(self.file, mark.line, mark.column, message)


@dataclass(slots=True)
class Curation:
    """Everything read from one root, before cross-file checks."""

    layout: Layout
    sources: list[Loaded[Source]] = field(default_factory=list)
    entity_files: list[Loaded[EntityFile]] = field(default_factory=list)
    assertion_files: list[Loaded[AssertionFile]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _describe(data: Any, loc: tuple[str | int, ...]) -> str:
    """Name the record an error sits in, e.g. ``assertion 'liang2021-x'``, so messages read on their own."""
    if len(loc) >= 2 and loc[0] in ("assertions", "entities") and isinstance(loc[1], int):
        try:
            record = data[loc[0]][loc[1]]
            name = record.get("id") or record.get("key")
        except (KeyError, IndexError, TypeError, AttributeError):
            name = None
        kind = "assertion" if loc[0] == "assertions" else "entity"
        rest = ".".join(str(p) for p in loc[2:])
        label = f"{kind} '{name}'" if name else f"{kind} #{loc[1] + 1}"
        return f"{label}: {rest}" if rest else label
    return ".".join(str(p) for p in loc) or "file"


def _message(error: Any, data: Any) -> tuple[tuple[str | int, ...], str]:
    loc = tuple(error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        where = _describe(data, loc[:-1])
        return loc, f"{where}: unknown field '{loc[-1]}' (check spelling; see docs/data-model.md)"
    if kind == "missing":
        where = _describe(data, loc[:-1])
        return loc[:-1], f"{where}: missing required field '{loc[-1]}'"
    msg = error["msg"]
    if kind == "string_type" and isinstance(error.get("input"), bool):
        msg += " (quote the value: YAML reads it as a boolean)"
    return loc, f"{_describe(data, loc)}: {msg}"


#: Files that are a list of records: each record is validated on its own, so one bad
#: record is reported without hiding its siblings behind a cascade of follow-on errors.
RECORD_LISTS: dict[type[BaseModel], tuple[str, type[BaseModel]]] = {
    EntityFile: ("entities", Entity),
    AssertionFile: ("assertions", Assertion),
}


def _validate(
    model: type[M], data: Any, doc: Document, rel: str, problems: list[Problem], loc: tuple[str | int, ...] = ()
) -> M | None:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            error_loc, message = _message({**error, "loc": (*loc, *error["loc"])}, doc.data)
            mark = doc.mark(error_loc)
            problems.append(Problem(rel, mark.line, mark.column, message))
        return None


def parse(path: Path, layout: Layout, model: type[M], problems: list[Problem]) -> Loaded[M] | None:
    """Read and validate one file; append its problems and return what is usable of it, or None."""
    rel = layout.relative(path)
    doc, errors = read_yaml(path.read_bytes())
    problems.extend(Problem(rel, e.mark.line, e.mark.column, e.message) for e in errors)
    if doc is None or errors:
        return None
    if not isinstance(doc.data, dict):
        problems.append(Problem(rel, 1, 1, f"expected a mapping at the top of the file ({model.__name__})"))
        return None
    data = doc.data
    if model in RECORD_LISTS:
        name, item_model = RECORD_LISTS[model]
        items = data.get(name)
        if isinstance(items, list):
            records = [_validate(item_model, item, doc, rel, problems, (name, i)) for i, item in enumerate(items)]
            data = {**data, name: [r for r in records if r is not None]}
    validated = _validate(model, data, doc, rel, problems)
    return None if validated is None else Loaded(validated, rel, doc)


def load(layout: Layout) -> Curation:
    """Read every file of a root."""
    curation = Curation(layout)
    for path in layout.sources:
        if (source := parse(path, layout, Source, curation.problems)) is not None:
            curation.sources.append(source)
    for path in layout.entities:
        if (entities := parse(path, layout, EntityFile, curation.problems)) is not None:
            curation.entity_files.append(entities)
    for path in layout.assertions:
        if (assertions := parse(path, layout, AssertionFile, curation.problems)) is not None:
            curation.assertion_files.append(assertions)
    return curation
