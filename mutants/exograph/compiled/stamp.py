"""A cheap proof that no input file changed since the cache was built, so a query need not hash them all.

The cache is keyed by a hash of every file's content (an edit is always seen), but at 100,000
assertions hashing 70 MB is most of a cold query's time. So the status of every input file
(size, modification and change times in nanoseconds, inode) is recorded with the cache, taken
*before* the content is hashed; a later command that finds every status identical skips the
hashing. The change time (ctime) moves on every write and no tool can set it back (unlike the
modification time), and a file changed within ``RACY_NS`` of the moment the status is taken is
never trusted (its next edit could fall within the same clock tick): the rule git uses for its index.
"""

from __future__ import annotations

import hashlib
import stat
import time

from exograph.layout import Layout

RACY_NS = 2_000_000_000


def stamp(layout: Layout, version: str) -> str | None:
    """A hash of the status of every input file, or None when one is recent, unreadable or not a regular file."""
    now = time.time_ns()
    digest = hashlib.blake2b(version.encode(), digest_size=20)
    try:
        snapshots = sorted(p for p in (layout.root / "sources").iterdir() if p.suffix != ".yaml")
        for path in layout.yaml_files() + snapshots:
            info = path.stat()
            if not stat.S_ISREG(info.st_mode) or max(info.st_ctime_ns, info.st_mtime_ns) > now - RACY_NS:
                return None
            status = (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)
            digest.update(f"{layout.relative(path)}\0{status}\0".encode())
    except OSError:
        return None
    return digest.hexdigest()
