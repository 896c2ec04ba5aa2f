"""The per-file cache on the tiny fixture: what it reuses, what it reads again, and that its answer is always
the answer for the files as they are (also when they change while it reads them).

``tests/compiled/test_incremental.py`` compares the cache with a full run after random edits of a generated
curation; these tests pin each reason a kept result may or may not be reused, one at a time.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from exograph.compiled import incremental
from exograph.compiled.build import validate as full_validate
from exograph.compiled.lint import lint
from exograph.compiled.store import FilesChanged, cache_dir
from exograph.layout import Layout, digest_of
from tests.conftest import replace_in
from tests.curation.lint.conftest import ASSERTIONS, Tree

FILE = "curation/assertions/mini2024.yaml"


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The assertion files read, in this process."""
    read: list[str] = []
    real = incremental.read_assertions
    monkeypatch.setattr(incremental, "read_assertions", lambda p, layout: read.append(p.name) or real(p, layout))
    return read


def _problems(root: Path, **options: bool) -> list[str]:
    return [str(p) for p in incremental.validate(Layout(root), **options).problems]


def _full(root: Path) -> list[str]:
    return [str(p) for p in full_validate(Layout(root))[1]]


def test_an_unchanged_root_is_answered_from_the_cache(
    mini: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    loads = _edit_once(monkeypatch, "load", lambda: None)  # the sources and entities read and checked
    first = incremental.validate(Layout(mini))
    assert (first.problems, first.assertions, reads, len(loads)) == ([], 5, ["mini2024.yaml"], 1)
    reads.clear()
    again = incremental.validate(Layout(mini))
    assert (again.problems, again.assertions, reads, len(loads)) == ([], 5, [], 1)  # all of it kept


def test_without_the_cache_every_file_is_read_and_nothing_is_kept(mini: Path, reads: list[str]) -> None:
    for _ in range(2):
        assert _problems(mini, cache=False) == []
    assert reads == ["mini2024.yaml", "mini2024.yaml"]
    assert not (cache_dir() / incremental.RESULTS).exists()
    reads.clear()
    assert _problems(mini) == [] and reads == ["mini2024.yaml"]  # nothing was kept for it


def test_an_edited_assertion_file_is_checked_against_the_kept_sources(mini: Path, reads: list[str]) -> None:
    """The sources and entities come from the cache; the quote check still reads the source text."""
    assert _problems(mini) == []
    replace_in(mini / FILE, "Knockdown of RAB27A reduced", "Knockdown of RAB27A lowered")
    reads.clear()
    problems = _problems(mini)
    assert problems == _full(mini) and reads == ["mini2024.yaml"]
    assert len(problems) == 1 and "quote not found" in problems[0]


def test_a_changed_definition_checks_every_file_again(mini: Path, reads: list[str]) -> None:
    assert _problems(mini) == []
    replace_in(mini / "curation/entities/entities.yaml", "  - key: PDCD4\n", "  - key: PDCD4X\n")
    reads.clear()
    problems = _problems(mini)
    assert problems == _full(mini) and reads == ["mini2024.yaml"] and problems
    replace_in(mini / "curation/entities/entities.yaml", "  - key: PDCD4X\n", "  - key: PDCD4\n")
    reads.clear()
    assert _problems(mini) == [] and reads == []  # the first results, kept under the first definitions


def test_a_changed_text_snapshot_checks_every_file_again(mini: Path, reads: list[str]) -> None:
    assert _problems(mini) == []
    text = mini / "sources/mini2024.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("Knockdown", "Silencing"), encoding="utf-8")
    reads.clear()
    problems = _problems(mini)
    assert problems == _full(mini) and reads == ["mini2024.yaml"]
    assert any("quote not found" in p for p in problems)


def test_the_same_bytes_under_another_name_are_read_again(mini: Path, reads: list[str]) -> None:
    assert _problems(mini) == []
    (mini / FILE).rename(mini / "curation/assertions/renamed.yaml")
    reads.clear()
    problems = _problems(mini)
    assert problems == _full(mini) and reads == ["renamed.yaml"]
    assert problems == ["curation/assertions/renamed.yaml:1:9: assertions of source 'mini2024' must live in " + FILE]


def test_repeated_ids_across_files_are_found_from_kept_results(mini: Path) -> None:
    assert _problems(mini) == []
    shutil.copy(mini / FILE, mini / "curation/assertions/copy.yaml")
    first = incremental.validate(Layout(mini))
    assert [str(p) for p in first.problems] == _full(mini) and len(first.problems) >= 5
    assert first.assertions == 5  # one of each pair is kept
    again = incremental.validate(Layout(mini))  # every file now answered from the cache
    assert again.problems == first.problems and again.assertions == 5


def test_rows_are_the_clean_assertions_kept_across_files(mini: Path) -> None:
    import json

    outcome = incremental.validate(Layout(mini), want_rows=True)
    ids = sorted(json.loads(row[5])["id"] for row in outcome.rows)
    assert ids == sorted(row[0] for row in outcome.rows) and len(ids) == 5
    assert [step[0][0] for step in outcome.reasoning] == [row[0] for row in outcome.rows]
    assert incremental.validate(Layout(mini), want_rows=True).rows == outcome.rows  # from the cache: the same
    assert incremental.validate(Layout(mini)).rows == []  # not asked for
    shutil.copy(mini / FILE, mini / "curation/assertions/copy.yaml")
    replace_in(mini / FILE, "target: PDCD4", "target: nothing")  # this file's miR-21 claim is now invalid
    rows = incremental.validate(Layout(mini), want_rows=True).rows
    assert sorted(row[0] for row in rows) == ids  # each id once; the invalid one's copy stands for it
    assert [row[0] for row in rows].count("mini2024-mir21-pdcd4") == 1


def test_a_root_with_problems_compiles_to_nothing(mini: Path) -> None:
    from exograph.curation.problems import CurationError

    assert len(incremental.compile_rows(Layout(mini)).rows) == 5
    replace_in(mini / FILE, "target: PDCD4", "target: nothing")
    with pytest.raises(CurationError) as info:
        incremental.compile_rows(Layout(mini))
    assert [str(p) for p in info.value.problems] == _full(mini)


def test_inputs_are_the_hashes_of_every_file_read(mini: Path) -> None:
    files = [p for p in mini.rglob("*") if p.is_file()]
    expected = {str(p.relative_to(mini)): digest_of(p.read_bytes()) for p in files}
    assert incremental.validate(Layout(mini)).inputs == expected
    assert incremental.validate(Layout(mini)).inputs == expected  # from the cache: the same
    (mini / "sources/notes.md").write_text("no source names this file", encoding="utf-8")
    assert incremental.validate(Layout(mini)).inputs == expected  # read by nothing: no input
    assert incremental.validate(Layout(mini)).inputs == expected


def test_problems_come_sorted_from_every_file(mini: Path) -> None:
    replace_in(mini / FILE, "target: PDCD4", "target: nothing")
    (mini / "curation/assertions/broken.yaml").write_text("source: mini2024\nassertions: [\n", encoding="utf-8")
    problems = incremental.validate(Layout(mini)).problems
    assert problems == sorted(problems) and [str(p) for p in problems] == _full(mini)
    assert {p.file for p in problems} == {FILE, "curation/assertions/broken.yaml"}


def test_lint_of_kept_files_is_their_lint(mini: Path) -> None:
    """A file validated without lint keeps no lint: linting it after reads it again and finds the same."""
    expected = lint(Layout(mini), cache=False).findings
    assert expected  # the fixture's "did not change" written as increases + negated
    assert _problems(mini) == []
    assert lint(Layout(mini)).findings == expected
    assert lint(Layout(mini)).findings == expected  # now kept with the lint


def test_cached_lint_reads_the_source_text(mini: Path) -> None:
    """EXO601 needs the text snapshot (is the quote a table row?), read once per source while linting."""
    tree = Tree(mini)
    tree.add_text("miR-21\tfibroblasts\tPDCD4\t(2)")
    tree.add_assertion(
        "t1-mir21-pdcd4", "miR-21", "PDCD4", "miR-21 fibroblasts PDCD4 (2)", direction="regulates",
        exosomal_cargo=True, context={"donors": ["fibroblast"]},
    )  # fmt: skip
    for _ in range(2):  # made, then kept
        codes = [f.code for f in lint(Layout(mini)).findings]
        assert "EXO601" in codes
    assert lint(Layout(mini)).findings == lint(Layout(mini), cache=False).findings
    assert ASSERTIONS == FILE


def _lost(*_: object) -> None:
    """What the cache answers for a file's rows or lint it no longer holds."""
    return


def test_lost_parts_of_kept_results_are_made_again(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A kept file whose rows or lint the cache lost since (evicted between two reads) is read again."""
    rows = incremental.validate(Layout(mini), want_rows=True).rows
    findings = lint(Layout(mini)).findings
    monkeypatch.setattr(incremental.FileCache, "part", _lost)
    assert incremental.validate(Layout(mini), want_rows=True).rows == rows
    assert lint(Layout(mini)).findings == findings


def test_lost_parts_of_a_file_that_changed_meanwhile_are_no_answer(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    incremental.validate(Layout(mini), want_rows=True)
    real = incremental._check_file

    def changed_first(path: Path, against: incremental._Against) -> incremental.Read:
        replace_in(path, "section: Text", "section: Results")
        return real(path, against)

    monkeypatch.setattr(incremental.FileCache, "part", _lost)
    monkeypatch.setattr(incremental, "_check_file", changed_first)
    monkeypatch.setattr(incremental, "ATTEMPTS", 1)
    with pytest.raises(FilesChanged) as info:
        incremental.validate(Layout(mini), want_rows=True)
    assert info.value.files == [FILE]


def _edit_once(monkeypatch: pytest.MonkeyPatch, name: str, edit: Callable[[], None]) -> list[int]:
    """Run ``edit`` just before the first call of ``incremental.<name>`` (a file saved while a run reads)."""
    calls: list[int] = []
    real = getattr(incremental, name)

    def wrapped(*args: object, **kwargs: object) -> object:
        if not calls:
            edit()
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(incremental, name, wrapped)
    return calls


def test_an_assertion_file_saved_while_read_is_answered_and_kept_as_read(
    mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is hashed, then changes, then is read: the answer and the kept result are those of the bytes
    read, kept under their hash (never under the hash taken before)."""
    path = mini / FILE
    before, read = path.read_bytes(), incremental.read_assertions
    _edit_once(monkeypatch, "read_assertions", lambda: replace_in(path, "target: PDCD4", "target: nothing"))
    outcome = incremental.validate(Layout(mini))
    assert [str(p) for p in outcome.problems] == _full(mini) and outcome.problems
    assert outcome.inputs[FILE] == digest_of(path.read_bytes())
    path.write_bytes(before)
    monkeypatch.setattr(incremental, "read_assertions", read)
    assert _problems(mini) == []  # the old bytes' hash never got the new bytes' problems


def test_definitions_saved_while_read_start_the_run_again(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    entities = mini / "curation/entities/entities.yaml"
    calls = _edit_once(monkeypatch, "load", lambda: replace_in(entities, "  - key: PDCD4\n", "  - key: PDCD4X\n"))
    problems = _problems(mini)
    assert problems == _full(mini) and problems
    assert len(calls) == 2  # the first attempt read other bytes than it hashed, and started again


def test_a_text_saved_while_linting_reads_it_starts_the_run_again(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = mini / "sources/mini2024.txt"
    calls = _edit_once(monkeypatch, "check_assertion_file", lambda: text.write_bytes(text.read_bytes() + b"more\n"))
    monkeypatch.setattr(incremental, "PARALLEL_FROM", 10**6)  # in this process, where the edit is made
    report = lint(Layout(mini))
    assert len(calls) == 2
    assert [str(p) for p in report.problems] == _full(mini)
    assert any("SHA-256" in str(p) for p in report.problems)


def test_a_cached_definition_with_a_text_changed_meanwhile_starts_again(
    mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the checked definitions kept, their text snapshots are read again: a text that is not the one
    hashed (saved in between) is no answer."""
    assert _problems(mini) == []
    text = mini / "sources/mini2024.txt"
    original = text.read_bytes()

    calls: list[int] = []
    real = incremental.FileCache.checks

    def save_first(self: incremental.FileCache, *args: object, **kwargs: object) -> dict[bytes, bytes]:
        if not calls:  # the definitions' key is asked for first, once every file was hashed
            text.write_bytes(original + b"more\n")
        calls.append(1)
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(incremental.FileCache, "checks", save_first)
    monkeypatch.setattr(incremental, "ATTEMPTS", 1)
    with pytest.raises(FilesChanged) as info:
        incremental.validate(Layout(mini))
    assert info.value.files == ["sources/mini2024.txt"] and calls


def test_earlier_per_root_stores_in_the_results_folder_are_removed(mini: Path) -> None:
    folder = cache_dir() / incremental.RESULTS.parent
    folder.mkdir(parents=True)
    old = folder / "0123456789abcdef0123.sqlite"
    old.write_bytes(b"an earlier version's per-root store")
    mine = folder / "notes.txt"
    mine.write_text("not exograph's", encoding="utf-8")
    incremental.validate(Layout(mini), cache=False)
    assert old.exists()
    incremental.validate(Layout(mini))
    assert not old.exists() and mine.exists() and (cache_dir() / incremental.RESULTS).exists()


def test_a_link_out_of_the_root_is_not_read_as_its_target(mini: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    shutil.copy(mini / FILE, outside)
    (mini / FILE).unlink()
    (mini / FILE).symlink_to(outside)
    assert _problems(mini) == _full(mini)
    assert _problems(mini) == _full(mini)


def test_the_code_digest_changes_with_the_code_that_reads_curation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "exograph"
    shutil.copytree(incremental._PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__", "web", "export"))
    monkeypatch.setattr(incremental, "_PACKAGE", package)
    first = incremental.code_digest()
    assert incremental.code_digest() == first
    for name in ("layout.py", "curation/checks.py", "curation/lint/claims.py", "compiled/records.py"):
        with (package / name).open("a", encoding="utf-8") as handle:
            handle.write("\n# changed\n")
        changed = incremental.code_digest()
        assert changed != first, name
        first = changed


def test_a_text_snapshot_that_is_not_utf8_is_linted_all_the_same(mini: Path) -> None:
    """The checks accept a snapshot with a byte that is not UTF-8 (it is replaced when read): so must lint."""
    import hashlib

    text = mini / "sources/mini2024.txt"
    old = text.read_bytes()
    text.write_bytes(old + b"caf\xe9\n")  # Latin-1, not UTF-8
    replace_in(
        mini / "sources/mini2024.yaml", hashlib.sha256(old).hexdigest(), hashlib.sha256(text.read_bytes()).hexdigest()
    )
    expected = lint(Layout(mini), cache=False)
    assert expected.problems == [] and expected.findings
    assert lint(Layout(mini)).findings == expected.findings
    assert lint(Layout(mini)).findings == expected.findings  # the checked text, kept, read again


@pytest.mark.parametrize("cache", [True, False])
def test_rows_and_lint_are_made_in_the_one_read_of_each_file(mini: Path, reads: list[str], cache: bool) -> None:
    """Rows and lint come with the file's checks (just made, or kept): never a second read of the file."""
    rows = incremental.validate(Layout(mini), want_rows=True, cache=cache).rows
    assert reads == ["mini2024.yaml"] and len(rows) == 5
    reads.clear()
    assert len(incremental.validate(Layout(mini), lint=True, cache=cache).lint) == 1
    assert reads == ["mini2024.yaml"]  # the kept result has no lint: the file is read again, once
    reads.clear()
    assert incremental.validate(Layout(mini), want_rows=True, lint=True, cache=cache).rows == rows
    assert reads == ([] if cache else ["mini2024.yaml"])


def test_links_within_the_root_are_inputs_links_out_of_it_are_not(mini: Path, tmp_path: Path, reads: list[str]) -> None:
    """A file reached through a link inside the root is kept like any other; one outside it is never read
    (the reader refuses it), so nothing was made of its bytes and no hash of them is an input."""
    kept = mini / "kept" / "mini2024.yaml"
    kept.parent.mkdir()
    (mini / FILE).rename(kept)
    (mini / FILE).symlink_to(kept)
    assert _problems(mini) == []
    reads.clear()
    outcome = incremental.validate(Layout(mini))
    assert outcome.problems == [] and reads == [] and outcome.inputs[FILE] == digest_of(kept.read_bytes())
    outside = tmp_path / "outside.yaml"
    shutil.copy(kept, outside)
    (mini / FILE).unlink()
    (mini / FILE).symlink_to(outside)
    assert FILE not in incremental.validate(Layout(mini)).inputs
    # a folder of assertion files linked in from elsewhere: its files are plain files of the root
    (mini / FILE).unlink()
    shutil.move(mini / "curation/assertions", tmp_path / "assertions")
    shutil.copy(kept, tmp_path / "assertions" / "mini2024.yaml")
    (mini / "curation/assertions").symlink_to(tmp_path / "assertions")
    assert _problems(mini) == []
    reads.clear()
    outcome = incremental.validate(Layout(mini))
    assert outcome.problems == [] and reads == [] and FILE in outcome.inputs


def test_a_change_of_the_checking_code_checks_every_file_again(
    mini: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _problems(mini) == []
    monkeypatch.setattr(incremental, "code_digest", lambda: b"another version of the rules")
    reads.clear()
    assert _problems(mini) == [] and reads == ["mini2024.yaml"]


@pytest.mark.parametrize("damage", ["unknown source", "missing text"])
def test_lint_of_a_file_whose_source_or_text_is_missing(mini: Path, damage: str) -> None:
    """The file's problems are reported (lint has no text to read), never a crash."""
    if damage == "unknown source":
        replace_in(mini / FILE, "source: mini2024", "source: nowhere2024")
    else:
        (mini / "sources/mini2024.txt").unlink()
    report = lint(Layout(mini))
    assert [str(p) for p in report.problems] == _full(mini) and report.problems
    assert lint(Layout(mini)).problems == report.problems


def test_definitions_deleted_while_read_are_never_kept_as_read(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A definitions file hashed, then deleted before it is read (a checkout switching branches): the run
    starts again, and nothing made without the file is kept under the hash of its bytes."""
    entities = mini / "curation/entities/entities.yaml"
    content, load = entities.read_bytes(), incremental.load
    calls = _edit_once(monkeypatch, "load", entities.unlink)
    assert incremental.validate(Layout(mini)).problems  # the entities are gone: every name is unknown
    assert len(calls) == 2  # the first attempt read fewer files than it hashed, and started again
    entities.write_bytes(content)  # the checkout switches back
    monkeypatch.setattr(incremental, "load", load)
    assert _problems(mini) == []


def test_definitions_created_while_read_are_never_kept_as_read(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The other way round: a file that appears after the hashing (and is read) is no part of the keys."""
    extra = mini / "curation/entities/extra.yaml"
    load = incremental.load
    text = "entities:\n  - key: PDCD4\n    curie: HGNC:8763\n    label: PDCD4\n    kind: gene\n"  # defined twice
    calls = _edit_once(monkeypatch, "load", lambda: extra.write_text(text, encoding="utf-8"))
    problems = _problems(mini)
    assert problems == _full(mini) and any("PDCD4" in p for p in problems)
    assert len(calls) == 2
    extra.unlink()
    monkeypatch.setattr(incremental, "load", load)
    assert _problems(mini) == []


def test_files_checked_in_worker_processes_give_the_answer_of_one_process(
    mini: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import os

    from tests.conftest import FIXTURES

    shutil.copytree(FIXTURES / "reason", mini, dirs_exist_ok=True)  # a second source, a second file
    replace_in(mini / FILE, "target: PDCD4", "target: nothing")
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    answers = []
    for parallel_from in (2, 10**6):  # two files: in two workers, then both in this process
        monkeypatch.setattr(incremental, "PARALLEL_FROM", parallel_from)
        monkeypatch.setenv("EXOGRAPH_CACHE_DIR", str(tmp_path / f"cache-{parallel_from}"))
        outcome = incremental.validate(Layout(mini), want_rows=True, lint=True)
        answers.append((outcome.problems, outcome.rows, outcome.assertions, outcome.inputs))
        assert outcome.problems and outcome.rows
    assert answers[0] == answers[1]


@pytest.mark.parametrize(
    ("cores", "parallel_from", "in_workers"),
    [
        (2, 2, True),  # enough files and cores: a forked worker per core
        (2, 3, False),  # fewer files than PARALLEL_FROM: starting workers would cost more than it saves
        (1, 2, False),  # one core: nothing to share the work with
        (None, 2, False),  # a platform that cannot say how many cores it has: one
    ],
)
def test_files_are_checked_in_workers_only_with_enough_files_and_cores(
    mini: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, cores: int | None, parallel_from: int, in_workers: bool
) -> None:
    """Where each assertion file is checked: by forked workers (each inherits what the files are checked
    against) on a cold check of enough files with more than one core, else in the command's own process."""
    import os

    from tests.conftest import FIXTURES

    shutil.copytree(FIXTURES / "reason", mini, dirs_exist_ok=True)  # a second source, a second file
    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    monkeypatch.setattr(incremental, "PARALLEL_FROM", parallel_from)
    seen = tmp_path / "checked-by"
    check = incremental._check_file

    def recording(path: Path, against: object) -> object:
        with seen.open("a", encoding="utf-8") as out:  # one short line per file: appended whole
            out.write(f"{os.getpid()}\n")
        return check(path, against)  # type: ignore[arg-type]

    monkeypatch.setattr(incremental, "_check_file", recording)
    incremental.validate(Layout(mini), cache=False)
    checkers = seen.read_text(encoding="utf-8").split()
    assert len(checkers) == 2  # each file once
    assert (str(os.getpid()) not in checkers) == in_workers, checkers


def test_a_failure_in_a_worker_cancels_the_files_not_started_and_leaves_no_worker(
    mini: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """An exception while files are checked in workers (Ctrl-C, a bug) ends the check: the files not yet
    started are never checked, and by the time it reaches the caller every worker has ended."""
    import multiprocessing
    import os
    import time

    for k in range(30):
        shutil.copy(mini / FILE, mini / f"curation/assertions/mini2024_{k:02d}.yaml")
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    seen = tmp_path / "checked"
    check = incremental._check_file

    def failing(path: Path, against: object) -> object:
        with seen.open("a", encoding="utf-8") as out:
            out.write(f"{path.name}\n")
        if path.name == "mini2024.yaml":
            raise RuntimeError("a bug in one file's check")
        time.sleep(0.2)
        return check(path, against)  # type: ignore[arg-type]

    monkeypatch.setattr(incremental, "_check_file", failing)
    with pytest.raises(RuntimeError, match="a bug in one file's check"):
        incremental.validate(Layout(mini), cache=False)
    assert multiprocessing.active_children() == []
    checked = seen.read_text(encoding="utf-8").split()
    assert "mini2024.yaml" in checked and len(checked) <= 15, checked  # of 31: the rest never started


def test_checking_shows_its_progress_on_a_terminal(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    incremental.validate(Layout(mini))
    assert "checking assertion files: 1/1" in terminal.getvalue()


def test_compiled_records_are_those_of_a_full_build(mini: Path) -> None:
    """Each record with its source's cited references, as :func:`exograph.compiled.records.build` makes it."""
    import json

    from exograph.compiled.records import build

    checked, problems = full_validate(Layout(mini))
    assert problems == []
    for _ in range(2):  # made, then kept
        compiled = incremental.compile_rows(Layout(mini))
        assert [json.loads(row[5]) for row in compiled.rows] == build(checked)[1]
    cited = next(json.loads(r[5]) for r in compiled.rows if r[0] == "mini2024-hypoxia-exosome-secretion")
    assert cited["evidence"][0]["references"][0]["doi"] == "10.1000/test.1"


def test_definitions_through_a_link_or_unreadable(mini: Path, reads: list[str]) -> None:
    """An entity file linked within the root is an input like any other; one that cannot be read (a named
    pipe) is reported, and nothing made while it was there is reused."""
    import os

    entities = mini / "curation/entities/entities.yaml"
    kept = mini / "kept.yaml"
    entities.rename(kept)
    entities.symlink_to(kept)
    assert _problems(mini) == []
    reads.clear()
    assert _problems(mini) == [] and reads == []
    os.mkfifo(mini / "curation/entities/pipe.yaml")
    for _ in range(2):
        reads.clear()
        problems = _problems(mini)
        assert problems == [
            "curation/entities/pipe.yaml:1:1: is not a regular file: replace it with a YAML file or remove it"
        ]
        assert reads == ["mini2024.yaml"]


def test_a_kept_text_deleted_while_read_starts_the_run_again(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The checked definitions are kept; their text is hashed, then deleted before it is read again: no
    answer is made of the kept checks (which quoted the text), the run starts again and finds it gone."""
    assert _problems(mini) == []
    text = mini / "sources/mini2024.txt"
    calls: list[int] = []
    real = incremental.FileCache.checks

    def delete_first(self: incremental.FileCache, *args: object, **kwargs: object) -> dict[bytes, bytes]:
        if not calls:
            text.unlink()
        calls.append(1)
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    original = text.read_bytes()
    monkeypatch.setattr(incremental.FileCache, "checks", delete_first)
    problems = _problems(mini)
    assert problems == _full(mini) and problems
    # with no second attempt, the command names the file that changed
    text.write_bytes(original)
    assert _problems(mini) == []
    calls.clear()
    monkeypatch.setattr(incremental, "ATTEMPTS", 1)
    with pytest.raises(FilesChanged) as info:
        incremental.validate(Layout(mini))
    assert info.value.files == ["sources/mini2024.txt"]


def test_reasoning_rows_hold_the_labels_of_both_ends(mini: Path) -> None:
    from exograph.compiled.store import reasoning_rows

    compiled = incremental.compile_rows(Layout(mini))
    labels = {key: entity.label for key, entity in compiled.checked.entities.items()}
    import json

    lines = {key: entity.diseases for key, entity in compiled.checked.entities.items() if entity.diseases}
    assert compiled.reasoning == [reasoning_rows(json.loads(row[5]), labels, lines) for row in compiled.rows]
    assert any(entry[3] == "hsa-mir-21 PDCD4" for _, entry in compiled.reasoning)


def test_references_to_an_invalid_entity_are_counted_from_every_file(mini: Path) -> None:
    replace_in(mini / "curation/entities/entities.yaml", "curie: HGNC:8763", "curie: HGNC:not-a-number")
    for _ in range(2):  # made, then kept
        problems = _problems(mini)
        assert problems == _full(mini) and any("PDCD4" in p for p in problems[1:])


def test_the_entities_lint_comes_with_the_cached_lint(mini: Path) -> None:
    Tree(mini).add_entity("TP53", "HGNC:11998", "gene")  # named by no assertion
    expected = lint(Layout(mini), cache=False).findings
    assert any(f.file == "curation/entities/entities.yaml" for f in expected)
    for _ in range(2):
        assert lint(Layout(mini)).findings == expected


def test_references_to_an_invalid_source_are_counted_from_every_file(mini: Path) -> None:
    replace_in(mini / "sources/mini2024.yaml", "year: 2024", "year: twenty")
    for _ in range(2):  # made, then kept
        problems = _problems(mini)
        assert problems == _full(mini) and len(problems) > 1


def test_an_empty_definitions_file_linked_within_the_root_is_reported(mini: Path) -> None:
    """An empty entities file is refused by the reader (reported); one that is a link to it, within the root,
    is hashed and compared like any other file the reader refused, and reported the same way."""
    empty = mini / "curation/entities/empty.yaml"
    empty.write_bytes(b"")
    (mini / "curation/entities/linked.yaml").symlink_to(empty)
    found = [str(p) for p in incremental.validate(Layout(mini)).problems]
    assert [p for p in found if "empty.yaml" in p] and [p for p in found if "linked.yaml" in p], found


def test_reasoning_rows_carry_the_cell_line_s_disease(mini: Path) -> None:
    """A claim made in Huh-7 cells (a line of HCC) stating no disease is a claim in HCC for the chains: the rows
    the per-file check makes are those of reasoning_rows given the lines' diseases, made or kept."""
    import json

    from exograph.compiled.store import reasoning_rows

    with (mini / "curation/entities/entities.yaml").open("a", encoding="utf-8") as handle:
        handle.write(
            "  - key: Huh-7\n    curie: CVCL:0336\n    label: Huh-7\n    kind: cell_line\n"
            "    diseases: [hepatocellular_carcinoma]\n"
            "  - key: hepatocellular_carcinoma\n    curie: MONDO:0007256\n    label: hepatocellular carcinoma\n"
            "    kind: disease\n"
        )
    replace_in(mini / FILE, "      diseases: [breast_cancer]\n", "      cell_lines: [Huh-7]\n")
    for _ in range(2):  # made, then kept
        compiled = incremental.compile_rows(Layout(mini))
        labels = {key: entity.label for key, entity in compiled.checked.entities.items()}
        lines = {key: entity.diseases for key, entity in compiled.checked.entities.items() if entity.diseases}
        assert lines == {"Huh-7": ["hepatocellular_carcinoma"]}
        assert compiled.reasoning == [reasoning_rows(json.loads(row[5]), labels, lines) for row in compiled.rows]
        written = [step[-1] for step, _ in compiled.reasoning]
        assert json.dumps([[], ["hepatocellular_carcinoma"]]) in written, written


def test_with_no_cache_folder_nothing_is_written_where_the_command_runs(
    mini: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """No home folder (cache_dir has none to give): the files are checked all the same, and no per-file store
    is made in the working directory instead."""
    from exograph.compiled.store import CacheError

    def no_home() -> Path:
        raise CacheError("no home folder")

    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.setattr(incremental, "cache_dir", no_home)
    assert incremental.validate(Layout(mini)).problems == []
    assert list(elsewhere.iterdir()) == []
