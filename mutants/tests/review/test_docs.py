"""docs/reviewing.md shows real output: every line of its example is what 'exograph diff' prints today."""

from __future__ import annotations

import re
import subprocess

import pytest

from exograph.review import markdown, terminal
from exograph.review.report import compare
from tests.conftest import PROJECT_ROOT

EXAMPLE = ("59f94ed~1", "59f94ed")


def test_the_reviewing_example_is_current_output() -> None:
    found = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", f"{EXAMPLE[1]}^{{commit}}"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        check=False,
    )
    if found.returncode != 0:
        pytest.skip(f"this checkout lacks the history the example is taken from ({EXAMPLE[1]})")
    report = compare(*EXAMPLE, PROJECT_ROOT)
    real = set(markdown.render(report).splitlines()) | set(terminal.render(report).splitlines())
    doc = (PROJECT_ROOT / "docs/reviewing.md").read_text(encoding="utf-8")
    section = doc[doc.index("## How to read the report") : doc.index("## JSON for bots")]
    blocks = re.findall(r"```(?:markdown|console)\n(.*?)```", section, re.S)
    shown = [line for block in blocks for line in block.splitlines() if line != "…" and not line.startswith("$ ")]
    assert len(blocks) == 5 and len(shown) > 30
    assert [line for line in shown if line not in real] == [], "paste the new output into docs/reviewing.md"
