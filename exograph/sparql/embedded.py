"""The curation's RDF in an embedded pyoxigraph store, cached on disk next to the SQLite cache.

The store is keyed like the SQLite cache (the content fingerprint of every curation file, plus the
base IRI): it is built once after a change, in a temporary folder renamed into place, and opened
read-only afterwards, so a SPARQL query costs an open and the query itself, and cannot change it.
After an edit the new build replaces the old folder (only ever a folder holding nothing but what
this module writes there).
"""

from __future__ import annotations

import gc
import hashlib
from pathlib import Path

import pyoxigraph

from exograph.atomic import atomic_path
from exograph.compiled.store import Store, cache_path
from exograph.export.prefixes import DEFAULT_BASE
from exograph.export.rdf import build_triples

_KEY_FILE = "fingerprint"


def _key(store: Store, base: str) -> str:
    row = store.db.execute("SELECT value FROM meta WHERE name = 'fingerprint'").fetchone()
    return hashlib.blake2b(f"{row[0]}\0{base}".encode(), digest_size=16).hexdigest()


def _fill(graph: pyoxigraph.Store, store: Store, base: str) -> None:
    graph.bulk_extend(pyoxigraph.Quad(t.subject, t.predicate, t.object) for t in build_triples(store, base))


def memory_store(store: Store, base: str | None = None) -> pyoxigraph.Store:
    """The export of ``store`` in an in-memory pyoxigraph store (for Python callers).

    In memory rather than the on-disk cache: opening RocksDB starts background threads that live as
    long as the process, and a process holding them must not fork (``exograph sparql`` runs its
    queries in a forked child, and so may the caller's own code).
    """
    graph = pyoxigraph.Store()
    _fill(graph, store, base or DEFAULT_BASE)
    return graph


def graph_store(store: Store, base: str | None = None) -> pyoxigraph.Store:
    """A read-only pyoxigraph store holding the export of ``store``; in memory if nothing can be cached."""
    base = base or DEFAULT_BASE
    key = _key(store, base)
    folder = cache_path(store.root).with_suffix(".oxigraph")
    if _current(folder / _KEY_FILE, key):
        try:
            return pyoxigraph.Store.read_only(str(folder / "store"))
        except (OSError, RuntimeError):  # a damaged cache (RocksDB reports corruption) is rebuilt
            pass
    try:
        with atomic_path(folder, directory=True, replace_folder=_ours) as tmp:
            graph = pyoxigraph.Store(str(tmp / "store"))
            _fill(graph, store, base)
            graph.flush()
            del graph
            gc.collect()  # closes the database before the folder is moved into place
            (tmp / _KEY_FILE).write_text(key, encoding="utf-8")
        return pyoxigraph.Store.read_only(str(folder / "store"))
    except OSError:  # an unwritable cache must not stop a query
        graph = pyoxigraph.Store()
        _fill(graph, store, base)
        return graph


def _current(path: Path, key: str) -> bool:
    """Whether the build in the folder is of ``key``: anything else there (damaged bytes, a link to a device,
    a huge file) only means it is rebuilt."""
    try:
        if not path.is_file():  # never opened otherwise: a named pipe would block
            return False
        with path.open("rb") as file:
            return file.read(len(key) + 1) == key.encode()
    except OSError:
        return False


def _ours(folder: Path) -> bool:
    """Whether ``folder`` holds only what :func:`graph_store` writes (so an older build may be replaced)."""
    return {p.name for p in folder.iterdir()} <= {_KEY_FILE, "store"}


def cached_store_path(store: Store) -> Path:
    """Where :func:`graph_store` keeps its cache (for tests and for users who want to clear it)."""
    return cache_path(store.root).with_suffix(".oxigraph")
