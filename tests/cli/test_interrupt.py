"""Ctrl-C ends a command at once: "interrupted", exit 130, no traceback, no process left behind.

The command runs in a pseudo-terminal so that it shows progress; the interrupt is sent once the
compile's progress line appears, so it always arrives mid-work (never before or after).
"""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.generate import write_curation

#: Enough work that the interrupt, sent once the first file is checked, lands mid-work even on a loaded machine
#: (with 8,000 the command sometimes ended first while other work ran).
ASSERTIONS = 20_000


def _read_until(fd: int, marker: bytes, process: subprocess.Popen[bytes]) -> bytes:
    seen = b""
    while marker not in seen:
        ready, _, _ = select.select([fd], [], [], 60)
        assert ready, f"no {marker!r} within a minute: {seen[-300:]!r}"
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the terminal closed: the command ended
            chunk = b""
        assert chunk, f"the command ended before {marker!r} (exit {process.wait()}): {seen[-300:]!r}"
        seen += chunk
    return seen


@pytest.mark.usefixtures("ctrl_c_heard")
@pytest.mark.parametrize(
    "command", [["validate", "{root}"], ["export", "--format", "nt", "--root", "{root}", "-o", "{out}"]]
)
def test_ctrl_c_ends_the_command(tmp_path: Path, command: list[str]) -> None:
    root = tmp_path / "big"
    write_curation(root, ASSERTIONS)
    out = tmp_path / "out.nt"
    args = [a.format(root=root, out=out) for a in command]
    main, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "exograph", *args],
        stdout=subprocess.PIPE,
        stderr=terminal,
        stdin=subprocess.DEVNULL,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    os.close(terminal)
    try:
        _read_until(main, b"checking assertion files", process)
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C does: every process of the group
        seen = _read_until(main, b"interrupted", process)
        assert process.wait(timeout=30) == 130
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        os.close(main)
    assert b"Traceback" not in seen and b"KeyboardInterrupt" not in seen
    assert not out.exists()
    with pytest.raises(ProcessLookupError):  # the compile's workers are gone too
        os.killpg(process.pid, 0)
