"""scripts/sample_chains.py: random chains as a reviewer meets them, reproducible, printed with their quotes."""

from __future__ import annotations

import runpy
from pathlib import Path
from typing import Any

import pytest

from exograph.api import KnowledgeGraph
from tests.conftest import PROJECT_ROOT


@pytest.fixture(scope="module")
def sampler() -> dict[str, Any]:
    return runpy.run_path(str(PROJECT_ROOT / "scripts" / "sample_chains.py"))


def test_the_same_seed_draws_the_same_distinct_chains(sampler: dict[str, Any], ckg: KnowledgeGraph) -> None:
    first = [(d.command, d.chain.assertion_ids) for d in sampler["sample"](ckg, 3, 6, top=10)]
    again = [(d.command, d.chain.assertion_ids) for d in sampler["sample"](ckg, 3, 6, top=10)]
    assert first == again and len(first) == 6
    assert len({tuple(ids) for _, ids in first}) == 6  # distinct chains (the fixture's differ in assertions)
    top = set(sampler["most_connected"](ckg, 10))
    for command, _ in first:
        named = command.split('"')[1::2]
        assert named and set(named) <= top, command


def test_a_chain_is_printed_with_every_assertion_sentence_and_quote(
    sampler: dict[str, Any], ckg: KnowledgeGraph
) -> None:
    for number, draw in enumerate(sampler["sample"](ckg, 5, 4, top=10), 1):
        text = sampler["describe"](ckg, number, draw)
        assert text.startswith(f"## Chain {number}\n`exograph ")
        for step in draw.chain.steps:
            for assertion_id in step.assertions:
                record = ckg.assertion(assertion_id)
                assert f"  - {assertion_id}\n    sentence: {ckg.explain(assertion_id)}" in text
                for evidence in record["evidence"]:
                    assert f'"{evidence["quote"]}"' in text  # whole and verbatim, never cut


def test_a_sample_the_curation_cannot_fill_says_so(
    sampler: dict[str, Any], compose_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert sampler["main"](["--seed", "1", "--count", "5000", "--top", "3", "--root", str(compose_root)]) == 1
    out, err = capsys.readouterr()
    assert "distinct chains could be drawn" in err and out.startswith("# ")
    with pytest.raises(SystemExit):
        sampler["main"](["--seed", "1", "--count", "0"])
