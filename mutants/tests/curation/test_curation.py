"""The project's own curation: valid, complete reference lists, and the answers a biologist expects."""

from __future__ import annotations

from pathlib import Path

import pytest

from exograph.compiled.build import validate
from exograph.compiled.store import Store, open_store
from exograph.layout import Layout
from exograph.query.neighbours import Result, drivers, regulators, targets
from tests.conftest import PROJECT_ROOT


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EXOGRAPH_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        return open_store(PROJECT_ROOT)


def claims(result: Result) -> set[tuple[str, str, str, str]]:
    return {(a["regulator"], a["direction"], a["aspect"], a["target"]) for a in result.assertions}


def test_curation_is_valid_and_every_source_is_curated() -> None:
    checked, problems = validate(Layout(PROJECT_ROOT))
    assert problems == []
    per_source = {sid: sum(1 for s, _ in checked.assertions if s == sid) for sid in checked.sources}
    assert per_source["liang2021"] >= 25 and per_source["han2022"] >= 25
    assert min(per_source["neoplasia2021"], per_source["wang2021"], per_source["mu2025"]) >= 150


def test_curation_lints_clean() -> None:
    """Every lint rule holds on the project's curation, or is silenced on its record with a note saying why."""
    from exograph.compiled.lint import lint

    report = lint(Layout(PROJECT_ROOT))
    assert report.problems == []
    assert [str(f) for f in report.findings] == []


@pytest.mark.parametrize(("source", "count"), [("wang2021", 130), ("liang2021", 32), ("mu2025", 128)])
def test_reference_lists_are_complete(source: str, count: int) -> None:
    checked, _ = validate(Layout(PROJECT_ROOT))
    assert [r.number for r in checked.sources[source].references] == list(range(1, count + 1))


def test_what_drives_rab27a(store: Store) -> None:
    result = drivers(store, "Rab27a")
    assert {
        ("sorafenib", "increases", "activity", "RAB27A"),
        ("HNRNPH1", "increases", "amount", "RAB27A"),
        ("MITF", "increases", "amount", "RAB27A"),
        ("hypoxia", "increases", "amount", "RAB27A"),
    } <= claims(result)
    sorafenib = next(a for a in result.assertions if a["id"] == "liang2021-sorafenib-rab27a-activity")
    assert sorafenib["context"]["cell_lines"] == ["Huh-7"] and sorafenib["context"]["system"] == "in_vitro"
    assert any(ev["assay"] == "GST-JFC1 pull-down" for ev in sorafenib["evidence"])


def test_what_regulates_exosome_secretion(store: Store) -> None:
    found = claims(regulators(store, "exosome secretion"))
    for regulator in ("RAB27A", "sorafenib", "HGS", "GRM3", "SNAP23", "PKM", "hypoxia"):
        assert (regulator, "increases", "secretion", "exosome_secretion") in found, regulator
    assert ("nexinhib20", "decreases", "secretion", "exosome_secretion") in found


def test_broad_ev_secretion_gathers_narrower_terms(store: Store) -> None:
    broad = {a["target"] for a in regulators(store, "EV secretion").assertions}
    assert {"ev_secretion", "exosome_secretion", "microvesicle_release"} <= broad
    precise = {a["target"] for a in regulators(store, "exosome secretion").assertions}
    assert "exosome_secretion" in precise
    assert not precise & {"ev_secretion", "microvesicle_release", "small_ev_secretion", "large_oncosome_release"}


def test_what_hypoxia_acts_on(store: Store) -> None:
    found = claims(targets(store, "hypoxia"))
    assert ("hypoxia", "increases", "secretion", "exosome_secretion") in found
    assert any(c[2] == "cargo_loading" and c[3].startswith("miR-") for c in found)


def test_what_sorafenib_acts_on(store: Store) -> None:
    found = claims(targets(store, "sorafenib"))
    assert {
        ("sorafenib", "increases", "secretion", "exosome_secretion"),
        ("sorafenib", "increases", "activity", "RAB27A"),
    } <= found


def test_coverage_page_is_current(store: Store) -> None:
    from exograph.query.stats import counts, counts_text

    page = (PROJECT_ROOT / "docs" / "coverage.md").read_text(encoding="utf-8")
    assert counts_text(counts(store)) in page, "docs/coverage.md is stale: paste the output of 'exograph stats'"


def test_ids_cited_in_the_docs_exist(store: Store) -> None:
    import re

    pattern = re.compile(r"\b(?:han2022|liang2021|neoplasia2021|wang2021|mu2025)-[a-z0-9]+(?:-[a-z0-9]+)*")
    known = set(store.assertion_ids())
    cited = {m for path in (PROJECT_ROOT / "docs").glob("*.md") for m in pattern.findall(path.read_text())}
    cited = {c for c in cited if not c.endswith("-")}
    missing = sorted(cited - known)
    assert len(cited) > 10
    assert missing == []


def test_broken_copy_of_project_curation_fails_with_positions(tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "copy"
    for folder in ("curation", "sources"):
        shutil.copytree(PROJECT_ROOT / folder, root / folder)
    path = root / "curation/assertions/liang2021.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("target: RAB27A", "target: RAB27", 1), encoding="utf-8")
    line = text[: text.index("target: RAB27A")].count("\n") + 1
    problems = [str(p) for p in validate(Layout(root))[1]]
    assert len(problems) == 1
    assert problems[0].startswith(f"curation/assertions/liang2021.yaml:{line}:")
    assert "target 'RAB27' is not a known entity" in problems[0]
