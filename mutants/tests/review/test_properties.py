"""Property tests: a curation compared with itself differs in nothing; random edits are reported exactly."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from exograph.review import schema
from exograph.review.model import Report
from exograph.review.report import compare
from tests.conftest import FIXTURES
from tests.review import edits

MINI = FIXTURES / "mini"
IDS = [a["id"] for a in edits.load(MINI, edits.ASSERTIONS)["assertions"]]
GENES = ["HIF1A", "PDCD4", "RAB27A"]
#: Assertions the mini text supports that the fixture lacks (each a distinct claim from every fixture one).
TEMPLATES = {
    "mini2024-hif1a-rab27a-hypoxia": edits.HIF1A_UNDER_HYPOXIA,
    "mini2024-rab27a-exosome-secretion-cancer": {
        "id": "mini2024-rab27a-exosome-secretion-cancer",
        "regulator": "RAB27A",
        "target": "exosome_secretion",
        "direction": "increases",
        "aspect": "secretion",
        "context": {"cell_types": ["malignant_cell"]},
        "evidence": [{"quote": "Knockdown of RAB27A reduced exosome release.", "section": "Text"}],
    },
    "mini2024-mir21-pdcd4-human": {
        "id": "mini2024-mir21-pdcd4-human",
        "regulator": "miR-21",
        "target": "PDCD4",
        "direction": "decreases",
        "aspect": "amount",
        "context": {"organisms": ["human"]},
        "evidence": [
            {"quote": "Exosomal miR-21 from fibroblasts suppresses PDCD4 in cancer cells [2].", "section": "Text"}
        ],
    },
}
SCHEMA = jsonschema.Draft202012Validator(json.loads(schema.render()))


@dataclass
class Edits:
    """What was done to the mini curation, i.e. exactly what the report must say."""

    per_assertion: dict[str, str] = field(default_factory=dict)  # id -> flip, context, delete or rename
    added: list[str] = field(default_factory=list)
    regrounded: list[str] = field(default_factory=list)

    def of(self, kind: str) -> list[str]:
        return sorted(i for i, k in self.per_assertion.items() if k == kind)

    def apply(self, root: Path) -> None:
        for assertion_id, kind in self.per_assertion.items():
            if kind == "flip":
                edits.flip(root, assertion_id)
            elif kind == "context":
                edits.set_context(root, assertion_id, {"system": "in_vitro"})
            elif kind == "delete":
                edits.delete(root, assertion_id)
            elif kind == "rename":
                edits.rename(root, assertion_id, f"{assertion_id}-renamed")
        for assertion_id in self.added:
            edits.add(root, TEMPLATES[assertion_id])
        for i, key in enumerate(self.regrounded):
            edits.edit_entity(root, key, {"curie": f"HGNC:9999{i}"})


@st.composite
def random_edits(draw: st.DrawFn) -> Edits:
    order = draw(st.permutations(IDS))
    kinds = draw(st.lists(st.sampled_from(["flip", "context", "delete", "rename", "none"]), min_size=5, max_size=5))
    return Edits(
        per_assertion={i: k for i, k in zip(order, kinds, strict=True) if k != "none"},
        added=draw(st.lists(st.sampled_from(sorted(TEMPLATES)), unique=True, max_size=3)),
        regrounded=draw(st.lists(st.sampled_from(GENES), unique=True, max_size=2)),
    )


@contextmanager
def edited(done: Edits) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "curation-root"
        shutil.copytree(MINI, root)
        done.apply(root)
        yield root


@settings(max_examples=15, deadline=None, database=None)
@given(random_edits())
def test_a_curation_compared_with_itself_differs_in_nothing(done: Edits) -> None:
    with edited(done) as root:
        report = compare(str(root), str(root), root)
    assert report.empty(), report


@settings(max_examples=30, deadline=None, database=None)
@given(random_edits())
def test_random_edits_are_reported_exactly(done: Edits) -> None:
    with edited(done) as root:
        report = compare(str(MINI), str(root), root)
    assert not report.new_problems and not report.old_problems
    a = report.assertions
    changed = {c.id: [f.field for f in c.fields] for c in a.changed}
    assert changed == {i: ["direction"] for i in done.of("flip")} | {i: ["context"] for i in done.of("context")}
    assert [x["id"] for x in a.added] == sorted(done.added)
    assert [x["id"] for x in a.removed] == done.of("delete")
    assert [(r.old, r.new) for r in a.renamed] == [(i, f"{i}-renamed") for i in done.of("rename")]
    assert {c.id: [f.field for f in c.fields] for c in report.entities.changed} == {
        k: ["curie"] for k in done.regrounded
    }
    assert report.entities.added == report.entities.removed == []
    assert report.sources.added == report.sources.removed == report.sources.changed == []
    # lint findings follow from the edits (an entity left unused, opposite signs); tests/review/test_compare.py has them
    assert Counter((i.kind, i.subject) for i in report.checklist if i.kind != "lint") == Counter(
        [("sign_flip", i) for i in done.of("flip")]
        + [("removed_evidence", i) for i in done.of("delete")]
        + [("regrounded", k) for k in done.regrounded]
    )
    answered = {(c.question, c.subject) for c in report.impact}
    touched = {i for i, k in done.per_assertion.items() if k != "rename"}
    old_records = {r["id"]: r for r in edits.load(MINI, edits.ASSERTIONS)["assertions"]}
    targets = {old_records[i]["target"] for i in touched} | {TEMPLATES[i]["target"] for i in done.added}
    assert {("regulators", t) for t in targets} <= answered
    if not targets:
        assert report.impact == []
    text = report.model_dump_json()
    SCHEMA.validate(json.loads(text))
    assert Report.model_validate_json(text) == report
