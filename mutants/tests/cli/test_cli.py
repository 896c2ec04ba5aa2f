"""The command line: outputs, exit codes (0 clean, 1 curation problems, 2 usage) and no tracebacks."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import replace_in

Cli = Callable[..., Result]


def test_validate_clean(cli: Cli, mini: Path) -> None:
    result = cli("validate", str(mini))
    assert result.exit_code == 0
    assert result.output.startswith("ok: 1 sources, 12 entities, 5 assertions")


def test_validate_broken_reports_all_with_positions(cli: Cli, mini: Path) -> None:
    replace_in(mini / "curation/assertions/mini2024.yaml", "target: PDCD4", "target: PDCD")
    replace_in(mini / "curation/entities/entities.yaml", "kind: chemical", "kind: drug")
    result = cli("validate", str(mini))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith("curation/assertions/mini2024.yaml:26:13: assertion 'mini2024-mir21-pdcd4': target")
    assert any(line.startswith("curation/entities/entities.yaml:") and "kind" in line for line in lines)
    # the entity was dropped: its one reference is counted at its definition, not reported as unknown
    assert "entity 'sorafenib' is defined at curation/entities/entities.yaml:27 but invalid, so 1 reference" in (
        result.output
    )
    assert "regulator 'sorafenib' is not a known entity" not in result.output
    assert lines[-1].startswith("3 problems found")
    assert "Traceback" not in result.output


@pytest.mark.parametrize("content", [b"a: [1\n", b"\xff\xfe", b"- just\n- a list\n", b"entities: yes\n"])
def test_garbage_files_never_traceback(cli: Cli, mini: Path, content: bytes) -> None:
    (mini / "curation/entities/bad.yaml").write_bytes(content)
    result = cli("validate", str(mini))
    assert result.exit_code == 1
    assert "curation/entities/bad.yaml:" in result.output
    assert "Traceback" not in result.output


def test_query_on_broken_curation_exits_1(cli: Cli, mini: Path) -> None:
    replace_in(mini / "curation/assertions/mini2024.yaml", "target: PDCD4", "target: PDCD")
    result = cli("drivers", "RAB27A", "--root", str(mini))
    assert result.exit_code == 1
    assert "target 'PDCD' is not a known entity" in result.output


def test_drivers_table(cli: Cli, mini: Path) -> None:
    result = cli("drivers", "Rab27a", "--root", str(mini), "--evidence")
    assert result.exit_code == 0, result.output
    assert "HIF1A" in result.output and "hypothesis" in result.output
    assert '"HIF-1 may drive RAB27A expression."' in result.output
    assert result.output.rstrip().endswith("(1 assertion)")


def test_regulators_json_and_tsv(cli: Cli, mini: Path) -> None:
    data = json.loads(cli("regulators", "EV secretion", "--root", str(mini), "--format", "json").output)
    assert data["subject"] == "ev_secretion"
    assert [a["id"] for a in data["assertions"]] == [
        "mini2024-hypoxia-exosome-secretion",
        "mini2024-rab27a-exosome-secretion",
    ]
    rows = cli("regulators", "EV secretion", "--root", str(mini), "--format", "tsv").output.splitlines()
    header = rows[0].split("\t")
    assert len(rows) == 3 and header[:3] == ["id", "source", "regulator"]
    assert dict(zip(header, rows[1].split("\t"), strict=True))["diseases"] == "breast_cancer"


def test_unknown_name_is_usage_error(cli: Cli, mini: Path) -> None:
    result = cli("targets", "Hypoxa", "--root", str(mini))
    assert result.exit_code == 2
    assert "no entity is called 'Hypoxa'; did you mean: hypoxia?" in result.output


def test_bad_option_is_usage_error(cli: Cli, mini: Path) -> None:
    assert cli("drivers", "RAB27A", "--root", str(mini), "--format", "xml").exit_code == 2
    assert cli("validate", str(mini / "curation")).exit_code == 2


def test_filters(cli: Cli, mini: Path) -> None:
    result = cli("regulators", "exosome secretion", "--root", str(mini), "--disease", "breast cancer")
    assert "hypoxia" in result.output.lower() and "RAB27A" not in result.output


def test_show_assertion_and_entity(cli: Cli, mini: Path) -> None:
    text = cli("show", "mini2024-mir21-pdcd4", "--root", str(mini)).output
    assert "hsa-mir-21 -| PDCD4: decreases amount (mechanism: post transcriptional)" in text
    assert "from fibroblast; into malignant cell" in text
    assert "[2] Poe P: Fibroblast miRNAs." in text
    entity = cli("show", "HGNC:9766", "--root", str(mini)).output
    assert "identifier: HGNC:9766" in entity and "1 as regulator, 2 as target" in entity
    missing = cli("show", "mini2024-nothing", "--root", str(mini))
    assert missing.exit_code == 2


def test_stats(cli: Cli, mini: Path) -> None:
    data = json.loads(cli("stats", "--root", str(mini), "--format", "json").output)
    assert data["assertions"] == 5
    assert data["by_source"] == {"mini2024": 5}
    assert data["flags"] == {"exosomal_cargo": 1, "hypothesis": 1, "negated": 1}
    assert data["entity_kinds"]["gene"] == 3
    assert "5 assertions, 12 entities" in cli("stats", "--root", str(mini)).output


def test_fmt_check_names_the_fix(cli: Cli, mini: Path) -> None:
    replace_in(mini / "curation/entities/entities.yaml", "synonyms: [hypoxic]", "synonyms:\n      - hypoxic")
    result = cli("fmt", "--check", str(mini))
    assert result.exit_code == 1
    assert "would reformat curation/entities/entities.yaml" in result.output
    assert "run 'exograph fmt' to fix" in result.output
    assert cli("fmt", str(mini)).exit_code == 0
    assert cli("fmt", "--check", str(mini)).exit_code == 0


def test_version(cli: Cli) -> None:
    assert cli("--version").output.startswith("exograph, version ")


def test_name_that_is_not_utf8_is_unknown(cli: Cli, mini: Path) -> None:
    result = cli("drivers", "\udcff", "--root", str(mini))  # what Python makes of the byte 0xff on a command line
    assert result.exit_code == 2
    assert "no entity is called '\\udcff'" in result.output


def test_export_from_a_deleted_folder(cli: Cli, mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    result = cli("export", "--root", str(mini), "--format", "sif", "-o", "x.sif")
    assert result.exit_code == 2
    assert "the current folder no longer exists" in result.output
