"""A lint-clean copy of the mini fixture, and helpers to add text, entities and assertions to it."""

from __future__ import annotations

import hashlib
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from exograph.compiled.lint import lint
from exograph.curation.lint import Finding
from exograph.layout import Layout
from tests.conftest import replace_in

ASSERTIONS = "curation/assertions/mini2024.yaml"
ENTITIES = "curation/entities/entities.yaml"
SOURCE = "sources/mini2024.yaml"
TEXT = "sources/mini2024.txt"


class Tree:
    """A writable curation root with edits that keep it valid (new text updates the recorded SHA-256)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def edit(self, file: str, old: str, new: str) -> None:
        replace_in(self.root / file, old, new)

    def add_text(self, text: str) -> None:
        path = self.root / TEXT
        old = path.read_bytes()
        path.write_bytes(old + text.encode("utf-8") + b"\n")
        self.edit(SOURCE, hashlib.sha256(old).hexdigest(), hashlib.sha256(path.read_bytes()).hexdigest())

    def _append(self, file: str, record: dict[str, Any]) -> None:
        block = yaml.safe_dump([record], sort_keys=False, allow_unicode=True, width=1000)
        with (self.root / file).open("a", encoding="utf-8") as handle:
            handle.write(textwrap.indent(block, "  "))

    def add_assertion(
        self,
        name: str,
        regulator: str,
        target: str,
        quote: str,
        section: str = "Text",
        direction: str = "increases",
        aspect: str = "amount",
        **fields: Any,
    ) -> None:
        record: dict[str, Any] = {"id": f"mini2024-{name}", "regulator": regulator, "target": target}
        record |= {"direction": direction, "aspect": aspect, **fields}
        self._append(ASSERTIONS, {**record, "evidence": [{"quote": quote, "section": section}]})

    def add_entity(self, key: str, curie: str, kind: str, **fields: Any) -> None:
        self._append(ENTITIES, {"key": key, "curie": curie, "label": fields.pop("label", key), "kind": kind, **fields})

    def findings(self, *select: str) -> list[Finding]:
        report = lint(Layout(self.root), select=select)
        assert report.problems == [], [str(p) for p in report.problems]
        return report.findings

    def codes(self, *select: str) -> list[str]:
        return [f.code for f in self.findings(*select)]


@pytest.fixture
def tree(mini: Path) -> Tree:
    """The mini fixture with its one lint finding fixed: "did not change" is regulates + negated."""
    clean = Tree(mini)
    negated = "    aspect: amount\n    negated: true"
    clean.edit(ASSERTIONS, f"    direction: increases\n{negated}", f"    direction: regulates\n{negated}")
    return clean
