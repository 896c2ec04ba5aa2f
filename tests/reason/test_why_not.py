"""Why a path finds nothing, in every format `path` offers, naming the filter or rule that cut (contexts too)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import exograph
from exograph.api import KnowledgeGraph
from tests.conftest import PROJECT_ROOT

from .conftest import Cli


def test_path_json_carries_why_not_as_an_object(cli: Cli, compose_root: Path) -> None:
    root = ("--root", str(compose_root))
    table = cli("path", "sorafenib", "AKT", "--max-length", "2", *root).output
    data = json.loads(cli("path", "sorafenib", "AKT", "--max-length", "2", "--format", "json", *root).stdout)
    assert data["chains"] == []
    why = data["why_not"]
    assert (why["start"], why["end"], why["max_length"]) == ("sorafenib", "AKT", 2)
    assert {"key": "RAB27A", "label": "RAB27A"} in why["reaches"]
    (cut,) = [c for c in why["cuts"] if c["reason"] == "the length (--max-length 2)"]
    assert cut["count"] == 2 and cut["filter"] is None
    for example in cut["examples"]:  # the same chains the table names, with their assertion ids
        assert f"    {example['header']}\n" in table
        assert example["assertions"] and example["breaks"] is None
    found = json.loads(cli("path", "sorafenib", "AKT", "--max-length", "4", "--format", "json", *root).stdout)
    assert found["chains"] and "why_not" not in found
    asked = cli("path", "sorafenib", "AKT", "--max-length", "4", "--why-not", "--format", "json", *root).stdout
    assert json.loads(asked)["why_not"]["reaches"]


def test_path_tsv_stays_one_table_and_says_why_not_on_stderr(cli: Cli, compose_root: Path) -> None:
    result = cli("path", "sorafenib", "AKT", "--max-length", "2", "--format", "tsv", "--root", str(compose_root))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith("chain\tchain_sign") and len(result.stdout.splitlines()) == 1
    assert result.stderr.startswith("Why not:\n")
    assert "2 chains cut by the length (--max-length 2), e.g.:" in result.stderr


def test_why_not_names_the_filter_that_cut_and_the_step_it_cut(
    ckg: KnowledgeGraph, cli: Cli, compose_root: Path
) -> None:
    why = ckg.why_not("sorafenib", "AKT", cell_line="Huh-7", system="in_vitro")
    (cut,) = why.query.cuts  # the cell line keeps both chains; the system alone cuts them
    assert cut.filter == ("system", "in_vitro") and cut.count == 2
    assert "compose2025-sorafenib-rab27a" in cut.examples[1].assertion_ids
    assert cut.rules[1] == "sorafenib -> RAB27A has no assertion that passes the filters"
    assert why.query.end_stops == "no step ending there passes the filters"
    out = cli(
        "path", "sorafenib", "AKT", "--cell-line", "Huh-7", "--system", "in_vitro", "--root", str(compose_root)
    ).output
    assert "2 chains cut by the filter --system in_vitro, e.g.:" in out
    assert "Nothing reaches AKT in up to 3 steps (no step ending there passes the filters)." in out
    assert "[sorafenib -> RAB27A has no assertion that passes the filters]" in out
    assert "more than one filter" not in out  # one filter alone explains every cut chain
    data = json.loads(
        cli("path", "sorafenib", "AKT", "--system", "in_vitro", "--format", "json", "--root", str(compose_root)).stdout
    )
    assert data["why_not"]["cuts"][0]["filter"] == {"name": "system", "value": "in_vitro"}


def test_why_not_names_the_donors_state_a_transfer_needs(cli: Cli, compose_root: Path) -> None:
    """Exosomes from Huh-7 cells that lost p53 activate AKT: RAB27A's exosomes from Huh-7 cells (no such state
    stated) do not reach AKT, and why-not says which state and which step, not only that the donors differ."""
    from tests.conftest import replace_in

    with (compose_root / "curation/entities/compose.yaml").open("a", encoding="utf-8") as handle:
        handle.write("  - key: p53_loss\n    curie: exograph:p53_loss\n    label: loss of p53\n    kind: phenotype\n")
    replace_in(
        compose_root / "curation/assertions/compose2025.yaml",
        "{conditions: [sorafenib], donors: [Huh-7], recipients: [Huh-7]}",
        "{conditions: [p53_loss], donors: [Huh-7], recipients: [Huh-7]}",
    )
    out = cli("path", "RAB27A", "AKT", "--root", str(compose_root)).output
    assert "chains cut by a composition rule, e.g.:" in out
    assert (
        "-> increase the activity of AKT  [a transfer needs the donors' state: extracellular exosome -> AKT is found"
        " for vesicles from donors under loss of p53 and RAB27A -> exosomal secretion does not state loss of p53]\n"
    ) in out


def test_why_not_counts_in_the_singular(cli: Cli, compose_root: Path) -> None:
    out = cli("path", "sorafenib", "AKT", "--max-length", "1", "--system", "in_vitro", "--root", str(compose_root))
    assert "sorafenib reaches 1 entity in up to 1 step: RAB27." in out.output


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EXOGRAPH_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        return exograph.load(PROJECT_ROOT)


def test_why_not_says_when_chains_from_other_contexts_were_left_out(real: KnowledgeGraph) -> None:
    """By default (no flag now) the chains joining steps from different contexts are left out, and why-not
    names the flag that brings them back."""
    found = real.path("hypoxia", "exosome secretion", 2, max_chains=500, across_contexts=True).chains
    every = {tuple(c.assertion_ids) for c in found}
    kept = real.path("hypoxia", "exosome secretion", 2, max_chains=500).chains
    dropped = every - {tuple(c.assertion_ids) for c in kept}
    assert dropped  # the curation has chains whose steps come from another context
    why = real.why_not("hypoxia", "exosome secretion", 2)
    (cut,) = [c for c in why.query.cuts if "--across-contexts" in c.reason]
    assert cut.count == len(dropped)
    assert {tuple(c.assertion_ids) for c in cut.examples} <= dropped


def test_unsigned_reasons_name_entities_not_keys(real: KnowledgeGraph) -> None:
    """'... the amount or activity of Rab5 (RAB5A, RAB5B, RAB5C)', never of the key RAB5_family."""
    from exograph.reason.render import chains_json, chains_table

    found = real.path("hypoxia", "exosome secretion", 2, max_chains=500, include_hypotheses=True)
    unsigned = [c for c in found.chains if c.unsigned_because and "RAB5_family" in c.unsigned_because]
    assert unsigned  # the reason the composition module gives names the key ...
    records = real.assertions(i for c in found.chains for i in c.assertion_ids)
    printed = chains_table(found, records) + chains_json(found) + real.explain(unsigned[0])
    assert "RAB5_family" not in printed.replace('"RAB5_family"', "")  # ... printed, only its name
    assert "the amount or activity of Rab5 (RAB5A, RAB5B, RAB5C)" in printed


def test_a_chain_the_answer_has_is_never_reported_cut(real: KnowledgeGraph) -> None:
    """hypoxia -> exosome secretion in ovarian cancer rests on one assertion; without the filter the same
    step pools eleven. It was reported "cut by the filter" though the answer prints it."""
    found = real.path("hypoxia", "exosome secretion", 1, disease="ovarian cancer")
    (chain,) = found.chains
    why = real.why_not("hypoxia", "exosome secretion", 1, disease="ovarian cancer")
    (cut,) = [c for c in why.query.cuts if c.filter]
    assert [c.sign for c in cut.examples] == [-1, 0]  # the decrease and the unsigned claim, not the increase
    assert all(len(c.steps) == 1 and c.steps[0].target == chain.steps[0].target for c in cut.examples)


def test_chains_cut_only_by_several_filters_say_so(real: KnowledgeGraph) -> None:
    why = real.why_not("hypoxia", "exosome secretion", 1, disease="cancer", system="in_vitro")
    reasons = [c.reason for c in why.query.cuts]
    assert "the filter --system in_vitro" in reasons
    several = next(c for c in why.query.cuts if c.reason.startswith("more than one filter"))
    assert several.filter is None and several.count >= 1
    assert "hypoxia: decreases exosome secretion" in why.text()
