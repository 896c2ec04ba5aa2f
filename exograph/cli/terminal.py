"""Answers for people fit their terminal: each line within its width, long answers paged.

The width is ``COLUMNS`` where set, else the terminal's when standard output is one; piped output,
and every ``json`` or ``tsv`` answer, is left at full width for scripts. A line too wide is wrapped at
blanks under its own indentation (a table row was already fitted by its renderer, cells cut with
``…``); a word wider than the line is cut with ``…``. An answer taller than the terminal goes through
the pager (``$PAGER``, else ``less``), and only when standard output is a terminal.
"""

from __future__ import annotations

import os
import shutil
import sys
import textwrap

import click

#: Narrower than this, wrapping helps nobody: such a COLUMNS is ignored.
MIN_WIDTH = 40


def width() -> int | None:
    """The columns an answer may use, or None for full width (piped, no COLUMNS)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) >= MIN_WIDTH:
        return int(columns)
    if sys.stdout.isatty():
        return max(shutil.get_terminal_size().columns, MIN_WIDTH)
    return None


def fit(text: str, columns: int | None) -> str:
    """Every line of ``text`` within ``columns``: wrapped at blanks under its indentation, a too long word cut."""
    if columns is None:
        return text
    out = []
    for line in text.split("\n"):
        if len(line) <= columns:
            out.append(line)
            continue
        indent = line[: len(line) - len(line.lstrip(" "))]
        hanging = indent + "  " if len(indent) + 2 < columns // 2 else indent
        for piece in textwrap.wrap(
            line.strip(), columns, initial_indent=indent, subsequent_indent=hanging, break_on_hyphens=False
        ):
            out.append(piece if len(piece) <= columns else piece[: columns - 1] + "…")
    return "\n".join(out)


def show(text: str, fmt: str) -> None:
    """Print an answer: fitted and, on a terminal, paged when taller than it; ``json``/``tsv`` as they are."""
    if fmt in ("json", "tsv"):
        click.echo(text, nl=False)
        return
    text = fit(text, width())
    if sys.stdout.isatty() and sys.stdin.isatty() and text.count("\n") > shutil.get_terminal_size().lines - 2:
        click.echo_via_pager(text)
    else:
        click.echo(text, nl=False)
