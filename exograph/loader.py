"""Read every curation file into typed models, collecting located problems.

A file that fails to parse or validate is reported and skipped; the rest are
still read, so one run shows the curator every problem at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from exograph.layout import Layout
from exograph.models import AssertionFile, EntityFile, Source
from exograph.problems import Problem
from exograph.yamlread import Document, read_yaml

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


def parse(path: Path, layout: Layout, model: type[M], problems: list[Problem]) -> Loaded[M] | None:
    """Read and validate one file; append its problems and return None if it is unusable."""
    rel = layout.relative(path)
    doc, errors = read_yaml(path.read_bytes())
    problems.extend(Problem(rel, e.mark.line, e.mark.column, e.message) for e in errors)
    if doc is None or errors:
        return None
    if not isinstance(doc.data, dict):
        problems.append(Problem(rel, 1, 1, f"expected a mapping at the top of the file ({model.__name__})"))
        return None
    try:
        return Loaded(model.model_validate(doc.data), rel, doc)
    except ValidationError as exc:
        for error in exc.errors():
            loc, message = _message(error, doc.data)
            mark = doc.mark(loc)
            problems.append(Problem(rel, mark.line, mark.column, message))
        return None


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
