"""The names table shipped for EXO303 is exactly what scripts/make_lint_data.py makes from the offline tables."""

from __future__ import annotations

import runpy
from importlib.resources import files

from exograph.curation.lint.nametable import HOW, named
from tests.conftest import PROJECT_ROOT


def test_shipped_names_table_matches_the_installed_hgnc_and_go_tables() -> None:
    generator = runpy.run_path(str(PROJECT_ROOT / "scripts" / "make_lint_data.py"))
    shipped = (files("exograph.curation.lint") / "data" / "names.tsv.gz").read_bytes()
    assert generator["HOW"] == HOW
    assert generator["encode"](generator["rows"]()) == shipped


def test_names_table_reads_back_what_hgnc_says() -> None:
    found = named(["hmg1", "hmgn1", "notanamexyz"])
    assert ("HGNC:4983", "HMGB1", "HGNC previous symbol") in {(n.curie, n.label, n.how) for n in found["hmg1"]}
    assert ("HGNC:4984", "HMGN1", "HGNC symbol") in {(n.curie, n.label, n.how) for n in found["hmgn1"]}
    assert "notanamexyz" not in found
