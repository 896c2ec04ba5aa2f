"""The chain commands' output: table, JSON and TSV shapes, and usage errors."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import Cli


def test_depth_one_is_the_plain_query(cli: Cli, chain_root: Path) -> None:
    plain = cli("regulators", "PDCD4", "--root", str(chain_root)).output
    assert plain == cli("regulators", "PDCD4", "--root", str(chain_root), "--depth", "1").output
    assert plain.splitlines()[0].split() == ["REGULATOR", "EFFECT", "TARGET", "CONTEXT", "FLAGS", "ASSERTION"]


def test_chain_table(cli: Cli, chain_root: Path) -> None:
    out = cli("regulators", "PDCD4", "--depth", "3", "--root", str(chain_root), "--max-chains", "4").output
    lines = out.splitlines()
    assert lines[:2] == ["1. hsa-mir-21: decreases the amount of PDCD4", "   = decreases; 1 step; 1 supporting source"]
    # the same regulator and target as vesicle cargo is another step, and its header says who sends it to whom
    assert "2. exosomal hsa-mir-21 from fibroblasts to malignant cells: decreases the amount of PDCD4" in lines
    assert "      mini2024-mir21-pdcd4  (from fibroblast; into malignant cell)" in lines
    assert lines[-2:] == [
        "(4 chains; 2 more cut: raise --max-chains to see them)",  # 3 more before chains across contexts left out
        "(1 chain left out: steps from different diseases or cells; --across-contexts shows them, marked)",
    ]


def test_chains_from_other_contexts_are_left_out_by_default(cli: Cli, chain_root: Path) -> None:
    """Hypoxia -> HIF1A (breast cancer) -> miR-21 (HCC) joins findings from two diseases: no paper made that
    inference, so the default leaves it out and says so; --across-contexts shows it, marked; --coherent (the old
    way of asking for the default) is still accepted."""
    chain = "Hypoxia: increases the activity of HIF1A -> increases the amount of hsa-mir-21"
    default = cli("regulators", "miR-21", "--depth", "2", "--root", str(chain_root)).output.splitlines()
    assert not any(line.endswith(chain) for line in default)
    assert default[-2:] == [
        "(4 chains)",
        "(1 chain left out: steps from different diseases or cells; --across-contexts shows them, marked)",
    ]
    old = cli("regulators", "miR-21", "--depth", "2", "--root", str(chain_root), "--coherent")
    assert old.exit_code == 0 and old.output.splitlines() == default
    args = ("regulators", "miR-21", "--depth", "2", "--root", str(chain_root), "--across-contexts")
    marked = cli(*args).output.splitlines()
    at = marked.index("3. " + chain)
    assert marked[at + 1] == "   = increases; 2 steps; 1 supporting source  [steps from another context]"
    assert "   Hypoxia increases the activity of HIF1A  [other disease (breast cancer)]" in marked  # which one
    assert marked[-1] == "(5 chains)"
    data = json.loads(cli("regulators", "miR-21", "--depth", "2", "--root", str(chain_root), "--format", "json").output)
    assert data["other_contexts"] == 1 and len(data["chains"]) == 4


def test_chain_json_carries_ids(cli: Cli, chain_root: Path) -> None:
    args = ("drivers", "PDCD4", "--depth", "3", "--root", str(chain_root), "--format", "json")
    data = json.loads(cli(*args).output)
    assert {k: data[k] for k in ("query", "subject", "end", "cut", "complete")} == {
        "query": "drivers",
        "subject": "PDCD4",
        "end": None,
        "cut": 0,
        "complete": True,
    }
    (chain,) = data["chains"]
    assert chain["sign"] == "increases" and chain["length"] == 2 and chain["coherent"] is True
    # TP53 acts in hepatoma cells: the exosomal miR-21 of fibroblasts (mini2024) never follows it
    assert [s["assertions"] for s in chain["steps"]] == [["chain2025-tp53-mir21"], ["chain2025-mir21-pdcd4"]]
    assert chain["header"] == "TP53: decreases the amount of hsa-mir-21 -> decreases the amount of PDCD4"
    assert chain["steps"][0]["regulator_label"] == "TP53" and chain["steps"][0]["sign"] == "decreases"
    explained = json.loads(cli(*args, "--explain").output)
    assert explained["chains"][0]["explanation"].endswith("Together: TP53 is expected to increase PDCD4 (2 steps).")


def test_chain_tsv(cli: Cli, chain_root: Path) -> None:
    rows = [
        r.split("\t")
        for r in cli("path", "KRAS", "PDCD4", "--root", str(chain_root), "--format", "tsv").output.splitlines()
    ]
    header = rows[0]
    assert header[:5] == ["chain", "chain_sign", "length", "coherent", "step"] and header[-1] == "assertions"
    records = [dict(zip(header, r, strict=True)) for r in rows[1:]]
    assert len(records) == 6  # two chains of three steps
    # equal length and evidence: the tie is broken by assertion ids
    assert [r["assertions"] for r in records if r["chain"] == "2"] == [
        "chain2025-kras-tp53-degradation",
        "chain2025-tp53-mir21",
        "chain2025-mir21-pdcd4",
    ]


def test_path_command(cli: Cli, chain_root: Path) -> None:
    out = cli(
        "path",
        "hypoxia",
        "exosome secretion",
        "--root",
        str(chain_root),
        "--include-hypotheses",
        "--max-length",
        "4",
        "--across-contexts",  # the hypothesis chain joins steps from two diseases
    ).output
    assert "   HIF1A may increase the amount of RAB27A  [hypothesis]" in out
    assert "   HIF1A may increase the amount of RAB27A  [hypothesis; member-level of RAB27]" in out
    # a hypothesis anywhere hedges the whole chain
    assert "   = may increase; 3 steps; 2 supporting sources  [steps from another context]" in out
    without = cli("path", "hypoxia", "exosome secretion", "--root", str(chain_root), "--max-length", "4").output
    assert "HIF1A" not in without and without.rstrip().endswith("(2 chains)")
    coherent = cli("path", "KRAS", "PDCD4", "--root", str(chain_root), "--coherent").output
    assert coherent.rstrip().endswith("(2 chains)")
    nothing = cli("path", "PDCD4", "KRAS", "--root", str(chain_root))
    assert nothing.exit_code == 0 and nothing.output.splitlines() == [
        "No chains for path PDCD4 to KRAS match.",
        "Why not:",
        "  PDCD4 reaches nothing in up to 3 steps (no usable step starts there).",
        "  Nothing reaches KRAS in up to 3 steps (no usable step ends there).",
        "  No chain is cut by the length, the filters, hypotheses, negated findings or the composition rules.",
    ]


def test_usage_errors(cli: Cli, chain_root: Path) -> None:
    unknown = cli("path", "hypoxa", "PDCD4", "--root", str(chain_root))
    assert unknown.exit_code == 2 and "did you mean: hypoxia?" in unknown.output
    assert cli("drivers", "PDCD4", "--depth", "0", "--root", str(chain_root)).exit_code == 2
    assert cli("drivers", "PDCD4", "--depth", "7", "--root", str(chain_root)).exit_code == 2
    assert cli("path", "KRAS", "PDCD4", "--max-chains", "0", "--root", str(chain_root)).exit_code == 2
    assert cli("conflicts", "nothing-here", "--root", str(chain_root)).exit_code == 2
    deep = cli("regulators", "Hypoxa", "--depth", "2", "--root", str(chain_root))
    assert deep.exit_code == 2 and "no entity is called 'Hypoxa'" in deep.output


def test_path_prints_a_quote_per_assertion_and_evidence_all(cli: Cli, chain_root: Path) -> None:
    out = cli("path", "KRAS", "TP53", "--root", str(chain_root)).output.splitlines()
    assert out[0] == "1. KRAS: increases the degradation of TP53 (so less TP53)"
    assert out[2:5] == [
        "   KRAS increases the degradation of TP53 (so less TP53)",
        "      chain2025-kras-tp53-degradation  (no context stated)",
        '        "KRAS promoted the degradation of TP53." [Text]',
    ]
    deep = cli("regulators", "TP53", "--depth", "2", "--root", str(chain_root)).output
    assert "KRAS promoted" not in deep
    assert (
        '"KRAS promoted the degradation of TP53." [Text]'
        in cli("regulators", "TP53", "--depth", "2", "--root", str(chain_root), "--evidence").output
    )


def test_why_not_names_the_flag_that_brings_chains_across_contexts_back(cli: Cli, chain_root: Path) -> None:
    out = cli("path", "hypoxia", "miR-21", "--root", str(chain_root)).output.splitlines()
    assert out[:2] == [
        "No chains for path Hypoxia to hsa-mir-21 match.",
        "(1 chain left out: steps from different diseases or cells; --across-contexts shows them, marked)",
    ]
    at = out.index(
        "  1 chain cut by steps from different diseases or cells (--across-contexts shows them, marked), e.g.:"
    )
    assert out[at + 1] == "    Hypoxia: increases the activity of HIF1A -> increases the amount of hsa-mir-21"
    shown = cli("path", "hypoxia", "miR-21", "--root", str(chain_root), "--across-contexts").output
    assert "   = increases; 2 steps; 1 supporting source  [steps from another context]" in shown
    assert "Why not" not in shown
