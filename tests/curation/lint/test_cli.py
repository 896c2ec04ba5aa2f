"""``exograph lint``: formats, statistics, rule selection, suppression and exit codes (0, 1, 2)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from tests.curation.lint.conftest import ASSERTIONS, Tree

Cli = Callable[..., Result]
FINDING = "curation/assertions/mini2024.yaml:41:16: EXO401 assertion 'mini2024-sorafenib-rab27a': 'increases' + negated"


def test_clean_exits_0(cli: Cli, tree: Tree) -> None:
    result = cli("lint", str(tree.root))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ok: no lint findings in ")


def test_findings_exit_1_with_position_code_and_fix(cli: Cli, mini: Path) -> None:
    result = cli("lint", str(mini))
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    assert first.startswith(FINDING)
    assert "Fix: a stated absence of effect denies any effect: set direction: regulates" in first
    assert "1 lint finding;" in result.output


def test_json(cli: Cli, mini: Path) -> None:
    result = cli("lint", str(mini), "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    (finding,) = data["findings"]
    assert finding["code"] == "EXO401" and finding["name"] == "signed-no-effect"
    assert (finding["file"], finding["line"], finding["column"]) == (ASSERTIONS, 41, 16)
    assert finding["fix"].startswith("a stated absence")
    assert data["statistics"] == [{"code": "EXO401", "name": "signed-no-effect", "count": 1}]
    assert data["validation_problems"] == []


def test_github_annotations(cli: Cli, mini: Path) -> None:
    result = cli("lint", str(mini), "--format", "github")
    assert result.exit_code == 1
    (line,) = result.output.splitlines()
    assert line.startswith(f"::warning file={ASSERTIONS},line=41,col=16,title=EXO401::assertion 'mini2024-sorafenib")
    assert "::" not in line.split("title=EXO401::", 1)[1]  # the message cannot end the command early


def test_statistics(cli: Cli, tree: Tree) -> None:
    tree.edit(ASSERTIONS, "target: PDCD4", "target: RAB27A")  # EXO102
    tree.edit(ASSERTIONS, "regulator: sorafenib\n    target: RAB27A", "regulator: sorafenib\n    target: sorafenib")
    tree.edit(ASSERTIONS, "direction: regulates", "direction: decreases")  # EXO401 and, above, EXO201
    tree.edit(
        ASSERTIONS, "    aspect: secretion\n    context", "    aspect: secretion\n    hypothesis: true\n    context"
    )
    result = cli("lint", str(tree.root), "--statistics")
    assert result.exit_code == 1
    rows = [line.split() for line in result.output.splitlines() if re.match(r"\s*\d+\s+EXO", line)]
    assert rows == [
        ["1", "EXO102", "quote-misses-target"],
        ["1", "EXO201", "self-regulation"],
        ["1", "EXO302", "unused-entity"],  # nothing uses PDCD4 any more
        ["1", "EXO401", "signed-no-effect"],
        ["1", "EXO702", "unhedged-hypothesis"],
    ]


def test_select_and_ignore(cli: Cli, mini: Path) -> None:
    assert cli("lint", str(mini), "--select", "EXO1,EXO2").exit_code == 0
    assert cli("lint", str(mini), "--ignore", "EXO401").exit_code == 0
    assert cli("lint", str(mini), "--select", "exo4").exit_code == 1


def test_unknown_code_is_a_usage_error(cli: Cli, mini: Path) -> None:
    result = cli("lint", str(mini), "--select", "EXO9")
    assert result.exit_code == 2
    assert "'EXO9' is not a lint rule code or prefix" in result.output


def test_list_rules(cli: Cli) -> None:
    result = cli("lint", "--list-rules")
    assert result.exit_code == 0
    codes = [line.split()[0] for line in result.output.splitlines()]
    assert codes == sorted(codes) and "EXO101" in codes and "EXO702" in codes
    assert "EXO101  quote-misses-regulator: No quote of the assertion names its regulator" in result.output


def test_suppression_with_a_note(cli: Cli, mini: Path) -> None:
    Tree(mini).edit(
        ASSERTIONS,
        "    negated: true\n",
        "    negated: true\n    note: the text denies an increase only\n    lint_ignore: [EXO401]\n",
    )
    result = cli("lint", str(mini))
    assert result.exit_code == 0, result.output


def test_suppression_without_a_note_is_a_validation_error_and_the_rest_is_linted(cli: Cli, mini: Path) -> None:
    tree = Tree(mini)
    tree.edit(ASSERTIONS, "    negated: true\n", "    negated: true\n    lint_ignore: [EXO401]\n")
    tree.edit(
        ASSERTIONS,
        "target: RAB27A\n    direction: increases\n    aspect: amount\n    mechanism",
        "target: HIF1A\n    direction: increases\n    aspect: amount\n    mechanism",
    )
    result = cli("lint", str(mini))
    assert result.exit_code == 1
    assert (
        "curation/assertions/mini2024.yaml:44:18: assertion 'mini2024-sorafenib-rab27a': lint_ignore: Value error, "
        "lint_ignore needs a note saying why" in result.output
    )
    assert "EXO201 assertion 'mini2024-hif1a-rab27a': regulator and target are both 'HIF1A'" in result.output
    assert "Traceback" not in result.output


def test_positions_survive_an_invalid_record_before(cli: Cli, tree: Tree) -> None:
    """An invalid record is dropped from the model's list; findings after it must still point at their own line."""
    tree.edit(
        ASSERTIONS,
        "direction: increases\n    aspect: secretion\n    context",
        "direction: up\n    aspect: secretion\n    context",
    )
    tree.edit(ASSERTIONS, "regulator: HIF1A", "regulator: RAB27A")
    result = cli("lint", str(tree.root), "--select", "EXO201")
    assert result.exit_code == 1
    assert "curation/assertions/mini2024.yaml:49:13: EXO201 assertion 'mini2024-hif1a-rab27a'" in result.output


def test_a_root_without_curation_is_a_usage_error(cli: Cli, tmp_path: Path) -> None:
    result = cli("lint", str(tmp_path))
    assert result.exit_code == 2
    assert "holds no curation/ and sources/ folders" in result.output
