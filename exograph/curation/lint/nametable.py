"""The names HGNC and GO give their identifiers, shipped for lint rule EXO303.

The offline identifier tables are a test-only dependency, so ``scripts/make_lint_data.py`` extracts what
the rule needs into ``data/names.tsv.gz``: one line per identifier with its label and each of its names,
stored as lint compares names (tokens joined, see :func:`exograph.curation.lint.names.tokens`).
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

#: How a table names an identifier, by the index the shipped file stores (scripts/make_lint_data.py).
HOW = ("HGNC symbol", "HGNC alias symbol", "HGNC previous symbol", "GO name", "GO synonym")


@dataclass(frozen=True, slots=True)
class Named:
    """One identifier a name belongs to."""

    curie: str
    label: str
    how: str


@cache
def _lines() -> tuple[str, ...]:
    data = (files("exograph.curation.lint") / "data" / "names.tsv.gz").read_bytes()
    return tuple(gzip.decompress(data).decode("utf-8").splitlines())


def named(wanted: Iterable[str]) -> dict[str, tuple[Named, ...]]:
    """For each compact name in ``wanted``, the identifiers HGNC or GO give that name (none: left out).

    Only the wanted names are turned into records: the curation asks about a few hundred of the table's
    ~190,000 names, and building them all would cost a second on every lint run.
    """
    want = set(wanted)
    table: dict[str, list[Named]] = {}
    for line in _lines():
        curie, label, names = line.split("\t")
        for entry in names.split(" "):
            compact, _, how = entry.rpartition("|")
            if compact in want:
                table.setdefault(compact, []).append(Named(curie, label, HOW[int(how)]))
    return {name: tuple(ids) for name, ids in table.items()}
