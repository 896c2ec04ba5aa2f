"""The curation's RDF in an embedded pyoxigraph store, cached on disk next to the SQLite cache.

The store is keyed like the SQLite cache (the content fingerprint of every curation file, plus the
base IRI): it is built once after a change, in a temporary folder renamed into place, and opened
read-only afterwards, so a SPARQL query costs an open and the query itself, and cannot change it.
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


def graph_store(store: Store, base: str | None = None) -> pyoxigraph.Store:
    """A read-only pyoxigraph store holding the export of ``store``; in memory if nothing can be cached."""
    base = base or DEFAULT_BASE
    key = _key(store, base)
    folder = cache_path(store.root).with_suffix(".oxigraph")
    if (folder / _KEY_FILE).is_file() and (folder / _KEY_FILE).read_text(encoding="utf-8") == key:
        try:
            return pyoxigraph.Store.read_only(str(folder / "store"))
        except (OSError, RuntimeError):  # a damaged cache (RocksDB reports corruption) is rebuilt
            pass
    try:
        with atomic_path(folder, directory=True) as tmp:
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


def cached_store_path(store: Store) -> Path:
    """Where :func:`graph_store` keeps its cache (for tests and for users who want to clear it)."""
    return cache_path(store.root).with_suffix(".oxigraph")
