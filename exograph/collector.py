"""Pausing Python's cyclic garbage collector around work that builds many small objects and no cycles.

Reading a curation file and searching chains each allocate hundreds of thousands of tuples and
records, none of which refer back to themselves; left on, the collector rescans everything alive
again and again as they pile up (it doubled the time of reading a file, and was about a fifth of a
depth-3 chain query at 100,000 assertions). Anything that does form a cycle meanwhile is collected
once the collector runs again.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """The collector off for the ``with`` block, and back as it was after it (also on an error)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
