"""The compiled, indexed cache of one curation root, in SQLite.

Why SQLite: queries must answer from a cold start in about 100 ms and scale to
100,000 assertions. A read-only SQLite file opens in microseconds and answers
an indexed lookup without loading the whole graph, and ``sqlite3`` is in the
standard library. The cache is keyed by a hash of the content of every curation
file, so any edit is seen on the next command; it is rebuilt atomically (a
temporary file renamed into place), so a failed build never leaves a half cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from exograph import __version__
from exograph.compiled.records import (
    AssertionRecord,
    EntityRecord,
    SourceRecord,
    diseases_written,
    filter_context,
    line_diseases,
)
from exograph.layout import Layout, fingerprint_of

if TYPE_CHECKING:
    from exograph.progress import Progress

SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entities (key TEXT PRIMARY KEY, kind TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE names (name TEXT NOT NULL, key TEXT NOT NULL);
CREATE TABLE broader (child TEXT NOT NULL, parent TEXT NOT NULL);
CREATE TABLE sources (id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE assertions (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, regulator TEXT NOT NULL, target TEXT NOT NULL,
    direction TEXT NOT NULL, data TEXT NOT NULL
);
"""
INDEXES = """
CREATE INDEX names_name ON names (name);
CREATE INDEX broader_parent ON broader (parent);
CREATE INDEX assertions_target ON assertions (target);
CREATE INDEX assertions_regulator ON assertions (regulator);
"""
#: Tables for chains, families and search (exograph.reason): light rows so that a chain query reads
#: thousands of steps without parsing assertion JSON, and a full-text index (FTS5, in SQLite itself).
REASONING_SCHEMA = """
CREATE TABLE steps (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, regulator TEXT NOT NULL, target TEXT NOT NULL,
    direction TEXT NOT NULL, aspect TEXT NOT NULL, hypothesis INTEGER NOT NULL, negated INTEGER NOT NULL,
    context TEXT NOT NULL, mechanism TEXT, scope TEXT NOT NULL, cargo INTEGER NOT NULL, diseases TEXT NOT NULL
);
CREATE TABLE step_shapes (target TEXT NOT NULL, shapes TEXT NOT NULL, regulators INTEGER NOT NULL);
CREATE TABLE nodes (key TEXT PRIMARY KEY, kind TEXT NOT NULL, generic INTEGER NOT NULL, exposure INTEGER NOT NULL);
CREATE TABLE members (grouping TEXT NOT NULL, part TEXT NOT NULL, relation TEXT NOT NULL);
CREATE VIRTUAL TABLE search USING fts5(
    kind UNINDEXED, key UNINDEXED, label, names, body, note, tokenize = 'porter unicode61 remove_diacritics 2'
);
"""
REASONING_INDEXES = """
CREATE INDEX steps_regulator ON steps (regulator, target);
CREATE INDEX steps_target ON steps (target, regulator);
CREATE INDEX step_shapes_target ON step_shapes (target);
"""
#: The statements run against these tables, beside the schema they must match. SQLite reads keywords and
#: names in any case, so a statement written in another case is the same statement: kept here rather than
#: inline, they give mutation testing no such changes to report (docs/testing.md); every one is run by the
#: tests of the reads and writes that use it. Values, even constant ones, are bound as parameters.
READ_NAME = "SELECT key FROM names WHERE name = ? LIMIT 1"
READ_NAMES = "SELECT name, key FROM names"
READ_ENTITY = "SELECT data FROM entities WHERE key = ?"
READ_ENTITIES = "SELECT data FROM entities ORDER BY key"
#: Parameters: the JSON path of a field of the entity records, and a kind of entity.
READ_FIELD_OF_KIND = "SELECT key, json_extract(data, ?) FROM entities WHERE kind = ?"
READ_NARROWER = (
    "WITH RECURSIVE down(k) AS (SELECT ? UNION SELECT child FROM broader JOIN down ON parent = down.k) "
    "SELECT k FROM down"
)
READ_ASSERTION = "SELECT data FROM assertions WHERE id = ?"
READ_ASSERTION_IDS = "SELECT id FROM assertions"
READ_ASSERTIONS = "SELECT data FROM assertions ORDER BY id"
COUNT_ASSERTIONS = "SELECT COUNT(*) FROM assertions"
READ_SOURCES = "SELECT id, data FROM sources"
READ_META = "SELECT value FROM meta WHERE name = ?"
WRITE_META = "INSERT INTO meta VALUES (?, ?)"
REPLACE_META = "INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)"
WRITE_ENTITIES = "INSERT INTO entities VALUES (?, ?, ?)"
WRITE_NAMES = "INSERT INTO names VALUES (?, ?)"
WRITE_BROADER = "INSERT INTO broader VALUES (?, ?)"
WRITE_SOURCES = "INSERT INTO sources VALUES (?, ?)"
WRITE_ASSERTIONS = "INSERT INTO assertions VALUES (?, ?, ?, ?, ?, ?)"
WRITE_MEMBERS = "INSERT INTO members VALUES (?, ?, ?)"
WRITE_STEPS = "INSERT INTO steps VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
WRITE_STEP_SHAPES = "INSERT INTO step_shapes VALUES (?, ?, ?)"
WRITE_SEARCH = "INSERT INTO search VALUES (?, ?, ?, ?, ?, ?)"
WRITE_NODES = "INSERT INTO nodes VALUES (?, ?, ?, ?)"
#: Parameters: a kind of entity, and the JSON path of a list in a step's context; entities of that kind
#: named in that list by some step become exposures.
MARK_EXPOSURES = (
    "UPDATE nodes SET exposure = 1 WHERE kind = ? AND key IN (SELECT value FROM steps, json_each(steps.context, ?))"
)
PAGE_COUNT = "PRAGMA page_count"
PAGE_SIZE = "PRAGMA page_size"
CACHE_FORMAT = "13"
#: How many compiled caches (one per curation root) the cache directory keeps; older ones are evicted.
KEEP_CACHES = 16
_CACHE_NAME = re.compile(r"^[0-9a-f]{20}\.sqlite$")


class CacheError(Exception):
    """The cache cannot be written or read; the message names the file or folder and the fix."""


class FilesChanged(CacheError):
    """Curation files changed while a command read them, each time it tried (an editor saving, a checkout
    running): an answer made of them would match no state of the files, so there is none."""

    def __init__(self, files: list[str]) -> None:
        super().__init__(files)
        self.files = files

    def __str__(self) -> str:
        named = ", ".join(self.files[:3]) + (f" and {len(self.files) - 3} more" if len(self.files) > 3 else "")
        return f"{named} changed while exograph read them: run the command again once the files are saved"


#: Cache files opened by this process, so a command that meets a damaged one can delete it.
OPENED: list[Path] = []


def discard_opened() -> list[Path]:
    """Delete the cache files this process opened (after SQLite reported one damaged); return them."""
    removed = []
    for path in dict.fromkeys(OPENED):
        if _CACHE_NAME.match(path.name) and path.is_file():
            path.unlink(missing_ok=True)
            removed.append(path)
    OPENED.clear()
    return removed


def cache_dir() -> Path:
    """``$EXOGRAPH_CACHE_DIR``, else the XDG cache directory."""
    configured = os.environ.get("EXOGRAPH_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:
            raise CacheError("no home folder to keep the cache in: set EXOGRAPH_CACHE_DIR") from None
    return Path(base) / "exograph"


def cache_path(root: Path) -> Path:
    name = hashlib.blake2b(str(root.resolve()).encode(), digest_size=10).hexdigest()
    return cache_dir() / f"{name}.sqlite"


class Store:
    """Read access to compiled knowledge; every query goes through here."""

    def __init__(self, connection: sqlite3.Connection, root: Path, path: Path | None = None) -> None:
        self.db = connection
        self.root = root
        self.path = path
        #: Told of every assertion :meth:`assertions` reads, while an export shows its progress.
        self.progress: Progress | None = None
        self._lines: dict[str, list[str]] | None = None
        if path is not None:
            OPENED[:] = [*OPENED[-15:], path]  # bounded: a long-running process opens many

    # -- entities -----------------------------------------------------------------
    def resolve(self, name: str) -> str | None:
        """The key of the entity called ``name`` (key, label, synonym or CURIE), case-insensitively."""
        if not _encodable(name):
            return None  # bytes that were not UTF-8 name nothing
        row = self.db.execute(READ_NAME, (name.strip().casefold(),)).fetchone()
        return cast(str, row[0]) if row else None

    def suggest(self, name: str, n: int = 5) -> list[str]:
        """Entity keys whose names are close to ``name``, for 'did you mean'."""
        import difflib

        if not _encodable(name):
            return []
        rows = self.db.execute(READ_NAMES).fetchall()
        by_name = {r[0]: r[1] for r in rows}
        wanted = name.strip().casefold()
        close = difflib.get_close_matches(wanted, by_name, n=n * 3, cutoff=0.6)
        close += [k for k in by_name if wanted and wanted in k and k not in close]
        return list(dict.fromkeys(by_name[c] for c in close))[:n]

    def keys_of_kind(self, kinds: Iterable[str]) -> list[str]:
        """Keys of every entity of one of ``kinds`` (for suggesting a name that fits a filter)."""
        wanted = sorted(kinds)
        marks = ",".join("?" * len(wanted))
        return [r[0] for r in self.db.execute(f"SELECT key FROM entities WHERE kind IN ({marks}) ORDER BY key", wanted)]

    def entity(self, key: str) -> EntityRecord:
        row = self.db.execute(READ_ENTITY, (key,)).fetchone()
        if row is None:
            raise KeyError(key)
        return cast(EntityRecord, json.loads(row[0]))

    def entities(self) -> Iterator[EntityRecord]:
        for (data,) in self.db.execute(READ_ENTITIES):
            yield cast(EntityRecord, json.loads(data))

    def line_diseases(self) -> dict[str, list[str]]:
        """The diseases of each cell line that records some (read once per store: every filter reads them)."""
        if self._lines is None:
            rows = self.db.execute(READ_FIELD_OF_KIND, ("$.diseases", "cell_line"))
            found = {key: json.loads(diseases) for key, diseases in rows if diseases}
            self._lines = {key: diseases for key, diseases in found.items() if diseases}
        return self._lines

    def labels(self, keys: Iterable[str]) -> dict[str, str]:
        """The names people read (an entity's display name, else its official label), fetched in one round trip."""
        wanted = sorted(set(keys))
        found: dict[str, str] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for key, data in self.db.execute(f"SELECT key, data FROM entities WHERE key IN ({marks})", chunk):
                found[key] = json.loads(data)["display"]
        return found

    def narrower_closure(self, key: str) -> list[str]:
        """``key`` and every entity below it in the broader/narrower hierarchy."""
        return [r[0] for r in self.db.execute(READ_NARROWER, (key,))]

    # -- assertions -------------------------------------------------------------
    def _assertions(self, column: str, keys: list[str]) -> list[AssertionRecord]:
        marks = ",".join("?" * len(keys))
        rows = self.db.execute(f"SELECT data FROM assertions WHERE {column} IN ({marks}) ORDER BY id", keys)
        return [cast(AssertionRecord, json.loads(r[0])) for r in rows]

    def by_target(self, keys: list[str]) -> list[AssertionRecord]:
        return self._assertions("target", keys)

    def by_regulator(self, keys: list[str]) -> list[AssertionRecord]:
        return self._assertions("regulator", keys)

    def assertion(self, assertion_id: str) -> AssertionRecord | None:
        row = self.db.execute(READ_ASSERTION, (assertion_id,)).fetchone()
        return cast(AssertionRecord, json.loads(row[0])) if row else None

    def assertion_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute(READ_ASSERTION_IDS)]

    def assertions(self) -> Iterator[AssertionRecord]:
        for (data,) in self.db.execute(READ_ASSERTIONS):
            if self.progress is not None:
                self.progress.advance()
            yield cast(AssertionRecord, json.loads(data))

    def assertion_count(self) -> int:
        return cast(int, self.db.execute(COUNT_ASSERTIONS).fetchone()[0])

    def sources(self) -> dict[str, SourceRecord]:
        return {r[0]: cast(SourceRecord, json.loads(r[1])) for r in self.db.execute(READ_SOURCES)}


def _encodable(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


#: One assertion as stored: id, source, regulator, target, direction and its record as JSON.
Row = tuple[str, str, str, str, str, str]


def write(
    path: Path,
    fingerprint: str,
    entities: dict[str, EntityRecord],
    assertions: Iterable[AssertionRecord],
    sources: dict[str, SourceRecord],
) -> None:
    """Write a complete store of these records to ``path`` atomically."""
    rows = ((a["id"], a["source"], a["regulator"], a["target"], a["direction"], json.dumps(a)) for a in assertions)
    write_rows(path, fingerprint, entities, rows, sources)


def write_rows(
    path: Path,
    fingerprint: str,
    entities: dict[str, EntityRecord],
    assertions: Iterable[Row],
    sources: dict[str, SourceRecord],
    stamp: str | None = None,
    reasoning: Iterable[Reasoning] | None = None,
) -> None:
    """Write a complete store to ``path`` atomically, from assertion rows already encoded (by the compile workers).

    ``stamp`` (:mod:`exograph.compiled.stamp`), when given, lets later commands skip hashing the files.
    ``reasoning``: each assertion's :func:`reasoning_rows`, when the caller made them already (the compile
    workers do, and keep them per file); otherwise they are made here from the rows.
    """
    from exograph.atomic import atomic_path  # only the slow path pays for tempfile and shutil

    with atomic_path(path) as tmp:
        db = sqlite3.connect(tmp)
        db.executescript(SCHEMA)
        db.execute(WRITE_META, ("fingerprint", fingerprint))
        if stamp is not None:
            db.execute(WRITE_META, ("stamp", stamp))
        db.executemany(WRITE_ENTITIES, ((k, e["kind"], json.dumps(e)) for k, e in entities.items()))
        db.executemany(WRITE_NAMES, _names(entities))
        db.executemany(WRITE_BROADER, ((k, b) for k, e in entities.items() for b in e["broader"]))
        db.executemany(WRITE_SOURCES, ((k, json.dumps(s)) for k, s in sources.items()))
        rows = list(assertions)
        db.executemany(WRITE_ASSERTIONS, rows)
        if reasoning is None:
            labels, lines = {k: e["label"] for k, e in entities.items()}, line_diseases(entities)
            reasoning = (reasoning_rows(json.loads(row[5]), labels, lines) for row in rows)
        _write_reasoning(db, entities, reasoning)
        db.executescript(INDEXES)
        db.commit()
        db.close()


#: One assertion's row of the chain steps and of the full-text index.
Step = tuple[str, str, str, str, str, str, int, int, str, str | None, str, int, str]
Reasoning = tuple[Step, tuple[str, str, str, str, str, str]]


def reasoning_rows(a: AssertionRecord, labels: Mapping[str, str], lines: Mapping[str, list[str]]) -> Reasoning:
    """What exograph.reason reads of one assertion: its chain step and its full-text entry (``labels``: of
    every valid entity, by key; ``lines``: the diseases of the cell lines, :func:`line_diseases`)."""
    step = (a["id"], a["source"], a["regulator"], a["target"], a["direction"], a["aspect"])
    names = " ".join(labels[k] for k in (a["regulator"], a["target"]) if k in labels)
    quotes = " ".join(f"{ev['quote']} {ev['assay'] or ''}" for ev in a["evidence"])
    search = ("assertion", a["id"], a["id"].replace("-", " "), names, quotes, a["note"] or "")
    context = filter_context(a, lines)
    flags = (int(a["hypothesis"]), int(a["negated"]), json.dumps(context))
    return (*step, *flags, a["mechanism"], a["scope"], int(a["exosomal_cargo"]), diseases_written(context)), search


def _write_reasoning(
    db: sqlite3.Connection, entities: dict[str, EntityRecord], assertions: Iterable[Reasoning]
) -> None:
    """The rows exograph.reason reads: chain steps, family membership and the full-text index."""
    db.executescript(REASONING_SCHEMA)
    groups = [(k, m, "member") for k, e in entities.items() for m in e["members"]]
    groups += [(e["parent"], k, "variant") for k, e in entities.items() if e["parent"]]
    db.executemany(WRITE_MEMBERS, groups)
    steps = []
    search = [
        (
            "entity",
            k,
            e["display"],
            " ".join((k, e["label"], e["curie"], *e["synonyms"], *e["xrefs"])),
            "",
            e["note"] or "",
        )
        for k, e in entities.items()
    ]
    for step, entry in assertions:
        steps.append(step)
        search.append(entry)
    # stored by target: chain search reads every step into a batch of targets, and rows of one target
    # side by side are read from a few pages rather than one page each (half the time at 100,000 assertions)
    steps.sort(key=itemgetter(3, 0))
    db.executemany(WRITE_STEPS, steps)
    db.executemany(WRITE_STEP_SHAPES, step_shapes(steps))
    db.executemany(WRITE_SEARCH, search)
    # what composition needs of every entity; a chemical named as a condition of some claim (a drug given to
    # cells) is an exposure, as conditions and treatments are: chains start there and never pass through it
    db.executemany(
        WRITE_NODES,
        ((k, e["kind"], int(e["generic"]), int(e["kind"] in ("condition", "treatment"))) for k, e in entities.items()),
    )
    db.execute(MARK_EXPOSURES, ("chemical", "$.conditions"))
    db.executescript(REASONING_INDEXES)


#: What of a step row chain search counts by (its columns in :data:`Step`): direction, aspect, hypothesis,
#: negated, scope and whether the regulator acts as vesicle cargo; not its regulator, source or context.
_SHAPE = itemgetter(4, 5, 6, 7, 10, 11)


def step_shapes(steps: Iterable[Step]) -> list[tuple[str, str, int]]:
    """For each target, each distinct set of shapes one regulator's steps into it have (as JSON), and how
    many regulators have that set.

    Why: the last level of a long chain query is only counted (exograph.reason.chains), and a count
    needs of each regulator only the shapes of its steps, except where composition reads the cells
    of a step: tens of thousands of step rows then come down to a few per target.
    """
    by_pair: dict[tuple[str, str], set[tuple[Any, ...]]] = defaultdict(set)
    for step in steps:
        by_pair[(step[3], step[2])].add(_SHAPE(step))
    texts: dict[frozenset[tuple[Any, ...]], str] = {}  # the same few sets recur at every target: each written once
    sets: Counter[tuple[str, str]] = Counter()
    for (target, _), shapes in by_pair.items():
        key = frozenset(shapes)
        text = texts.get(key)
        if text is None:
            text = texts[key] = json.dumps(sorted(shapes), separators=(",", ":"))
        sets[(target, text)] += 1
    return [(target, shapes, n) for (target, shapes), n in sorted(sets.items())]


def _names(entities: dict[str, EntityRecord]) -> Iterator[tuple[str, str]]:
    for key, e in entities.items():
        for name in dict.fromkeys(n.casefold() for n in (key, e["label"], e["curie"], *e["synonyms"], *e["xrefs"])):
            yield name, key


def fingerprint(digests: dict[str, bytes]) -> str:
    """The key of a root's compiled store, from the hashes of its files (:meth:`Layout.digests`)."""
    return f"{CACHE_FORMAT}:{__version__}:{fingerprint_of(digests)}"


def _fallback_path(primary: Path, create: bool) -> Path | None:
    """A per-user cache file in the temp directory, for setups whose cache directory is unwritable.

    The folder is created private (0700), only when a cache must be written there; one that
    exists but is not a real folder owned by this user, or that others could write into, is
    never used (another user could plant a cache there).
    """
    import stat
    import tempfile

    folder = Path(tempfile.gettempdir()) / f"exograph-{os.getuid()}"
    try:
        if create:
            folder.mkdir(mode=0o700, exist_ok=True)
        info = folder.lstat()
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o022:
        return None  # not ours, or others could have written into it
    if info.st_mode & 0o077:
        try:
            folder.chmod(0o700)  # ours and only readable by others (an older exograph made it so): close it
        except OSError:
            return None
    return folder / primary.name


def evict(folder: Path, keep: int = KEEP_CACHES) -> None:
    """Delete all but the ``keep`` most recently built caches in ``folder`` (only exograph's own files)."""
    try:
        caches = [p for p in folder.iterdir() if _CACHE_NAME.match(p.name) and p.is_file() and not p.is_symlink()]
        caches.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        for old in caches[keep:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # eviction is housekeeping: never let it stop a command


def open_store(root: Path) -> Store:
    """The compiled knowledge of ``root``, compiling it first if any file changed.

    Raises :class:`exograph.curation.problems.CurationError` when the curation is invalid.
    """
    from exograph.compiled.stamp import stamp

    layout = Layout(root)
    primary = cache_path(root)
    stamped = stamp(layout, f"{CACHE_FORMAT}:{__version__}")  # before hashing: see exograph.compiled.stamp
    if stamped is not None and (store := _open_if_current(primary, stamped, root, "stamp")) is not None:
        return store  # the fastest path: no file changed since the cache was built, nothing to hash
    digests = layout.digests()
    wanted = fingerprint(digests)
    if (store := _open_if_current(primary, wanted, root)) is not None:
        if stamped is not None:  # compiled while a file was too fresh to trust, or touched since: trust it now
            _record_stamp(primary, stamped)
        return store  # the fast path: no other import, no other file
    fallback = _fallback_path(primary, create=False)
    if fallback is not None and (store := _open_if_current(fallback, wanted, root)) is not None:
        return store
    from exograph.compiled.incremental import ATTEMPTS, compile_rows  # the slow path: imports pydantic and PyYAML
    from exograph.compiled.records import build

    for attempt in range(ATTEMPTS):
        if attempt:  # files changed since they were hashed: hash them again (the status taken first is stale)
            digests, stamped = layout.digests(), None
        compiled = compile_rows(layout)
        # The store is kept under the hash of the files: only if they were compiled as the bytes hashed. Every
        # file read must have been hashed (a text snapshot too), and every curation file hashed must have been
        # read (other files in sources/ are hashed but only read when a source names them).
        changed = sorted(
            {r for r, d in compiled.inputs.items() if digests.get(r) != d}.union(
                r for r in set(digests).difference(compiled.inputs) if r.endswith(".yaml")
            )
        )
        if not changed:
            break
    else:
        raise FilesChanged(changed)
    wanted = fingerprint(digests)
    entities, _, sources = build(compiled.checked)
    errors = []
    for candidate in (primary, None):
        path = candidate or _fallback_path(primary, create=True)
        if path is None:
            errors.append("no private per-user folder in the temp directory")
            continue
        try:
            write_rows(path, wanted, entities, compiled.rows, sources, stamped, compiled.reasoning)
        except (OSError, sqlite3.Error) as exc:  # an unwritable cache directory must not stop a query
            errors.append(f"{path.parent}: {getattr(exc, 'strerror', None) or exc}")
            continue
        evict(path.parent)
        if (store := _open_if_current(path, wanted, root)) is not None:
            return store
    raise CacheError(
        f"cannot write the exograph cache ({'; '.join(errors)}): set EXOGRAPH_CACHE_DIR to a writable folder"
    )


def _record_stamp(path: Path, stamped: str) -> None:
    """Keep the status of the files a query just found to have exactly the cache's content, so the next
    query skips hashing them (the status was taken before the hash: a file changed in between can only
    make the stamp miss). Only saves time: a cache that cannot be written is left as it is."""
    try:
        with contextlib.closing(sqlite3.connect(path, timeout=1)) as db, db:
            db.execute(REPLACE_META, ("stamp", stamped))
    except (OSError, sqlite3.Error):
        pass


def read_only(path: Path) -> sqlite3.Connection:
    """The SQLite file at ``path``, opened read-only: by URI, in which a '#', '?' or '%' of its name is escaped
    (unescaped, SQLite would open another file, or make one)."""
    return sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)


def _open_if_current(path: Path, wanted: str, root: Path, key: str = "fingerprint") -> Store | None:
    """The cache at ``path`` if it is complete and compiled from exactly these files, else None.

    A damaged or truncated file (a full disk, a killed copy) reads as stale and is rebuilt.
    """
    if not path.is_file():
        return None
    try:
        db = read_only(path)
    except sqlite3.Error:
        return None
    try:
        row = db.execute(READ_META, (key,)).fetchone()
        pages, page_size = db.execute(PAGE_COUNT).fetchone()[0], db.execute(PAGE_SIZE).fetchone()[0]
        complete = path.stat().st_size >= pages * page_size
    except (sqlite3.Error, OSError):
        db.close()
        return None
    if row is None or row[0] != wanted or not complete:
        db.close()
        return None
    return Store(db, root, path)
