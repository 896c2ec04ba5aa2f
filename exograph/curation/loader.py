"""Read every curation file into typed models, collecting located problems.

A record that fails to read or validate is reported and skipped, and so is a file
whose top level is broken; the rest are still read, so one run shows the curator
every problem at once. Keys of entities and ids of sources that are defined but
invalid are remembered, so the checks can name that root cause once instead of
reporting every reference to them as unknown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from exograph.curation.models import Assertion, AssertionFile, Entity, EntityFile, Source
from exograph.curation.problems import Problem
from exograph.curation.recover import names_in, recover
from exograph.curation.yamlread import Document, YamlError, read_yaml
from exograph.layout import Layout, digest_of

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True, slots=True)
class Loaded(Generic[M]):
    """A validated model with the file it came from, for pointing at positions later."""

    model: M
    file: str
    doc: Document
    #: For a record-list file: the index in the file of each record kept in the model.
    positions: tuple[int, ...] = ()

    def mark_of(self, *path: str | int) -> Any:
        """The position of ``path``, where a record index counts the records kept in the model."""
        if len(path) >= 2 and path[0] in ("entities", "assertions") and isinstance(path[1], int) and self.positions:
            path = (path[0], self.positions[path[1]], *path[2:])
        return self.doc.mark(path)

    def at(self, *path: str | int, message: str) -> Problem:
        mark = self.mark_of(*path)
        return Problem(self.file, mark.line, mark.column, message)


@dataclass(slots=True)
class Curation:
    """Everything read from one root, before cross-file checks."""

    layout: Layout
    sources: list[Loaded[Source]] = field(default_factory=list)
    entity_files: list[Loaded[EntityFile]] = field(default_factory=list)
    assertion_files: list[Loaded[AssertionFile]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: Entity keys and source ids that are defined but could not be read or validated, with where.
    invalid_entities: dict[str, tuple[str, int]] = field(default_factory=dict)
    invalid_sources: dict[str, tuple[str, int]] = field(default_factory=dict)
    #: The :func:`exograph.layout.digest_of` the bytes each file was read as (by path in the root), so a
    #: result is kept under the content it was made from, never under a hash taken before or after.
    read: dict[str, bytes] = field(default_factory=dict)


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
    value = error.get("input")
    if kind == "string_type" and isinstance(value, bool):
        msg += " (quote the value: YAML reads it as a boolean)"
    elif kind == "string_type" and isinstance(value, int | float):
        msg += f" (quote the value, '{value}': YAML reads it as a number)"
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


def read_file(path: Path, rel: str, problems: list[Problem], root: Path | None = None) -> bytes | None:
    """The bytes of a curation file, or None with a problem saying why it cannot be read.

    Nothing outside the curation root is read: a link leading out of it is refused.
    """
    if path.is_symlink() and not path.exists():
        problems.append(Problem(rel, 1, 1, "is a broken symbolic link: point it at a file or remove it"))
        return None
    if root is not None and path.is_symlink() and root.resolve() not in path.resolve().parents:
        problems.append(Problem(rel, 1, 1, "is a link to a file outside the curation root: copy the file here"))
        return None
    if path.is_dir():
        problems.append(Problem(rel, 1, 1, "is a folder, not a file: move it or rename it so it does not end in .yaml"))
        return None
    if not path.is_file():
        problems.append(Problem(rel, 1, 1, "is not a regular file: replace it with a YAML file or remove it"))
        return None
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(rel, 1, 1, f"cannot be read ({exc.strerror or exc}): check its permissions"))
        return None
    if not raw.strip():
        problems.append(Problem(rel, 1, 1, "file is empty: write its content or remove it"))
        return None
    return raw


def _record_of(error: YamlError, doc: Document, name: str) -> int | None:
    """The index of the record of list ``name`` an error lies in, or None when it lies outside every record."""
    if error.path is not None:
        if len(error.path) >= 2 and error.path[0] == name and isinstance(error.path[1], int):
            return error.path[1]
        return None
    items = doc.data.get(name) if isinstance(doc.data, dict) else None
    for i in range(len(items) if isinstance(items, list) else 0):
        lines = [m.line for p, m in doc.marks.items() if p[:2] == (name, i)]
        if min(lines) <= error.mark.line <= max(lines):
            return i
    return None


class _Reader:
    """Reads one file into a model; remembers what was defined but unusable."""

    def __init__(self, path: Path, layout: Layout, model: type[BaseModel], curation: Curation) -> None:
        self.path, self.rel, self.model, self.curation = path, layout.relative(path), model, curation
        self.problems = curation.problems
        self.text = ""

    def report(self, errors: list[YamlError]) -> None:
        self.problems.extend(Problem(self.rel, e.mark.line, e.mark.column, e.message) for e in errors)

    def invalid(self, names: dict[str, int]) -> None:
        target = self.curation.invalid_entities if self.model is EntityFile else None
        if self.model is Source:
            target = self.curation.invalid_sources
            names = {self.path.stem: 1}
        if target is not None:
            for name, line in names.items():
                target.setdefault(name, (self.rel, line))

    def read(self) -> Loaded[Any] | None:
        raw = read_file(self.path, self.rel, self.problems, self.curation.layout.root)
        if raw is None:
            self.invalid({})
            return None
        self.curation.read[self.rel] = digest_of(raw)
        doc, errors = read_yaml(raw)
        name = RECORD_LISTS[self.model][0] if self.model in RECORD_LISTS else ""
        text = self.text = raw.decode("utf-8", errors="replace")
        if doc is None and name and errors:
            recovered = recover(text, name, errors)
            if recovered.doc is not None:
                self.report(recovered.dropped_errors)
                self.invalid(names_in(text, "key", recovered.dropped))
                doc, errors = recovered.doc, recovered.errors
                if isinstance(doc.data, dict) and doc.data.get(name) is None:
                    doc.data[name] = []
        self.report(errors)
        bad: set[int | None] = {_record_of(e, doc, name) for e in errors} if doc is not None and name else {None}
        if doc is None or (errors and None in bad):
            self.invalid(names_in(text, "key"))
            return None
        if not isinstance(doc.data, dict):
            self.problems.append(
                Problem(self.rel, 1, 1, f"expected a mapping at the top of the file ({self.model.__name__})")
            )
            self.invalid(names_in(text, "key"))
            return None
        return self.validate(doc, bad - {None})

    def validate(self, doc: Document, bad: set[int | None]) -> Loaded[Any] | None:
        data, positions = doc.data, tuple[int, ...]()
        if self.model in RECORD_LISTS:
            name, item_model = RECORD_LISTS[self.model]
            items = data.get(name)
            if isinstance(items, list):
                kept = []
                for i, item in enumerate(items):
                    record = None if i in bad else _validate(item_model, item, doc, self.rel, self.problems, (name, i))
                    if record is not None:
                        kept.append((i, record))
                    elif isinstance(item, dict) and isinstance(item.get("key"), str):
                        self.invalid({item["key"]: doc.mark((name, i)).line})
                data = {**data, name: [record for _, record in kept]}
                positions = tuple(i for i, _ in kept)
        validated = _validate(self.model, data, doc, self.rel, self.problems)
        if validated is None:
            self.invalid(names_in(self.text, "key"))
            return None
        return Loaded(validated, self.rel, doc, positions)


def load(layout: Layout, assertions: bool = True) -> Curation:
    """Read every file of a root (only sources and entities with ``assertions=False``)."""
    curation = Curation(layout)
    for folder in ("sources", "curation/entities", "curation/assertions"):
        if not (layout.root / folder).is_dir():
            curation.problems.append(Problem(f"{folder}/", 1, 1, "folder is missing (or is not a folder): create it"))
    for path in layout.sources:
        if (source := _Reader(path, layout, Source, curation).read()) is not None:
            curation.sources.append(source)
    for path in layout.entities:
        if (entities := _Reader(path, layout, EntityFile, curation).read()) is not None:
            curation.entity_files.append(entities)
    for path in layout.assertions if assertions else ():
        if (loaded := _Reader(path, layout, AssertionFile, curation).read()) is not None:
            curation.assertion_files.append(loaded)
    return curation


def read_assertions(path: Path, layout: Layout) -> tuple[Loaded[AssertionFile] | None, list[Problem], bytes | None]:
    """One assertion file on its own (assertion files are independent until the cross-file checks), and the
    :func:`exograph.layout.digest_of` the bytes read (None when none could be)."""
    curation = Curation(layout)
    loaded = _Reader(path, layout, AssertionFile, curation).read()
    return loaded, curation.problems, curation.read.get(layout.relative(path))


def parse(path: Path, layout: Layout, model: type[M], problems: list[Problem]) -> Loaded[M] | None:
    """Read and validate one file whole; append its problems and return it, or None if it has any.

    For rewriting a file (``fmt``): a file read with a record skipped must never be written back.
    """
    curation = Curation(layout)
    loaded = _Reader(path, layout, model, curation).read()
    problems.extend(curation.problems)
    return None if curation.problems else loaded
