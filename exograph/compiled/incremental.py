"""Validation and compilation that re-read only the assertion files that changed.

Assertion files are independent of each other until the duplicate checks, so each is read,
validated and checked against the sources and entities on its own: in parallel on a cold
start (one process per core), and from :mod:`exograph.compiled.filecache` when neither the
file nor anything it is checked against changed. Sources and entities (small) are read
every time; the checks that span assertion files (repeated ids and claims, references to
invalid definitions) always run over every file. The result is the same problems, with the
same file:line:col, as :func:`exograph.compiled.build.validate` (tested on random edits).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import multiprocessing
import os
import pickle
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from exograph import __version__
from exograph.compiled.filecache import FileCache
from exograph.compiled.records import EntityRecord, SourceRecord, assertion_record, build
from exograph.curation.cascade import Cascade
from exograph.curation.checks import (
    Checked,
    FileChecks,
    TextIndex,
    check_assertion_file,
    check_definitions,
    check_duplicates,
)
from exograph.curation.loader import load, read_assertions
from exograph.curation.problems import CurationError, Problem
from exograph.layout import Layout
from exograph.progress import Progress

#: One assertion as the store keeps it: id, source, regulator, target, direction, JSON record.
Row = tuple[str, str, str, str, str, str]
#: Below this many files to read, starting worker processes costs more than it saves.
PARALLEL_FROM = 4
_PACKAGE = Path(__file__).resolve().parent.parent


@dataclass(slots=True)
class Outcome:
    """Checked sources and entities, every problem (sorted), and the clean assertions (counted, or as rows)."""

    checked: Checked
    problems: list[Problem]
    assertions: int
    rows: list[Row] = field(default_factory=list)


def code_digest() -> bytes:
    """A hash of the code that reads and checks curation, so a changed rule never reuses a stale result."""
    digest = hashlib.blake2b(__version__.encode(), digest_size=16)
    for path in sorted(
        [*_PACKAGE.glob("*.py"), *(_PACKAGE / "curation").glob("*.py"), *(_PACKAGE / "compiled").glob("*.py")]
    ):
        digest.update(path.read_bytes())
    return digest.digest()


def _digest(path: Path, root: Path) -> bytes | None:
    """The hash of a file's bytes; None for an unreadable file, a link out of the root or anything but a
    regular file (a named pipe would block: the reader reports those)."""
    if path.is_symlink() and root.resolve() not in path.resolve().parents:
        return None
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return None
    except OSError:
        return None
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=16).digest()
    except OSError:
        return None


def _inputs_digest(layout: Layout) -> bytes:
    """What every assertion file is checked against: sources, their text snapshots (any name), entities, the code."""
    digest = hashlib.blake2b(code_digest(), digest_size=16)
    try:
        snapshots = sorted(p for p in (layout.root / "sources").iterdir() if p.suffix != ".yaml")
    except OSError:
        snapshots = []
    for path in [*layout.sources, *snapshots, *layout.entities]:
        content = _digest(path, layout.root) or os.urandom(16)  # unreadable: nothing may be reused
        digest.update(layout.relative(path).encode() + b"\0" + content + b"\0")
    return digest.digest()


#: The cache entry of the checked sources and entities (no assertion file has this name).
DEFINITIONS = "<definitions>"


def _definitions(layout: Layout, files: FileCache, base: bytes) -> tuple[Checked, list[Problem], Cascade, Cascade]:
    """Sources and entities, checked: from the cache when none of their files (nor the code) changed."""
    stored = files.checks({DEFINITIONS: base}).get(DEFINITIONS)
    if stored is not None:
        checked, problems, bad_entities, bad_sources, texts = pickle.loads(stored)
        for source_id, name in texts:
            with contextlib.suppress(OSError):
                raw = (layout.root / "sources" / name).read_bytes()
                checked.texts[source_id] = TextIndex(raw.decode("utf-8", errors="replace"))
        return checked, problems, bad_entities, bad_sources
    checked, problems, bad_entities, bad_sources = check_definitions(load(layout, assertions=False))
    texts = [(source_id, checked.sources[source_id].text) for source_id in checked.texts]
    blob = pickle.dumps((replace(checked, texts={}), problems, bad_entities, bad_sources, texts))
    files.store([(DEFINITIONS, base, blob, b"")])
    return checked, problems, bad_entities, bad_sources


def _check_file(path: Path, layout: Layout, checked: Checked, cascades: tuple[Cascade, Cascade]) -> tuple[bytes, bytes]:
    """Problems and cross-file findings of one assertion file, and the rows of its clean assertions (pickled)."""
    loaded, problems = read_assertions(path, layout)
    found: FileChecks | None = None
    rows: list[Row | None] = []
    if loaded is not None:
        found = check_assertion_file(loaded, checked, *cascades)
        source = checked.sources.get(loaded.model.source)
        refs = {r.number: r for r in source.references} if source is not None else {}
        for assertion, (*_, ok) in zip(loaded.model.assertions, found.assertions, strict=True):
            rows.append(_row(assertion_record(loaded.model.source, assertion, refs)) if ok else None)
    return pickle.dumps((problems, found)), pickle.dumps(rows)


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
_SHARED: dict[str, Any] = {}


def _work(path: str) -> tuple[str, bytes, bytes]:
    layout = _SHARED["layout"]
    return layout.relative(Path(path)), *_check_file(Path(path), layout, _SHARED["checked"], _SHARED["cascades"])


def _check_files(
    paths: list[Path], layout: Layout, checked: Checked, cascades: tuple[Cascade, Cascade]
) -> dict[str, tuple[bytes, bytes]]:
    """Check ``paths``: on every core when there are enough of them and the platform can fork."""
    results: dict[str, tuple[bytes, bytes]] = {}
    workers = min(os.cpu_count() or 1, len(paths))
    with Progress("checking assertion files", len(paths)) as progress:
        if len(paths) >= PARALLEL_FROM and workers > 1 and "fork" in multiprocessing.get_all_start_methods():
            _SHARED.update(layout=layout, checked=checked, cascades=cascades)
            try:
                # Workers live for one run and build no cycles: the cyclic collector would only rescan.
                with multiprocessing.get_context("fork").Pool(workers, initializer=gc.disable) as pool:
                    for rel, checks, rows in pool.imap_unordered(_work, [str(p) for p in paths]):
                        results[rel] = (checks, rows)
                        progress.advance()
            finally:
                _SHARED.clear()
            return results
        for path in paths:
            results[layout.relative(path)] = _check_file(path, layout, checked, cascades)
            progress.advance()
    return results


def validate(layout: Layout, want_rows: bool = False, cache: bool = True) -> Outcome:
    """Every problem of a root, reusing per-file results kept from earlier runs where the inputs are the same."""
    from exograph.compiled.store import CacheError, cache_path, evict

    paths = layout.assertions
    base = _inputs_digest(layout)
    keys = {}
    for path in paths:
        content = _digest(path, layout.root)
        if content is not None:
            keys[layout.relative(path)] = hashlib.blake2b(base + content, digest_size=16).digest()
    try:
        store: Path | None = cache_path(layout.root)
    except CacheError:  # no cache folder at all (no home): validate all the same, only slower
        store = None
    files = FileCache(store.parent / "files" / store.name if cache and store else None)
    try:
        checked, problems, bad_entities, bad_sources = _definitions(layout, files, base)
        stored = files.checks(keys)
        missing = [p for p in paths if layout.relative(p) not in stored]
        fresh = _check_files(missing, layout, checked, (bad_entities, bad_sources))
        files.store(((r, keys[r], c, w) for r, (c, w) in fresh.items() if r in keys), {DEFINITIONS, *keys})
        if fresh and cache and store:
            evict(store.parent / "files")
        results = [pickle.loads(stored.get(r) or fresh[r][0]) for r in map(layout.relative, paths)]
        found: list[FileChecks] = []
        for file_problems, checks in results:
            problems += file_problems
            if checks is not None:
                problems += checks.problems
                bad_entities.counts.update(checks.entity_refs)
                bad_sources.counts.update(checks.source_refs)
                found.append(checks)
        clean = check_duplicates(found, problems)
        rows: list[Row] = []
        for checks, kept in zip(found, clean, strict=True) if want_rows else ():
            blob = fresh[checks.file][1] if checks.file in fresh else files.rows(checks.file)
            if blob is None:  # the cache lost it since: check the file again
                blob = _check_file(layout.root / checks.file, layout, checked, (bad_entities, bad_sources))[1]
            rows += [row for row, ok in zip(pickle.loads(blob), kept, strict=True) if ok and row]
    finally:
        files.close()
    problems += bad_entities.problems() + bad_sources.problems()
    return Outcome(checked, sorted(problems), sum(map(sum, clean)), rows)


def compile_rows(layout: Layout) -> tuple[dict[str, EntityRecord], list[Row], dict[str, SourceRecord]]:
    """Records of entities and sources and rows of assertions for a clean root; :class:`CurationError` otherwise."""
    outcome = validate(layout, want_rows=True)
    if outcome.problems:
        raise CurationError(outcome.problems)
    entities, _, sources = build(outcome.checked)
    return entities, outcome.rows, sources
