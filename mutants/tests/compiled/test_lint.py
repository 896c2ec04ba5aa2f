"""Lint through the per-file cache gives exactly what linting the whole curation at once gives.

The reference below reads every file, validates them together and runs every rule once over all
records. The cached lint runs the assertion rules per file (kept between runs), the entity rules
with the definitions and the rest over what the files kept. After each seeded random edit (those
of the incremental validation test, and edits that make lint findings: suppressions used, unused
and mistyped, contradicting claims, hedges) both must report the same findings at the same
file:line:col.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from exograph.compiled.lint import lint
from exograph.curation import checks
from exograph.curation.lint import RULES, Finding, _referenced, suppress
from exograph.curation.lint.base import AssertionAt, EntityAt, Lintable, finding
from exograph.curation.lint.texts import SourceText
from exograph.curation.loader import load
from exograph.layout import Layout
from tests.compiled.test_incremental import EDITS, Edit, _assertion_file, _sub_line, generated

__all__ = ["generated"]


def whole(root: Path) -> list[Finding]:
    """Every finding, linting the whole curation in one pass (how lint worked before it was kept per file)."""
    curation = load(Layout(root))
    checked, _ = checks.check(curation)
    target = Lintable(checked)
    for loaded in curation.entity_files:
        for k, entity in enumerate(loaded.model.entities):
            if checked.entities.get(entity.key) is entity:
                at = EntityAt(("entities", loaded.positions[k]), entity.key, tuple(entity.lint_ignore), loaded, entity)
                target.entities[entity.key] = at
    clean = {id(a) for _, a in checked.assertions}
    for file in curation.assertion_files:
        source = checked.sources.get(file.model.source)
        for k, a in enumerate(file.model.assertions):
            if source is not None and id(a) in clean:
                path = ("assertions", file.positions[k])
                target.assertions.append(AssertionAt(path, a.id, tuple(a.lint_ignore), file, a, source))
        target.referenced |= _referenced(file)
    for source in checked.sources.values():
        target.texts[source.id] = SourceText((root / "sources" / source.text).read_text(encoding="utf-8"))
    target.claims = [at.kept() for at in target.assertions]
    target.kept_entities = {key: at.kept() for key, at in target.entities.items()}
    found: list[Finding] = []
    silenced: set[tuple[str | int, str, str]] = set()
    for code, rule in RULES.items():
        for hit in rule.check(target) if rule.check is not None else ():
            quiet = [r for r in (hit.record, *hit.others) if code in r.lint_ignore]
            silenced |= {(r.path[0], r.name, code) for r in quiet}
            if not quiet:
                found.append(finding(code, hit))
    for record in suppress.records(target):
        found += [finding(suppress.UNUSED.code, hit) for hit in suppress.unused(record, silenced, set(RULES))]
    return sorted(found)


def _insert_after(pattern: str, lines: str) -> Edit:
    def edit(root: Path, rng: random.Random) -> None:
        _sub_line(_assertion_file(root, rng), rng, pattern, lambda line: f"{line}\n{lines}")

    return edit


#: Silences a rule that finds something here (EXO402 on an assertion with a mechanism), one that finds
#: nothing, and a code that is no rule.
silence_used = _insert_after(r"    mechanism: ", "    lint_ignore: [EXO402]\n    note: the text says so")
silence_unused = _insert_after(r"    aspect: ", "    lint_ignore: [EXO701]\n    note: a reason")
silence_unknown = _insert_after(r"    aspect: ", "    lint_ignore: [EXO999]\n    note: a reason")


def contradiction(root: Path, rng: random.Random) -> None:
    """A copy of an assertion (new id) with the opposite sign, in the same file: EXO202 across records."""
    path = _assertion_file(root, rng)
    blocks = path.read_text(encoding="utf-8").split("\n  - id: ")
    block = rng.choice(blocks[1:]).rstrip()
    flipped = block.replace("direction: increases", "direction: decreases", 1)
    if flipped == block:
        flipped = block.replace("direction: decreases", "direction: increases", 1)
    first, rest = flipped.split("\n", 1)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"  - id: {first}-copy\n{rest}\n")


def repeated_with_finding(root: Path, rng: random.Random) -> None:
    """An assertion with a lint finding (a mechanism, EXO402) repeated at the end of its file: validation
    keeps one of the two, and lint must not report the other's finding."""
    path = _assertion_file(root, rng)
    blocks = path.read_text(encoding="utf-8").split("\n  - id: ")
    block = rng.choice([b for b in blocks[1:] if "\n    mechanism: " in b])
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"  - id: {block.rstrip()}\n")


def hedge(root: Path, rng: random.Random) -> None:
    """A quote that now hedges (its text changes too, so it stays verbatim): EXO701."""
    path = rng.choice(sorted((root / "sources").glob("*.txt")))
    path.write_text(path.read_text(encoding="utf-8").replace(" increased ", " may have increased ", 5), "utf-8")
    for file in (root / "curation/assertions").glob("*.yaml"):
        file.write_text(file.read_text(encoding="utf-8").replace(" increased ", " may have increased ", 5), "utf-8")


def silence_entity(root: Path, rng: random.Random) -> None:
    """An entity silences 'unused' (used or not): its suppression is judged after every file."""
    path = root / "curation/entities/gene.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    i = rng.choice([i for i, line in enumerate(lines) if line.startswith("    kind: ")])
    lines[i] += "\n    lint_ignore: [EXO302]\n    note: kept for a later paper"
    path.write_text("\n".join(lines), encoding="utf-8")


LINT_EDITS: list[Edit] = [
    silence_used,
    silence_unused,
    silence_unknown,
    contradiction,
    repeated_with_finding,
    hedge,
    silence_entity,
]


@pytest.mark.parametrize("seed", range(3))
def test_cached_lint_equals_linting_everything_at_once(generated: tuple[Path, dict[Path, bytes]], seed: int) -> None:
    root, originals = generated
    rng = random.Random(seed)
    codes: set[str] = set()
    assert lint(Layout(root)).findings == whole(root)
    for _ in range(8):
        rng.choice(LINT_EDITS if rng.random() < 0.6 else EDITS)(root, rng)
        report = lint(Layout(root))
        assert report.findings == whole(root)
        assert report.findings == lint(Layout(root), cache=False).findings
        codes |= {f.code for f in report.findings}
        if rng.random() < 0.3:
            path = rng.choice(sorted(originals))
            path.write_bytes(originals[path])
            assert lint(Layout(root)).findings == whole(root)
    assert {"EXO302", "EXO402"} <= codes  # the comparison saw findings, not only empty lists


def test_every_lint_edit_makes_its_finding(generated: tuple[Path, dict[Path, bytes]]) -> None:
    root, originals = generated
    before = lint(Layout(root)).findings
    expected = {
        silence_unused: "EXO002",
        silence_unknown: "EXO001",
        contradiction: "EXO202",
        hedge: "EXO701",
    }
    for edit, code in expected.items():
        edit(root, random.Random(1))
        after = lint(Layout(root)).findings
        assert code in {f.code for f in after} - {f.code for f in before}, edit.__name__
        for path, data in originals.items():
            path.write_bytes(data)
    repeated_with_finding(root, random.Random(1))
    assert lint(Layout(root)).findings == whole(root)
    for path, data in originals.items():
        path.write_bytes(data)
    mismatch = next(f for f in before if f.code == "EXO402")  # on the mechanism line: silence it there
    path = root / mismatch.file
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[mismatch.line - 1] += "\n    lint_ignore: [EXO402]\n    note: the text says so"
    path.write_text("\n".join(lines), encoding="utf-8")
    after = lint(Layout(root)).findings
    assert mismatch not in after and len(after) == len(before) - 1  # silenced, and the silence is used
