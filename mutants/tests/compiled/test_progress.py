"""Progress shows on a terminal and stays out of piped output."""

from __future__ import annotations

import io

from exograph.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_drawn_on_a_terminal_and_cleared() -> None:
    stream = Terminal()
    with Progress("checking assertion files", 3, stream) as progress:
        for _ in range(3):
            progress.advance()
    shown = stream.getvalue()
    assert "checking assertion files: 3/3" in shown
    assert shown.endswith("\r")  # the line is wiped, so what follows starts clean


def test_progress_writes_nothing_when_piped() -> None:
    stream = io.StringIO()
    with Progress("checking assertion files", 3, stream) as progress:
        for _ in range(3):
            progress.advance()
    assert stream.getvalue() == ""
