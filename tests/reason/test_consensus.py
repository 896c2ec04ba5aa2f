"""The consensus per claim and its evidence score, checked against the formula docs/reasoning.md
documents, computed here by hand from the fixture's assertions (tests/fixtures/context)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

import exograph
from exograph.api import KnowledgeGraph
from tests.conftest import replace_in

from .conftest import Cli


@pytest.fixture
def ctx(context_tree: Path) -> KnowledgeGraph:
    return exograph.load(context_tree)


def claim_of(kg: KnowledgeGraph, name: str, regulator: str, target: str, aspect: str) -> exograph.api.Claim:
    return next(c for c in kg.summary(name).claims if (c.regulator, c.target, c.aspect) == (regulator, target, aspect))


def score(support: float, dissent: float) -> float:
    return round((support - dissent) / (support + dissent + 1), 2)


def test_a_primary_direct_test_against_a_review_without_references(ctx: KnowledgeGraph) -> None:
    c = claim_of(ctx, "RAB27A", "RAB27A", "exosome_secretion", "secretion")
    # for: primary (1.0) x direct (1.0) x knockdown (1.0);
    # against: a review's own word (0.4) x unstated (0.8) x untested (0.8)
    assert (c.support, c.dissent) == (1.0, 0.256)
    assert c.score == score(1.0, 0.256) == 0.33
    assert c.direction == "increases" and (c.increases, c.decreases) == (1, 1)
    assert (c.primary, c.cited, c.review, c.direct) == (1, 0, 1, 1)
    assert c.supporting == ("ctx2025-rab27a-exosome-secretion",)
    assert c.dissenting == ("ctxreview2024-rab27a-exosome-secretion",)
    assert c.perturbations == ("knockdown",) and c.contexts == ("hepatocellular_carcinoma",)


def test_one_study_counts_once(ctx: KnowledgeGraph) -> None:
    c = claim_of(ctx, "sorafenib", "sorafenib", "RAB27A", "amount")
    # two rows of one primary study (unstated 0.8, treated 1.0): one study's word, not two
    assert c.increases == 2 and c.sources == ("ctx2025",)
    assert c.support == 0.8 and c.score == score(0.8, 0) == 0.44


def test_cited_studies_and_primary_studies_add_up(ctx: KnowledgeGraph) -> None:
    c = claim_of(ctx, "PDCD4", "miR-21", "PDCD4", "amount")
    # the primary study (0.64) and the study the review cites (0.7 x 0.8 x 0.8 = 0.448)
    assert (c.primary, c.cited, c.review) == (1, 1, 0)
    assert c.support == pytest.approx(1.088) and c.score == 0.52


def test_negated_findings_dissent_and_are_named(ctx: KnowledgeGraph) -> None:
    c = claim_of(ctx, "RAB27A", "HIF1A", "RAB27A", "amount")
    assert c.negated_ids == ("ctx2025-hif1a-rab27a-in-vivo",) and c.dissenting == c.negated_ids
    assert c.score == score(1.0, 0.64) == 0.14
    assert c.systems == ("in_vitro", "in_vivo")


def test_a_tie_is_disputed_and_scores_zero(ctx: KnowledgeGraph) -> None:
    c = claim_of(ctx, "TP53", "TP53", "exosome_secretion", "secretion")
    assert c.direction == "disputed" and c.score == 0.0
    assert c.perturbations == ("activation", "knockdown")


def test_answers_ranked_by_score(ctx: KnowledgeGraph) -> None:
    usual = [a["id"] for a in ctx.neighbours("regulators", "PDCD4").assertions]
    ranked = ctx.neighbours("regulators", "PDCD4", rank="score")
    # the exosome class node's claim is disputed (0.0), miR-21's supported by two studies (0.52)
    assert usual[0] == "ctx2025-exosome-pdcd4-macrophage"
    assert [a["id"] for a in ranked.assertions][:2] == ["ctx2025-mir21-pdcd4-macrophage", "ctxreview2024-mir21-pdcd4"]
    assert ranked.scores["ctx2025-mir21-pdcd4-macrophage"] == 0.52
    assert ranked.scores["ctx2025-exosome-pdcd4-macrophage"] == 0.0
    with pytest.raises(ValueError, match="rank must be one of"):
        ctx.neighbours("regulators", "PDCD4", rank="evidence")


def test_summary_cli_in_every_format(cli: Cli, context_tree: Path) -> None:
    root = ("--root", str(context_tree))
    table = cli("summary", "exosome release", *root).output.splitlines()
    assert table[0].split() == [
        "SCORE", "REGULATOR", "CONSENSUS", "TARGET", "TALLY", "SOURCES", "EVIDENCE", "DIRECT", "PERTURBATIONS"
    ]  # fmt: skip
    assert table[1].split() == [
        "0.33", "RAB27A", "->", "increases", "secretion", "exosomal", "secretion", "+1", "-1", "2",
        "1", "primary/1", "review", "1/2", "knockdown",
    ]  # fmt: skip
    assert "      dissent: ctxreview2024-rab27a-exosome-secretion" in table
    data = json.loads(cli("summary", "exosome release", *root, "--format", "json").output)
    assert [c["score"] for c in data["claims"]] == [0.33, 0.0, 0.0]
    rows = [r.split("\t") for r in cli("summary", "TP53", *root, "--format", "tsv").output.splitlines()]
    assert rows[0][:5] == ["regulator", "target", "aspect", "direction", "score"]
    assert rows[1][:5] == ["TP53", "exosome_secretion", "secretion", "disputed", "0.0"]
    only = json.loads(cli("summary", "hypoxia", *root, "--system", "in_vivo", "--format", "json").output)
    assert only["claims"][0]["supporting"] == [
        "ctx2025-hypoxia-exosome-secretion-breast",
        "ctx2025-hypoxia-exosome-secretion-hcc",
    ]


def test_rank_option_on_queries(cli: Cli, context_tree: Path) -> None:
    data = json.loads(
        cli("regulators", "PDCD4", "--rank", "score", "--root", str(context_tree), "--format", "json").output
    )
    assert data["assertions"][0]["id"] == "ctx2025-mir21-pdcd4-macrophage" and data["scores"]
    header = cli("regulators", "PDCD4", "--rank", "score", "--root", str(context_tree)).output.splitlines()[0]
    assert header.split()[-1] == "SCORE"


def test_a_primary_study_is_one_study_whatever_it_cites(context_tree: Path) -> None:
    from tests.conftest import replace_in

    text = (context_tree / "sources/ctx2025.txt").read_text(encoding="utf-8")
    assert "Sorafenib raised RAB27A levels again in Huh-7 cells." in text
    # a primary paper citing background for one of its two rows does not become two studies
    path = context_tree / "sources/ctx2025.yaml"
    with path.open("a", encoding="utf-8") as handle:
        handle.write("references:\n  - number: 1\n    citation: 'Poe P: Background. J Test 3: 5-6, 2019.'\n")
    quoted = "      - quote: Sorafenib raised RAB27A levels again in Huh-7 cells.\n        section: Text\n"
    replace_in(context_tree / "curation/assertions/ctx2025.yaml", quoted, quoted + "        references: [1]\n")
    c = claim_of(exograph.load(context_tree), "sorafenib", "sorafenib", "RAB27A", "amount")
    assert c.support == 0.8 and c.score == 0.44


def test_chains_ranked_by_their_weakest_step(ctx: KnowledgeGraph) -> None:
    scores = {(c.regulator, c.target, c.aspect): c.score for c in ctx.summary("RAB27A").claims}
    scores |= {(c.regulator, c.target, c.aspect): c.score for c in ctx.summary("exosome release").claims}

    def weakest(chain: exograph.api.Chain) -> float:
        return min(max(scores[(s.regulator, s.target, a)] for a in s.aspects) for s in chain.steps)

    usual = ctx.regulators("exosome release", depth=2, include_negated=True).chains
    ranked = ctx.regulators("exosome release", depth=2, include_negated=True, rank="score").chains
    assert usual and sorted(c.assertion_ids for c in usual) == sorted(c.assertion_ids for c in ranked)
    weights = [weakest(c) for c in ranked]
    assert weights == sorted(weights, reverse=True) and weights != [weakest(c) for c in usual]
    # sorafenib -> RAB27A (0.44) -> exosome secretion (0.33) ranks by its weaker step, above HIF1A's (0.14)
    routes = [[s.regulator for s in c.steps] for c in ranked]
    assert routes.index(["sorafenib", "RAB27A"]) < routes.index(["HIF1A", "RAB27A"])


def test_negated_findings_dissent_from_unsigned_and_disputed_claims(context_tree: Path) -> None:
    """As docs/reasoning.md defines ``D``: negated findings of the consensus direction dissent, also when
    that direction is ``regulates`` (only unsigned) or a tie (increases counted as support)."""
    text = context_tree / "sources" / "ctx2025.txt"
    before = hashlib.sha256(text.read_bytes()).hexdigest()
    replace_in(
        text,
        "\n",
        "\np53 controlled RAB27A levels in HCC cells. p53 did not change RAB27A levels in mice. "
        "p53 did not raise exosome release in mice.\n",
    )
    replace_in(context_tree / "sources" / "ctx2025.yaml", before, hashlib.sha256(text.read_bytes()).hexdigest())
    with (context_tree / "curation" / "assertions" / "ctx2025.yaml").open("a", encoding="utf-8") as out:
        out.write(
            "  - id: ctx2025-tp53-rab27a-regulates\n    regulator: TP53\n    target: RAB27A\n"
            "    direction: regulates\n    aspect: amount\n    evidence:\n"
            "      - {quote: p53 controlled RAB27A levels in HCC cells., section: Text}\n"
            "  - id: ctx2025-tp53-rab27a-negated\n    regulator: TP53\n    target: RAB27A\n"
            "    direction: regulates\n    aspect: amount\n    negated: true\n    evidence:\n"
            "      - {quote: p53 did not change RAB27A levels in mice., section: Text}\n"
            "  - id: ctx2025-tp53-exosome-secretion-negated\n    regulator: TP53\n    target: exosome_secretion\n"
            "    direction: increases\n    aspect: secretion\n    negated: true\n    evidence:\n"
            "      - {quote: p53 did not raise exosome release in mice., section: Text}\n"
        )
    kg = exograph.load(context_tree)
    unsigned = claim_of(kg, "TP53", "TP53", "RAB27A", "amount")
    assert unsigned.direction == "regulates" and unsigned.negated_ids == ("ctx2025-tp53-rab27a-negated",)
    assert unsigned.dissenting == unsigned.negated_ids
    assert (unsigned.support, unsigned.dissent) == (0.64, 0.64) and unsigned.score == 0.0  # one study, each side
    disputed = claim_of(kg, "TP53", "TP53", "exosome_secretion", "secretion")
    assert disputed.direction == "disputed"
    assert disputed.dissenting == ("ctx2025-tp53-exosome-secretion-loss", "ctx2025-tp53-exosome-secretion-negated")
    summary = kg.summary("TP53")
    from exograph.reason.summary_text import summary_table

    table = summary_table(summary)
    assert "      dissent: ctx2025-tp53-rab27a-negated" in table
    assert "      dissent: ctx2025-tp53-exosome-secretion-loss, ctx2025-tp53-exosome-secretion-negated" in table


def test_chains_ranked_by_score_show_it(ctx: KnowledgeGraph, cli: Cli, context_tree: Path) -> None:
    """`--rank score` orders chains by their weakest step's score, and every format shows that score."""
    ranked = ctx.regulators("PDCD4", depth=2, rank="score")
    assert len(ranked.scores) == len(ranked.chains) and ranked.scores[0] == 0.52
    assert list(ranked.scores) == sorted(ranked.scores, reverse=True)
    assert ctx.regulators("PDCD4", depth=2).scores == ()
    args = ("regulators", "PDCD4", "--depth", "2", "--rank", "score", "--root", str(context_tree))
    assert "   = decreases; 1 step; 2 supporting sources; score 0.52" in cli(*args).output
    data = json.loads(cli(*args, "--format", "json").output)
    assert [c["score"] for c in data["chains"]] == list(ranked.scores)
    tsv = cli(*args, "--format", "tsv").output.splitlines()
    assert tsv[0].endswith("\tassertions\tscore") and tsv[1].endswith("\t0.52")


def test_every_consensus_line_names_its_aspect(ctx: KnowledgeGraph) -> None:
    """A claim only said absent ("none") or tied ("disputed") still says which aspect, so that it does not read
    as contradicting a claim on another aspect of the same target."""
    from exograph.reason.summary_text import summary_table

    table = summary_table(ctx.summary("TP53"))
    assert "<> disputed secretion  exosomal secretion" in table
    negated = summary_table(ctx.summary("RAB27A", system="in_vivo"))
    assert "-x no change in amount  RAB27A" in negated
    assert "\n      in vivo\n" in negated  # the system said once, not "in in vivo"
