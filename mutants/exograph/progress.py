"""Progress of long operations (a full compile, a large export) on stderr.

Shown only when stderr is a terminal, so piped output and logs stay clean; it redraws
one line at most a few times a second and clears it when done. Dependency-free.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TextIO


class Progress:
    """``with Progress("checking files", total) as bar: bar.advance()``."""

    INTERVAL = 0.2

    def __init__(self, label: str, total: int, stream: TextIO | None = None) -> None:
        self.label, self.total, self.done = label, total, 0
        self.stream = stream if stream is not None else sys.stderr
        self.shown = self.stream.isatty()
        self.last = 0.0

    def advance(self, steps: int = 1) -> None:
        self.done += steps
        now = time.monotonic()
        if self.shown and (now - self.last >= self.INTERVAL or self.done == self.total):
            self.last = now
            self.stream.write(f"\r{self.label}: {self.done}/{self.total}")
            self.stream.flush()

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self.shown and self.last:
            self.stream.write("\r" + " " * (len(self.label) + 24) + "\r")
            self.stream.flush()
