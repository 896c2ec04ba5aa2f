"""Pausing Python's cyclic garbage collector around work that builds many small objects and no cycles.

Reading a curation file and searching chains each allocate hundreds of thousands of tuples and
records, none of which refer back to themselves; left on, the collector rescans everything alive
again and again as they pile up (it doubled the time of reading a file, and was about a fifth of a
depth-3 chain query at 100,000 assertions). Anything that does form a cycle meanwhile is collected
once the collector runs again.
"""

from __future__ import annotations

import atexit
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache


@contextmanager
def paused() -> Iterator[None]:
    """The collector off for the ``with`` block, and back as it was after it (also on an error)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            _promote()
            gc.enable()


def _promote() -> None:
    """Move every object the block left alive to the oldest generation without scanning it.

    Otherwise the first allocation after the block scans all of them at once as young objects
    (a fifth of a path query at 100,000 assertions). Freezing and thawing only splices lists; cycles
    among them are still collected by the next full collection. Skipped when the program froze objects
    itself, which thawing would release.
    """
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()


@cache
def skip_final_collection() -> None:
    """Spare a command's process the full collection Python runs as it shuts down.

    A command ends once it has printed its answer, and shutting down scanned everything still alive
    for cycles (after a path query at 100,000 assertions, hundreds of thousands of objects: 60 ms of a
    0.4 s command). Frozen objects are skipped by that scan; they are still freed, and files and
    databases still closed, by reference counting as the modules are torn down: only objects in
    cycles are left to the operating system, which reclaims the memory. Registered once per process.
    """
    atexit.register(gc.freeze)
