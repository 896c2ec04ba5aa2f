"""Incremental validation gives exactly what a full run gives, after any sequence of edits.

A generated curation (benchmarks/generate.py, four assertion files) is broken and repaired
by seeded random edits of every kind: in one assertion file (unknown entity, lost quote,
bad reference, syntax error, duplicate key, YAML 1.1 boolean, tab, id or claim repeated
across files) and in what every file is checked against (an entity removed or made invalid,
a source's reference list or text changed). After each edit the cached run must report the
same problems, with the same file:line:col, and compile the same records, as a full run.
"""

from __future__ import annotations

import json
import random
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from benchmarks.generate import write_curation
from exograph.compiled.build import validate as full_validate
from exograph.compiled.filecache import FileCache
from exograph.compiled.incremental import compile_rows
from exograph.compiled.incremental import validate as cached_validate
from exograph.compiled.records import build, line_diseases
from exograph.compiled.store import reasoning_rows
from exograph.curation.problems import CurationError
from exograph.layout import Layout

Edit = Callable[[Path, random.Random], None]


def _assertion_file(root: Path, rng: random.Random) -> Path:
    return rng.choice(sorted((root / "curation/assertions").glob("*.yaml")))


def _sub_line(path: Path, rng: random.Random, pattern: str, change: Callable[[str], str]) -> None:
    """Apply ``change`` to one random line of ``path`` matching ``pattern``."""
    lines = path.read_text(encoding="utf-8").split("\n")
    matching = [i for i, line in enumerate(lines) if re.match(pattern, line)]
    if matching:
        i = rng.choice(matching)
        lines[i] = change(lines[i])
        path.write_text("\n".join(lines), encoding="utf-8")


def unknown_entity(root: Path, rng: random.Random) -> None:
    _sub_line(_assertion_file(root, rng), rng, r"    regulator: ", lambda line: line + "X")


def lost_quote(root: Path, rng: random.Random) -> None:
    _sub_line(_assertion_file(root, rng), rng, r"      - quote: ", lambda line: line.replace(" of ", " off ", 1))


def bad_reference(root: Path, rng: random.Random) -> None:
    _sub_line(_assertion_file(root, rng), rng, r"        references: ", lambda _: "        references: [99]")


def syntax_error(root: Path, rng: random.Random) -> None:
    _sub_line(_assertion_file(root, rng), rng, r"    context:$", lambda _: "    context: [unclosed")


def duplicate_key(root: Path, rng: random.Random) -> None:
    _sub_line(_assertion_file(root, rng), rng, r"    target: ", lambda line: f"{line}\n{line}")


def yaml11_boolean(root: Path, rng: random.Random) -> None:
    _sub_line(_assertion_file(root, rng), rng, r"    aspect: ", lambda _: "    aspect: no")


def tab_indent(root: Path, rng: random.Random) -> None:
    _sub_line(_assertion_file(root, rng), rng, r"    direction: ", lambda line: "\t" + line.lstrip())


def repeated_id(root: Path, rng: random.Random) -> None:
    """An id (or a whole assertion, so a repeated claim) of one file copied into another file."""
    source, target = (_assertion_file(root, rng) for _ in range(2))
    blocks = source.read_text(encoding="utf-8").split("\n  - id: ")
    block = rng.choice(blocks[1:])
    if rng.random() < 0.5:
        block = block.split("\n", 1)[0] + "\n    regulator: RAB1A\n    target: CD1A\n    direction: increases\n"
        block += "    aspect: amount\n    evidence:\n      - quote: a quote that is nowhere at all\n"
        block += "        section: Results\n"
    with target.open("a", encoding="utf-8") as handle:
        handle.write(f"  - id: {block.rstrip()}\n")


def entity_removed(root: Path, rng: random.Random) -> None:
    path = root / "curation/entities/gene.yaml"
    blocks = path.read_text(encoding="utf-8").split("\n  - key: ")
    del blocks[rng.randrange(1, min(len(blocks), 60))]
    path.write_text("\n  - key: ".join(blocks), encoding="utf-8")


def entity_invalid(root: Path, rng: random.Random) -> None:
    path = root / "curation/entities/gene.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    candidates = [i for i, line in enumerate(lines[:300]) if line.startswith("    curie: HGNC:")]
    i = rng.choice(candidates)
    lines[i] = "    curie: HGNC:not-a-number"
    path.write_text("\n".join(lines), encoding="utf-8")


def source_references(root: Path, rng: random.Random) -> None:
    path = rng.choice(sorted((root / "sources").glob("*.yaml")))
    _sub_line(path, rng, r"  - number: [0-9]+$", lambda _: "  - number: 1")


def source_text(root: Path, rng: random.Random) -> None:
    path = rng.choice(sorted((root / "sources").glob("*.txt")))
    path.write_text(path.read_text(encoding="utf-8").replace("Knockdown of", "Silencing of", 3), encoding="utf-8")


EDITS: list[Edit] = [
    unknown_entity,
    lost_quote,
    bad_reference,
    syntax_error,
    duplicate_key,
    yaml11_boolean,
    tab_indent,
    repeated_id,
    entity_removed,
    entity_invalid,
    source_references,
    source_text,
]


@pytest.fixture
def generated(tmp_path: Path) -> tuple[Path, dict[Path, bytes]]:
    root = tmp_path / "generated"
    write_curation(root, 360, per_file=90)
    return root, {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _same_as_full_run(root: Path) -> None:
    layout = Layout(root)
    checked, expected = full_validate(layout)
    outcome = cached_validate(layout)
    assert [str(p) for p in outcome.problems] == [str(p) for p in expected]
    assert outcome.assertions == len(checked.assertions)
    if not expected:
        compiled = compile_rows(layout)
        records = [json.loads(r[5]) for r in compiled.rows]
        entities, full_records, sources = build(checked)
        assert (build(compiled.checked)[0], records, build(compiled.checked)[2]) == (entities, full_records, sources)
        labels = {key: e["label"] for key, e in entities.items()}  # the kept reasoning rows, as made from records
        lines = line_diseases(entities)
        assert compiled.reasoning == [reasoning_rows(a, labels, lines) for a in full_records]
    else:
        with pytest.raises(CurationError):
            compile_rows(layout)


@pytest.mark.parametrize("seed", range(3))
def test_cached_validation_equals_full_run_after_random_edits(
    generated: tuple[Path, dict[Path, bytes]], seed: int
) -> None:
    root, originals = generated
    rng = random.Random(seed)
    _same_as_full_run(root)  # cold: every file read (in worker processes)
    for _ in range(6):
        edit = rng.choice(EDITS)
        edit(root, rng)
        _same_as_full_run(root)
        if rng.random() < 0.3:  # repair one file, so results of earlier contents come back into use
            path = rng.choice(sorted(originals))
            path.write_bytes(originals[path])
            _same_as_full_run(root)
    for path, data in originals.items():
        path.write_bytes(data)
    _same_as_full_run(root)


def test_every_edit_makes_a_problem(generated: tuple[Path, dict[Path, bytes]]) -> None:
    """Each kind of edit really breaks the curation, so the equivalence above compares real problems."""
    root, originals = generated
    for edit in EDITS:
        edit(root, random.Random(1))
        assert full_validate(Layout(root))[1], edit.__name__
        for path, data in originals.items():
            path.write_bytes(data)


def test_only_changed_files_are_read_again(
    generated: tuple[Path, dict[Path, bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, _ = generated
    cached_validate(Layout(root))
    from exograph.compiled import incremental

    read: list[str] = []
    real = incremental.read_assertions
    monkeypatch.setattr(incremental, "PARALLEL_FROM", 10**6)  # in this process, where the reads are counted
    monkeypatch.setattr(
        incremental, "read_assertions", lambda path, layout: read.append(path.name) or real(path, layout)
    )
    edited = root / "curation/assertions/synth002.yaml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("section: Results", "section: Results, panel B", 1))
    assert cached_validate(Layout(root)).problems == []
    assert read == ["synth002.yaml"]
    (root / "curation/entities/gene.yaml").write_text(
        (root / "curation/entities/gene.yaml").read_text(encoding="utf-8") + "  - key: NEWGENE\n    curie: HGNC:99999\n"
        "    label: NEWGENE\n    kind: gene\n"
    )
    read.clear()
    cached_validate(Layout(root))
    assert sorted(read) == [f"synth00{i}.yaml" for i in range(4)]  # entities changed: every file is checked again


def test_results_are_shared_by_every_root_with_the_same_files(
    generated: tuple[Path, dict[Path, bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keyed by content (and path in the root), the results of one root serve a copy anywhere else; a file
    that differs in the copy, or the same bytes under another name, are read again."""
    root, _ = generated
    expected = cached_validate(Layout(root)).problems
    copy = root.parent / "elsewhere" / "copy"
    shutil.copytree(root, copy)
    (copy / "curation/assertions/synth003.yaml").write_text(
        (copy / "curation/assertions/synth003.yaml").read_text(encoding="utf-8").replace("Results", "Methods", 1)
    )
    from exograph.compiled import incremental

    read: list[str] = []
    real = incremental.read_assertions
    monkeypatch.setattr(incremental, "PARALLEL_FROM", 10**6)
    monkeypatch.setattr(incremental, "read_assertions", lambda p, layout: read.append(p.name) or real(p, layout))
    assert cached_validate(Layout(copy)).problems == expected == []
    assert read == ["synth003.yaml"]


def test_the_shared_store_forgets_the_least_recently_used_beyond_its_budget(tmp_path: Path) -> None:
    cache = FileCache(tmp_path / "results.sqlite", budget=1000)
    cache.store([(b"old", b"x" * 300, b"", None), (b"used", b"y" * 300, b"", None)])
    cache.store([(b"new", b"z" * 300, b"", b"lint")])  # 904 bytes: within the budget
    assert set(cache.checks([b"new"], lint=True)) == {b"new"}  # only "new" was kept with its lint
    assert set(cache.checks([b"old"])) == {b"old"}  # read: now the most recently used
    cache.store([(b"last", b"w" * 300, b"", None)])  # 1,204 bytes: down to 800, least recently used first
    assert set(cache.checks([b"old", b"used", b"new", b"last"])) == {b"old", b"last"}
    cache.close()


def test_a_snapshot_of_any_name_is_an_input(generated: tuple[Path, dict[Path, bytes]]) -> None:
    """A text snapshot need not end in .txt; editing it must still invalidate the cached quote checks."""
    root, _ = generated
    (root / "sources/synth001.txt").rename(root / "sources/synth001.md")
    record = root / "sources/synth001.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("text: synth001.txt", "text: synth001.md"))
    _same_as_full_run(root)
    snapshot = root / "sources/synth001.md"
    snapshot.write_text(snapshot.read_text(encoding="utf-8").replace(" of ", " o f "), encoding="utf-8")
    _same_as_full_run(root)
    assert any("quote not found" in str(p) for p in cached_validate(Layout(root)).problems)


def test_validation_needs_no_cache_folder(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a home folder (so no cache folder at all) validation still runs, uncached."""
    monkeypatch.delenv("EXOGRAPH_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    outcome = cached_validate(Layout(mini))
    assert outcome.problems == [] and outcome.assertions == 5
