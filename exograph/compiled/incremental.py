"""Validation and compilation that re-read only the assertion files that changed.

Assertion files are independent of each other until the duplicate checks, so each is read,
validated and checked against the sources and entities on its own: in parallel on a cold
start (one process per core), and from :mod:`exograph.compiled.filecache` when neither the
file nor anything it is checked against changed. Sources and entities (small) are read
every time; the checks that span assertion files (repeated ids and claims, references to
invalid definitions) always run over every file. The result is the same problems, with the
same file:line:col, as :func:`exograph.compiled.build.validate` (tested on random edits).

Every result is kept under the hash of the bytes it was made from: a file is read once, and that read
is both hashed and parsed; what the files are checked against (sources, their text snapshots,
entities) is compared, as read, with the hashes the run's keys were made of. A file that changed
between the two (an editor's save, a ``git checkout`` during the command) makes the run start again
(:data:`ATTEMPTS` times at most, then :class:`exograph.compiled.store.FilesChanged`), so no result
is ever kept, or answered, under the hash of other bytes.

Asked to (``lint=True``), the file's step also runs the lint rules that read one assertion at a
time (:func:`exograph.curation.lint.lint_file`) and keeps their findings with the file's other
results; a kept result without them counts as missing for a run that wants them.
"""

from __future__ import annotations

import gc
import hashlib
import json
import multiprocessing
import os
import pickle
import stat
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from exograph import __version__
from exograph.compiled.filecache import FileCache
from exograph.compiled.records import assertion_record
from exograph.compiled.store import CacheError, FilesChanged, Reasoning, cache_dir, evict, reasoning_rows
from exograph.curation.cascade import Cascade
from exograph.curation.checks import (
    Checked,
    FileChecks,
    TextIndex,
    check_assertion_file,
    check_definitions,
    check_duplicates,
)
from exograph.curation.lint import EntityLint, FileLint, lint_entities, lint_file
from exograph.curation.lint.texts import SourceText
from exograph.curation.loader import load, read_assertions
from exograph.curation.problems import CurationError, Problem
from exograph.layout import Layout, digest_of
from exograph.progress import Progress

#: One assertion as the store keeps it: id, source, regulator, target, direction, JSON record.
Row = tuple[str, str, str, str, str, str]
#: Below this many files to read, starting worker processes costs more than it saves.
PARALLEL_FROM = 4
#: How many times a run starts again while files keep changing under it.
ATTEMPTS = 5
_PACKAGE = Path(__file__).resolve().parent.parent


@dataclass(slots=True)
class Outcome:
    """Checked sources and entities, every problem (sorted), and the clean assertions (counted, or as rows)."""

    checked: Checked
    problems: list[Problem]
    assertions: int
    rows: list[Row] = field(default_factory=list)
    #: With the rows: each one's chain step and full-text entry (:func:`exograph.compiled.store.reasoning_rows`).
    reasoning: list[Reasoning] = field(default_factory=list)
    #: With ``lint=True``: each file's lint and which of its valid assertions the checks across files kept.
    lint: list[tuple[FileLint, list[bool]]] = field(default_factory=list)
    entity_lint: EntityLint = field(default_factory=EntityLint)
    #: The :func:`exograph.layout.digest_of` the bytes of every file the result was made from, by path in the
    #: root: a compiled store made of it is current exactly for files with these hashes.
    inputs: dict[str, bytes] = field(default_factory=dict)


def code_digest() -> bytes:
    """A hash of the code that reads and checks curation, so a changed rule never reuses a stale result."""
    digest = hashlib.blake2b(__version__.encode(), digest_size=16)
    for path in sorted(
        [
            *_PACKAGE.glob("*.py"),
            *(_PACKAGE / "curation").glob("*.py"),
            *(_PACKAGE / "curation" / "lint").glob("*.py"),
            *(_PACKAGE / "compiled").glob("*.py"),
        ]
    ):
        digest.update(path.read_bytes())
    return digest.digest()


def _digest(path: Path, root: Path) -> bytes | None:
    """The :func:`digest_of` a file's bytes; None for an unreadable file, a link out of the root or anything
    but a regular file (a named pipe would block: the reader reports those)."""
    if path.is_symlink() and root.resolve() not in path.resolve().parents:
        return None
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return None
    except OSError:
        return None
    try:
        return digest_of(path.read_bytes())
    except OSError:
        return None


@dataclass(frozen=True, slots=True)
class _Base:
    """What every assertion file is checked against (sources, their text snapshots of any name, entities, the
    code): the hash of each file by path (None for one that cannot be read), and one hash of them all that
    every key starts from."""

    root: Path
    files: dict[str, bytes | None]
    digest: bytes

    @classmethod
    def of(cls, layout: Layout) -> _Base:
        try:
            snapshots = sorted(p for p in (layout.root / "sources").iterdir() if p.suffix != ".yaml")
        except OSError:
            snapshots = []
        files: dict[str, bytes | None] = {}
        digest = hashlib.blake2b(code_digest(), digest_size=16)
        for path in [*layout.sources, *snapshots, *layout.entities]:
            content = files[layout.relative(path)] = _digest(path, layout.root)
            kept = content or os.urandom(16)  # unreadable: nothing may be reused
            digest.update(layout.relative(path).encode() + b"\0" + kept + b"\0")
        return cls(layout.root, files, digest.digest())

    def check(self, read: dict[str, bytes], every: bool = False) -> None:
        """Raise :class:`FilesChanged` unless every file was read as the bytes the keys were made of; with
        ``every`` (``read`` holds all the definitions read), also unless every readable source and entity
        file hashed was read: one deleted in between would leave results made without it under its hash."""
        changed = {rel for rel, content in read.items() if self.files.get(rel) != content}
        if every:  # one the reader refused (an empty file, reported) must still hold the bytes hashed
            hashed = (rel for rel, content in self.files.items() if content is not None and rel.endswith(".yaml"))
            changed |= {
                rel for rel in hashed if rel not in read and _digest(self.root / rel, self.root) != self.files[rel]
            }
        if changed:
            raise FilesChanged(sorted(changed))


#: What the key of the checked sources and entities starts with (no assertion file has this name).
DEFINITIONS = "<definitions>"
#: The store of per-file results, in the cache folder, shared by every root.
RESULTS = Path("files") / "results.sqlite"


@dataclass(slots=True)
class _Definitions:
    """Sources and entities, checked, their problems, what refers to invalid ones, and the entities' lint."""

    checked: Checked
    problems: list[Problem]
    bad_entities: Cascade
    bad_sources: Cascade
    lint: EntityLint


def _definitions(layout: Layout, files: FileCache, base: _Base) -> tuple[_Definitions, dict[str, bytes]]:
    """Sources and entities, checked (from the cache when none of their files nor the code changed), and the
    hash of every file they were read from (:class:`FilesChanged` when one is not the hash ``base`` holds)."""
    key = hashlib.blake2b(DEFINITIONS.encode() + base.digest, digest_size=16).digest()
    stored = files.checks([key]).get(key)
    if stored is not None:
        kept: tuple[_Definitions, list[tuple[str, str]]] = pickle.loads(stored)
        found, texts = kept
        read = {rel: content for rel, content in base.files.items() if rel.endswith(".yaml") and content is not None}
        for source_id, name in texts:
            path = layout.root / "sources" / name
            try:
                raw = path.read_bytes()
            except OSError:  # hashed with the rest, gone now: the kept checks quoted it
                raise FilesChanged([layout.relative(path)]) from None
            read[layout.relative(path)] = digest_of(raw)
            found.checked.texts[source_id] = TextIndex(raw.decode("utf-8", errors="replace"))
        base.check(read)
        return found, read
    curation = load(layout, assertions=False)
    checked, problems, bad_entities, bad_sources = check_definitions(curation)
    base.check(curation.read, every=True)
    found = _Definitions(checked, problems, bad_entities, bad_sources, lint_entities(curation, checked))
    texts = [(source_id, checked.sources[source_id].text) for source_id in checked.texts]
    files.store([(key, pickle.dumps((replace(found, checked=replace(checked, texts={})), texts)), b"", None)])
    return found, curation.read


@dataclass(frozen=True, slots=True)
class _Against:
    """What every assertion file is checked against, and whether to lint it too."""

    layout: Layout
    checked: Checked
    cascades: tuple[Cascade, Cascade]
    lint: bool
    base: _Base
    #: Source texts as lint reads them, built once per process on first use.
    texts: dict[str, SourceText | None] = field(default_factory=dict)
    #: Every valid entity's label, for the full-text rows.
    labels: dict[str, str] = field(default_factory=dict)
    #: The diseases of the cell lines, for the chain steps (:func:`exograph.compiled.records.line_diseases`).
    lines: dict[str, list[str]] = field(default_factory=dict)

    def text(self, source_id: str) -> SourceText | None:
        if source_id not in self.texts:
            source = self.checked.sources.get(source_id)
            path = self.layout.root / "sources" / source.text if source is not None else None
            try:
                raw = path.read_bytes() if path and path.is_file() else None
            except OSError:
                raw = None
            if path is not None and raw is not None:
                self.base.check({self.layout.relative(path): digest_of(raw)})
            self.texts[source_id] = SourceText(raw.decode("utf-8", errors="replace")) if raw is not None else None
        return self.texts[source_id]


#: One file's kept results: its checks, its rows and (when asked for) its lint, each pickled.
Results = tuple[bytes, bytes, bytes | None]
#: One file's results and the hash of the bytes they were made from (None when the file could not be read).
Read = tuple[bytes | None, Results]


def _check_file(path: Path, against: _Against) -> Read:
    """Problems and cross-file findings of one assertion file, the rows of its clean assertions (with what the
    reasoning tables hold of each), its lint; and the hash of the bytes read, the only key they may be kept under."""
    loaded, problems, content = read_assertions(path, against.layout)
    found: FileChecks | None = None
    rows: list[tuple[Row, Reasoning] | None] = []
    linted = FileLint()
    if loaded is not None:
        found = check_assertion_file(loaded, against.checked, *against.cascades)
        source = against.checked.sources.get(loaded.model.source)
        refs = {r.number: r for r in source.references} if source is not None else {}
        valid = [ok for *_, ok in found.assertions]
        for assertion, ok in zip(loaded.model.assertions, valid, strict=True):
            record = assertion_record(loaded.model.source, assertion, refs) if ok else None
            rows.append(
                (_row(record), reasoning_rows(record, against.labels, against.lines)) if record is not None else None
            )
        if against.lint:
            linted = lint_file(loaded, against.checked, valid, against.text(loaded.model.source))
    results = pickle.dumps((problems, found)), pickle.dumps(rows), pickle.dumps(linted) if against.lint else None
    return content, results


def _row(record: Any) -> Row:
    return (
        record["id"],
        record["source"],
        record["regulator"],
        record["target"],
        record["direction"],
        json.dumps(record),
    )


#: What forked workers check files against (set just before forking, so nothing is pickled).
_SHARED: dict[str, _Against] = {}


def _work(path: str) -> tuple[str, Read]:
    against = _SHARED["against"]
    return against.layout.relative(Path(path)), _check_file(Path(path), against)


def _check_files(paths: list[Path], against: _Against) -> dict[str, Read]:
    """Check ``paths``: on every core when there are enough of them and the platform can fork.

    The workers are a :class:`~concurrent.futures.ProcessPoolExecutor`, not a ``multiprocessing.Pool``:
    a pool's ``terminate()`` (what leaving its block on Ctrl-C does) can hang for ever while a worker
    writes a large result (each file's rows are): CI failed on it, and a bare pool hung in 1 of 214 such ends.
    On any exception the files not started are cancelled and the few started are let finish, with their
    results still read, so no worker is left blocked on a pipe and none outlives the command.
    """
    results: dict[str, Read] = {}
    workers = min(os.cpu_count() or 1, len(paths))
    with Progress("checking assertion files", len(paths)) as progress:
        if len(paths) >= PARALLEL_FROM and workers > 1 and "fork" in multiprocessing.get_all_start_methods():
            _SHARED["against"] = against
            # Workers live for one run and build no cycles: the cyclic collector would only rescan.
            pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=gc.disable)
            try:
                for done in as_completed([pool.submit(_work, str(path)) for path in paths]):
                    rel, result = done.result()
                    results[rel] = result
                    progress.advance()
            finally:
                pool.shutdown(wait=True, cancel_futures=True)
                _SHARED.clear()
            return results
        for path in paths:
            results[against.layout.relative(path)] = _check_file(path, against)
            progress.advance()
    return results


def validate(layout: Layout, want_rows: bool = False, cache: bool = True, lint: bool = False) -> Outcome:
    """Every problem of a root, reusing per-file results kept from earlier runs where the inputs are the same;
    with ``lint``, also each file's lint (:func:`exograph.compiled.lint.lint` finishes it).

    Started again while files change under it (:data:`ATTEMPTS` times, then :class:`FilesChanged`).
    """
    for attempt in range(ATTEMPTS):
        try:
            return _validate(layout, want_rows, cache, lint)
        except FilesChanged:
            if attempt == ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def _key(base: _Base, rel: str, content: bytes) -> bytes:
    return hashlib.blake2b(base.digest + rel.encode() + b"\0" + content, digest_size=16).digest()


def _validate(layout: Layout, want_rows: bool, cache: bool, lint: bool) -> Outcome:
    paths = layout.assertions
    base = _Base.of(layout)
    digests = {}
    for path in paths:
        content = _digest(path, layout.root)
        if content is not None:
            digests[layout.relative(path)] = content
    keys = {rel: _key(base, rel, content) for rel, content in digests.items()}
    try:
        folder: Path | None = cache_dir()
    except CacheError:  # no cache folder at all (no home): validate all the same, only slower
        folder = None
    if cache and folder is not None:
        evict(folder / RESULTS.parent, keep=0)  # per-root stores of earlier versions, replaced by the shared one
    files = FileCache(folder / RESULTS if cache and folder is not None else None)
    try:
        definitions, inputs = _definitions(layout, files, base)
        checked, bad_entities, bad_sources = definitions.checked, definitions.bad_entities, definitions.bad_sources
        problems = list(definitions.problems)
        labels = {key: entity.label for key, entity in checked.entities.items()}
        lines = {key: list(entity.diseases) for key, entity in checked.entities.items() if entity.diseases}
        against = _Against(layout, checked, (bad_entities, bad_sources), lint, base, labels=labels, lines=lines)
        stored = files.checks(keys.values(), lint)
        missing = [p for p in paths if keys.get(layout.relative(p)) not in stored]
        fresh = _check_files(missing, against)
        # Each result under the hash of the bytes it was made from, whatever the file held when it was hashed.
        files.store((_key(base, r, content), *result) for r, (content, result) in fresh.items() if content is not None)
        inputs.update((r, digests[r]) for r in keys if r not in fresh)
        inputs.update((r, content) for r, (content, _) in fresh.items() if content is not None)
        results = [pickle.loads(fresh[r][1][0] if r in fresh else stored[keys[r]]) for r in map(layout.relative, paths)]
        found: list[FileChecks] = []
        for file_problems, checks in results:
            problems += file_problems
            if checks is not None:
                problems += checks.problems
                bad_entities.counts.update(checks.entity_refs)
                bad_sources.counts.update(checks.source_refs)
                found.append(checks)
        clean = check_duplicates(found, problems)
        outcome = Outcome(checked, [], sum(map(sum, clean)), entity_lint=definitions.lint, inputs=inputs)
        for checks, kept in zip(found, clean, strict=True):
            if want_rows:
                rows = _kept(checks.file, "rows", fresh, files, keys, against, inputs)
                for row, ok in zip(pickle.loads(rows), kept, strict=True):
                    if ok and row:
                        outcome.rows.append(row[0])
                        outcome.reasoning.append(row[1])
            if lint:
                linted = _kept(checks.file, "lint", fresh, files, keys, against, inputs)
                outcome.lint.append((pickle.loads(linted), kept))
    finally:
        files.close()
    outcome.problems = sorted(problems + bad_entities.problems() + bad_sources.problems())
    return outcome


def _kept(
    rel: str,
    part: Literal["rows", "lint"],
    fresh: dict[str, Read],
    files: FileCache,
    keys: dict[str, bytes],
    against: _Against,
    inputs: dict[str, bytes],
) -> bytes:
    """A file's rows or lint: just made, kept, or (when the cache lost them since) made again from the same
    bytes (:class:`FilesChanged` if the file changed meanwhile)."""
    index = 1 if part == "rows" else 2  # in :data:`Results`
    blob = fresh[rel][1][index] if rel in fresh else files.part(keys[rel], part)
    if blob is None:
        content, results = _check_file(against.layout.root / rel, against)
        if content != inputs.get(rel):
            raise FilesChanged([rel])
        blob = results[index]
    assert blob is not None  # lint only when linting, and then every result has it
    return blob


def compile_rows(layout: Layout) -> Outcome:
    """The rows of a clean root's assertions (and their reasoning rows); :class:`CurationError` otherwise."""
    outcome = validate(layout, want_rows=True)
    if outcome.problems:
        raise CurationError(outcome.problems)
    return outcome
