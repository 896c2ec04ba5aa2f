"""Reading the ```console examples of the documentation, and checking them against real output.

The docs promise real output. A ``$ exograph ...`` line followed by output lines is an example; the
shown lines must appear in what the command prints, in order, with a line holding only ``…`` (or
``...``) standing for lines left out. Without a ``…`` at the start (end), the first (last) shown line
must be the first (last) printed line, so an excerpt is always marked as one.

A block placed right after ``<!-- not-run: why -->`` is not run: for commands that write files, need a
server or a git history.
"""

from __future__ import annotations

import difflib
import re
import shlex
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).parent.parent.parent
PAGES = [PROJECT_ROOT / "README.md", *sorted((PROJECT_ROOT / "docs").glob("*.md"))]

#: How the docs write the project's absolute path.
SHOWN_ROOT = "/path/to/exograph"
ELISIONS = {"…", "..."}
NOT_RUN = re.compile(r"<!--\s*not-run\b")

#: Subcommands that only read the curation and answer deterministically in well under a second.
READ_ONLY = {
    "drivers",
    "regulators",
    "targets",
    "show",
    "stats",
    "path",
    "conflicts",
    "summary",
    "explain",
    "search",
    "lint",
    "validate",
    "sparql",
}
#: Options that name a file to write or read: such a command is not run.
FILE_OPTIONS = {"-o", "--output", "-f", "--file"}
SHELL_OPERATORS = {">", ">>", "<", "&", "&&", ";", "||", "2>"}


@dataclass(frozen=True)
class Example:
    """One ``$ command`` of a console block and the output lines shown under it."""

    page: str
    line: int
    command: str
    not_run: bool
    shown: tuple[str, ...]

    @property
    def id(self) -> str:
        return f"{self.page}:{self.line}: {self.command}"


def console_blocks(text: str) -> list[tuple[int, bool, list[str]]]:
    """(first line number, marked not-run, lines) of every ```console block of a Markdown page."""
    blocks: list[tuple[int, bool, list[str]]] = []
    lines = text.splitlines()
    previous = ""
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.strip() == "```console":
            start = index + 1
            end = start
            while end < len(lines) and lines[end].strip() != "```":
                end += 1
            blocks.append((start + 1, bool(NOT_RUN.search(previous)), lines[start:end]))
            index = end + 1
            continue
        if line.startswith("```"):  # skip other fences whole, so their content is never read as a block
            index += 1
            while index < len(lines) and not lines[index].startswith("```"):
                index += 1
        if line.strip():
            previous = line
        index += 1
    return blocks


def examples(page: Path, root: Path = PROJECT_ROOT) -> list[Example]:
    """Every command of every console block of ``page``, with its shown output (trailing blanks dropped)."""
    found: list[Example] = []
    name = page.relative_to(root).as_posix()
    for first, not_run, lines in console_blocks(page.read_text(encoding="utf-8")):
        index = 0
        while index < len(lines):
            if not lines[index].startswith("$ "):
                index += 1
                continue
            line_no = first + index
            command = lines[index][2:]
            while command.endswith("\\") and index + 1 < len(lines):
                index += 1
                command = command[:-1] + " " + lines[index].strip()
            index += 1
            shown: list[str] = []
            while index < len(lines) and not lines[index].startswith("$ "):
                shown.append(lines[index].rstrip())
                index += 1
            while shown and not shown[-1]:
                shown.pop()
            found.append(Example(name, line_no, command.strip(), not_run, tuple(shown)))
    return found


def words(command: str) -> list[str]:
    """The command split as a POSIX shell would, with comments dropped and operators as their own words."""
    lexer = shlex.shlex(command, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    lexer.commenters = "#"
    return list(lexer)


Stage = Callable[[list[str]], list[str]]


def _head(args: Sequence[str]) -> Stage | None:
    match list(args):
        case [flag] if re.fullmatch(r"-\d+", flag):
            count = int(flag[1:])
        case ["-n", number] if number.isdigit():
            count = int(number)
        case _:
            return None
    return lambda lines: lines[:count]


def _cut(args: Sequence[str]) -> Stage | None:
    spec = args[0][2:] if len(args) == 1 and args[0].startswith("-f") else None
    if spec is None or not re.fullmatch(r"[\d,-]+", spec):
        return None
    wanted: list[tuple[int, int]] = []
    for part in spec.split(","):
        low, _, high = part.partition("-")
        wanted.append((int(low or 1), int(high or 10**6) if "-" in part else int(low)))

    def cut(lines: list[str]) -> list[str]:
        out = []
        for line in lines:
            if "\t" not in line:
                out.append(line)
                continue
            fields = line.split("\t")
            keep = [f for n, f in enumerate(fields, 1) if any(lo <= n <= hi for lo, hi in wanted)]
            out.append("\t".join(keep))
        return out

    return cut


FILTERS: dict[str, Callable[[Sequence[str]], Stage | None]] = {"head": _head, "cut": _cut}


@dataclass(frozen=True)
class Plan:
    """How to run an example: the exograph arguments, then the shell filters its output goes through."""

    argv: tuple[str, ...]
    filters: tuple[Stage, ...]


def plan(command: str) -> Plan | None:
    """The plan of a runnable command, or None for one this test does not run (see the module docstring)."""
    tokens = words(command)
    if any(token in SHELL_OPERATORS for token in tokens):
        return None
    stages: list[list[str]] = [[]]
    for token in tokens:
        if token == "|":
            stages.append([])
        else:
            stages[-1].append(token)
    first, *rest = stages
    if len(first) < 2 or first[0] != "exograph":
        return None
    subcommand, args = first[1], first[2:]
    if subcommand == "export":
        if args != ["--list"]:
            return None
    elif subcommand not in READ_ONLY or FILE_OPTIONS & set(args):
        return None
    filters: list[Stage] = []
    for stage in rest:
        make = FILTERS.get(stage[0]) if stage else None
        made = make(stage[1:]) if make else None
        if made is None:
            return None
        filters.append(made)
    return Plan(tuple(first[1:]), tuple(filters))


def mismatch(shown: Sequence[str], printed: Sequence[str]) -> str | None:
    """Why ``shown`` is not an excerpt of ``printed`` (None when it is); see the module docstring."""
    printed = [line.rstrip() for line in printed]
    segments: list[list[str]] = [[]]
    for line in shown:
        if line.strip() in ELISIONS:
            segments.append([])
        else:
            segments[-1].append(line)
    anchored_start = bool(shown) and shown[0].strip() not in ELISIONS
    anchored_end = bool(shown) and shown[-1].strip() not in ELISIONS
    position = 0
    for number, segment in enumerate(segments):
        if not segment:
            continue
        last = number == len(segments) - 1
        if number == 0 and anchored_start:
            candidates: Sequence[int] = [0]
        elif last and anchored_end:
            candidates = [len(printed) - len(segment)]
        else:
            candidates = range(position, len(printed) - len(segment) + 1)
        at = next(
            (i for i in candidates if i >= position and printed[i : i + len(segment)] == segment),
            None,
        )
        if at is None:
            return _diff(segment, printed, position)
        position = at + len(segment)
    if anchored_end and segments[-1] and position != len(printed):
        return _diff(list(shown), printed, 0)
    return None


def _diff(segment: Sequence[str], printed: Sequence[str], position: int) -> str:
    diff = difflib.unified_diff(
        list(segment), list(printed[position:]), "shown in the docs", "printed", lineterm="", n=2
    )
    return "\n".join(diff)
