"""Each kind of change, on small fixture trees: what the report records, checks and says about answers."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from exograph.review import markdown
from exograph.review.model import AnswerChange, Report
from exograph.review.report import compare
from tests.conftest import replace_in
from tests.review import edits


@pytest.fixture
def new(mini: Path, tmp_path: Path) -> Path:
    root = tmp_path / "new"
    shutil.copytree(mini, root)
    return root


def diff(old: Path, new: Path) -> Report:
    return compare(str(old), str(new), old)


def answers(report: Report) -> dict[tuple[str, str], tuple[list[str], list[str]]]:
    """(question, subject) -> (gained, lost), as readable 'other/via: effect [context]' strings."""

    def text(change: AnswerChange, gained: bool) -> list[str]:
        lines = change.gained if gained else change.lost
        return [f"{x.other}{'/' + x.via if x.via else ''}: {x.effect} {x.context}" for x in lines]

    return {(c.question, c.subject): (text(c, True), text(c, False)) for c in report.impact}


def kinds(report: Report) -> list[tuple[str, str]]:
    return [(item.kind, item.subject) for item in report.checklist]


def test_identical_sides_differ_in_nothing(mini: Path) -> None:
    report = diff(mini, mini)
    assert report.empty()
    assert report.checklist == [] and report.impact == []


def test_a_sign_flip_is_first_in_the_checklist_and_changes_the_drivers(mini: Path, new: Path) -> None:
    edits.flip(new, "mini2024-hypoxia-exosome-secretion")
    report = diff(mini, new)
    (change,) = report.assertions.changed
    assert [(f.field, f.old, f.new) for f in change.fields] == [("direction", "increases", "decreases")]
    assert kinds(report) == [("sign_flip", "mini2024-hypoxia-exosome-secretion")]
    assert report.checklist[0].quotes == ["Hypoxia increases exosome secretion in breast cancer cells [1]."]
    assert "Hypoxia increases exosomal secretion (Homo sapiens, breast cancer)" in report.checklist[0].text
    assert "secretion of exosomal secretion" not in report.checklist[0].text
    context = "['human', 'breast_cancer']"
    assert answers(report) == {
        ("drivers", "exosome_secretion"): ([], [f"hypoxia: increases secretion {context}"]),
        ("regulators", "exosome_secretion"): (
            [f"hypoxia: decreases secretion {context}"],
            [f"hypoxia: increases secretion {context}"],
        ),
        ("drivers", "ev_secretion"): ([], [f"hypoxia/exosome_secretion: increases secretion {context}"]),
        ("regulators", "ev_secretion"): (
            [f"hypoxia/exosome_secretion: decreases secretion {context}"],
            [f"hypoxia/exosome_secretion: increases secretion {context}"],
        ),
        ("targets", "hypoxia"): (
            [f"exosome_secretion: decreases secretion {context}"],
            [f"exosome_secretion: increases secretion {context}"],
        ),
    }


def test_a_negation_is_a_sign_flip(mini: Path, new: Path) -> None:
    replace_in(new / edits.ASSERTIONS, "    negated: true\n", "")
    report = diff(mini, new)
    assert kinds(report) == [("sign_flip", "mini2024-sorafenib-rab27a")]
    assert answers(report)[("drivers", "RAB27A")] == (["sorafenib: increases amount []"], [])


def test_a_retarget_to_degradation_is_a_sign_flip(mini: Path, new: Path) -> None:
    """Less PDCD4 and less degradation of PDCD4 are opposite effects on PDCD4, though the direction reads the same."""
    edits.set_aspect(new, "mini2024-mir21-pdcd4", "degradation")
    report = diff(mini, new)
    # the mechanism cannot produce degradation either: lint says so after the flip
    assert kinds(report)[0] == ("sign_flip", "mini2024-mir21-pdcd4")


def test_an_increase_retargeted_to_degradation_is_a_sign_flip(mini: Path, new: Path) -> None:
    edits.set_aspect(new, "mini2024-hypoxia-exosome-secretion", "degradation")
    assert ("sign_flip", "mini2024-hypoxia-exosome-secretion") in kinds(diff(mini, new))


def test_an_unsigned_effect_retargeted_to_degradation_stays_unsigned(mini: Path, new: Path) -> None:
    """'regulates' has no sign to flip: the change is an edited field, not a sign flip."""
    for root in (mini, new):
        edits.set_direction(root, "mini2024-mir21-pdcd4", "regulates")
    edits.set_aspect(new, "mini2024-mir21-pdcd4", "degradation")
    report = diff(mini, new)
    assert [f.field for f in report.assertions.changed[0].fields] == ["aspect"]
    assert "sign_flip" not in [kind for kind, _ in kinds(report)]


def test_an_aspect_change_that_keeps_the_net_sign_is_not_a_flip(mini: Path, new: Path) -> None:
    edits.set_aspect(new, "mini2024-mir21-pdcd4", "activity")
    report = diff(mini, new)
    assert [f.field for f in report.assertions.changed[0].fields] == ["aspect"]
    assert "sign_flip" not in [kind for kind, _ in kinds(report)]


def test_a_context_change_is_a_changed_field_not_a_flip(mini: Path, new: Path) -> None:
    edits.set_context(new, "mini2024-rab27a-exosome-secretion", {"organisms": ["human"]})
    report = diff(mini, new)
    assert [f.field for f in report.assertions.changed[0].fields] == ["context"]
    assert report.checklist == []
    assert answers(report)[("drivers", "exosome_secretion")] == (
        ["RAB27A: increases secretion ['human']"],
        ["RAB27A: increases secretion []"],
    )


def test_an_added_assertion_gains_answers(mini: Path, new: Path) -> None:
    edits.add(new, edits.HIF1A_UNDER_HYPOXIA)
    report = diff(mini, new)
    assert [a["id"] for a in report.assertions.added] == ["mini2024-hif1a-rab27a-hypoxia"]
    assert report.checklist == []
    assert answers(report)[("drivers", "RAB27A")] == (["HIF1A: may increase amount ['hypoxia']"], [])


def test_an_added_assertion_whose_quote_names_neither_end_is_flagged(mini: Path, new: Path) -> None:
    record = {**edits.HIF1A_UNDER_HYPOXIA, "regulator": "sorafenib", "target": "PDCD4"}
    edits.add(new, record)
    report = diff(mini, new)
    found = sorted(item.text.split(" ")[0] for item in report.checklist)
    assert found == ["EXO101", "EXO102"]  # new lint findings: the quote names neither end
    assert all(i.kind == "lint" and "mini2024-hif1a-rab27a-hypoxia" in i.text for i in report.checklist)
    assert all(i.subject.startswith("curation/assertions/mini2024.yaml:") for i in report.checklist)


def test_a_removed_assertion_shows_its_evidence(mini: Path, new: Path) -> None:
    edits.delete(new, "mini2024-mir21-pdcd4")
    report = diff(mini, new)
    assert [a["id"] for a in report.assertions.removed] == ["mini2024-mir21-pdcd4"]
    (item,) = [i for i in report.checklist if i.kind != "lint"]
    assert sorted(i.text.split("'")[1] for i in report.checklist if i.kind == "lint") == [
        "PDCD4",
        "fibroblast",
        "malignant_cell",
        "miR-21",
    ]  # entities the removed claim leaves unused (EXO302)
    assert item.kind == "removed_evidence"
    assert item.quotes == ["Exosomal miR-21 from fibroblasts suppresses PDCD4 in cancer cells [2]."]
    assert answers(report) == {
        ("regulators", "PDCD4"): ([], ["miR-21: decreases amount ['fibroblast', 'malignant_cell']"]),
        ("targets", "miR-21"): ([], ["PDCD4: decreases amount ['fibroblast', 'malignant_cell']"]),
    }


def test_a_quote_removed_from_an_assertion_is_removed_evidence(mini: Path, new: Path) -> None:
    second = "\n      - quote: Knockdown of RAB27A reduced exosome release.\n        section: Text\n"
    replace_in(mini / edits.ASSERTIONS, "HIF-1 may drive RAB27A expression.\n        section: Text\n", "X")
    replace_in(mini / edits.ASSERTIONS, "X", "HIF-1 may drive RAB27A expression.\n        section: Text" + second)
    report = diff(mini, new)
    assert [f.field for f in report.assertions.changed[0].fields] == ["evidence"]
    (item,) = report.checklist
    assert (item.kind, item.subject, item.quotes) == (
        "removed_evidence",
        "mini2024-hif1a-rab27a",
        ["Knockdown of RAB27A reduced exosome release."],
    )
    assert report.impact == []


def test_a_renamed_id_is_a_rename_and_changes_no_answer(mini: Path, new: Path) -> None:
    edits.rename(new, "mini2024-rab27a-exosome-secretion", "mini2024-rab27a-exosome-release")
    report = diff(mini, new)
    assert [(r.old, r.new) for r in report.assertions.renamed] == [
        ("mini2024-rab27a-exosome-secretion", "mini2024-rab27a-exosome-release")
    ]
    assert report.assertions.added == report.assertions.removed == []
    assert report.impact == [] and report.checklist == []


def test_a_regrounded_entity_names_both_identifiers_and_labels(mini: Path, new: Path) -> None:
    edits.edit_entity(new, "PDCD4", {"curie": "HGNC:8764", "label": "PDCD4 (regrounded)"})
    report = diff(mini, new)
    (change,) = report.entities.changed
    assert [f.field for f in change.fields] == ["curie", "label"]
    regrounded = [i for i in report.checklist if i.kind == "regrounded"]
    assert [i.text for i in regrounded] == ["identifier changed: HGNC:8763 (PDCD4) → HGNC:8764 (PDCD4 (regrounded))"]
    assert ("name_resolution", "pdcd4 (regrounded)") in kinds(report)
    assert report.impact == []


def test_a_removed_synonym_changes_which_names_resolve(mini: Path, new: Path) -> None:
    edits.edit_entity(new, "hypoxia", {"synonyms": ["low oxygen"]})
    report = diff(mini, new)
    texts = {i.subject: i.text for i in report.checklist if i.kind == "name_resolution"}
    assert texts == {"hypoxic": "'hypoxic' no longer finds Hypoxia", "low oxygen": "'low oxygen' now finds Hypoxia"}


def test_a_synonym_moved_to_another_entity_says_where(mini: Path, new: Path) -> None:
    edits.edit_entity(new, "HIF1A", {"synonyms": []})
    edits.edit_entity(new, "RAB27A", {"synonyms": ["Rab27a", "HIF-1"]})
    report = diff(mini, new)
    assert "'hif-1' now finds RAB27A instead of HIF1A" in [i.text for i in report.checklist]
    # the quote "HIF-1 may drive RAB27A expression." no longer names HIF1A
    assert any(i.kind == "lint" and "EXO101" in i.text and "mini2024-hif1a-rab27a'" in i.text for i in report.checklist)


def test_a_broader_link_removed_changes_the_broad_concepts_answers(mini: Path, new: Path) -> None:
    edits.edit_entity(new, "exosome_secretion", {"broader": []})
    report = diff(mini, new)
    assert [f.field for f in report.entities.changed[0].fields] == ["broader"]
    gained, lost = answers(report)[("drivers", "ev_secretion")]
    assert gained == []
    assert sorted(lost) == [
        "RAB27A/exosome_secretion: increases secretion []",
        "hypoxia/exosome_secretion: increases secretion ['human', 'breast_cancer']",
    ]


def test_an_added_entity_and_a_changed_source(mini: Path, new: Path) -> None:
    data = edits.load(new, edits.ENTITIES)
    data["entities"].append({"key": "CD63", "curie": "HGNC:1692", "label": "CD63", "kind": "gene"})
    edits.dump(new, edits.ENTITIES, data)
    text = new / "sources/mini2024.txt"
    text.write_bytes(text.read_bytes() + b"A sentence added to the snapshot.\n")
    record = new / "sources/mini2024.yaml"
    old_sha = hashlib.sha256((mini / "sources/mini2024.txt").read_bytes()).hexdigest()
    replace_in(record, old_sha, hashlib.sha256(text.read_bytes()).hexdigest())
    replace_in(record, "    doi: 10.1000/test.1\n", "    doi: 10.1000/test.9\n")
    report = diff(mini, new)
    assert [e["key"] for e in report.entities.added] == ["CD63"]
    (source,) = report.sources.changed
    assert [f.field for f in source.fields] == ["references", "sha256"]
    (unused,) = report.checklist  # nothing uses the new entity yet
    assert unused.kind == "lint" and unused.text.startswith("EXO302 entity 'CD63'")
    assert report.impact == []
    text = markdown.render(report)
    assert f"  - text snapshot changed (sha256 {old_sha[:12]}… → " in text
    assert "  - references: changed 1\n" in text
    back = diff(new, mini)
    assert [e["key"] for e in back.entities.removed] == ["CD63"]
    assert back.checklist == [] and back.impact == []


def test_invalid_new_side_exits_1_and_still_reports(mini: Path, new: Path, cli: Callable[..., Result]) -> None:
    edits.flip(new, "mini2024-hypoxia-exosome-secretion")
    replace_in(new / edits.ASSERTIONS, "regulator: sorafenib", "regulator: sorafenibb")
    result = cli("diff", "--format", "markdown", str(mini), str(new))
    assert result.exit_code == 1
    assert "> [!CAUTION]" in result.output
    assert "- [ ] **Validation problem on NEW** `curation/assertions/mini2024.yaml:" in result.output
    assert "regulator 'sorafenibb' is not a known entity" in result.output
    assert "**Sign flip** `mini2024-hypoxia-exosome-secretion`" in result.output
    report = Report.model_validate_json(cli("diff", "--format", "json", str(mini), str(new)).output)
    assert [a["id"] for a in report.assertions.removed] == ["mini2024-sorafenib-rab27a"]
    assert report.new_problems and report.old_problems == []


def test_an_invalid_old_side_is_compared_as_is_with_exit_0(mini: Path, new: Path, cli: Callable[..., Result]) -> None:
    replace_in(mini / edits.ASSERTIONS, "regulator: sorafenib", "regulator: sorafenibb")
    result = cli("diff", "--format", "markdown", str(mini), str(new))
    assert result.exit_code == 0
    assert "Validation problems on OLD (1)" in result.output


def test_a_changed_target_reads_as_moved_with_labels(mini: Path, new: Path, cli: Callable[..., Result]) -> None:
    replace_in(
        new / edits.ASSERTIONS,
        "    regulator: HIF1A\n    target: RAB27A\n",
        "    regulator: HIF1A\n    target: PDCD4\n",
    )
    edits.set_context(new, "mini2024-rab27a-exosome-secretion", {"organisms": ["human"], "system": "in_vitro"})
    text = cli("diff", "--format", "markdown", str(mini), str(new)).output
    assert "  - target moved: RAB27A → PDCD4\n" in text
    assert "  - context: (none) → (Homo sapiens, in vitro)\n" in text
    lint = [i.text for i in diff(mini, new).checklist if i.kind == "lint"]
    assert any("EXO102" in text and "mini2024-hif1a-rab27a'" in text for text in lint)
