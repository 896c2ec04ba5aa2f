"""A SPARQL query run where it can be stopped: in a child process, with a time limit and a row limit.

The engine (pyoxigraph) evaluates a query in native code that neither a Python signal handler nor
a thread can interrupt: a cartesian product would run for hours and ignore Ctrl-C. So the query
runs in a forked child process that the parent waits for; on the time limit, or on Ctrl-C, the
parent kills it at once. The child also opens (or builds) the embedded store, so the parent never
holds the engine's threads when it forks; the time limit starts when the store is ready, so a
first build after an edit does not count against it. Whatever happens to the child (even a crash
of the engine) is reported to the parent as a plain message. Only the first ``limit`` rows are
ever read, so an endless answer stops too.
"""

from __future__ import annotations

import multiprocessing
import signal
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING

from exograph.sparql.guard import Refused, check
from exograph.sparql.results import Rendered

if TYPE_CHECKING:
    from exograph.compiled.store import Store

#: Seconds a query may run unless told otherwise.
DEFAULT_TIMEOUT = 60.0
#: Rows (or triples) shown unless told otherwise.
DEFAULT_LIMIT = 10_000


class QueryError(Exception):
    """The query was refused, does not parse, failed, or was stopped; the message says which and what to do."""


@dataclass(frozen=True, slots=True)
class _Job:
    """What the child needs: where the compiled store is, and the query."""

    cache: Path
    root: Path
    base: str
    query: str
    fmt: str
    limit: int


def run(store: Store, query: str, base: str, fmt: str, timeout: float, limit: int) -> Rendered:
    """The answer to ``query`` over ``store``'s graph, rendered as ``fmt`` (:mod:`exograph.sparql.results`).

    Raises :class:`QueryError`; lets :class:`KeyboardInterrupt` through once the child is gone.
    """
    try:
        check(query)
    except Refused as exc:
        raise QueryError(str(exc)) from None
    assert store.path is not None  # open_store always gives the file it opened
    job = _Job(store.path, store.root, base, query, fmt, limit)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, job), daemon=True)
    try:
        child.start()
        sender.close()
        message = _receive(receiver, None)  # the store opened (or built): no time limit on that
        if message == ("querying",):
            message = _receive(receiver, timeout)
        if message is None:
            raise QueryError(
                f"the query ran longer than {timeout:g} s and was stopped: narrow it (more specific patterns, "
                "a LIMIT) or give --timeout SECONDS"
            )
    finally:  # also on Ctrl-C: the engine's process never outlives the command
        if child.pid is not None:
            child.kill()
            child.join()
        receiver.close()
    if message == ("crashed",):
        raise QueryError(f"the query engine stopped on this query (exit {child.exitcode}): simplify the query")
    kind, value = message
    if kind == "answer" and isinstance(value, Rendered):
        return value
    raise QueryError(str(value))


def _receive(receiver: Connection, timeout: float | None) -> tuple[object, ...] | None:
    """The child's next message; None when none came in ``timeout`` seconds; ``("crashed",)`` when it died."""
    if not receiver.poll(timeout):
        return None
    try:
        message: tuple[object, ...] = receiver.recv()
    except (EOFError, OSError):
        return ("crashed",)
    return message


def _child(sender: Connection, job: _Job) -> None:
    """Open the store, run the query, send the rendered answer or what went wrong (never an exception)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group: the parent decides
    try:
        sender.send(_answer(sender, job))
    except Exception as exc:  # anything the engine raises is a message for the parent
        sender.send(("error", f"the query failed: {type(exc).__name__}: {exc}"))
    finally:
        sender.close()


def _answer(sender: Connection, job: _Job) -> tuple[str, object]:
    from exograph.compiled.store import Store, read_only
    from exograph.sparql.embedded import graph_store
    from exograph.sparql.errors import syntax_message
    from exograph.sparql.results import render

    store = Store(read_only(job.cache), job.root, job.cache)
    graph = graph_store(store, job.base)
    sender.send(("querying",))
    try:
        results = graph.query(job.query)
    except SyntaxError as exc:
        return "error", syntax_message(str(exc), job.query)
    except OSError as exc:
        return "error", f"the query cannot run on the read-only store: {exc}"
    return "answer", render(results, job.fmt, job.limit)
