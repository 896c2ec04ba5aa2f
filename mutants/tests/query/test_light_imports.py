"""A query never imports the heavy libraries: that is what keeps a cold query near Python's own start-up."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("pydantic", "yaml", "networkx", "rdflib")

PROBE = """
import json, sys
from exograph.cli import main
try:
    main(sys.argv[1:], standalone_mode=False)
finally:
    print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {heavy!r})), file=sys.stderr)
"""


@pytest.mark.parametrize(
    "query",
    [
        ["drivers", "RAB27A"],
        ["regulators", "exosome_secretion", "--format", "json"],
        ["targets", "hypoxia", "--format", "tsv"],
        ["show", "RAB27A"],
        ["stats"],
    ],
)
def test_a_query_on_a_compiled_cache_imports_no_heavy_library(mini: Path, query: list[str]) -> None:
    compile_first = [sys.executable, "-m", "exograph", "stats", "--root", str(mini)]
    subprocess.run(compile_first, check=True, capture_output=True)
    probe = [sys.executable, "-c", PROBE.format(heavy=set(HEAVY)), *query, "--root", str(mini)]
    done = subprocess.run(probe, check=True, capture_output=True, text=True)
    imported = json.loads(done.stderr.strip().splitlines()[-1])
    assert imported == [], f"{' '.join(query)} imported {imported}"


def test_the_probe_sees_imports(mini: Path) -> None:
    """Validating does import pydantic and PyYAML, so an empty list above means something."""
    probe = [sys.executable, "-c", PROBE.format(heavy=set(HEAVY)), "validate", str(mini)]
    done = subprocess.run(probe, check=True, capture_output=True, text=True)
    imported = json.loads(done.stderr.strip().splitlines()[-1])
    assert "pydantic" in imported and "yaml" in imported


OWN = """
import json, sys
from exograph.cli import main
try:
    main(sys.argv[1:], standalone_mode=False)
finally:
    print(json.dumps(sorted(m for m in sys.modules if m.startswith("exograph."))), file=sys.stderr)
"""


def test_a_neighbour_query_loads_neither_reasoning_nor_other_commands(mini: Path) -> None:
    subprocess.run([sys.executable, "-m", "exograph", "stats", "--root", str(mini)], check=True, capture_output=True)
    for query, needs in ((["drivers", "RAB27A"], False), (["drivers", "RAB27A", "--depth", "2"], True)):
        probe = [sys.executable, "-c", OWN, *query, "--root", str(mini)]
        done = subprocess.run(probe, check=True, capture_output=True, text=True)
        imported = set(json.loads(done.stderr.strip().splitlines()[-1]))
        assert ("exograph.reason.chains" in imported) is needs  # the probe sees a chain query's imports
        assert "exograph.cli.queries" in imported
        assert not imported & {"exograph.cli.export", "exograph.cli.web", "exograph.cli.review", "exograph.cli.curate"}
