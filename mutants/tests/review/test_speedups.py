"""The diff's shortcuts give exactly what the long way gives: impact from the changed assertions, each side's lint."""

from __future__ import annotations

import shutil
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import given, settings

from exograph.compiled.lint import lint
from exograph.compiled.store import Store
from exograph.layout import Layout
from exograph.review import impact
from exograph.review.compare import Comparison
from exograph.review.report import compare
from exograph.review.state import load_state
from tests.review import edits
from tests.review.test_properties import MINI, Edits, edited, random_edits


def _full_stores(comparison: Comparison) -> tuple[Store, Store]:
    return comparison.old.store, comparison.new.store


@settings(max_examples=20, deadline=None, database=None)
@given(random_edits())
def test_impact_asked_of_the_changed_assertions_equals_asking_every_assertion(done: Edits) -> None:
    for regrounded in ([], done.regrounded):  # same entities (the shortcut), then perhaps not (the long way)
        done.regrounded = regrounded
        with edited(done) as root:
            short = compare(str(MINI), str(root), root)
            with patch.object(impact, "_stores", _full_stores):
                full = compare(str(MINI), str(root), root)
        assert short.impact == full.impact


def test_impact_shortcut_reads_only_changed_assertions(tmp_path: Path) -> None:
    root = tmp_path / "root"
    shutil.copytree(MINI, root)
    edits.flip(root, edits.load(MINI, edits.ASSERTIONS)["assertions"][0]["id"])
    sizes: list[list[int]] = []
    real = impact._stores

    def spy(comparison: Comparison) -> tuple[Store, Store]:
        stores = real(comparison)
        sizes.append([len(list(s.assertions())) for s in stores])
        return stores

    with patch.object(impact, "_stores", spy):
        report = compare(str(MINI), str(root), root)
    assert sizes == [[1, 1]] and report.impact


def test_each_side_is_linted_as_exograph_lint_lints_it(tmp_path: Path) -> None:
    root = tmp_path / "root"
    shutil.copytree(MINI, root)
    edits.delete(root, edits.load(root, edits.ASSERTIONS)["assertions"][0]["id"])
    with load_state(root) as warm, load_state(root) as cached:
        assert warm.findings == cached.findings == lint(Layout(root), cache=False).findings
        assert warm.findings  # the fixture's deletion leaves an entity unused: the comparison has content


def test_a_second_diff_reads_no_file_again_not_even_the_revisions(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The per-file results are keyed by content and shared by every root, so the revision a diff unpacks
    into a new temporary folder each time finds the results kept by the diff before."""
    from exograph.compiled import incremental

    edits.delete(repo, edits.load(repo, edits.ASSERTIONS)["assertions"][0]["id"])
    compare(None, None, repo)  # the first diff checks both sides
    read: list[str] = []
    real = incremental.read_assertions
    monkeypatch.setattr(incremental, "PARALLEL_FROM", 10**6)  # in this process, where the reads are counted
    monkeypatch.setattr(incremental, "read_assertions", lambda p, layout: read.append(p.name) or real(p, layout))
    again = compare(None, None, repo)
    assert read == [] and again.assertions.removed  # neither side read again, the change still seen
